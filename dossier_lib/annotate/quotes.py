"""Direct quotations and who said them.

`find_quotes(article)` finds every text between quotation marks and decides
who said it. The rules, in the order they are applied:

1. Marks. „…”  “…”  "…"  ‘…’  ,,…''  and '…' with straight single quotes;
   a curly opening mark may close with a straight one (“…" from two sources).
   `start`/`end` include the marks; `content` is exactly what stands between
   them, spaces included (article 002 has „ We hadden …” with a space after
   the opening mark), so ``text[content_start:content_end] == content``.
2. An apostrophe is not a mark: "zo’n", "alinea's", "'s avonds", "'90".
   An opening mark never follows a letter; a closing mark never has a letter
   right after it.
3. A mark with no partner in its paragraph is skipped, and so is an opening
   mark when another opening mark of the same kind comes before any closing
   mark. A quotation never runs past the end of its paragraph.
   Quotations inside quotations are not reported separately.
4. Cues are attributions in the text: "zei X", "zegt X", "aldus X",
   "volgens X", "X zei", "X voegde (daar aan) toe", "X liet weten",
   "X noemde", "het antwoord van X", "X sprak van", "X riep op", "X stelde",
   ", zo verklaarde X", "klonk het bij X" (Flemish), and the past participles
   ("had Trump op Twitter geschreven": the subject of the sentence), and
   "naar eigen zeggen" (the subject of the sentence). X is a name, a pronoun
   ("zei hij", "volgens haar"), a title ("aldus de onderminister", "zei de
   Amerikaanse president", "zei woordvoerder Sarah Sanders"), a country's
   body ("het Noord-Koreaanse ministerie" speaks for North Korea) or "dat
   land". When the subject comes first ("Trump schreef Kim: ..."), the name
   after the verb is the object, not the speaker. Cues inside quotations do
   not count. The cue span runs from the name to the verb or back: "zei hij",
   "Sara Sanders zei", and for "Ri Yong-ho, als minister …, zei" all of it.
4b. A cue whose speaker the text does not name ("zei een diplomaat", "aldus
   een Zuid-Koreaanse analist", "zei Jens Stoltenberg" when the knowledge base
   does not know him) gives speaker None: an uncertain speaker stays empty
   rather than wrong.
5. A quotation takes the cue right after it (", zei hij", ", zo verklaarde
   Trump") or else the last cue earlier in its own sentence ("Sanders zei:
   "…"", "volgens haar “…”", "Dat land noemde … een "…""); a "volgens X" or
   "aldus X" anywhere in the sentence gives the source of all its quotations.
6. A pronoun means a person of the right gender: first someone a cue in this
   or the previous sentence names, then the person this or the previous
   sentence opens with ("Trump bedankte Moon. Hij noemde het ..." is Trump;
   "De Amerikaanse gezant voor Noord-Korea, Stephen Biegun, ..." is Biegun),
   then the last speaker of the paragraph, otherwise the last person mentioned
   (names inside quotations never count). Women have `gender: f` in kb.yaml
   (or in the teacher's kennisbank.yaml); `FEMALE` lists the bundled ones.
6b. "Dinsdag bedankte Trump ...": after one opening word the subject follows
   the verb. "zei minister van Buitenlandse Zaken Ri Yong-ho": a title may
   carry its office. A quote after a colon belongs to the subject of its
   sentence ("Een begeleider wuifde vragen weg: '…'" has no named speaker).
7. A title means the person it was last used with ("de Noord-Koreaanse
   leider Kim Jong-un" makes "de leider" Kim Jong-un); failing that, the
   person whose `role_nl` in kb.yaml has that word and, for "Amerikaanse",
   that country. A country's body may be a compound ("het staatspersbureau
   KCNA" is "het persbureau") or a name the knowledge base does not know
   ("het Noord-Koreaanse Instituut voor Kernwapens" speaks for North Korea).
8. A whole sentence in quotation marks with no cue of its own continues the
   last speaker of the same or the previous paragraph (also an unnamed one:
   then it stays None). A fragment does that only in a "zou" sentence
   (hearsay) after a cue in the same paragraph: "Volgens Choe … De leider zou
   verrast zijn door de “vijandige …” houding".
9. Kind: "sentence" when the content starts with a capital and ends like a
   sentence or has three words or more (a whole quoted sentence is never a
   scare quote, even without a speaker); "fragment" otherwise; and
   "scare_quote" for a fragment with no cue and no speaker ("als ‘normaal’
   land"). With a cue but a name the knowledge base does not know, the
   speaker is None and the kind is still "sentence" or "fragment".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nl import TITLES, WEEKDAYS

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Article
    from .entities import Entity

_WEEKDAY_WORDS = frozenset(WEEKDAYS)

KINDS = ("sentence", "fragment", "scare_quote")

#: Dutch labels for the kinds, for tables and widgets.
KIND_LABELS_NL = {
    "sentence": "hele zin",
    "fragment": "stukje van een zin",
    "scare_quote": "woord tussen aanhalingstekens",
}

#: People who are "zij"/"haar". Everyone else of type PERSON is "hij"/"hem".
FEMALE = frozenset({"choe-son-hui", "sarah-sanders", "kim-yo-jong"})


@dataclass(frozen=True)
class Quote:
    """One quotation: where it is, what is quoted, what kind, who said it and the words that say so."""

    start: int
    end: int
    text: str
    content_start: int
    content_end: int
    content: str
    kind: str
    speaker: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    @property
    def kind_label(self) -> str:
        """The kind in Dutch, for a student."""
        return KIND_LABELS_NL[self.kind]


# ----------------------------------------------------------------- marks

#: opening mark -> the closing marks it accepts
_PAIRS = {
    "„": ("”", "“", '"'),
    ",,": ("”", "''", "'", "’", '"'),
    "“": ("”", '"'),  # a curly opening mark with a straight closing one: text pasted from two sources
    '"': ('"', "”"),
    "‘": ("’", "'"),
    "'": ("'", "’"),
}
_MARK = re.compile(r",,|''|[„“”\"‘’']")
_SINGLE = ("'", "‘", "’")
_CONTRACTION = re.compile(r"(?:[stnk]\b|\d)")  # 's avonds, 't, 'n, 'k, '90
_CLOSE_AFTER_SPACE_OK = ("”",)  # „ We … ” may be spaced on both sides
_OPEN_BEFORE_SPACE_OK = ("„", "“")


def _can_open(text: str, pos: int, mark: str, ps: int, pe: int) -> bool:
    if mark not in _PAIRS:
        return False
    if pos > ps and text[pos - 1].isalnum():
        return False
    after = pos + len(mark)
    if after >= pe:
        return False
    if text[after].isspace():
        return mark in _OPEN_BEFORE_SPACE_OK and text[after:pe].strip() != ""
    if mark in _SINGLE and _CONTRACTION.match(text, after):
        return False
    return True


def _can_close(text: str, pos: int, mark: str, ps: int, pe: int) -> bool:
    if pos <= ps:
        return False
    if text[pos - 1].isspace() and mark not in _CLOSE_AFTER_SPACE_OK:
        return False
    after = pos + len(mark)
    return after >= pe or not text[after].isalnum()


def _quote_spans(text: str, ps: int, pe: int) -> list[tuple[int, int, int, int]]:
    """(start, end, content_start, content_end) of the quotations in one paragraph."""
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text, ps, pe)]
    spans = []
    i = 0
    while i < len(marks):
        pos, mark = marks[i]
        close = None
        if _can_open(text, pos, mark, ps, pe):
            for k in range(i + 1, len(marks)):
                p2, m2 = marks[k]
                if m2 in _PAIRS[mark] and _can_close(text, p2, m2, ps, pe):
                    close = k
                    break
                if m2 == mark and _can_open(text, p2, m2, ps, pe):
                    break  # a second opening mark first: this one is unbalanced
        if close is not None:
            p2, m2 = marks[close]
            cs, ce = pos + len(mark), p2
            if text[cs:ce].strip():
                spans.append((pos, p2 + len(m2), cs, ce))
                i = close + 1
                continue
        i += 1
    return spans


# ----------------------------------------------------------------- sentences

_TERMINATOR = re.compile(r"[.!?…]+[”\"'’]?\s+")


def _sentence_starts(text: str, ps: int, pe: int, spans: list[tuple[int, int, int, int]]) -> list[int]:
    """Where sentences begin in one paragraph (the paragraph start included)."""
    starts = [ps]
    for m in _TERMINATOR.finditer(text, ps, pe):
        nxt = m.end()
        if nxt >= pe:
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in "„“\"‘',"):
            continue  # "o.a. de", an abbreviation
        inside = next((s for s in spans if s[2] <= m.start() < s[3]), None)
        if inside is not None and inside[1] > nxt - 1:
            continue  # a full stop inside a quotation that goes on
        starts.append(nxt)
    return starts


# ----------------------------------------------------------------- cues

_SAY_WORDS = (
    r"(?:zei(?:den)?|zeg(?:t|gen)|vertel(?:de|t)|verklaar(?:de|t)|meld(?:de|t)|schr(?:eef|ijft)|benadrukte?"
    r"|antwoordde|reageerde|waarschuwde|twitterde|noem(?:de|den|t)|voeg(?:de|t)|liet|lieten|laat|aldus|volgens"
    r"|antwoord\s+van|spr(?:ak|aken|eekt)|riep(?:en)?|beloofde|erkende|beweerde|herhaalde|merkte"
    r"|stelde|stelt|meende|meent|klonk\s+het|klinkt\s+het|dreigde|dreigt"
    r"|geschreven|gezegd|verklaard|gemeld|getwitterd|benadrukt|gewaarschuwd|laten\s+weten"
    r"|opgedragen|opgeroepen|gevraagd|beloofd|geëist|gedreigd|bevolen|genoemd"
    r"|bedankte|prees|feliciteerde|beschuldigde|verweet|bekritiseerde"
    r"|staat\s+in\s+(?:de|het|zijn|haar|hun)\s+(?:brief|verklaring|tweet|bericht|rapport|toespraak)"
    r"|naar\s+eigen\s+zeggen)\b"
)
#: run on the lower-cased text (fast); the case-blind version is for texts where lower() changes the length
_SAY = re.compile(r"\b(?=[zvmsbarwtnlgehkopfd])" + _SAY_WORDS)
_SAY_ANY_CASE = re.compile(r"\b" + _SAY_WORDS, re.IGNORECASE)
_AFTER_ONLY = ("aldus", "volgens", "antwoord van")
_NEEDS = {
    "voegde": re.compile(r"[^.;:!?]{0,30}?\btoe\b"),
    "voegt": re.compile(r"[^.;:!?]{0,30}?\btoe\b"),
    "liet": re.compile(r"(?:\s+[\w-]+){0,5}?\s+weten\b"),
    "lieten": re.compile(r"(?:\s+[\w-]+){0,5}?\s+weten\b"),
    "laat": re.compile(r"(?:\s+[\w-]+){0,5}?\s+weten\b"),
    "sprak": re.compile(r"(?:\s+\w+){0,2}?\s+(?:van|over)\b"),
    "spraken": re.compile(r"(?:\s+\w+){0,2}?\s+(?:van|over)\b"),
    "spreekt": re.compile(r"(?:\s+\w+){0,2}?\s+(?:van|over)\b"),
    "riep": re.compile(r"(?:\s+\w+){0,3}?\s+op\b"),
    "riepen": re.compile(r"(?:\s+\w+){0,3}?\s+op\b"),
    "merkte": re.compile(r"(?:\s+\w+){0,3}?\s+op\b"),
}
#: Past participles ("had Trump op Twitter geschreven"): the speaker is the subject earlier in the sentence.
_PARTICIPLES = (
    "geschreven",
    "gezegd",
    "verklaard",
    "gemeld",
    "getwitterd",
    "benadrukt",
    "gewaarschuwd",
    "laten weten",
    "opgedragen",
    "opgeroepen",
    "gevraagd",
    "beloofd",
    "geëist",
    "gedreigd",
    "bevolen",
    "genoemd",
)
#: "„...”, staat in de brief": the words of a document; its author is whoever wrote it just before.
_DOCUMENTS = ("brief", "verklaring", "tweet", "bericht", "rapport", "toespraak")
#: Verbs of praise and blame: "Trump bedankte Kim voor het „vervullen van zijn belofte”" (the subject speaks).
_SUBJECT_VERBS = ("bedankte", "prees", "feliciteerde", "beschuldigde", "verweet", "bekritiseerde")
#: "Kim was naar eigen zeggen „verrast”": the speaker is the subject of the sentence.
_OWN_WORDS = ("naar eigen zeggen",)
#: Nouns for a country's bodies: "het Noord-Koreaanse ministerie" speaks for North Korea.
_INSTITUTIONS = frozenset(
    "ministerie regering leger persbureau staatspersbureau delegatie ambassade parlement partij staatstelevisie "
    "staatsmedia televisie krant omroep overheid kabinet presidentschap instituut comité commissie "
    "agentschap".split()
)
#: Nouns after a say-verb that give a time, not a speaker: "zei de volgende ochtend dat".
_TIME_NOUNS = frozenset("ochtend avond middag nacht dag week maand jaar keer morgen".split())
_PLURAL_VERBS = ("zeiden", "zeggen", "noemden", "lieten", "spraken", "riepen")
_BEFORE_FIRST = ("noemde", "noemden", "noemt")
_PRONOUN_AFTER = re.compile(r"(hij|zij|ze|haar|hem|hen|hun)\b")
_PRONOUN_BEFORE = re.compile(r"\b([Hh]ij|[Zz]ij|[Zz]e)\s+$")
_DET_AFTER = re.compile(r"(de|het|dat|dit)\s+", re.IGNORECASE)
_DET_BEFORE = re.compile(r"\b([Dd]e|[Hh]et|[Dd]at|[Dd]it)\s+((?:[\w-]+e\s+){0,2})([\w-]+)\s+$")
_WORD = re.compile(r"[\w-]+")
#: a name that can say something; UNKNOWN gives a cue with speaker None
_SPEAKER_TYPES = ("PERSON", "ORG", "PLACE", "UNKNOWN")
#: between a title and the name it introduces: "president Donald Trump",
#: "onderminister voor Buitenlandse Zaken Choe Son-hui", "minister van Buitenlandse Zaken, Mike Pompeo"
_TITLE_GAP = re.compile(r"\s*,?\s*(?:(?:van|voor)\s+(?:de\s+)?(?:[A-ZÀ-Þ][\w-]*\s+)+)?,?\s*")
_COUNTRY_WORDS = ("land",)
_GENDER = {"hij": "m", "hem": "m", "zij": "f", "ze": "f", "haar": "f", "hen": None, "hun": None}


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    speaker: str | None
    verb_start: int
    inverted: bool  # "zei hij" (verb first) rather than "hij zei"
    paragraph: int
    verb: str = ""


class _Context:
    """Everything the cue and quote rules look at for one article."""

    def __init__(self, article: Article, entities: Sequence[Entity]):
        self.article = article
        self.text = article.text
        self.body_start = getattr(article, "body_start", 0)
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.ent_starts = [e.start for e in self.entities]
        self.by_start = {e.start: e for e in self.entities}
        self.by_end = {e.end: e for e in self.entities}
        self.persons = {e.id for e in self.entities if e.type == "PERSON" and e.id}
        self.paragraphs = _paragraph_spans(article)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.cues: list[_Cue] = []
        #: (start, end) of every quotation, so that a name inside one is never taken for the subject
        self.quoted: list[tuple[int, int]] = []
        self._kb = None
        self._starts: dict[int, list[int]] = {}

    # -- where things are
    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sentence_starts(self, index: int, spans: list[tuple[int, int, int, int]]) -> list[int]:
        if index not in self._starts:
            ps, pe = self.paragraphs[index]
            self._starts[index] = _sentence_starts(self.text, ps, pe, spans)
        return self._starts[index]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def sentence_start(self, pos: int, starts: list[int]) -> int:
        return starts[max(0, bisect.bisect_right(starts, pos) - 1)]

    def kb(self):
        if self._kb is None:
            from .kb import kb_of

            self._kb = kb_of(self.article)
        return self._kb

    # -- who is meant
    def is_person(self, entity_id: str | None) -> bool:
        if not entity_id:
            return False
        if entity_id in self.persons:
            return True
        kb = self.kb()
        return entity_id in kb and kb.get(entity_id).type == "PERSON"

    def gender_of(self, entity_id: str) -> str:
        kb = self.kb()
        entry = kb.get(entity_id) if entity_id in kb else None
        if entry is not None and entry.gender:
            return entry.gender
        return "f" if entity_id in FEMALE else "m"

    def fits(self, entity_id: str | None, gender: str) -> bool:
        return self.is_person(entity_id) and self.gender_of(entity_id) == gender

    def pronoun(self, word: str, pos: int, window_start: int, sentence_start: int | None = None) -> str | None:
        """Who "hij"/"zij" at `pos` is: a speaker named by a cue just before, else the subject of this
        or the previous sentence ("Trump bedankte Moon. Hij noemde ..." is Trump), else the last person named."""
        gender = _GENDER.get(word.lower())
        if gender is None:
            return None  # "hen", "hun": a group, not one person
        for cue in reversed(self.cues):
            if cue.start < window_start:
                break
            if cue.start < pos and self.fits(cue.speaker, gender):
                return cue.speaker
        if sentence_start is not None:
            for lo, hi in ((sentence_start, pos), (window_start, sentence_start)):
                subject = self.subject(lo, hi)
                if subject is not None and self.fits(subject, gender):
                    return subject
        paragraph = self.paragraph_of(pos)
        for cue in reversed(self.cues):  # the person who has been speaking in this paragraph
            if cue.paragraph != paragraph:
                break
            if cue.start < pos and self.fits(cue.speaker, gender):
                return cue.speaker
        i = bisect.bisect_left(self.ent_starts, pos)
        for e in reversed(self.entities[:i]):
            if e.type == "PERSON" and self.fits(e.id, gender) and not self.in_quote(e.start):
                return e.id
        return None

    def subject(self, lo: int, hi: int) -> str | None:
        """The person a stretch of text opens with ("De Amerikaanse president Donald Trump heeft ...")."""
        i = bisect.bisect_left(self.ent_starts, lo)
        for e in self.entities[i:]:
            if e.start >= hi:
                return None
            if e.type == "NORP" or self.in_quote(e.start):
                continue  # "De Amerikaanse president ...": an adjective in the title; a name someone else says
            head = self.text[lo : e.start]
            if e.type == "PERSON" and e.id and _is_title_head(head):
                return e.id
            if e.type in ("PLACE", "ORG") and _TITLE_COMPLEMENT_END.search(head) and _is_title_head(head):
                continue  # "De Amerikaanse gezant voor Noord-Korea, Stephen Biegun": part of the title
            return None
        return None

    def last_country(self, pos: int) -> str | None:
        kb = self.kb()
        i = bisect.bisect_left(self.ent_starts, pos)
        for e in reversed(self.entities[:i]):
            if not e.id or e.metonym:
                continue
            if e.type == "NORP" or (e.type == "PLACE" and e.id in kb and kb.get(e.id).kind == "country"):
                return e.id
        return None

    def title(self, adjectives: list[str], noun: str, pos: int) -> str | None:
        """The person a title ("de Amerikaanse president") stands for at `pos`.

        A country's body ("het Noord-Koreaanse ministerie", "de Chinese regering") stands for that country.
        """
        text = self.text
        if noun.lower() in _INSTITUTIONS:
            for adj in reversed(adjectives):
                entry = self.kb().lookup(adj)
                if entry is not None and entry.type == "PLACE":
                    return entry.id
        institution = noun.lower() in _INSTITUTIONS
        # the head of a Dutch compound names the thing: the "staatspersbureau KCNA" is "het persbureau"
        word = rf"\b[\w-]*{re.escape(noun)}\b" if institution else rf"\b{re.escape(noun)}\b"
        uses = list(re.finditer(word, text[self.body_start : pos], re.IGNORECASE))
        for need_adjectives in (True, False) if adjectives else (False,):
            for m in reversed(uses):
                s, e = m.start() + self.body_start, m.end() + self.body_start
                if need_adjectives and not text[:s].rstrip().lower().endswith(adjectives[-1].lower()):
                    continue
                i = bisect.bisect_left(self.ent_starts, e)
                if i < len(self.entities):
                    ent = self.entities[i]
                    if ent.type in ("PERSON", "ORG") and ent.id and _TITLE_GAP.fullmatch(text, e, ent.start):
                        return ent.id
        if institution and not adjectives:
            for m in reversed(uses):  # "het Noord-Koreaanse Instituut voor Kernwapens" ... "volgens het instituut"
                country = self.country_before(m.start() + self.body_start)
                if country is not None:
                    return country
        return self.title_from_kb(adjectives, noun, pos)

    def country_before(self, pos: int) -> str | None:
        """The country of the adjective right before `pos` ("het Noord-Koreaanse instituut"), if any."""
        before = re.search(r"([\w-]+e)\s+$", self.text[self.body_start : pos])
        entry = self.kb().lookup(before.group(1)) if before else None
        return entry.id if entry is not None and entry.type == "PLACE" else None

    def body_of_country(self, ent: Entity) -> str | None:
        """An unknown name for a country's body speaks for that country: "het Noord-Koreaanse Instituut voor
        Kernwapens liet weten" is North Korea (the institute itself is not in the knowledge base)."""
        first = ent.text.split()[0].lower() if ent.text.split() else ""
        return self.country_before(ent.start) if first in _INSTITUTIONS else None

    def title_from_kb(self, adjectives: list[str], noun: str, pos: int) -> str | None:
        kb = self.kb()
        country = None
        for adj in adjectives:
            entry = kb.lookup(adj)
            if entry is not None and entry.type == "PLACE":
                country = entry.id
        word = re.compile(rf"\b{re.escape(noun.lower())}\b")
        options = [
            e.id
            for e in kb.of_type("PERSON")
            if word.search(e.role_nl.lower()) and (country is None or e.country == country)
        ]
        if not options:
            return None
        i = bisect.bisect_left(self.ent_starts, pos)
        for e in reversed(self.entities[:i]):
            if e.id in options:
                return e.id
        return options[0] if len(options) == 1 else None

    def noun_phrase_after(self, pos: int, end: int) -> tuple[int, str | None] | None:
        """'de Amerikaanse president', 'het persbureau Yonhap', 'dat land' starting at `pos`."""
        det = _DET_AFTER.match(self.text, pos, end)
        if not det:
            return None
        if det.group(1).lower() in ("dat", "dit") and not re.match(r"land\b", self.text[det.end() : end]):
            return None  # "zeiden dat Noord-Korea ...": "dat" starts a clause here
        adjectives: list[str] = []
        p = det.end()
        for _ in range(4):
            ent = self.by_start.get(p)
            if ent is not None and ent.type in _SPEAKER_TYPES and _whole_word(self.text, ent.end):
                return ent.end, ent.id
            w = _WORD.match(self.text, p, end)
            if not w:
                return None
            word = w.group()
            is_noun = word.lower() in _INSTITUTIONS or word.lower() in TITLES
            if word.endswith("e") and not is_noun and len(adjectives) < 2 and _next_is_word(self.text, w.end(), end):
                adjectives.append(word)
                p = w.end() + 1
                continue
            after = w.end()
            gap = re.match(r",?\s+", self.text[after:end])
            nxt = self.by_start.get(after + (gap.end() if gap else 0))
            if nxt is not None and nxt.type in _SPEAKER_TYPES and _whole_word(self.text, nxt.end):
                return nxt.end, nxt.id  # apposition: "het persbureau Yonhap"
            if word.lower() in _COUNTRY_WORDS and det.group(1).lower() in ("dat", "dit", "het"):
                return after, self.last_country(pos)
            return after, self.title(adjectives, word, pos)
        return None


