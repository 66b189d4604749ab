"""When a digest is due: a parsed cadence plus pure arithmetic on instants.

Nothing here reads the clock; the caller passes ``now``. All comparisons are
made in UTC because Python compares two datetimes that share a tzinfo by wall
clock, ignoring ``fold`` — wrong around DST transitions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

KINDS = ("immediate", "every", "daily", "weekly")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNITS = {"m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
          "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600,
          "d": 86400, "day": 86400, "days": 86400}
_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_EVERY = re.compile(r"every\s+(\d+)\s*([a-z]+)")
_MIN_INTERVAL = timedelta(minutes=1)
_UTC = dt.UTC


@dataclass(frozen=True)
class Schedule:
    """A digest cadence. ``time``/``weekday`` are wall-clock values in ``tz``."""

    kind: str  # immediate | every | daily | weekly
    interval: timedelta | None = None  # for "every"
    time: dt.time | None = None  # for daily / weekly
    weekday: int | None = None  # 0 = Monday, for weekly
    tz: str = "UTC"
    quiet_start: dt.time | None = None  # quiet hours [start, end) in tz; may cross midnight
    quiet_end: dt.time | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)


def parse_schedule(
    text: str, *, timezone: str = "UTC", quiet_hours: str | None = None
) -> Schedule:
    """Parse "immediate", "hourly", "every 30m", "daily 07:00", "weekly mon 07:00".

    Raises ValueError naming the part that is wrong.
    """
    _zone(timezone)
    qs, qe = _parse_quiet(quiet_hours) if quiet_hours is not None else (None, None)
    base = Schedule("immediate", tz=timezone, quiet_start=qs, quiet_end=qe)
    words = " ".join(text.strip().lower().split())
    parts = words.replace(" at ", " ").split(" ")
    if words == "immediate":
        return base
    if words == "hourly":
        return replace(base, kind="every", interval=timedelta(hours=1))
    if parts[0] == "every":
        return replace(base, kind="every", interval=_parse_interval(words))
    if parts[0] == "daily":
        if len(parts) != 2:
            raise ValueError(f"schedule {text!r}: expected 'daily HH:MM', e.g. 'daily 07:00'")
        return replace(base, kind="daily", time=_parse_hhmm(parts[1], text))
    if parts[0] == "weekly":
        if len(parts) != 3:
            raise ValueError(
                f"schedule {text!r}: expected 'weekly DAY HH:MM', e.g. 'weekly mon 07:00'"
            )
        day = _WEEKDAYS_FULL.get(parts[1], parts[1])
        if day not in WEEKDAYS:
            raise ValueError(
                f"schedule {text!r}: unknown weekday {parts[1]!r} "
                f"(use one of {', '.join(WEEKDAYS)})"
            )
        time = _parse_hhmm(parts[2], text)
        return replace(base, kind="weekly", time=time, weekday=WEEKDAYS.index(day))
    raise ValueError(
        f"schedule {text!r}: unknown cadence (use 'immediate', 'hourly', 'every 30m', "
        "'every 2h', 'daily 07:00' or 'weekly mon 07:00')"
    )


_WEEKDAYS_FULL = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
    "friday": "fri", "saturday": "sat", "sunday": "sun",
}


def next_due(schedule: Schedule, *, last_sent: datetime | None, now: datetime) -> datetime:
    """The instant (UTC) at/after which a digest with pending matches should go out.

    Never sent: due now. ``every``: ``last_sent + interval``. ``daily``/``weekly``:
    the first wall-clock occurrence in ``tz`` strictly after ``last_sent``. A due
    instant inside quiet hours moves to the end of the quiet hours.
    """
    now = _utc(now, "now")
    if last_sent is None or schedule.kind == "immediate":
        due = now
    else:
        last = _utc(last_sent, "last_sent")
        if schedule.kind == "every":
            assert schedule.interval is not None
            due = last + schedule.interval
        else:
            due = _next_occurrence(schedule, last)
    return _after_quiet(schedule, due)


def is_due(schedule: Schedule, *, last_sent: datetime | None, now: datetime) -> bool:
    return _utc(now, "now") >= next_due(schedule, last_sent=last_sent, now=now)


def in_quiet_hours(schedule: Schedule, instant: datetime) -> bool:
    return _quiet_end_after(schedule, _utc(instant, "instant")) is not None


def _next_occurrence(schedule: Schedule, last: datetime) -> datetime:
    assert schedule.time is not None
    zone = schedule.zone
    day = last.astimezone(zone).date()
    if schedule.kind == "weekly":
        assert schedule.weekday is not None
        day += timedelta(days=(schedule.weekday - day.weekday()) % 7)
    step = timedelta(days=7 if schedule.kind == "weekly" else 1)
    while True:
        candidate = _wall(day, schedule.time, zone)
        if candidate > last:
            return candidate
        day += step


def _after_quiet(schedule: Schedule, due: datetime) -> datetime:
    end = _quiet_end_after(schedule, due)
    return due if end is None else end


def _quiet_end_after(schedule: Schedule, instant: datetime) -> datetime | None:
    """The end of the quiet period containing ``instant``, or None when not quiet."""
    start, end = schedule.quiet_start, schedule.quiet_end
    if start is None or end is None:
        return None
    local = instant.astimezone(schedule.zone)
    t = local.time().replace(tzinfo=None)
    if start < end:
        quiet, end_day = start <= t < end, local.date()
    elif t >= start:  # crosses midnight, evening part
        quiet, end_day = True, local.date() + timedelta(days=1)
    else:  # crosses midnight, morning part
        quiet, end_day = t < end, local.date()
    return _wall(end_day, end, schedule.zone) if quiet else None


def _wall(day: dt.date, at: dt.time, zone: ZoneInfo) -> datetime:
    """A wall-clock time as a UTC instant. In a DST gap (02:30 that never
    happens) it lands just after the jump; in an overlap, the first one."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(_UTC)


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")
    return value.astimezone(_UTC)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {name!r} (use an IANA name like 'Asia/Seoul')") from exc


def _parse_hhmm(value: str, context: str) -> dt.time:
    m = _HHMM.fullmatch(value)
    if not m:
        raise ValueError(f"{context!r}: bad time {value!r} (use 24-hour HH:MM, e.g. 07:00)")
    return dt.time(int(m.group(1)), int(m.group(2)))


def _parse_interval(words: str) -> timedelta:
    m = _EVERY.fullmatch(words)
    if not m or m.group(2) not in _UNITS:
        raise ValueError(
            f"schedule {words!r}: expected 'every N' with a unit m/h/d, "
            "e.g. 'every 30m' or 'every 2h'"
        )
    interval = timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])
    if interval < _MIN_INTERVAL:
        raise ValueError(f"schedule {words!r}: interval must be at least 1 minute")
    return interval


def _parse_quiet(text: str) -> tuple[dt.time, dt.time]:
    parts = [p.strip() for p in text.split("-")]
    if len(parts) != 2:
        raise ValueError(f"quiet hours {text!r}: expected 'HH:MM-HH:MM', e.g. '22:00-06:00'")
    start, end = (_parse_hhmm(p, f"quiet hours {text}") for p in parts)
    if start == end:
        raise ValueError(f"quiet hours {text!r}: start and end are the same")
    return start, end
