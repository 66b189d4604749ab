"""One rooted exception hierarchy; causes are chained with ``raise ... from``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a file the user wrote.

    ``line``/``column`` are 1-based and ``None`` when TOML does not tell us.
    """

    file: str
    key: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.key}: {self.message}" if self.key else (
            f"{where}: {self.severity}: {self.message}"
        )
        if self.hint:
            text += f" ({self.hint})"
        return text


class MonitorError(Exception):
    """Root of every error this package raises on purpose."""


class InvalidFileError(MonitorError):
    """A config or rule file has errors; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(InvalidFileError):
    """config.toml is invalid."""


class RuleError(InvalidFileError):
    """One or more rule files are invalid."""


class FetchError(MonitorError):
    """An HTTP fetch failed; ``kind`` names the failure for source health."""

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.kind = kind  # dns | connect | tls | timeout | http | too_large | redirects | protocol
        self.status = status  # HTTP status for kind "http"
        self.retry_after = retry_after  # seconds, from Retry-After on 429/503
        super().__init__(message)


class ParseError(MonitorError):
    """Fetched bytes could not be turned into items at all."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind  # parse | selector
        super().__init__(message)


class DeliveryError(MonitorError):
    """A digest could not be delivered (yet)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        self.permanent = permanent
        super().__init__(message)
