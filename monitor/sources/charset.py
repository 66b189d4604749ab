"""Bytes -> text for feeds and pages whose charset declarations may be wrong or missing.

Order: a BOM wins; then valid UTF-8 (a declared single-byte charset that happens
to be UTF-8 is the commonest lie, and UTF-8 almost never validates by accident);
then each declaration (HTTP header, XML declaration, <meta>) that decodes
strictly; then detection with charset-normalizer; then UTF-8 with replacement.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels servers use for a narrower charset than the one their bytes are in
# (what browsers do too): GB2312 pages carry GBK/GB18030 characters, etc.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
}
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_DECL = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_DETECT_SAMPLE = 256 * 1024  # detection looks at a prefix: enough signal, bounded cost
_TIE = 0.01
# Most-used legacy charsets on news sites first; everything else after, in detector order.
_WEB_ORDER = (
    *("utf_8", "cp1252", "cp1251", "koi8_r", "gb18030", "gb2312", "cp949", "euc_kr"),
    *("cp932", "shift_jis", "euc_jp", "big5", "cp1250", "iso8859_15", "latin_1"),
)
_LATIN = frozenset({"cp1252", "iso8859-1", "latin_1", "iso8859_15", "iso8859-15"})
_MOJIBAKE = re.compile("[\u00c0-\u00ff]")
_WEB_RANK = {name: rank for rank, name in enumerate(_WEB_ORDER)}


def header(headers: Mapping[str, str] | None, name: str) -> str:
    """Case-insensitive header lookup over any mapping."""
    if not headers:
        return ""
    value = headers.get(name)
    if value is not None:
        return value
    lname = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lname), "")


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def declared_charsets(data: bytes, headers: Mapping[str, str] | None) -> list[str]:
    """Codec names declared for ``data``: HTTP header, XML declaration, <meta>, in that order."""
    labels: list[bytes | str] = []
    match = _HTTP_CHARSET.search(header(headers, "content-type"))
    if match:
        labels.append(match.group(1))
    head = data[:2048]
    labels += _XML_DECL.findall(head)
    labels += _META_CHARSET.findall(data[:65536])
    names: list[str] = []
    for label in labels:
        text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
        name = _codec(text)
        if name and name not in names:
            names.append(name)
    return names


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, codec used)``. Never raises on bad bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), codec
    declared = declared_charsets(data, headers)
    # A UTF-16/32 declaration without a BOM must be tried before UTF-8 (NULs validate).
    for codec in declared:
        if codec.startswith(("utf-16", "utf-32")) and (text := _strict(data, codec)) is not None:
            return text, codec
    if (text := _strict(data, "utf-8")) is not None:
        return text, "utf-8"
    for codec in declared:
        for candidate in (_SUPERSETS.get(codec, codec), codec):
            if (text := _strict(data, candidate)) is not None:
                return _recheck_latin(data, text, candidate)
    detected = detect(data[:_DETECT_SAMPLE])
    if detected:
        return data.decode(detected, "replace"), detected
    return data.decode("utf-8", "replace"), "utf-8"


def _recheck_latin(data: bytes, text: str, codec: str) -> tuple[str, str]:
    """A Latin declaration decodes anything; if most letters come out as accented
    Latin (Cyrillic or Korean bytes read as cp1252), trust detection instead."""
    if codec not in _LATIN:
        return text, codec
    letters = sum(1 for ch in text[:_DETECT_SAMPLE] if ch.isalpha())
    accented = len(_MOJIBAKE.findall(text[:_DETECT_SAMPLE]))
    if letters and accented / letters > 0.3:
        detected = detect(data[:_DETECT_SAMPLE])
        if detected and detected not in _LATIN:
            return data.decode(detected, "replace"), detected
    return text, codec


def detect(sample: bytes) -> str | None:
    """charset-normalizer's guess; on a tie, the charset the web uses most wins
    (short French text scores the same in cp1250 and cp1252, and it is cp1252)."""
    results = list(from_bytes(sample))
    if not results:
        return None
    best = results[0]
    ties = [
        r.encoding
        for r in results
        if r.chaos <= best.chaos and r.coherence >= best.coherence - _TIE
    ]
    return min(ties, key=lambda name: _WEB_RANK.get(name, len(_WEB_RANK)))
