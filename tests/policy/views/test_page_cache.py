"""No order of visits changes what a URL shows.

The result page is rendered into the `pages` cache in fragments, and several of a result's URLs read the accessions
typed in their query string. Whatever was visited before, with accessions, without, or with others, each URL must
show exactly what a fresh render of it shows: with the cache of production (this process's memory) and with the
shared cache of several hosts (Redis). The HTTP layer is checked too: what a browser or a shared cache may keep is
keyed by the full URL, query string included.
"""

from itertools import pairwise, permutations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.cache import PagesMemoryCache, caches_configure
from policy.models import Result
from policy.results import result_create
from tests.policy.conftest import FIVE_DATASET_STUDY

pytestmark = pytest.mark.django_db

# The query strings a plan link is visited with: none, two different sets of accessions (each changes the EMPIAR
# draft's EMDB reference and its "Check:" note), and junk that must count as none.
VISITS = {
    "plain": {},
    "accessions": {"emdb:cryo-et": "EMD-2222", "empiar:fib-sem": "EMPIAR-10310"},
    "other accessions": {"emdb:cryo-et": "EMD-3333", "bia-imaging": "S-BIAD17"},
    "junk": {"emdb:cryo-et": "not an accession", "unrelated": "<b>x</b>"},
}
# Orders of visits chosen so that each visit comes first once (onto a cold cache) and right after each other visit
# once: every cached fragment is read back after every other visit that could have filled it, which is what any
# order could show. Four orders, where all 24 would repeat these pairs.
ORDERS = [
    ("plain", "accessions", "other accessions", "junk"),
    ("accessions", "junk", "plain", "other accessions"),
    ("other accessions", "plain", "junk", "accessions"),
    ("junk", "other accessions", "accessions", "plain"),
]


def test_the_chosen_orders_start_with_each_visit_and_put_each_after_every_other():
    assert {order[0] for order in ORDERS} == set(VISITS)
    assert {pair for order in ORDERS for pair in pairwise(order)} == set(permutations(VISITS, 2))


def caches_of_production(redis_url: str = "") -> dict:
    """The test settings' caches, with production's cache of rendered pages (the test settings turn it off)."""
    production = caches_configure(redis_url=redis_url)
    return {**caches_configure(redis_url=""), "pages": production["pages"]}


@pytest.fixture(params=["process memory", "redis"])
def pages_cache(request, settings):
    """Production's cache of rendered pages: this process's memory, or a Redis of the test's own."""
    redis_url = request.getfixturevalue("redis_server").url if request.param == "redis" else ""
    settings.CACHES = caches_of_production(redis_url)
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def result() -> Result:
    stored, _ = result_create(answers=FIVE_DATASET_STUDY)
    return stored


def query_reading_urls(result: Result) -> dict[str, str]:
    """Every URL of a result that reads the accessions in its query string."""
    return {
        "page": reverse("result", args=[result.pk]),
        "accessions table": reverse("result-template", args=[result.pk, "accessions"]),
        "EMPIAR draft": reverse("kit-empiar-draft", args=[result.pk, "cryo-et"]),
        "BIA outline": reverse("kit-bia-outline", args=[result.pk]),
        "maDMP": reverse("result-madmp", args=[result.pk]),
    }


def shown(client, url: str, visit: str) -> bytes:
    response = client.get(url, VISITS[visit])
    assert response.status_code == 200
    return response.content


@pytest.fixture
def fresh(client, result) -> dict[tuple[str, str], bytes]:
    """What each URL shows rendered afresh, with no cache of rendered pages (the test settings' dummy cache)."""
    return {
        (kind, visit): shown(client, url, visit) for kind, url in query_reading_urls(result).items() for visit in VISITS
    }


def test_the_accessions_change_what_the_page_shows(fresh):
    """The premise: a cache that ignored the query string would show some visitor another's page."""
    assert fresh["page", "plain"] != fresh["page", "accessions"] != fresh["page", "other accessions"]
    assert b"EMD-0000" in fresh["page", "plain"]


