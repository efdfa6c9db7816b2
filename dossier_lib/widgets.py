"""Interactive widgets for the lessons: reader, timeline, concordance, actors, side by side.

Each builder returns one VBox; the lesson shows it as the last expression of a cell:

    >>> from dossier_lib import load_dossier, widgets
    >>> widgets.article_reader(load_dossier())
    <Artikellezer: voer de cel uit (Shift+Enter) om te beginnen>

The controls (lists, buttons, check boxes, text boxes, the month slider) come from
controls.py: they keep every key a student presses inside the widget, so JupyterLab's
notebook shortcuts (``m``, ``d d``, arrow keys) never change or delete a cell, and each
has a Dutch label for screen readers. Text and tables go into `ipywidgets.HTML` values,
never into print() or an Output widget,
so the notebook tests (nbval) see no stray text. Every piece of text that comes
from an article or a data file is escaped with `html.escape` before it becomes
HTML. Callbacks only rebuild HTML from annotations that are already computed,
so each answers well within 100 ms (see benchmarks/bench_widgets.py).

The parts a test needs are attributes of the returned box: `box.chooser`,
`box.view`, `box.toggles`, ... (listed in each builder's docstring).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from . import analysis, controls, palette
from .arguments import article_arg, dossier_arg, text_arg
from .nl import month_label

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Article, Dossier

#: The entity types a student can switch on and off in the reader (UNKNOWN: names the knowledge base lacks).
READER_TYPES = ("PERSON", "PLACE", "ORG", "NORP", "EVENT", "UNKNOWN")
MAX_ROWS = 200
#: A search with more hits than this (a single letter, say) asks for a longer word.
MAX_HITS = 500
_TAGS = {"headline": "h3", "summary": "p", "heading": "h4", "body": "p"}
#: Article text: a serif face a little larger than the notebook's, readable on a projector too.
_BOX = f"font-family:Georgia,serif;font-size:1.15em;line-height:1.55;max-width:46em;color:{palette.TEXT}"
#: Secondary lines (month, source, counts): grey but full size, never <small> (10.8 px).
_NOTE = f"color:{palette.MUTED_TEXT}"
#: Every id of a name's details is unique on the page (two readers may show one article).
_TIP_IDS = itertools.count(1)


class Panel(W.VBox):
    """A VBox with a short text form: notebook tests compare text/plain, and a plain VBox
    would print every child's value there (whole articles), which changes with each annotator fix."""

    def __init__(self, children, name: str, **kwargs):
        super().__init__(children, **kwargs)
        self.panel_name = name
        self.add_class("dossier-panel")

    def __repr__(self) -> str:
        # Shown only where the live widget is not: an unrun cell, nbval, a terminal.
        return f"<{self.panel_name}: voer de cel uit (Shift+Enter) om te beginnen>"


def esc(text: Any) -> str:
    """Text made safe for HTML: < > & and quotes become entities."""
    return html.escape("" if text is None else str(text), quote=True)


def _articles(source: Article | Dossier | Iterable[Article]) -> list[Article]:
    articles = analysis.articles(source)
    if not articles:
        raise ValueError("Er zijn geen artikelen om te laten zien.")
    return articles


def _article_name(a: Article) -> str:
    return f"{a.label} – {a.month_label} – {a.title}"


def _message(text: str, kind: str = "info") -> str:
    from .display import box

    return box({"info": "info", "error": "waarschuwing", "ok": "goed"}[kind], "", [text]).html


# ---------------------------------------------------------------- article HTML

#: The details of a name: hidden until the name has the mouse on it or the focus
#: (Tab, a click, a tap); controls.py's style sheet shows them.
_TIP = (
    "display:none;position:absolute;left:0;top:100%;z-index:20;margin-top:4px;width:max-content;max-width:26em;"
    f"padding:6px 10px;background:#FFFFFF;color:{palette.TEXT};border:1px solid {palette.CARD_BORDER};"
    "border-radius:6px;box-shadow:0 2px 6px rgba(0,0,0,0.25);font-style:normal;font-weight:400;"
    "font-size:0.85em;line-height:1.4;font-family:sans-serif;"
    "white-space:normal;text-align:left;pointer-events:none"  # a click goes through to the text below
)


