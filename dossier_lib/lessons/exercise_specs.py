"""Register a lesson's exercises in the running kernel when the bundled answer key lacks them.

The answer key of the project is `teacher/answers_teacher.yaml` (built into
`dossier_lib/data/answers.yaml`). Until a lesson's exercises are copied there, the
lesson registers them itself with `register_exercise`, so every check works.
Exercises already in the bundled key are left alone: the hashed key wins.
"""

from __future__ import annotations

from typing import Iterable


def register_missing(specs: Iterable[dict]) -> list[str]:
    """Register each teacher-form spec whose id the bundled key does not know; return those ids."""
    from ..exercises import register_exercise
    from ..exercises.registry import _public

    known = _public()
    added = []
    for spec in specs:
        if spec["id"] in known:
            continue
        register_exercise(spec)
        added.append(spec["id"])
    return added
