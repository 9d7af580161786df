import pytest

from tests.policy.accession_checks.recorded import ReplayTransport, StalledTransport


@pytest.fixture
def replay() -> ReplayTransport:
    return ReplayTransport.of_all()


@pytest.fixture
def stalled():
    transport = StalledTransport()
    yield transport
    transport.released.set()


@pytest.fixture
def archives_replayed(settings, monkeypatch, replay) -> ReplayTransport:
    """Accession checks on, every archive answering from its recordings."""
    settings.ACCESSION_CHECKS = True
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: replay)
    return replay
