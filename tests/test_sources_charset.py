"""charset.decode: BOMs, lying declarations, missing declarations."""

from __future__ import annotations

import pytest

from monitor.sources.charset import declared_charsets, decode

CHINESE = "话剧《约定无期限》河北各市巡演结束，朝鲜最高领导人金正恩会见俄罗斯国防部长。"
RUSSIAN = "Министр иностранных дел России Сергей Лавров встретился с Чве Сон Хи в Пхеньяне."


def page(meta: str, body: str) -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_meta_declares_gb2312_but_bytes_are_utf8() -> None:
    data = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', CHINESE)
    text, codec = decode(data.encode("utf-8"))
    assert CHINESE in text and codec == "utf-8"


def test_script_charset_is_not_a_declaration_and_gb2312_is_read_as_gb18030() -> None:
    meta = (
        '<script src="/static/wb.js" charset="utf-8"></script>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    text, codec = decode(page(meta, CHINESE).encode("gb18030"))
    assert CHINESE in text and codec == "gb18030"


def test_http_header_beats_document_declaration_when_both_decode() -> None:
    data = page('<meta charset="koi8-r">', RUSSIAN).encode("windows-1251")
    text, codec = decode(data, {"content-type": "text/html; charset=windows-1251"})
    assert RUSSIAN in text and codec == "cp1251"


def test_wrong_utf8_declaration_falls_back_to_detection() -> None:
    data = page('<meta charset="utf-8">', RUSSIAN * 3).encode("koi8-r")
    text, _ = decode(data)
    assert RUSSIAN in text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
    ],
)
def test_bom_wins_over_declarations(bom: bytes, codec: str) -> None:
    data = bom + page('<meta charset="windows-1251">', RUSSIAN).encode(codec)
    text, used = decode(data, {"Content-Type": "text/html; charset=iso-8859-1"})
    assert RUSSIAN in text and used == codec and not text.startswith("\ufeff")


def test_unknown_labels_are_ignored() -> None:
    data = b'<?xml version="1.0" encoding="bogus"?><rss/>'
    assert declared_charsets(data, {"Content-Type": "text/xml; charset=x-nonsense"}) == []
    assert decode(data)[0].endswith("<rss/>")


def test_pure_garbage_still_decodes() -> None:
    text, _ = decode(bytes(range(256)) * 4)
    assert isinstance(text, str) and text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RUSSIAN, "windows-1251"),
        ("김정은 국무위원장, 러시아 방문. 평양에서 회담이 열렸다.", "euc-kr"),
    ],
)
def test_latin_declaration_over_non_latin_bytes_is_overridden(text: str, codec: str) -> None:
    data = page("", text).encode(codec)
    decoded, _ = decode(data, {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert text in decoded


def test_genuine_latin1_declaration_is_kept() -> None:
    french = "Kim Jong Un reçu à Moscou : « coopération stratégique » renforcée."
    decoded, codec = decode(
        page("", french).encode("latin-1"), {"Content-Type": "text/html; charset=ISO-8859-1"}
    )
    assert french in decoded and codec == "cp1252"
