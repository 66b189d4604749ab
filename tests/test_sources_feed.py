"""parse_feed: RSS/Atom/JSON Feed, keys, bodies, dates, links, charsets, broken input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.sources.feed import parse_feed

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
KCNA_URL = "https://kcnawatch.test/feed/rss"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def rss(items: str, *, decl: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{decl}<rss version="2.0"><channel><title>c</title>{items}</channel></rss>'


def test_kcna_watch_rss_items_exactly() -> None:
    parsed = parse_feed(fixture("kcnawatch_rss.xml"), url=KCNA_URL, source="kcna")
    assert parsed.problem is None
    first, second, third = parsed.items
    assert first.source == "kcna"
    assert first.key == "kcna-2025-06-20-0001"  # guid wins over link
    assert first.title == "Kim Jong Un Inspects Construction Site of Regional Hospital"
    assert first.link == "https://kcnawatch.test/newstream/1750400000-123456/kim-jong-un-inspects/"
    assert first.published == datetime(2025, 6, 19, 21, 30, tzinfo=UTC)
    # content:encoded is longer than description: it wins; markup and script are gone.
    assert first.body == (
        "Pyongyang, June 20 (KCNA) -- Kim Jong Un, general secretary of the Workers' Party of "
        "Korea, inspected the construction site of a regional hospital. He was accompanied by "
        "Choe Son Hui."
    )
    # No guid: the link (resolved against the feed URL) is the key.
    expected_link = "https://kcnawatch.test/newstream/1750300000-654321/choe-son-hui-meets/"
    assert second.key == second.link == expected_link
    assert "<b>" not in second.body and "the ambassador of Russia" in second.body
    # Neither guid nor link: a hash of title and date, stable across parses.
    assert third.link is None and len(third.key) == 40
    again = parse_feed(fixture("kcnawatch_rss.xml"), url=KCNA_URL, source="kcna")
    assert again.items[2].key == third.key


def test_atom_with_xml_base_and_html_title() -> None:
    parsed = parse_feed(fixture("tass_atom.xml"), url="https://tass.test/rss/atom", source="tass")
    first, second = parsed.items
    assert first.title == "Putin, Kim discuss comprehensive strategic partnership"
    assert first.link == "https://tass.test/en/world/1938271"
    assert first.published == datetime(2025, 6, 20, 8, 45, tzinfo=UTC)
    assert first.body.startswith("MOSCOW, June 20. /TASS/.")
    assert second.link == "https://tass.test/ru/politika/1938200"  # entry-level xml:base
    assert second.published == datetime(2025, 6, 19, 9, 0, tzinfo=UTC)
    assert second.title == "Шойгу прибыл в Пхеньян"


def test_rss_090_and_rdf() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://naenara.test/"><title>Naenara</title></channel>
<item rdf:about="http://naenara.test/a/1"><title>One</title><link>http://naenara.test/a/1</link></item>
<item rdf:about="http://naenara.test/a/2"><title>Two</title><link>http://naenara.test/a/2</link></item>
</rdf:RDF>"""
    parsed = parse_feed(rdf, url="http://naenara.test/rss", source="n")
    assert [i.title for i in parsed.items] == ["One", "Two"]
    assert parsed.problem is None


def test_json_feed_by_content_type_and_by_brace() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "NK wire",
        "items": [
            {
                "id": "wire-1",
                "url": "/2025/06/20/kim",
                "title": "Kim Jong Un visits Russia",
                "content_html": "<p>Kim Jong Un <em>arrived</em> in Vladivostok.</p>",
                "summary": "Kim arrived.",
                "date_published": "2025-06-20T10:00:00+09:00",
            },
            {"url": "https://wire.test/2", "title": 7, "content_text": "plain"},
            {"title": "no id, no url", "date_published": "not a date"},
            "not an object",
        ],
    }
    body = json.dumps(doc).encode()
    for headers in ({"Content-Type": "application/feed+json"}, None):
        parsed = parse_feed(
            b"  " + body, url="https://wire.test/feed.json", source="w", headers=headers
        )
        first, second, third = parsed.items
        assert (first.key, first.link) == ("wire-1", "https://wire.test/2025/06/20/kim")
        assert first.body == "Kim Jong Un arrived in Vladivostok."
        assert first.published == datetime(2025, 6, 20, 1, 0, tzinfo=UTC)
        assert (second.key, second.title, second.body) == ("https://wire.test/2", "7", "plain")
        assert third.published is None and len(third.key) == 40
        assert parsed.problem_kind == "parse"  # the string entry


