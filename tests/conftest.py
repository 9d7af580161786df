import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def ratelimit_counts_cleared(settings):
    """Each test starts with no requests counted against the rate limits (the counts live in memory)."""
    caches[settings.RATELIMIT_USE_CACHE].clear()
