"""Render a digest to subject, plain text and mail-safe HTML. Pure: data in, strings out.

Templates live in ``templates/`` next to this file; a ``template_dir`` given by
the operator overrides them file by file (a ``digest.html.j2`` there replaces
the bundled one, the bundled ``digest.txt.j2`` still serves). Feed content is
untrusted: HTML autoescape is on, links are http(s) only, long words get break
opportunities, and the CSS is inlined because many mail clients drop <style>.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import css_inline
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from monitor.notify.snippet import context_snippet
from monitor.notify.viewmodel import DigestView, build_model

__all__ = ["DigestView", "RenderedDigest", "context_snippet", "render_digest"]

BUNDLED = Path(__file__).parent / "templates"
HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"
BREAK_EVERY = 24  # chars between break opportunities inside a long run-on word
_LONG_RUN = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)


@dataclass(frozen=True)
class RenderedDigest:
    subject: str
    text: str
    html: str


def render_digest(view: DigestView, *, template_dir: Path | None = None) -> RenderedDigest:
    model = build_model(view)
    env = _environment(template_dir)
    html = env.get_template(HTML_TEMPLATE).render(m=model)
    text = env.get_template(TEXT_TEMPLATE).render(m=model)
    return RenderedDigest(
        subject=model.subject,
        text=_tidy_text(text),
        html=_INLINER.inline(html),
    )


def _environment(template_dir: Path | None) -> Environment:
    loaders = [FileSystemLoader(BUNDLED)]
    if template_dir is not None:
        loaders.insert(0, FileSystemLoader(template_dir))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["breakable"] = breakable
    env.filters["wrap"] = wrap
    env.filters["marked"] = marked
    return env


def breakable(text: str) -> Markup:
    """Escape ``text`` and put a <wbr> every few characters of any long run-on
    word, so a 10 KB token cannot widen the layout even where CSS is ignored."""
    out: list[str] = []
    pos = 0
    for run in _LONG_RUN.finditer(text):
        out.append(str(escape(text[pos : run.start()])))
        word = run.group()
        chunks = (word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY))
        out.append("<wbr>".join(str(escape(c)) for c in chunks))
        pos = run.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def wrap(text: str, width: int = 76, indent: str = "") -> str:
    """Fill plain text to ``width``, splitting words longer than a line."""
    return textwrap.fill(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    )


def marked(parts: Sequence[tuple[str, bool]]) -> str:
    """Plain-text highlight: matches in [[double brackets]]."""
    return "".join(f"[[{text}]]" if hit else text for text, hit in parts)


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
