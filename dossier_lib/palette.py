"""Colours for charts and widgets: the Okabe–Ito palette, safe for colour-blind readers.

One place for colours, so a chart and a widget show a person in the same colour.
Okabe & Ito (2008), "Color Universal Design": eight colours that stay apart for
the common kinds of colour blindness. Highlights in the text use a light tint of
the same colour, so black text stays readable on top of it.
"""

from __future__ import annotations

#: The eight Okabe–Ito colours, by name.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Colours in the order charts use them for a series of bars or lines.
SEQUENCE = [
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
]

#: A colour per entity type (the same in highlights, legends and charts).
ENTITY_COLORS = {
    "PERSON": OKABE_ITO["orange"],
    "PLACE": OKABE_ITO["sky_blue"],
    "ORG": OKABE_ITO["bluish_green"],
    "NORP": OKABE_ITO["reddish_purple"],
    "EVENT": OKABE_ITO["yellow"],
    "UNKNOWN": "#999999",
}

#: Dutch names of the entity types for legends and check boxes.
ENTITY_LABELS_NL = {
    "PERSON": "personen",
    "PLACE": "plaatsen en landen",
    "ORG": "organisaties",
    "NORP": "woorden als 'Amerikaanse'",
    "EVENT": "gebeurtenissen",
    "UNKNOWN": "onbekende namen",
}

#: Covered / not covered on the timeline and similar yes/no pairs.
YES = OKABE_ITO["blue"]
NO = "#8C8C8C"
HIGHLIGHT = OKABE_ITO["vermillion"]
LAND = "#EFEBE0"
SEA = "#E8F1F8"
COAST = "#6B6B6B"
BORDER = "#8C8C8C"


#: Boxes in a lesson (feedback, hints, glossary, error help): status -> (border, background).
#: Okabe–Ito borders on light tints; the box's heading always says the status in words too,
#: so nobody has to tell green from red.
STATUS_COLORS = {
    "goed": (OKABE_ITO["bluish_green"], "#EAF7F2"),
    "fout": (OKABE_ITO["vermillion"], "#FCEFE6"),
    "ongeldig": (OKABE_ITO["orange"], "#FDF5E3"),
    "leeg": ("#8C8C8C", "#F5F5F5"),
    "onbekend": ("#8C8C8C", "#F5F5F5"),
    "bewaard": (OKABE_ITO["blue"], "#E9F2F8"),
    "hint": (OKABE_ITO["blue"], "#E9F2F8"),
    "info": (OKABE_ITO["blue"], "#E9F2F8"),
    "begrip": (OKABE_ITO["sky_blue"], "#EEF7FC"),
    "uitleg": (OKABE_ITO["orange"], "#FDF5E3"),
    "waarschuwing": (OKABE_ITO["vermillion"], "#FCEFE6"),
}
#: Text on the light backgrounds above: near-black, readable on a projector.
TEXT = "#222222"
#: Secondary text (month, source line, counts): grey, still 9:1 on white.
MUTED_TEXT = "#444444"
#: Source cards and the pop-up details of a name in the reader.
CARD_BORDER = "#BBBBBB"
CARD_BACKGROUND = "#FAFAFA"


def tint(hex_color: str, amount: float = 0.6) -> str:
    """A lighter version of `hex_color` (mixed with white), for backgrounds behind text."""
    if not (isinstance(hex_color, str) and len(hex_color) == 7 and hex_color.startswith("#")):
        raise ValueError(f"Een kleur schrijf je als '#RRGGBB', bijvoorbeeld '#E69F00' (niet {hex_color!r}).")
    if not 0 <= amount <= 1:
        raise ValueError("De hoeveelheid wit moet tussen 0 en 1 liggen.")
    rgb = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def entity_color(entity_type: str) -> str:
    """The colour of one entity type; grey for a type we do not know."""
    return ENTITY_COLORS.get(entity_type, ENTITY_COLORS["UNKNOWN"])


def color_cycle(n: int) -> list[str]:
    """`n` colours from SEQUENCE, repeating when more are needed."""
    return [SEQUENCE[i % len(SEQUENCE)] for i in range(max(n, 0))]
