"""Checks through the cache and the circuit breakers, side by side within a deadline: a failing or slow archive
costs the others nothing."""

import pytest
from django.core.cache import caches

from policy.accession_checks import breaker
from policy.accession_checks.run import CACHED_SECONDS, accession_check, checks_run
from policy.accession_checks.states import CheckState
from policy.accession_checks.transport import ArchiveUnavailable, HttpAnswer
from tests.policy.accession_checks.recorded import FailingTransport, ReplayTransport, recording


class CacheWatch:
    """The cache's TTLs without waiting: what the checks' cache was asked to keep, and for how long."""

    def __init__(self, monkeypatch):
        self.kept: dict[str, int] = {}
        cache = caches["accessions"]
        original = cache.set

        def kept(key, value, timeout=None, **kwargs):
            if key.startswith("check:"):
                self.kept[key] = timeout
            return original(key, value, timeout, **kwargs)

        monkeypatch.setattr(cache, "set", kept)


FAILURES = [
    pytest.param(ArchiveUnavailable("no answer (TimeoutError)"), id="timeout"),
    pytest.param(HttpAnswer(500, b"<html>"), id="5xx"),
    pytest.param(HttpAnswer(429, b""), id="rate-limited"),
    pytest.param(HttpAnswer(200, b"{not json"), id="invalid-json"),
    pytest.param(ArchiveUnavailable("answer larger than 4194304 bytes"), id="huge-body"),
    pytest.param(ArchiveUnavailable("answer slower than 5 s"), id="slow-answer"),
]


@pytest.mark.parametrize("failure", FAILURES)
def test_archive_failure_reads_as_could_not_check(failure):
    check = accession_check(archive="emdb", value="EMD-5995", transport=FailingTransport(failure))
    assert check.state is CheckState.UNCHECKED
    assert check.reason


@pytest.mark.parametrize(("state", "archive"), [("public", "empiar"), ("unknown", "empiar")])
def test_answer_is_cached_for_its_state_time(monkeypatch, replay, state, archive):
    watch = CacheWatch(monkeypatch)
    value = recording(archive, state)["accession"]
    first = accession_check(archive=archive, value=value, transport=replay)
    again = accession_check(archive=archive, value=value, transport=ReplayTransport())  # asks nothing
    assert again == first
    assert list(watch.kept.values()) == [CACHED_SECONDS[first.state]]


def test_could_not_check_is_cached_briefly_then_asked_again(monkeypatch):
    watch = CacheWatch(monkeypatch)
    failing = FailingTransport(HttpAnswer(503, b""))
    accession_check(archive="emdb", value="EMD-5995", transport=failing)
    assert list(watch.kept.values()) == [CACHED_SECONDS[CheckState.UNCHECKED]]
    assert (
        CACHED_SECONDS[CheckState.UNCHECKED] < CACHED_SECONDS[CheckState.NOT_PUBLIC] < CACHED_SECONDS[CheckState.PUBLIC]
    )


def test_circuit_opens_after_repeated_failures_and_spares_the_archive():
    failing = FailingTransport(HttpAnswer(500, b""))
    for number in range(breaker.FAILURES_TO_OPEN):
        accession_check(archive="emdb", value=f"EMD-{1000 + number}", transport=failing)
    assert breaker.circuit_open(archive="emdb")
    asked = len(failing.asked)
    check = accession_check(archive="emdb", value="EMD-2000", transport=failing)
    assert (check.state, len(failing.asked)) == (CheckState.UNCHECKED, asked)
    assert not breaker.circuit_open(archive="empiar")


def test_a_success_forgets_earlier_failures(replay):
    failing = FailingTransport(HttpAnswer(500, b""))
    for number in range(breaker.FAILURES_TO_OPEN - 1):
        accession_check(archive="emdb", value=f"EMD-{1000 + number}", transport=failing)
    accession_check(archive="emdb", value="EMD-5995", transport=replay)
    accession_check(archive="emdb", value="EMD-1999", transport=failing)
    assert not breaker.circuit_open(archive="emdb")


def test_once_reopened_a_single_failure_opens_the_circuit_again(replay):
    failing = FailingTransport(HttpAnswer(500, b""))
    for number in range(breaker.FAILURES_TO_OPEN):
        accession_check(archive="emdb", value=f"EMD-{1000 + number}", transport=failing)
    caches["accessions"].delete("breaker:emdb:open")  # the open period is over
    accession_check(archive="emdb", value="EMD-1998", transport=failing)
    assert breaker.circuit_open(archive="emdb")


def test_checks_run_side_by_side_and_a_stalled_archive_is_cut_at_the_deadline(settings, replay, stalled):
    settings.ACCESSION_CHECKS_DEADLINE_SECONDS = 0.5

    def transport(url):
        return stalled(url) if "/emdb/" in url else replay(url)

    checks = checks_run(
        accessions=[("empiar", "EMPIAR-10002"), ("emdb", "EMD-5995"), ("bia", "S-BIADX")], transport=transport
    )
    assert {pair: check.state for pair, check in checks.items()} == {
        ("empiar", "EMPIAR-10002"): CheckState.PUBLIC,
        ("emdb", "EMD-5995"): CheckState.UNCHECKED,
        ("bia", "S-BIADX"): CheckState.MALFORMED,
    }
    assert checks[("emdb", "EMD-5995")].reason == "the archive answered too slowly"


def test_checks_run_of_nothing_asks_nothing():
    assert checks_run(accessions=[], transport=ReplayTransport()) == {}
