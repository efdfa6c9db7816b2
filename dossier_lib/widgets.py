"""Interactive widgets for the lessons: reader, timeline, concordance, actors, side by side, quiz.

Each builder returns one VBox; the lesson shows it as the last expression of a cell:

    >>> from dossier_lib import load_dossier, widgets
    >>> widgets.article_reader(load_dossier())

Output goes into `widgets.HTML` values, never into print() or an Output widget,
so the notebook tests (nbval) see no stray text. Every piece of text that comes
from an article or a data file is escaped with `html.escape` before it becomes
HTML. Callbacks only rebuild HTML from annotations that are already computed,
so each answers well within 100 ms (see benchmarks/bench_widgets.py).

The parts a test needs are attributes of the returned box: `box.chooser`,
`box.view`, `box.toggles`, ... (listed in each builder's docstring).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from . import analysis, palette
from .nl import month_label

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Article, Dossier

#: The entity types a student can switch on and off in the reader.
READER_TYPES = ("PERSON", "PLACE", "ORG", "NORP", "EVENT")
MAX_ROWS = 200
#: A search with more hits than this (a single letter, say) asks for a longer word.
MAX_HITS = 500
_TAGS = {"headline": "h3", "summary": "p", "heading": "h4", "body": "p"}
_BOX = "font-family:Georgia,serif;line-height:1.55;max-width:46em;color:#111"


class Panel(W.VBox):
    """A VBox with a short text form: notebook tests compare text/plain, and a plain VBox
    would print every child's value there (whole articles), which changes with each annotator fix."""

    def __init__(self, children, name: str, **kwargs):
        super().__init__(children, **kwargs)
        self.panel_name = name

    def __repr__(self) -> str:
        return f"<{self.panel_name}: interactief, alleen zichtbaar in Jupyter>"


#: Labels as wide as their text: Dutch labels like "Gebeurtenis:" are never cut off.
_LABEL = {"description_width": "initial"}


def esc(text: Any) -> str:
    """Text made safe for HTML: < > & and quotes become entities."""
    return html.escape("" if text is None else str(text), quote=True)


def _articles(source: Article | Dossier | Iterable[Article]) -> list[Article]:
    if hasattr(source, "annotations"):
        return [source]
    articles = list(source)
    if not articles:
        raise ValueError("Er zijn geen artikelen om te laten zien.")
    return articles


def _article_name(a: Article) -> str:
    return f"{a.number} – {a.month_label} – {a.title}"


def _message(text: str, kind: str = "info") -> str:
    from .display import box

    return box({"info": "info", "error": "waarschuwing", "ok": "goed"}[kind], "", [text]).html


# ---------------------------------------------------------------- article HTML


def source_card_html(article: Article) -> str:
    """Title, month, our summary and what is (not) known about the source."""
    card = article.card
    parts = [
        '<div style="border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin-bottom:10px;background:#fafafa">',
        f"<b>Artikel {esc(article.number)}: {esc(article.title)}</b>",
        f"<br><small>{esc(article.month_label)} · {article.word_count} woorden</small>",
    ]
    if card is not None:
        parts.append(f"<br>{esc(card.summary)}")
        source = ", ".join(x for x in (card.outlet, card.author) if x)
        parts.append(
            f"<br><small>Bron: {esc(source) if source else 'bron onbekend'}"
            f"{' — ' + esc(card.note) if card.note else ''}</small>"
        )
    else:
        parts.append("<br><small>Bron: bron onbekend (krant en schrijver staan niet in het bestand).</small>")
    parts.append("</div>")
    return "".join(parts)


def entity_title(entity: Any) -> str:
    """The hover text for one name: Dutch name, role, English name (and metonymy)."""
    entry = entity.entry if getattr(entity, "id", None) else None
    if entry is None:
        return "onbekende naam: staat niet in de kennisbank"
    bits = [entry.label_nl]
    if entry.role_nl:
        bits.append(entry.role_nl)
    if entry.label_en and entry.label_en != entry.label_nl:
        bits.append(f"Engels: {entry.label_en}")
    if getattr(entity, "metonym", False):
        bits.append("hier staat de plaats voor de regering")
    return " — ".join(bits)


def highlight(text: str, spans: Sequence[tuple[int, int, str, str]], offset: int = 0) -> str:
    """Escape `text` and wrap each (start, end, style, title) span; spans that overlap an earlier one are skipped."""
    out, pos = [], offset
    for start, end, style, title in sorted(spans):
        if start < pos or end > offset + len(text):
            continue
        out.append(esc(text[pos - offset : start - offset]))
        title_attr = f' title="{esc(title)}"' if title else ""
        out.append(f'<span style="{style}"{title_attr}>{esc(text[start - offset : end - offset])}</span>')
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
    parts = [f'<div style="{_BOX}">']
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
        extra = ' style="font-style:italic;color:#333"' if p.kind == "summary" else ""
        parts.append(f'<{tag} class="dossier-{p.kind}"{extra}>{highlight(p.text, spans, p.start)}</{tag}>')
    parts.append("</div>")
    return "".join(parts)


