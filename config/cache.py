"""The caches: this process's memory by default; Redis, shared by every host, when REDIS_URL is set.

Three caches matter: `ratelimit` (django-ratelimit's counts), `pages` (rendered result pages) and `accessions`
(what the archives answered about typed accessions, and their circuit breakers: policy/accession_checks/). In process
memory each gunicorn worker counts and renders on its own; in Redis the counts are exact across workers and
hosts, and a result page is rendered once per release for all of them.

Redis holds nothing that cannot be lost: sessions and results live in the database. So when Redis cannot be
reached, SharedCache carries on in the process's memory (docs/deploying.md, "Redis"): pages keep working, and
the rate limits fail open to per-process counts, as they were before Redis, until Redis answers again.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from config.release import release_fingerprint

logger = logging.getLogger(__name__)

# Redis answers within a millisecond on a local network: by default a server that takes half a second is treated
# as down (settings.REDIS_TIMEOUT_SECONDS).
REDIS_TIMEOUT_SECONDS = 0.5
# After a failure, each process stops asking Redis for this long, so that an outage costs one timeout per
# process now and then, not one per request.
REDIS_RETRY_AFTER_SECONDS = 5
# Rendered result pages in Redis: a day, so that a busy result stays cached and a forgotten one goes.
SHARED_PAGES_TIMEOUT_SECONDS = 24 * 60 * 60
LOCAL_PAGES_MAX_ENTRIES = 2000


def release_key(key: str, key_prefix: str, version: int) -> str:
    """Cache keys that include the release: a new release never reads what an older one rendered."""
    return f"{key_prefix}:{version}:{release_fingerprint()}:{key}"


def _local(name: str, **extra) -> dict:
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name, **extra}


def _shared(redis_url: str, timeout_seconds: float, **extra) -> dict:
    return {
        "BACKEND": "config.cache.SharedCache",
        "LOCATION": redis_url,
        "OPTIONS": {
            "socket_connect_timeout": timeout_seconds,
            "socket_timeout": timeout_seconds,
            # One immediate retry, for a pooled connection that a Redis restart closed.
            "retry": Retry(NoBackoff(), 1),
        },
        **extra,
    }


def caches_configure(*, redis_url: str, timeout_seconds: float = REDIS_TIMEOUT_SECONDS) -> dict:
    """settings.CACHES: every cache in this process's memory, or the shared ones in Redis at redis_url, each call
    to it given timeout_seconds."""
    pages_key = {"KEY_FUNCTION": "config.cache.release_key"}
    if not redis_url:
        return {
            "default": _local("default"),
            "ratelimit": _local("ratelimit"),
            # Rendered once per process; a deploy restarts the processes, and the key names the release anyway.
            "pages": _local("pages", TIMEOUT=None, OPTIONS={"MAX_ENTRIES": LOCAL_PAGES_MAX_ENTRIES}, **pages_key),
            "accessions": _local("accessions"),
        }
    return {
        "default": _local("default"),
        "ratelimit": _shared(redis_url, timeout_seconds, KEY_PREFIX="ratelimit"),
        "pages": _shared(
            redis_url, timeout_seconds, KEY_PREFIX="pages", TIMEOUT=SHARED_PAGES_TIMEOUT_SECONDS, **pages_key
        ),
        "accessions": _shared(redis_url, timeout_seconds, KEY_PREFIX="accessions"),
    }


# Until when (time.monotonic()) this process leaves each Redis server alone. Per process, not per cache object:
# Django gives each thread cache objects of its own.
_redis_down_until: dict[str, float] = {}


def _redis_or_memory(name: str):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if time.monotonic() >= _redis_down_until.get(self._location, 0.0):
            try:
                return redis_method(self, *args, **kwargs)
            except RedisError as error:
                _redis_down_until[self._location] = time.monotonic() + REDIS_RETRY_AFTER_SECONDS
                logger.warning(
                    "Redis cannot be reached (%s): %s uses this process's memory for %d s",
                    error,
                    self._name,
                    REDIS_RETRY_AFTER_SECONDS,
                )
        return getattr(self._memory, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


class SharedCache(RedisCache):
    """Django's Redis cache, carrying on in this process's memory while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server
        self._name = params.get("KEY_PREFIX") or server
        memory_params = {key: value for key, value in params.items() if key not in {"BACKEND", "OPTIONS"}}
        # A name of its own per cache: LocMemCache shares the storage of a name among the process's threads.
        self._memory = LocMemCache(f"redis-fallback:{server}:{self._name}", memory_params)

    add = _redis_or_memory("add")
    get = _redis_or_memory("get")
    set = _redis_or_memory("set")
    touch = _redis_or_memory("touch")
    delete = _redis_or_memory("delete")
    get_many = _redis_or_memory("get_many")
    has_key = _redis_or_memory("has_key")
    incr = _redis_or_memory("incr")
    set_many = _redis_or_memory("set_many")
    delete_many = _redis_or_memory("delete_many")
    clear = _redis_or_memory("clear")

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        # Nothing lives in Redis for ever: "for ever" (a template's {% cache None %}) becomes this cache's TIMEOUT,
        # so that every key expires and Redis may evict among them under its memory cap (volatile-lru).
        if timeout is None:
            timeout = self.default_timeout
        return super().get_backend_timeout(timeout)

    def reachable(self) -> bool:
        """Whether Redis answers a PING now (for /readyz): never the memory fallback."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False
