"""RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed bytes -> items.

feedparser only ever sees bytes we prepared (wrapped in BytesIO: given bytes or a
str it may treat them as a path or URL and open it). We decode first (see
charset.py), re-encode as UTF-8 with the XML declaration rewritten to match, and
strip any DOCTYPE internal subset so entity-expansion bombs have nothing to expand.
"""

from __future__ import annotations

import io
import re
import time
import xml.sax
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.model import Item
from monitor.sources import ParsedSource
from monitor.sources.charset import decode, header
from monitor.sources.jsonfeed import parse_json_feed
from monitor.sources.text import collapse, html_to_text, text_key

_XML_ENCODING = re.compile(r"(<\?xml[^>]*?encoding\s*=\s*[\"'])[^\"']*([\"'])", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_DOCTYPE_OPEN = re.compile(r"<!DOCTYPE[^\[>]*\[", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>|&[#\w]+;")
_UTF8_XML = "application/xml; charset=utf-8"
# Encoding complaints are about our re-encoded copy, not the source: not a problem.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def parse_feed(
    content: bytes, *, url: str, source: str, headers: Mapping[str, str] | None = None
) -> ParsedSource:
    """Items of a feed; never raises on bad bytes (problems are reported in ``problem``)."""
    if not content.strip():
        return ParsedSource(problem="ill-formed feed: empty document", problem_kind="parse")
    text, _codec = decode(content, headers)
    head = text[:64].lstrip("\ufeff \t\r\n")
    if head.startswith("{") or "json" in header(headers, "content-type").lower():
        return parse_json_feed(text, url=url, source=source)
    return _parse_xml(text, url=url, source=source)


def _defuse(text: str) -> str:
    """Drop a DOCTYPE internal subset: feeds never need it, entity bombs live there."""
    if "<!ENTITY" not in text[:65536].upper():
        return text
    text = _DOCTYPE_SUBSET.sub("", text, count=1)
    opened = _DOCTYPE_OPEN.search(text)
    return text[: opened.start()] if opened else text  # unterminated subset: nothing after it


def _parse_xml(text: str, *, url: str, source: str) -> ParsedSource:
    data = _XML_ENCODING.sub(r"\1utf-8\2", _defuse(text), count=1).encode("utf-8")
    result = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-type": _UTF8_XML, "content-location": url},
        resolve_relative_uris=False,  # bodies become plain text: links inside them are moot
        sanitize_html=False,  # we strip all markup ourselves
    )
    items = [_item(entry, source) for entry in result.get("entries", [])]
    if not items and not result.get("version"):
        looks_html = _HTML_ROOT.search(text[:4096])
        what = "an HTML page" if looks_html else "no RSS, Atom or JSON Feed content"
        return ParsedSource(problem=f"not a feed: {what}", problem_kind="parse")
    error = result.get("bozo_exception") if result.get("bozo") else None
    if error is None or isinstance(error, _BENIGN):
        return ParsedSource(items=items)
    return ParsedSource(
        items=items, problem=f"ill-formed feed: {_reason(error)}", problem_kind="parse"
    )


def _reason(error: Exception) -> str:
    if isinstance(error, xml.sax.SAXParseException):
        return f"{error.getMessage()} at line {error.getLineNumber()}"
    return str(error) or type(error).__name__


def _text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return html_to_text(value) if _MARKUP.search(value) else collapse(value)


def _published(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if isinstance(parsed, time.struct_time):
            try:
                return datetime(*parsed[:6], tzinfo=UTC)
            except (ValueError, OverflowError):
                continue
    return None


def _body(entry: Any) -> str:
    candidates = [c.get("value") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary"))
    return max((_text(c) for c in candidates), key=len, default="")


def _item(entry: Any, source: str) -> Item:
    title = _text(entry.get("title"))
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    published = _published(entry)
    date_text = entry.get("published") or entry.get("updated") or ""
    entry_id = entry.get("id") if isinstance(entry.get("id"), str) else ""
    key = entry_id.strip() or link or text_key(title, str(date_text))
    return Item(
        source=source,
        key=key,
        title=title,
        link=link or None,
        body=_body(entry),
        published=published,
    )