def source_card_html(article: Article) -> str:
    """Title, month, our summary and what is (not) known about the source."""
    card = article.card
    parts = [
        f'<div class="dossier-card" style="border:1px solid {palette.CARD_BORDER};border-radius:6px;'
        f'padding:8px 12px;margin-bottom:10px;background:{palette.CARD_BACKGROUND}">',
        f"<b>Artikel {esc(article.label)}: {esc(article.title)}</b>",
        f'<br><span style="{_NOTE}">{esc(article.month_label)} · {article.word_count} woorden</span>',
    ]
    if card is not None:
        parts.append(f"<br>{esc(card.summary)}")
        source = ", ".join(x for x in (card.outlet, card.author) if x)
        parts.append(
            f'<br><span style="{_NOTE}">Bron: {esc(source) if source else "bron onbekend"}'
            f"{' — ' + esc(card.note) if card.note else ''}</span>"
        )
    else:
        parts.append(
            f'<br><span style="{_NOTE}">Bron: bron onbekend (krant en schrijver staan niet in het bestand).</span>'
        )
    parts.append("</div>")
    return "".join(parts)


def entity_title(entity: Any) -> str:
    """The details of one name: who or what it was linked to, role, English name (and metonymy)."""
    entry = entity.entry if getattr(entity, "id", None) else None
    if entry is None:
        return "onbekende naam: de computer kent deze naam niet, want hij staat niet in de kennisbank"
    said = getattr(entity, "text", "")
    bits = [entry.label_nl if not said or said == entry.label_nl else f"“{said}” is hier {entry.label_nl}"]
    if entry.role_nl:
        bits.append(entry.role_nl)
    if entry.label_en and entry.label_en != entry.label_nl:
        bits.append(f"Engels: {entry.label_en}")
    if getattr(entity, "metonym", False):
        bits.append("hier staat de plaats voor de regering")
    return " — ".join(bits)


def _name_html(text: str, style: str, details: str) -> str:
    """A name a student can reach with Tab, a click or a tap; its details show while it has the focus."""
    tip = f"dossier-tip-{next(_TIP_IDS)}"
    return (
        f'<span class="dossier-name" tabindex="0" data-lm-suppress-shortcuts="true" aria-describedby="{tip}" '
        f'style="{style};position:relative">{esc(text)}'
        f'<span class="dossier-tip" id="{tip}" role="tooltip" style="{_TIP}">{esc(details)}</span></span>'
    )


def highlight(text: str, spans: Sequence[tuple[int, int, str, str]], offset: int = 0) -> str:
    """Escape `text` and mark each (start, end, style, details) span; spans that overlap an earlier one are skipped.

    A span with details becomes a focusable name (see `_name_html`), one without a plain `<mark>`.
    """
    out, pos = [], offset
    for start, end, style, details in sorted(spans):
        if start < pos or end > offset + len(text):
            continue
        out.append(esc(text[pos - offset : start - offset]))
        piece = text[start - offset : end - offset]
        if details:
            out.append(_name_html(piece, style, details))
        else:
            out.append(f'<mark style="{style}">{esc(piece)}</mark>')
        pos = end
    out.append(esc(text[pos - offset :]))
    return "".join(out)


def _entity_style(entity_type: str) -> str:
    color = palette.entity_color(entity_type)
    return f"background:{palette.tint(color, 0.55)};border-bottom:2px solid {color};padding:0 1px;border-radius:2px"


def article_html(article: Article, types: Iterable[str] = READER_TYPES, card: bool = True) -> str:
    """The article as HTML: source card, headline, summary, headings and paragraphs, names coloured by type."""
    wanted = set(types)
    entities = [e for e in article.annotations.entities if e.type in wanted]
    parts = [f'<div class="dossier-article" style="{_BOX}">']
    if card:
        parts.append(source_card_html(article))
    i = 0
    for p in article.paragraphs:
        spans = []
        while i < len(entities) and entities[i].start < p.start:
            i += 1
        j = i
        while j < len(entities) and entities[j].end <= p.end:
            e = entities[j]
            spans.append((e.start, e.end, _entity_style(e.type), entity_title(e)))
            j += 1
        tag = _TAGS.get(p.kind, "p")
        extra = f' style="font-style:italic;color:{palette.TEXT}"' if p.kind == "summary" else ""
        parts.append(f'<{tag} class="dossier-{p.kind}"{extra}>{highlight(p.text, spans, p.start)}</{tag}>')
    parts.append("</div>")
    return "".join(parts)


