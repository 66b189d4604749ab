"""Reworded titles (treaties, statements, bodies, facilities) and the context vetoes, on names
and sentences of our own (none from the evaluation corpora)."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.names import derived_forms, spelling, stem, title_word
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("cmt", "Treaty on the Prohibition of Cluster Munitions", kind="treaty"),
    Entry("dsw", "Treaty on the Demilitarisation of Space Weapons", kind="treaty"),
    Entry("asat", "Anti-Satellite Weapons Treaty", kind="treaty"),
    Entry("mjd", "Manila Joint Declaration", kind="treaty"),
    Entry("msd", "Musudan Rocket Launching Station", kind="place"),
    Entry("nif", "Agreed Framework between Norway and Iceland", kind="treaty"),
    Entry("ndr", "Northern Defence Research Centre", kind="organisation"),
    Entry("tcp", "Tallinn Cooperation Pact", kind="treaty"),
    Entry("ivn", "Pyotr Ivanov", ("Ivanov",), kind="person"),
    Entry("cat", "Committee Against Torture", ("CAT",), kind="organisation"),
    Entry("sun", "Sunshine Policy", kind="policy"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _entries(text: str, title: str = "") -> set[str]:
    found = {m.entry for m in MATCHER.match({"title": title, "body": text})}
    explained = {m.entry for m in MATCHER.explain({"title": title, "body": text}).matches}
    assert found == explained  # the anchor index finds what the verifier accepts
    return found


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # synonyms beyond the head noun, derived words
        ("Campaigners praised the EU treaty banning cluster munitions.", "cmt"),
        ("Ten states ratified the cluster munitions ban treaty this year.", "cmt"),
        ("The Manila joint statement was read out.", "mjd"),
        ("Officials cited the Manila common declaration.", "mjd"),
        ("The Norway-Iceland framework agreement was renewed.", "nif"),
        ("Talks on the Tallinn co-operation pact resumed.", "tcp"),
        # British and American spellings
        ("Analysts at the Northern Defense Research Center said so.", "ndr"),
        # a title cut to its distinctive words and head noun
        ("Supporters call the Demilitarization Treaty a milestone.", "dsw"),
        ("Imagery shows work at the Musudan launch site.", "msd"),
        ("The Musudan complex was expanded.", "msd"),
        ("The Manila declaration was signed in 2019.", "mjd"),
        # a long official title: function words do not count toward the span
        ("Week 2: the Treaty on the Limitation of Anti-Satellite Weapons, full text.", "asat"),
        # word order
        ("the treaty on anti-satellite weapons", "asat"),
        # context: a government is the man's, not a thing named after him
        ("Critics of the Ivanov government protested.", "ivn"),
        ("Nobody doubted Ivanov on that day.", "ivn"),
        # acronyms in capitals
        ("The CAT reviewed the report.", "cat"),
        # a lowercase name the item also writes capitalised
        ("Seoul revived the Sunshine Policy. Critics said the sunshine policy failed.", "sun"),
    ],
)
def test_reworded_title_matches(text: str, entry: str) -> None:
    assert entry in _entries(text)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # a distinctive word left out, or present only as a synonym
        ("Activists want a ban treaty on landmines.", "cmt"),
        ("Supporters call the Prohibition Treaty a milestone.", "cmt"),  # Cluster Munitions left out
        # the distinctive word not capitalised: a description
        ("the prohibition treaty debate went on", "cmt"),
        # another place's launch site
        ("Imagery shows work at the Tonghae launch site.", "msd"),
        # a short title whose distinctive word moved into a by/with complement: another text
        ("A joint declaration by Manila and Hanoi was issued.", "mjd"),
        ("The joint declaration with Manila covered fishing.", "mjd"),
        # no head noun
        ("Musudan rockets were paraded.", "msd"),
        # generic words only
        ("They agreed a framework for talks with Norway.", "nif"),
        # something named after a person or family
        ("The Ivanov Prize went to a poet.", "ivn"),
        ("The Ivanov family estates were sold.", "ivn"),
        # an acronym that the item also writes as a word: the word in capitals
        ("The cat slept. A CAT sign hung on the door.", "cat"),
        # common words in lowercase, never capitalised in the item
        ("Officials said a sunshine policy would help tourism.", "sun"),
    ],
)
def test_reworded_title_near_miss(text: str, entry: str) -> None:
    assert entry not in _entries(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("launching", "launch"),
        ("launched", "launches"),
        ("limitation", "limited"),
        ("agreed", "agreement"),
        ("prohibition", "prohibiting"),
        ("strategic", "strategy"),
        ("cooperation", "cooperative"),
    ],
)
def test_derived_words_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)
    assert b in derived_forms(a)


@pytest.mark.parametrize(("a", "b"), [("station", "state"), ("united", "unit"), ("statement", "station")])
def test_short_stems_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("defence", "defense"),
        ("centre", "center"),
        ("organisation", "organization"),
        ("neighbourliness", "neighborliness"),
        ("programme", "program"),
    ],
)
def test_british_and_american_spellings(a: str, b: str) -> None:
    assert spelling(a) == spelling(b)
    assert title_word(a) == title_word(b)


def test_synonym_groups() -> None:
    assert title_word("communique") == title_word("declaration") == title_word("statement")
    assert title_word("banning") == title_word("prohibition")
    assert title_word("site") == title_word("station") == title_word("complex")
    assert title_word("four") == "four" and title_word("tour") == "tour"
