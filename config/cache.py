"""The caches: this process's memory by default; Redis, shared by every host, when configured.

Three caches matter: `ratelimit` (django-ratelimit's counts), `pages` (rendered result pages) and `accessions`
(what the archives answered about typed accessions, and their circuit breakers: policy/accession_checks/). In process
memory each gunicorn worker counts and renders on its own; in Redis the counts are exact across workers and
hosts, and a result page is rendered once per release for all of them.

The counts never share an eviction policy with the others (docs/deploying.md, "Redis"): rendered pages fill
whatever room they are given and must be evicted, while a count that is evicted lifts a limit. So the pages and
the archives' answers go to REDIS_URL (a Redis with `maxmemory` and `volatile-lru`) and the counts to
REDIS_LIMITS_URL (another Redis, with `noeviction`); without REDIS_LIMITS_URL the counts stay in each process's
memory, in a cache of their own, never in the pages' Redis.
In process memory the pages are bounded in bytes (PagesMemoryCache), not only in entries.

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
# What each process may hold of rendered pages, whatever their number: a page of a 100-step plan is about 1 MB.
LOCAL_PAGES_MAX_BYTES = 64 * 1024 * 1024
# The counts are a few bytes each: room for every address of a busy day, so that a crowd of addresses cannot
# cull the counts of another (LocMemCache's default is 300 entries).
LOCAL_COUNTS_MAX_ENTRIES = 200_000


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


def caches_configure(
    *, redis_url: str, limits_redis_url: str = "", timeout_seconds: float = REDIS_TIMEOUT_SECONDS
) -> dict:
    """settings.CACHES: every cache in this process's memory, or the rendered pages in the Redis at redis_url and
    the rate limits' counts in the one at limits_redis_url, each call to them given timeout_seconds."""
    pages_key = {"KEY_FUNCTION": "config.cache.release_key"}
    if redis_url:
        pages = _shared(
            redis_url, timeout_seconds, KEY_PREFIX="pages", TIMEOUT=SHARED_PAGES_TIMEOUT_SECONDS, **pages_key
        )
    else:
        # Rendered once per process; a deploy restarts the processes, and the key names the release anyway.
        pages = {
            "BACKEND": "config.cache.PagesMemoryCache",
            "LOCATION": "pages",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": LOCAL_PAGES_MAX_ENTRIES, "MAX_BYTES": LOCAL_PAGES_MAX_BYTES},
            **pages_key,
        }
    if limits_redis_url:
        counts = _shared(limits_redis_url, timeout_seconds, KEY_PREFIX="ratelimit")
    else:
        counts = _local("ratelimit", OPTIONS={"MAX_ENTRIES": LOCAL_COUNTS_MAX_ENTRIES})
    # What the archives answered, and their circuit breakers: worth keeping, not worth never evicting.
    accessions = _shared(redis_url, timeout_seconds, KEY_PREFIX="accessions") if redis_url else _local("accessions")
    return {"default": _local("default"), "ratelimit": counts, "pages": pages, "accessions": accessions}


class PagesMemoryCache(LocMemCache):
    """Django's cache in this process's memory, also bounded in bytes (OPTIONS["MAX_BYTES"]): past it, the least
    recently used entries go first, and a single entry larger than the whole budget is not kept."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", LOCAL_PAGES_MAX_BYTES))

    def held_bytes(self) -> int:
        with self._lock:
            return sum(map(len, self._cache.values()))

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        super()._set(key, value, timeout)
        held = sum(map(len, self._cache.values()))
        while held > self._max_bytes and self._cache:
            # LocMemCache keeps the most recently used first: the last is the least recently used.
            evicted, pickled = self._cache.popitem()
            del self._expire_info[evicted]
            held -= len(pickled)


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