#: "van Buitenlandse Zaken", "voor Noord-Korea,": what follows a title and belongs to it
_TITLE_COMPLEMENT = re.compile(r"\b(?:van|voor)\s+(?:de\s+|het\s+)?(?:[A-ZÀ-Þ][\w-]*,?\s*)+")
_TITLE_COMPLEMENT_END = re.compile(r"\b(?:van|voor)\s+(?:de\s+|het\s+)?$")


def _is_title_head(head: str) -> bool:
    """Only articles, adjectives and titles before a name: "De Amerikaanse gezant voor Noord-Korea, ".

    >>> _is_title_head("De Amerikaanse gezant voor Noord-Korea, "), _is_title_head("Over een tijdschema wil ")
    (True, False)
    """
    words = _TITLE_COMPLEMENT.sub(" ", head).replace(",", " ").lower().split()
    return len(words) <= 5 and all(w in TITLES or w in ("de", "het") or w.endswith("e") for w in words)


def _whole_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] == "-")


def _next_is_word(text: str, pos: int, end: int) -> bool:
    return pos < end and text[pos] == " " and pos + 1 < end and text[pos + 1].isalpha()


def _paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """The article's paragraphs, or its non-empty lines for a bare text object."""
    paragraphs = getattr(article, "paragraphs", None)
    if paragraphs:
        return [(p.start, p.end) for p in paragraphs]
    start = getattr(article, "body_start", 0)
    lines = re.finditer(r"[^\n]*\S[^\n]*", article.text[start:])
    return [(m.start() + start, m.end() + start) for m in lines]


