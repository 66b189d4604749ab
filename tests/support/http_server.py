"""A real HTTP server on 127.0.0.1 serving fixture responses for tests.

Routes map a path to a :class:`Reply` or to a callable taking the request
handler and returning one, so a test can change what a URL serves between runs
(a new item in a feed, a 304, a 500) and inspect what was requested.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterator[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the first byte


Route = Reply | Callable[["Handler"], Reply]


class Handler(BaseHTTPRequestHandler):
    server: FixtureServer  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        srv = self.server
        path = self.path
        with srv.lock:
            srv.requests.append((path, dict(self.headers.items())))
            route = srv.routes.get(path) or srv.routes.get(path.split("?", 1)[0])
        if route is None:
            reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
        else:
            reply = route(self) if callable(route) else route
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            headers = dict(reply.headers)
            if isinstance(reply.body, bytes):
                headers.setdefault("Content-Length", str(len(reply.body)))
            else:
                headers["Connection"] = "close"
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            if isinstance(reply.body, bytes):
                self.wfile.write(reply.body)
            else:
                for chunk in reply.body:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        # a short poll interval: shutdown() waits up to one interval, in every test
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
