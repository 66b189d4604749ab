"""Text helpers for the digest: a match in its context, safe one-line strings."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"


def context_snippet(text: str, start: int, end: int, *, radius: int = 120) -> tuple[str, str, str]:
    """Return (before, match, after): up to ``radius`` chars either side of
    ``text[start:end]``, cut at word boundaries, whitespace collapsed, with "…"
    where the field goes on. Out-of-range offsets are clamped, not trusted."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    before, after = text[lo:start], text[end:hi]
    if lo > 0:
        before = _drop_partial_word(before, leading=True)
    if hi < len(text):
        after = _drop_partial_word(after, leading=False)
    before = ("" if lo == 0 else ELLIPSIS) + _squash(before, strip_right=False)
    after = _squash(after, strip_left=False) + ("" if hi == len(text) else ELLIPSIS)
    return before, one_line(text[start:end]), after


def one_line(text: str) -> str:
    """Collapse every run of whitespace (CR/LF included) to one space."""
    return _SPACE.sub(" ", text).strip()


def _squash(text: str, *, strip_left: bool = True, strip_right: bool = True) -> str:
    text = _SPACE.sub(" ", text)
    if strip_left:
        text = text.lstrip()
    if strip_right:
        text = text.rstrip()
    return text


def _drop_partial_word(text: str, *, leading: bool) -> str:
    """Cut the word the window sliced through; keep it when the window is one
    long run-on word (better a piece of it than nothing)."""
    if leading:
        cut = _SPACE.search(text)
        return text[cut.end() :] if cut else text
    cuts = list(_SPACE.finditer(text))
    return text[: cuts[-1].start()] if cuts else text


def highlight(
    text: str, spans: list[tuple[int, int]], *, radius: int = 120
) -> list[list[tuple[str, bool]]]:
    """Snippets of ``text`` around ``spans`` as lists of (text, is_match) parts.

    Spans closer than two radii share one snippet with several highlights,
    so one sentence naming two watched people is shown once, not twice.
    """
    clean = sorted(
        (max(0, min(s, len(text))), max(0, min(e, len(text)))) for s, e in spans if e > s
    )
    merged: list[list[int]] = []
    for s, e in clean:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    clusters: list[list[list[int]]] = []
    for span in merged:
        if clusters and span[0] - clusters[-1][-1][1] <= 2 * radius:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    out: list[list[tuple[str, bool]]] = []
    for cluster in clusters:
        before, _, _ = context_snippet(text, cluster[0][0], cluster[0][1], radius=radius)
        _, _, after = context_snippet(text, cluster[-1][0], cluster[-1][1], radius=radius)
        parts: list[tuple[str, bool]] = [(before, False)]
        for i, (s, e) in enumerate(cluster):
            if i:
                parts.append((_squash(text[cluster[i - 1][1] : s], strip_left=False,
                                      strip_right=False), False))
            parts.append((one_line(text[s:e]), True))
        parts.append((after, False))
        out.append([p for p in parts if p[0]])
    return out