def _find_cues(ctx: _Context, spans_by_para: dict[int, list[tuple[int, int, int, int]]]) -> None:
    """Every attribution outside quotation marks, in text order, into `ctx.cues`."""
    text = ctx.text
    lower = text.lower()
    say, source = (_SAY, lower) if len(lower) == len(text) else (_SAY_ANY_CASE, text)
    for m in say.finditer(source, ctx.body_start):
        index = ctx.paragraph_of(m.start())
        ps, pe = ctx.paragraphs[index]
        if not ps <= m.start() < pe:
            continue
        spans = spans_by_para.get(index, [])
        if any(s <= m.start() < e for s, e, _, _ in spans):
            continue
        verb = re.sub(r"\s+", " ", m.group().lower())
        end = end_extended = m.end()
        need = _NEEDS.get(verb)
        if need is not None:
            extra = need.match(text, end, pe)
            if not extra:
                continue
            end_extended = extra.end()
        starts = ctx.sentence_starts(index, spans)
        sentence = ctx.sentence_start(m.start(), starts)
        window = ctx.sentence_start(sentence - 1, starts)
        if verb.startswith("staat "):  # "„...”, staat in de brief": the author of that document
            noun = verb.split()[-1]
            author = next(
                (
                    c.speaker
                    for c in reversed(ctx.cues)
                    if c.speaker
                    and noun
                    in text[
                        ctx.sentence_start(
                            c.start, ctx.sentence_starts(c.paragraph, spans_by_para.get(c.paragraph, []))
                        ) : c.end
                    ].lower()
                ),
                None,
            )
            ctx.cues.append(_Cue(m.start(), end_extended, author, m.start(), True, index, verb))
            continue
        if verb in _SUBJECT_VERBS:  # "Trump bedankte Kim ...": only the subject before the verb
            cue = _who_before(ctx, m.start(), end_extended, verb, ps, starts, window, index)
            if cue is None and _opens_with_adverb(ctx.text[sentence : m.start()]):
                cue = _who_after(ctx, m, verb, pe, window, index, sentence)  # "Dinsdag bedankte Trump Kim ..."
            if cue is not None:
                ctx.cues.append(cue)
            continue
        if verb in _PARTICIPLES or verb in _OWN_WORDS:  # "had Trump ... geschreven", "Kim was naar eigen zeggen"
            cue = _who_subject(ctx, m.start(), end_extended, verb, sentence, window, index, spans)
            if cue is not None:
                ctx.cues.append(cue)
            continue
        args = (ctx, m.start(), end_extended, verb, ps, starts, window, index)
        cue = None
        if verb in _BEFORE_FIRST or _subject_first(ctx, m.start(), sentence):
            cue = _who_before(*args)  # "Kim noemde Trump een ...", "Trump schreef Kim: ...": the subject comes first
        if cue is None:
            cue = _who_after(ctx, m, verb, pe, window, index, sentence)
        if cue is None and verb not in _AFTER_ONLY:
            cue = _who_before(*args)
        if cue is None:  # "zei de diplomaat", "aldus een analist": a speaker we cannot name
            cue = _unnamed_after(ctx, m, verb, pe, index)
        if cue is not None:
            ctx.cues.append(cue)


