"""Date strings as state media and wires print them -> aware UTC datetimes.

Pure: no clock. Recognises ISO 8601, RFC 822, 'June 20, 2025', '20 June 2025 14:30',
'2022.02.11', '20.06.2025', Korean '2025년 6월 20일', Russian '20 июня 2025' and
Juche-calendar dates ('Juche 114 (2025).6.20', 'Juche 113.6.20', 'Feb. 11, Juche 111
(2022) Friday'), with other text around them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

JUCHE_OFFSET = 1911  # Juche 1 = 1912

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "янв", "января", "январь"),
            ("feb", "february", "фев", "февраля", "февраль"),
            ("mar", "march", "мар", "марта", "март"),
            ("apr", "april", "апр", "апреля", "апрель"),
            ("may", "мая", "май"),
            ("jun", "june", "июн", "июня", "июнь"),
            ("jul", "july", "июл", "июля", "июль"),
            ("aug", "august", "авг", "августа", "август"),
            ("sep", "sept", "september", "сен", "сентября", "сентябрь"),
            ("oct", "october", "окт", "октября", "октябрь"),
            ("nov", "november", "ноя", "ноября", "ноябрь"),
            ("dec", "december", "дек", "декабря", "декабрь"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"([A-Za-zА-Яа-яЁё]{3,9})\.?"
_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "KST": 9, "PYT": 9, "JST": 9, "MSK": 3, "CST": 8}

_JUCHE_NUMERIC = re.compile(
    r"Juche\s+(\d{1,3})\s*(?:\(\s*(\d{4})\s*\))?\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})",
    re.IGNORECASE,
)
_JUCHE_NAMED = re.compile(
    _MONTH + r"\s+(\d{1,2}),?\s+Juche\s+(\d{1,3})(?:\s*\(\s*(\d{4})\s*\))?", re.IGNORECASE
)
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
_YMD = re.compile(r"\b(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\b")
_DMY = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_KOREAN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_MDY_NAMED = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY_NAMED = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b")
_TIME = re.compile(
    r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?"
    r"(?:\s*\(?\s*(UTC|GMT|KST|PYT|JST|MSK|Z)?\s*([+-]\d{1,2}(?::?\d{2})?)?\)?)?"
)


def parse_date(text: str, *, fmt: str | None = None, tz: str = "UTC") -> datetime | None:
    """The first date in ``text`` as an aware UTC datetime, or None if there is none."""
    text = " ".join(text.split())
    if not text:
        return None
    zone = _zone(tz)
    if fmt:
        try:
            return _to_utc(datetime.strptime(text, fmt), zone)
        except ValueError:
            pass  # fall back to the common formats
    try:
        return _parse(text, zone)
    except (ValueError, OverflowError):
        return None  # e.g. 31 February


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _to_utc(value: datetime, zone: tzinfo) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _parse(text: str, zone: tzinfo) -> datetime | None:
    if m := _JUCHE_NUMERIC.search(text):
        year = int(m.group(2)) if m.group(2) else int(m.group(1)) + JUCHE_OFFSET
        return _with_time(text, m.end(), year, int(m.group(3)), int(m.group(4)), zone)
    if (m := _JUCHE_NAMED.search(text)) and (named := _month(m.group(1))):
        year = int(m.group(4)) if m.group(4) else int(m.group(3)) + JUCHE_OFFSET
        return _with_time(text, m.end(), year, named, int(m.group(2)), zone)
    if m := _ISO.search(text):
        return _iso(m, zone)
    if _RFC822.match(text):
        try:
            return _to_utc(parsedate_to_datetime(text), zone)
        except (TypeError, ValueError, IndexError):
            pass
    return _numeric_or_named(text, zone)


def _iso(m: re.Match[str], zone: tzinfo) -> datetime:
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    hour, minute, second = (int(g) if g else 0 for g in m.group(4, 5, 6))
    value = datetime(year, month, day, hour, minute, second)
    offset = m.group(7)
    if offset:
        return _apply_offset(value, offset)
    return _to_utc(value, zone)


def _numeric_or_named(text: str, zone: tzinfo) -> datetime | None:
    if m := _KOREAN.search(text):
        return _with_time(text, m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), zone)
    if m := _YMD.search(text):
        return _with_time(text, m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), zone)
    if m := _DMY.search(text):
        a, b = int(m.group(1)), int(m.group(3))
        # Dots mean day-first (20.06.2025); slashes US month-first; unless impossible.
        if m.group(2) == "/":
            month, day = (a, b) if a <= 12 else (b, a)
        else:
            day, month = (a, b) if b <= 12 else (b, a)
        return _with_time(text, m.end(), int(m.group(4)), month, day, zone)
    if (m := _MDY_NAMED.search(text)) and (named := _month(m.group(1))):
        return _with_time(text, m.end(), int(m.group(3)), named, int(m.group(2)), zone)
    if (m := _DMY_NAMED.search(text)) and (named := _month(m.group(2))):
        return _with_time(text, m.end(), int(m.group(3)), named, int(m.group(1)), zone)
    return None


def _month(name: str) -> int | None:
    return _MONTHS.get(name.lower().rstrip("."))


def _with_time(text: str, after: int, year: int, month: int, day: int, zone: tzinfo) -> datetime:
    """The date plus the first clock time in the text (after the date, else anywhere)."""
    m = _TIME.search(text, after) or _TIME.search(text)
    if not m:
        return _to_utc(datetime(year, month, day), zone)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    meridiem = (m.group(4) or "").lower()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    value = datetime(year, month, day, hour, minute, second)
    if m.group(6):
        return _apply_offset(value, m.group(6))
    if m.group(5):
        return (value - timedelta(hours=_ZONES[m.group(5).upper()])).replace(tzinfo=UTC)
    return _to_utc(value, zone)


def _apply_offset(value: datetime, offset: str) -> datetime:
    if offset.upper() == "Z":
        return value.replace(tzinfo=UTC)
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours = int(digits[:-2] or 0) if len(digits) > 2 else int(digits)
    minutes = int(digits[-2:]) if len(digits) > 2 else 0
    delta = timedelta(hours=hours, minutes=minutes)
    return value.replace(tzinfo=timezone(sign * delta)).astimezone(UTC)
