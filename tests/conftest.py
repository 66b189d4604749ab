from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.http_server import FixtureServer
from tests.support.smtp_server import smtp_server  # noqa: F401


@pytest.fixture
def http_server() -> Iterator[FixtureServer]:
    server = FixtureServer().start()
    try:
        yield server
    finally:
        server.stop()
