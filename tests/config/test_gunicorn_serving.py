"""The production stack end to end: collectstatic, then gunicorn with gunicorn.conf.py and production settings,
spoken to over HTTP on 127.0.0.1."""

import gzip
import http.client
import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.config.deployment import gunicorn_start, gunicorn_stop, production_environment, static_collect

TEN_YEARS = 315360000
SERVERS = itertools.count()


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("production")
    static_collect(production_environment(tmp_path))
    return tmp_path


def server_start(folder: Path, **overrides: str):
    """One gunicorn worker is enough here; each server logs to a file of its own (the module's stays up)."""
    environment = production_environment(folder, WEB_CONCURRENCY="1", **overrides)
    server = gunicorn_start(environment, log=folder / f"gunicorn-{next(SERVERS)}.log")
    return server, server.port


def http_get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.fixture(scope="module")
def plain_http_server(collected_static):
    server, port = server_start(collected_static, DJANGO_SECURE="0")
    yield port
    gunicorn_stop(server)


def test_pages_link_static_files_under_content_hashed_names(plain_http_server):
    response, body = http_get(plain_http_server, "/")

    assert response.status == 200
    assert re.search(rb'href="/static/css/app\.[0-9a-f]{12}\.css"', body)
    assert re.search(rb'src="/static/vendor/htmx/htmx\.min\.[0-9a-f]{12}\.js"', body)


def test_hashed_static_files_are_compressed_and_cached_for_years(plain_http_server):
    _, page = http_get(plain_http_server, "/")
    stylesheet = re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page).group(1).decode()

    for encoding in ("br", "gzip"):
        response, body = http_get(plain_http_server, stylesheet, {"Accept-Encoding": encoding})

        assert response.status == 200
        assert response.getheader("Content-Encoding") == encoding
        assert f"max-age={TEN_YEARS}" in response.getheader("Cache-Control")
        assert "immutable" in response.getheader("Cache-Control")
        assert len(body) < (Path(settings.BASE_DIR) / "static/css/app.css").stat().st_size / 2


def test_pages_are_compressed_for_browsers_that_accept_it(plain_http_server):
    plain, plain_body = http_get(plain_http_server, "/")
    compressed, compressed_body = http_get(plain_http_server, "/", {"Accept-Encoding": "gzip"})

    assert plain.getheader("Content-Encoding") is None
    assert compressed.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(compressed_body).startswith(b"<!DOCTYPE html>")
    assert len(compressed_body) < len(plain_body)


def test_every_request_is_written_to_the_access_log_with_its_duration(collected_static):
    server, port = server_start(collected_static, DJANGO_SECURE="0")
    http_get(port, "/")
    log = gunicorn_stop(server)

    assert re.search(r'"GET / HTTP/1\.1" 200 \d+ .* \d+ms', log), log


def test_successful_health_probes_stay_out_of_the_access_log_and_failing_ones_do_not(collected_static):
    # No database at this address: /readyz fails, as it would with the database down.
    server, port = server_start(collected_static, DJANGO_SECURE="0", DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    live, _ = http_get(port, "/healthz")
    ready, _ = http_get(port, "/readyz")
    http_get(port, "/policy/")
    log = gunicorn_stop(server)

    assert live.status == 200
    assert ready.status == 503
    assert "/healthz" not in log
    assert re.search(r'"GET /readyz HTTP/1\.1" 503 ', log), log
    assert re.search(r'"GET /policy/ HTTP/1\.1" ', log), log


def test_https_only_mode_redirects_plain_http_and_trusts_the_local_proxy(collected_static):
    server, port = server_start(collected_static)
    try:
        redirected, _ = http_get(port, "/")
        # As the load balancer on 127.0.0.1 (gunicorn's default FORWARDED_ALLOW_IPS) would send it.
        proxied, _ = http_get(port, "/", {"X-Forwarded-Proto": "https"})
        # gunicorn's other default scheme headers, which the load balancer neither sets nor strips: not believed.
        other_headers = [
            http_get(port, "/", {name: value})[0].status
            for name, value in (("X-Forwarded-Ssl", "on"), ("X-Forwarded-Protocol", "ssl"))
        ]
    finally:
        gunicorn_stop(server)

    assert redirected.status == 301
    assert redirected.getheader("Location") == f"https://127.0.0.1:{port}/"
    assert proxied.status == 200
    assert other_headers == [301, 301]


def test_https_only_mode_answers_health_probes_over_plain_http_at_any_host_name(collected_static):
    server, port = server_start(collected_static)
    try:
        # As a load balancer probes a host: plain HTTP, by the host's own address.
        response, body = http_get(port, "/healthz", {"Host": "10.0.0.5:8000"})
    finally:
        gunicorn_stop(server)

    assert response.status == 200
    assert body == b'{"status": "ok"}'
