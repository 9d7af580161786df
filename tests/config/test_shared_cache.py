"""The shared cache: with REDIS_URL the rate limits count in Redis, and when Redis goes away the service keeps
answering, counting in each process's memory until Redis is back (fail open, docs/deploying.md "Redis").

Each test runs against a real redis-server of its own, stopped and started mid-test. That the counts are shared
by several hosts is proven with two gunicorn servers in test_two_hosts.py.
"""

import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.test import Client

from config.cache import SHARED_PAGES_TIMEOUT_SECONDS, caches_configure
from config.release import release_fingerprint
from policy.results import result_create
from tests.config.servers import RedisServer

pytestmark = pytest.mark.django_db

LIMIT = 3
STUDY = {"datasets": [{"id": "lm", "modality": "light_microscopy"}]}


@pytest.fixture
def shared(settings, redis_server):
    settings.CACHES = caches_configure(
        redis_url=redis_server.url, limits_redis_url=redis_server.url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
    )
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "api": f"{LIMIT}/h", "results": f"{LIMIT}/h"}
    return redis_server


def api_statuses(count: int, client: Client | None = None) -> list[int]:
    client = client or Client()
    return [client.post("/api/v1/plan", data="{}", content_type="application/json").status_code for _ in range(count)]


def test_without_redis_every_cache_is_this_process_memory():
    backends = {alias: config["BACKEND"] for alias, config in caches_configure(redis_url="").items()}

    assert backends == {
        "default": "django.core.cache.backends.locmem.LocMemCache",
        "ratelimit": "django.core.cache.backends.locmem.LocMemCache",
        "pages": "config.cache.PagesMemoryCache",
        "accessions": "django.core.cache.backends.locmem.LocMemCache",
    }


def test_with_two_redis_the_limits_and_the_result_pages_are_shared_each_in_its_own():
    configured = caches_configure(
        redis_url="redis://pages.internal:6379/0", limits_redis_url="redis://limits.internal:6379/0"
    )

    assert configured["pages"]["LOCATION"] == "redis://pages.internal:6379/0"
    assert configured["ratelimit"]["LOCATION"] == "redis://limits.internal:6379/0"
    assert configured["ratelimit"]["BACKEND"] == configured["pages"]["BACKEND"] == "config.cache.SharedCache"


def test_the_counts_never_go_to_the_pages_redis():
    """The pages' Redis evicts under its memory cap: without a Redis of their own, the counts stay in memory."""
    configured = caches_configure(redis_url="redis://pages.internal:6379/0")

    assert configured["pages"]["BACKEND"] == "config.cache.SharedCache"
    assert configured["ratelimit"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_no_two_redis_servers_of_a_run_share_an_address(tmp_path):
    # This process keeps the counts of a Redis that is down by its address: a later server at the same address
    # would start with them.
    addresses = [RedisServer(tmp_path / str(number)).url for number in range(1000)]

    assert len(set(addresses)) == len(addresses)


def test_rate_limit_counts_live_in_redis(shared):
    assert api_statuses(LIMIT + 1) == [400] * LIMIT + [429]

    stored = redis.Redis.from_url(shared.url).keys("ratelimit:*")
    assert len(stored) == 1
    assert int(redis.Redis.from_url(shared.url).get(stored[0])) == LIMIT + 1


def test_with_redis_down_pages_and_the_api_keep_answering(shared, client):
    result, _ = result_create(answers=STUDY)
    shared.stop()

    assert client.get(f"/r/{result.pk}/").status_code == 200
    assert client.get("/study/", follow=True).status_code == 200
    assert api_statuses(1) == [400]
    assert client.post("/api/v1/plans", data=STUDY, content_type="application/json").status_code == 200


def test_with_redis_down_the_limits_fail_open_to_this_process_counts(shared):
    shared.stop()

    assert api_statuses(LIMIT + 1) == [400] * LIMIT + [429]


def test_with_redis_down_the_threads_of_a_process_share_its_counts(shared):
    shared.stop()
    first = api_statuses(LIMIT - 1)

    with ThreadPoolExecutor(1) as another_thread:
        then = another_thread.submit(api_statuses, 2).result()

    assert first + then == [400] * LIMIT + [429]


def test_an_outage_costs_one_attempt_per_process_not_one_per_request(shared, caplog):
    shared.stop()

    with caplog.at_level(logging.WARNING, logger="config.cache"):
        api_statuses(LIMIT)

    warnings = [record.getMessage() for record in caplog.records if record.name == "config.cache"]
    assert len(warnings) == 1
    assert warnings[0].startswith("Redis cannot be reached")
    assert warnings[0].endswith("ratelimit uses this process's memory for 5 s")


def test_counting_returns_to_redis_once_it_answers_again(shared, monkeypatch):
    monkeypatch.setattr("config.cache.REDIS_RETRY_AFTER_SECONDS", 0)
    shared.stop()
    api_statuses(2)
    shared.start()

    assert api_statuses(LIMIT + 1) == [400] * LIMIT + [429]
    assert redis.Redis.from_url(shared.url).keys("ratelimit:*")


def test_a_rendered_result_page_in_redis_is_keyed_by_release(shared, client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": caches_configure(redis_url=shared.url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS)["pages"],
    }
    result, _ = result_create(answers=STUDY)

    first = client.get(f"/r/{result.pk}/").content
    cached = client.get(f"/r/{result.pk}/").content

    assert cached == first
    stored = redis.Redis.from_url(shared.url)
    keys = [key.decode() for key in stored.keys("pages:*")]
    assert keys
    assert all(f":{release_fingerprint()}:" in key for key in keys)
    # The template caches "for ever" ({% cache None %}); in Redis every key expires all the same.
    assert all(0 < stored.ttl(key) <= SHARED_PAGES_TIMEOUT_SECONDS for key in keys)
