"""Names in the text: people, places, organisations, demonyms and events.

`find_entities(article)` finds every form listed in `data/kb.yaml` ("Poetin",
"VS", "Noord-Koreaanse" ...) and links it to its knowledge-base id. The rules,
in the order they are applied:

1. Longest match wins: "Kim Jong-un", "VN-Veiligheidsraad" and
   "Verenigde Staten" are one mention each, not "Kim" + "Jong-un" etc.
1b. A capitalised name of two words or more that contains a known name but is
   not one ("Kim Jong-il", "Kim Il-sung", "Ivanka Trump", "Ri Sol-ju") is a
   person the knowledge base does not know: the whole name is UNKNOWN, and its
   known part ("Kim", "Trump", "Ri") is not counted as someone else. Titles and
   small words before it ("Ook", "President") are not part of the name.
2. A name is found inside a hyphenated compound ("Trump" and "Kim" in
   "Trump-Kim-top", "VN" in "VN-sancties", "Trump" in "regering-Trump").
   A possessive keeps its s in the span ("Kims", "Trumps", "Pyongyangs").
3. The span is the name only: titles ("president", "minister van
   Buitenlandse Zaken") and pronouns are never part of it.
4. A demonym ("Amerikaanse", "Noord-Koreanen") is type NORP with the id of
   its country. "Amerikaans-Chinese" gives two NORPs.
5. A short name that several people share ("Kim", see `short_names` in
   kb.yaml) means the person whose full name was mentioned last. That may be
   an unknown full name of rule 1b ("Kim Myong-gil ... zei Kim": UNKNOWN), but
   only in the same or the previous paragraph, and not a relative ("zijn vader
   Kim Jong-il"). When it is paired with another person ("Trump en Kim",
   "Trump-Kim-top") or when no full name came before, it means the first
   entry in kb.yaml (Kim Jong-un).
6. An epithet after "de" ("De Rus") is the person it stands for (Poetin).
7. Capitals as governments (`metonym=True`): see `is_metonym`.
8. A capitalised name that the knowledge base does not know is reported as
   type UNKNOWN with id None, so a teacher sees what to add to kb.yaml.
   Not reported: a lone capitalised word at the start of a sentence or
   quotation ("Deskundigen", "Woordvoerder"), a title before a name
   ("Premier Shinzo Abe" gives "Shinzo Abe"), sub-headings, weekdays and
   months, and the words under `not_names` in kb.yaml (and in the teacher's
   kennisbank.yaml). A sentence that opens with an unknown two-word name
   ("Jens Stoltenberg zei") is reported.

The knowledge base is the article's own: the bundled kb.yaml plus the teacher's
kennisbank.yaml in the folder of a teacher's article (see `kb.teacher_kb`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nl import FUNCTION_WORDS, KINSHIP, TITLES
from .kb import KbEntry, KnowledgeBase, current_kb, kb_of, load_kb

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Article

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "NORP", "EVENT", "UNKNOWN")

#: Dutch labels for the types, for tables and widgets.
TYPE_LABELS_NL = {
    "PERSON": "persoon",
    "PLACE": "plaats of land",
    "ORG": "organisatie",
    "NORP": "bijvoeglijk naamwoord bij een land",
    "EVENT": "gebeurtenis",
    "UNKNOWN": "onbekende naam",
}


@dataclass(frozen=True)
class Entity:
    """One mention of a name: where it is, what kind of name, and who or what it means."""

    start: int
    end: int
    text: str
    type: str
    id: str | None
    metonym: bool = False

    @property
    def entry(self) -> KbEntry | None:
        """The knowledge-base entry behind this mention (None for UNKNOWN)."""
        if self.id is None:
            return None
        kb = current_kb()
        return kb.get(self.id) if self.id in kb else None

    @property
    def label(self) -> str:
        """The Dutch name to show: "Vladimir Poetin" for "Poetin", the text itself when unknown."""
        entry = self.entry
        return entry.label_nl if entry else self.text

    @property
    def role(self) -> str:
        entry = self.entry
        return entry.role_nl if entry else ""


# ----------------------------------------------------------------- matching

# Prepositions after which a capital is a location, not a government:
# "aan in Peking", "persconferentie in Pyongyang", "bezoek aan Peking".
# ("uit" is left out on purpose: "de invloed komt uit Peking en Washington"
# means the governments.)
_LOCATIVE = frozenset("in naar aan bij rond nabij te buiten via richting".split())
_PAIR_WORDS = frozenset({"en", "of"})
_PERSON_PAIR_GAP = re.compile(r"\s*(?:-|en|of|als|met)\s*|-", re.IGNORECASE)
_PREV_WORD = re.compile(r"(\w+)\W*$")
_EPITHET_BEFORE = re.compile(r"(?<!\w)[Dd]e\s+$")

_MONTHS_DAYS = frozenset(
    "Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December "
    "Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag".split()
)
# Words that can start a sentence before a name ("Volgens Choe", "Ook Kim") and titles before a name.
_FUNCTION_WORDS = FUNCTION_WORDS | TITLES
_PARTICLES = frozenset("van de der den het von for of the al bin ibn la le du des".split())
# A capitalised word, also inside a compound ("Biden" in "regering-Biden").
_CAP_TOKEN = re.compile(
    r"(?<![\w'’.])(?:[A-Z]\.){1,3} ?[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"  # "H.R. McMaster": initials and name
    r"|(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
)
_OPENERS = "“„‘«(["
_STRAIGHT_QUOTES = "\"'"
_CLOSERS = "”’\"'»)"
_SENTENCE_END = ".!?:;…"


class _Matcher:
    """The compiled patterns for one knowledge base (built once, reused for every article)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        # form -> (kind, entry): kind is "alias", "demonym" or "short"
        self.forms: dict[str, tuple[str, KbEntry]] = {}
        for e in kb:
            for f in e.short_names:
                self.forms.setdefault(f, ("short", kb.candidates(f)[0]))
            for f in e.demonyms:
                self.forms[f] = ("demonym", e)
            for f in e.aliases:
                self.forms[f] = ("alias", e)
        self.epithets = {f: e for e in kb for f in e.epithets}
        names = set(self.forms) | set(self.epithets)
        alternatives = "|".join(re.escape(f) for f in sorted(names, key=lambda f: (-len(f), f)))
        self.pattern = re.compile(rf"(?<!\w)(?P<name>{alternatives})(?:s|['’]s)?(?!\w)")
        skip = sorted(set(kb.not_names) | _MONTHS_DAYS, key=len, reverse=True)
        self.not_names = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in skip) + r")(?!\w)")
        # "Koreakenner", "Chinadeskundige": a known name glued to a lower-case noun is a common noun
        places = {f for f, (_, e) in self.forms.items() if e.type == "PLACE" and f[:1].isupper()}
        places |= {f.rsplit("-", 1)[1] for f in places if "-" in f}  # "Korea" of "Noord-Korea"
        places = sorted((f for f in places if f[:1].isupper()), key=len)
        self.name_compounds = re.compile(r"(?:" + "|".join(re.escape(f) for f in reversed(places)) + r")[a-zà-ÿ]{4,}\Z")


