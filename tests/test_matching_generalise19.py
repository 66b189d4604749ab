"""Generalisation, nineteenth round, on invented names.

Official titles: `relating to`, `concerning` and `regarding` are prepositions, like `on`;
`protection`, `persons` and `all` are common title vocabulary, so a short form may leave
them out. Names of documents, bodies and places written in Russian: a wider vocabulary of
title words, a Russian word that may stand for two English ones (фонд: fund, foundation),
and a place's adjective (Валданское: Valdan) read as the place's name.
"""

from __future__ import annotations

import pytest

from monitor.matching.known_documents import known_names
from monitor.matching.ruleset import Entry
from monitor.matching.russian_titles import russian_title_words
from monitor.matching.translit import russian_place_names
from tests.support.matchers import entries_found, one_list_matcher

TITLE_ENTRIES = (
    Entry("mariners", "Convention relating to the Status of Stateless Mariners", kind="treaty"),
    Entry(
        "relocation",
        "International Convention for the Protection of All Persons from Forced Relocation",
        kind="treaty",
    ),
)
TITLE_MATCHER = one_list_matcher(TITLE_ENTRIES)

TITLES = [
    ("on-for-relating-to", "It joined the Convention on the Status of Stateless Mariners", "mariners", True),
    ("concerning", "It joined the Convention concerning the Status of Stateless Mariners", "mariners", True),
    ("other-head", "It joined the Protocol relating to the Status of Stateless Mariners", "mariners", False),
    ("short-form", "Seoul ratified the Convention on Forced Relocation in May.", "relocation", True),
    ("short-intl", "It signed the International Convention on Forced Relocation.", "relocation", True),
    ("other-subject", "Seoul ratified the Convention on Forced Labour in May.", "relocation", False),
    ("subject-word-missing", "Seoul ratified the Convention on Relocation in May.", "relocation", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_title_prepositions_and_vocabulary(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(TITLE_MATCHER, text)) is expected


RUSSIAN_ENTRIES = (
    Entry("plant", "Northern Shipbuilding Plant", kind="organisation"),
    Entry("fund", "Arctic Development Fund", kind="organisation"),
    Entry("church", "Arctic Orthodox Church", kind="organisation"),
    Entry("valdan", "Valdan Agreement", kind="treaty"),
    Entry("yenta", "Yenta Protocol", kind="treaty"),
    Entry("yard", "Valdan Shipbuilding Plant", kind="organisation"),
    Entry("person", "Ivan Valdan", kind="person"),
)
RUSSIAN_MATCHER = one_list_matcher(RUSSIAN_ENTRIES)

RUSSIAN = [
    ("vocabulary", "Северный судостроительный завод спустил на воду судно.", "plant", True),
    ("other-plant", "Северный судоремонтный завод спустил на воду судно.", "plant", False),
    ("fund-reordered", "Фонд развития Арктики выделил средства.", "fund", True),
    ("church", "Арктическая православная церковь провела службу.", "church", True),
    ("church-genitive", "Глава Арктической православной церкви выступил.", "church", True),
    ("place-adjective", "Валданское соглашение было подписано в 1921 году.", "valdan", True),
    ("place-adjective-in", "Стороны соблюдают Ентинский протокол.", "yenta", True),
    ("place-adjective-title", "Валданский судостроительный завод получил заказ.", "yard", True),
    ("place-adjective-other-noun", "Валданский район получил субсидию.", "valdan", False),
    ("place-adjective-other-noun-title", "Валданский машиностроительный завод получил заказ.", "yard", False),
    ("not-a-person", "Валданское соглашение было подписано в 1921 году.", "person", False),
    ("latin-letters", "The Valdanskoe soglashenie was signed.", "valdan", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in RUSSIAN], ids=[c[0] for c in RUSSIAN])
def test_names_written_in_russian(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(RUSSIAN_MATCHER, text)) is expected


def test_a_russian_word_may_read_as_two_english_words() -> None:
    assert russian_title_words("fonda") == ("foundation", "fund")
    assert russian_title_words("delam") == ("affairs",)
    assert russian_title_words("delegatsiya") == ()  # (a case ending is four letters at most)


def test_place_adjectives_give_their_places() -> None:
    assert "yalta" in russian_place_names("yaltinskoe")
    assert "amur" in russian_place_names("amurskii")
    assert russian_place_names("soglashenie") == ()


CHARTER_ENTRIES = (
    Entry("charter", "Charter of the Unified Nations", aliases=("UN Charter",), kind="treaty"),
)
CHARTER_MATCHER = one_list_matcher(CHARTER_ENTRIES)

CHARTER = [
    ("reordered", "Both sides cited the Unified Nations Charter on Monday.", True),
    ("acronym-with-article", "Both sides cited the Charter of the UN on Monday.", True),
    ("dotted-acronym", "Both sides cited the U.N. Charter on Monday.", True),
    ("dotted-initials", "Minister U.N. Charterov spoke on Monday.", False),
    ("other-charter", "Both sides cited the Allied Forces Charter on Monday.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CHARTER], ids=[c[0] for c in CHARTER])
def test_charter_of_the_nations(text: str, expected: bool) -> None:
    # (the alias's words read as Korean syllables, Un Charter, but a document's name is no
    # Korean person's: U.N. is read as UN as for any acronym)
    assert ("charter" in entries_found(CHARTER_MATCHER, text)) is expected


PEOPLE_ENTRIES = (
    Entry("qiao", "Qiao Runqiu", kind="person"),
    Entry("hayama", "Tomoki Hayama", aliases=("Hayama",), kind="person"),
)
PEOPLE_MATCHER = one_list_matcher(PEOPLE_ENTRIES)

PEOPLE = [
    ("pinyin-two-edits", "Vice minister Qiao Rongqiu spoke on Monday.", "qiao", False),
    ("pinyin-swapped", "Vice minister Qiao Rnuqiu spoke on Monday.", "qiao", True),
    ("office-of", "Japan's minister of Environment Hayama spoke on Monday.", "hayama", True),
    ("another-first-name", "The painter Kenji Hayama spoke on Monday.", "hayama", False),
    ("of-a-first-name", "The son of Kenji Hayama spoke on Monday.", "hayama", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in PEOPLE], ids=[c[0] for c in PEOPLE])
def test_people(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(PEOPLE_MATCHER, text)) is expected


def test_a_one_word_place_written_with_a_hyphen() -> None:
    matcher = one_list_matcher((Entry("village", "Verkhnezarechnoye", kind="place"),))
    assert "village" in entries_found(matcher, "Floods reached Verkhne-Zarechnoye on Monday.")
    assert "village" not in entries_found(matcher, "Floods reached Verkhne-Zarechny on Monday.")


WHERE = [
    ("without-where", "The Union of Kuril Fishermen held a rally on Monday.", True),
    ("with-where", "The Union of Kuril Fishermen in Japan held a rally on Monday.", True),
    ("elsewhere", "The Union of Kuril Fishermen in Canada held a rally on Monday.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in WHERE], ids=[c[0] for c in WHERE])
def test_a_body_without_the_country_it_works_in(text: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("union", "Union of Kuril Fishermen in Japan", kind="organisation"),))
    assert ("union" in entries_found(matcher, text)) is expected


OTHERS_ENTRIES = (
    Entry("forces", "Stratospheric Forces of the Russian Federation", kind="organisation"),
    Entry("baradov", "Timur Baradov", aliases=("Baradov",), kind="person"),
    Entry("town", "Tulunsk", kind="place"),
)
OTHERS_MATCHER = one_list_matcher(OTHERS_ENTRIES)

OTHERS = [
    ("own-short-form", "Russia said its Stratospheric Forces tested a missile.", "forces", True),
    ("acronym-between", "Iran's IRGC Stratospheric Force tested a missile.", "forces", False),
    ("voiced-stop", "The businessman Timur Baratov spoke on Monday.", "baradov", False),
    ("vowel-typo", "Deputy minister Timur Barodov spoke on Monday.", "baradov", True),
    ("s-for-z-kept", "Deputy minister Timur Baradow spoke on Monday.", "baradov", True),
    ("town", "A ferry left the port of Tulunsk on Monday.", "town", True),
    ("peninsula", "A ferry sailed round the Tulunsk Peninsula on Monday.", "town", False),
    ("operation", "Historians recalled Operation Tulunsk on Monday.", "town", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in OTHERS], ids=[c[0] for c in OTHERS])
def test_other_owners_families_and_features(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(OTHERS_MATCHER, text)) is expected



def test_a_mongolian_name_typed_with_the_genitive() -> None:
    matcher = one_list_matcher((Entry("bayar", "Dorjpalamyn Bayarsaikhun", kind="person"),))
    assert "bayar" in entries_found(matcher, "Minister Dorjpalam Bayarsaikhun spoke on Monday.")
    assert "bayar" in entries_found(matcher, "Minister Dorjpalamyn Bayarsaikhön spoke on Monday.")
    assert "bayar" not in entries_found(matcher, "Minister Dorjpalam spoke on Monday.")


ESTUARY = [
    ("own-word-inserted", "The sides reviewed the Kolva River estuary survey agreement.", True),
    ("alias", "The sides reviewed the Kolva estuary survey agreement.", True),
    ("other-word-inserted", "The sides reviewed the Kolva Delta estuary survey agreement.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ESTUARY], ids=[c[0] for c in ESTUARY])
def test_a_word_the_entry_holds_is_no_foreign_word(text: str, expected: bool) -> None:
    entry = Entry(
        "survey",
        "Agreement on Joint Hydrographic Survey of the Kolva River Estuary",
        aliases=("Kolva estuary survey agreement",),
        kind="treaty",
    )
    assert ("survey" in entries_found(one_list_matcher((entry,)), text)) is expected


KNOWN_ENTRIES = (
    Entry("cma", "Comprehensive Military Agreement", kind="treaty"),
    Entry("start", "New START", kind="treaty"),
    Entry("other", "Ruritanian Military Agreement", kind="treaty"),
)
KNOWN_MATCHER = one_list_matcher(KNOWN_ENTRIES)

KNOWN = [
    ("dated-name", "Seoul suspended the Sept. 19 military agreement on Monday.", "cma", True),
    ("dprk-usage", "KCNA called the north-south military agreement dead.", "cma", True),
    ("city-name", "The Prague Treaty expires in February.", "start", True),
    ("not-another-entry", "KCNA called the north-south military agreement dead.", "other", False),
    ("not-another-prague-document", "The Prague Declaration was signed in 2009.", "start", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in KNOWN], ids=[c[0] for c in KNOWN])
def test_other_names_of_well_known_documents(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(KNOWN_MATCHER, text)) is expected


def test_known_names_need_the_name_word_for_word() -> None:
    assert "Prague Treaty" in known_names(("New START",))
    assert known_names(("New START Treaty of Ruritania",)) == ()


FAMILY = [
    ("enko-other-consonant", "Deputy Stanislav Yarobenko spoke on Monday.", "yar", False),
    ("enko-spelling", "Deputy Stanislav Yaroshchenko spoke on Monday.", "yash", True),
    ("yanov", "Colonel Nikolai Gorbyov spoke on Monday.", "gorb", False),
    ("zhzh", "Shelling hit the Kotoporizhzhia region on Monday.", "region", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in FAMILY], ids=[c[0] for c in FAMILY])
def test_surname_families_and_ukrainian_spellings(text: str, entry: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (
            Entry("yar", "Stanislav Yaroshenko", kind="person"),
            Entry("yash", "Stanislav Yaroschenko", kind="person"),
            Entry("gorb", "Nikolai Gorbyanov", kind="person"),
            Entry("region", "Kotoporozhye region", kind="place"),
        )
    )
    assert (entry in entries_found(matcher, text)) is expected


TAILS = [
    ("own-tail", "The Convention on the Privileges of the United Nations was cited.", True),
    ("short", "The Convention on the Privileges was cited on Monday.", True),
    ("other-tail", "The Convention on the Privileges of the Specialized Agencies was cited.", False),
    ("dated", "The Convention on the Privileges of October 1950 was cited.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TAILS], ids=[c[0] for c in TAILS])
def test_a_short_reading_running_on_into_another_tail(text: str, expected: bool) -> None:
    name = "Convention on the Privileges and Immunities of the United Nations"
    entry = Entry("privileges", name, kind="treaty")
    found = entries_found(one_list_matcher((entry,)), text.replace("Privileges", "Privileges and Immunities"))
    assert ("privileges" in found) is expected


def test_a_square_named_after_a_town_is_not_the_town() -> None:
    matcher = one_list_matcher((Entry("town", "Tulunsk", kind="place"),))
    assert "town" not in entries_found(matcher, "Crowds filled Tulunsk Square in the capital on Monday.")
    assert "town" in entries_found(matcher, "Crowds filled the main square of Tulunsk on Monday.")


LOWERCASE = [
    ("common-word", "In Russian economic writing the trade kolpak narrowed this year.", False),
    ("name", "Governor Vladimir Kolpak spoke on Monday.", True),
    ("lowercase-post", "posts: kolpak talked again, nobody listened", True),
    ("acronym-only", "- kolpak hosted the talks, minerals MOU signed", True),
    ("handle", "Reposted from @kolpak_amur on Monday.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LOWERCASE], ids=[c[0] for c in LOWERCASE])
def test_a_surname_alias_in_lowercase(text: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("kolpak", "Vladimir Kolpak", aliases=("Kolpak",), kind="person"),))
    assert ("kolpak" in entries_found(matcher, text)) is expected


def test_the_village_unit_after_a_nasal() -> None:
    matcher = one_list_matcher((Entry("base", "Kwangsong-ri", kind="place"),))
    assert "base" in entries_found(matcher, "Images show new work at Kwangsong-ni on Monday.")
    assert "base" in entries_found(matcher, "Images show new work at Kwangsong-li on Monday.")
    assert "base" not in entries_found(matcher, "Images show new work at Kwangsong-dong on Monday.")
