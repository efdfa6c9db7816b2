"""Lesson 01 (kennismaking): the source cards as one table, and the lesson's exercises.

    >>> from dossier_lib import load_dossier
    >>> source_cards(load_dossier()).loc["003", "krant of website"]
    'onbekend'
"""

from __future__ import annotations

UNKNOWN = "onbekend"

#: The lesson's exercises in teacher form (see dossier_lib.exercises). Copy them into
#: teacher/answers_teacher.yaml to have them hashed; until then `register_exercises` adds them.
EXERCISES: list[dict] = [
    {
        "id": "01.langste-artikel",
        "kind": "value",
        "value_type": "text",
        "question": 'Welk artikel heeft de meeste woorden? Geef het nummer als tekst, bijvoorbeeld "003".',
        "answers": ["002", "2", "artikel 002", "artikel 2"],
        "hints": [
            "Kijk in de tabel naar de kolom 'woorden'.",
            "Zoek het grootste getal in die kolom. Welk nummer staat in dezelfde rij?",
        ],
        "mistakes": [
            {"answer": "769", "hint": "769 is het aantal woorden. Welk nummer heeft dat artikel?"},
            {"answer": "001", "hint": "Artikel 001 is lang, maar er is er één met nog meer woorden."},
        ],
        "explanation": "Artikel 002, over de top in Hanoi, is het langste: 769 woorden.",
    },
    {
        "id": "01.bronkaart-onbekend",
        "kind": "choice",
        "question": "Wat weten we níet over artikel 004?",
        "options": [
            "In welke maand het verscheen.",
            "Waar het over gaat.",
            "Welke krant of website het publiceerde.",
            "Hoeveel woorden het heeft.",
        ],
        "answer": "c",
        "hints": [
            "Kijk naar de bronkaart van artikel 004. Welke velden zijn leeg?",
            "Bij 'krant of website' en 'schrijver' staat iets bijzonders.",
        ],
        "mistakes": [
            {"answer": "a", "hint": "De maand staat wel in het bestand: in de eerste regel staat 'date 2019-03'."},
            {"answer": "b", "hint": "Waar het over gaat, kun je gewoon lezen. De bronkaart geeft er ook een samenvatting van."},
            {"answer": "d", "hint": "Het aantal woorden staat in de tabel met alle artikelen."},
        ],
        "explanation": "Het bestand zegt niet wie het artikel publiceerde of schreef. De bronkaart zegt dat eerlijk: onbekend.",
    },
    {
        "id": "01.welke-kim",
        "kind": "value",
        "value_type": "name",
        "question": 'Artikel 003 zegt: "Kim is vice-voorzitter van het centrale comité". Welke Kim is dat?',
        "answer": "Kim Yong-chol",
        "hints": [
            "Kijk welke kleur en naam de lezer bij dit woord 'Kim' laat zien.",
            "Lees de alinea ervoor: welke Kim komt in New York aan?",
        ],
        "mistakes": [
            {"answer": "Kim Jong-un", "hint": "Kim Jong-un is de leider zelf. Lees de alinea ervoor: welke Kim gaat praten met Pompeo?"},
            {"answer": "Kim", "hint": "Welke Kim? In dit artikel staan drie mensen die Kim heten. Schrijf de volledige naam."},
            {"answer": "Sung Kim", "hint": "Sung Kim is een Amerikaanse ambassadeur. Zoek een Noord-Koreaan."},
        ],
        "explanation": "Het is Kim Yong-chol, een van de belangrijkste helpers van Kim Jong-un. "
                       "Als een naam vaker voorkomt, moet je goed lezen over wie het gaat.",
    },
    {
        "id": "01.persbureau",
        "kind": "value",
        "value_type": "name",
        "question": "Wie meldde dat een hoge Noord-Koreaanse functionaris in New York was aangekomen (artikel 003)?",
        "answer": "Yonhap",
        "hints": [
            "Zoek de zin met 'New York'.",
            "Kijk naar het woord 'meldde': wie meldde het?",
        ],
        "mistakes": [
            {"answer": "Sarah Sanders", "hint": "Sanders sprak over de Amerikaanse delegatie. Lees de zin over New York nog eens."},
            {"answer": "Kim Yong-chol", "hint": "Kim Yong-chol is de man die aankwam. Wie vertelde dat hij er was?"},
        ],
        "explanation": "Het Zuid-Koreaanse persbureau Yonhap. Het artikel vertelt dus iets door wat een ander meldde. "
                       "Dat is heel gewoon in het nieuws, maar let erop: wie heeft het echt gezien?",
    },
    {
        "id": "01.leeftijd-kim",
        "kind": "value",
        "value_type": "number",
        "question": "Zet de lezer op artikel 001. Hoe oud is Kim Jong-un volgens dat artikel?",
        "answer": 35,
        "hints": [
            "Verander in de cel met de lezer \"003\" in \"001\" en voer de cel opnieuw uit.",
            "Zoek in de tweede alinea het woord 'jarige'.",
        ],
        "mistakes": [
            {"answer": 1984, "hint": "1984 is zijn geboortejaar (volgens Zuid-Korea). Hoe oud is hij in het artikel?"},
        ],
        "explanation": "'De 35-jarige dictator': Kim werd op 8 januari 2019 35 jaar.",
    },
    {
        "id": "01.reflectie-bron",
        "kind": "reflection",
        "question": "Stel dat je wél wist welke krant of website een artikel schreef. Wat zou je dan kunnen nagaan? "
                    "Waarom helpt dat om te beoordelen of je een bron kunt vertrouwen?",
        "min_words": 15,
    },
]


