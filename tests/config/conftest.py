import pytest

from tests.config.production import static_collect
from tests.config.servers import RedisServer


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Static files collected once for every test that runs the app with production settings."""
    return static_collect(tmp_path_factory.mktemp("production-static"))


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of this test's own, which it may stop and start again (skipped where redis-server is missing)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
