"""The quotation annotator: every quote in the five articles by hand, then the rules on small texts."""

import json
from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.entities import Entity
from dossier_lib.annotate.quotes import KIND_LABELS_NL, KINDS, Quote, find_quotes
from dossier_lib.corpus import parse_article

GOLD = Path(__file__).resolve().parent / "gold" / "quotes.jsonl"

# Every quotation in the five articles, read by hand, in reading order:
# (article, how the quote begins, kind, speaker, cue text or None)
EXPECTED = [
    ("000", "“De enige logische", "sentence", "zhao-tong", "zegt Zhao Tong"),
    ("000", "“Kim twijfelt", "sentence", "zhao-tong", None),  # goes on after "zegt Zhao Tong"
    ("001", "‘zelfvoorzienendheid’", "scare_quote", None, None),
    ("001", "„ernstige slag”", "fragment", "kim-jong-un", "aldus de leider"),  # cue at the sentence end
    ("001", "‘normaal’", "scare_quote", None, None),
    ("002", "„ We hadden", "sentence", "donald-trump", "zei de Amerikaanse president"),
    ("002", "„Ik doe het", "sentence", "donald-trump", "zei hij"),
    ("002", "„Je moet altijd", "sentence", "donald-trump", None),  # "En over ...: „…" continues Trump
    ("002", "„Ze wilden", "sentence", "donald-trump", "zei hij"),  # hij = "de Amerikaanse president", not Kim
    ("002", "„Ze waren bereid", "sentence", "donald-trump", None),
    ("002", "„Hij zei dat", "sentence", "donald-trump", "antwoord van Trump"),
    ("003", "'vijandige'", "scare_quote", None, None),
    ("003", '"De Amerikaanse delegatie', "sentence", "sarah-sanders", "Sara Sanders zei"),
    ("003", '"politieke nietsnut"', "fragment", "north-korea", "Dat land noemde"),
    ("004", "“vijandige en wantrouwige”", "fragment", "choe-son-hui", None),  # "Volgens Choe … zou"
    ("004", "“Zij zaten", "sentence", "choe-son-hui", "aldus Choe"),
    ("004", "“te druk met", "fragment", "choe-son-hui", "volgens haar"),
    ("004", "“Ze waren niet", "sentence", "choe-son-hui", None),
    ("004", "“Hun onderlinge klik", "sentence", "choe-son-hui", None),  # after "zei Choe."
    ("004", "“een absurde gedachtenkronkel”", "fragment", "choe-son-hui", "aldus de onderminister"),
    ("004", "“Ik wil duidelijk", "sentence", "choe-son-hui", None),
    ("004", "‘verzekeringspolis’", "scare_quote", None, None),
]

OPENING = ("„", "“", '"', "‘", "'", ",,")
CLOSING = ("”", "“", '"', "’", "'")


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def quotes(dossier):
    return {a.number: find_quotes(a) for a in dossier}


def cue_text(article, q: Quote):
    return None if q.cue_start is None else article.text[q.cue_start : q.cue_end]


def test_every_quote_in_the_five_articles(dossier, quotes):
    found = [
        (number, q.text, q.kind, q.speaker, cue_text(dossier[number], q))
        for number in sorted(quotes)
        for q in quotes[number]
    ]
    assert len(found) == len(EXPECTED)
    for got, (number, begins, kind, speaker, cue) in zip(found, EXPECTED):
        assert got[0] == number
        assert got[1].startswith(begins), got
        assert got[2:] == (kind, speaker, cue), got


def test_offsets_marks_and_content(dossier, quotes):
    for number, found in quotes.items():
        text = dossier[number].text
        assert found == sorted(found, key=lambda q: q.start)
        for q in found:
            assert text[q.start : q.end] == q.text
            assert text[q.content_start : q.content_end] == q.content
            assert q.start < q.content_start <= q.content_end < q.end
            assert q.text.startswith(OPENING) and q.text.endswith(CLOSING)
            assert q.kind in KINDS and KIND_LABELS_NL[q.kind] == q.kind_label
            assert q.start >= dossier[number].body_start
            if q.cue_start is not None:
                assert q.cue_start < q.cue_end
                assert not (q.start <= q.cue_start < q.end), "a cue is never inside the quote"
            if q.kind == "scare_quote":
                assert q.speaker is None and q.cue_start is None


