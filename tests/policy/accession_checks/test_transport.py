"""The HTTP client against a server on 127.0.0.1 that fails the ways archives do: no answer, a server error,
invalid JSON, a body too large, an answer trickling in. Each failure is ArchiveUnavailable, never a hang."""

import http.server
import threading
import time

import pytest

from policy.accession_checks.transport import ArchiveUnavailable, UrllibTransport

HUGE = 3 * 1024 * 1024


class ArchiveStandIn(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/ok":
            self._send(200, b'{"title": "an entry"}')
        elif self.path == "/missing":
            self._send(404, b'{"detail": "Not found."}')
        elif self.path == "/error":
            self._send(500, b"<html>Internal Server Error</html>", "text/html")
        elif self.path == "/garbled":
            self._send(200, b'{"title": "an ent')
        elif self.path == "/huge":
            self._send(200, b"[" + b"0," * (HUGE // 2) + b"0]")
        elif self.path == "/silent":
            time.sleep(3)
            self._send(200, b"{}")
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" " * 70_000)
                self.wfile.flush()
                time.sleep(0.05)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that gave up (a timeout, a cap) leaves a broken pipe behind: that is the point."""


@pytest.fixture(scope="module")
def archive_url():
    server = QuietServer(("127.0.0.1", 0), ArchiveStandIn)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def transport(**overrides) -> UrllibTransport:
    return UrllibTransport(**{"timeout_seconds": 5, "deadline_seconds": 30, "max_body_bytes": 1024 * 1024, **overrides})


def test_answer_is_read(archive_url):
    answer = transport()(f"{archive_url}/ok")
    assert (answer.status, answer.json()) == (200, {"title": "an entry"})


def test_not_found_is_an_answer_about_the_entry(archive_url):
    assert transport()(f"{archive_url}/missing").not_found


def test_server_error_is_no_answer(archive_url):
    answer = transport()(f"{archive_url}/error")
    assert not answer.not_found
    with pytest.raises(ArchiveUnavailable, match="HTTP 500"):
        answer.json()


def test_invalid_json_is_no_answer(archive_url):
    with pytest.raises(ArchiveUnavailable, match="not valid JSON"):
        transport()(f"{archive_url}/garbled").json()


def test_body_over_the_cap_is_not_read_to_its_end(archive_url):
    with pytest.raises(ArchiveUnavailable, match="larger than"):
        transport()(f"{archive_url}/huge")


def test_silent_archive_times_out(archive_url):
    with pytest.raises(ArchiveUnavailable, match="no answer"):
        transport(timeout_seconds=0.2)(f"{archive_url}/silent")


def test_answer_trickling_past_the_deadline_is_abandoned(archive_url):
    """Each read comes within the timeout, but the whole answer would take two seconds: the deadline ends it."""
    with pytest.raises(ArchiveUnavailable, match="slower than"):
        transport(deadline_seconds=0.3, max_body_bytes=HUGE * 2)(f"{archive_url}/trickle")


def test_nobody_listening_is_no_answer():
    with pytest.raises(ArchiveUnavailable, match="no answer"):
        transport(timeout_seconds=1)("http://127.0.0.1:9/")
