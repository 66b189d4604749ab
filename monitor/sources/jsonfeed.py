"""JSON Feed 1.0/1.1 -> items, parsed with json (feedparser 6.0 has no JSON Feed support).

Real JSON feeds put wrong types everywhere (a title that is a number, an id that
is a float, a date that is 'not a date'): every field is read defensively.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

from monitor.model import Item
from monitor.sources import ParsedSource
from monitor.sources.dates import parse_date
from monitor.sources.text import collapse, html_to_text, text_key


def _scalar(value: Any) -> str:
    """A JSON scalar as text; containers, null and booleans count as absent."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    return ""


def parse_json_feed(text: str, *, url: str, source: str) -> ParsedSource:
    problems: list[str] = []
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        doc = salvage(text)
        if doc is None:
            return ParsedSource(problem=f"ill-formed feed: invalid JSON ({exc})", problem_kind="parse")
        problems.append(f"invalid JSON ({exc}); read the {len(doc['items'])} complete items before it")
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        return ParsedSource(
            problem="not a feed: JSON without an 'items' list", problem_kind="parse"
        )
    feed_url = _scalar(doc.get("feed_url")) or url
    items: list[Item] = []
    skipped = 0
    for entry in doc["items"]:
        item = _item(entry, base=urljoin(url, feed_url), source=source)
        if item is None:
            skipped += 1
        else:
            items.append(item)
    if skipped:
        problems.append(f"{skipped} items were not objects")
    problem = "ill-formed feed: " + "; ".join(problems) if problems else None
    return ParsedSource(items=items, problem=problem, problem_kind="parse" if problem else None)


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def salvage(text: str) -> dict[str, Any] | None:
    """The top-level members of a JSON object cut off (or broken) part-way, up to and with its
    'items' array, of which every element complete before the break is kept; None when the
    break comes before 'items'. A download cut short then still yields the items it holds.

    Each value is read whole by json's own decoder (raw_decode); only the object and the
    items array are walked by hand, so an element counts only if json read all of it."""
    doc: dict[str, Any] = {}
    pos = _skip(text, 0)
    if not text.startswith("{", pos):
        return None
    pos += 1
    try:
        while True:
            key, pos = _DECODER.raw_decode(text, _skip(text, pos))
            pos = _skip(text, pos)
            if not isinstance(key, str) or not text.startswith(":", pos):
                return None
            pos = _skip(text, pos + 1)
            if key == "items" and text.startswith("[", pos):
                doc["items"] = _elements(text, pos + 1)
                return doc
            doc[key], pos = _DECODER.raw_decode(text, pos)
            pos = _skip(text, pos)
            if not text.startswith(",", pos):
                return None
            pos += 1
    except (ValueError, RecursionError):
        return None


def _elements(text: str, pos: int) -> list[Any]:
    """The array elements from ``pos`` (just past '[') up to the first that cannot be read."""
    out: list[Any] = []
    try:
        while not text.startswith("]", pos := _skip(text, pos)):
            value, pos = _DECODER.raw_decode(text, pos)
            out.append(value)
            pos = _skip(text, pos)
            if not text.startswith(",", pos):
                break
            pos += 1
    except (ValueError, RecursionError):
        pass  # the cut: what came before it stands
    return out


def _skip(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _item(entry: Any, *, base: str, source: str) -> Item | None:
    if not isinstance(entry, dict):
        return None
    title = collapse(_scalar(entry.get("title")))
    href = _scalar(entry.get("url")) or _scalar(entry.get("external_url"))
    link = urljoin(base, href) if href else None
    date_text = _scalar(entry.get("date_published")) or _scalar(entry.get("date_modified"))
    published = parse_date(date_text) if date_text else None
    bodies = [
        html_to_text(_scalar(entry.get("content_html"))),
        collapse(_scalar(entry.get("content_text"))),
        html_to_text(_scalar(entry.get("summary"))),
    ]
    key = _scalar(entry.get("id")).strip() or link or text_key(title, date_text)
    return Item(
        source=source,
        key=key,
        title=title,
        link=link,
        body=max(bodies, key=len),
        published=published,
    )
