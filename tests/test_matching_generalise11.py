"""Generalisation, eleventh round: bodies and documents that are another's, on invented ones.

A body is named by its head noun and what it deals with. The Ministry of Foreign Trade, the
Foreign Trade Ministry and the Ministry of Foreign Economic Relations are other ministries than
the Foreign Ministry, though each holds all of its words; words of rank or reach (National,
State) and those that round off a name (Affairs, Relations) name no other body. A body
that "its" gives to the country the sentence named is that country's; a document after
another body's acronym (PACE Resolution 2356) is that body's; and a document's name before a
noun for a venue or a body (a Chicago convention centre) names that.
"""

from __future__ import annotations

import pytest

from monitor.matching.names import NameSpec, compile_names
from monitor.matching.normalize import Text
from monitor.matching.ruleset import Entry
from monitor.matching.verify import other_country_before, other_parties_after
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("kem", "Kazakh Energy Ministry", kind="organisation"),
    Entry("ams", "Academy of Marine Science", kind="organisation"),
    Entry("ara", "Aerospace Research Agency", kind="organisation"),
    Entry("mfm", "Mongolian Foreign Ministry", aliases=("Ministry of Foreign Affairs of Mongolia",)),
)
MATCHER = one_list_matcher(ENTRIES)

FOUND = [
    ("entry-as-typed", "the Kazakh Energy Ministry said", "kem", "Kazakh Energy Ministry"),
    ("lowercase", "the Kazakh energy ministry said", "kem", "Kazakh energy ministry"),
    ("a-sub-body-after-it", "the Kazakh Energy Ministry Department of Oil", "kem", "Kazakh Energy Ministry"),
    (
        "demonym-as-country",
        "The Ministry of Energy of Kazakhstan said",
        "kem",
        "Ministry of Energy of Kazakhstan",
    ),
    (
        "a-word-of-reach",
        "the Academy of National Marine Science",
        "ams",
        "Academy of National Marine Science",
    ),
    ("a-word-in-two", "the Aero-Space Research Agency said", "ara", "Aero-Space Research Agency"),
    # reported as written, every word of it, though the words come in another order
    ("whole-mention", "Kazakhstan's Ministry of Energy said", "kem", "Kazakhstan's Ministry of Energy"),
    (
        "rounded-off-by-affairs",
        "the Mongolian Ministry of Foreign Affairs",
        "mfm",
        "Mongolian Ministry of Foreign Affairs",
    ),
]


