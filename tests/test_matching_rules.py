"""Rule semantics: any / all / none / near / fields / min_score / exclude / exact / case."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Near, Rule, RuleSet, Watchlist

LISTS = {
    "people": Watchlist("people", (Entry("lav", "Sergei Lavrov", ("Lavrov",), kind="person"),)),
    "places": Watchlist(
        "places",
        (
            Entry("kur", "Kursk region", kind="place", exclude=("Kursk region submarine",)),
            Entry("ras", "Rason", kind="place"),
        ),
    ),
    "sports": Watchlist("sports", (Entry("fifa", "World Cup"),)),
    "exact": Watchlist("exact", (Entry("ex", "Matsegora", exact=True),)),
    "acr": Watchlist(
        "acr",
        (
            Entry("npt", "NPT"),
            Entry("wpk", "WPK", case_sensitive=False),
            Entry("cs", "Rodong", case_sensitive=True),
        ),
    ),
    "kozlov": Watchlist("kozlov", (Entry("koz", "Alexander Kozlov", kind="person"),)),
}
RULES = (
    Rule("any", any=("people", "places")),
    Rule("any-k", any=("kozlov",)),
    Rule("all", all=("people", "places")),
    Rule("none", any=("people",), none=("sports",)),
    Rule("near", near=Near(("people", "places"), 3)),
    Rule("title-only", any=("people",), fields=("title",)),
    Rule("strict", any=("people",), min_score=99),
    Rule("exact", any=("exact",)),
    Rule("acr", any=("acr",)),
    Rule("lenient", any=("kozlov",), min_score=80),
)
MATCHER = Matcher.build(RuleSet(watchlists=LISTS, rules=RULES))

CASES = [
    ("any-one-list", "Lavrov spoke.", "", {"any", "none", "title-only", "strict"}),
    ("all-needs-both", "Lavrov visited Rason.", "", {"any", "all", "none", "near", "title-only", "strict"}),
    ("none-vetoes", "Lavrov watched the World Cup.", "", {"any", "title-only", "strict"}),
    (
        "near-too-far",
        "Lavrov said many more things about Rason.",
        "",
        {"any", "all", "none", "title-only", "strict"},
    ),
    ("fields", "", "Lavrov spoke.", {"any", "none", "strict"}),
    ("min-score", "Sergey Lavrov spoke.", "", {"any", "none", "title-only"}),
    ("exclude", "The Kursk region submarine memorial.", "", set()),
    ("exclude-other-mention", "The Kursk region.", "", {"any"}),
    ("exact-case-noise", "MATSEGORA said", "", {"exact"}),
    ("exact-plain", "matsegora said", "", {"exact"}),
    ("exact-no-typo", "Matsegra said", "", set()),
    ("acronym-case", "the npt and wpk", "", {"acr"}),
    ("acronym-upper", "the NPT", "", {"acr"}),
    ("case-sensitive-word", "the rodong daily", "", set()),
    ("case-sensitive-word-ok", "the Rodong daily", "", {"acr"}),
    ("surname-only-low-score", "Kozlov said", "", {"lenient"}),
]


@pytest.mark.parametrize(("title", "body", "fired"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules_fire(title: str, body: str, fired: set[str]) -> None:
    got = MATCHER.match({"title": title, "body": body})
    assert {m.rule for m in got} == fired
    for m in got:
        assert {"title": title, "body": body}[m.field][m.start : m.end] == m.text


def test_rules_filter() -> None:
    got = MATCHER.match({"title": "Lavrov visited Rason."}, rules=["all"])
    assert {m.rule for m in got} == {"all"}
    assert [m.entry for m in got] == ["lav", "ras"]


def test_every_mention_reported_in_order() -> None:
    fields = {"title": "Lavrov; LAVROV", "body": "Sergei Lavrov and Lavrov's aide."}
    got = MATCHER.match(fields, rules=["any"])
    assert [(m.field, m.text) for m in got] == [
        ("title", "Lavrov"),
        ("title", "LAVROV"),
        ("body", "Sergei Lavrov"),
        ("body", "Lavrov"),
    ]


@pytest.mark.parametrize(
    ("title", "rule", "reason"),
    [
        ("Lavrov watched the World Cup.", "none", "rule excludes list 'sports' (none)"),
        ("Lavrov spoke.", "all", "rule needs all of ['people', 'places']; missing 'places'"),
        ("Lavrov said many more things about Rason.", "near", "not within 3 words of list"),
        ("Sergey Lavrov spoke.", "strict", "score 96 below min_score 99"),
        ("The Kursk region submarine.", "any", "inside exclusion 'Kursk region submarine'"),
        ("Kozlov said", "any-k", "score 85 below min_score 90"),
    ],
    ids=["none", "all", "near", "min-score", "exclude", "surname-only"],
)
def test_explain_reasons(title: str, rule: str, reason: str) -> None:
    got = MATCHER.explain({"title": title}, rule=rule)
    assert got.matches == []
    assert any(reason in r.reason for r in got.rejected), got.rejected
