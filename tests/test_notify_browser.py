"""A realistic digest rendered by headless Chromium: it draws, highlights show,
and nothing overflows sideways, even with a 10 KB run-on word in a title.

CI installs the browser with: apt-get install -y chromium
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.model import DigestEntry, Item, Match, StoredItem
from monitor.notify.render import render_digest
from monitor.notify.sample import sample_view

NOW = datetime(2024, 11, 10, 7, tzinfo=UTC)
MARK = (0xFF, 0xE0, 0x66)  # the <mark> background in digest.html.j2
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("chromium is not installed; install it with: apt-get install -y chromium")
    return path


def digest_html() -> str:
    hostile = "<b>{{ x }}</b>\r\n" + "Z" * 10_000
    body = "Kim Jong Un " + "Q" * 10_000
    item = Item("KCNA", "h", hostile, "https://news.example/h", body, NOW - timedelta(minutes=1))
    match = Match("Leadership", "w", "kju", "Kim Jong Un", "body", 0, 11, "Kim Jong Un", 1.0)
    view = sample_view(NOW)
    view = replace(view, entries=[*view.entries, DigestEntry(StoredItem(99, item, NOW), (match,))])
    return render_digest(view).html


def run(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    cmd = [chromium(), *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done


@pytest.mark.parametrize("width", [800, 380], ids=["desktop", "phone"])
def test_digest_renders_without_horizontal_overflow(tmp_path: Path, width: int) -> None:
    page = tmp_path / "digest.html"
    probe = (
        "<script>document.body.setAttribute('data-probe', "
        "document.documentElement.scrollWidth + 'x' + window.innerWidth)</script>"
    )  # added to a copy for the test only; the mail itself has no scripts
    page.write_text(digest_html().replace("</body>", probe + "</body>"), encoding="utf-8")
    done = run([f"--window-size={width},2000", "--dump-dom", page.as_uri()], tmp_path)
    found = re.search(r'data-probe="(\d+)x(\d+)"', done.stdout)
    assert found, f"probe missing from the DOM: {done.stdout[:500]}"
    scroll, inner = int(found.group(1)), int(found.group(2))
    assert scroll <= inner, f"page is {scroll}px wide in a {inner}px window"


def test_screenshot_shows_the_digest_with_highlights(tmp_path: Path) -> None:
    page, shot = tmp_path / "digest.html", tmp_path / "digest.png"
    page.write_text(digest_html(), encoding="utf-8")
    run([f"--screenshot={shot}", "--window-size=800,2000", page.as_uri()], tmp_path)
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (800, 2000)
    colours = set(pixels)
    assert len(colours) > 50, "screenshot looks blank"
    marks = sum(1 for p in pixels if all(abs(a - b) <= 3 for a, b in zip(p, MARK, strict=True)))
    assert marks > 500, f"only {marks} highlight pixels"
    right_margin = [pixels[y * width + x] for y in range(0, height, 7) for x in range(760, 800)]
    assert len(set(right_margin)) <= 3, "content reaches the right edge: something overflows"


def read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) to RGB pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw, stride = zlib.decompress(idat), width * channels
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        rows.append(prev := _unfilter(line[0], bytearray(line[1:]), prev, channels))
    return (
        width,
        height,
        [(row[i], row[i + 1], row[i + 2]) for row in rows for i in range(0, stride, channels)],
    )


def _unfilter(kind: int, cur: bytearray, prev: bytearray, bpp: int) -> bytearray:
    for i in range(len(cur)):
        left = cur[i - bpp] if i >= bpp else 0
        up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            cur[i] = (cur[i] + left) & 0xFF
        elif kind == 2:
            cur[i] = (cur[i] + up) & 0xFF
        elif kind == 3:
            cur[i] = (cur[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            cur[i] = (cur[i] + pred) & 0xFF
    return cur