@pytest.mark.parametrize("order", ORDERS, ids="-then-".join)
def test_the_page_in_any_order_of_visits_is_its_fresh_render(client, result, fresh, pages_cache, order):
    pages_cache.clear()
    page, table = query_reading_urls(result)["page"], query_reading_urls(result)["accessions table"]

    for visit in order:
        assert shown(client, page, visit) == fresh["page", visit], f"the page {visit} after {order}"
        assert shown(client, table, visit) == fresh["accessions table", visit]


@pytest.mark.parametrize("visit", list(VISITS))
def test_every_query_reading_url_after_every_other_visit_is_its_fresh_render(client, result, fresh, pages_cache, visit):
    urls = query_reading_urls(result)
    for other in VISITS:
        if other != visit:
            for url in urls.values():
                shown(client, url, other)

    for kind, url in urls.items():
        assert shown(client, url, visit) == fresh[kind, visit], kind


def test_no_query_string_adds_to_the_cache_of_a_plain_visit(client, result, settings):
    """The query string keys nothing: a plain visit keeps the page whole and its two fragments; junk, valid
    accessions or a flood of distinct ones add no entry and no byte."""
    settings.CACHES = caches_of_production()
    pages = caches["pages"]
    pages.clear()
    page = query_reading_urls(result)["page"]

    shown(client, page, "plain")
    entries, held = len(pages._cache), pages.held_bytes()
    shown(client, page, "junk")
    shown(client, page, "accessions")
    for number in range(30):
        assert client.get(page, {"emdb:cryo-et": f"EMD-{10000 + number}"}).status_code == 200

    assert entries == 3
    assert (len(pages._cache), pages.held_bytes()) == (entries, held)
    pages.clear()


def test_the_plain_page_is_served_whole_from_the_cache(client, result, settings):
    settings.CACHES = caches_of_production()
    caches["pages"].clear()
    page = query_reading_urls(result)["page"]
    first = client.get(page, HTTP_ACCEPT_ENCODING="gzip")

    with CaptureQueriesContext(connection) as queries:
        again = client.get(page, HTTP_ACCEPT_ENCODING="gzip")

    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Encoding"] == "gzip"
    # Only the check that the result still exists: nothing loaded, nothing rendered.
    assert len(queries) == 1
    caches["pages"].clear()


def test_the_memory_cache_of_pages_is_bounded_in_bytes():
    cache = PagesMemoryCache("bounded-test", {"OPTIONS": {"MAX_BYTES": 10_000, "MAX_ENTRIES": 1000}})
    cache.clear()

    for number in range(50):
        cache.set(f"page-{number}", "x" * 1000)

    assert cache.held_bytes() <= 10_000
    assert cache.get("page-49") is not None
    assert cache.get("page-0") is None
    cache.set("huge", "x" * 20_000)
    assert cache.get("huge") is None
    assert cache.held_bytes() <= 10_000
    cache.clear()


@pytest.mark.parametrize("visit", list(VISITS))
def test_the_validator_of_a_url_is_the_same_whatever_was_visited_before(client, result, visit):
    page = query_reading_urls(result)["page"]
    first = client.get(page, VISITS[visit])
    for other in VISITS:
        client.get(page, VISITS[other])

    again = client.get(page, VISITS[visit])

    assert again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"]


def test_each_query_string_has_a_validator_of_its_own(client, result):
    page = query_reading_urls(result)["page"]

    etags = {visit: client.get(page, query)["ETag"] for visit, query in VISITS.items()}

    assert len(set(etags.values())) == len(VISITS)


@pytest.mark.parametrize("visit", ["accessions", "other accessions"])
def test_a_validator_of_one_query_string_never_revalidates_another(client, result, visit):
    page = query_reading_urls(result)["page"]
    plain = client.get(page)

    answered = client.get(page, VISITS[visit], HTTP_IF_NONE_MATCH=plain["ETag"])

    assert answered.status_code == 200
    assert answered.content != plain.content
