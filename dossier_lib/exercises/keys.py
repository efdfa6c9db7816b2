"""Keeping the answer key out of sight: salted hashes, and explanations locked with the right answer.

What the installed package holds of each exercise is only what a check needs:

- value and choice answers as salted SHA-256 hashes of the normalised answer;
- evidence as hashes of the supporting sentences (and positions inside them, which mean
  nothing without the sentence);
- the explanation a student sees after a right answer, *sealed* with that right answer:
  it can only be read by someone who gives it.

Honest warning: this stops a glance at the files and the `answer-key` command, not a
determined student. Four options of a multiple-choice question, a small number or the
thirty sentences of an article are quickly tried one by one. Real secrecy would need the
key to stay off the students' machines, which an offline notebook lesson cannot do.

    >>> blob = seal("Goed zo: vijf artikelen.", "5")
    >>> unseal(blob, "5")
    'Goed zo: vijf artikelen.'
    >>> unseal(blob, "4") is None
    True
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from typing import Any

#: Changing the salt changes every hash: rebuild with `python -m dossier_lib answer-key --build`.
DEFAULT_SALT = "dossier-noord-korea/2024"
_MAGIC = b"DNK1"


def answer_hash(exercise_id: str, normalised: str, salt: str = DEFAULT_SALT) -> str:
    """SHA-256 of salt, exercise id and normalised answer: equal answers give equal hashes per exercise."""
    data = f"{salt}\x00{exercise_id}\x00{normalised}".encode()
    return hashlib.sha256(data).hexdigest()


def _keystream(secret: str, length: int) -> bytes:
    seed = hashlib.sha256(f"seal\x00{secret}".encode()).digest()
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1
    return bytes(out[:length])


def seal(text: str, secret: str) -> str:
    """`text` locked with `secret` (the normalised right answer, salted): base64 of a SHA-256 keystream XOR."""
    raw = _MAGIC + zlib.compress(text.encode("utf-8"), 9)
    stream = _keystream(secret, len(raw))
    return base64.b64encode(bytes(a ^ b for a, b in zip(raw, stream))).decode("ascii")


def unseal(blob: str, secret: str) -> str | None:
    """The text `seal` locked, or None when `secret` is not the one it was locked with."""
    try:
        data = base64.b64decode(blob.encode("ascii"))
    except (ValueError, UnicodeError):
        return None
    raw = bytes(a ^ b for a, b in zip(data, _keystream(secret, len(data))))
    if not raw.startswith(_MAGIC):
        return None
    try:
        return zlib.decompress(raw[len(_MAGIC) :]).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return None


def obfuscate(data: Any) -> str:
    """JSON, zlib-compressed, base64: unreadable at a glance, not secret (used where no answer can lock it)."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def reveal(blob: str) -> Any:
    """The inverse of `obfuscate`."""
    return json.loads(zlib.decompress(base64.b64decode(blob.encode("ascii"))).decode("utf-8"))
