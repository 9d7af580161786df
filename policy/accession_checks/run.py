"""Checking accessions: the format first (a malformed accession is never sent), then the cache, then the archive
through its circuit breaker. Several accessions are checked side by side, and the whole lot within a deadline:
what an archive has not answered by then could not be checked."""

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.core.cache import caches

from policy.accession_checks.breaker import CACHE, circuit_failure, circuit_open, circuit_success
from policy.accession_checks.checkers import CHECKERS, ENA_ACCESSION
from policy.accession_checks.states import AccessionCheck, CheckState
from policy.accession_checks.transport import ArchiveUnavailable, Transport, transport_default
from policy.engine.archives import ARCHIVES

logger = logging.getLogger(__name__)

# How long an answer is kept, by what it says: a public entry stays public; an entry on hold may be released any
# day; an archive that did not answer is asked again soon (the circuit breaker spares it meanwhile).
CACHED_SECONDS = {
    CheckState.PUBLIC: 24 * 60 * 60,
    CheckState.NOT_PUBLIC: 60 * 60,
    CheckState.UNCHECKED: 2 * 60,
}
MAX_PARALLEL = 8
CACHE_KEY_VERSION = 1  # changes when a checker reads answers differently


def accession_canonical(*, archive: str, value: str) -> str | None:
    """The accession as its archive writes it, or None when `value` is not one of its accessions."""
    if archive == "ena":
        return value.upper() if ENA_ACCESSION.fullmatch(value) else None
    row = ARCHIVES.get(archive)
    return row.accession.canonical(value) if row is not None else None


def _cache_key(archive: str, accession: str) -> str:
    return f"check:v{CACHE_KEY_VERSION}:{archive}:{accession}"


def _asked(archive: str, accession: str, transport: Transport) -> AccessionCheck:
    if circuit_open(archive=archive):
        return AccessionCheck(archive, accession, CheckState.UNCHECKED, reason="the archive failed repeatedly")
    try:
        entry = CHECKERS[archive].read(accession, transport)
    except (ArchiveUnavailable, AttributeError, KeyError, TypeError, ValueError) as error:
        # The others: an answer of a shape the checker did not expect, which says nothing about the accession.
        circuit_failure(archive=archive)
        logger.info("Accession check of %s at %s failed: %s", accession, archive, error)
        return AccessionCheck(archive, accession, CheckState.UNCHECKED, reason=str(error))
    circuit_success(archive=archive)
    if entry is None:
        return AccessionCheck(archive, accession, CheckState.NOT_PUBLIC)
    if not entry.public:
        return AccessionCheck(archive, accession, CheckState.NOT_PUBLIC, released=entry.released, status=entry.status)
    return AccessionCheck(archive, accession, CheckState.PUBLIC, entry.title, entry.released, entry.status, entry.cites)


def accession_check(*, archive: str, value: str, transport: Transport | None = None) -> AccessionCheck:
    """What the archive says about one typed value (the cache's answer when it has one)."""
    accession = accession_canonical(archive=archive, value=value)
    if accession is None or archive not in CHECKERS:
        return AccessionCheck(archive, value, CheckState.MALFORMED)
    cache = caches[CACHE]
    cached = cache.get(_cache_key(archive, accession))
    if cached is not None:
        return AccessionCheck.from_cached(cached)
    check = _asked(archive, accession, transport or transport_default())
    cache.set(_cache_key(archive, accession), check.as_cached(), CACHED_SECONDS[check.state])
    return check


def checks_cached(*, accessions: Iterable[tuple[str, str]]) -> dict[tuple[str, str], AccessionCheck]:
    """What the cache holds about these (archive, canonical accession) pairs, asking no archive: for downloads,
    which never wait for one."""
    keys = {_cache_key(archive, accession): (archive, accession) for archive, accession in accessions}
    found = caches[CACHE].get_many(list(keys))
    return {keys[key]: AccessionCheck.from_cached(value) for key, value in found.items()}


def checks_run(
    *, accessions: Iterable[tuple[str, str]], transport: Transport | None = None
) -> dict[tuple[str, str], AccessionCheck]:
    """(archive, typed value) -> its check, every value checked side by side within
    settings.ACCESSION_CHECKS_DEADLINE_SECONDS."""
    pairs = list(dict.fromkeys(accessions))
    if not pairs:
        return {}
    transport = transport or transport_default()
    pool = ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(pairs)), thread_name_prefix="accession-check")
    try:
        futures = {
            pool.submit(accession_check, archive=archive, value=value, transport=transport): (archive, value)
            for archive, value in pairs
        }
        wait(futures, timeout=settings.ACCESSION_CHECKS_DEADLINE_SECONDS)
    finally:
        # Not waited for: checks still under way finish in the background, bounded by the transport's own
        # timeouts, and their answers land in the cache for the next request.
        pool.shutdown(wait=False, cancel_futures=True)
    too_slow = "the archive answered too slowly"
    return {
        pair: future.result() if future.done() else AccessionCheck(*pair, CheckState.UNCHECKED, reason=too_slow)
        for future, pair in futures.items()
    }
