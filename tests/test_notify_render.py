"""Rendering: subject, grouping, cap, snippets, hostile feed text, template overrides."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from monitor.model import DigestEntry, Item, Match, SourceHealthNote, StoredItem
from monitor.notify.render import DigestView, RenderedDigest, context_snippet, render_digest
from monitor.notify.sample import sample_view

NOW = datetime(2024, 11, 10, 7, tzinfo=UTC)
RUN_ON = "A" * 10_000
HOSTILE_TITLE = (
    '<script>alert(1)</script><img src="https://evil.example/x.png" onerror=alert(2)>'
    "{{ 7*7 }} {% raw %}\r\nBcc: victim@example.org\r\n" + RUN_ON
)


def entry(
    row: int,
    title: str,
    body: str = "",
    *,
    rule: str = "Leadership",
    minutes: int = 0,
    link: str | None = "https://news.example/a",
    source: str = "KCNA",
) -> DigestEntry:
    published = NOW - timedelta(minutes=minutes)
    item = Item(source, f"k{row}", title, link, body, published)
    text = body or title
    field = "body" if body else "title"
    at = text.find("Kim")
    start, end = (at, at + 11) if at >= 0 else (0, min(5, len(text)))
    match = Match(
        rule, "w", "kju", "Kim Jong Un", field, start, end, text[start:end], 0.93, "alias"
    )
    return DigestEntry(StoredItem(row, item, published), (match,))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def render(
    *entries: DigestEntry,
    health: list[SourceHealthNote] | None = None,
    template_dir: Path | None = None,
) -> RenderedDigest:
    view = DigestView("daily", NOW, "Asia/Seoul", list(entries), health or [])
    return render_digest(view, template_dir=template_dir)


SNIPPETS = [
    ("whole-short-field", "Kim Jong Un met Putin.", 0, 11, 120, ("", "Kim Jong Un", " met Putin.")),
    (
        "cut-at-words",
        "alpha beta gamma Kim Jong Un delta epsilon zeta",
        17,
        28,
        8,
        ("…gamma ", "Kim Jong Un", " delta…"),
    ),
    (
        "newlines-collapsed",
        "one\r\ntwo  Kim\nJong Un\tthree\nfour",
        10,
        21,
        120,
        ("one two ", "Kim Jong Un", " three four"),
    ),
    (
        "run-on-word-kept",
        "x" * 50 + "Kim" + "y" * 50,
        50,
        53,
        10,
        ("…" + "x" * 10, "Kim", "y" * 10 + "…"),
    ),
    ("offsets-clamped", "short", 3, 99, 120, ("sho", "rt", "")),
]


@pytest.mark.parametrize(
    ("text", "start", "end", "radius", "want"),
    [c[1:] for c in SNIPPETS],
    ids=[c[0] for c in SNIPPETS],
)
def test_context_snippet(
    text: str, start: int, end: int, radius: int, want: tuple[str, str, str]
) -> None:
    assert context_snippet(text, start, end, radius=radius) == want


def test_subject_says_what_is_inside() -> None:
    rendered = render_digest(sample_view(NOW))
    assert rendered.subject == (
        "[monitor] daily: 27 items — Leadership (13), DPRK–Russia (4), Trade and transport (4), "
        "+2 more rules"
    )


@pytest.mark.parametrize(
    ("entries", "health", "subject"),
    [
        ([], [], "[monitor] daily: no new items"),
        (
            [],
            [SourceHealthNote("KCNA", "HTTP 503")],
            "[monitor] daily: no new items — 1 source health note",
        ),
        ([entry(1, "Kim Jong Un visits")], [], "[monitor] daily: 1 item — Leadership (1)"),
    ],
    ids=["empty", "only-health", "one"],
)
def test_subject_edge_cases(
    entries: list[DigestEntry], health: list[SourceHealthNote], subject: str
) -> None:
    assert render(*entries, health=health).subject == subject


def test_items_grouped_by_rule_newest_first_with_duplicates_folded() -> None:
    rendered = render_digest(sample_view(NOW))
    text = rendered.text
    sections = re.findall(r"^== (.+) \(\d+\) ==$", text, re.M)
    assert (
        sections
        == [
            "Leadership",
            "DPRK–Russia",
            "Trade and transport",
            "Missiles",
            "Treaties",
            "Source health",
        ][: len(sections)]
    )
    leadership = text.split("== Leadership (13) ==")[1].split("\n== ")[0]
    times = re.findall(r"^  \S.* · (\d{4}-\d\d-\d\d \d\d:\d\d) KST", leadership, re.M)
    assert times == sorted(times, reverse=True) and len(times) == 13
    assert "Also in:" in text and "- Yonhap (" in text
    assert text.count("Respected Comrade Kim Jong Un Inspects Munitions Factory") == 1
    assert (
        "N. Korean leader inspects munitions factory" not in text
    )  # folded: only its outlet shows


def test_cap_shows_and_n_more_per_rule_and_keeps_every_rule_visible() -> None:
    rendered = render_digest(sample_view(NOW, max_items=10))
    assert (
        "And 17 more not shown: Leadership (11), DPRK–Russia (2), Trade and transport (2), "
        "Missiles (1), Treaties (1)." in rendered.text
    )
    shown = re.findall(r"^\* ", rendered.text, re.M)
    assert len(shown) == 10
    assert rendered.html.count('class="story"') == 10
    assert len(re.findall(r"<mark", rendered.html)) >= 10  # every item has its highlight
    assert "And 17 more not shown" in rendered.html


def test_hostile_title_renders_escaped_and_harmless() -> None:
    body = "Report: Kim Jong Un said {{ config }} <b>bold</b> " + RUN_ON
    rendered = render(entry(1, HOSTILE_TITLE, body, link="javascript:alert(3)"))
    html = rendered.html
    assert "<script" not in html.lower() and "onerror" not in html.replace("onerror=alert", "")
    assert not any(tag in ("script", "img", "iframe", "object") for tag, _ in tags(html))
    assert not any(
        v and v.lower().startswith("javascript") for _, a in tags(html) for v in a.values()
    )
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html and "49" not in html
    assert "\r" not in rendered.subject + rendered.text and "Bcc: victim" in rendered.text
    assert "\nBcc:" not in rendered.text
    longest = max(len(w) for w in re.split(r"<wbr>|[\s<>]", html))
    assert longest < 100, "a long run-on word must have break opportunities"
    assert max(len(line) for line in rendered.text.splitlines()) <= 80


def test_html_is_mail_safe() -> None:
    html = render_digest(sample_view(NOW)).html
    found = tags(html)
    assert not [t for t, _ in found if t in ("script", "img", "link", "iframe", "form")]
    assert "<style" not in html  # inlined
    assert "max-width: 680px" in html
    hrefs = [a["href"] for t, a in found if t == "a"]
    assert hrefs and all(h and h.startswith("https://") for h in hrefs)
    assert 'style="background: #ffe066' in html


def test_health_section_and_plain_text_has_the_same_content() -> None:
    rendered = render_digest(sample_view(NOW))
    for needle in [
        "Source health",
        "Rodong Sinmun",
        "HTTP 503 on the last 5 polls",
        "Kim Jong Un · exact · 1.00",
        "teaser only",
    ]:
        assert needle in rendered.text
        assert needle.replace("·", "·") in rendered.html
    assert "[[Sergei Lavrov]]" in rendered.text


def test_template_dir_overrides_one_file(tmp_path: Path) -> None:
    (tmp_path / "digest.html.j2").write_text(
        "<p>{{ m.subject }}</p>{% for s in m.sections %}<h2>{{ s.rule }}</h2>{% endfor %}"
    )
    rendered = render_digest(sample_view(NOW), template_dir=tmp_path)
    assert rendered.html.startswith("<html><head></head><body><p>[monitor] daily: 27 items")
    assert "== Leadership (13) ==" in rendered.text  # bundled text template still used


def test_override_templates_are_autoescaped_too(tmp_path: Path) -> None:
    (tmp_path / "digest.html.j2").write_text(
        "{% for s in m.sections %}{% for st in s.stories %}"
        "<p>{{ st.link.title }}</p>{% endfor %}{% endfor %}"
    )
    html = render(entry(1, HOSTILE_TITLE), template_dir=tmp_path).html
    assert "<script>" not in html and "&lt;script&gt;" in html
