"""The knowledge base: the bundled kb.yaml is complete and a broken one gives a clear Dutch message."""

import pytest

from dossier_lib.annotate.kb import KbError, from_data, load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def entry(**fields):
    base = {"id": "jens-stoltenberg", "type": "PERSON", "label_nl": "Jens Stoltenberg", "aliases": ["Stoltenberg"]}
    base.update(fields)
    return base


def test_poetin_becomes_putin(kb):
    putin = kb.lookup("Poetin")
    assert putin.id == "vladimir-putin"
    assert putin.label_en == "Vladimir Putin"
    assert putin.type == "PERSON"
    assert putin.wikidata == "Q7747"


@pytest.mark.parametrize(
    "form, entry_id",
    [
        ("Peking", "beijing"),
        ("Moskou", "moscow"),
        ("VS", "united-states"),
        ("Verenigde Staten", "united-states"),
        ("Noord-Korea", "north-korea"),
        ("VN", "united-nations"),
        ("VN-Veiligheidsraad", "un-security-council"),
        ("Kim Jong-un", "kim-jong-un"),
        ("Sara Sanders", "sarah-sanders"),
        ("Choe", "choe-son-hui"),
        ("Ri", "ri-yong-ho"),
        ("Sung Kim", "sung-kim"),
        ("Koreaanse oorlog", "korean-war"),
        ("Koreaanse Schiereiland", "korean-peninsula"),
        ("Koreaanse schiereiland", "korean-peninsula"),
    ],
)
def test_aliases(kb, form, entry_id):
    assert kb.lookup(form).id == entry_id


@pytest.mark.parametrize(
    "demonym, country",
    [
        ("Noord-Koreaanse", "north-korea"),
        ("Noord-Koreaans", "north-korea"),
        ("Noord-Koreanen", "north-korea"),
        ("Amerikaanse", "united-states"),
        ("Amerikaans", "united-states"),
        ("Amerikanen", "united-states"),
        ("Chinese", "china"),
        ("Russische", "russia"),
        ("Rus", "russia"),
        ("Zuid-Koreaanse", "south-korea"),
        ("Libische", "libya"),
        ("Vietnamese", "vietnam"),
    ],
)
def test_demonyms_hang_on_their_country(kb, demonym, country):
    assert kb.lookup(demonym).id == country
    assert kb.get(country).kind == "country"


def test_short_name_kim_default_is_kim_jong_un(kb):
    assert kb.lookup("Kim").id == "kim-jong-un"
    assert [e.id for e in kb.candidates("Kim")] == ["kim-jong-un", "kim-yong-chol"]


def test_main_players_are_there_even_if_not_named(kb):
    for entry_id in ("moon-jae-in", "xi-jinping", "mike-pence", "muammar-gaddafi", "olympic-games-2018", "cold-war"):
        assert entry_id in kb
    assert kb.get("moon-jae-in").role_nl


def test_every_entry_is_complete(kb):
    for e in kb:
        assert e.label_nl and e.role_nl, e.id
        assert e.type in ("PERSON", "PLACE", "ORG", "EVENT"), e.id
        if e.type == "PLACE":
            assert e.kind, e.id
            assert e.lat is not None and e.lon is not None, e.id
        if e.kind == "country":
            assert e.demonyms, e.id


def test_places_and_roles(kb):
    pyongyang = kb.get("pyongyang")
    assert pyongyang.capital_of == "north-korea" and pyongyang.country == "north-korea"
    assert 38 < pyongyang.lat < 40 and 125 < pyongyang.lon < 126.5
    assert kb.get("washington").lon < -70
    assert kb.get("singapore").type == "PLACE"
    assert kb.get("choe-son-hui").role_nl == "Noord-Koreaanse onderminister van Buitenlandse Zaken"
    assert kb.get("un-security-council").type == "ORG"
    assert kb.get("korean-war").type == "EVENT"


def test_get_unknown_id_is_a_dutch_key_error(kb):
    with pytest.raises(KeyError, match="staat niet in .*kb.yaml"):
        kb.get("joe-biden")


def test_to_frame(kb):
    frame = kb.to_frame()
    assert frame.loc["vladimir-putin", "naam"] == "Vladimir Poetin"
    assert "Poetin" in frame.loc["vladimir-putin", "schrijfwijzen"]


def test_missing_id():
    with pytest.raises(KbError, match=r"mijn.yaml, blok 1: de regel 'id:' ontbreekt"):
        from_data({"entries": [{"type": "PERSON"}]}, source="mijn.yaml")


def test_missing_type():
    with pytest.raises(KbError, match=r"blok 1 \(jens-stoltenberg\): de regel 'type:' ontbreekt"):
        from_data({"entries": [entry(type=None)]}, source="mijn.yaml")


def test_wrong_type():
    with pytest.raises(KbError, match="onbekend type 'PERSOON'"):
        from_data({"entries": [entry(type="PERSOON")]})


def test_duplicate_id():
    with pytest.raises(KbError, match=r"blok 2 \(jens-stoltenberg\): de id 'jens-stoltenberg' staat er twee keer in"):
        from_data({"entries": [entry(), entry(aliases=["Jens"])]}, source="mijn.yaml")


def test_alias_clash_names_both_entries():
    other = entry(id="erna-solberg", label_nl="Erna Solberg", aliases=["Stoltenberg"])
    with pytest.raises(
        KbError, match=r"blok 2 \(erna-solberg\): de naam 'Stoltenberg' hoort ook al bij 'jens-stoltenberg'"
    ):
        from_data({"entries": [entry(), other]}, source="mijn.yaml")


def test_bad_slug_and_wikidata():
    with pytest.raises(KbError, match="kleine letters"):
        from_data({"entries": [entry(id="Jens Stoltenberg")]})
    with pytest.raises(KbError, match="Q-nummer"):
        from_data({"entries": [entry(wikidata="stoltenberg")]})


def test_unknown_country_reference():
    with pytest.raises(KbError, match="'country: norway' verwijst naar een id die niet"):
        from_data({"entries": [entry(country="norway")]})


def test_not_a_list_of_entries():
    with pytest.raises(KbError, match="moet beginnen met 'entries:'"):
        from_data([{"id": "x"}])


def test_teachers_own_file(tmp_path):
    path = tmp_path / "kb.yaml"
    path.write_text(
        "entries:\n  - id: jens-stoltenberg\n    type: PERSON\n    aliases: [Stoltenberg]\n", encoding="utf-8"
    )
    kb = load_kb(path)
    assert kb.lookup("Stoltenberg").id == "jens-stoltenberg"
    path.write_text("entries:\n  - id: x\n   type: [\n", encoding="utf-8")
    with pytest.raises(KbError, match=r"kb.yaml:\d+: de kennisbank is niet goed opgebouwd"):
        load_kb(path)


def test_descriptions_students_read_are_correct(kb):
    """Facts checked for issue 12 (sources in docs/content/feitencontrole.md)."""
    yongbyon = kb.get("yongbyon").role_nl
    assert "kerncentrale" not in yongbyon and "plutonium" in yongbyon and "uranium" in yongbyon
    assert "Centraal Comité" in kb.get("kim-yong-chol").role_nl
    # the Joint Security Area straddles the demarcation line: neither Korea alone
    panmunjom = kb.get("panmunjom")
    assert panmunjom.country == "korean-peninsula" and "demarcatielijn" in panmunjom.role_nl
    assert "Sovjet-Unie" in kb.get("korean-war").role_nl and "China" in kb.get("korean-war").role_nl
