"""The entity annotator on the five real articles, one test per convention, plus unknown names."""

from pathlib import Path

import pytest

from dossier_lib import load_dossier
from dossier_lib.annotate.entities import Entity, find_entities
from dossier_lib.corpus import parse_article


@pytest.fixture(scope="module")
def dossier():
    return load_dossier()


@pytest.fixture(scope="module")
def ents(dossier):
    return {a.number: find_entities(a) for a in dossier}


def at(dossier, ents, number, phrase, word, nth=0):
    """The entity that covers `word` inside the nth occurrence of `phrase` in article `number`."""
    text = dossier[number].text
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(phrase, pos + 1)
    start = pos + phrase.index(word)
    hits = [e for e in ents[number] if e.start <= start < e.end]
    assert hits, f"no entity at {word!r} in {phrase!r}"
    return hits[0]


def check(e, text, type_, id_, metonym=False):
    assert (e.text, e.type, e.id, e.metonym) == (text, type_, id_, metonym)


def test_offsets_sorted_and_outside_header(dossier, ents):
    for article in dossier:
        found = ents[article.number]
        assert found, article.id
        assert [e.start for e in found] == sorted(e.start for e in found)
        for e in found:
            assert isinstance(e, Entity)
            assert article.text[e.start : e.end] == e.text
            assert e.start >= article.body_start
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start, (a, b)


def test_types_and_ids_are_known(ents):
    from dossier_lib.annotate.kb import load_kb

    kb = load_kb()
    for found in ents.values():
        for e in found:
            assert e.type in ("PERSON", "PLACE", "ORG", "NORP", "EVENT")
            assert e.id in kb
            if e.type == "NORP":
                assert kb.get(e.id).type == "PLACE"
            else:
                assert kb.get(e.id).type == e.type


def test_no_unknown_names_in_the_five_articles(ents):
    assert [e for found in ents.values() for e in found if e.type == "UNKNOWN"] == []


def test_title_is_not_in_the_span(dossier, ents):
    check(at(dossier, ents, "001", "Russische president Poetin", "Poetin"), "Poetin", "PERSON", "vladimir-putin")
    check(at(dossier, ents, "001", "president Donald Trump", "Donald"), "Donald Trump", "PERSON", "donald-trump")
    check(at(dossier, ents, "003", "Buitenlandse Zaken, Mike Pompeo", "Mike"), "Mike Pompeo", "PERSON", "mike-pompeo")
    check(at(dossier, ents, "004", "Buitenlandse Zaken Choe Son-hui", "Choe"), "Choe Son-hui", "PERSON", "choe-son-hui")
    # the title itself, the bare title and pronouns are not mentions
    text = dossier["004"].text
    title = text.index("onderminister voor Buitenlandse Zaken")
    assert not [e for e in ents["004"] if title <= e.start < title + 37]
    assert not [e for e in ents["002"] if e.text.lower() in ("president", "hij", "de leider", "zij")]


def test_possessive_keeps_its_s(dossier, ents):
    check(at(dossier, ents, "000", "Kims passage", "Kims"), "Kims", "PERSON", "kim-jong-un")
    check(at(dossier, ents, "004", "Trumps veiligheidsadviseur", "Trumps"), "Trumps", "PERSON", "donald-trump")
    check(
        at(dossier, ents, "001", "Pyongyangs kernwapenprogramma", "Pyongyangs"),
        "Pyongyangs",
        "PLACE",
        "pyongyang",
        True,
    )


def test_names_inside_hyphenated_compounds(dossier, ents):
    check(at(dossier, ents, "000", "Trump-Kim-top", "Trump"), "Trump", "PERSON", "donald-trump")
    check(at(dossier, ents, "000", "Trump-Kim-top", "Kim"), "Kim", "PERSON", "kim-jong-un")
    check(at(dossier, ents, "000", "Trump-Kim-ontmoeting", "Kim"), "Kim", "PERSON", "kim-jong-un")
    check(at(dossier, ents, "001", "VN-sancties", "VN"), "VN", "ORG", "united-nations")
    check(at(dossier, ents, "001", "VN-strafmaatregelen", "VN"), "VN", "ORG", "united-nations")
    check(at(dossier, ents, "003", "regering-Trump", "Trump"), "Trump", "PERSON", "donald-trump")
    check(at(dossier, ents, "001", "VN-Veiligheidsraad", "VN"), "VN-Veiligheidsraad", "ORG", "un-security-council")


