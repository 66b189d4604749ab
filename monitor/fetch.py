"""The only module that talks HTTP: polite, bounded, conditional GETs.

Every limit is enforced here, not trusted to the server: the decoded body is
counted while streaming (a gzip bomb stops at ``max_bytes``), the whole
exchange runs under one deadline (a trickling server cannot hold a worker),
redirects are followed by hand so loops are caught, and each host gets its own
concurrency slot and minimum spacing. Retry policy is the caller's: a failure
is reported as :class:`FetchError` with ``kind``, ``status`` and ``retry_after``.
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
import ssl
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from monitor.errors import FetchError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_AFTER_STATUSES = frozenset({429, 503})
ACCEPT_ENCODING = "gzip, deflate"  # brotli is not a dependency, so "br" is not offered


class _Decoder:
    """Content-Encoding decoder whose output per call is capped (bomb-safe)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._inflater: zlib._Decompress | None = None
        self._pending = b""

    def _new_inflater(self, head: bytes) -> zlib._Decompress:
        if self._encoding == "deflate" and not _looks_like_zlib(head):
            return zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header

    def decode(self, data: bytes, limit: int) -> bytes:
        """Decode ``data``; never returns more than ``limit`` bytes (more means: too large)."""
        if self._encoding not in ("gzip", "x-gzip", "deflate"):
            return data  # identity, or an encoding we never asked for: pass through
        data = self._pending + data
        self._pending = b""
        out = bytearray()
        try:
            while data and len(out) < limit:
                if self._inflater is None:
                    if len(data) < 2:
                        self._pending = data
                        break
                    self._inflater = self._new_inflater(data)
                out += self._inflater.decompress(data, limit - len(out))
                data = self._inflater.unconsumed_tail
                if self._inflater.eof:  # a second gzip member may follow
                    data = self._inflater.unused_data
                    self._inflater = None
        except zlib.error as exc:
            raise ValueError(str(exc)) from exc
        return bytes(out)

    def flush(self, limit: int) -> bytes:
        if self._inflater is None:
            return b""
        try:
            return self._inflater.flush()[:limit]
        except zlib.error as exc:
            raise ValueError(str(exc)) from exc


def _looks_like_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = "monitor/0.1 (+https://example.org/monitor)"
    connect_timeout: float = 10.0
    total_timeout: float = 30.0  # whole response, incl. a trickling body and all redirect hops
    max_bytes: int = 10 * 1024 * 1024  # decoded size cap; stops reading (gzip bomb-safe)
    max_redirects: int = 5
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0  # min seconds between requests to one host
    total_concurrency: int = 20
    # What "one host" means for the per-host limits: "host" (name only) or
    # "host:port" (lets a loopback farm on many ports count as many hosts).
    host_key: str = "host"


@dataclass(frozen=True)
class FetchResponse:
    url: str  # final URL after redirects
    status: int  # 200, or 304 when not modified
    headers: Mapping[str, str]
    content: bytes  # b"" for 304
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def content_digest(content: bytes) -> str:
    """sha256 of a body; the caller stores it and skips parsing an identical body."""
    return hashlib.sha256(content).hexdigest()


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _HostGate:
    """Concurrency slots and the earliest next start time for one host."""

    def __init__(self, concurrency: int) -> None:
        self.slots = asyncio.Semaphore(max(1, concurrency))
        self.next_start = 0.0


@dataclass
class _Budget:
    """Seconds of total_timeout still unspent by this get()'s exchanges."""

    total: float
    left: float = field(init=False)

    def __post_init__(self) -> None:
        self.left = self.total


@dataclass(frozen=True)
class _Hop:
    status: int
    headers: httpx.Headers
    content: bytes = b""
    location: str | None = None