def test_content_keeps_the_space_after_the_opening_mark(dossier, quotes):
    q = quotes["002"][0]
    assert q.content.startswith(" We hadden") and q.content_start == q.start + 1


def test_apostrophes_are_not_quotes(dossier, quotes):
    text = dossier["000"].text
    zon = text.index("zo’n")
    assert not any(q.start <= zon < q.end for q in quotes["000"])


def test_agrees_with_the_gold_file(dossier, quotes):
    if not GOLD.exists():
        pytest.skip("tests/gold/quotes.jsonl is er nog niet")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file = {a.file: a.number for a in dossier}
    want = {
        (by_file[g["file"]], g["start"], g["end"]): (g["content_start"], g["content_end"], g["kind"], g["speaker"])
        for g in gold
    }
    got = {
        (number, q.start, q.end): (q.content_start, q.content_end, q.kind, q.speaker)
        for number, found in quotes.items()
        for q in found
    }
    assert got == want


def test_annotations_and_dossier_table(dossier):
    assert dossier["004"].annotations.quotes == find_quotes(dossier["004"])
    table = dossier.table("quotes")
    assert len(table) == len(EXPECTED)
    assert {"article", "start", "end", "text", "content", "kind", "speaker", "cue_start", "cue_end"} <= set(
        table.columns
    )


# ------------------------------------------------------------ small texts


def make_article(body: str):
    return parse_article(Path("999_test.txt"), f" date 2019-06 {body}\n")


def names(article, *specs):
    """Hand-made entities: (word, type, id) for every occurrence of word in the article."""
    found = []
    for word, kind, entity_id in specs:
        pos = article.text.find(word)
        while pos != -1:
            found.append(Entity(pos, pos + len(word), word, kind, entity_id))
            pos = article.text.find(word, pos + 1)
    return sorted(found, key=lambda e: e.start)


def simple(article, entities):
    text = article.text
    return [
        (q.content, q.kind, q.speaker, None if q.cue_start is None else text[q.cue_start : q.cue_end])
        for q in find_quotes(article, entities)
    ]


def test_all_kinds_of_marks():
    art = make_article(
        "Jansen sprak. ,,Eerste zin van mij.'' En ,,tweede zin hier.' Ook „derde zin hier“ en "
        "“vierde zin hier” en \"vijfde zin hier\" en ‘zesde zin hier’ en 'zevende zin hier'."
    )
    contents = [q.content for q in find_quotes(art, [])]
    assert contents == [
        "Eerste zin van mij.",
        "tweede zin hier.",
        "derde zin hier",
        "vierde zin hier",
        "vijfde zin hier",
        "zesde zin hier",
        "zevende zin hier",
    ]


def test_apostrophes_in_words_and_contractions():
    art = make_article(
        "Zo’n plan staat in alinea's van Kim's brief. Hij belde 's avonds en 't was laat, in de jaren '90. "
        "Dat heet een ‘normaal’ land."
    )
    assert [q.text for q in find_quotes(art, [])] == ["‘normaal’"]


def test_unbalanced_mark_stops_at_the_paragraph_end():
    art = make_article(
        "Trump zei: “dit gaat nergens heen en de zin stopt niet.\n\n"
        "In de volgende alinea staat een „echte quote” van iemand.\n\n"
        "En hier nog een 'los teken zonder partner."
    )
    found = find_quotes(art, [])
    assert [q.content for q in found] == ["echte quote"]
    para = art.paragraph_at(found[0].start)
    assert para.start <= found[0].start and found[0].end <= para.end


def test_second_opening_mark_before_a_closing_mark_is_skipped():
    art = make_article("Hij noemde het “onzin en toen “echte woorden” in één zin.")
    assert [q.content for q in find_quotes(art, [])] == ["echte woorden"]


