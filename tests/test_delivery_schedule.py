"""Cadences honoured through the real pipeline on an injected clock (no sleeping):
a digest goes out once at/after its time and not before, quiet hours hold
immediate alerts, routing to two digests, config changes between runs, empty digests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.support.clocked import Clock, arrive, outbox, reload, service, tick
from tests.support.project import write_project
from tests.support.smtp_server import SmtpTestServer

SEOUL = ZoneInfo("Asia/Seoul")
RULES = """
[[watchlist]]
name = "officials"
entries = ["Kim Jong Un", { name = "Sergei Shoigu", aliases = ["Shoigu"] }]

[[watchlist]]
name = "treaties"
entries = [{ name = "Treaty on Comprehensive Strategic Partnership", aliases = ["DPRK-Russia treaty"] }]

[[rule]]
name = "Officials"
any = ["officials"]

[[rule]]
name = "Treaty"
any = ["treaties"]
"""


def seoul(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A wall-clock time in Seoul in March 2026 (the 9th is a Monday)."""
    return datetime(2026, 3, day, hour, minute, second, tzinfo=SEOUL)


def digest(name: str, schedule: str, *, extra: str = "", to: str = '"analyst@test.example"') -> str:
    return (f'[[digests]]\nname = "{name}"\nto = [{to}]\nschedule = "{schedule}"\n'
            f'timezone = "Asia/Seoul"\n{extra}\n')


def project(tmp_path: Path, digests: str, smtp_port: int | None = None) -> Path:
    return write_project(tmp_path, sources=[], digests=digests, rules=RULES, smtp_port=smtp_port)


def test_daily_goes_out_once_at_its_local_time_never_before(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 10, 0))  # the service starts mid-morning
    svc = project_service(tmp_path, digest("daily", "daily 07:00"), clock)
    assert tick(svc) == []
    clock.set(seoul(9, 10, 5))
    arrive(svc, "Kim Jong Un inspects a munitions factory")
    # a new daily digest waits for its first 07:00: a reader who asked for 07:00 gets mail at 07:00
    for when in (seoul(9, 10, 5), seoul(9, 18), seoul(10, 0), seoul(10, 6, 59, 59)):
        clock.set(when)
        assert tick(svc) == [], when
    clock.set(seoul(10, 7, 0, 10))
    assert tick(svc) == ["daily"]
    clock.set(seoul(10, 7, 0, 40))
    assert tick(svc) == []
    # an item after 07:00 waits for the next day's 07:00
    clock.set(seoul(10, 8))
    arrive(svc, "Shoigu arrives in Pyongyang")
    for when in (seoul(10, 8), seoul(10, 23), seoul(11, 6, 59)):
        clock.set(when)
        assert tick(svc) == [], when
    clock.set(seoul(11, 7, 0))
    assert tick(svc) == ["daily"]
    sent = outbox(svc)
    assert [m.status for m in sent] == ["sent", "sent"]
    assert [m.created_at.astimezone(SEOUL) for m in sent] == [seoul(10, 7, 0, 10), seoul(11, 7)]


def test_daily_with_nothing_new_is_not_sent_and_an_item_after_the_run_waits_a_day(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 12))
    svc = project_service(tmp_path, digest("daily", "daily 07:00"), clock)
    tick(svc)
    clock.set(seoul(10, 7))
    assert tick(svc) == []  # nothing new: no mail
    clock.set(seoul(10, 9))
    arrive(svc, "Kim Jong Un visits a farm")
    assert tick(svc) == []  # the 07:00 run happened (empty); this item is for tomorrow's digest
    clock.set(seoul(11, 7))
    assert tick(svc) == ["daily"]
    assert len(outbox(svc)) == 1


def test_send_empty_sends_a_no_news_digest_on_schedule(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 12))
    svc = project_service(tmp_path, digest("daily", "daily 07:00", extra="send_empty = true"), clock)
    assert tick(svc) == []
    clock.set(seoul(10, 7))
    assert tick(svc) == ["daily"]
    [msg] = outbox(svc)
    assert msg.subject == "[monitor] daily: no new items"
    clock.set(seoul(10, 7, 1))
    assert tick(svc) == []


def test_hourly_and_every_30m_wait_their_interval(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 10))
    svc = project_service(tmp_path, digest("hourly", "hourly") + digest("half", "every 30m"), clock)
    tick(svc)
    clock.set(seoul(9, 10, 5))
    arrive(svc, "Kim Jong Un at a factory")
    clock.set(seoul(9, 10, 29, 59))
    assert tick(svc) == []
    clock.set(seoul(9, 10, 30))
    assert tick(svc) == ["half"]
    clock.set(seoul(9, 10, 59, 59))
    assert tick(svc) == []
    clock.set(seoul(9, 11))
    assert tick(svc) == ["hourly"]
    clock.set(seoul(9, 11, 1))
    arrive(svc, "Shoigu in Pyongyang")
    clock.set(seoul(9, 11, 30))  # half: last run 10:30 queued; 11:00 had nothing; next at 11:30
    assert tick(svc) == ["half"]
    clock.set(seoul(9, 11, 59))
    assert tick(svc) == []
    clock.set(seoul(9, 12))
    assert tick(svc) == ["hourly"]
    assert [m.digest for m in outbox(svc)] == ["half", "hourly", "half", "hourly"]


