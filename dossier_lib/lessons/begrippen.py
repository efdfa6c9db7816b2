"""`uitleg(...)`: what difficult words mean, shown where a lesson first uses them.

The explanations live in ``dossier_lib/data/glossary.yaml`` (teacher-editable).

    >>> print(uitleg("sanctions"))
    Begrippen
    sancties: ...
"""

from __future__ import annotations

from ..display import Box, box


def uitleg(*begrippen: str) -> Box:
    """The glossary entries with these ids ("sanctions", "summit"), together in one box, in this order."""
    from ..annotate.glossary import glossary_entry
    from ..arguments import glossary_arg
    from ..errors import StudentInputError

    if not begrippen:
        raise StudentInputError('Geef minstens één begrip, bijvoorbeeld uitleg("sanctions").')
    if len(begrippen) == 1 and isinstance(begrippen[0], (list, tuple)):
        begrippen = tuple(begrippen[0])  # uitleg(["summit", "dmz"])
    entries = [glossary_entry(glossary_arg(b)) for b in begrippen]
    return box("begrip", "Begrippen", [(f"{e.term}:", e.explanation) for e in entries])
