"""JSON Feed 1.0/1.1 -> items, parsed with json (feedparser 6.0 has no JSON Feed support).

Real JSON feeds put wrong types everywhere (a title that is a number, an id that
is a float, a date that is 'not a date'): every field is read defensively.
"""

from __future__ import annotations

import json
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
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return ParsedSource(problem=f"ill-formed feed: invalid JSON ({exc})", problem_kind="parse")
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
    problem = f"ill-formed feed: {skipped} items were not objects" if skipped else None
    return ParsedSource(items=items, problem=problem, problem_kind="parse" if problem else None)


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
