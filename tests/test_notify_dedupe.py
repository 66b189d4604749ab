"""The same story from several outlets is shown once; different stories are not merged."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from monitor.notify.dedupe import group_duplicates
from monitor.notify.sample import REPORTS, sample_view

NOW = datetime(2024, 11, 10, 7, tzinfo=UTC)
ENTRIES = {e.item.item.title: e for e in sample_view(NOW).entries}
T = {i + 1: r[2] for i, r in enumerate(REPORTS)}  # report number -> title


def groups(titles: list[str]) -> set[frozenset[str]]:
    merged = group_duplicates([ENTRIES[t] for t in titles])
    return {frozenset([e.item.item.title, *(s.item.title for s in e.also_in)]) for e in merged}


SAME = [
    ("kcna-yonhap-nknews-munitions-factory", [1, 2, 3]),
    ("tass-kcna-yonhap-shoigu-arrival-two-spellings", [7, 8, 9]),
    ("tass-nknews-treaty-ratification", [10, 11]),
    ("tass-yonhap-lavrov-choe-talks", [13, 14]),
    ("tass-yonhap-vostochny-summit", [20, 21]),
]

DIFFERENT = [
    ("same-person-munitions-vs-fertilizer-factory", [1, 4]),
    ("same-person-munitions-vs-later-munitions-visit", [1, 34]),
    ("templated-greetings-laos-vs-vietnam", [5, 6]),
    ("same-outlet-two-putin-greetings", [25, 32]),
    ("russia-ratifies-vs-dprk-ratifies", [10, 12]),
    ("economic-delegation-vs-shoigu-delegation", [27, 30]),
    ("talks-vs-kremlin-reception", [13, 26]),
    ("greenhouse-vs-fertilizer", [29, 4]),
]


@pytest.mark.parametrize("numbers", [c[1] for c in SAME], ids=[c[0] for c in SAME])
def test_same_story_from_several_outlets_is_one_entry(numbers: list[int]) -> None:
    titles = [T[n] for n in numbers]
    assert groups(titles) == {frozenset(titles)}


@pytest.mark.parametrize("numbers", [c[1] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT])
def test_different_stories_stay_apart(numbers: list[int]) -> None:
    titles = [T[n] for n in numbers]
    assert groups(titles) == {frozenset([t]) for t in titles}


def test_whole_sample_folds_exactly_the_retold_stories() -> None:
    merged = group_duplicates(sample_view(NOW).entries)
    folded = {
        frozenset([e.item.item.title, *(s.item.title for s in e.also_in)])
        for e in merged
        if e.also_in
    }
    assert folded == {frozenset(T[n] for n in numbers) for _, numbers in SAME}


def test_kept_entry_is_the_earliest_full_text_and_order_is_kept() -> None:
    kcna = ENTRIES[T[1]]
    teaser = replace(kcna, item=replace(kcna.item, item=replace(kcna.item.item, teaser_only=True)))
    merged = group_duplicates([ENTRIES[T[13]], teaser, ENTRIES[T[2]], ENTRIES[T[3]]])
    assert [e.item.item.title for e in merged] == [T[13], T[2]]  # Yonhap: earliest full text
    assert {s.item.source for s in merged[1].also_in} == {"KCNA", "NK News"}


def test_stories_days_apart_are_not_merged() -> None:
    a, b = ENTRIES[T[13]], ENTRIES[T[14]]
    old = replace(a.item.item, published=datetime(2024, 1, 1, tzinfo=UTC))
    a = replace(a, item=replace(a.item, item=old))
    assert len(group_duplicates([a, b])) == 2


def test_existing_also_in_is_kept_and_flattened() -> None:
    first = group_duplicates([ENTRIES[T[1]], ENTRIES[T[2]]])
    again = group_duplicates([*first, ENTRIES[T[3]]])
    assert len(again) == 1
    assert sorted(s.id for s in again[0].also_in) == [2, 3]