def test_pronouns_follow_gender():
    art = make_article(
        "Trump en Choe kwamen samen. „Wij praten graag verder”, zei ze. Daarna sprak Pompeo. "
        "„Dat klopt helemaal niet”, zei hij."
    )
    ents = names(
        art,
        ("Trump", "PERSON", "donald-trump"),
        ("Choe", "PERSON", "choe-son-hui"),
        ("Pompeo", "PERSON", "mike-pompeo"),
    )
    assert simple(art, ents) == [
        ("Wij praten graag verder", "sentence", "choe-son-hui", "zei ze"),
        ("Dat klopt helemaal niet", "sentence", "mike-pompeo", "zei hij"),
    ]


def test_volgens_haar_before_a_fragment():
    art = make_article("Sanders kwam binnen. De VS hebben volgens haar “veel geduld” met het land.")
    ents = names(art, ("Sanders", "PERSON", "sarah-sanders"), ("VS", "PLACE", "united-states"))
    assert simple(art, ents) == [("veel geduld", "fragment", "sarah-sanders", "volgens haar")]


def test_colon_cue_and_continuation_in_the_next_paragraph_only():
    art = make_article(
        'Pompeo zei tijdens een persconferentie: "We blijven praten met Noord-Korea."\n\n'
        '"Er is nog veel werk te doen."\n\n'
        "Daarna ging het over het weer in de stad.\n\n"
        '"Dit is een heel andere zin."'
    )
    ents = names(art, ("Pompeo", "PERSON", "mike-pompeo"), ("Noord-Korea", "PLACE", "north-korea"))
    assert simple(art, ents) == [
        ("We blijven praten met Noord-Korea.", "sentence", "mike-pompeo", "Pompeo zei"),
        ("Er is nog veel werk te doen.", "sentence", "mike-pompeo", None),
        # two paragraphs later: no speaker; a whole quoted sentence is still a sentence, never a scare quote
        ("Dit is een heel andere zin.", "sentence", None, None),
    ]


def test_title_from_the_knowledge_base_role():
    # No "president Trump" in the text: the role in kb.yaml and "Amerikaanse" decide.
    art = make_article("Trump en Poetin spraken. „Het ging heel goed vandaag”, aldus de Amerikaanse president.")
    ents = names(art, ("Trump", "PERSON", "donald-trump"), ("Poetin", "PERSON", "vladimir-putin"))
    assert simple(art, ents)[0][2:] == ("donald-trump", "aldus de Amerikaanse president")


def test_title_last_used_with_a_name():
    art = make_article(
        "De Russische president Poetin ontmoette Kim. Later sprak Trump. „We zijn vrienden”, zei de president."
    )
    ents = names(
        art,
        ("Poetin", "PERSON", "vladimir-putin"),
        ("Kim", "PERSON", "kim-jong-un"),
        ("Trump", "PERSON", "donald-trump"),
    )
    assert simple(art, ents)[0][2] == "vladimir-putin"


def test_unknown_speaker_keeps_the_quote_a_quote():
    art = make_article("„Dit is echt een grote stap”, zei Jansen tegen de pers.")
    ents = [Entity(art.text.index("Jansen"), art.text.index("Jansen") + 6, "Jansen", "UNKNOWN", None)]
    assert simple(art, ents) == [("Dit is echt een grote stap", "sentence", None, "zei Jansen")]


def test_single_words_without_speaker_are_scare_quotes_and_with_speaker_fragments():
    art = make_article("Het land wil ‘zelfvoorzienend’ zijn. Kim noemde Trump een 'oude man'.")
    ents = names(art, ("Kim", "PERSON", "kim-jong-un"), ("Trump", "PERSON", "donald-trump"))
    assert simple(art, ents) == [
        ("zelfvoorzienend", "scare_quote", None, None),
        ("oude man", "fragment", "kim-jong-un", "Kim noemde"),
    ]


def test_cue_words_inside_a_quote_do_not_count():
    art = make_article("Pompeo sprak. „Hij zei dat hij stopt”, aldus Pompeo. Kim zweeg.")
    ents = names(art, ("Pompeo", "PERSON", "mike-pompeo"), ("Kim", "PERSON", "kim-jong-un"))
    assert simple(art, ents) == [("Hij zei dat hij stopt", "sentence", "mike-pompeo", "aldus Pompeo")]


def test_bad_input_gives_a_dutch_message():
    with pytest.raises(TypeError, match="verwacht één artikel"):
        find_quotes("Dit is geen artikel")
