import os

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.config.servers import RedisServer

# Speed targets live in bench/, never in unit tests: no per-example deadline, and no failure when drawing the first
# examples is slow (on a loaded machine one example can take many times its usual time, and Hypothesis would call
# either a failure).
hypothesis_settings.register_profile("depositwizard", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI's verdict depends on the code alone: the same examples on every run (each test's own seed, .ci/run sets
# DEPOSITWIZARD_HYPOTHESIS=ci). Other runs explore new examples; a failure found there becomes an @example.
hypothesis_settings.register_profile("ci", parent=hypothesis_settings.get_profile("depositwizard"), derandomize=True)
hypothesis_settings.load_profile(os.environ.get("DEPOSITWIZARD_HYPOTHESIS", "depositwizard"))


# Fixtures through which a test reaches the database: a test that uses one of them (or the django_db mark, which
# pytest-django turns into one) is marked `database`. The PostgreSQL pass of .ci/test runs those alone: what it
# proves is that the queries, constraints and JSON columns behave alike on both databases.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def ratelimit_counts_cleared(settings):
    """Each test starts with no requests counted against the rate limits (the counts live in memory)."""
    caches[settings.RATELIMIT_USE_CACHE].clear()


@pytest.fixture(autouse=True)
def accession_checks_forgotten():
    """Each test starts with no archive's answer cached and every circuit breaker closed."""
    caches["accessions"].clear()


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of this test's own, which it may stop and start again (skipped where redis-server is missing)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def pytest_addoption(parser):
    parser.addoption(
        "--snapshots-update",
        action="store_true",
        help="write the snapshots of tests/policy/views/test_snapshots.py anew instead of comparing with them",
    )
