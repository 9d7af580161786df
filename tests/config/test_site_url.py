"""Links are built from the configured site address (DJANGO_SITE_URL), never from the request's Host: a port typed
into Host reaches no share link, no API `url`, no maDMP id and no validator."""

import json

import pytest
from django.core.checks import run_checks
from django.test import Client

from policy.results import result_create
from tests.config.test_production_settings import settings_under

pytestmark = pytest.mark.django_db

SITE = "https://wizard.example.org"
STUDY = {"datasets": [{"id": "lm", "modality": "light_microscopy"}]}


@pytest.fixture
def site(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver"]


@pytest.mark.parametrize("host", ["testserver", "testserver:8443", "testserver:1"])
def test_every_link_is_the_site_address_whatever_the_port_asked(site, host):
    result, _ = result_create(answers=STUDY)
    client = Client(HTTP_HOST=host)
    link = f"{SITE}/r/{result.pk}/"

    page = client.get(f"/r/{result.pk}/").content.decode()
    stored = client.post("/api/v1/plans", data=STUDY, content_type="application/json").json()
    madmp = json.loads(client.get(f"/r/{result.pk}.madmp.json").content)

    assert f'href="{link}"' in page
    assert ":8443" not in page
    assert "testserver" not in page
    assert stored["url"] == link
    assert madmp["dmp"]["dmp_id"]["identifier"] == link


def test_the_validator_is_the_same_whatever_the_port_asked(site):
    result, _ = result_create(answers=STUDY)

    etags = {Client(HTTP_HOST=host).get(f"/r/{result.pk}/")["ETag"] for host in ("testserver", "testserver:8443")}

    assert len(etags) == 1


def test_without_a_site_address_links_follow_the_request(settings):
    settings.SITE_URL = ""
    result, _ = result_create(answers=STUDY)

    page = Client().get(f"/r/{result.pk}/").content.decode()

    assert f'href="http://testserver/r/{result.pk}/"' in page


@pytest.mark.parametrize(
    "site_url", ["wizard.example.org", "https://wizard.example.org/r/", "ftp://wizard.example.org"]
)
def test_a_site_address_that_is_not_a_scheme_and_a_host_refuses_to_start(tmp_path, site_url):
    completed = settings_under(tmp_path, DJANGO_SECRET_KEY="x" * 50, DJANGO_SITE_URL=site_url)

    assert completed.returncode != 0
    assert "DJANGO_SITE_URL is a scheme and a host" in completed.stderr


def deployment_warnings() -> set[str]:
    return {
        message.id for message in run_checks(include_deployment_checks=True) if message.id.startswith("depositwizard")
    }


def test_the_deployment_checks_ask_for_a_site_address(settings):
    settings.SITE_URL = ""
    assert "depositwizard.W001" in deployment_warnings()
    settings.SITE_URL = SITE
    assert "depositwizard.W001" not in deployment_warnings()


def test_the_deployment_checks_ask_for_a_redis_of_the_counts_own(settings):
    settings.REDIS_URL, settings.REDIS_LIMITS_URL = "redis://pages.internal:6379/0", ""
    assert "depositwizard.W002" in deployment_warnings()
    settings.REDIS_LIMITS_URL = "redis://limits.internal:6379/0"
    assert "depositwizard.W002" not in deployment_warnings()