_MATCHERS: dict[int, _Matcher] = {}


def _matcher(kb: KnowledgeBase) -> _Matcher:
    m = _MATCHERS.get(id(kb))
    if m is None or m.kb is not kb:
        m = _MATCHERS[id(kb)] = _Matcher(kb)
    return m


def find_entities(article: Article, kb: KnowledgeBase | None = None) -> list[Entity]:
    """Every name mention in the article (header excluded), sorted by start.

    `kb` is the knowledge base to use; by default the article's own (see `kb.kb_of`).
    """
    kb = kb or kb_of(article)
    m = _matcher(kb)
    text = article.text
    matches = list(m.pattern.finditer(text, article.body_start))
    lower_words = {w.lower() for w in re.findall(r"\w+", text) if w[0].islower()}
    full_names = _unknown_full_names(article, matches, m, lower_words)
    found: list[Entity] = []
    pending_short: list[tuple[int, re.Match]] = []

    for match in matches:
        start, end = match.start(), match.end()
        if any(n.start <= start < n.end for n in full_names):
            continue  # part of a name the knowledge base does not know: "Kim" in "Kim Jong-il"
        form = match.group("name")
        span = text[start:end]
        if form in m.epithets and _EPITHET_BEFORE.search(text, max(0, start - 4), start):
            found.append(Entity(start, end, span, "PERSON", m.epithets[form].id))
            continue
        kind, entry = m.forms.get(form, ("demonym", None))
        if entry is None:  # an epithet without "de" in front and no other meaning
            continue
        if kind == "demonym":
            found.append(Entity(start, end, span, "NORP", entry.id))
        elif kind == "short":
            pending_short.append((len(found), match))
            found.append(Entity(start, end, span, "PERSON", None))  # resolved below
        else:
            found.append(Entity(start, end, span, entry.type, entry.id))

    for index, match in pending_short:
        found[index] = _resolve_short(found, index, match, m, article, full_names)

    for i, e in enumerate(found):
        found[i] = _with_metonymy(e, found[i - 1] if i else None, kb, text)
    found += [Entity(n.start, n.end, text[n.start : n.end], "UNKNOWN", None) for n in full_names]
    found += _unknown_names(article, found, m)
    found.sort(key=lambda e: (e.start, e.end))
    return found


