"""Properties: matching never raises, offsets always slice the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.matching.engine import Matcher
from monitor.matching.normalize import Text
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

MATCHER = Matcher.build(
    RuleSet(
        watchlists={
            "w": Watchlist(
                "w",
                (
                    Entry("kju", "Kim Jong Un", kind="person"),
                    Entry("lav", "Sergei Lavrov", ("Lavrov",), kind="person"),
                    Entry("npt", "Treaty on the Non-Proliferation of Nuclear Weapons", ("NPT",)),
                ),
            )
        },
        rules=(Rule("r", any=("w",)),),
    )
)
# Arbitrary unicode, salted with pieces of names so that matches do happen.
PIECES = st.sampled_from(
    [
        "Kim",
        "Jong",
        "Un",
        "-un",
        "Лавров",
        "Lavrov's",
        "김정은",
        "NPT",
        "\u00ad",
        "\u200b",
        "Ｋｉｍ",
        "ŏ",
        "\n",
        " ",
        "Treaty on the Non-Proliferation of Nuclear Weapons",
        "’s",
    ]
)
TEXTS = st.lists(st.one_of(st.text(max_size=8), PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_offsets_always_slice_the_original(title: str, body: str) -> None:
    fields = {"title": title, "body": body}
    for m in MATCHER.match(fields):
        assert fields[m.field][m.start : m.end] == m.text
        assert 0 <= m.start < m.end <= len(fields[m.field])
        assert 0 <= m.score <= 100
    explanation = MATCHER.explain(fields)
    for r in explanation.rejected:
        assert fields[r.field][r.start : r.end] == r.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_spans_map_back(text: str) -> None:
    folded = Text.of(text)
    for i in range(len(folded.words)):
        start, end = folded.orig(i, i)
        assert 0 <= start < end <= len(text)


@given(TEXTS)
def test_deterministic(text: str) -> None:
    assert MATCHER.match({"body": text}) == MATCHER.match({"body": text})
