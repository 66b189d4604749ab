"""Watch-list matching: rule model (ruleset), loader (load) and engine."""

from __future__ import annotations

from pathlib import Path


def compiled() -> bool:
    """True when the matcher runs as modules compiled by mypyc (setup.py, MONITOR_USE_MYPYC=1)."""
    from monitor.matching import scan

    return Path(scan.__file__ or "").suffix != ".py"