@dataclass(frozen=True)
class _FullName:
    """A whole name the knowledge base does not know, with a known part: "Kim Jong-il", "Ivanka Trump"."""

    start: int
    end: int
    first: str  # its first word ("Kim"): a later bare "Kim" may mean this person
    relative: bool  # introduced as family ("zijn vader Kim Jong-il"): a later "Kim" is not this person


_NAME_GAP = re.compile(r" ")
_WORDS_BEFORE = re.compile(r"(?:[\w'’-]+\W+){0,3}$")


def _unknown_full_names(
    article: Article, matches: list[re.Match], m: _Matcher, lower_words: set[str]
) -> list[_FullName]:
    """Capitalised names of two words or more that contain a known name but are not one (rule 1b).

    "Kim Jong-il", "Kim Il-sung", "Ivanka Trump", "Ri Sol-ju": the knowledge base knows "Kim",
    "Trump" and "Ri", but not these people. The whole name is reported as UNKNOWN, and its
    known part is not counted as someone else.
    """
    text = article.text
    spans = [(x.start(), x.end(), x.group("name")) for x in matches]
    skip = {w.lower() for w in _MONTHS_DAYS}
    not_names = [(x.start(), x.end()) for x in m.not_names.finditer(text, article.body_start)]
    not_names += ministry_names(text, article.body_start)
    out: list[_FullName] = []
    for para in article.paragraphs:
        tokens = [(t.start(), t.end()) for t in _CAP_TOKEN.finditer(text, para.start, para.end)]
        groups: list[list[tuple[int, int]]] = []
        for tok in tokens:
            word = text[tok[0] : tok[1]]
            if word.lower() in skip or any(a <= tok[0] < b for a, b in not_names):
                groups.append([])
                continue
            if groups and groups[-1] and text[groups[-1][-1][1] : tok[0]] == " ":
                groups[-1].append(tok)
            else:
                groups.append([tok])
        for group in groups:
            while group and text[group[0][0] : group[0][1]].lower() in _FUNCTION_WORDS:
                group = group[1:]  # "Ook Ivanka Trump", "President Moon Jae-in"
            if group and _sentence_initial(text, group[0][0], para.start):
                first = text[group[0][0] : group[0][1]]
                if first.lower() in lower_words and not any(s == group[0][0] for s, _, _ in spans):
                    group = group[1:]
            if len(group) < 2:
                continue
            cs, ce = group[0][0], group[-1][1]
            inside = [(s, e, f) for s, e, f in spans if cs <= s and e <= ce]
            if not inside or any(s == cs and e >= ce for s, e, _ in inside):
                continue  # nothing known inside, or one known name covers it all ("Moon Jae-in")
            uncovered = [t for t in group if not any(s <= t[0] and t[1] <= e for s, e, _ in inside)]
            if not uncovered or any(text[a:b].lower() in lower_words for a, b in uncovered):
                continue  # only known names side by side, or a common word ("Kim Ontmoeting zou")
            if not any(m.forms.get(f, ("", None))[0] in ("alias", "short") for _, _, f in inside):
                continue  # only a demonym inside ("Amerikaanse Senaat")
            first_known = m.forms.get(inside[0][2], ("", None))[1]
            if uncovered[0][0] < inside[0][0] and (first_known is None or first_known.type != "PERSON"):
                continue  # a word before a place or organisation: "Begint Noord-Korea ...?"
            before = _WORDS_BEFORE.search(text, max(para.start, cs - 40), cs)
            words = re.findall(r"\w+", before.group()) if before else []
            relative = any(w.lower() in KINSHIP for w in words)
            out.append(_FullName(cs, ce, text[group[0][0] : group[0][1]], relative))
    return out


