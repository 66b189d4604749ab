"""Listing pages (sites without a feed) -> teaser items, by CSS selectors from config.

An item's key is its absolute link, so it survives reordering, re-rendering and
edited teasers; state-media listings that link through ``javascript:`` calls are
rewritten to real URLs with a :class:`LinkPattern`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html
from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from monitor.model import Item
from monitor.sources import ParsedSource
from monitor.sources.charset import decode
from monitor.sources.dates import parse_date
from monitor.sources.text import element_text, text_key

MAX_ITEMS = 1000  # a listing with more "items" is a selector matching the wrong thing
_NOT_LINKS = ("javascript:", "mailto:", "tel:", "data:", "#")
_GROUP = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class LinkPattern:
    match: str  # regex applied to the link's href (e.g. javascript:article_open('ID'))
    url: str  # template, e.g. "http://host/article/{1}"; groups referenced as {1}, {2}


@dataclass(frozen=True)
class PageSpec:
    item: str  # CSS selector of one listing entry
    title: str  # CSS selector within the item (text = title)
    link: str | None = None  # element whose href is the link (default: title, or first a[href])
    date: str | None = None
    teaser: str | None = None
    date_format: str | None = None  # strptime format; common formats recognised without it
    timezone: str = "UTC"  # IANA zone for naive dates
    link_pattern: LinkPattern | None = None


class _SpecError(ValueError):
    """A selector or pattern in the spec is invalid."""


@lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    try:
        return CSSSelector(css)
    except SelectorError as exc:
        raise _SpecError(f"invalid selector {css!r}: {exc}") from exc


@lru_cache(maxsize=64)
def _pattern(regex: str) -> re.Pattern[str]:
    try:
        return re.compile(regex)
    except re.error as exc:
        raise _SpecError(f"invalid link pattern {regex!r}: {exc}") from exc


def parse_listing(
    content: bytes,
    *,
    url: str,
    source: str,
    spec: PageSpec,
    headers: Mapping[str, str] | None = None,
) -> ParsedSource:
    """Teaser items of a listing page; never raises on bad bytes or a bad spec."""
    text, _codec = decode(content, headers)
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        return ParsedSource(problem=f"not an HTML page: {exc}", problem_kind="parse")
    base = _base_url(doc, url)
    try:
        entries = _selector(spec.item)(doc)
        if not entries:
            return ParsedSource(
                problem=f"selector {spec.item!r} matched nothing", problem_kind="selector"
            )
        items = _items(entries[:MAX_ITEMS], base=base, source=source, spec=spec)
    except _SpecError as exc:
        return ParsedSource(problem=str(exc), problem_kind="selector")
    if not items:
        return ParsedSource(
            problem=f"title selector {spec.title!r} matched nothing within {spec.item!r}",
            problem_kind="selector",
        )
    return ParsedSource(items=items)


def _base_url(doc: etree._Element, url: str) -> str:
    for base in doc.iter("base"):
        href = str(base.get("href") or "").strip()
        if href:
            return urljoin(url, href)
    return url


def _first(element: etree._Element, css: str | None) -> etree._Element | None:
    if css is None:
        return None
    found = _selector(css)(element)
    return found[0] if found else None


def _items(
    entries: list[etree._Element], *, base: str, source: str, spec: PageSpec
) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    for entry in entries:
        title_el = _first(entry, spec.title)
        title = element_text(title_el) if title_el is not None else ""
        if not title:
            continue
        link = _link(entry, title_el, base=base, spec=spec)
        key = link or text_key(title)
        if key in seen:  # the same story listed twice (headline and sidebar)
            continue
        seen.add(key)
        date_el = _first(entry, spec.date)
        published = (
            parse_date(element_text(date_el), fmt=spec.date_format, tz=spec.timezone)
            if date_el is not None
            else None
        )
        teaser_el = _first(entry, spec.teaser)
        items.append(
            Item(
                source=source,
                key=key,
                title=title,
                link=link,
                body=element_text(teaser_el) if teaser_el is not None else "",
                published=published,
                teaser_only=True,
            )
        )
    return items


def _link_element(
    entry: etree._Element, title_el: etree._Element | None, spec: PageSpec
) -> etree._Element | None:
    if spec.link is not None:
        return _first(entry, spec.link)
    for candidate in (title_el, entry):
        if candidate is None:
            continue
        if candidate.get("href") is not None:
            return candidate
        inner = _first(candidate, "a[href]")
        if inner is not None:
            return inner
    return None


def _link(
    entry: etree._Element, title_el: etree._Element | None, *, base: str, spec: PageSpec
) -> str | None:
    element = _link_element(entry, title_el, spec)
    href = " ".join((element.get("href") or "").split()) if element is not None else ""
    if not href:
        return None
    if spec.link_pattern is not None:
        m = _pattern(spec.link_pattern.match).search(href)
        if m:
            groups = (m.group(0), *m.groups())
            href = _GROUP.sub(
                lambda g: (groups[int(g.group(1))] or "") if int(g.group(1)) < len(groups) else "",
                spec.link_pattern.url,
            )
    if href.lower().startswith(_NOT_LINKS):
        return None
    return urljoin(base, href)
