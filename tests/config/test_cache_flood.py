"""A flood of distinct URLs cannot grow the caches or erase the rate limits' counts (docs/deploying.md, "Redis").

Against real redis-servers as production runs them: the rendered pages in one capped at a few megabytes with
`volatile-lru`, the counts in another with `noeviction`. Every visit below has a query string of its own (valid
accessions, each set different), the shape of URL that once stored a new rendering of the whole plan each.
"""

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from config.cache import caches_configure
from policy.results import result_create
from tests.config.servers import RedisServer
from tests.policy.conftest import FIVE_DATASET_STUDY

pytestmark = pytest.mark.django_db

FLOOD = 60
PAGES_CAP = "4mb"
STUDY = {"datasets": [{"id": "lm", "modality": "light_microscopy"}]}


@pytest.fixture
def production_redis(tmp_path, settings):
    pages = RedisServer(tmp_path / "pages", ("--maxmemory", PAGES_CAP, "--maxmemory-policy", "volatile-lru"))
    limits = RedisServer(tmp_path / "limits", ("--maxmemory-policy", "noeviction"))
    for server in (pages, limits):
        server.directory.mkdir()
        server.start()
    settings.CACHES = caches_configure(
        redis_url=pages.url, limits_redis_url=limits.url, timeout_seconds=settings.REDIS_TIMEOUT_SECONDS
    )
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "results": "2/d", "reads": f"{FLOOD + 10}/d"}
    yield redis.Redis.from_url(pages.url), redis.Redis.from_url(limits.url)
    for server in (pages, limits):
        server.stop()


def results_store(client: Client, count: int) -> list[int]:
    body = {"datasets": [{"id": f"lm{number}", "modality": "light_microscopy"} for number in range(count)]}
    return [
        client.post(
            "/api/v1/plans", data={"datasets": body["datasets"][: number + 1]}, content_type="application/json"
        ).status_code
        for number in range(count)
    ]


def test_distinct_accession_urls_leave_the_redis_of_pages_flat_and_the_counts_intact(production_redis):
    pages, limits = production_redis
    result, _ = result_create(answers=FIVE_DATASET_STUDY)
    client = Client(REMOTE_ADDR="192.0.2.50")
    assert results_store(client, 3) == [201, 201, 429]
    counts_before = sorted(limits.keys("ratelimit:*"))
    assert client.get(f"/r/{result.pk}/").status_code == 200
    keys_after_one_visit = pages.dbsize()

    for number in range(FLOOD):
        response = client.get(f"/r/{result.pk}/", {"emdb:cryo-et": f"EMD-{20000 + number}"})
        assert response.status_code == 200

    assert pages.dbsize() == keys_after_one_visit
    assert int(pages.info("stats")["evicted_keys"]) == 0
    assert int(pages.info("memory")["used_memory"]) < 4 * 1024 * 1024
    assert set(counts_before) <= set(limits.keys("ratelimit:*"))
    assert int(limits.info("stats")["evicted_keys"]) == 0
    # The results limit that answered 429 before the flood still does.
    assert results_store(client, 1) == [429]


def test_distinct_accession_urls_leave_the_memory_of_pages_flat(settings):
    settings.CACHES = caches_configure(redis_url="")
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "reads": f"{FLOOD + 10}/d"}
    pages = caches["pages"]
    pages.clear()
    result, _ = result_create(answers=FIVE_DATASET_STUDY)
    client = Client()
    client.get(f"/r/{result.pk}/")
    held = pages.held_bytes()

    for number in range(FLOOD):
        assert client.get(f"/r/{result.pk}/", {"emdb:cryo-et": f"EMD-{20000 + number}"}).status_code == 200

    assert pages.held_bytes() == held
    pages.clear()
