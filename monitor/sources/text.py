"""Markup -> plain text, shared by the feed, JSON Feed and listing parsers."""

from __future__ import annotations

import hashlib
import html
import re

import lxml.html
from lxml import etree

_WS = re.compile(r"\s+")
_ANY_TAG = re.compile(r"<[a-zA-Z/!?][^>]*>")
# Tags that mean "this text is still HTML" after one round of stripping
# (feeds that entity-escape markup inside CDATA).
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|a|img|b|i|em|strong|ul|ol|li|h[1-6]|figure|table|tr|td)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr"),
        *("tr", "td", "th", "table", "blockquote", "pre", "section", "article", "header"),
        *("footer", "dd", "dt", "dl", "figure", "figcaption", "main", "aside", "nav"),
    }
)
_DROP = frozenset({"script", "style", "noscript", "template", "iframe", "object"})


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def element_text(element: etree._Element) -> str:
    """Visible text of an lxml element, block boundaries as spaces, whitespace collapsed."""
    parts: list[str] = []
    # Iterative walk: hostile pages nest deeper than Python's recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag.lower() if isinstance(node.tag, str) else ""  # comments/PIs: no tag
        if closing or tag in _DROP:
            if closing and tag in _BLOCKS:
                parts.append(" ")
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if tag in _BLOCKS:
            parts.append(" ")
        if tag and node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return collapse("".join(parts))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (scripts dropped, entities decoded, spaces collapsed)."""
    text = _strip_once(markup)
    if _HTML_TAG.search(text):  # markup that was escaped twice
        text = _strip_once(text)
    return text


def _strip_once(markup: str) -> str:
    if "<" not in markup:
        return collapse(html.unescape(markup) if "&" in markup else markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return collapse(html.unescape(_ANY_TAG.sub(" ", markup)))
    return element_text(root)


def text_key(*parts: str) -> str:
    """Stable fallback key: sha1 of the parts, each normalised (case, whitespace)."""
    joined = "\x1f".join(collapse(p).casefold() for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