def test_weekly_goes_out_on_its_day_and_time(tmp_path: Path) -> None:
    clock = Clock(seoul(11, 15))  # a Wednesday
    svc = project_service(tmp_path, digest("weekly", "weekly mon 07:00"), clock)
    tick(svc)
    arrive(svc, "Kim Jong Un at a factory")
    for when in (seoul(12, 7), seoul(15, 7), seoul(16, 6, 59)):  # Thu, Sun, Mon before 07:00
        clock.set(when)
        assert tick(svc) == [], when
    clock.set(seoul(16, 7))
    assert tick(svc) == ["weekly"]
    clock.set(seoul(16, 8))
    arrive(svc, "Shoigu in Pyongyang")
    clock.set(seoul(22, 23))
    assert tick(svc) == []
    clock.set(seoul(23, 7, 0, 30))
    assert tick(svc) == ["weekly"]


def test_immediate_goes_out_at_the_next_tick_and_quiet_hours_hold_it(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 22))
    svc = project_service(tmp_path, digest("now", "immediate", extra='quiet_hours = "23:00-06:00"'), clock)
    assert tick(svc) == []
    arrive(svc, "Kim Jong Un at a factory")
    assert tick(svc) == ["now"]
    clock.set(seoul(9, 23, 30))
    arrive(svc, "Shoigu in Pyongyang")
    for when in (seoul(9, 23, 30), seoul(10, 3), seoul(10, 5, 59, 59)):
        clock.set(when)
        assert tick(svc) == [], when
    clock.set(seoul(10, 6))
    assert tick(svc) == ["now"]
    clock.set(seoul(10, 6, 0, 30))
    assert tick(svc) == []
    assert len(outbox(svc)) == 2


def test_a_match_routed_to_two_digests_reaches_each_once(tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    clock = Clock(seoul(9, 9))
    digests = (digest("officials", "immediate", extra='rules = ["Officials"]', to='"a@test.example"')
               + digest("everything", "immediate", to='"b@test.example"'))
    svc = project_service(tmp_path, digests, clock, smtp_port=smtp_server.port)
    arrive(svc, "Kim Jong Un signs the DPRK-Russia treaty", "Treaty on Comprehensive Strategic Partnership")
    assert tick(svc) == ["officials", "everything"]
    clock.advance(minutes=1)
    assert tick(svc) == []
    received = smtp_server.wait_for(2)
    by_rcpt = {r.rcpt_tos: r for r in received}
    assert set(by_rcpt) == {("a@test.example",), ("b@test.example",)}
    a_text = by_rcpt[("a@test.example",)].message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    b_text = by_rcpt[("b@test.example",)].message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "signs the DPRK-Russia treaty" in a_text and "signs the DPRK-Russia treaty" in b_text
    assert "Treaty on Comprehensive Strategic Partnership" not in a_text.split("\n", 3)[0]
    assert len(smtp_server.received) == 2


def test_changing_schedule_and_rules_between_runs_resends_and_loses_nothing(tmp_path: Path) -> None:
    clock = Clock(seoul(9, 10))
    config = project(tmp_path, digest("desk", "daily 07:00"))
    svc = service(config, clock)
    tick(svc)
    arrive(svc, "Kim Jong Un at a factory")
    clock.set(seoul(10, 7))
    assert tick(svc) == ["desk"]
    clock.set(seoul(10, 7, 30))
    arrive(svc, "Shoigu arrives in Pyongyang")  # routed under the old rules, not sent yet

    # the operator edits config.toml: hourly now, and only the treaty rule
    config.write_text(config.read_text(encoding="utf-8")
                      .replace('schedule = "daily 07:00"', 'schedule = "hourly"\nrules = ["Treaty"]'),
                      encoding="utf-8")
    reload(svc)
    clock.set(seoul(10, 7, 45))
    assert tick(svc) == []  # hourly since the 07:00 send: due at 08:00
    arrive(svc, "Kim Jong Un inspects a farm")  # no longer routed to this digest
    arrive(svc, "DPRK-Russia treaty enters into force")
    clock.set(seoul(10, 8))
    assert tick(svc) == ["desk"]
    first, second = outbox(svc)
    assert "factory" in first.html and "Shoigu" not in first.html
    assert "Shoigu arrives in Pyongyang" in second.html  # routed before the edit: not lost
    assert "treaty enters into force" in second.html
    assert "factory" not in second.html and "inspects a farm" not in second.html  # nothing resent
    clock.set(seoul(10, 9))
    assert tick(svc) == []


def project_service(tmp_path: Path, digests: str, clock: Clock, smtp_port: int | None = None):  # type: ignore[no-untyped-def]
    return service(project(tmp_path, digests, smtp_port), clock)