def _opens_with_adverb(left: str) -> bool:
    """One time or place word before the verb ("Dinsdag bedankte", "Later prees"): the subject follows it."""
    return bool(re.fullmatch(r"\s*[A-Z][a-z]+\s+", left))


def _subject_first(ctx: _Context, verb_start: int, sentence: int) -> bool:
    """A name (or he/she) right before the verb that opens its sentence: "Trump schreef Kim: ..."."""
    left = ctx.text[sentence:verb_start]
    stripped = left.rstrip()
    ent = ctx.by_end.get(sentence + len(stripped))
    if ent is not None and ent.type in _SPEAKER_TYPES:
        # only a name that opens the sentence, perhaps after a title: "Volgens Xinhua zei Kim" is inverted
        return _is_title_head(ctx.text[sentence : ent.start])
    return bool(re.fullmatch(r"\s*(?:[Hh]ij|[Zz]ij|[Zz]e)\s*", left))


def _who_after(
    ctx: _Context, m: re.Match, verb: str, pe: int, window: int, index: int, sentence: int | None = None
) -> _Cue | None:
    text = ctx.text
    gap = re.match(r" +", text[m.end() : pe])
    if not gap:
        return None
    p = m.end() + gap.end()
    pron = _PRONOUN_AFTER.match(text, p, pe)
    if pron:
        word = pron.group(1)
        if (verb == "volgens") != (word in ("haar", "hem", "hen", "hun")):
            return None  # "zei haar ..." is not a cue; "volgens hij" is not Dutch
        speaker = None if verb in _PLURAL_VERBS else ctx.pronoun(word, m.start(), window, sentence)
        return _Cue(m.start(), pron.end(), speaker, m.start(), True, index, verb)
    if verb.startswith(("klonk", "klinkt")):  # Flemish: "„...”, klonk het bij de Amerikaanse regering"
        where = re.match(r"(?:bij|uit|vanuit|in)\s+", text[p:pe])
        if where:
            q = p + where.end()
            ent = ctx.by_start.get(q)
            if ent is not None and ent.type in _SPEAKER_TYPES:
                return _Cue(m.start(), ent.end, ent.id, m.start(), True, index, verb)
            phrase = ctx.noun_phrase_after(q, pe)
            if phrase is not None:
                return _Cue(m.start(), phrase[0], phrase[1], m.start(), True, index, verb)
        return _Cue(m.start(), m.end(), None, m.start(), True, index, verb)
    title = re.match(r"([\w-]+)", text[p:pe])
    if title and title.group(1).lower() in TITLES:
        # "zei woordvoerder Sarah Sanders", "aldus minister Ri", "zei minister van Buitenlandse Zaken Ri Yong-ho"
        after_title = p + title.end()
        i = bisect.bisect_left(ctx.ent_starts, after_title)
        ent = ctx.entities[i] if i < len(ctx.entities) else None
        while ent is not None and ent.type == "ORG" and ent.end <= pe and i + 1 < len(ctx.entities):
            i += 1  # "minister van [Buitenlandse Zaken] Ri": an office inside the title
            ent = ctx.entities[i]
        if (
            ent is not None
            and ent.type in _SPEAKER_TYPES
            and _whole_word(text, ent.end)
            and _TITLE_GAP.fullmatch(text, after_title, ent.start)
        ):
            return _Cue(m.start(), ent.end, ent.id, m.start(), True, index, verb)
    ent = ctx.by_start.get(p)
    if ent is not None and ent.type in _SPEAKER_TYPES and _whole_word(text, ent.end):
        return _Cue(m.start(), ent.end, ent.id, m.start(), True, index, verb)
    phrase = ctx.noun_phrase_after(p, pe)
    if phrase is not None and phrase[1] is not None:
        return _Cue(m.start(), phrase[0], phrase[1], m.start(), True, index, verb)
    return None


