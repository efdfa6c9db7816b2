"""Lesson 03 "De spelers": who is named where, and how a name in the text becomes a person.

The notebook shows small tables made here, so each cell does one visible thing:

    >>> from dossier_lib import load_dossier
    >>> name_forms(load_dossier(), "vladimir-putin")["Rus"]
    1
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..arguments import article_arg, dossier_arg, int_arg, kb_arg, text_arg
from ..display import whole_text
from ..errors import StudentInputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus import Article, Dossier

LESSON = "03"


def _kb():
    """The knowledge base in use: the bundled one, plus the teacher's kennisbank.yaml when the lesson loaded one."""
    from ..annotate.kb import current_kb

    return current_kb()


def _person_id(person_id: str) -> str:
    """The knowledge-base id: the id itself ("vladimir-putin") or a name as the lessons write it ("Poetin")."""
    return kb_arg(person_id, (), '"vladimir-putin"', "persoon of naam uit de kennisbank")


def kb_block(person_id: str) -> str:
    """The lines of `data/kb.yaml` (or of the teacher's kennisbank.yaml) that describe one entry, as written."""
    from pathlib import Path

    from ..annotate.kb import KB_FILE

    person_id = _person_id(person_id)
    files = [Path(__file__).resolve().parent.parent / "data" / KB_FILE]
    source = getattr(_kb(), "source", "")
    if " + " in source:  # "kb.yaml + /pad/naar/kennisbank.yaml": the teacher's own file
        files.insert(0, Path(source.split(" + ", 1)[1]))
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        start = next((i for i, line in enumerate(lines) if line.strip() == f"- id: {person_id}"), None)
        if start is None:
            continue
        block = [lines[start]]
        for line in lines[start + 1 :]:
            if not line.strip() or line.lstrip().startswith("- id:"):
                break
            block.append(line)
        return "\n".join(block)
    return f"- id: {person_id}"


def name_forms(source: Dossier | Article, person_id: str) -> Counter:
    """How each written form ("Poetin", "Rus", "Kims" ...) that means this person occurs in the text."""
    person_id = _person_id(person_id)
    source = dossier_arg(source, 'spelers.name_forms_table(dossier["001"], "vladimir-putin")')
    articles = [source] if hasattr(source, "annotations") else list(source)
    return Counter(e.text for a in articles for e in a.annotations.entities if e.id == person_id)


def name_forms_table(source: Dossier | Article, person_id: str) -> pd.DataFrame:
    """`name_forms` as a table: 'zo staat het er' and 'keer', most frequent first."""

    forms = name_forms(source, person_id)
    rows = [{"zo staat het er": f, "keer": n} for f, n in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    return whole_text(rows, columns=["zo staat het er", "keer"])


def names_in_paragraph(article: Article, index: int) -> pd.DataFrame:
    """Every name the computer finds in one paragraph: text, kind (in Dutch) and who or what it means."""

    from ..annotate.entities import TYPE_LABELS_NL

    article = article_arg(article, 'spelers.names_in_paragraph(dossier["003"], 6)')
    index = int_arg(index, "het nummer van de alinea", 'spelers.names_in_paragraph(dossier["003"], 6)')
    paragraph = next((p for p in article.paragraphs if p.index == index), None)
    if paragraph is None:
        raise StudentInputError(
            f"Artikel {article.label} heeft geen alinea {index}. Kies 0 tot en met {len(article.paragraphs) - 1}."
        )
    rows = [
        {"in de tekst": e.text, "soort": TYPE_LABELS_NL.get(e.type, e.type), "betekent": e.label}
        for e in article.annotations.entities
        if paragraph.start <= e.start < paragraph.end
    ]
    return whole_text(rows, columns=["in de tekst", "soort", "betekent"])


def actor_cards(dossier: Dossier, top: int | None = None) -> pd.DataFrame:
    """One row per person: Dutch name, English name, role, how often named and in which articles."""

    from .. import analysis

    dossier = dossier_arg(dossier, "spelers.actor_cards(dossier)", allow_article=False)
    kb = _kb()
    counts = analysis.mention_counts(dossier)
    rows = []
    for name, pid in analysis.persons(dossier)[:top]:
        entry = kb.get(pid)
        per_article = [a.label for a in dossier if counts[a.id][pid]]
        rows.append(
            {
                "naam": name,
                "Engelse naam": entry.label_en,
                "rol": entry.role_nl,
                "genoemd": sum(c[pid] for c in counts.values()),
                "in artikel": ", ".join(per_article),
            }
        )
    return whole_text(rows, columns=["naam", "Engelse naam", "rol", "genoemd", "in artikel"], index="naam")


def unnamed_mentions(dossier: Dossier, phrase: str) -> pd.DataFrame:
    """Where a person is described but not named ("de president van Zuid-Korea"): the places, with context."""
    from .. import analysis

    example = 'spelers.unnamed_mentions(dossier, "president van Zuid-Korea")'
    dossier = dossier_arg(dossier, example)
    phrase = text_arg(phrase, "de woorden", example)
    table = analysis.concordance(dossier, phrase)
    return whole_text(table[["artikel", "links", "treffer", "rechts"]], show_index=False)