def test_invalid_json_is_a_problem_not_an_exception() -> None:
    parsed = parse_feed(b'{"items": [', url="https://x.test/f.json", source="x")
    assert parsed.items == [] and parsed.problem_kind == "parse"
    assert parsed.problem is not None and parsed.problem.startswith("ill-formed feed")


JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "NK wire \u2014 \"quoted\" [brackets] {braces}",
    "items": [
        {"id": f"w{n}", "url": f"/news/{n}", "title": f"Item {n}, [with] {{braces}}",
         "content_text": f"Body {n} says \"]}}\" and goes on.", "tags": ["a", {"b": [n]}]}
        for n in range(1, 5)
    ],
}, indent=1)


def test_truncated_json_feed_keeps_the_complete_items_before_the_cut() -> None:
    cut = JSON_FEED.index('"id": "w3"') + 8  # a download cut off inside the third item
    parsed = parse_feed(JSON_FEED[:cut].encode(), url="https://wire.test/feed.json", source="w",
                        headers={"Content-Type": "application/feed+json"})
    assert [(i.key, i.link, i.title) for i in parsed.items] == [
        ("w1", "https://wire.test/news/1", "Item 1, [with] {braces}"),
        ("w2", "https://wire.test/news/2", "Item 2, [with] {braces}"),
    ]
    assert parsed.problem_kind == "parse"
    assert parsed.problem is not None and parsed.problem.startswith("ill-formed feed: invalid JSON (")
    assert "read the 2 complete items before it" in parsed.problem


def test_json_feed_cut_anywhere_yields_exactly_the_items_complete_before_the_cut() -> None:
    full = [i.key for i in parse_feed(JSON_FEED.encode(), url="https://wire.test/", source="w").items]
    assert full == ["w1", "w2", "w3", "w4"]
    # where each item's object closes: an item counts once its closing brace is in
    ends = [JSON_FEED.index("\n  }", JSON_FEED.index(f'"id": "{key}"')) + 4 for key in full]
    for length in range(len(JSON_FEED)):
        parsed = parse_feed(JSON_FEED[:length].encode(), url="https://wire.test/", source="w")
        expected = full[:sum(end <= length for end in ends)]
        assert [i.key for i in parsed.items] == expected, (length, JSON_FEED[:length][-30:])
        assert parsed.problem is not None and parsed.problem_kind == "parse", length


@pytest.mark.parametrize(
    ("codec", "decl", "headers"),
    [
        ("koi8-r", "", None),  # no declaration at all
        ("windows-1251", '<?xml version="1.0" encoding="windows-1251"?>', None),
        ("windows-1251", '<?xml version="1.0" encoding="utf-8"?>', None),  # lying declaration
        ("windows-1251", "", {"Content-Type": "text/xml; charset=utf-8"}),  # lying header
        ("koi8-r", "", {"Content-Type": "application/rss+xml; charset=koi8-r"}),
        ("utf-16", '<?xml version="1.0" encoding="utf-16"?>', None),  # with BOM
    ],
)
def test_russian_feed_charsets(codec: str, decl: str, headers: dict[str, str] | None) -> None:
    title = "Шойгу встретился с Ким Чен Ыном в Пхеньяне"
    body = "Министр обороны России Сергей Шойгу прибыл в Пхеньян с официальным визитом. " * 3
    doc = rss(f"<item><title>{title}</title><description>{body}</description></item>", decl=decl)
    parsed = parse_feed(doc.encode(codec), url="https://tass.test/rss", source="t", headers=headers)
    assert [i.title for i in parsed.items] == [title]


@pytest.mark.parametrize(
    ("codec", "title"),
    [
        ("euc-kr", "김정은 국무위원장, 러시아 방문"),
        ("gb2312", "朝鲜最高领导人金正恩会见俄罗斯国防部长"),
        ("latin-1", "Kim Jong Un reçu à Moscou : « coopération stratégique »"),
    ],
)
def test_other_charsets_with_and_without_declaration(codec: str, title: str) -> None:
    item = f"<item><title>{title}</title><description>{title} {title}</description></item>"
    declared = rss(item, decl=f'<?xml version="1.0" encoding="{codec}"?>').encode(codec)
    undeclared = rss(item, decl="").encode(codec)
    for data in (declared, undeclared):
        parsed = parse_feed(data, url="https://x.test/rss", source="x")
        assert [i.title for i in parsed.items] == [title], data[:60]