def _unnamed_after(ctx: _Context, m: re.Match, verb: str, pe: int, index: int) -> _Cue | None:
    """A cue whose speaker the text does not name: "zei de diplomaat", "aldus een Zuid-Koreaanse analist"."""
    text = ctx.text
    phrase = re.match(r" +(?:de|het|een)\s+((?:[\w-]+e\s+){0,3})([\w-]+)", text[m.end() : pe], re.IGNORECASE)
    if phrase is None:
        return None
    noun = phrase.group(2).lower()
    if noun in _TIME_NOUNS or noun in _WEEKDAY_WORDS or not noun.replace("-", "").isalpha():
        return None
    return _Cue(m.start(), m.end() + phrase.end(), None, m.start(), True, index, verb)


def _who_subject(
    ctx: _Context, verb_start: int, end: int, verb: str, sentence: int, window: int, index: int, spans
) -> _Cue | None:
    """The subject of a sentence whose cue has no name of its own: the first person in it, or he/she."""
    text = ctx.text
    pron = re.match(r"\s*([Hh]ij|[Zz]ij|[Zz]e)\b", text[sentence:verb_start])
    if pron:
        speaker = ctx.pronoun(pron.group(1), sentence + pron.start(1), window, sentence)
        return _Cue(sentence + pron.start(1), end, speaker, verb_start, False, index, verb)
    candidates = [
        e
        for e in ctx.entities
        if sentence <= e.start < verb_start and not any(s <= e.start < x for s, x, _, _ in spans)
    ]
    person = next((e for e in candidates if e.type == "PERSON"), None)
    if person is None:
        person = next((e for e in candidates if e.type in ("ORG", "PLACE") and e.id), None)
    if person is None:
        titled = _TITLE_START.match(text, sentence, verb_start)  # "De leider zou het leger hebben opgedragen"
        if titled:
            who = ctx.title(titled.group(1).split(), titled.group(2), sentence)
            if who is not None:
                return _Cue(sentence, end, who, verb_start, False, index, verb)
        return None
    return _Cue(person.start, end, person.id, verb_start, False, index, verb)


