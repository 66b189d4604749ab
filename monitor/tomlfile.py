"""Read TOML files the user wrote, keeping enough position data for error messages.

``tomllib`` reports positions only for syntax errors, so key positions are
recovered with a light line scanner: table headers (``[a]``, ``[[a]]``, with
array indices counted) and ``key =`` lines. It is used only to *point at* a
problem, never to interpret the file.
"""

from __future__ import annotations

import bisect
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
_INLINE_KEY = re.compile(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")
_SYNTAX_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class TomlFile:
    path: Path
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # dotted key path -> 1-based line
    columns: dict[str, int] = field(default_factory=dict)  # key path -> 1-based column, where known

    def _nearest(self, key: str) -> str | None:
        while key:
            if key in self.lines:
                return key
            key = _LAST_PART.sub("", key)
        return None

    def line_of(self, key: str) -> int | None:
        """Line of ``key`` or of its nearest enclosing table."""
        found = self._nearest(key)
        return self.lines[found] if found else None

    def problem(self, key: str, message: str, *, hint: str | None = None,
                severity: str = "error") -> Problem:
        found = self._nearest(key)
        return Problem(file=str(self.path), key=key, message=message,
                       line=self.lines[found] if found else None,
                       column=self.columns.get(found) if found else None, hint=hint, severity=severity)


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
    lines, columns = _scan_positions(text)
    return TomlFile(path=path, data=data, lines=lines, columns=columns)


def _scan_positions(text: str) -> tuple[dict[str, int], dict[str, int]]:
    lines: dict[str, int] = {}
    columns: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    starts = [0]  # offset of each line, to turn a value's offset into line and column
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    consumed = 0  # a multi-line array or table ends here: its lines are not keys of the table
    for number, line in enumerate(text.splitlines(), start=1):
        if starts[number - 1] < consumed:
            continue
        header = _HEADER.match(line)
        if header:
            name = header.group(2).strip().replace('"', "").replace("'", "")
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = f"{name}[{index}]"
                lines.setdefault(name, number)  # "watchlists: unknown key" points at the first [[watchlists]]
            else:
                table = name
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).strip().strip("\"'")
            path = f"{table}.{name}" if table else name
            lines.setdefault(path, number)
            columns.setdefault(path, line.index(key.group(1)) + 1)
            consumed = _ValueScanner(text, starts, lines, columns).value(starts[number - 1] + key.end(), path)
    return lines, columns


class _ValueScanner:
    """Positions of array elements and inline-table keys inside one value
    (``entries = [ "A", { name = "B", alias = [...] } ]``), so a problem in the third
    entry points at the third entry's line, not at ``entries``."""

    def __init__(self, text: str, starts: list[int], lines: dict[str, int], columns: dict[str, int]) -> None:
        self.text, self.starts, self.lines, self.columns = text, starts, lines, columns

    def _mark(self, path: str, pos: int) -> None:
        line = bisect.bisect_right(self.starts, pos)
        self.lines.setdefault(path, line)
        self.columns.setdefault(path, pos - self.starts[line - 1] + 1)

    def _skip(self, pos: int) -> int:
        """Past blanks, newlines and comments."""
        text = self.text
        while pos < len(text):
            if text[pos] in " \t\r\n":
                pos += 1
            elif text[pos] == "#":
                end = text.find("\n", pos)
                pos = len(text) if end < 0 else end
            else:
                break
        return pos

    def value(self, pos: int, path: str) -> int:
        """Scan the value at ``pos``; returns the offset just past it."""
        text = self.text
        pos = self._skip(pos)
        if pos >= len(text):
            return pos
        if text[pos] == "[":
            return self._container(pos + 1, "]", path, keyed=False)
        if text[pos] == "{":
            return self._container(pos + 1, "}", path, keyed=True)
        for quote in ('"""', "'''", '"', "'"):
            if text.startswith(quote, pos):
                end = pos + len(quote)
                while end < len(text) and not text.startswith(quote, end):
                    end += 2 if quote[0] == '"' and text[end] == "\\" else 1
                return end + len(quote)
        while pos < len(text) and text[pos] not in ",]}\n#":
            pos += 1
        return pos

    def _container(self, pos: int, close: str, path: str, *, keyed: bool) -> int:
        text = self.text
        index = 0
        while True:
            pos = self._skip(pos)
            if pos >= len(text) or text[pos] == close:
                return pos + 1
            if text[pos] == ",":
                pos += 1
                continue
            if keyed:
                key = _INLINE_KEY.match(text, pos)
                if key is None:
                    return len(text)  # not TOML we understand; tomllib has accepted it, so stop quietly
                child = f"{path}.{key.group(1).strip(chr(34) + chr(39))}"
                self._mark(child, pos)
                pos = self.value(key.end(), child)
            else:
                child = f"{path}[{index}]"
                self._mark(child, pos)
                pos = self.value(pos, child)
                index += 1


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
