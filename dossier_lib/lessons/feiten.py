"""Sentences about the dossier that a lesson would otherwise write down as fixed numbers.

"Het dossier heeft vijf artikelen", "Moon Jae-in staat niet in de grafiek", "Kim wordt maar één
keer letterlijk geciteerd": true for the five bundled articles, false as soon as a teacher adds
this week's news. A lesson prints these functions instead, so the sentence always fits the
dossier the lesson loaded (see settings.lesson_dossier). Each returns one or two plain Dutch
sentences.

    >>> from dossier_lib import load_dossier
    >>> print(dossier_zin(load_dossier()))
    Het dossier heeft 5 artikelen, van mei 2018 tot april 2019.
    >>> print(in_grafiek_zin(load_dossier(), "moon-jae-in"))
    Moon Jae-in staat niet in de grafiek: zijn naam staat in geen enkel artikel.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..nl import meervoud, month_label

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Dossier


def _span(dossier) -> str:
    first, last = dossier.articles[0], dossier.articles[-1]
    return f"van {month_label(first.year, first.month)} tot {month_label(last.year, last.month)}"


def dossier_zin(dossier: Dossier) -> str:
    """How many articles, from when to when, and how many of them the teacher added."""
    articles = list(dossier)
    added = [a for a in articles if not a.bundled]
    text = f"Het dossier heeft {meervoud(len(articles), 'artikel', 'artikelen')}, {_span(dossier)}"
    if added:
        bundled = len(articles) - len(added)
        text += (
            f": de {bundled} meegeleverde en {meervoud(len(added), 'eigen artikel', 'eigen artikelen')} van je docent"
        )
    return text + "."


def laatste_artikel_zin(dossier: Dossier) -> str:
    """ "Het laatste artikel is van april 2019." """
    last = dossier.articles[-1]
    return f"Het laatste artikel is van {month_label(last.year, last.month)}."


def langste_artikel_zin(dossier: Dossier) -> str:
    """Which article has the most words (the answer to lesson 01's exercise for the bundled five)."""
    longest = max(dossier, key=lambda a: a.word_count)
    return f"Het langste artikel is {longest.label} ({longest.word_count} woorden): {longest.title}."


def bronnen_onbekend_zin(dossier: Dossier) -> str:
    """For how many articles the newspaper and the writer are unknown."""
    articles = list(dossier)
    unknown = [a for a in articles if not (a.card and (a.card.outlet or a.card.author))]
    if len(unknown) == len(articles):
        return f"Bij alle {len(articles)} artikelen zijn de krant en de schrijver onbekend."
    if not unknown:
        return f"Bij alle {len(articles)} artikelen staat wie ze maakte."
    return f"Bij {len(unknown)} van de {len(articles)} artikelen zijn de krant en de schrijver onbekend."


def ontbrekende_gebeurtenissen(dossier: Dossier, events: list | None = None) -> list:
    """The timeline events that no article of this dossier refers to (what the dossier leaves out)."""
    from ..analysis import uncovered_events

    return uncovered_events(dossier, events)


def tijdlijn_zin(dossier: Dossier, events: list | None = None) -> str:
    """How many timeline events there are, and how many of them the dossier's articles mention."""
    from ..annotate.timeline import load_timeline

    events = list(events) if events is not None else load_timeline(dossier)
    missing = len(ontbrekende_gebeurtenissen(dossier, events))
    return (
        f"De tijdlijn heeft {len(events)} gebeurtenissen. {len(events) - missing} daarvan staan in een artikel "
        f"van het dossier, {missing} niet."
    )


def genoemd_zin(dossier: Dossier, *person_ids: str) -> str:
    """How often some people are named, in how many articles, against everyone else together (lesson 03)."""
    from ..analysis import label, mention_counts

    counts = mention_counts(dossier)
    articles = list(dossier)
    names = " en ".join(label(p) for p in person_ids)
    everywhere = sum(1 for a in articles if all(counts[a.id][p] for p in person_ids))
    together = sum(c[p] for c in counts.values() for p in person_ids)
    others = sum(n for c in counts.values() for i, n in c.items() if i not in person_ids)
    where = (
        f"staan in elk artikel ({len(articles)})"
        if everywhere == len(articles)
        else f"staan samen in {everywhere} van de {len(articles)} artikelen"
    )
    return f"{names} {where}. Samen worden ze {together} keer genoemd; alle andere mensen samen {others} keer."


def in_grafiek_zin(dossier: Dossier, person_id: str, top: int = 12) -> str:
    """Whether a person is one of the `top` names of the heatmap "Wie wordt hoe vaak genoemd?", and why."""
    from ..analysis import label, mention_matrix

    name = label(person_id)
    frame = mention_matrix(dossier)
    if name not in frame.index:
        return f"{name} staat niet in de grafiek: zijn naam staat in geen enkel artikel."
    total = int(frame.loc[name, "totaal"])
    rank = list(frame.index).index(name) + 1
    articles = [c for c in frame.columns if c != "totaal" and frame.loc[name, c]]
    if rank <= top:
        return (
            f"{name} staat in de grafiek: {meervoud(total, 'keer', 'keer')} genoemd, in artikel {', '.join(articles)}."
        )
    return (
        f"{name} staat niet in de grafiek: hij of zij wordt {meervoud(total, 'keer', 'keer')} genoemd, "
        f"minder dan de {top} meest genoemde namen."
    )


def geciteerd_zin(dossier: Dossier, person_id: str) -> str:
    """How often a person is quoted word for word, with how many words, and where (lesson 07)."""
    from ..analysis import label, quotes_of, words

    name = label(person_id)
    found = [(a, q) for a in dossier for q in quotes_of(a) if q.speaker == person_id]
    if not found:
        return f"{name} wordt in dit dossier niet letterlijk geciteerd."
    n_words = sum(words(q.content) for _, q in found)
    if len(found) == 1:
        a, q = found[0]
        return (
            f"{name} wordt één keer letterlijk geciteerd: {meervoud(n_words, 'woord', 'woorden')}, "
            f"„{q.content.strip()}” (artikel {a.label})."
        )
    per_article = Counter(a.label for a, _ in found)
    where = ", ".join(f"{label_} ({n}×)" if n > 1 else label_ for label_, n in per_article.items())
    return f"{name} wordt {len(found)} keer letterlijk geciteerd, samen {n_words} woorden, in artikel {where}."
