import pytest

from tests.config.deployment import production_environment, static_collect


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Static files collected once for every test that runs the app with production settings."""
    return static_collect(production_environment(tmp_path_factory.mktemp("production")))