def legend_html(types: Iterable[str] = READER_TYPES) -> str:
    """Coloured samples with the Dutch name of each entity type."""
    items = [
        f'<span style="{_entity_style(t)};margin-right:12px">{esc(palette.ENTITY_LABELS_NL[t])}</span>' for t in types
    ]
    return "<div><small>Kleuren: " + " ".join(items) + " — houd de muis op een naam voor uitleg.</small></div>"


# ---------------------------------------------------------------- reader


def article_reader(source: Article | Dossier) -> Panel:
    """Read an article with names coloured by type; switch types on and off.

    Attributes: `chooser` (Dropdown of articles), `toggles` (type -> Checkbox), `view` (HTML).
    """
    articles = _articles(source)
    chooser = W.Dropdown(
        options=[(_article_name(a), k) for k, a in enumerate(articles)],
        value=0,
        description="Artikel:",
        style=_LABEL,
        layout=W.Layout(width="95%"),
    )
    toggles = {
        t: W.Checkbox(
            value=True,
            description=palette.ENTITY_LABELS_NL[t],
            indent=False,
            layout=W.Layout(width="auto", margin="0 12px 0 0"),
        )
        for t in READER_TYPES
    }
    view = W.HTML()

    def redraw(_change=None) -> None:
        article = articles[chooser.value]
        view.value = article_html(article, [t for t, box in toggles.items() if box.value])

    chooser.observe(redraw, names="value")
    for box in toggles.values():
        box.observe(redraw, names="value")
    redraw()
    root = Panel(
        [chooser, W.HBox(list(toggles.values()), layout=W.Layout(flex_flow="row wrap")), W.HTML(legend_html()), view],
        "Artikellezer",
    )
    root.chooser, root.toggles, root.view, root.redraw = chooser, toggles, view, redraw
    return root


# ---------------------------------------------------------------- timeline


def _months(first: str = "2018-01", last: str = "2019-12") -> list[tuple[str, Any]]:
    import datetime as dt

    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
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
    parts = [
        f"<h4 style='margin:4px 0'>{esc(event.title)}</h4>",
        f"<small>{esc(event.date_label)} · {esc(analysis.label(event.place) if event.place else '')}</small>",
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
            f"<b>Artikel {esc(a.number)}</b> ({esc(a.month_label)}): {shown}</blockquote>"
        )
    return "".join(parts)


def timeline_explorer(dossier: Dossier, events: list | None = None) -> Panel:
    """Choose a period with the slider, pick an event, read what the articles say about it.

    Attributes: `slider` (SelectionRangeSlider), `chooser` (Select of events), `summary`, `view` (HTML).
    """
    if events is None:
        from .annotate.timeline import load_timeline

        events = load_timeline(dossier)
    events = sorted(events, key=lambda e: (e.date_from, e.id))
    months = _months()
    slider = W.SelectionRangeSlider(
        options=months,
        index=(0, len(months) - 1),
        description="Periode:",
        style=_LABEL,
        continuous_update=False,
        layout=W.Layout(width="95%"),
    )
    chooser = W.Select(options=[], rows=8, description="Gebeurtenis:", style=_LABEL, layout=W.Layout(width="95%"))
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


def concordance_html(lines: Sequence[analysis.ConcordanceLine], limit: int = MAX_ROWS) -> str:
    """Keyword-in-context rows as an HTML table: article, left context, hit (marked), right context."""
    if not lines:
        return _message("Niets gevonden. Probeer een ander woord of een deel van een woord.")
    rows = []
    for x in lines[:limit]:
        rows.append(
            f"<tr><td style='color:#555;padding-right:8px'>{esc(x.number)}</td>"
            f"<td style='text-align:right;white-space:nowrap'>{esc(x.left)}</td>"
            f"<td style='white-space:nowrap;padding:0 3px'><mark style='background:{palette.tint(palette.HIGHLIGHT, 0.6)}'>"
            f"<b>{esc(x.match)}</b></mark></td>"
            f"<td style='text-align:left;white-space:nowrap'>{esc(x.right)}</td></tr>"
        )
    more = (
        f"<p><small>Alleen de eerste {limit} van {len(lines)} treffers staan hier.</small></p>"
        if len(lines) > limit
        else ""
    )
    head = (
        f"<p><b>{len(lines)}</b> keer gevonden.</p><table style='font-family:monospace;font-size:90%'>"
        "<tr><th>art.</th><th style='text-align:right'>links</th><th>woord</th><th style='text-align:left'>rechts</th></tr>"
    )
    return head + "".join(rows) + "</table>" + more


