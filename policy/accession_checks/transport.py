"""How checks reach the archives: one GET at a time, with short timeouts, a deadline for the whole answer and a cap
on what is read, so that a slow or babbling archive costs at most a few seconds and a few megabytes.

A transport is any callable of a URL answering an `HttpAnswer`, or raising `ArchiveUnavailable`; tests replay
recorded answers through one (tests never reach the network)."""

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

USER_AGENT = "depositwizard-accession-check/1"
READ_CHUNK_BYTES = 64 * 1024


class ArchiveUnavailable(Exception):
    """The archive gave no usable answer: nothing can be said about the accession."""


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    status: int
    body: bytes
    content_type: str = "application/json"

    @property
    def not_found(self) -> bool:
        """What the archives answer for an entry they do not show: unknown, unreleased, or private (401, 403).
        Rate limiting (429) is not an answer about the entry."""
        return 400 <= self.status < 500 and self.status != 429

    def json(self):
        if not 200 <= self.status < 300:
            raise ArchiveUnavailable(f"HTTP {self.status}")
        try:
            return json.loads(self.body)
        except (ValueError, RecursionError):
            raise ArchiveUnavailable("not valid JSON") from None

    def text(self) -> str:
        if not 200 <= self.status < 300:
            raise ArchiveUnavailable(f"HTTP {self.status}")
        return self.body.decode("utf-8", errors="replace").strip()


Transport = Callable[[str], HttpAnswer]


@dataclass(frozen=True, slots=True)
class UrllibTransport:
    """The standard library's HTTP client, bounded: `timeout_seconds` per connect and per read, `deadline_seconds`
    for the whole answer (an archive trickling bytes), `max_body_bytes` read at most."""

    timeout_seconds: float
    deadline_seconds: float
    max_body_bytes: int

    def __call__(self, url: str) -> HttpAnswer:
        started = time.monotonic()
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                body = self._read(response, started)
                return HttpAnswer(response.status, body, response.headers.get_content_type())
        except urllib.error.HTTPError as error:
            # The body of an error is not read: its status says all a check needs.
            return HttpAnswer(error.code, b"", error.headers.get_content_type() if error.headers else "")
        except (OSError, ValueError) as error:  # URLError, timeouts, refused connections, bad status lines
            raise ArchiveUnavailable(f"no answer ({type(error).__name__})") from None

    def _read(self, response, started: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(READ_CHUNK_BYTES):
            size += len(chunk)
            if size > self.max_body_bytes:
                raise ArchiveUnavailable(f"answer larger than {self.max_body_bytes} bytes")
            if time.monotonic() - started > self.deadline_seconds:
                raise ArchiveUnavailable(f"answer slower than {self.deadline_seconds:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def transport_default() -> Transport:
    """The transport the settings describe (docs/accession-checks.md)."""
    return UrllibTransport(
        timeout_seconds=settings.ACCESSION_CHECKS_TIMEOUT_SECONDS,
        deadline_seconds=settings.ACCESSION_CHECKS_DEADLINE_SECONDS,
        max_body_bytes=settings.ACCESSION_CHECKS_MAX_BODY_BYTES,
    )