def test_utf8_with_bom_and_utf16le_with_bom() -> None:
    doc = rss("<item><title>Ким Чен Ын</title></item>")
    for data in (b"\xef\xbb\xbf" + doc.encode(), b"\xff\xfe" + doc.encode("utf-16-le")):
        assert [i.title for i in parse_feed(data, url="https://x.test/", source="x").items] == [
            "Ким Чен Ын"
        ]


def test_invalid_utf8_is_decoded_not_raised() -> None:
    doc = rss("<item><title>Broken \xff\xfe bytes \x80</title></item>").encode("latin-1")
    doc = doc.replace(b"Broken", b"Broken \xc3\x28")  # an invalid UTF-8 sequence too
    parsed = parse_feed(doc, url="https://x.test/", source="x")
    assert len(parsed.items) == 1 and parsed.items[0].title.startswith("Broken")


def test_truncated_feed_yields_readable_items_and_problem() -> None:
    full = rss(
        "<item><title>First</title><link>http://x.test/1</link></item>"
        "<item><title>Second</title><link>http://x.test/2</link></item>"
        "<item><title>Thi"
    )
    parsed = parse_feed(full.encode()[: full.index("</channel>")], url="http://x.test/", source="x")
    assert [i.title for i in parsed.items][:2] == ["First", "Second"]
    assert parsed.problem_kind == "parse"
    assert parsed.problem is not None and parsed.problem.startswith("ill-formed feed: ")


def test_html_page_where_feed_expected() -> None:
    page = b"<!DOCTYPE html><html><head><title>KCNA</title></head><body><p>Hi</p></body></html>"
    parsed = parse_feed(
        page, url="http://kcna.test/", source="k", headers={"Content-Type": "text/html"}
    )
    assert parsed.items == []
    assert parsed.problem_kind == "parse" and parsed.problem == "not a feed: an HTML page"


@pytest.mark.parametrize(
    "garbage", [b"", b"   ", b"\x00\x01\x02\xff" * 100, b"/etc/passwd", b"hello world", b"<"]
)
def test_garbage_never_raises(garbage: bytes) -> None:
    parsed = parse_feed(garbage, url="http://x.test/", source="x")
    assert parsed.items == [] and parsed.problem_kind == "parse" and parsed.problem


def test_billion_laughs_is_defused() -> None:
    lol = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    lol += [f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(lol) + "]>"
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>Real &lol9; item</title><description>&lol9;</description></item>"
        "</channel></rss>"
    )
    parsed = parse_feed(bomb.encode(), url="http://x.test/", source="x")
    assert len(parsed.items) == 1
    assert len(parsed.items[0].title) < 100 and len(parsed.items[0].body) < 100


def test_quadratic_blowup_is_defused() -> None:
    big = "A" * 50_000
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]>'
        '<rss version="2.0"><channel><item><title>t</title><description>'
        + "&a;" * 50_000
        + "</description></item></channel></rss>"
    )
    parsed = parse_feed(doc.encode(), url="http://x.test/", source="x")
    assert len(parsed.items) <= 1
    assert all(len(i.body) < 1_000_000 for i in parsed.items)


def test_relative_links_resolve_against_feed_url() -> None:
    doc = rss("<item><title>t</title><link>../news/1.html</link></item>")
    parsed = parse_feed(doc.encode(), url="http://yonhap.test/rss/nk/feed.xml", source="y")
    assert parsed.items[0].link == "http://yonhap.test/rss/news/1.html"


def test_double_escaped_markup_in_cdata_is_stripped() -> None:
    doc = rss(
        "<item><title>t</title><description><![CDATA[&lt;p&gt;Hello &amp;amp; bye&lt;/p&gt;]]>"
        "</description></item>"
    )
    parsed = parse_feed(doc.encode(), url="http://x.test/", source="x")
    assert parsed.items[0].body == "Hello & bye"