def _resolve_short(
    found: list[Entity], index: int, match: re.Match, m: _Matcher, article: Article, full_names: list[_FullName]
) -> Entity:
    """Decide who a shared short name ("Kim") means; see rule 5 in the module docstring."""
    text = article.text
    form = match.group("name")
    options = m.kb.candidates(form)
    chosen: KbEntry | None = options[0]
    e = found[index]
    before = _PREV_WORD.search(text[max(0, e.start - 30) : e.start])
    if before and before.group(1).lower() in _FAMILY_WORDS:
        return Entity(e.start, e.end, e.text, "UNKNOWN", None)  # "de familie Kim": a family, not one person
    if not _paired_with_person(found, index, text):
        here = article.paragraph_at(e.start)
        window = (here.index - 1) if here is not None else -1
        best = -1
        for other in found[:index]:
            if other.type == "PERSON" and other.id and any(o.id == other.id for o in options):
                if other.text.rstrip("s’'") != form and other.start > best:  # a full name, not another "Kim"
                    best, chosen = other.start, m.kb.get(other.id)
        known_before = best >= 0
        for name in full_names:
            if name.first == form and not name.relative and best < name.start < e.start:
                p = article.paragraph_at(name.start)
                if p is None or p.index < window:
                    continue
                # With a known Kim named too, an unknown Kim is only meant right after him:
                # in the same or the next sentence ("Kim Myong-gil zei ... „...”, zei Kim").
                if known_before and _sentences_between(text, name.end, e.start) > 1:
                    continue
                best, chosen = name.start, None
    if chosen is None:
        return Entity(e.start, e.end, e.text, "UNKNOWN", None)
    return Entity(e.start, e.end, e.text, chosen.type, chosen.id)


#: "de familie Kim", "de Kim-dynastie": a family name, not one of the people in the knowledge base.
_FAMILY_WORDS = frozenset("familie dynastie clan geslacht".split())


def _sentences_between(text: str, a: int, b: int) -> int:
    """How many sentence ends lie between offsets a and b."""
    return len(re.findall(r"[.!?](?=\s|$)", text[a:b]))


def _paired_with_person(found: list[Entity], index: int, text: str) -> bool:
    """True for "Trump en Kim", "Kim en Trump", "Trump-Kim-top": two people named as a pair."""
    me = found[index]
    for other in (found[index - 1] if index > 0 else None, found[index + 1] if index + 1 < len(found) else None):
        if other is None or other.type != "PERSON":
            continue
        gap = text[other.end : me.start] if other.start < me.start else text[me.end : other.start]
        if _PERSON_PAIR_GAP.fullmatch(gap):
            return True
    return False


