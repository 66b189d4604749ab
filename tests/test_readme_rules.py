"""The rule-file examples in README.md are true: each ```toml block is written to a rules
folder, and the real `monitor match` CLI must alert every sentence listed under "Matches:"
and none listed under "Does not match:". A sentence starting "headline:" is the title."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.project import run_cli

README = Path(__file__).resolve().parent.parent / "README.md"


@dataclass
class Example:
    rules: str
    line: int
    matches: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def examples() -> list[Example]:
    text = README.read_text(encoding="utf-8")
    start, end = text.index("<!-- rules:start -->"), text.index("<!-- rules:end -->")
    first_line = text[:start].count("\n") + 1
    out: list[Example] = []
    target: list[str] | None = None
    lines = text[start:end].splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```toml"):
            close = lines.index("```", i + 1)
            out.append(Example("\n".join(lines[i + 1:close]) + "\n", first_line + i))
            i, target = close + 1, None
            continue
        if line == "Matches:" and out:
            target = out[-1].matches
        elif line == "Does not match:" and out:
            target = out[-1].misses
        elif line.startswith("- ") and target is not None:
            target.append(line[2:])
        elif line.strip() and not line.startswith("- "):
            target = None
        i += 1
    return out


def cases() -> list[object]:
    # xfail(strict=True) here, with the reason, for an example the engine gets wrong today
    known_wrong: dict[str, str] = {}
    out: list[object] = []
    for ex in examples():
        for sentence, expected in [(s, True) for s in ex.matches] + [(s, False) for s in ex.misses]:
            wrong = known_wrong.get(sentence)
            marks = [pytest.mark.xfail(strict=True, reason=wrong)] if wrong else []
            out.append(pytest.param(ex.rules, sentence, expected, marks=marks,
                                    id=f"README:{ex.line}:{'match' if expected else 'miss'}:{sentence[:40]}"))
    return out


def test_the_readme_has_examples_of_every_feature() -> None:
    found = examples()
    assert len(found) >= 6 and all(ex.matches and ex.misses for ex in found)
    text = "".join(ex.rules for ex in found)
    for feature in ("aliases", "exclude", "exact", "all =", "none =", "near =", "fields =", "min_score ="):
        assert feature in text, feature
    assert re.search(r'aliases = \["[A-Z]{2,}"\]', text), "an acronym alias"


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], bool]:
    """Every sentence of every example through one `monitor match` run per example."""
    out: dict[tuple[str, str], bool] = {}
    for n, ex in enumerate(examples()):
        root = tmp_path_factory.mktemp(f"readme{n}")
        (root / "rules").mkdir()
        (root / "rules" / "example.toml").write_text(ex.rules, encoding="utf-8")
        sentences = ex.matches + ex.misses
        lines = []
        for i, s in enumerate(sentences):
            title, body = (s.removeprefix("headline: "), "") if s.startswith("headline: ") else ("", s)
            lines.append(json.dumps({"id": i, "title": title, "body": body}))
        result = run_cli("match", "--rules", "rules", cwd=root, stdin="\n".join(lines) + "\n")
        assert result.returncode == 0, f"README example at line {ex.line}: {result.stderr}"
        for row in map(json.loads, result.stdout.splitlines()):
            out[(ex.rules, sentences[row["id"]])] = bool(row["matches"])
    return out


@pytest.mark.parametrize(("rules", "sentence", "expected"), cases())
def test_readme_example(verdicts: dict[tuple[str, str], bool], rules: str, sentence: str,
                        expected: bool) -> None:
    assert verdicts[(rules, sentence)] is expected, (
        f"{sentence!r} should {'' if expected else 'not '}match the README example:\n{rules}")
