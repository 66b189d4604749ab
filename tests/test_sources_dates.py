"""parse_date: the formats state media and wires print, always aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.sources.dates import parse_date


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 20, 2025", utc(2025, 6, 20)),
        ("Jun. 20, 2025", utc(2025, 6, 20)),
        ("2022.02.11", utc(2022, 2, 11)),
        ("2025-06-20", utc(2025, 6, 20)),
        ("20.06.2025", utc(2025, 6, 20)),
        ("20 June 2025 14:30", utc(2025, 6, 20, 14, 30)),
        ("Fri, 20 Jun 2025 14:30:00 +0900", utc(2025, 6, 20, 5, 30)),
        ("Fri, 20 Jun 2025 14:30:00 GMT", utc(2025, 6, 20, 14, 30)),
        ("2025-06-20T14:30:00Z", utc(2025, 6, 20, 14, 30)),
        ("2025-06-20T14:30:00.123+03:00", utc(2025, 6, 20, 11, 30)),
        ("Juche 114 (2025).6.20", utc(2025, 6, 20)),
        ("Juche 113.6.20", utc(2024, 6, 20)),
        ("Pyongyang, Juche 113.6.20 (KCNA)", utc(2024, 6, 20)),
        ("Feb. 11, Juche 111 (2022) Friday", utc(2022, 2, 11)),
        ("Published: 20 June 2025 at 14:30 (GMT+3)", utc(2025, 6, 20, 11, 30)),
        ("20 июня 2025, 14:30", utc(2025, 6, 20, 14, 30)),
        ("2025년 6월 20일 09:00 KST", utc(2025, 6, 20, 0, 0)),
        ("06/20/2025 3:05 PM", utc(2025, 6, 20, 15, 5)),
        ("Updated 2025/06/20 12:00 a.m.", utc(2025, 6, 20, 0, 0)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "no date here", "31.02.2025", "Τρι, 29 Ιούν 2004 12:53:00 GMT", "Juche"]
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_naive_dates_use_the_given_zone() -> None:
    assert parse_date("2025.06.20", tz="Asia/Pyongyang") == utc(2025, 6, 19, 15, 0)
    assert parse_date("20 June 2025 14:30", tz="Europe/Moscow") == utc(2025, 6, 20, 11, 30)
    # An explicit offset beats the configured zone.
    assert parse_date("2025-06-20T14:30:00Z", tz="Asia/Seoul") == utc(2025, 6, 20, 14, 30)


def test_unknown_zone_falls_back_to_utc() -> None:
    assert parse_date("2025-06-20", tz="Mars/Olympus") == utc(2025, 6, 20)


def test_explicit_format_and_fallback() -> None:
    assert parse_date("20/06/2025", fmt="%d/%m/%Y") == utc(2025, 6, 20)
    assert parse_date("2025-06-20", fmt="%d/%m/%Y") == utc(2025, 6, 20)  # format miss: fall back
    assert parse_date("20|06|25 14h30", fmt="%d|%m|%y %Hh%M", tz="Asia/Seoul") == utc(
        2025, 6, 20, 5, 30
    )


def test_results_are_aware_utc() -> None:
    value = parse_date("Fri, 20 Jun 2025 14:30:00 +0900")
    assert value is not None and value.tzinfo is UTC
