"""Deliver a digest to a folder instead of SMTP (a "file" transport for
operators without a mail server, and for looking at what would be sent)."""

from __future__ import annotations

import os
import re
import tempfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

from monitor.notify.render import RenderedDigest

_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")


def write_to_folder(
    message: EmailMessage, rendered: RenderedDigest, folder: Path, *, stem: str
) -> Path:
    """Write ``<stem>.html`` then ``<stem>.eml`` atomically; return the .eml path.

    Rewriting the same stem replaces the files whole, so a retry after a crash
    leaves one complete copy. The .eml goes last: its presence means done.
    """
    if not _STEM.fullmatch(stem):
        raise ValueError(f"bad file stem {stem!r} (letters, digits, '.', '_', '-')")
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write(folder / f"{stem}.html", rendered.html.encode("utf-8"))
    eml = folder / f"{stem}.eml"
    _atomic_write(eml, message.as_bytes(policy=policy.SMTP))
    return eml


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
