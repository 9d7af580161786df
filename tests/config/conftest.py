import pytest

from tests.config.production import static_collect


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Static files collected once for every test that runs the app with production settings."""
    return static_collect(tmp_path_factory.mktemp("production-static"))