class Fetcher:
    """Async context manager owning one httpx.AsyncClient."""

    def __init__(self, settings: FetchSettings = FetchSettings()) -> None:
        self.settings = settings
        self._client: httpx.AsyncClient | None = None
        self._gates: dict[str, _HostGate] = {}
        self._total = asyncio.Semaphore(max(1, settings.total_concurrency))
        # Seams for tests of the per-host delay (no real waiting in tests).
        self._now: Callable[[], float] = time.monotonic
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            follow_redirects=False,  # followed by hand: loop detection, per-hop politeness
            timeout=httpx.Timeout(s.total_timeout, connect=s.connect_timeout),
            limits=httpx.Limits(
                max_connections=s.total_concurrency,
                max_keepalive_connections=s.total_concurrency,
            ),
            trust_env=False,  # no proxy or netrc surprises from the environment
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
    ) -> FetchResponse:
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        request_headers = httpx.Headers({"Accept": "*/*"})
        request_headers.update(headers or {})
        request_headers["User-Agent"] = user_agent or request_headers.get(
            "User-Agent", self.settings.user_agent
        )
        request_headers["Accept-Encoding"] = ACCEPT_ENCODING  # we decode, so we choose
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified

        current = url
        seen = {url}
        # One total deadline across all redirect hops; waiting for a polite turn is not on it.
        budget = _Budget(self.settings.total_timeout)
        for _ in range(self.settings.max_redirects + 1):
            hop = await self._polite_hop(self._client, current, request_headers, budget)
            if hop.location is None:
                return _response(current, hop, etag, last_modified)
            target = urljoin(current, hop.location)
            if target in seen:
                raise FetchError("redirects", f"redirect loop: {current} -> {target}")
            seen.add(target)
            current = target
        limit = self.settings.max_redirects
        raise FetchError("redirects", f"more than {limit} redirects from {url}")

    def _gate(self, url: str) -> _HostGate:
        parts = urlsplit(url)
        key = (parts.hostname or "").lower()
        if self.settings.host_key == "host:port":
            key = f"{key}:{parts.port or parts.scheme}"
        gate = self._gates.get(key)
        if gate is None:
            gate = self._gates[key] = _HostGate(self.settings.per_host_concurrency)
        return gate

    async def _wait_turn(self, gate: _HostGate) -> None:
        delay = self.settings.per_host_delay
        if delay <= 0:
            return
        # Reserve the next start time before sleeping, so waiters queue up in order.
        now = self._now()
        start = max(now, gate.next_start)
        gate.next_start = start + delay
        if start > now:
            await self._sleep(start - now)

    async def _polite_hop(
        self, client: httpx.AsyncClient, url: str, headers: httpx.Headers, budget: _Budget
    ) -> _Hop:
        gate = self._gate(url)
        async with gate.slots:
            await self._wait_turn(gate)
            async with self._total:
                loop = asyncio.get_running_loop()
                started = loop.time()
                try:
                    async with asyncio.timeout(max(budget.left, 0.0)):
                        return await self._exchange(client, url, headers)
                except TimeoutError as exc:
                    message = f"no complete response within {budget.total:g}s: {url}"
                    raise FetchError("timeout", message) from exc
                except httpx.InvalidURL as exc:
                    raise FetchError("protocol", f"invalid URL {url!r}: {exc}") from exc
                except httpx.HTTPError as exc:
                    raise classify(exc, url) from exc
                finally:
                    budget.left -= loop.time() - started

    async def _exchange(self, client: httpx.AsyncClient, url: str, headers: httpx.Headers) -> _Hop:
        async with client.stream("GET", url, headers=headers) as resp:
            status = resp.status_code
            location = resp.headers.get("location")
            if status in REDIRECT_STATUSES and location:
                return _Hop(status, resp.headers, location=location)
            if status == 304:
                return _Hop(304, resp.headers)
            if not 200 <= status < 300:
                retry = resp.headers.get("retry-after") if status in RETRY_AFTER_STATUSES else None
                raise FetchError(
                    "http",
                    f"HTTP {status} {resp.reason_phrase} from {url}",
                    status=status,
                    retry_after=parse_retry_after(retry),
                )
            return _Hop(status, resp.headers, await self._read_body(resp, url))

    async def _read_body(self, resp: httpx.Response, url: str) -> bytes:
        cap = self.settings.max_bytes
        encoding = resp.headers.get("content-encoding", "")
        declared = resp.headers.get("content-length", "")
        if not encoding and declared.isdigit() and int(declared) > cap:
            raise FetchError("too_large", f"body of {declared} bytes exceeds {cap}: {url}")
        decoder = _Decoder(encoding.strip().lower())
        body = bytearray()
        try:
            async for chunk in resp.aiter_raw():
                body += decoder.decode(chunk, cap - len(body) + 1)
                if len(body) > cap:
                    raise FetchError("too_large", f"body exceeds {cap} bytes: {url}")
            body += decoder.flush(cap - len(body) + 1)
        except ValueError as exc:
            raise FetchError("protocol", f"corrupt {encoding} body from {url}: {exc}") from exc
        if len(body) > cap:
            raise FetchError("too_large", f"body exceeds {cap} bytes: {url}")
        return bytes(body)


def _response(url: str, hop: _Hop, etag: str | None, last_modified: str | None) -> FetchResponse:
    # On a 304 the server may omit the validators: the ones we sent still hold.
    return FetchResponse(
        url=url,
        status=hop.status,
        headers=hop.headers,
        content=hop.content,
        etag=hop.headers.get("etag") or (etag if hop.status == 304 else None),
        last_modified=hop.headers.get("last-modified")
        or (last_modified if hop.status == 304 else None),
    )


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def classify(exc: httpx.HTTPError, url: str) -> FetchError:
    """Map an httpx failure to a FetchError kind the source-health report can show."""
    chain = _causes(exc)
    host = urlsplit(url).hostname or url
    if any(isinstance(c, socket.gaierror) for c in chain):
        return FetchError("dns", f"cannot resolve host {host!r}: {exc}")
    if any(isinstance(c, ssl.SSLError | ssl.CertificateError) for c in chain):
        return FetchError("tls", f"TLS failure with {host!r}: {exc}")
    if isinstance(exc, httpx.TimeoutException):
        phase = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
        return FetchError("timeout", f"{phase} timeout on {url}")
    if isinstance(exc, httpx.ConnectError):
        return FetchError("connect", f"cannot connect to {host!r}: {exc}")
    if isinstance(exc, httpx.ProtocolError | httpx.DecodingError | httpx.UnsupportedProtocol):
        return FetchError("protocol", f"protocol error on {url}: {exc}")
    if isinstance(exc, httpx.NetworkError):
        return FetchError("connect", f"connection failed on {url}: {exc}")
    return FetchError("protocol", f"HTTP failure on {url}: {exc}")