def legend_html(types: Iterable[str] = READER_TYPES) -> str:
    """Coloured samples with the Dutch name of each entity type, and how to open a name's details."""
    items = [
        f'<span style="{_entity_style(t)};margin-right:12px;white-space:nowrap">{esc(palette.ENTITY_LABELS_NL[t])}</span>'
        for t in types
    ]
    return (
        f'<div style="line-height:1.9">Kleuren: {" ".join(items)}</div>'
        f'<div style="{_NOTE}">Uitleg bij een naam: klik of tik erop, ga er met Tab naartoe, of houd de muis erop.</div>'
    )


# ---------------------------------------------------------------- reader


def article_reader(source: Article | Dossier) -> Panel:
    """Read an article with names coloured by type; switch types on and off; open a name's details.

    Attributes: `chooser` (Dropdown of articles), `toggles` (type -> Checkbox), `view` (HTML).
    """
    articles = _articles(article_arg(source, 'widgets.article_reader(dossier["003"])', allow_dossier=True))
    chooser = controls.Dropdown(
        options=[(_article_name(a), k) for k, a in enumerate(articles)],
        value=0,
        description="Artikel:",
        layout=W.Layout(width="95%"),
    )
    toggles = {t: controls.Checkbox(value=True, description=palette.ENTITY_LABELS_NL[t]) for t in READER_TYPES}
    view = W.HTML()

    def redraw(_change=None) -> None:
        article = articles[chooser.value]
        view.value = article_html(article, [t for t, box in toggles.items() if box.value])

    chooser.observe(redraw, names="value")
    for box in toggles.values():
        box.observe(redraw, names="value")
    redraw()
    kinds = W.HBox(
        [W.HTML("<b>Kleur geven aan:</b>&nbsp;"), *toggles.values()],
        layout=W.Layout(flex_flow="row wrap", align_items="center"),
    )
    root = Panel([chooser, kinds, W.HTML(legend_html()), view], "Artikellezer")
    root.chooser, root.toggles, root.view, root.redraw = chooser, toggles, view, redraw
    return root


# ---------------------------------------------------------------- timeline


