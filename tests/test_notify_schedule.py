"""Schedules with an injected clock: cadences, DST transitions, quiet hours across midnight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from monitor.notify.schedule import is_due, next_due, parse_schedule

SEOUL = ZoneInfo("Asia/Seoul")
NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


NEXT_DUE = [
    # (id, schedule, tz, quiet, last_sent, now, expected)
    ("immediate", "immediate", "UTC", None, None, utc(2024, 5, 1, 12), utc(2024, 5, 1, 12)),
    (
        "immediate-after-send",
        "immediate",
        "UTC",
        None,
        utc(2024, 5, 1, 11),
        utc(2024, 5, 1, 12),
        utc(2024, 5, 1, 12),
    ),
    ("every-never-sent", "every 30m", "UTC", None, None, utc(2024, 5, 1, 12), utc(2024, 5, 1, 12)),
    (
        "every-30m",
        "every 30m",
        "UTC",
        None,
        utc(2024, 5, 1, 12),
        utc(2024, 5, 1, 12, 10),
        utc(2024, 5, 1, 12, 30),
    ),
    (
        "hourly",
        "hourly",
        "UTC",
        None,
        utc(2024, 5, 1, 12, 5),
        utc(2024, 5, 1, 12, 6),
        utc(2024, 5, 1, 13, 5),
    ),
    (
        "every-2h-across-dst",
        "every 2h",
        "America/New_York",
        None,
        utc(2024, 3, 10, 6),
        utc(2024, 3, 10, 6),
        utc(2024, 3, 10, 8),
    ),  # 01:00 EST + 2h = 04:00 EDT: elapsed time
    (
        "daily-later-today",
        "daily 07:00",
        "Asia/Seoul",
        None,
        datetime(2024, 5, 1, 6, 0, tzinfo=SEOUL),
        utc(2024, 4, 30, 21, 30),
        datetime(2024, 5, 1, 7, 0, tzinfo=SEOUL),
    ),
    (
        "daily-tomorrow",
        "daily 07:00",
        "Asia/Seoul",
        None,
        datetime(2024, 5, 1, 7, 0, tzinfo=SEOUL),
        utc(2024, 5, 1, 0),
        datetime(2024, 5, 2, 7, 0, tzinfo=SEOUL),
    ),
    (
        "daily-missed-days-due-now",
        "daily 07:00",
        "UTC",
        None,
        utc(2024, 5, 1, 7),
        utc(2024, 5, 9, 12),
        utc(2024, 5, 2, 7),
    ),
    (
        "daily-spring-forward-keeps-wall-clock",
        "daily 07:00",
        "America/New_York",
        None,
        datetime(2024, 3, 9, 7, 0, tzinfo=NY),
        utc(2024, 3, 9, 13),
        utc(2024, 3, 10, 11),
    ),  # 07:00 EDT, 23 h later
    (
        "daily-fall-back-keeps-wall-clock",
        "daily 07:00",
        "America/New_York",
        None,
        datetime(2024, 11, 2, 7, 0, tzinfo=NY),
        utc(2024, 11, 2, 12),
        utc(2024, 11, 3, 12),
    ),  # 07:00 EST, 25 h later
    (
        "daily-in-dst-gap-goes-after-jump",
        "daily 02:30",
        "America/New_York",
        None,
        datetime(2024, 3, 9, 2, 30, tzinfo=NY),
        utc(2024, 3, 9, 8),
        utc(2024, 3, 10, 7, 30),
    ),  # 02:30 does not exist: 03:30 EDT
    (
        "daily-in-overlap-sends-once",
        "daily 01:30",
        "America/New_York",
        None,
        utc(2024, 11, 3, 5, 30),
        utc(2024, 11, 3, 6, 0),  # sent at the first 01:30 (EDT)
        utc(2024, 11, 4, 6, 30),
    ),  # not again at the second 01:30 (EST) an hour later
    (
        "weekly-next-monday",
        "weekly mon 07:00",
        "Europe/Berlin",
        None,
        datetime(2024, 3, 25, 7, 0, tzinfo=BERLIN),
        utc(2024, 3, 26),
        datetime(2024, 4, 1, 7, 0, tzinfo=BERLIN),
    ),  # across the EU DST change (Mar 31)
    (
        "weekly-same-week",
        "weekly friday 18:00",
        "UTC",
        None,
        utc(2024, 5, 6, 9),
        utc(2024, 5, 6, 10),
        utc(2024, 5, 10, 18),
    ),
    (
        "quiet-evening-part",
        "immediate",
        "Asia/Seoul",
        "22:00-06:00",
        None,
        datetime(2024, 5, 1, 23, 15, tzinfo=SEOUL),
        datetime(2024, 5, 2, 6, 0, tzinfo=SEOUL),
    ),
    (
        "quiet-morning-part",
        "immediate",
        "Asia/Seoul",
        "22:00-06:00",
        None,
        datetime(2024, 5, 2, 3, 0, tzinfo=SEOUL),
        datetime(2024, 5, 2, 6, 0, tzinfo=SEOUL),
    ),
    (
        "quiet-end-is-not-quiet",
        "immediate",
        "Asia/Seoul",
        "22:00-06:00",
        None,
        datetime(2024, 5, 2, 6, 0, tzinfo=SEOUL),
        datetime(2024, 5, 2, 6, 0, tzinfo=SEOUL),
    ),
    (
        "quiet-start-is-quiet",
        "every 1h",
        "Asia/Seoul",
        "22:00-06:00",
        datetime(2024, 5, 1, 21, 0, tzinfo=SEOUL),
        datetime(2024, 5, 1, 21, 30, tzinfo=SEOUL),
        datetime(2024, 5, 2, 6, 0, tzinfo=SEOUL),
    ),
    (
        "quiet-daytime-window",
        "every 30m",
        "UTC",
        "12:00-13:00",
        utc(2024, 5, 1, 11, 45),
        utc(2024, 5, 1, 11, 50),
        utc(2024, 5, 1, 13),
    ),
    (
        "quiet-across-dst-night",
        "immediate",
        "Europe/Berlin",
        "22:00-06:00",
        None,
        datetime(2024, 3, 30, 23, 0, tzinfo=BERLIN),
        datetime(2024, 3, 31, 6, 0, tzinfo=BERLIN),
    ),
]


@pytest.mark.parametrize(
    ("text", "tz", "quiet", "last", "now", "expected"),
    [case[1:] for case in NEXT_DUE],
    ids=[case[0] for case in NEXT_DUE],
)
def test_next_due(
    text: str, tz: str, quiet: str | None, last: datetime | None, now: datetime, expected: datetime
) -> None:
    schedule = parse_schedule(text, timezone=tz, quiet_hours=quiet)
    due = next_due(schedule, last_sent=last, now=now)
    assert due == expected
    assert due.utcoffset() is not None and due.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert is_due(schedule, last_sent=last, now=due)
    assert is_due(schedule, last_sent=last, now=now) == (now >= expected)


def test_daily_sends_once_per_day_over_a_simulated_month_with_dst() -> None:
    schedule = parse_schedule("daily 07:00", timezone="Europe/Berlin")
    now, last, sent = utc(2024, 3, 15), utc(2024, 3, 14, 6), []
    while now < utc(2024, 4, 15):
        if is_due(schedule, last_sent=last, now=now):
            sent.append(now.astimezone(BERLIN))
            last = now
        now += timedelta(minutes=15)
    assert len(sent) == 31
    assert {(s.hour, s.minute) for s in sent} == {(7, 0)}


BAD = [
    ("unknown-cadence", "fortnightly", {}, "unknown cadence"),
    ("daily-no-time", "daily", {}, "daily HH:MM"),
    ("bad-time", "daily 25:00", {}, "bad time '25:00'"),
    ("bad-weekday", "weekly mox 07:00", {}, "unknown weekday 'mox'"),
    ("weekly-no-day", "weekly 07:00", {}, "weekly DAY HH:MM"),
    ("every-bad-unit", "every 5 parsecs", {}, "unit m/h/d"),
    ("every-zero", "every 0m", {}, "at least 1 minute"),
    ("bad-tz", "daily 07:00", {"timezone": "Mars/Olympus"}, "unknown timezone 'Mars/Olympus'"),
    ("quiet-shape", "immediate", {"quiet_hours": "22:00"}, "HH:MM-HH:MM"),
    ("quiet-empty", "immediate", {"quiet_hours": "06:00-06:00"}, "same"),
    ("quiet-bad-time", "immediate", {"quiet_hours": "22:00-6"}, "bad time '6'"),
]


@pytest.mark.parametrize(
    ("text", "kwargs", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_parse_errors_name_the_problem(text: str, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        parse_schedule(text, **kwargs)


@pytest.mark.parametrize(
    ("text", "kind", "minutes"),
    [
        ("Every 90 min", "every", 90),
        ("every 2h", "every", 120),
        ("HOURLY", "every", 60),
        ("every 1d", "every", 1440),
        ("  daily   at 07:00 ", "daily", None),
    ],
    ids=["minutes-word", "hours", "upper-case", "days", "spaces-and-at"],
)
def test_parse_is_lenient_about_spelling(text: str, kind: str, minutes: int | None) -> None:
    schedule = parse_schedule(text)
    assert schedule.kind == kind
    if minutes is not None:
        assert schedule.interval is not None
        assert schedule.interval.total_seconds() == minutes * 60


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_due(parse_schedule("immediate"), last_sent=None, now=datetime(2024, 1, 1))