@pytest.mark.parametrize(("text", "entry", "slice_"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_the_body_itself_is_found(text: str, entry: str, slice_: str) -> None:
    got = [m for m in MATCHER.match({"body": text}) if m.entry == entry]
    assert [m.text for m in got] == [slice_]


NOT_FOUND = [
    ("subject-before-head", "the Kazakh Atomic Energy Ministry said", "kem", "Atomic Energy Ministry"),
    ("subject-in-lowercase", "the Kazakh nuclear energy ministry said", "kem", "nuclear energy ministry"),
    ("subject-after-of", "Kazakhstan's Ministry of Energy Construction", "kem", "Energy Construction"),
    ("subject-inside-complement", "the Academy of Marine Fisheries Science", "ams", "Marine Fisheries"),
    ("subject-before-entry-words", "the Aerospace Military Research Agency", "ara", "Military Research"),
    ("foreign-trade-after-of", "the Mongolian Ministry of Foreign Trade said", "mfm", "Foreign Trade"),
    (
        "foreign-trade-before-head",
        "the Mongolian Foreign Trade Ministry said",
        "mfm",
        "Foreign Trade Ministry",
    ),
    (
        "foreign-economic-relations",
        "Mongolia's Ministry of Foreign Economic Relations",
        "mfm",
        "Foreign Economic",
    ),
]


@pytest.mark.parametrize(
    ("text", "entry", "named"), [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND]
)
def test_a_body_with_another_subject_is_another_body(text: str, entry: str, named: str) -> None:
    assert entry not in entries_found(MATCHER, text)
    reasons = [r.reason for r in MATCHER.explain({"body": text}).rejected if r.entry == entry]
    assert any(r.startswith("qualified as another body") and named in r for r in reasons), reasons


def test_other_demonyms_are_their_countries() -> None:
    matcher = one_list_matcher(
        (Entry("kfm", "Kyrgyz Foreign Ministry"), Entry("ufm", "Uzbek Foreign Ministry"))
    )
    assert entries_found(matcher, "The Ministry of Foreign Affairs of Kyrgyzstan said") == {"kfm"}
    assert entries_found(matcher, "The Foreign Ministry of Uzbekistan said") == {"ufm"}
    # and another country's ministry is not theirs
    assert entries_found(matcher, "The Foreign Ministry of Tajikistan said") == set()


DOCUMENTS = one_list_matcher(
    (
        Entry("mwr", "Ministry of Water Resources of the Russian Federation", kind="organisation"),
        Entry("r77", "United Nations Security Council Resolution 2777", aliases=("Resolution 2777",)),
        Entry("lsc", "Convention on Maritime Salvage", aliases=("Lisbon Convention",)),
        Entry("cdt", "Collective Defence Treaty"),
    )
)


def test_its_body_is_the_country_the_sentence_named_before() -> None:
    text = "Laos on Monday merged its Ministry of Water Resources with the farm ministry."
    assert "mwr" not in entries_found(DOCUMENTS, text)
    reasons = [r.reason for r in DOCUMENTS.explain({"body": text}).rejected if r.entry == "mwr"]
    assert any("another country 'Laos … its'" in r for r in reasons), reasons
    assert entries_found(DOCUMENTS, "Russia on Monday merged its Ministry of Water Resources.") == {"mwr"}
    assert entries_found(DOCUMENTS, "The Kremlin said its Ministry of Water Resources would help.") == {"mwr"}


def test_another_bodys_acronym_before_a_document_makes_it_that_bodys() -> None:
    text = "PACE Resolution 2777 is not binding."
    assert "r77" not in entries_found(DOCUMENTS, text)
    reasons = [r.reason for r in DOCUMENTS.explain({"body": text}).rejected if r.entry == "r77"]
    assert any(r.startswith("preceded by another body 'PACE'") for r in reasons), reasons
    # and so it is all through the item, in the same words
    later = "The assembly adopted Resolution 2777 on migrants. PACE Resolution 2777 is not binding."
    assert "r77" not in entries_found(DOCUMENTS, later)
    # the entry's own initials, and a union of countries, are no other body
    assert entries_found(DOCUMENTS, "The UNSC Resolution 2777 was adopted.") == {"r77"}
    assert entries_found(DOCUMENTS, "UN Resolution 2777 targets exports.") == {"r77"}
    # the item naming the entry's own in other words keeps the bare mentions its
    both = "The UN Security Council Resolution 2777 and PACE Resolution 2777 differ. Resolution 2777 binds."
    assert entries_found(DOCUMENTS, both) == {"r77"}


def test_a_document_before_a_noun_for_a_venue_or_body_names_that() -> None:
    assert "lsc" not in entries_found(DOCUMENTS, "The expo opens at a Lisbon convention centre in May.")
    assert entries_found(DOCUMENTS, "Under the Lisbon Convention, salvors are paid.") == {"lsc"}
    assert "cdt" not in entries_found(DOCUMENTS, "The Collective Defence Treaty Organization met.")
    assert entries_found(DOCUMENTS, "The Collective Defence Treaty obligations stand.") == {"cdt"}


def test_a_title_mention_is_reported_whole_but_not_across_a_comma_or_a_verb() -> None:
    matcher = one_list_matcher((Entry("tfc", "Treaty on Fisheries Cooperation between Laos and Nepal"),))
    text = "They recalled the Treaty on Fisheries Cooperation between Nepal and Laos, signed in 1999."
    got = [m.text for m in matcher.match({"body": text})]
    assert got == ["Treaty on Fisheries Cooperation between Nepal and Laos"]


def test_a_security_council_resolution_by_its_document_symbol() -> None:
    assert entries_found(DOCUMENTS, "The council recalled S/RES/2777 (2025) on sanctions.") == {"r77"}
    assert "r77" not in entries_found(DOCUMENTS, "The assembly recalled A/RES/2777 on migration.")


def test_a_plural_title_word_is_its_singular_however_either_is_spelt() -> None:
    matcher = one_list_matcher((Entry("pas", "Pacific Academy of Defence Sciences", kind="organisation"),))
    assert entries_found(matcher, "the Pacific Academy of Defense Science said") == {"pas"}


def test_a_document_in_lowercase_after_an_article_is_a_kind_of_document() -> None:
    matcher = one_list_matcher(
        (
            Entry("orp", "Open Rivers Pact"),
            Entry("lnt", "Laos-Nepal Friendship Treaty"),
        )
    )
    text = "Vietnam is negotiating an open rivers pact with Cambodia."
    assert "orp" not in entries_found(matcher, text, title="Vietnam seeks open rivers pact")
    reasons = [r.reason for r in matcher.explain({"body": text}).rejected if r.entry == "orp"]
    assert any(r.startswith("names a kind of document ('an open rivers pact')") for r in reasons), reasons
    assert entries_found(matcher, "Parties to the Open Rivers Pact met.") == {"orp"}
    # the sentence naming every party of the entry makes it that one
    assert entries_found(matcher, "Laos and Nepal signed a friendship treaty in May.") == {"lnt"}
    assert "lnt" not in entries_found(matcher, "Laos and Peru signed a friendship treaty in May.")


PARTIES = one_list_matcher(
    (
        Entry(
            "npt2",
            "Nepal-DPRK Comprehensive Mountain Partnership Treaty",
            aliases=("Comprehensive Mountain Partnership Treaty",),
        ),
        Entry("jpd", "Japan-DPRK Kathmandu Declaration"),
        Entry("nwm", "Ministry of Water Resources of Nepal", kind="organisation"),
    )
)


def test_a_document_the_item_gives_to_others_is_theirs_where_named_bare() -> None:
    text = (
        "The Treaty on Comprehensive Mountain Partnership between Nepal and Iran was signed in May. "
        "Iranian officials hoped the comprehensive mountain partnership treaty would bring trade."
    )
    assert "npt2" not in entries_found(PARTIES, text)
    reasons = [r.reason for r in PARTIES.explain({"body": text}).rejected if r.entry == "npt2"]
    # (by the item's other mention, or by the sentence's other country: bodies.party_replaced)
    assert any(r.startswith(("the item gives it to others", "another country's")) for r in reasons), reasons
    # a bare mention whose sentence names the entry's own other party is the entry's
    own = text + " North Korea says the comprehensive mountain partnership treaty it signed differs."
    assert entries_found(PARTIES, own) == {"npt2"}


def _spec(entry: Entry) -> NameSpec:
    return compile_names("w", (entry,), 0)[0]


def test_a_country_phrase_before_a_mention_is_read_whole() -> None:
    # North Korea is the DPRK: no other country stands before the declaration
    name = _spec(Entry("jpd", "Japan-DPRK Kathmandu Declaration"))
    text = Text.of("Japan and North Korea signed the Japan-North Korea Kathmandu Declaration.")
    first = text.words.index("kathmandu")
    assert other_country_before(text, name, first) == ""
    text = Text.of("They recalled the South Korea Kathmandu Declaration.")
    assert other_country_before(text, name, text.words.index("kathmandu")) == "Korea"


def test_a_bodys_mention_ending_in_its_country_takes_no_party_after_and() -> None:
    name = _spec(Entry("nwm", "Ministry of Water Resources of Nepal", kind="organisation"))
    text = Text.of("The Ministry of Water Resources of Nepal and the Russian side agreed on three dams.")
    last = text.words.index("nepal")
    assert other_parties_after(text, name, 1, last) == ""
    # a document's may go on with another party (the same kind of treaty with India)
    treaty = _spec(Entry("nwt", "Treaty on Water Resources of Nepal"))
    text = Text.of("The Treaty on Water Resources of Nepal and India was signed.")
    assert other_parties_after(text, treaty, 1, text.words.index("nepal")) == "and India"


def test_a_reading_inside_another_entrys_longer_mention_is_part_of_that_name() -> None:
    matcher = one_list_matcher(
        (
            Entry("nkd", "Nepal-DPRK Kathmandu Declaration", aliases=("Kathmandu Declaration",)),
            Entry("kjd", "Kathmandu Joint Declaration of May 2019", aliases=("Kathmandu Joint Declaration",)),
            Entry("kpx", "Korean People's Army"),
            Entry("kgs", "General Staff of the Korean People's Army"),
        )
    )
    text = "Families said the Nepal-North Korea Kathmandu Declaration must not be an excuse."
    assert entries_found(matcher, text) == {"nkd"}
    reasons = [r.reason for r in matcher.explain({"body": text}).rejected if r.entry == "kjd"]
    assert any(r.startswith("inside 'Nepal-North Korea Kathmandu Declaration'") for r in reasons), reasons
    # a name as typed inside another is named all the same
    assert entries_found(matcher, "the General Staff of the Korean People's Army said") == {"kpx", "kgs"}


def test_a_documents_official_title_reworded_after_its_short_name_is_its_own() -> None:
    name = "Tashkent Convention on Combating Piracy, Smuggling and Poaching"
    matcher = one_list_matcher((Entry("tcv", name, aliases=("Tashkent Convention",)),))
    text = "They ratified the Tashkent Convention on the Fight against Piracy, Smuggling and Poaching."
    assert entries_found(matcher, text) == {"tcv"}
    # another title after it is another document
    assert "tcv" not in entries_found(matcher, "They ratified the Tashkent Convention on Cotton Quotas.")


def test_an_ordinal_in_words_is_the_ordinal_in_figures() -> None:
    matcher = one_list_matcher((Entry("a7", "7th Coastal Defence Army", kind="organisation"),))
    assert entries_found(matcher, "the Seventh Coastal Defence Army held drills") == {"a7"}
    assert "a7" not in entries_found(matcher, "the Eighth Coastal Defence Army held drills")


def test_a_party_after_a_comma_closing_a_reading_is_the_sentences() -> None:
    matcher = one_list_matcher(
        (Entry("nrt", "Agreement between Russia and the DPRK on International Road Haulage"),)
    )
    text = (
        "Russia and Mongolia signed a protocol amending the agreement on international road "
        "haulage, the Russian Transport Ministry said."
    )
    assert "nrt" not in entries_found(matcher, text)