def _months(first: Any, last: Any) -> list[tuple[str, Any]]:
    """("nov 2017", date(2017, 11, 1)), ... for every month from `first` to `last` (dates)."""
    import datetime as dt

    y, m = first.year, first.month
    out = []
    while (y, m) <= (last.year, last.month):
        out.append((month_label(y, m, short=True), dt.date(y, m, 1)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_end(d):
    import datetime as dt

    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


_QUOTE_MARKS = "“”„\"‘’'‚"


def event_html(event: Any, dossier: Dossier) -> str:
    """One event: date, place, description and the passages that refer to it (or that none do)."""
    ids = {a.id: a for a in dossier}
    passages = [p for p in event.passages if p.article_id in ids]
    place = f" · {esc(analysis.label(event.place))}" if event.place else ""
    parts = [
        f"<h4 style='margin:4px 0'>{esc(event.title)}</h4>",
        f'<div style="{_NOTE}">{esc(event.date_label)}{place}</div>',
        f"<p>{esc(event.description)}</p>",
    ]
    if not passages:
        parts.append(_message("Geen artikel in het dossier gaat hierover.", "error"))
    for p in passages:
        a = ids[p.article_id]
        text = p.text.strip()
        # a passage that is itself a quotation keeps its own marks: no „“Zij zaten ...”” (findings 3.B, 06)
        shown = esc(text) if text[:1] in _QUOTE_MARKS else f"“{esc(text)}”"
        parts.append(
            f'<blockquote style="border-left:3px solid {palette.YES};margin:6px 0;padding:2px 10px">'
            f"<b>Artikel {esc(a.label)}</b> ({esc(a.month_label)}): {shown}</blockquote>"
        )
    return "".join(parts)


def timeline_explorer(dossier: Dossier, events: list | None = None) -> Panel:
    """Choose a period with the two month sliders, pick an event, read what the articles say about it.

    The period runs over the same months as `charts.timeline_chart`, so both count the same events.
    Attributes: `slider` (MonthRange), `chooser` (ListBox of events), `summary`, `view` (HTML).
    """
    dossier = dossier_arg(dossier, "widgets.timeline_explorer(dossier)", allow_article=False)
    if events is None:
        from .annotate.timeline import load_timeline

        events = load_timeline(dossier)
    events = sorted(events, key=lambda e: (e.date_from, e.id))
    months = _months(*analysis.timeline_span(dossier, events))
    slider = controls.MonthRange(options=months, description="Periode:", layout=W.Layout(width="95%"))
    chooser = controls.ListBox(options=[], rows=8, description="Gebeurtenis:", layout=W.Layout(width="95%"))
    summary, view = W.HTML(), W.HTML()
    ids = {a.id for a in dossier}

    def in_range() -> list:
        lo, hi = slider.value
        hi = _month_end(hi)
        return [e for e in events if e.date_from <= hi and e.date_to >= lo]

    def show_event(_change=None) -> None:
        k = chooser.value
        view.value = event_html(events[k], dossier) if k is not None else _message("Kies een gebeurtenis.")

    def new_range(_change=None) -> None:
        shown = in_range()
        covered = sum(1 for e in shown if any(p.article_id in ids for p in e.passages))
        noun = "gebeurtenis" if len(shown) == 1 else "gebeurtenissen"
        verb = "staat" if covered == 1 else "staan"
        summary.value = (
            f"<b>{len(shown)}</b> {noun} in deze periode; <b>{covered}</b> daarvan {verb} in een artikel (✓)."
        )
        options = [
            (
                f"{'✓' if any(p.article_id in ids for p in e.passages) else '–'} {e.date_label}: {e.title}",
                events.index(e),
            )
            for e in shown
        ]
        old = chooser.value
        chooser.options = options
        keys = [k for _, k in options]
        chooser.value = old if old in keys else (keys[0] if keys else None)
        show_event()

    slider.observe(new_range, names="value")
    chooser.observe(show_event, names="value")
    new_range()
    root = Panel([slider, summary, chooser, view], "Tijdlijnverkenner")
    root.slider, root.chooser, root.summary, root.view = slider, chooser, summary, view
    return root


# ---------------------------------------------------------------- concordance

#: How a search works, in plain words (shown under the search box).
SEARCH_HELP = (
    "Je vindt ook stukjes van woorden: ‘veto’ vindt ook ‘vetorecht’. "
    "Met een vinkje bij ‘zoekpatroon’ werken jokers (een ‘regex’): een punt . is elk teken, "
    "en top\\w* vindt top, toppen en topontmoeting."
)
_PARAGRAPH_MARK = (
    f'<span title="nieuwe alinea of kop" style="color:{palette.HIGHLIGHT};font-weight:bold;'
    'user-select:none;-webkit-user-select:none">¶</span>'
)


def _context(text: str) -> str:
    """A context escaped for HTML; ¶ (a new paragraph or heading) stays out of a copied row."""
    return esc(text).replace("¶", _PARAGRAPH_MARK)


def concordance_html(
    lines: Sequence[analysis.ConcordanceLine], limit: int = MAX_ROWS, more_than: int | None = None
) -> str:
    """Keyword-in-context rows: article number, left context, the hit (marked), right context.

    Each row is one line of text, so a copied row is the article's own words: a hit inside a
    word stays one word ("met vetorecht"), and the article number is not copied along.
    `more_than` says the search stopped after that many hits.
    """
    if not lines:
        return _message("Niets gevonden. Probeer een ander woord of een deel van een woord.")
    shown = lines[:limit]
    if more_than is not None:
        head = (
            f"<p>Meer dan <b>{more_than}</b> keer gevonden: zoek op een langer woord. "
            f"Hieronder de eerste {len(shown)}, in de volgorde van de tekst.</p>"
        )
    elif len(lines) > len(shown):
        head = f"<p><b>{len(lines)}</b> keer gevonden; hieronder de eerste {len(shown)}.</p>"
    else:
        head = f"<p><b>{len(lines)}</b> keer gevonden.</p>"
    number = f"color:{palette.MUTED_TEXT};user-select:none;-webkit-user-select:none;display:inline-block;width:4ch"
    width = max(len(x.left) for x in shown)  # monospace: the hits stand in one column
    left = f"display:inline-block;width:{width}ch;text-align:right;vertical-align:bottom"
    mark = f"background:{palette.tint(palette.HIGHLIGHT, 0.6)};font-weight:bold;padding:0"
    rows = [
        f'<div class="dossier-kwic-row"><span style="{number}" title="artikel">{esc(x.label)}</span>'
        f'<span style="{left}">{_context(x.left)}</span><mark style="{mark}">{esc(x.match)}</mark>'
        f"{_context(x.right)}</div>"
        for x in shown
    ]
    uses_mark = any("¶" in x.left + x.right for x in shown)
    note = f'<p style="{_NOTE}">¶ = hier begint een nieuwe alinea of kop.</p>' if uses_mark else ""
    return (
        head
        + '<div class="dossier-kwic" style="font-family:monospace;font-size:1em;line-height:1.7;white-space:pre;'
        + 'overflow-x:auto">'
        + "".join(rows)
        + "</div>"
        + note
    )


def concordance(dossier: Dossier, word: str = "") -> Panel:
    """Search a word (or a pattern) in all articles and see every hit in its context.

    Attributes: `search` (Text), `sort` (ToggleButtons), `regex` (Checkbox), `view` (HTML).
    """
    dossier = dossier_arg(dossier, 'widgets.concordance(dossier, "zei")')
    word = text_arg(word, "het woord", 'widgets.concordance(dossier, "zei")', allow_empty=True)
    search = controls.Text(value=word, placeholder="typ een woord en druk op Enter", description="Zoek:")
    sort = controls.ToggleButtons(
        options=[("tekstvolgorde", "article"), ("woord links", "left"), ("woord rechts", "right")],
        value="article",
        description="Sorteer:",
    )
    regex = controls.Checkbox(value=False, description="zoekpatroon (regex)")
    view = W.HTML()

    def redraw(_change=None) -> None:
        if not search.value.strip():
            view.value = _message("Typ een woord om te zoeken, bijvoorbeeld 'top' of 'sancties'.")
            return
        try:
            lines = analysis.concordance_lines(
                dossier, search.value, regex=regex.value, sort=sort.value, max_hits=MAX_HITS + 1
            )
        except analysis.AnalysisError as exc:
            view.value = _message(str(exc), "error")
            return
        if len(lines) > MAX_HITS:  # the search stopped early: these are the first hits, not sorted
            first = analysis.concordance_lines(dossier, search.value, regex=regex.value, max_hits=MAX_ROWS)
            view.value = concordance_html(first, more_than=MAX_HITS)
        else:
            view.value = concordance_html(lines)

    for w in (search, sort, regex):
        w.observe(redraw, names="value")
    redraw()
    controls_row = W.HBox([search, regex], layout=W.Layout(flex_flow="row wrap", align_items="center"))
    root = Panel(
        [controls_row, W.HTML(f'<div style="{_NOTE}">{esc(SEARCH_HELP)}</div>'), sort, view], "Woord-in-context"
    )
    root.search, root.sort, root.regex, root.view = search, sort, regex, view
    return root


# ---------------------------------------------------------------- actors


def actor_html(profile: analysis.ActorProfile, dossier: Dossier) -> str:
    """One person: mentions per article (small bars), their quotes, who is named with them."""
    most = max(profile.mentions.values(), default=0) or 1
    months = {a.label: a.month_label for a in dossier}
    bars = "".join(
        f'<tr><td style="text-align:left">Artikel {esc(n)} <span style="{_NOTE}">({esc(months.get(n, ""))})</span></td>'
        f"<td style='text-align:left'><span style='display:inline-block;height:0.9em;width:{120 * c / most:.0f}px;"
        f"background:{palette.OKABE_ITO['orange']}'></span> {c}</td></tr>"
        for n, c in profile.mentions.items()
    )
    english = f" · Engels: {esc(profile.label_en)}" if profile.label_en else ""
    parts = [
        f"<h4 style='margin:4px 0'>{esc(profile.label)}</h4>",
        f'<div style="{_NOTE}">{esc(profile.role)}{english}</div>',
        f"<p><b>Genoemd:</b> {profile.total_mentions} keer</p><table>{bars}</table>",
    ]
    if profile.quotes:
        quotes = "".join(
            f"<li>Artikel {esc(n)}: “{esc(getattr(q, 'content', q.text))}”</li>" for n, q in profile.quotes
        )
        parts.append(f"<p><b>Citaten ({len(profile.quotes)}):</b></p><ul>{quotes}</ul>")
    else:
        parts.append("<p><b>Citaten:</b> geen. Deze persoon wordt in het dossier niet geciteerd.</p>")
    if profile.with_:
        company = ", ".join(f"{esc(name)} ({n})" for _, name, n in profile.with_)
        parts.append(f"<p><b>Samen in een alinea met:</b> {company}</p>")
    else:
        parts.append("<p><b>Samen in een alinea met:</b> niemand anders.</p>")
    return "".join(parts)


def actor_explorer(dossier: Dossier) -> Panel:
    """Pick a person: how often named per article, their quotes, and who appears with them.

    Attributes: `chooser` (Dropdown of person ids), `view` (HTML).
    """
    dossier = dossier_arg(dossier, "widgets.actor_explorer(dossier)", allow_article=False)
    people = analysis.persons(dossier)
    if not people:
        raise ValueError("In deze artikelen staan geen personen.")
    chooser = controls.Dropdown(options=people, value=people[0][1], description="Persoon:")
    view = W.HTML()
    cache: dict[str, str] = {}

    def redraw(_change=None) -> None:
        pid = chooser.value
        if pid not in cache:
            cache[pid] = actor_html(analysis.actor_profile(dossier, pid), dossier)
        view.value = cache[pid]

    chooser.observe(redraw, names="value")
    redraw()
    root = Panel([chooser, view], "Personenverkenner")
    root.chooser, root.view = chooser, view
    return root


# ---------------------------------------------------------------- side by side


def term_html(article: Article, term: str = "") -> str:
    """The article's paragraphs as HTML with every occurrence of `term` marked (case-insensitive)."""
    import re

    pattern = re.compile(re.escape(term.strip()), re.IGNORECASE) if term and term.strip() else None
    style = f"background:{palette.tint(palette.HIGHLIGHT, 0.55)};font-weight:bold"
    parts = [f'<div class="dossier-article" style="{_BOX}">', source_card_html(article)]
    hits = 0
    for p in article.paragraphs:
        spans = (
            [(m.start() + p.start, m.end() + p.start, style, "") for m in pattern.finditer(p.text)] if pattern else []
        )
        hits += len(spans)
        tag = _TAGS.get(p.kind, "p")
        parts.append(f"<{tag}>{highlight(p.text, spans, p.start)}</{tag}>")
    if pattern:
        parts.insert(2, f'<p style="{_NOTE}">“{esc(term.strip())}” komt hier {hits} keer voor.</p>')
    parts.append("</div>")
    return "".join(parts)


def side_by_side(article_a: Article, article_b: Article, term: str = "") -> Panel:
    """Two articles next to each other, with an optional word marked in both.

    Attributes: `search` (Text), `left` and `right` (HTML).
    """
    example = 'widgets.side_by_side(dossier["000"], dossier["002"], term="Zhao")'
    article_a, article_b = article_arg(article_a, example), article_arg(article_b, example)
    term = text_arg(term, "het woord om te markeren", example, allow_empty=True)
    search = controls.Text(value=term, placeholder="woord om te markeren", description="Markeer:")
    half = W.Layout(width="50%", padding="0 8px")
    left, right = W.HTML(layout=half), W.HTML(layout=half)

    def redraw(_change=None) -> None:
        left.value = term_html(article_a, search.value)
        right.value = term_html(article_b, search.value)

    search.observe(redraw, names="value")
    redraw()
    root = Panel([search, W.HBox([left, right])], "Twee artikelen naast elkaar")
    root.search, root.left, root.right = search, left, right
    return root
