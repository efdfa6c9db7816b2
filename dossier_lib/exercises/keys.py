"""Keeping the answer key out of sight: salted hashes and a light obfuscation.

Honest warning: this only stops a student who glances at the library's files.
A hash of "b" among four options, or of a small number, is found by trying;
the obfuscated blobs decode with two lines of Python. Real secrecy would need
the key to stay off the students' machines, which a notebook lesson cannot do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from typing import Any

#: Changing the salt changes every hash: rebuild with `python -m dossier_lib answer-key --build`.
DEFAULT_SALT = "dossier-noord-korea/2024"


def answer_hash(exercise_id: str, normalised: str, salt: str = DEFAULT_SALT) -> str:
    """SHA-256 of salt, exercise id and normalised answer: equal answers give equal hashes per exercise."""
    data = f"{salt}\x00{exercise_id}\x00{normalised}".encode()
    return hashlib.sha256(data).hexdigest()


def obfuscate(data: Any) -> str:
    """JSON, zlib-compressed, base64: unreadable at a glance, not secret."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def reveal(blob: str) -> Any:
    """The inverse of `obfuscate`."""
    return json.loads(zlib.decompress(base64.b64decode(blob.encode("ascii"))).decode("utf-8"))
