"""`monitor check` on broken rule files and configs, through the real CLI.

Each case is one way to get a file wrong and the exact line `check` must print
for it: file, line and column, key path, what was expected, and a "did you mean".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.project import run_cli, write_project


def check_lines(root: Path) -> tuple[int, list[str]]:
    """`monitor check` in ``root``: exit code and output lines, paths relative to ``root``."""
    result = run_cli("check", cwd=root)
    return result.returncode, result.stdout.replace(f"{root}/", "").splitlines()

OK_RULES = """\
[[watchlist]]
name = "officials"
entries = ["Kim Jong Un", { name = "Vladimir Putin", aliases = ["Putin"] }]

[[rule]]
name = "watch"
any = ["officials"]
"""

UNKNOWN_LIST = ("rules/watch.toml:7:8: error: rule[0].any[0]: unknown watch-list 'oficials' "
                "(did you mean 'officials'?)")

# (case id, rules/watch.toml, the line `check` prints for it)
RULE_ERRORS = [
    ("toml-syntax", '[[watchlist]]\nname = "officials"\nentries = ["Kim Jong Un"\n[[rule]]\n',
     "rules/watch.toml:4:1: error: TOML syntax error: Unclosed array"),
    ("misspelled-entry-key", """\
[[watchlist]]
name = "officials"
entries = [
  "Kim Jong Un",
  { name = "Vladimir Putin", alias = ["Putin"] },
]
[[rule]]
name = "watch"
any = ["officials"]
""", "rules/watch.toml:5:30: error: watchlist[0].entries[1].alias: unknown key (did you mean 'aliases'?)"),
    ("unknown-watchlist", OK_RULES.replace('any = ["officials"]', 'any = ["oficials"]'),
     UNKNOWN_LIST),
    ("misspelled-rule-key", OK_RULES + "min_scor = 80\n",
     "rules/watch.toml:8:1: error: rule[0].min_scor: unknown key (did you mean 'min_score'?)"),
    ("min-score-not-a-number", OK_RULES + 'min_score = "high"\n',
     "rules/watch.toml:8:1: error: rule[0].min_score: expected a number between 1 and 100"),
    ("unknown-field", OK_RULES + 'fields = ["headline"]\n',
     "rules/watch.toml:8:1: error: rule[0].fields: unknown field 'headline' (expected title and/or body)"),
    ("near-three-lists", OK_RULES + 'near = { lists = ["officials", "officials", "officials"] }\n',
     "rules/watch.toml:8:10: error: rule[0].near.lists: expected exactly two watch-list names"),
    ("rule-without-lists", OK_RULES.replace('any = ["officials"]\n', 'none = ["officials"]\n'),
     "rules/watch.toml:5: error: rule[0]: rule 'watch' needs watch-lists in any, all or near"),
    ("entry-without-name", OK_RULES.replace('"Kim Jong Un", ', '{ aliases = ["KJU"] }, '),
     "rules/watch.toml:3:12: error: watchlist[0].entries[0].name: every entry needs a name"),
    ("exact-not-a-bool", OK_RULES.replace('"Kim Jong Un"', '{ name = "Kim Jong Un", exact = "yes" }'),
     "rules/watch.toml:3:36: error: watchlist[0].entries[0].exact: expected true or false"),
    ("same-id-twice", OK_RULES.replace('"Kim Jong Un", ', '"Kim Jong Un", { name = "Kim Jong-un" }, '),
     "rules/watch.toml:3:27: error: watchlist[0].entries[1]: duplicate entry id 'kim-jong-un' in watch-list "
     "'officials' (give each entry its own id = \"…\", or remove one)"),
    ("top-level-typo", "[[watchlists]]\nname = \"x\"\n" + OK_RULES,
     "rules/watch.toml:1: error: watchlists: unknown key (did you mean 'watchlist'?)"),
]


@pytest.mark.parametrize(("rules", "expected"), [c[1:] for c in RULE_ERRORS], ids=[c[0] for c in RULE_ERRORS])
def test_broken_rule_file_is_reported_at_its_place(tmp_path: Path, rules: str, expected: str) -> None:
    write_project(tmp_path, sources=[], rules=rules)
    code, lines = check_lines(tmp_path)
    assert code == 1, lines
    assert expected in lines


# (case id, rules/watch.toml, digests table of config.toml, the warning line)
WARNINGS = [
    ("entry-listed-twice", OK_RULES.replace('"Kim Jong Un", ', '"Kim Jong Un", "Kim Jong Un", '), None,
     "rules/watch.toml:3:27: warning: watchlist[0].entries[1]: 'Kim Jong Un' is listed twice in watch-list "
     "'officials' (the copy changes nothing)"),
    ("alias-is-the-name", OK_RULES.replace('aliases = ["Putin"]', 'aliases = ["vladimir putin"]'), None,
     "rules/watch.toml:3:27: warning: watchlist[0].entries[1]: alias 'vladimir putin' is the name again "
     "(it changes nothing)"),
    ("spelling-of-another-entry",
     OK_RULES.replace('aliases = ["Putin"]', 'aliases = ["Putin", "Kim Jong-Un"]'), None,
     "rules/watch.toml:3:27: warning: watchlist[0].entries[1]: 'Kim Jong-Un' is also a spelling of entry "
     "'kim-jong-un'"),
    ("watchlist-used-by-no-rule", OK_RULES + '\n[[watchlist]]\nname = "places"\nentries = ["Rason"]\n', None,
     "rules/watch.toml:9: warning: watchlist[1]: watch-list 'places' is used by no rule"),
    ("digest-names-unknown-rule", OK_RULES,
     '[[digests]]\nname = "daily"\nto = ["a@test.example"]\nrules = ["wach"]\n',
     "config.toml:26:1: warning: digests 'daily'.rules: names rule 'wach', which no rule file defines "
     "(did you mean 'watch'?)"),
    ("rule-routed-to-no-digest", OK_RULES + '\n[[rule]]\nname = "other"\nany = ["officials"]\n',
     '[[digests]]\nname = "daily"\nto = ["a@test.example"]\nrules = ["watch"]\n',
     "config.toml:23: warning: digests: rule 'other' is routed to no digest "
     "(name it in a digest's rules, or use rules = [\"*\"])"),
    ("digest-with-no-rule", OK_RULES,
     '[[digests]]\nname = "daily"\nto = ["a@test.example"]\nrules = []\n',
     "config.toml:26:1: warning: digests 'daily'.rules: names no rule"),
]


@pytest.mark.parametrize(("rules", "digests", "expected"), [c[1:] for c in WARNINGS],
                         ids=[c[0] for c in WARNINGS])
def test_warnings_do_not_fail_the_check(tmp_path: Path, rules: str, digests: str | None,
                                        expected: str) -> None:
    write_project(tmp_path, sources=[{"name": "Wire", "url": "http://127.0.0.1:9/feed.xml"}], rules=rules,
                  digests=digests)
    code, lines = check_lines(tmp_path)
    assert code == 0, lines
    assert expected in lines
    assert "warning(s)" in lines[-1]


def test_every_error_of_config_and_every_rule_file_at_once(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": "ftp://nowhere", "intervall": "5m"}],
                        rules=OK_RULES.replace('any = ["officials"]', 'any = ["oficials"]'))
    more = '[[watchlist]]\nname = "officials"\nentries = ["X"]\n[[rule]\n'
    (tmp_path / "rules" / "more.toml").write_text(more, encoding="utf-8")
    text = cfg.read_text(encoding="utf-8").replace('transport = "file"', 'transport = "fax"')
    cfg.write_text(text, encoding="utf-8")
    code, lines = check_lines(tmp_path)
    assert code == 1
    assert lines[-1].startswith("5 error(s)"), lines
    expected = [
        "config.toml:16:1: error: sources[0].url: expected an http(s) URL, got 'ftp://nowhere'",
        "config.toml:17:1: error: sources[0].intervall: unknown key (did you mean 'interval'?)",
        "config.toml:20:1: error: mail.transport: expected 'file' or 'smtp', got 'fax'",
        "rules/more.toml:4:7: error: TOML syntax error: Expected ']]' at the end of an array declaration",
        UNKNOWN_LIST,
    ]
    assert [line for line in lines if ": error: " in line] == expected


def test_exit_codes(tmp_path: Path) -> None:
    write_project(tmp_path, sources=[{"name": "Wire", "url": "http://127.0.0.1:9/feed.xml"}], rules=OK_RULES)
    fine = run_cli("check", cwd=tmp_path)
    assert fine.returncode == 0, fine.stdout
    assert "OK: 1 files, 1 watch-lists (2 entries), 1 rules" in fine.stdout
    missing = run_cli("check", "--config", "nowhere.toml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "no config file at nowhere.toml" in missing.stderr
    assert run_cli("check", "--bogus", cwd=tmp_path).returncode == 2
