"""Generalisation, fourteenth round: offices, southern places and other units, on invented names.

An office before a watched person's bare surname makes it that official in lowercase too, as
wire copy writes it (spokesman Varkov, deputy chief of staff Varkov). A Korean place the
analyst spells in the South's Revised Romanization ("eo", "eu") is the southern place, so a
South Korean locator confirms it. A Korean place read without its unit is another place when
the item names it with another unit elsewhere (the Tangnam district ... in Tangnam).

A one-word place after a Russian given name or a patronymic, or before "himself", is a
person's surname (Sergei Korolev the designer is not the city of Korolyov); an item that
also calls the word a place (the town of ...) uses it in both senses. An acronym whose
letters a capitalised phrase spells with its "of" stands for that phrase (ROC, the Republic
of China). A hotel or restaurant named after a place, in quotes, after "named" or after an
article, is the establishment (Hotel 'Korolyov').
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("var", "Pavel Varkov", kind="person"),
    Entry("geo", "Geoncheon County", kind="place"),
    Entry("kos", "Kosan County", kind="place"),
    Entry("tan", "Tangnam County", kind="place"),
    Entry("zar", "Zarevsk", kind="place"),
    Entry("roc", "Rural Orchards Council", aliases=("ROC",), kind="organisation"),
)
MATCHER = one_list_matcher(ENTRIES)

OFFICES = [
    ("capitalised", "Deputy Prime Minister Varkov said the talks would go on.", True),
    ("lowercase", "Kremlin spokesman Varkov said the talks would go on.", True),
    ("chief-of-staff", "Deputy Kremlin chief of staff Varkov met the delegation.", True),
    ("staff-alone", "Hospital staff Varkov and Lenz were thanked.", False),
    ("no-office", "Varkov said the talks would go on.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in OFFICES], ids=[c[0] for c in OFFICES])
def test_an_office_before_a_bare_surname_in_any_case(text: str, expected: bool) -> None:
    assert ("var" in entries_found(MATCHER, text)) is expected


def test_a_place_spelt_the_southern_way_is_the_southern_place() -> None:
    text = "GEONCHEON, South Korea, May 2 (Reuters) - Cranes returned to Geoncheon this week."
    assert entries_found(MATCHER, text) == {"geo"}
    # spelt the northern way, the same locator names the southern namesake
    text = "KOSAN, South Korea, May 2 (Reuters) - Cranes returned to Kosan this week."
    assert "kos" not in entries_found(MATCHER, text)
    assert entries_found(MATCHER, "KCNA reported a harvest in Kosan County.") == {"kos"}


def test_a_place_named_with_another_unit_is_another_place_all_through_the_item() -> None:
    title = "Prices rise as Tangnam demand surges"
    body = "Buyers rushed into the affluent Tangnam district of Seoul. Flats in Tangnam sold fast."
    assert "tan" not in entries_found(MATCHER, body, title)
    explained = MATCHER.explain({"title": title, "body": body})
    reasons = [r.reason for r in explained.rejected if r.entry == "tan" and r.text == "Tangnam"]
    assert len(reasons) == 2 and all("another place" in r and "Tangnam district" in r for r in reasons)
    # with its own unit in the item, the bare mentions stay the county
    found = MATCHER.match({"title": "Harvest in Tangnam", "body": "Farmers of Tangnam County met."})
    assert [(m.field, m.text) for m in found if m.entry == "tan"] == [
        ("title", "Tangnam"),
        ("body", "Tangnam County"),
    ]


SURNAMES = [
    ("given-name", "A museum of Sergey Zarevsk, the rocket designer, opened.", False),
    ("given-name-other-spelling", "The designer Pyotr Zarevsk's notebooks were shown.", False),
    ("patronymic", "Ivan Petrovich Zarevsk was born in 1907.", False),
    ("himself", "Zarevsk himself had been released from the camp in 1944.", False),
    ("the-place", "A new plant opened in Zarevsk on Monday.", True),
    ("after-an-english-word", "Visitors to Greater Zarevsk rose by a tenth.", True),
    ("all-caps", "SERGEY ZAREVSK DISTRICT CELEBRATES", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SURNAMES], ids=[c[0] for c in SURNAMES])
def test_a_place_after_a_given_name_is_a_surname(text: str, expected: bool) -> None:
    assert ("zar" in entries_found(MATCHER, text)) is expected


def test_the_person_sense_spreads_through_the_item_unless_it_also_names_the_place() -> None:
    assert "zar" not in entries_found(MATCHER, "Sergey Zarevsk built rockets. Zarevsk died in 1966.")
    text = "The town of Zarevsk is named after Sergey Zarevsk. Delegations visited Zarevsk last year."
    found = [m.text for m in MATCHER.match({"body": text}) if m.entry == "zar"]
    assert found == ["Zarevsk", "Zarevsk"]  # the town, twice; not the designer


def test_an_acronym_spelled_out_with_of_by_another_name_is_that_name() -> None:
    text = "The navy will protect the Republic of China, and the ROC Navy plans more boats."
    assert "roc" not in entries_found(MATCHER, text)
    assert "roc" in entries_found(MATCHER, "The ROC said its orchards would be replanted.")
    # the entry's own words spelled so stay the entry
    assert "roc" in entries_found(MATCHER, "The Rural Orchards Council (ROC) met on Monday.")


VENUES = [
    ("quoted", "Hotel 'Zarevsk' opens in Kaluga", False),
    ("named", "A four-star hotel named Zarevsk has opened in Kaluga.", False),
    ("article", "We dined at the restaurant Zarevsk on the embankment.", False),
    ("in-the-place", "A new hotel in Zarevsk opened on Monday.", True),
    ("place-then-noun", "Zarevsk hotel prices rose.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in VENUES], ids=[c[0] for c in VENUES])
def test_an_establishment_named_after_a_place_is_not_the_place(text: str, expected: bool) -> None:
    assert ("zar" in entries_found(MATCHER, text)) is expected


TURKIC = one_list_matcher(
    (
        Entry("ilg", "Ilgar Mammadli", kind="person"),
        Entry("kum", "Kumtor Air Base", kind="place"),
        Entry("rau", "Rauf Alizade", kind="person"),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Ilgar Rashid oglu Mammadli said", "Ilgar Rashid oglu Mammadli"),
        ("Minister Ilgar Nurlan uly Mammadli said", "Ilgar Nurlan uly Mammadli"),
    ],
)
def test_a_turkic_patronymic(text: str, expected: str) -> None:
    assert [m.text for m in TURKIC.match({"body": text}) if m.entry == "ilg"] == [expected]


def test_the_azerbaijani_schwa_is_an_a() -> None:
    found = TURKIC.match({"body": "Rauf Əlizadə met the envoy"})
    assert [(m.entry, m.text) for m in found] == [("rau", "Rauf Əlizadə")]


def test_a_turkic_particle_needs_a_fathers_name_before_it() -> None:
    # (only the bare surname is read, below the default threshold)
    assert "ilg" not in entries_found(TURKIC, "Ilgar and oglu Mammadli left.")


def test_two_title_words_run_together_as_written() -> None:
    # "base" is read as its synonym "complex", but "airbase" is still "air" and "base"
    assert "kum" in entries_found(TURKIC, "Russia's Kumtor airbase in Kyrgyzstan was expanded.")
    assert "kum" in entries_found(TURKIC, "KUMTOR AIRBASE EXPANDED")
    assert "kum" not in entries_found(TURKIC, "The Kumtor mine opened an airstrip.")


DOCUMENTS = one_list_matcher(
    (
        Entry("pow", "Strength of Taiga 2", kind="place"),
        Entry("jun", "June 9 Joint Declaration", kind="treaty"),
        Entry("pea", "Laos-Velmoria peace agreement", kind="treaty"),
        Entry("dre", "Armenian Dawn", kind="organisation"),
    )
)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        ("Gas flowed through the Strength of Taiga 2 pipeline.", "pow", True),
        ("Talks on Strength of Taiga II stalled.", "pow", True),
        ("The Strength of Taiga pipeline ran at capacity.", "pow", False),  # the first one
        ("Officials marked the June 9 Joint Declaration.", "jun", True),
        ("Officials marked the Joint Declaration of June 9.", "jun", True),
        ("Officials marked the June Joint Declaration.", "jun", True),  # 9 is a day, no edition
    ],
)
def test_a_later_edition_needs_its_number(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(DOCUMENTS, text)) is expected


def test_a_verb_short_of_a_word_is_no_agreement() -> None:
    assert "pea" in entries_found(DOCUMENTS, "The Laos-Velmoria peace agreement was signed.")
    assert "pea" in entries_found(DOCUMENTS, "Laos and Velmoria agreed on peace terms in the agreement.")
    text = "1994: a ceasefire agreed by Laos, Velmoria and the rebels."
    assert "pea" not in entries_found(DOCUMENTS, text)


def test_a_demonym_does_not_capitalise_a_name_of_common_words() -> None:
    assert "dre" not in entries_found(DOCUMENTS, "For many, an Armenian dawn is a walk by the lake.")
    assert "dre" in entries_found(DOCUMENTS, "The ruling Armenian Dawn party won the vote.")
    # written capitalised once, the lowercase mention is the party again
    text = "Armenian Dawn won. Critics say the Armenian dawn has faded since."
    assert [m.text for m in DOCUMENTS.match({"body": text}) if m.entry == "dre"] == [
        "Armenian Dawn",
        "Armenian dawn",
    ]


CHINESE = one_list_matcher((Entry("yan", "Gao Yanjun", kind="person"),))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese Ambassador Gao Yan Jun laid a wreath.", ["Gao Yan Jun"]),  # KCNA's style
        ("Chinese Ambassador Gao Yanjun laid a wreath.", ["Gao Yanjun"]),
        ("Gao Yan met Jun Li in Beijing.", []),  # not a name's syllables: other words
        ("Gao Yan Jin laid a wreath.", []),  # another given name
    ],
)
def test_a_chinese_given_name_written_syllable_by_syllable(text: str, expected: list[str]) -> None:
    assert [m.text for m in CHINESE.match({"body": text})] == expected


PARTIES = one_list_matcher(
    (
        Entry(
            "tsp",
            "Treaty between Laos and Japan on the Transfer of Sentenced Persons",
            kind="treaty",
        ),
        Entry(
            "sec",
            "Treaty of Security and Defence between Japan and the United States of America",
            aliases=("US-Japan Defence Treaty",),
            kind="treaty",
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        ("Japan ratified a treaty on the transfer of sentenced persons with Laos.", "tsp", True),
        # another country in the sentence, the entry's other party nowhere: that country's treaty
        ("Vietnam ratified a treaty on the transfer of sentenced persons with Japan.", "tsp", False),
        # (the sentence names the party too: the entry's)
        ("Vietnam said Laos ratified a treaty on transfer of sentenced persons with Japan.", "tsp", True),
        ("The U.S.-Japan defence treaty was extended.", "sec", True),
        ("Vietnam hailed the Japan-U.S. Defence Treaty.", "sec", True),  # both parties named
        # a party and the head noun, no word of the subject: any treaty with Japan
        ("Moscow suspended talks on a treaty with Japan.", "sec", False),
    ],
)
def test_a_document_of_other_parties_is_theirs(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(PARTIES, text)) is expected


BRANDS = one_list_matcher(
    (
        Entry("anj", "Tanju", kind="place"),
        Entry("jej", "Norim Island", aliases=("Norim",), kind="place"),
        Entry("dok", "Sokdo", kind="place"),
    )
)


def test_a_one_word_place_the_item_writes_in_lowercase_is_a_common_noun() -> None:
    text = (
        "At a bar in Seoul, the price of a plate of tanju has doubled, owner Park Mi-young says.\n\n"
        "Tanju, which can be anything from dried squid to fried chicken, is cheap no more."
    )
    assert "anj" not in entries_found(BRANDS, text)
    # capitalised amid a sentence once, it is the place throughout
    assert "anj" in entries_found(BRANDS, text + " Prices in Tanju city rose too.")
    # a post in lowercase quoted in an item says nothing by its case
    assert "anj" in entries_found(BRANDS, "Posts, as written:\n\n@user: tanju port is closed again")
    # capitalised only where sentences open, but never in lowercase: the place
    assert "anj" in entries_found(BRANDS, "Tanju reported a good harvest. Tanju officials said so.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norim United beat Seoul 2-1 on Sunday.", False),
        ("Flights on Norim Air were delayed.", False),
        ("Norim air quality improved this spring.", True),
        ("The amphibious ship ROKS Sokdo sailed from Busan.", False),
        ("The dispute over Sokdo flared again.", True),
    ],
)
def test_a_club_an_airline_or_a_navys_ship_named_after_a_place(text: str, expected: bool) -> None:
    assert bool(entries_found(BRANDS, text) & {"jej", "dok"}) is expected


def test_what_is_named_after_a_place_is_so_through_the_item() -> None:
    text = "The island's Norim soju sells well. Tourists want to drink Norim on holiday."
    assert "jej" not in entries_found(BRANDS, text)
    assert "jej" in entries_found(BRANDS, text + " Hotels on Norim Island are full.")


def test_a_company_named_after_a_place_is_not_the_place() -> None:
    text = "Shares of Sokdo Dairy Products fell. Sokdo said milk prices would rise."
    assert "dok" not in entries_found(BRANDS, text)
    assert "dok" in entries_found(BRANDS, "A dairy plant opened in Sokdo on Monday.")
    # a body's own name may close so: only a place's is another company's
    body = one_list_matcher((Entry("ros", "Tarvatom", kind="organisation"),))
    assert "ros" in entries_found(body, "Tarvatom State Corporation said the reactor was ready.")


def test_an_air_base_is_at_the_place() -> None:
    assert "dok" in entries_found(BRANDS, "Jets flew from Sokdo Air Base on Monday.")
    assert "dok" not in entries_found(BRANDS, "Sokdo Air cancelled two flights.")


TITLES = one_list_matcher(
    (
        Entry("mar", "Ministry of Land and Marine Fisheries of Velmoria", kind="organisation"),
        Entry(
            "sum",
            "Joint Declaration of the Seventh Quadrilateral Summit among the Republic of Korea, Japan and"
            " the People's Republic of China",
            kind="treaty",
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        ("The Ministry of Land and Maritime Fisheries of Velmoria said so.", "mar", True),
        ("The Joint Declaration of the Seventh Quadrilateral Summit was adopted.", "sum", True),
        ("The Joint Declaration of the 7th Quadrilateral Summit was adopted.", "sum", True),
        ("The Joint Declaration of the 8th Quadrilateral Summit was adopted.", "sum", False),
    ],
)
def test_marine_is_maritime_ordinals_in_figures_and_parties_after_among(
    text: str, entry: str, expected: bool
) -> None:
    assert (entry in entries_found(TITLES, text)) is expected


def test_a_document_of_a_place_is_also_named_with_the_place_first() -> None:
    matcher = one_list_matcher(
        (Entry("vel", "Treaty of Velmor", kind="treaty"), Entry("tar", "Tarvik Convention", kind="treaty"))
    )
    assert entries_found(matcher, "The Velmor Treaty ended the war.") == {"vel"}
    assert entries_found(matcher, "The Convention of Tarvik was signed.") == {"tar"}
    assert entries_found(matcher, "The Velmor Treaty Organization met.") == set()  # a body named after it


def test_a_numbered_committee_in_either_order() -> None:
    matcher = one_list_matcher((Entry("c", "Sanctions Committee 9901", aliases=("9901 Committee",)),))
    assert entries_found(matcher, "Committee 9901 met on Monday.") == {"c"}
    assert entries_found(matcher, "Committee 9902 met on Monday.") == set()


def test_a_name_typed_in_lowercase_is_meant_as_the_common_word() -> None:
    matcher = one_list_matcher((Entry("f", "football"),))
    assert entries_found(matcher, "Kim Jong Un watched football in Pyongyang.") == {"f"}