def is_metonym(entity: Entity, previous: Entity | None, text: str, kb: KnowledgeBase | None = None) -> bool:
    """Does this mention of a capital stand for its government ("Washington en Pyongyang")?

    A capital (an entry with `capital_of` in kb.yaml) is a location when a
    place preposition comes right before it ("aan in Peking", "persconferentie
    in Pyongyang", "bezoek aan Peking"). Otherwise it is a metonym for the
    government: as the subject of a verb ("Later gaf Washington toe"), as a
    party ("tussen Washington en Pyongyang", "slappe handhaving van Peking en
    Moskou", "sancties tegen Pyongyang") or as a possessive ("tot Pyongyangs
    spijt"). The second capital of a pair ("Peking en Washington") follows
    the first.
    """
    kb = kb or load_kb()
    if entity.type != "PLACE" or entity.id not in kb or not kb.get(entity.id).is_capital:
        return False
    before = text[: entity.start]
    word = _PREV_WORD.search(before[-40:])
    prev_word = word.group(1).lower() if word else ""
    if prev_word in _PAIR_WORDS and previous is not None and previous.type == "PLACE" and previous.id in kb:
        gap = text[previous.end : entity.start].strip().lower()
        if gap in _PAIR_WORDS and kb.get(previous.id).is_capital:
            return previous.metonym
    if _is_possessive(entity.text, kb.get(entity.id)):
        return True
    return prev_word not in _LOCATIVE


def _is_possessive(span: str, entry: KbEntry) -> bool:
    """ "Pyongyangs" or "Trump's": the span is an alias plus a possessive s."""
    for suffix in ("'s", "’s", "s"):
        if span.endswith(suffix) and span[: -len(suffix)] in entry.aliases:
            return True
    return False


def _with_metonymy(e: Entity, previous: Entity | None, kb: KnowledgeBase, text: str) -> Entity:
    if e.type == "PLACE" and is_metonym(e, previous, text, kb):
        return Entity(e.start, e.end, e.text, e.type, e.id, True)
    return e


# ----------------------------------------------------------------- unknown names

#: "minister van Defensie Takeshi Iwaya": after a minister's title comes the ministry's name, then the person.
_MINISTRY = re.compile(
    r"\b(?:minister|ministerie|onderminister|viceminister|staatssecretaris|departement)\s+(?:van|voor)\s+"
    r"(?:de\s+)?(?P<name>(?:[A-ZÀ-Þ][\w-]*(?:se|che|le|ke|ne|re)\s+)?[A-ZÀ-Þ][\w-]*)"
)


