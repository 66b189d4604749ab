"""Read TOML files the user wrote, keeping enough position data for error messages.

``tomllib`` reports positions only for syntax errors, so key positions are
recovered with a light line scanner: table headers (``[a]``, ``[[a]]``, with
array indices counted) and ``key =`` lines. It is used only to *point at* a
problem, never to interpret the file.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.errors import Problem

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'.]+)\s*=")
_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$|^[^.\[\]]+$")
_SYNTAX_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class TomlFile:
    path: Path
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # dotted key path -> 1-based line

    def line_of(self, key: str) -> int | None:
        """Line of ``key`` or of its nearest enclosing table."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = _LAST_PART.sub("", key)
        return None

    def problem(self, key: str, message: str, *, hint: str | None = None,
                severity: str = "error") -> Problem:
        return Problem(file=str(self.path), key=key, message=message, line=self.line_of(key),
                       hint=hint, severity=severity)


def load_toml(path: Path) -> TomlFile | Problem:
    """Parse ``path``; a syntax error comes back as a Problem with line and column."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(file=str(path), key="", message=f"cannot read file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return Problem(file=str(path), key="", message=f"not UTF-8 text: {exc.reason}")
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        pos = _SYNTAX_POS.search(msg)
        line = int(pos.group(1)) if pos else None
        col = int(pos.group(2)) if pos else None
        reason = _SYNTAX_POS.sub("", msg).strip()
        return Problem(file=str(path), key="", message=f"TOML syntax error: {reason}",
                       line=line, column=col)
    return TomlFile(path=path, data=data, lines=_scan_positions(text))


def _scan_positions(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = header.group(2).strip().replace('"', "").replace("'", "")
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = f"{name}[{index}]"
            else:
                table = name
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).strip().strip("\"'")
            lines.setdefault(f"{table}.{name}" if table else name, number)
    return lines


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def unknown_keys(doc: TomlFile, table: dict[str, Any], prefix: str, allowed: Iterable[str],
                 problems: list[Problem]) -> None:
    allowed = list(allowed)
    for key in table:
        if key not in allowed:
            path = f"{prefix}.{key}" if prefix else key
            problems.append(doc.problem(path, "unknown key", hint=did_you_mean(key, allowed)))