def concordance(dossier: Dossier, word: str = "") -> Panel:
    """Search a word (or a pattern) in all articles and see every hit in its context.

    Attributes: `search` (Text), `sort` (ToggleButtons), `regex` (Checkbox), `view` (HTML).
    """
    search = W.Text(
        value=word,
        placeholder="typ een woord en druk op Enter",
        description="Zoek:",
        style=_LABEL,
        continuous_update=False,
    )
    sort = W.ToggleButtons(
        options=[("tekstvolgorde", "article"), ("woord links", "left"), ("woord rechts", "right")],
        value="article",
        description="Sorteer:",
        style=_LABEL,
    )
    regex = W.Checkbox(value=False, description="patroon (regex)", indent=False)
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
        if len(lines) > MAX_HITS:
            view.value = _message(
                f"Meer dan {MAX_HITS} treffers: zoek op een langer woord. "
                f"Hieronder de eerste {MAX_ROWS}, niet gesorteerd."
            ) + concordance_html(lines[:MAX_ROWS])
        else:
            view.value = concordance_html(lines)

    for w in (search, sort, regex):
        w.observe(redraw, names="value")
    redraw()
    root = Panel([W.HBox([search, regex]), sort, view], "Woord-in-context")
    root.search, root.sort, root.regex, root.view = search, sort, regex, view
    return root


# ---------------------------------------------------------------- actors


def actor_html(profile: analysis.ActorProfile, dossier: Dossier) -> str:
    """One person: mentions per article (small bars), their quotes, who is named with them."""
    most = max(profile.mentions.values(), default=0) or 1
    months = {a.number: a.month_label for a in dossier}
    bars = "".join(
        f"<tr><td>{esc(n)} <small>({esc(months.get(n, ''))})</small></td><td>"
        f"<span style='display:inline-block;height:0.9em;width:{120 * c / most:.0f}px;"
        f"background:{palette.OKABE_ITO['orange']}'></span> {c}</td></tr>"
        for n, c in profile.mentions.items()
    )
    parts = [
        f"<h4 style='margin:4px 0'>{esc(profile.label)}</h4>",
        f"<small>{esc(profile.role)}{' · Engels: ' + esc(profile.label_en) if profile.label_en else ''}</small>",
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
    people = analysis.persons(dossier)
    if not people:
        raise ValueError("In deze artikelen staan geen personen.")
    chooser = W.Dropdown(options=people, value=people[0][1], description="Persoon:", style=_LABEL)
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
    parts = [f'<div style="{_BOX}">', source_card_html(article)]
    hits = 0
    for p in article.paragraphs:
        spans = (
            [(m.start() + p.start, m.end() + p.start, style, "") for m in pattern.finditer(p.text)] if pattern else []
        )
        hits += len(spans)
        tag = _TAGS.get(p.kind, "p")
        parts.append(f"<{tag}>{highlight(p.text, spans, p.start)}</{tag}>")
    if pattern:
        parts.insert(2, f"<p><small>“{esc(term.strip())}” komt hier {hits} keer voor.</small></p>")
    parts.append("</div>")
    return "".join(parts)


def side_by_side(article_a: Article, article_b: Article, term: str = "") -> Panel:
    """Two articles next to each other, with an optional word marked in both.

    Attributes: `search` (Text), `left` and `right` (HTML).
    """
    search = W.Text(
        value=term, placeholder="woord om te markeren", description="Markeer:", style=_LABEL, continuous_update=False
    )
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


# ---------------------------------------------------------------- quiz


def quiz(question: str, options: Sequence[str], correct_index: int, explanation: str = "") -> Panel:
    """A multiple-choice question with Dutch feedback after "Controleer".

    Attributes: `choices` (RadioButtons), `button`, `feedback` (HTML).
    """
    options = [str(o) for o in options]
    if len(options) < 2:
        raise ValueError("Een meerkeuzevraag heeft minstens twee antwoorden nodig.")
    if len(set(options)) != len(options):
        raise ValueError("Twee antwoorden zijn precies hetzelfde; maak ze verschillend.")
    if not isinstance(correct_index, int) or not 0 <= correct_index < len(options):
        raise ValueError(f"Het goede antwoord moet een nummer van 0 tot en met {len(options) - 1} zijn.")
    choices = W.RadioButtons(options=[(o, k) for k, o in enumerate(options)], value=None, layout=W.Layout(width="auto"))
    button = W.Button(description="Controleer", button_style="primary")
    feedback = W.HTML()

    def check(_button=None) -> None:
        if choices.value is None:
            feedback.value = _message("Kies eerst een antwoord.")
        elif choices.value == correct_index:
            feedback.value = _message(f"Goed! {explanation}".strip(), "ok")
        else:
            feedback.value = _message("Nog niet goed. Lees de vraag nog eens en probeer het opnieuw.", "error")

    def reset(_change=None) -> None:
        feedback.value = ""

    button.on_click(check)
    choices.observe(reset, names="value")
    root = Panel([W.HTML(f"<b>{esc(question)}</b>"), choices, button, feedback], "Meerkeuzevraag")
    root.choices, root.button, root.feedback, root.check = choices, button, feedback, check
    return root
