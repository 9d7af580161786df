"""/healthz and /readyz: cheap, never turned away (host, HTTPS, rate limits), and /readyz tells the truth."""

import pytest
from django.test import Client

from config.cache import caches_configure
from tests.config.production import django_probe, production_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_configured(settings, redis_server):
    settings.CACHES = caches_configure(
        redis_url=redis_server.url, limits_redis_url=redis_server.url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
    )
    return redis_server


def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readiness_asks_the_database(client, settings, django_assert_num_queries):
    settings.CACHES = caches_configure(redis_url="")

    with django_assert_num_queries(1):
        response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok"}}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_by_a_host_address_over_plain_http_are_answered(settings, path):
    settings.SECURE_SSL_REDIRECT = True
    response = Client(HTTP_HOST="10.0.0.5:8000").get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_never_rate_limited(settings, path):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "api": "1/m", "results": "1/m"}
    client = Client()
    for _ in range(3):
        client.post("/api/v1/plan", data="{}", content_type="application/json")
    assert client.post("/api/v1/plan", data="{}", content_type="application/json").status_code == 429

    assert [client.get(path).status_code for _ in range(5)] == [200] * 5


def test_probes_accept_head_and_refuse_other_methods(client):
    assert client.head("/readyz").status_code == 200
    refused = client.post("/healthz")
    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD"


def test_probes_carry_the_security_headers(client):
    response = client.get("/healthz")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_readiness_names_redis_when_it_is_configured(client, redis_configured):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok"}


def test_readiness_fails_while_redis_is_down_and_recovers_with_it(client, redis_configured):
    redis_configured.stop()
    down = client.get("/readyz")
    live = client.get("/healthz")
    redis_configured.start()
    back = client.get("/readyz")

    assert down.status_code == 503
    assert down.json() == {"status": "unavailable", "checks": {"database": "ok", "redis": "unreachable"}}
    assert live.status_code == 200
    assert back.status_code == 200


def test_readiness_fails_while_the_database_is_unreachable(tmp_path, production_static):
    outcome = django_probe(
        f"""
        import shutil
        from django.core.management import call_command
        from django.db import connections
        call_command("migrate", "--no-input", verbosity=0)

        def probe(path):
            response = client.get(path, secure=True)
            return {{"status": response.status_code, "body": response.json()}}

        before = probe("/readyz")
        connections.close_all()
        shutil.move({str(tmp_path / "data")!r}, {str(tmp_path / "data-away")!r})
        during = [probe("/readyz"), probe("/healthz")]
        shutil.move({str(tmp_path / "data-away")!r}, {str(tmp_path / "data")!r})
        after = probe("/readyz")
        print(json.dumps({{"before": before, "during": during, "after": after}}))
        """,
        production_env(tmp_path, static_root=production_static),
    )

    assert outcome["before"]["status"] == 200
    ready, live = outcome["during"]
    assert ready == {"status": 503, "body": {"status": "unavailable", "checks": {"database": "unreachable"}}}
    assert live["status"] == 200
    assert outcome["after"]["status"] == 200
