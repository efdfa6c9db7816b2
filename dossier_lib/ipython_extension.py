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


#: The line that loads this extension in every kernel of an environment.
CONFIG_LINE = 'c.InteractiveShellApp.extensions.append("dossier_lib.ipython_extension")'
CONFIG_NAME = "ipython_kernel_config.py"


def kernel_config_file(prefix: str | None = None):
    """``{prefix}/etc/ipython/ipython_kernel_config.py``: read by every IPython kernel of that environment."""
    import sys
    from pathlib import Path

    return Path(prefix or sys.prefix) / "etc" / "ipython" / CONFIG_NAME


def write_kernel_config(prefix: str | None = None) -> tuple[object, bool]:
    """Add the config line to the environment's kernel config (kept when it is there): (path, changed)."""
    path = kernel_config_file(prefix)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if CONFIG_LINE in text:
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "" if text else "# Dutch help in the lessons' kernels before their first cell ran (dossier_lib).\n"
    path.write_text(text + ("\n" if text and not text.endswith("\n") else "") + header + CONFIG_LINE + "\n", "utf-8")
    return path, True


def kernel_config_main(argv: list[str]) -> int:
    """`python -m dossier_lib kernel-help [--prefix DIR]`: switch the extension on for this environment's kernels."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m dossier_lib kernel-help",
        description="Zet de Nederlandse foutuitleg aan in elke kernel van deze Python-omgeving, ook vóór de eerste cel.",
    )
    parser.add_argument("--prefix", help="de omgeving (standaard: deze, sys.prefix)")
    args = parser.parse_args(argv)
    path, changed = write_kernel_config(args.prefix)
    print(f"{path} {'aangevuld' if changed else 'was al in orde'}.")
    return 0
