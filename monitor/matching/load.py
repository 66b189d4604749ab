"""Rule files (``rules/*.toml``) -> a validated RuleSet.

All files are read and every problem is reported at once, with file, line and
key path, plus a "did you mean" for misspelled keys and unknown watch-list
names. Warnings flag entries that can never make a difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from monitor.errors import Problem, RuleError
from monitor.matching.ruleset import Entry, Near, Rule, RuleSet, Watchlist
from monitor.model import FIELDS
from monitor.tomlfile import TomlFile, did_you_mean, load_toml, unknown_keys

FILE_KEYS = ("watchlist", "rule")
WATCHLIST_KEYS = ("name", "entries", "description")
ENTRY_KEYS = ("name", "id", "aliases", "exact", "case_sensitive", "exclude", "kind", "note")
RULE_KEYS = ("name", "any", "all", "none", "fields", "min_score", "near", "description")
NEAR_KEYS = ("lists", "within")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "entry"


@dataclass
class RuleCheck:
    """The outcome of reading a rules folder: the RuleSet when there were no errors."""

    ruleset: RuleSet | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def load_rules(folder: Path) -> RuleSet:
    """Load ``folder``; raises RuleError listing every problem."""
    check = check_rules(folder)
    if check.ruleset is None:
        raise RuleError(check.errors)
    return check.ruleset


def check_rules(folder: Path) -> RuleCheck:
    errors: list[Problem] = []
    warnings: list[Problem] = []
    if not folder.is_dir():
        return RuleCheck(None, [Problem(str(folder), "", "rules folder does not exist")])
    files = rule_files(folder)
    if not files:
        errors.append(Problem(str(folder), "", "no *.toml rule files in this folder"))
    watchlists: dict[str, Watchlist] = {}
    wl_where: dict[str, tuple[TomlFile, str]] = {}
    rules: list[tuple[Rule, TomlFile, str]] = []
    for path in files:
        loaded = load_toml(path)
        if isinstance(loaded, Problem):
            errors.append(loaded)
            continue
        _read_file(loaded, watchlists, wl_where, rules, errors, warnings)
    seen_rules: set[str] = set()
    for rule, doc, p in rules:
        if rule.name in seen_rules:
            errors.append(doc.problem(f"{p}.name", f"duplicate rule name '{rule.name}'"))
        seen_rules.add(rule.name)
        for key in ("any", "all", "none"):
            for i, name in enumerate(getattr(rule, key)):
                if name not in watchlists:
                    errors.append(
                        doc.problem(
                            f"{p}.{key}[{i}]",
                            f"unknown watch-list '{name}'",
                            hint=did_you_mean(name, watchlists),
                        )
                    )
        if rule.near:
            for name in rule.near.lists:
                if name not in watchlists:
                    errors.append(
                        doc.problem(
                            f"{p}.near.lists",
                            f"unknown watch-list '{name}'",
                            hint=did_you_mean(name, watchlists),
                        )
                    )
    used = {n for r, _, _ in rules for n in (*r.positive_lists, *r.none)}
    for name, (doc, p) in wl_where.items():
        if name not in used:
            warnings.append(doc.problem(p, f"watch-list '{name}' is used by no rule", severity="warning"))
    if errors:
        return RuleCheck(None, errors, warnings, files)
    return RuleCheck(
        RuleSet(watchlists=watchlists, rules=tuple(r for r, _, _ in rules)), errors, warnings, files
    )


def _read_file(
    doc: TomlFile,
    watchlists: dict[str, Watchlist],
    wl_where: dict[str, tuple[TomlFile, str]],
    rules: list[tuple[Rule, TomlFile, str]],
    errors: list[Problem],
    warnings: list[Problem],
) -> None:
    data = doc.data
    unknown_keys(doc, data, "", FILE_KEYS, errors)
    raw_lists = data.get("watchlist", [])
    if not isinstance(raw_lists, list):
        errors.append(doc.problem("watchlist", "expected [[watchlist]] tables"))
        raw_lists = []
    for i, t in enumerate(raw_lists):
        p = f"watchlist[{i}]"
        wl = _read_watchlist(doc, t, p, errors, warnings)
        if wl is None:
            continue
        if wl.name in watchlists:
            other = wl_where[wl.name][0].path
            errors.append(doc.problem(f"{p}.name", f"watch-list '{wl.name}' is already defined in {other}"))
            continue
        watchlists[wl.name] = wl
        wl_where[wl.name] = (doc, p)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        errors.append(doc.problem("rule", "expected [[rule]] tables"))
        raw_rules = []
    for i, t in enumerate(raw_rules):
        p = f"rule[{i}]"
        rule = _read_rule(doc, t, p, errors)
        if rule is not None:
            rules.append((rule, doc, p))


def _str_list(doc: TomlFile, value: Any, path: str, errors: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(doc.problem(path, "expected a list of non-empty strings"))
        return ()
    return tuple(v.strip() for v in value)


def _named_table(doc: TomlFile, t: Any, p: str, keys: tuple[str, ...], what: str,
                 errors: list[Problem]) -> str | None:
    """The checks every [[watchlist]], [[rule]] and entry table shares: a table, no unknown
    keys, a non-empty name. Returns the name, or None after recording why not."""
    if not isinstance(t, dict):
        errors.append(doc.problem(p, "expected a table"))
        return None
    unknown_keys(doc, t, p, keys, errors)
    name = t.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append(doc.problem(f"{p}.name", f"every {what} needs a name"))
        return None
    return name


def _read_watchlist(
    doc: TomlFile, t: Any, p: str, errors: list[Problem], warnings: list[Problem]
) -> Watchlist | None:
    name = _named_table(doc, t, p, WATCHLIST_KEYS, "watch-list", errors)
    if name is None:
        return None
    raw = t.get("entries")
    if not isinstance(raw, list) or not raw:
        errors.append(doc.problem(f"{p}.entries", "expected a non-empty list of names or tables"))
        return None
    entries: list[Entry] = []
    ids: set[str] = set()
    spellings: dict[str, str] = {}
    for j, e in enumerate(raw):
        ep = f"{p}.entries[{j}]"
        entry = _read_entry(doc, e, ep, errors)
        if entry is None:
            continue
        if entry in entries:  # the same entry twice can never match differently: not worth an error
            warnings.append(doc.problem(ep, f"'{entry.name}' is listed twice in watch-list '{name}' "
                                            "(the copy changes nothing)", severity="warning"))
            continue
        if entry.id in ids:
            errors.append(doc.problem(ep, f"duplicate entry id '{entry.id}' in watch-list '{name}'",
                                      hint="give each entry its own id = \"…\", or remove one"))
        ids.add(entry.id)
        entries.append(entry)
        for k, spelling in enumerate(entry.names):
            folded = " ".join(re.sub(r"[\W_]+", " ", anyascii(spelling)).lower().split())
            if k > 0 and folded == " ".join(re.sub(r"[\W_]+", " ", anyascii(entry.name)).lower().split()):
                warnings.append(
                    doc.problem(
                        ep, f"alias '{spelling}' is the name again (it changes nothing)", severity="warning"
                    )
                )
            elif folded in spellings and spellings[folded] != entry.id:
                warnings.append(
                    doc.problem(
                        ep,
                        f"'{spelling}' is also a spelling of entry '{spellings[folded]}'",
                        severity="warning",
                    )
                )
            spellings.setdefault(folded, entry.id)
    return Watchlist(name=name.strip(), entries=tuple(entries_unique(entries)), file=str(doc.path))


def entries_unique(entries: list[Entry]) -> list[Entry]:
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.id not in seen:
            out.append(e)
            seen.add(e.id)
    return out


def _read_entry(doc: TomlFile, e: Any, ep: str, errors: list[Problem]) -> Entry | None:
    if isinstance(e, str):
        if not e.strip():
            errors.append(doc.problem(ep, "empty name"))
            return None
        return Entry(id=slugify(e), name=e.strip())
    if not isinstance(e, dict):
        errors.append(doc.problem(ep, 'expected a name or a table { name = "…", aliases = [...] }'))
        return None
    name = _named_table(doc, e, ep, ENTRY_KEYS, "entry", errors)
    if name is None:
        return None
    entry_id = e.get("id", slugify(name))
    if not isinstance(entry_id, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", entry_id):
        errors.append(doc.problem(f"{ep}.id", "expected an id of letters, digits, '-', '_' or '.'"))
        entry_id = slugify(name)
    flags: dict[str, bool | None] = {}
    for key in ("exact", "case_sensitive"):
        value = e.get(key)
        if value is not None and not isinstance(value, bool):
            errors.append(doc.problem(f"{ep}.{key}", "expected true or false"))
            value = None
        flags[key] = value
    kind = e.get("kind", "")
    if not isinstance(kind, str):
        errors.append(doc.problem(f"{ep}.kind", "expected a string"))
        kind = ""
    return Entry(
        id=entry_id,
        name=name.strip(),
        aliases=_str_list(doc, e.get("aliases", []), f"{ep}.aliases", errors),
        exact=bool(flags["exact"]),
        case_sensitive=flags["case_sensitive"],
        exclude=_str_list(doc, e.get("exclude", []), f"{ep}.exclude", errors),
        kind=kind,
    )


def _read_rule(doc: TomlFile, t: Any, p: str, errors: list[Problem]) -> Rule | None:
    name = _named_table(doc, t, p, RULE_KEYS, "rule", errors)
    if name is None:
        return None
    lists = {k: _str_list(doc, t.get(k, []), f"{p}.{k}", errors) for k in ("any", "all", "none")}
    fields = _str_list(doc, t.get("fields", list(FIELDS)), f"{p}.fields", errors) or FIELDS
    for f in fields:
        if f not in FIELDS:
            errors.append(
                doc.problem(
                    f"{p}.fields",
                    f"unknown field '{f}' (expected title and/or body)",
                    hint=did_you_mean(f, FIELDS),
                )
            )
    min_score = t.get("min_score")
    if min_score is not None and (
        isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 < min_score <= 100
    ):
        errors.append(doc.problem(f"{p}.min_score", "expected a number between 1 and 100"))
        min_score = None
    near = None
    if "near" in t:
        raw = t["near"]
        if not isinstance(raw, dict):
            errors.append(doc.problem(f"{p}.near", 'expected { lists = ["a", "b"], within = 10 }'))
        else:
            unknown_keys(doc, raw, f"{p}.near", NEAR_KEYS, errors)
            nl = _str_list(doc, raw.get("lists", []), f"{p}.near.lists", errors)
            within = raw.get("within", 10)
            if len(nl) != 2:
                errors.append(doc.problem(f"{p}.near.lists", "expected exactly two watch-list names"))
            elif isinstance(within, bool) or not isinstance(within, int) or within < 1:
                errors.append(doc.problem(f"{p}.near.within", "expected a number of words (1 or more)"))
            else:
                near = Near(lists=(nl[0], nl[1]), within=within)
    if not lists["any"] and not lists["all"] and near is None:
        errors.append(doc.problem(p, f"rule '{name}' needs watch-lists in any, all or near"))
    return Rule(
        name=name.strip(),
        any=lists["any"],
        all=lists["all"],
        none=lists["none"],
        fields=tuple(dict.fromkeys(fields)),
        min_score=float(min_score) if min_score is not None else None,
        near=near,
        file=str(doc.path),
    )