_TITLE_START = re.compile(r"\s*(?:[Dd]e|[Hh]et)\s+((?:[\w-]+e\s+){0,2})([\w-]+)\b")


def _sentence_subject(ctx: _Context, sentence: int, pos: int, window: int) -> str | None:
    """The person a sentence is about, when it opens with him or her: a name, "Hij", "De leider"."""
    text = ctx.text
    pron = re.match(r"\s*([Hh]ij|[Zz]ij|[Zz]e)\b", text[sentence:pos])
    if pron:
        return ctx.pronoun(pron.group(1), sentence + pron.start(1), window, sentence)
    who = ctx.subject(sentence, pos)
    if who is not None:
        return who
    titled = _TITLE_START.match(text, sentence, pos)
    if titled and titled.group(2).lower() in TITLES:
        return ctx.title(titled.group(1).split(), titled.group(2), sentence)
    return None


def _who_before(
    ctx: _Context, verb_start: int, end: int, verb: str, ps: int, starts: list[int], window: int, index: int
) -> _Cue | None:
    text = ctx.text
    left = text[ps:verb_start]
    stripped = len(left.rstrip())
    if stripped == len(left):
        return None
    sentence = ctx.sentence_start(verb_start, starts)
    ent = ctx.by_end.get(ps + stripped)
    if ent is not None and ent.type in _SPEAKER_TYPES:
        speaker = ent.id if ent.type != "UNKNOWN" else ctx.body_of_country(ent)
        return _Cue(ent.start, end, speaker, verb_start, False, index, verb)
    pron = _PRONOUN_BEFORE.search(left)
    if pron:
        word = pron.group(1).lower()
        speaker = None if verb in _PLURAL_VERBS else ctx.pronoun(word, ps + pron.start(), window, sentence)
        return _Cue(ps + pron.start(), end, speaker, verb_start, False, index, verb)
    det = _DET_BEFORE.search(left)
    if det:
        s = ps + det.start()
        noun = det.group(3)
        adjectives = det.group(2).split()
        if noun.lower() in _COUNTRY_WORDS and det.group(1).lower() in ("dat", "dit", "het"):
            speaker = ctx.last_country(s)
        else:
            speaker = ctx.title(adjectives, noun, s)
        if speaker is not None:
            return _Cue(s, end, speaker, verb_start, False, index, verb)
    # "Ri Yong-ho, als minister van Buitenlandse Zaken aanwezig …, zei donderdag dat"
    # "Woordvoerder Morgan Ortagus van het ministerie van Buitenlandse Zaken zei dat"
    first = next((e for e in ctx.entities if sentence <= e.start < verb_start), None)
    if first is not None and first.type in ("PERSON", "UNKNOWN"):
        head = text[sentence : first.start].strip().lower()
        between = text[first.end : verb_start]
        if (not head or head in TITLES) and (
            re.fullmatch(r"\s*,[^.;:!?]*,\s*", between) or re.fullmatch(r"\s+(?:van|voor)\s+[^.;:!?,]*?\s*", between)
        ):
            return _Cue(first.start, end, first.id, verb_start, False, index, verb)
    return None