def test_demonyms_are_norp_with_country_id(dossier, ents):
    check(at(dossier, ents, "000", "Amerikaans-Chinese", "Amerikaans"), "Amerikaans", "NORP", "united-states")
    check(at(dossier, ents, "000", "Amerikaans-Chinese", "Chinese"), "Chinese", "NORP", "china")
    check(at(dossier, ents, "000", "de Noord-Koreaanse leiding", "Noord"), "Noord-Koreaanse", "NORP", "north-korea")
    check(at(dossier, ents, "003", "de Noord-Koreanen", "Noord"), "Noord-Koreanen", "NORP", "north-korea")
    check(at(dossier, ents, "003", "Noord-Koreaans afscheid", "Noord"), "Noord-Koreaans", "NORP", "north-korea")
    check(at(dossier, ents, "003", "Libische oud", "Libische"), "Libische", "NORP", "libya")
    check(at(dossier, ents, "001", "Russische havenstad", "Russische"), "Russische", "NORP", "russia")
    check(at(dossier, ents, "001", "Zuid-Koreaanse regering", "Zuid"), "Zuid-Koreaanse", "NORP", "south-korea")


def test_events(dossier, ents):
    check(at(dossier, ents, "001", "Koude Oorlog", "Koude"), "Koude Oorlog", "EVENT", "cold-war")
    check(at(dossier, ents, "002", "Koreaanse oorlog", "Koreaanse"), "Koreaanse oorlog", "EVENT", "korean-war")
    check(
        at(dossier, ents, "003", "Olympische Spelen", "Olympische"), "Olympische Spelen", "EVENT", "olympic-games-2018"
    )


def test_longest_match_wins(dossier, ents):
    check(at(dossier, ents, "000", "Kim Jong-un", "Kim"), "Kim Jong-un", "PERSON", "kim-jong-un")
    check(
        at(dossier, ents, "000", "Carnegie-Tsinghua", "Carnegie"),
        "Carnegie-Tsinghua Center for Global Policy",
        "ORG",
        "carnegie-tsinghua-center",
    )
    check(at(dossier, ents, "004", "Verenigde Staten", "Verenigde"), "Verenigde Staten", "PLACE", "united-states")
    check(
        at(dossier, ents, "003", "Koreaanse Schiereiland", "Koreaanse"),
        "Koreaanse Schiereiland",
        "PLACE",
        "korean-peninsula",
    )
    check(
        at(dossier, ents, "002", "Koreaanse schiereiland", "Koreaanse"),
        "Koreaanse schiereiland",
        "PLACE",
        "korean-peninsula",
    )
    check(
        at(dossier, ents, "003", "Arbeiderspartij", "Arbeiderspartij"),
        "Arbeiderspartij",
        "ORG",
        "workers-party-of-korea",
    )
    check(at(dossier, ents, "003", "Kim Yong-chol", "Kim"), "Kim Yong-chol", "PERSON", "kim-yong-chol")


def test_capitals_as_governments_are_metonyms(dossier, ents):
    check(at(dossier, ents, "000", "Washington en Pyongyang", "Washington"), "Washington", "PLACE", "washington", True)
    check(at(dossier, ents, "000", "Washington en Pyongyang", "Pyongyang"), "Pyongyang", "PLACE", "pyongyang", True)
    check(at(dossier, ents, "001", "van Peking en Moskou", "Peking"), "Peking", "PLACE", "beijing", True)
    check(at(dossier, ents, "001", "van Peking en Moskou", "Moskou"), "Moskou", "PLACE", "moscow", True)
    check(at(dossier, ents, "001", "tot Pyongyangs spijt", "Pyongyangs"), "Pyongyangs", "PLACE", "pyongyang", True)
    check(at(dossier, ents, "001", "Moskou heeft bovendien", "Moskou"), "Moskou", "PLACE", "moscow", True)
    check(at(dossier, ents, "004", "gaf Washington toe", "Washington"), "Washington", "PLACE", "washington", True)
    check(at(dossier, ents, "004", "sancties tegen Pyongyang", "Pyongyang"), "Pyongyang", "PLACE", "pyongyang", True)


def test_capitals_as_locations_are_not_metonyms(dossier, ents):
    check(at(dossier, ents, "000", "aan in Peking", "Peking"), "Peking", "PLACE", "beijing")
    check(at(dossier, ents, "000", "bezoek van Kim Jong-un aan Peking", "Peking"), "Peking", "PLACE", "beijing")
    check(at(dossier, ents, "000", "Global Policy in Peking", "Peking"), "Peking", "PLACE", "beijing")
    check(at(dossier, ents, "004", "persconferentie in Pyongyang", "Pyongyang"), "Pyongyang", "PLACE", "pyongyang")
    check(at(dossier, ents, "004", "in Hanoi", "Hanoi"), "Hanoi", "PLACE", "hanoi")
    # a place that is not a capital is never a metonym
    check(at(dossier, ents, "001", "havenstad Vladivostok", "Vladivostok"), "Vladivostok", "PLACE", "vladivostok")


