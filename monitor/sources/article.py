"""Article page -> its main text (trafilatura, with an lxml fallback when it finds nothing).

Tables are left out of trafilatura's output: state-media pages lay whole articles out
in table cells, and with tables on, trafilatura flattens them into '|'-joined rows."""

from __future__ import annotations

from collections.abc import Mapping

import lxml.html
import trafilatura
from lxml import etree

from monitor.sources.charset import decode
from monitor.sources.text import element_text

_MIN_BLOCK = 40  # characters: shorter "largest blocks" are navigation, not an article


def extract_article(content: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> str:
    """Main text of an article page, paragraphs separated by newlines; "" if nothing."""
    text, _codec = decode(content, headers)  # our charset repair beats trafilatura's guess
    if not text.strip():
        return ""
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return ""
    try:
        extracted = trafilatura.extract(
            doc, url=url, include_comments=False, include_tables=False
        )
    except Exception:  # trafilatura is heuristic code over hostile input: never fatal
        extracted = None
    if extracted and extracted.strip():
        return _paragraphs(extracted)
    return _fallback(doc)


def _paragraphs(text: str) -> str:
    """One paragraph per line, whitespace (NBSP too) collapsed within each."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _fallback(doc: etree._Element) -> str:
    for css in ("article", "main", "[role=main]"):
        found = doc.cssselect(css)
        if found:
            text = element_text(found[0])
            if len(text) >= _MIN_BLOCK:
                return text
    return _largest_block(doc)


def _largest_block(doc: etree._Element) -> str:
    """Text of the element whose own paragraphs/text lines hold the most characters."""
    best, best_len = "", 0
    for element in doc.iter("div", "td", "section", "body"):
        own = sum(len((child.text or "").strip()) for child in element if child.tag == "p")
        own += len((element.text or "").strip()) + sum(
            len((c.tail or "").strip()) for c in element
        )
        if own > best_len:
            best, best_len = element_text(element), own
    return best if len(best) >= _MIN_BLOCK else ""