# ----------------------------------------------------------------- quotes

_SENTENCE_END = tuple(".!?…")
_AFTER_GAP = re.compile(r"\s*[,.]?\s*(?:(?:[Dd]at|[Dd]it|[Zz]o)\s+)?")
_HEARSAY = re.compile(r"\b(?:zou|zouden)\b", re.IGNORECASE)
_THAT_SAID = re.compile(r"\s*(?:Dat|Dit|Zo)\s+")


def _is_sentence(content: str) -> bool:
    c = content.strip().lstrip(".…- ")
    first = next((ch for ch in c if ch.isalpha()), "")
    return first.isupper() and (c.endswith(_SENTENCE_END) or len(c.split()) >= 3)


def find_quotes(article: Article, entities: Sequence[Entity] | None = None) -> list[Quote]:
    """Every quotation in the article (header excluded), with its speaker and cue, sorted by start.

    `entities` is the list from `find_entities(article)`; when it is not given,
    the article's own (cached) entities are used.
    """
    if not isinstance(getattr(article, "text", None), str):
        raise TypeError(
            f"find_quotes verwacht één artikel, bijvoorbeeld dossier['002']. Je gaf {type(article).__name__}."
        )
    if entities is None:
        entities = _entities_of(article)
    ctx = _Context(article, entities)
    text = ctx.text

    spans_by_para = {}
    for index, (ps, pe) in enumerate(ctx.paragraphs):
        spans = _quote_spans(text, ps, pe)
        if spans:
            spans_by_para[index] = spans
    ctx.quoted = sorted((s, e) for spans in spans_by_para.values() for s, e, _, _ in spans)
    _find_cues(ctx, spans_by_para)

    quotes: list[Quote] = []
    # (where, paragraph, who) of every attribution so far; who may be None ("zei een diplomaat"),
    # which ends the run of quotes that continue the previous speaker.
    said: list[tuple[int, int, str | None]] = [(c.start, c.paragraph, c.speaker) for c in ctx.cues]
    for index, spans in sorted(spans_by_para.items()):
        ps, pe = ctx.paragraphs[index]
        starts = ctx.sentence_starts(index, spans)
        for start, end, cs, ce in spans:
            cue = _cue_for(ctx, start, end, starts, pe)
            content = text[cs:ce]
            speaker = cue.speaker if cue else None
            introduced = False
            if cue is None:
                sentence_start = ctx.sentence_start(start, starts)
                sentence = text[sentence_start:end]
                window = ctx.sentence_start(sentence_start - 1, starts)
                lead = text[sentence_start:start]
                subject = _sentence_subject(ctx, sentence_start, start, window) if lead.rstrip().endswith(":") else None
                if lead.rstrip().endswith(":") and (subject is not None or re.match(r"\s*Een\s", lead)):
                    # "Kim was duidelijk: „…”", "Een begeleider wuifde vragen weg: '…'": the subject speaks,
                    # named or not; the quote does not continue an earlier speaker. ("En over de gesprekken:
                    # „…”" has no subject, and goes on with the last speaker.)
                    introduced = True
                    speaker = subject
                elif _is_sentence(content):
                    speaker = _last_speaker(said, start, index - 1)
                elif _HEARSAY.search(sentence):
                    speaker = _last_speaker(said, start, index)
                if speaker is None and not introduced and not _is_sentence(content):
                    # "Ook sprak Kim over het zuiden. Hij wil ... hervatten, „zonder voorwaarden”":
                    # the sentence is about the person who was just speaking in this paragraph.
                    subject = _sentence_subject(ctx, sentence_start, start, window)
                    inverted = re.search(r"\b(hij|zij)\b", lead)  # "Voor dat einde wil hij een „…”"
                    if subject is None and inverted:
                        subject = ctx.pronoun(inverted.group(1), sentence_start + inverted.start(), window, None)
                    recent = [c for c in ctx.cues if c.paragraph == index and c.start < start]
                    if subject is not None and recent and recent[-1].speaker == subject:
                        speaker = subject
            if _is_sentence(content):
                kind = "sentence"  # a whole quoted sentence is said by someone, named or not
            elif cue is None and speaker is None and not introduced:
                kind = "scare_quote"
            else:
                kind = "fragment"
            quote = Quote(
                start,
                end,
                text[start:end],
                cs,
                ce,
                content,
                kind,
                speaker,
                cue.start if cue else None,
                cue.end if cue else None,
            )
            quotes.append(quote)
            if speaker or cue is not None or introduced:
                said.insert(bisect.bisect_left([x[0] for x in said], start), (start, index, speaker))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _cue_for(ctx: _Context, start: int, end: int, starts: list[int], pe: int) -> _Cue | None:
    """The cue right after the quotation, or at the end of its sentence, or else the last one before it."""
    text = ctx.text
    sentence_start = ctx.sentence_start(start, starts)
    i = bisect.bisect_right(starts, start)
    sentence_end = starts[i] if i < len(starts) else pe
    for n, cue in enumerate(c for c in ctx.cues if c.start >= end):
        if cue.start >= sentence_end:
            break
        if not cue.inverted or not text[cue.start].islower():
            continue
        if n == 0 and _AFTER_GAP.fullmatch(text, end, cue.start):
            return cue  # "„…”, zei hij"
        if cue.start < sentence_end and re.search(r",\s*$", text[end : cue.start]):
            return cue  # "een „ernstige slag” worden toegebracht, aldus de leider."
        if cue.verb in _AFTER_ONLY:
            return cue  # "Die "oorlogsspelletjes" zijn volgens hem "heel provocerend"": the source of the sentence
    before = [c for c in ctx.cues if sentence_start <= c.start and c.end <= start]
    said = [c for c in before if c.verb not in _AFTER_ONLY]
    if said and before[-1].verb in _AFTER_ONLY:
        return said[-1]  # "Kim liet volgens KCNA weten dat ...": Kim speaks, KCNA is the source
    if before:
        return before[-1]
    # "Kim is bereid Trump „op elk moment” te ontmoeten. Dat zei de Noord-Koreaanse leider ...":
    # a "Dat/Dit/Zo zei X" opening the next sentence gives the source of this one.
    nxt = next((c for c in ctx.cues if sentence_end <= c.start and c.inverted), None)
    if nxt is not None and _THAT_SAID.fullmatch(text, sentence_end, nxt.start):
        return nxt
    return None


def _last_speaker(said: list[tuple[int, int, str | None]], pos: int, first_paragraph: int) -> str | None:
    i = bisect.bisect_left([x[0] for x in said], pos)
    if i and said[i - 1][1] >= first_paragraph:
        return said[i - 1][2]
    return None


def _entities_of(article: Article) -> list[Entity]:
    annotations = getattr(article, "annotations", None)
    if annotations is not None and hasattr(annotations, "entities"):
        return annotations.entities
    from .entities import find_entities

    return find_entities(article)
