"""config.toml -> frozen, validated settings.

Every problem is collected and reported at once, each with the file, the line
and the dotted key path, so a user fixes the file in one pass. Relative paths
resolve against the config file's folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.durations import parse_duration
from monitor.errors import ConfigError, Problem
from monitor.notify.schedule import Schedule, parse_schedule
from monitor.sources.page import LinkPattern, PageSpec
from monitor.tomlfile import TomlFile, did_you_mean, load_toml, unknown_keys

DEFAULT_USER_AGENT = "monitor/0.1 (media monitoring; +https://example.org/monitor)"
_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+$")


@dataclass(frozen=True)
class PollSettings:
    interval: timedelta = timedelta(minutes=15)
    connect_timeout: float = 10.0
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0
    concurrency: int = 20
    backoff_max: timedelta = timedelta(hours=6)
    # a source failing this long (or whose selectors stop matching) is reported in digests
    report_failing_after: timedelta = timedelta(hours=6)


@dataclass(frozen=True)
class SourceSettings:
    name: str
    url: str
    kind: str = "feed"  # feed | page
    interval: timedelta | None = None
    fetch_body: bool = False
    page: PageSpec | None = None
    headers: dict[str, str] = field(default_factory=dict)
    user_agent: str | None = None
    enabled: bool = True


@dataclass(frozen=True)
class MailSettings:
    transport: str = "file"  # file | smtp
    dir: Path = Path("var/outbox")
    host: str = "localhost"
    port: int = 587
    security: str = "starttls"  # none | starttls | tls
    username: str | None = None
    password_env: str | None = "MONITOR_SMTP_PASSWORD"
    password_file: Path | None = None
    sender: str = "monitor@localhost"
    timeout: float = 30.0
    verify_tls: bool = True
    ca_file: Path | None = None
    max_attempts: int = 20
    retry_base: timedelta = timedelta(minutes=1)
    retry_max: timedelta = timedelta(hours=1)

    def password(self) -> str | None:
        """The SMTP password, from the named variable or file (never from config.toml)."""
        if self.password_file is not None:
            return self.password_file.read_text(encoding="utf-8").strip()
        if self.password_env:
            return os.environ.get(self.password_env)
        return None


@dataclass(frozen=True)
class DigestSettings:
    name: str
    to: tuple[str, ...]
    schedule: Schedule
    schedule_text: str
    rules: tuple[str, ...] = ("*",)
    timezone: str = "UTC"
    send_empty: bool = False
    max_items: int = 50

    def routes(self, rule: str) -> bool:
        return "*" in self.rules or rule in self.rules


@dataclass(frozen=True)
class DaemonSettings:
    tick: timedelta = timedelta(seconds=30)  # how often due digests and the outbox are checked
    watch_rules: bool = True  # reload rules/*.toml when they change
    watch_interval: timedelta = timedelta(seconds=5)


@dataclass(frozen=True)
class Settings:
    path: Path
    store_path: Path
    rules_path: Path
    templates: Path | None
    poll: PollSettings
    sources: tuple[SourceSettings, ...]
    mail: MailSettings
    digests: tuple[DigestSettings, ...]
    daemon: DaemonSettings = DaemonSettings()

    def source(self, name: str) -> SourceSettings | None:
        return next((s for s in self.sources if s.name == name), None)

    def digest(self, name: str) -> DigestSettings | None:
        return next((d for d in self.digests if d.name == name), None)

    def interval_of(self, source: SourceSettings) -> timedelta:
        return source.interval or self.poll.interval


TOP_KEYS = ("store", "rules", "poll", "sources", "mail", "digests", "templates", "daemon")
DAEMON_KEYS = ("tick", "watch_rules", "watch_interval")
POLL_KEYS = ("interval", "connect_timeout", "timeout", "max_bytes", "max_redirects", "user_agent",
             "per_host_concurrency", "per_host_delay", "concurrency", "backoff_max",
             "report_failing_after")
SOURCE_KEYS = ("name", "url", "kind", "interval", "fetch_body", "select", "date_format",
               "timezone", "link_pattern", "headers", "user_agent", "enabled")
SELECT_KEYS = ("item", "title", "link", "date", "teaser")
MAIL_KEYS = ("transport", "dir", "host", "port", "security", "username", "password_env",
             "password_file", "from", "timeout", "verify_tls", "ca_file", "max_attempts",
             "retry_base", "retry_max", "password")
DIGEST_KEYS = ("name", "to", "schedule", "rules", "timezone", "send_empty", "max_items",
               "quiet_hours")


def default_config_path() -> Path:
    return Path(os.environ.get("MONITOR_CONFIG", "config.toml"))


def load_config(path: Path) -> Settings:
    """Load and validate ``path``; raises ConfigError listing every problem."""
    loaded = load_toml(path)
    if isinstance(loaded, Problem):
        raise ConfigError([loaded])
    reader = _Reader(loaded)
    settings = reader.settings()
    if reader.problems:
        raise ConfigError(reader.problems)
    assert settings is not None
    return settings


class _Reader:
    """Walks the parsed TOML once, collecting problems instead of stopping at the first."""

    def __init__(self, doc: TomlFile) -> None:
        self.doc = doc
        self.base = doc.path.parent.resolve()
        self.problems: list[Problem] = []

    # -- typed getters: each records a problem and returns the default on a bad value
    def _get(self, table: dict[str, Any], key: str, path: str, kind: type | tuple[type, ...],
             default: Any, expected: str) -> Any:
        if key not in table:
            return default
        value = table[key]
        # bool is an int in Python; never accept it where a number is expected
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.problems.append(self.doc.problem(path, f"expected {expected}, got {value!r}"))
            return default
        if not isinstance(value, kind):
            self.problems.append(self.doc.problem(path, f"expected {expected}, got {value!r}"))
            return default
        return value

    def _str(self, table: dict[str, Any], key: str, path: str, default: Any = None) -> Any:
        return self._get(table, key, path, str, default, "a string")

    def _num(self, table: dict[str, Any], key: str, path: str, default: float,
             minimum: float = 0) -> float:
        value = self._get(table, key, path, (int, float), default, "a number")
        if value < minimum:
            self.problems.append(self.doc.problem(path, f"must be at least {minimum}"))
            return default
        return float(value)

    def _int(self, table: dict[str, Any], key: str, path: str, default: int,
             minimum: int = 1) -> int:
        value = self._get(table, key, path, int, default, "an integer")
        if value < minimum:
            self.problems.append(self.doc.problem(path, f"must be at least {minimum}"))
            return default
        return int(value)

    def _bool(self, table: dict[str, Any], key: str, path: str, default: bool) -> bool:
        return bool(self._get(table, key, path, bool, default, "true or false"))

    def _duration(self, table: dict[str, Any], key: str, path: str,
                  default: timedelta | None) -> timedelta | None:
        text = self._str(table, key, path)
        if text is None:
            return default
        try:
            return parse_duration(text)
        except ValueError as exc:
            self.problems.append(self.doc.problem(path, str(exc)))
            return default

    def _path(self, table: dict[str, Any], key: str, path: str, default: str | None) -> Path | None:
        text = self._str(table, key, path, default)
        if text is None:
            return None
        p = Path(text).expanduser()
        return p if p.is_absolute() else self.base / p

    def _table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.problems.append(self.doc.problem(key, "expected a table"))
            return {}
        return value

    def _tz(self, table: dict[str, Any], key: str, path: str, default: str = "UTC") -> str:
        name = self._str(table, key, path, default)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.problems.append(self.doc.problem(
                path, f"unknown time zone '{name}'", hint="use an IANA name such as 'Asia/Seoul'"))
            return default
        return str(name)

    # -- sections
    def settings(self) -> Settings | None:
        data = self.doc.data
        unknown_keys(self.doc, data, "", TOP_KEYS, self.problems)
        store = self._table(data, "store")
        unknown_keys(self.doc, store, "store", ("path",), self.problems)
        rules = self._table(data, "rules")
        unknown_keys(self.doc, rules, "rules", ("path",), self.problems)
        store_path = self._path(store, "path", "store.path", "var/monitor.db")
        rules_path = self._path(rules, "path", "rules.path", "rules")
        templates = self._path(data, "templates", "templates", None)
        poll = self.poll(self._table(data, "poll"))
        sources = self.sources(data.get("sources", []), poll)
        mail = self.mail(self._table(data, "mail"))
        digests = self.digests(data.get("digests", []))
        daemon = self.daemon(self._table(data, "daemon"))
        if rules_path is not None and not rules_path.is_dir():
            self.problems.append(self.doc.problem("rules.path", f"folder {rules_path} does not exist"))
        if templates is not None and not templates.is_dir():
            self.problems.append(self.doc.problem("templates", f"folder {templates} does not exist"))
        if self.problems:
            return None
        assert store_path is not None and rules_path is not None
        return Settings(path=self.doc.path, store_path=store_path, rules_path=rules_path,
                        templates=templates, poll=poll, sources=sources, mail=mail, digests=digests,
                        daemon=daemon)

    def daemon(self, t: dict[str, Any]) -> DaemonSettings:
        unknown_keys(self.doc, t, "daemon", DAEMON_KEYS, self.problems)
        d = DaemonSettings()
        return DaemonSettings(
            tick=self._duration(t, "tick", "daemon.tick", d.tick) or d.tick,
            watch_rules=self._bool(t, "watch_rules", "daemon.watch_rules", d.watch_rules),
            watch_interval=self._duration(t, "watch_interval", "daemon.watch_interval",
                                          d.watch_interval) or d.watch_interval,
        )

    def poll(self, t: dict[str, Any]) -> PollSettings:
        unknown_keys(self.doc, t, "poll", POLL_KEYS, self.problems)
        d = PollSettings()
        return PollSettings(
            interval=self._duration(t, "interval", "poll.interval", d.interval) or d.interval,
            connect_timeout=self._num(t, "connect_timeout", "poll.connect_timeout", d.connect_timeout, 0.1),
            timeout=self._num(t, "timeout", "poll.timeout", d.timeout, 0.1),
            max_bytes=self._int(t, "max_bytes", "poll.max_bytes", d.max_bytes, 1024),
            max_redirects=self._int(t, "max_redirects", "poll.max_redirects", d.max_redirects, 0),
            user_agent=self._str(t, "user_agent", "poll.user_agent", d.user_agent),
            per_host_concurrency=self._int(t, "per_host_concurrency", "poll.per_host_concurrency",
                                           d.per_host_concurrency),
            per_host_delay=self._num(t, "per_host_delay", "poll.per_host_delay", d.per_host_delay),
            concurrency=self._int(t, "concurrency", "poll.concurrency", d.concurrency),
            backoff_max=self._duration(t, "backoff_max", "poll.backoff_max", d.backoff_max) or d.backoff_max,
            report_failing_after=self._duration(t, "report_failing_after", "poll.report_failing_after",
                                                d.report_failing_after) or d.report_failing_after,
        )

    def sources(self, raw: Any, poll: PollSettings) -> tuple[SourceSettings, ...]:
        if not isinstance(raw, list):
            self.problems.append(self.doc.problem("sources", "expected [[sources]] tables"))
            return ()
        out: list[SourceSettings] = []
        names: set[str] = set()
        for i, t in enumerate(raw):
            p = f"sources[{i}]"
            if not isinstance(t, dict):
                self.problems.append(self.doc.problem(p, "expected a table"))
                continue
            unknown_keys(self.doc, t, p, SOURCE_KEYS, self.problems)
            name = self._str(t, "name", f"{p}.name")
            url = self._str(t, "url", f"{p}.url")
            if not name:
                self.problems.append(self.doc.problem(f"{p}.name", "every source needs a name"))
                name = f"source {i + 1}"
            elif name in names:
                self.problems.append(self.doc.problem(f"{p}.name", f"duplicate source name '{name}'"))
            names.add(name)
            if not url or not re.match(r"^https?://[^/\s]+", url):
                self.problems.append(self.doc.problem(
                    f"{p}.url", f"expected an http(s) URL, got {url!r}"))
            kind = self._str(t, "kind", f"{p}.kind", "feed")
            if kind not in ("feed", "page"):
                self.problems.append(self.doc.problem(
                    f"{p}.kind", f"expected 'feed' or 'page', got {kind!r}",
                    hint=did_you_mean(str(kind), ("feed", "page"))))
            page = self.page_spec(t, p) if kind == "page" else None
            if kind != "page":
                for key in ("select", "date_format", "link_pattern"):
                    if key in t:
                        self.problems.append(self.doc.problem(
                            f"{p}.{key}", "only used with kind = \"page\""))
            headers = self._get(t, "headers", f"{p}.headers", dict, {}, "a table of strings")
            if any(not isinstance(v, str) for v in headers.values()):
                self.problems.append(self.doc.problem(f"{p}.headers", "header values must be strings"))
                headers = {}
            out.append(SourceSettings(
                name=name, url=url or "", kind=kind,
                interval=self._duration(t, "interval", f"{p}.interval", None),
                fetch_body=self._bool(t, "fetch_body", f"{p}.fetch_body", False),
                page=page, headers=dict(headers),
                user_agent=self._str(t, "user_agent", f"{p}.user_agent"),
                enabled=self._bool(t, "enabled", f"{p}.enabled", True),
            ))
        return tuple(out)

    def page_spec(self, t: dict[str, Any], p: str) -> PageSpec | None:
        select = self._get(t, "select", f"{p}.select", dict, None, "a table of CSS selectors")
        if select is None:
            self.problems.append(self.doc.problem(
                f"{p}.select", "kind = \"page\" needs select = { item = \"…\", title = \"…\" }"))
            return None
        unknown_keys(self.doc, select, f"{p}.select", SELECT_KEYS, self.problems)
        for key in ("item", "title"):
            if not isinstance(select.get(key), str) or not select[key].strip():
                self.problems.append(self.doc.problem(f"{p}.select.{key}", "a CSS selector is required"))
        for key, value in select.items():
            if isinstance(value, str) and value.strip():
                self._check_selector(value, f"{p}.select.{key}")
        pattern = None
        lp = self._get(t, "link_pattern", f"{p}.link_pattern", dict, None,
                       "a table { match = \"regex\", url = \"…{1}…\" }")
        if lp is not None:
            unknown_keys(self.doc, lp, f"{p}.link_pattern", ("match", "url"), self.problems)
            regex, template = lp.get("match"), lp.get("url")
            if not isinstance(regex, str) or not isinstance(template, str):
                self.problems.append(self.doc.problem(
                    f"{p}.link_pattern", "needs both match (a regex) and url (a template)"))
            else:
                try:
                    re.compile(regex)
                    pattern = LinkPattern(match=regex, url=template)
                except re.error as exc:
                    self.problems.append(self.doc.problem(f"{p}.link_pattern.match", f"bad regex: {exc}"))
        if any(self.problems_for(p)):
            return None
        return PageSpec(
            item=select["item"], title=select["title"], link=select.get("link"),
            date=select.get("date"), teaser=select.get("teaser"),
            date_format=self._str(t, "date_format", f"{p}.date_format"),
            timezone=self._tz(t, "timezone", f"{p}.timezone"), link_pattern=pattern)

    def problems_for(self, prefix: str) -> list[Problem]:
        return [x for x in self.problems if x.key.startswith(prefix)]

    def _check_selector(self, selector: str, path: str) -> None:
        from cssselect import GenericTranslator, SelectorError

        try:
            GenericTranslator().css_to_xpath(selector)
        except SelectorError as exc:
            self.problems.append(self.doc.problem(path, f"invalid CSS selector {selector!r}: {exc}"))

    def mail(self, t: dict[str, Any]) -> MailSettings:
        unknown_keys(self.doc, t, "mail", MAIL_KEYS, self.problems)
        d = MailSettings()
        if "password" in t:
            self.problems.append(self.doc.problem(
                "mail.password", "passwords are never read from config.toml",
                hint="put it in the environment variable named by password_env, "
                     "or a file named by password_file"))
        transport = self._str(t, "transport", "mail.transport", "file")
        if transport not in ("file", "smtp"):
            self.problems.append(self.doc.problem(
                "mail.transport", f"expected 'file' or 'smtp', got {transport!r}",
                hint=did_you_mean(str(transport), ("file", "smtp"))))
        security = self._str(t, "security", "mail.security", d.security)
        if security not in ("none", "starttls", "tls"):
            self.problems.append(self.doc.problem(
                "mail.security", f"expected 'none', 'starttls' or 'tls', got {security!r}"))
        sender = self._str(t, "from", "mail.from", d.sender)
        if not _EMAIL.match(sender):
            self.problems.append(self.doc.problem("mail.from", f"not an email address: {sender!r}"))
        port_default = 465 if security == "tls" else (25 if security == "none" else 587)
        return MailSettings(
            transport=transport,
            dir=self._path(t, "dir", "mail.dir", "var/outbox") or d.dir,
            host=self._str(t, "host", "mail.host", d.host),
            port=self._int(t, "port", "mail.port", port_default),
            security=security,
            username=self._str(t, "username", "mail.username"),
            password_env=self._str(t, "password_env", "mail.password_env", d.password_env),
            password_file=self._path(t, "password_file", "mail.password_file", None),
            sender=sender,
            timeout=self._num(t, "timeout", "mail.timeout", d.timeout, 0.1),
            verify_tls=self._bool(t, "verify_tls", "mail.verify_tls", True),
            ca_file=self._path(t, "ca_file", "mail.ca_file", None),
            max_attempts=self._int(t, "max_attempts", "mail.max_attempts", d.max_attempts),
            retry_base=self._duration(t, "retry_base", "mail.retry_base", d.retry_base) or d.retry_base,
            retry_max=self._duration(t, "retry_max", "mail.retry_max", d.retry_max) or d.retry_max,
        )

    def digests(self, raw: Any) -> tuple[DigestSettings, ...]:
        if not isinstance(raw, list):
            self.problems.append(self.doc.problem("digests", "expected [[digests]] tables"))
            return ()
        out: list[DigestSettings] = []
        names: set[str] = set()
        for i, t in enumerate(raw):
            p = f"digests[{i}]"
            if not isinstance(t, dict):
                self.problems.append(self.doc.problem(p, "expected a table"))
                continue
            unknown_keys(self.doc, t, p, DIGEST_KEYS, self.problems)
            name = self._str(t, "name", f"{p}.name") or f"digest{i + 1}"
            if name in names:
                self.problems.append(self.doc.problem(f"{p}.name", f"duplicate digest name '{name}'"))
            names.add(name)
            to = t.get("to", [])
            if isinstance(to, str):
                to = [to]
            if not isinstance(to, list) or not to or not all(isinstance(a, str) for a in to):
                self.problems.append(self.doc.problem(f"{p}.to", "expected a list of email addresses"))
                to = []
            for addr in to:
                if not _EMAIL.match(addr):
                    self.problems.append(self.doc.problem(f"{p}.to", f"not an email address: {addr!r}"))
            rules = t.get("rules", ["*"])
            if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                self.problems.append(self.doc.problem(f"{p}.rules", "expected a list of rule names"))
                rules = ["*"]
            tz = self._tz(t, "timezone", f"{p}.timezone")
            text = self._str(t, "schedule", f"{p}.schedule", "daily 07:00")
            quiet = self._str(t, "quiet_hours", f"{p}.quiet_hours")
            try:
                schedule = parse_schedule(text, timezone=tz, quiet_hours=quiet)
            except ValueError as exc:
                self.problems.append(self.doc.problem(f"{p}.schedule", str(exc)))
                continue
            out.append(DigestSettings(
                name=name, to=tuple(to), schedule=schedule, schedule_text=text,
                rules=tuple(rules), timezone=tz,
                send_empty=self._bool(t, "send_empty", f"{p}.send_empty", False),
                max_items=self._int(t, "max_items", f"{p}.max_items", 50),
            ))
        return tuple(out)