def test_short_names_resolved_by_context(dossier, ents):
    # Kim Yong-chol was just introduced: the next "Kim" is him ...
    check(at(dossier, ents, "003", "Kim is vice-voorzitter", "Kim"), "Kim", "PERSON", "kim-yong-chol")
    # ... but "Trump en Kim" in the same paragraph is still Kim Jong-un
    check(at(dossier, ents, "003", "ontmoeting tussen Trump en Kim.", "Kim"), "Kim", "PERSON", "kim-jong-un")
    check(at(dossier, ents, "003", "ambassadeur Sung Kim", "Sung"), "Sung Kim", "PERSON", "sung-kim")
    check(at(dossier, ents, "000", "Kim, die dinsdag", "Kim"), "Kim", "PERSON", "kim-jong-un")
    check(at(dossier, ents, "003", "Sara Sanders", "Sara"), "Sara Sanders", "PERSON", "sarah-sanders")
    check(at(dossier, ents, "003", "Sanders voegde", "Sanders"), "Sanders", "PERSON", "sarah-sanders")
    check(at(dossier, ents, "004", "aldus Choe", "Choe"), "Choe", "PERSON", "choe-son-hui")
    check(at(dossier, ents, "002", "volgens Ri", "Ri"), "Ri", "PERSON", "ri-yong-ho")
    check(at(dossier, ents, "003", "Kaddafi", "Kaddafi"), "Kaddafi", "PERSON", "muammar-gaddafi")


def test_de_rus_is_putin(dossier, ents):
    check(at(dossier, ents, "001", "De Rus kan", "Rus"), "Rus", "PERSON", "vladimir-putin")


def test_counts_per_article(ents):
    kims = [e for e in ents["003"] if e.id == "kim-yong-chol"]
    assert [e.text for e in kims] == ["Kim Yong-chol", "Kim"]
    putins = [e for e in ents["001"] if e.id == "vladimir-putin"]
    assert len(putins) == 8
    metonyms = sorted((n, e.text) for n, found in ents.items() for e in found if e.metonym)
    assert len(metonyms) == 18


def test_entity_knows_its_label_and_role(dossier, ents):
    e = at(dossier, ents, "001", "Russische president Poetin", "Poetin")
    assert e.label == "Vladimir Poetin"
    assert e.role == "president van Rusland"


def make_article(body: str):
    return parse_article(Path("999_test.txt"), f" date 2019-06 {body}\n")


def test_unknown_names_are_candidates():
    article = make_article(
        "Op dinsdag sprak Jens Stoltenberg in Brussel met Poetin. Volgens Stoltenberg wil de "
        "regering-Biden praten over de NAVO-top."
    )
    found = find_entities(article)
    unknown = [(e.text, e.id) for e in found if e.type == "UNKNOWN"]
    assert unknown == [
        ("Jens Stoltenberg", None),
        ("Brussel", None),
        ("Stoltenberg", None),
        ("Biden", None),
        ("NAVO", None),
    ]
    assert [(e.text, e.id) for e in found if e.type == "PERSON"] == [("Poetin", "vladimir-putin")]
    for e in found:
        assert article.text[e.start : e.end] == e.text


def test_sentence_starts_headings_and_months_are_not_candidates():
    article = make_article(
        'Historische stappen in Hanoi. Trump zei dinsdag: "Geen akkoord." Ook Juche werd genoemd.\n\n'
        "Nieuwe gesprekken\n\n"
        "In Maart sprak de minister van Buitenlandse Zaken met Kim. Deskundigen twijfelen."
    )
    found = find_entities(article)
    assert [e for e in found if e.type == "UNKNOWN"] == []
    assert [e.text for e in found] == ["Hanoi", "Trump", "Kim"]


def test_a_name_glued_to_a_noun_is_a_word_and_a_name_with_voor_is_one_name():
    article = make_article(
        "Dat zegt een Koreakenner van de Kookmin-universiteit. Een Chinadeskundige is het eens. "
        "Het Noord-Koreaanse Instituut voor Kernwapens meldde het."
    )
    unknown = [e.text for e in find_entities(article) if e.type == "UNKNOWN"]
    assert unknown == ["Kookmin", "Instituut voor Kernwapens"]
