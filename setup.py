"""Build hook: with MONITOR_USE_MYPYC=1 the matcher is compiled by mypyc.

The matcher (``monitor/matching``) is plain, fully typed Python; compiled, it runs about
1.45x (2,000 entries) to 1.8x (20,000 entries) fewer instructions per item
(``benchmarks/match_bench.py`` says which build it measured). Compiling takes a couple of
minutes and a C compiler, so a plain ``pip install`` (and every editable, development
install) stays pure Python, as black does with the same switch. Build a compiled one with

    MONITOR_USE_MYPYC=1 pip install .

never ``-e``: the compiled modules would sit beside the sources and shadow any later edit.
Everything else is configured in pyproject.toml.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).parent
COMPILED = os.environ.get("MONITOR_USE_MYPYC", "") == "1"


def _matcher_modules() -> list[str]:
    return sorted(str(p.relative_to(HERE)) for p in (HERE / "monitor" / "matching").glob("*.py"))


def _build_needs() -> list[str]:
    """mypy, and the project's dependencies: mypyc type-checks what it compiles, with the
    libraries it imports (rapidfuzz, anyascii...) present."""
    project = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return ["mypy>=1.10", *project["dependencies"]]


if not COMPILED:
    setup()
else:
    try:
        from mypyc.build import mypycify
    except ImportError:  # the build backend's first call, asking what the build needs
        setup(setup_requires=_build_needs())
    else:
        # one C extension per module (separate), compiled in parallel: half the wall time on
        # two cores, and as fast as one extension for all (callgrind, 2,000 entries)
        # (MONITOR_MYPYC_OPT: the C compiler's level, 3 unless set; CI tests at 1, which
        # compiles in half the time to the same behaviour)
        opt_level = os.environ.get("MONITOR_MYPYC_OPT", "3")
        setup(
            ext_modules=mypycify(_matcher_modules(), opt_level=opt_level, separate=True),
            options={"build_ext": {"parallel": os.cpu_count() or 1}},
        )
