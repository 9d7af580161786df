"""The production settings, with a throwaway secret key so that the suite needs no environment.

Three differences from production, both because the suite runs without a deployment around it: plain HTTP
(DJANGO_SECURE=0: the test client and the browser tests' live server speak HTTP), and static files under their
own names (no collectstatic before the run). tests/config/ checks the production behaviour of both. And no cache
of rendered result pages, so that every test renders the page it asserts on (tests/policy/views/test_result.py
turns the production cache on to test it).

The rate limits count in Redis when DEPOSITWIZARD_TEST_REDIS_URL names one (.ci/test starts a throwaway Redis
and sets it; each pytest-xdist worker takes a database of its own in it), in process memory otherwise. REDIS_URL
itself is ignored here: the suite empties the cache before every test, which must never happen to a Redis that
something else uses.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_SECURE", "0")

from config.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves the files from static/ as they are (as under DEBUG), not from an uncollected STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
REDIS_URL = os.environ.get("DEPOSITWIZARD_TEST_REDIS_URL", "")
# Under pytest-xdist each worker counts in a database of that Redis of its own (gw0 in 1, gw1 in 2, …): the suite
# empties the cache before every test, and one worker must not empty another's counts in the middle of a test.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and XDIST_WORKER:
    REDIS_URL = f"{REDIS_URL.rsplit('/', 1)[0]}/{int(XDIST_WORKER.removeprefix('gw')) + 1}"
# A busy machine may keep a test's Redis waiting for longer than production's half second; the tests of an
# outage stop Redis, which refuses at once.
REDIS_TIMEOUT_SECONDS = 5.0
REDIS_LIMITS_URL = REDIS_URL
CACHES = {
    **caches_configure(  # noqa: F405
        redis_url=REDIS_URL, limits_redis_url=REDIS_LIMITS_URL, timeout_seconds=REDIS_TIMEOUT_SECONDS
    ),
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Tests never reach the network: the accession checks are off unless a test turns them on with a transport that
# replays recorded answers (tests/policy/accession_checks/recorded.py).
ACCESSION_CHECKS = False
# The suite signs in and fails to sign in dozens of times (tests/config/test_signin_throttle.py); production
# keeps Django's deliberately slow default hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
