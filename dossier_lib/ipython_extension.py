"""An IPython extension: Dutch help for a lesson's own names in a kernel where the first cell has not run yet.

After a kernel restart, or when a student opens a lesson halfway, ``check``, ``dossier`` or
``inleveren`` do not exist yet: the lesson's first cell (``from dossier_lib.les import *``)
makes them, and it also switches on the full Dutch error help. This extension, loaded when the
kernel starts, installs only the safe part of that help: a NameError for one of the lesson's
names says "voer eerst de eerste cel van de les uit"; every other error keeps IPython's normal
display. Loading it imports nothing heavy.

Load it in one kernel with ``%load_ext dossier_lib.ipython_extension``, or for every kernel of
an environment with a config file ``{sys.prefix}/etc/ipython/ipython_kernel_config.py``::

    c.InteractiveShellApp.extensions.append("dossier_lib.ipython_extension")

``make lab`` writes that file into the project's own ``.venv`` (never the user's home).
"""

from __future__ import annotations

from typing import Any


def load_ipython_extension(ipython: Any) -> None:
    """Called by IPython for ``%load_ext`` and for ``c.InteractiveShellApp.extensions``."""
    from .exercises.friendly_errors import install_safe

    install_safe(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """Nothing to undo: the lesson's first cell replaces the safe help with the full one anyway."""
