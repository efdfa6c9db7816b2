"""Statements that clash across the articles: who claims what, and where it is written.

The claims live in `dossier_lib/data/claims.yaml`. Each one is a question for the
student ("Vroeg Noord-Korea om álle sancties?") with the positions of the people
involved, each tied to an exact quote. A claim can be a contradiction, a
correction (a source correcting its own earlier report), or competing accounts
of the same thing. A claim may add `context_nl`: what sources outside the
articles say, with the `sources` it comes from (outlet, title, date).

    >>> claim = next(c for c in load_claims() if c.id == "hanoi-all-sanctions")
    >>> [p.claimant for p in claim.positions][:3]
    ['donald-trump', 'donald-trump', 'ri-yong-ho']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .passages import PassageNotFoundError, resolve_entry

CLAIMS_FILE = "claims.yaml"
RELATIONS = ("contradiction", "correction", "competing_accounts")
#: Relation names in Dutch, for labels and tables.
RELATIONS_NL = {
    "contradiction": "tegenspraak",
    "correction": "verbetering",
    "competing_accounts": "verschillende verhalen",
}
#: The claimant for what the article's own writer says.
JOURNALIST = "journalist"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ClaimsError(ValueError):
    """claims.yaml is not usable; the message says where and what to do, in Dutch."""


@dataclass(frozen=True)
class Position:
    """What one party claims, and where in which article that is written."""

    start: int
    end: int
    text: str
    article_id: str
    claim_id: str
    claimant: str
    stance: str

    @property
    def label(self) -> str:
        """The short article label students use: ``003``, or a teacher's file name."""
        from ..corpus import label_for

        return label_for(self.article_id)

    @property
    def number(self) -> str:
        """The same as `label` (older name)."""
        return self.label


@dataclass(frozen=True)
class Claim:
    """A question on which the sources disagree, with every position on it."""

    id: str
    question: str
    relation: str
    positions: tuple[Position, ...]
    context: str = ""  # what sources outside the five articles say (Dutch); empty when nothing is added
    sources: tuple[str, ...] = ()  # where `context` comes from: outlet, title, date, address

    @property
    def relation_nl(self) -> str:
        return RELATIONS_NL[self.relation]

    @property
    def claimants(self) -> list[str]:
        """The parties in the order they first appear in the data file."""
        return list(dict.fromkeys(p.claimant for p in self.positions))

    @property
    def article_ids(self) -> list[str]:
        return sorted({p.article_id for p in self.positions})


def load_claims(dossier=None) -> list[Claim]:
    """All claims, with quotes resolved against `dossier` (default: the lesson's dossier, see settings.py).

    First the curated claims of data/claims.yaml, in file order; then the teacher's own
    from ``beweringen.yaml`` in the dossier's folder (same format; `article` is a bundled
    number such as "003" or the name of a teacher's file without .txt).
    """
    from ..data import load_yaml

    if dossier is None:  # the lesson's dossier: the bundled five, and the teacher's folder when it is set
        from ..settings import lesson_dossier

        dossier = lesson_dossier()
    claims = parse_claims(load_yaml(CLAIMS_FILE), dossier)
    own = teacher_claims_file(dossier)
    if own is not None:
        known = {c.id for c in claims}
        for claim in parse_claims(_read_teacher_file(own), dossier, data_file=str(own)):
            if claim.id in known:
                raise ClaimsError(
                    f"{own}: de id '{claim.id}' bestaat al in de meegeleverde beweringen. Kies een andere id."
                )
            claims.append(claim)
    return claims


def teacher_claims_file(dossier):
    """The teacher's ``beweringen.yaml`` in the dossier's folder, or None."""
    from ..paths import TEACHER_CLAIMS_FILE

    folder = getattr(dossier, "folder", None)
    if folder is None:
        return None
    path = folder / TEACHER_CLAIMS_FILE
    return path if path.is_file() else None


def _read_teacher_file(path):
    from ..data import YamlFileError, read_yaml

    try:
        data = read_yaml(path, "het bestand met je eigen beweringen")
    except YamlFileError as exc:
        raise ClaimsError(f"{exc} Kijk voor het formaat naar dossier_lib/data/claims.yaml.") from None
    return data if data is not None else {"claims": []}


def find_claims(article, claims: list[Claim] | None = None) -> list[Position]:
    """Every claim position written in `article`, sorted by start."""
    if claims is None:
        claims = load_claims()
    article_id = getattr(article, "id", article)
    found = [p for c in claims for p in c.positions if p.article_id == article_id]
    return sorted(found, key=lambda p: (p.start, p.end))