def register_exercises() -> list[str]:
    """Make this lesson's exercises checkable in the running kernel (see exercise_specs.py)."""
    from .exercise_specs import register_missing

    return register_missing(EXERCISES)


def source_cards(dossier):
    """One row per article: number, month, our title and summary, outlet and author ('onbekend' when unknown)."""
    import pandas as pd

    rows = []
    for a in dossier:
        card = a.card
        rows.append({
            "nummer": a.number,
            "maand": a.month_label,
            "titel": a.title,
            "samenvatting": card.summary if card else "",
            "krant of website": (card.outlet if card and card.outlet else UNKNOWN),
            "schrijver": (card.author if card and card.author else UNKNOWN),
        })
    return pd.DataFrame(rows).set_index("nummer")


def show_card(article) -> str:
    """The source card of one article as a few Dutch lines (prints well in a notebook)."""
    card = article.card
    if card is None:
        return f"Artikel {article.number} heeft geen bronkaart. Alles wat we weten: het verscheen in {article.month_label}."
    lines = [
        f"Artikel {article.number} ({article.month_label})",
        f"  titel (door ons bedacht): {card.title}",
        f"  samenvatting: {card.summary}",
        f"  krant of website: {card.outlet or UNKNOWN}",
        f"  schrijver: {card.author or UNKNOWN}",
    ]
    if card.note:
        lines.append(f"  let op: {card.note}")
    return "\n".join(lines)


def words_chart(dossier):
    """A bar per article: how many words it has, in date order, with the month under the number."""
    import matplotlib.pyplot as plt

    from .. import palette

    articles = list(dossier)
    fig, ax = plt.subplots(figsize=(7, 3.2))
    labels = [f"{a.number}\n{a.month_label}" for a in articles]
    counts = [a.word_count for a in articles]
    bars = ax.bar(labels, counts, color=palette.OKABE_ITO["blue"])
    ax.bar_label(bars, padding=2, fontsize=9)
    ax.set_title("Hoeveel woorden heeft elk artikel?", loc="left")
    ax.set_ylabel("aantal woorden")
    ax.set_ylim(0, max(counts) * 1.15)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    fig.caption = "Staafdiagram: het aantal woorden van de vijf artikelen, van oud (links) naar nieuw (rechts)."
    return fig
