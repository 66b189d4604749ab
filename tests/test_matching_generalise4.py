"""Generalisation, fourth round: what a corpus written without seeing the matcher
(benchmarks/redteam6) showed it missing or over-matching, as rules on invented names.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("ptk", "Pavel Tarakanov", aliases=("Tarakanov",), kind="person"),
    Entry("nsl", "New SALT", kind="treaty"),
    Entry("trs", "Tarsk region", kind="place"),
    Entry("vbl", "Viktor Belousenko", kind="person"),
    Entry("mbr", "Maritime Board of the Russian Federation", kind="body"),
    Entry("kdz", "Konstantin Dorozhkin", kind="person"),
    Entry("rsh", "Ri Song Hyok", kind="person"),
    Entry("cnf", "CNF Treaty", kind="treaty"),
    Entry("ksc", "Kim Seok Chol", kind="person"),
    Entry("vcd", "Svobodny Cosmodrome", kind="place"),
    Entry("zsk", "Zabaysky Krai", kind="place"),
    Entry("cfe", "CNF Convention", kind="treaty"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


def _explained(text: str) -> set[str]:
    return {m.entry for m in MATCHER.explain({"title": "", "body": text}).matches}


CASES = [
    # a word broken at the end of a line, as printed (OCR, PDF)
    ("line-break-hyphen", "The replacement of Viktor Belou-\nsenko was announced.", "vbl", True),
    ("line-break-hyphen-crlf", "Viktor Belousen-\r\nko spoke.", "vbl", True),
    ("line-break-hyphen-other", "Viktor Belou-\nsov spoke.", "vbl", False),
    # a word that opens a question is no first name before a surname
    ("opener-question", "Q: Will Tarakanov meet the delegation?", "ptk", True),
    ("opener-sentence", "May Tarakanov attend? Nobody knows.", "ptk", True),
    ("opener-first-name", "The actor Will Tarakanov starred.", "ptk", False),  # mid-sentence: a name
    ("first-name", "Oleg Tarakanov, his brother, spoke.", "ptk", False),
    # name words run together keep an acronym's capitals
    ("acronym-glued-lower", "Australia's Newsalt allowance rose.", "nsl", False),
    ("acronym-glued-caps", "The NewSALT talks resumed.", "nsl", True),
    ("acronym-apart", "The New SALT talks resumed.", "nsl", True),
    # a Russian place adjective before the term, also in Latin letters
    ("place-adjective-latin", "Shelling hit Tarskaya oblast overnight.", "trs", True),
    ("place-adjective-latin-caps", "Shelling hit Tarskaya Oblast overnight.", "trs", True),
    ("place-adjective-alone", "Tarskaya said nothing.", "trs", False),
    # RF in capitals is the Russian Federation in a title
    ("rf", "The Maritime Board of the RF met in Murmansk.", "mbr", True),
    ("rf-lowercase", "The maritime board of the rf noise study met.", "mbr", False),
    # the surname first, by the conventions of officialese and registers
    ("surname-initials", "Chaired by co-chairman Dorozhkin K.A., the minister.", "kdz", True),
    ("surname-initial", "Signed: Dorozhkin K.", "kdz", True),
    ("surname-other-initials", "Signed: Dorozhkin P.A.", "kdz", False),
    ("register", "DOROZHKIN, Konstantin Andreevich. DOB: 1961.", "kdz", True),
    ("register-korean", "RI, Song Hyok. Position: director.", "rsh", True),
    ("register-lowercase", "Ri, Song Hyok and others", "rsh", False),  # a list, not a register
    ("register-other", "RI, Song Chol. Position: director.", "rsh", False),
    # a CamelCase hashtag is its words run together
    ("hashtag", "Trending now: #RiSongHyok and #Pyongyang", "rsh", True),
    ("hashtag-other", "Trending now: #RiSongChol", "rsh", False),
    ("hashtag-person", "Posts tagged #PavelTarakanov spread.", "ptk", True),
    ("camel-case-without-hash", "The RiSongHyok account", "rsh", False),  # not a hashtag: one word
    # an acronym in a name, spelled out by the first letters of capitalised words
    ("acronym-expanded", "The New Strategic Arms Limitation Talks resumed.", "nsl", True),
    ("acronym-expanded-first", "The Coastal Naval Forces Treaty lapsed.", "cnf", True),
    ("acronym-expanded-hyphen", "The Coastal-Range Naval Forces Treaty lapsed.", "cnf", True),
    ("acronym-expanded-lowercase", "new strategic arms limitation talks resumed", "nsl", False),
    ("acronym-expanded-short", "The Coastal Forces Treaty lapsed.", "cnf", False),
    ("acronym-expanded-rest-missing", "The Strategic Arms Limitation Talks resumed.", "nsl", False),
    # two neighbouring letters swapped in a four-letter name word, not the first
    ("swap-4", "Ri Snog Hyok arrived.", "rsh", True),
    ("swap-4-end", "Ri Sogn Hyok arrived.", "rsh", True),
    ("swap-4-last-word", "Ri Song Hoyk arrived.", "rsh", True),
    ("swap-4-another-syllable", "Kim Soek Chol arrived.", "ksc", False),  # soek reads as a syllable
    ("swap-4-first-letter", "Ri Osng Hyok arrived.", "rsh", False),
    # four letters: no substitution into another syllable (one into none: generalise8)
    ("substitution-4", "Ri Sang Hyok arrived.", "rsh", False),
    # a place named after its kind of facility: another word for that kind
    ("facility-synonym", "A launch from the Svobodny spaceport failed.", "vcd", True),
    ("facility-synonym-base", "The Svobodny base was closed.", "vcd", True),
    ("facility-other-word", "Svobodny said the launch failed.", "vcd", False),
    ("facility-other-kind", "The Svobodny district voted.", "vcd", False),
    # a krai is also called a region in English copy
    ("krai-region", "The governor of the Zabaysky region resigned.", "zsk", True),
    ("krai-district", "The Zabaysky district voted.", "zsk", False),
    # a short name's document word: another word for the same kind of document
    ("document-synonym", "The CNF pact lapsed in 2019.", "cfe", True),
    ("document-other", "The CNF base was closed.", "cfe", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_generalises(text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected
    assert (entry in _explained(text)) is expected  # the fast path and explain agree