def parse_claims(raw: Any, dossier, data_file: str = CLAIMS_FILE) -> list[Claim]:
    """Turn the YAML structure into checked `Claim`s (separate from loading, so tests can feed it)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("claims"), list):
        raise ClaimsError(f"{data_file}: het bestand moet beginnen met 'claims:' gevolgd door een lijst.")
    claims: list[Claim] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw["claims"], start=1):
        claim = _parse_claim(entry, number, dossier, data_file)
        if claim.id in seen:
            raise ClaimsError(f"{data_file}: de id '{claim.id}' komt twee keer voor. Geef elke bewering een eigen id.")
        seen.add(claim.id)
        claims.append(claim)
    return claims


def _parse_claim(entry: Any, number: int, dossier, data_file: str) -> Claim:
    if not isinstance(entry, dict):
        raise ClaimsError(f"{data_file}: bewering nummer {number} is geen blok met velden (id:, question_nl:, ...).")
    name = str(entry.get("id", f"nummer {number}"))
    missing = [k for k in ("id", "question_nl", "relation", "positions") if not entry.get(k)]
    if missing:
        raise ClaimsError(
            f"{data_file}, bij '{name}': het veld {', '.join(missing)} ontbreekt of is leeg. "
            "Kopieer een bestaand blok en vul alle velden in."
        )
    if not _SLUG.fullmatch(name):
        raise ClaimsError(f"{data_file}: de id '{name}' mag alleen kleine letters, cijfers en streepjes bevatten.")
    relation = str(entry["relation"]).strip()
    if relation not in RELATIONS:
        raise ClaimsError(
            f"{data_file}, bij '{name}': relation '{relation}' ken ik niet. Kies uit: {', '.join(RELATIONS)}."
        )
    if not isinstance(entry["positions"], list) or len(entry["positions"]) < 2:
        raise ClaimsError(
            f"{data_file}, bij '{name}': een bewering heeft minstens twee posities nodig (anders botst er niets)."
        )
    positions = []
    for item in entry["positions"]:
        if not isinstance(item, dict) or not item.get("claimant") or not item.get("stance_nl"):
            raise ClaimsError(
                f"{data_file}, bij '{name}': elke positie heeft 'claimant', 'article', 'quote' en 'stance_nl' nodig."
            )
        claimant = str(item["claimant"]).strip()
        if not _SLUG.fullmatch(claimant):
            raise ClaimsError(
                f"{data_file}, bij '{name}': claimant '{claimant}' moet een id uit kb.yaml zijn "
                f"(zoals donald-trump) of '{JOURNALIST}'."
            )
        passage = resolve_entry(dossier, item, data_file=data_file, entry_id=name)
        if passage is None:
            continue
        positions.append(
            Position(
                start=passage.start,
                end=passage.end,
                text=passage.text,
                article_id=passage.article_id,
                claim_id=name,
                claimant=claimant,
                stance=" ".join(str(item["stance_nl"]).split()),
            )
        )
    context, sources = _context(entry, name, data_file)
    return Claim(
        id=name,
        question=" ".join(str(entry["question_nl"]).split()),
        relation=relation,
        positions=tuple(positions),
        context=context,
        sources=sources,
    )


def _context(entry: dict, name: str, data_file: str) -> tuple[str, tuple[str, ...]]:
    """The optional `context_nl` text and its `sources`; a context without a source is refused."""
    context = entry.get("context_nl") or ""
    sources = entry.get("sources") or []
    if not isinstance(context, str):
        raise ClaimsError(f"{data_file}, bij '{name}': 'context_nl' moet een tekst zijn.")
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources):
        raise ClaimsError(
            f"{data_file}, bij '{name}': 'sources' moet een lijst bronnen zijn, elk als tekst "
            '(bijvoorbeeld - "AP, titel van het bericht, 2 maart 2019").'
        )
    if context.strip() and not sources:
        raise ClaimsError(
            f"{data_file}, bij '{name}': bij 'context_nl' hoort ook 'sources': zeg waar je het gevonden hebt."
        )
    return " ".join(context.split()), tuple(" ".join(s.split()) for s in sources)


__all__ = [
    "Claim",
    "ClaimsError",
    "JOURNALIST",
    "PassageNotFoundError",
    "Position",
    "RELATIONS",
    "RELATIONS_NL",
    "find_claims",
    "load_claims",
    "parse_claims",
]