def ministry_names(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of ministry names after a title ("Defensie", "Buitenlandse Zaken"): part of a title, not a name.

    >>> text = "De Japanse minister van Defensie Takeshi Iwaya zei dat."
    >>> [text[s:e] for s, e in ministry_names(text)]
    ['Defensie']
    """
    return [(m.start("name"), m.end("name")) for m in _MINISTRY.finditer(text, start)]


def _unknown_names(article: Article, known: list[Entity], m: _Matcher) -> list[Entity]:
    """Capitalised word sequences the knowledge base does not know (type UNKNOWN, id None)."""
    text = article.text
    covered = [(e.start, e.end) for e in known]
    covered += [(x.start(), x.end()) for x in m.not_names.finditer(text, article.body_start)]
    covered += ministry_names(text, article.body_start)
    covered.sort()
    starts = [cs for cs, _ in covered]
    reach = list(itertools.accumulate((ce for _, ce in covered), max))  # furthest end so far

    def is_covered(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e)  # spans starting before e
        return i > 0 and reach[i - 1] > s

    lower_words = {w.lower() for w in re.findall(r"\w+", text) if w[0].islower()}

    standalone = {w.lower() for w in re.findall(r"(?<![\w-])\w+(?![\w-])", text) if w[0].islower()}

    def name_part(head: str, part: str) -> bool:
        """ "Eui-yong", "Jong-un": a short lower-case part of a Korean given name; "NAVO-top", "G20-top": a word."""
        if part[:1].isupper():
            return True
        word_head = head.isalpha() and not head.isupper()
        return word_head and len(part) <= 4 and part.lower() not in standalone

    groups_by_paragraph = []
    for para in article.paragraphs:
        if para.kind == "heading":
            continue
        tokens = []  # (start, end, sentence_initial)
        for t in _CAP_TOKEN.finditer(text, para.start, para.end):
            s, e = t.start(), t.end()
            # "NAVO-top": the name is the capitalised head of the compound
            parts = t.group().split("-")
            keep = next((i for i, part in enumerate(parts) if i and not name_part(parts[i - 1], part)), len(parts))
            e = s + len("-".join(parts[:keep]))
            if m.name_compounds.match(text, s, e):
                continue  # "een Koreakenner van de Kookmin-universiteit": a word, not a name
            if not is_covered(s, e):
                tokens.append((s, e, _sentence_initial(text, s, para.start)))
        groups_by_paragraph.append(_sequences(text, tokens))
    # the words of longer unknown names ("Chung Eui-yong"): the same word alone later is that person ("Chung had ...")
    parts_of_names = (
        {text[g[i][0] : g[i][1]] for groups in groups_by_paragraph for g in groups if len(g) > 1 for i in (0, -1)}
        - {w for w in _FUNCTION_WORDS}
        - {w.capitalize() for w in _FUNCTION_WORDS}
    )
    out: list[Entity] = []
    for groups in groups_by_paragraph:
        for group in groups:
            if group[0][2]:  # sentence-initial first word
                first = text[group[0][0] : group[0][1]]
                lone_name = len(group) == 1 and first in parts_of_names and first.lower() not in lower_words
                if not lone_name and (
                    len(group) == 1 or first.lower() in lower_words or first.lower() in _FUNCTION_WORDS
                ):
                    group = group[1:]
                    while group and text[group[0][0] : group[0][1]].lower() in _PARTICLES:
                        group = group[1:]
            while group and text[group[0][0] : group[0][1]].lower() in TITLES:
                group = group[1:]  # "zei Premier Abe": the title is not part of the name
            if not group:
                continue
            s, e = group[0][0], group[-1][1]
            out.append(Entity(s, e, text[s:e], "UNKNOWN", None))
    return out


def _sequences(text: str, tokens: list[tuple[int, int, bool]]) -> list[list[tuple[int, int, bool]]]:
    """Group capitalised tokens that follow each other ("Jens Stoltenberg", "Center for Global Policy")."""
    groups: list[list[tuple[int, int, bool]]] = []
    for tok in tokens:
        if groups:
            gap = text[groups[-1][-1][1] : tok[0]]
            words = gap.split()
            acronym = text[tok[0] : tok[1]].isupper() and tok[1] - tok[0] > 1
            joins = gap == " " or (
                gap.startswith(" ")
                and gap.endswith(" ")
                and words
                and all(w in _PARTICLES or w == "voor" for w in words)  # "Instituut voor Kernwapens"
                and len(words) <= 2
                and not acronym  # "Victor Cha van CSIS": a person of an organisation, two names
            )
            if joins and not tok[2]:
                groups[-1].append(tok)
                continue
        groups.append([tok])
    return groups


def _sentence_initial(text: str, pos: int, para_start: int) -> bool:
    """Is the word at `pos` the first of a sentence, a paragraph or a quotation?"""
    i = pos - 1
    while i >= para_start and text[i].isspace():
        i -= 1
    if i < para_start:
        return True
    ch = text[i]
    if ch in _SENTENCE_END or ch in _OPENERS:
        return True
    if ch in _STRAIGHT_QUOTES and (i == para_start or text[i - 1].isspace()):
        return True  # an opening straight quote
    if ch in _CLOSERS and i > para_start and text[i - 1] in _SENTENCE_END:
        return True  # … zei hij.” Trump …
    if ch in "-–" and (i == para_start or text[i - 1].isspace()):
        j = i - 1
        while j >= para_start and text[j].isspace():
            j -= 1
        return j < para_start or text[j] in _SENTENCE_END
    return False
