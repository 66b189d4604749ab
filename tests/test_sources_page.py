"""parse_listing and extract_article on state-media-shaped listing pages and articles,
served from the loopback server so links are followed as the pipeline would."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import UTC, datetime
from pathlib import Path

from monitor.fetch import Fetcher, FetchSettings
from monitor.sources.article import extract_article
from monitor.sources.page import LinkPattern, PageSpec, parse_listing
from tests.support.http_server import FixtureServer, Reply

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
FAST = FetchSettings(per_host_delay=0.0, total_timeout=5.0)

RODONG = PageSpec(
    item="div.ListNewsLineContainer",
    title=".ListNewsLineTitleW a",
    date=".ListNewsLineDate",
    timezone="Asia/Pyongyang",
    link_pattern=LinkPattern(match=r"article_open\('([^']+)'\)", url="{1}"),
)
NAENARA = PageSpec(
    item="ul.news li",
    title=".tit",
    date=".date",
    teaser=".summary",
    timezone="Asia/Pyongyang",
    link_pattern=LinkPattern(match=r"news_view\('(\d+)'\)", url="view.php?no={1}"),
)
TASS = PageSpec(
    item="article.card",
    title=".card__title",
    date=".card__date",
    teaser=".card__lead",
    timezone="Europe/Moscow",
)
YONHAP = PageSpec(
    item="ul.list li",
    title=".tit-news",
    link="a.tit-wrap",
    date=".txt-time",
    teaser=".lead",
    timezone="Asia/Seoul",
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def serve(server: FixtureServer, path: str, name: str, content_type: str = "text/html") -> str:
    server.routes[path] = Reply(200, fixture(name), {"Content-Type": content_type})
    return server.url(path)


async def get(url: str) -> tuple[bytes, dict[str, str]]:
    async with Fetcher(FAST) as fetcher:
        resp = await fetcher.get(url)
    return resp.content, dict(resp.headers)


def test_rodong_listing_javascript_links_and_dates(http_server: FixtureServer) -> None:
    url = serve(http_server, "/en/index.php", "rodong_listing.html")
    body, headers = asyncio.run(get(url))
    parsed = parse_listing(body, url=url, source="rodong", spec=RODONG, headers=headers)
    assert parsed.problem is None
    assert [(i.title, i.link, i.published) for i in parsed.items] == [
        (
            "Respected Comrade Kim Jong Un Inspects Regional Hospital Construction",
            http_server.url("/en/index.php?strPageID=SF01_02_01&newsID=2025-06-20-0003"),
            datetime(2025, 6, 19, 15, 0, tzinfo=UTC),  # midnight in Pyongyang
        ),
        (
            "Talks between DPRK and Russian Foreign Ministers Held",
            http_server.url("/en/index.php?strPageID=SF01_02_01&newsID=2025-06-20-0001"),
            datetime(2025, 6, 19, 15, 0, tzinfo=UTC),
        ),
        (
            "People's Army Day Celebrated",
            http_server.url("/en/index.php?strPageID=SF01_02_01&newsID=2025-06-19-0007"),
            datetime(2025, 6, 18, 15, 0, tzinfo=UTC),
        ),
    ]
    assert all(i.teaser_only and i.key == i.link and i.source == "rodong" for i in parsed.items)

    # The article behind the first link, fetched and extracted as the pipeline would.
    http_server.routes["/en/index.php"] = lambda h: Reply(
        200,
        fixture("site/rodong_article_2025-06-20-0003.html")
        if "newsID=2025-06-20-0003" in h.path
        else fixture("rodong_listing.html"),
        {"Content-Type": "text/html; charset=utf-8"},
    )
    link = parsed.items[0].link
    assert link is not None
    article, headers = asyncio.run(get(link))
    text = extract_article(article, url=link, headers=headers)
    assert "inspected the construction site of a regional hospital" in text
    assert "Jo Yong Won and Choe Son Hui" in text


def test_naenara_base_href_juche_dates_and_teasers(http_server: FixtureServer) -> None:
    url = serve(http_server, "/en/index.html", "naenara_listing.html")
    parsed = parse_listing(fixture("naenara_listing.html"), url=url, source="n", spec=NAENARA)
    items = parsed.items
    assert [i.link for i in items] == [
        "http://naenara.test/en/news/view.php?no=1742",  # <base href> wins over the page URL
        "http://naenara.test/en/news/view.php?no=1741",
        "http://naenara.test/en/news/archive/1740.html",  # plain relative href, no pattern match
        None,  # no link at all
    ]
    assert [i.published for i in items] == [
        datetime(2025, 6, 19, 15, 0, tzinfo=UTC),
        datetime(2025, 6, 18, 15, 0, tzinfo=UTC),  # 'Juche 114.6.19': 114 + 1911 = 2025
        datetime(2025, 6, 17, 15, 0, tzinfo=UTC),
        datetime(2025, 6, 17, 15, 0, tzinfo=UTC),
    ]
    assert items[0].body == (
        "Kim Jong Un, General Secretary of the Workers' Party of Korea, received a delegation."
    )
    assert items[3].title == "Notice without a link" and len(items[3].key) == 40


def test_naenara_article_behind_the_listing(http_server: FixtureServer) -> None:
    serve(http_server, "/en/news/view.php", "site/naenara_view_1742.html")
    listing = fixture("naenara_listing.html").replace(
        b"http://naenara.test/en/news/", http_server.url("/en/news/").encode()
    )
    parsed = parse_listing(listing, url=http_server.url("/"), source="n", spec=NAENARA)
    link = parsed.items[0].link
    assert link == http_server.url("/en/news/view.php?no=1742")
    body, headers = asyncio.run(get(link))
    text = extract_article(body, url=link, headers=headers)
    assert "received a delegation of the Russian Federation headed by Sergei Shoigu" in text
    assert "Home" not in text.split("\n")[0]


def test_tass_windows_1251_listing_relative_links_and_article(http_server: FixtureServer) -> None:
    url = serve(http_server, "/mezhdunarodnaya-panorama", "tass_ru_listing.html")
    serve(http_server, "/mezhdunarodnaya-panorama/23154801", "site/tass_23154801.html")
    body, headers = asyncio.run(get(url))
    parsed = parse_listing(body, url=url, source="tass", spec=TASS, headers=headers)
    first, second = parsed.items
    assert first.title == "Шойгу прибыл в Пхеньян для переговоров с Ким Чен Ыном"
    assert first.link == http_server.url("/mezhdunarodnaya-panorama/23154801")
    assert first.published == datetime(2025, 6, 20, 11, 30, tzinfo=UTC)  # 14:30 Moscow
    assert first.body == "Секретарь Совбеза России Сергей Шойгу прибыл в Пхеньян."
    assert second.link == "https://tass.test/politika/23154777?utm_source=list"
    assert second.published == datetime(2025, 6, 20, 6, 5, tzinfo=UTC)
    assert first.link is not None
    article, headers = asyncio.run(get(first.link))
    text = extract_article(article, url=first.link, headers=headers)
    assert "Сергей Шойгу прибыл в Пхеньян, где проведет переговоры" in text


def test_yonhap_explicit_link_selector() -> None:
    url = "https://en.yna.test/nk/index"
    parsed = parse_listing(fixture("yonhap_listing.html"), url=url, source="y", spec=YONHAP)
    assert [(i.title, i.link, i.published) for i in parsed.items] == [
        (
            "N. Korea's Kim vows to bolster nuclear deterrent",
            "https://en.yna.test/view/AEN20250620001234315",
            datetime(2025, 6, 20, 5, 30, tzinfo=UTC),
        ),
        (
            "Unification ministry says N. Korea's Choe Son-hui to visit Moscow",
            "https://en.yna.test/view/AEN20250620000900315",
            datetime(2025, 6, 20, 0, 0, tzinfo=UTC),
        ),
    ]


def test_keys_stable_across_reorder_and_changed_teasers() -> None:
    page = fixture("yonhap_listing.html").decode()
    first, second = re.findall(r"<li>.*?</li>", page, re.DOTALL)
    reordered = page.replace(first, "@@").replace(second, first).replace("@@", second)
    edited = reordered.replace("has vowed to...", "vowed on Friday to strengthen...")
    url = "https://en.yna.test/nk/index"
    keys = {
        i.title: i.key for i in parse_listing(page.encode(), url=url, source="y", spec=YONHAP).items
    }
    after = parse_listing(edited.encode(), url=url, source="y", spec=YONHAP).items
    assert after[0].title.startswith("Unification")
    assert {i.title: i.key for i in after} == keys


def test_selector_matching_nothing() -> None:
    spec = PageSpec(item="ul.news li", title="a")
    parsed = parse_listing(
        fixture("yonhap_listing.html"), url="http://y.test/", source="y", spec=spec
    )
    assert parsed.items == []
    assert parsed.problem == "selector 'ul.news li' matched nothing"
    assert parsed.problem_kind == "selector"


def test_invalid_selector_and_pattern_are_problems_not_exceptions() -> None:
    for spec in (
        PageSpec(item="ul[[[", title="a"),
        PageSpec(item="li", title="a", link_pattern=LinkPattern(match="(", url="{1}")),
    ):
        parsed = parse_listing(
            fixture("naenara_listing.html"), url="http://n.test/", source="n", spec=spec
        )
        assert parsed.items == [] and parsed.problem_kind == "selector"


def test_title_selector_matching_nothing_within_items() -> None:
    spec = PageSpec(item="ul.list li", title=".no-such-title")
    parsed = parse_listing(
        fixture("yonhap_listing.html"), url="http://y.test/", source="y", spec=spec
    )
    assert parsed.items == [] and parsed.problem_kind == "selector"


def test_duplicate_links_collapse_to_one_item() -> None:
    page = (
        b"<ul>"
        + b'<li><a href="/a/1">Same story</a></li>' * 3
        + b'<li><a href="/a/2">Other</a></li></ul>'
    )
    parsed = parse_listing(
        page, url="http://x.test/", source="x", spec=PageSpec(item="li", title="a")
    )
    assert [i.link for i in parsed.items] == ["http://x.test/a/1", "http://x.test/a/2"]


def test_empty_and_garbage_pages() -> None:
    spec = PageSpec(item="li", title="a")
    for data in (b"", b"\x00\xff" * 1000, b"not html at all"):
        parsed = parse_listing(data, url="http://x.test/", source="x", spec=spec)
        assert parsed.items == [] and parsed.problem is not None


def test_hostile_html_huge_deep_and_scripted() -> None:
    deep = b"<div>" * 200_000 + b"<li><a href='/x'>deep</a></li>" + b"</div>" * 200_000
    many = b"<ul>" + b"<li><a href='/a'>t</a><script>while(1){}</script></li>" * 100_000 + b"</ul>"
    unclosed = b"<li><a href='/u'>" + b"<b><i><span>" * 50_000 + b"text"
    spec = PageSpec(item="li", title="a")
    started = time.process_time()
    for page in (deep, many, unclosed):
        parsed = parse_listing(page, url="http://x.test/", source="x", spec=spec)
        assert len(parsed.items) <= 1000
        assert all(len(i.title) < 10_000 for i in parsed.items)
    # Not a timing assertion on the code under test's speed, a guard against hangs.
    assert time.process_time() - started < 60


def test_article_fallback_when_trafilatura_finds_nothing() -> None:
    page = (
        b"<html><body><table><tr><td>"
        b"Pyongyang, June 20 -- The plenary meeting discussed the economy in detail, "
        b"and decisions were adopted unanimously by all members present."
        b"</td></tr></table></body></html>"
    )
    text = extract_article(page, url="http://x.test/a")
    assert "plenary meeting discussed the economy" in text


def test_article_of_nothing_is_empty() -> None:
    assert extract_article(b"", url="http://x.test/") == ""
    assert (
        extract_article(b"<html><body><script>go()</script></body></html>", url="http://x.test/")
        == ""
    )
