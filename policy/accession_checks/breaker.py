"""A circuit breaker per archive: after FAILURES_TO_OPEN failed checks in a row, the archive is left alone for
OPEN_SECONDS (its checks answer "could not check" at once); then one check is let through, and a failure opens the
circuit again straight away. Kept in the checks' cache, so that with Redis every process and host shares it."""

from django.core.cache import caches

CACHE = "accessions"
FAILURES_TO_OPEN = 3
FAILURES_WINDOW_SECONDS = 5 * 60  # failures further apart than this do not add up
OPEN_SECONDS = 60
# After the circuit closes, a first failure within this long reopens it (the archive has not recovered yet).
PROBATION_SECONDS = 10 * 60


def _key(archive: str, what: str) -> str:
    return f"breaker:{archive}:{what}"


def circuit_open(*, archive: str) -> bool:
    return caches[CACHE].get(_key(archive, "open")) is not None


def circuit_failure(*, archive: str) -> None:
    cache = caches[CACHE]
    if cache.get(_key(archive, "probation")) is not None:
        _circuit_trip(archive)
        return
    cache.add(_key(archive, "failures"), 0, FAILURES_WINDOW_SECONDS)
    try:
        failures = cache.incr(_key(archive, "failures"))
    except ValueError:  # expired between add and incr
        failures = 1
        cache.set(_key(archive, "failures"), failures, FAILURES_WINDOW_SECONDS)
    if failures >= FAILURES_TO_OPEN:
        _circuit_trip(archive)


def circuit_success(*, archive: str) -> None:
    caches[CACHE].delete_many([_key(archive, "failures"), _key(archive, "probation")])


def _circuit_trip(archive: str) -> None:
    cache = caches[CACHE]
    cache.set(_key(archive, "open"), True, OPEN_SECONDS)
    cache.set(_key(archive, "probation"), True, OPEN_SECONDS + PROBATION_SECONDS)
    cache.delete(_key(archive, "failures"))
