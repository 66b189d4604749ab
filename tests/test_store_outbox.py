"""The outbox's per-recipient bookkeeping, on a real SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from monitor.store import Store

NOW = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)


def queue(store: Store, recipients: list[str]) -> int:
    outbox_id = store.enqueue_digest(digest="daily", message_id="<m1@test>", subject="s", message=b"x",
                                     html="<p>x</p>", recipients=recipients, item_ids=[], health_ids=[],
                                     now=NOW)
    assert outbox_id is not None
    return outbox_id


def test_a_recipient_whose_address_is_inside_another_is_still_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        oid = queue(store, ["ba@x.example", "a@x.example"])
        store.record_delivery(oid, accepted=["ba@x.example"], rejected={}, temporary_error="a: 451",
                              now=NOW, next_attempt_at=NOW)
        store.record_delivery(oid, accepted=["a@x.example"], rejected={}, temporary_error=None,
                              now=NOW, next_attempt_at=None)
        [msg] = store.outbox()
        assert msg.status == "sent"
        assert list(msg.delivered) == ["ba@x.example", "a@x.example"]
        assert msg.remaining == ()


def test_retry_goes_only_to_recipients_not_yet_accepted_and_rejections_are_kept(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        oid = queue(store, ["ok@x.example", "later@x.example", "bad@x.example"])
        store.record_delivery(oid, accepted=["ok@x.example"], rejected={"bad@x.example": "550 no such user"},
                              temporary_error="later: 451", now=NOW, next_attempt_at=NOW)
        [msg] = store.due_outbox(NOW)
        assert msg.remaining == ("later@x.example",)
        assert msg.rejected == {"bad@x.example": "550 no such user"}
        assert msg.outcome == "pending (1 refused)"  # what `monitor outbox` shows
        row = store.db.execute("SELECT delivered FROM outbox WHERE id = ?", (oid,)).fetchone()
        assert json.loads(row[0]) == ["ok@x.example"]
