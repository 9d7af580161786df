"""Conditional GET on a stored result's page and exports: validators, shared-cache headers, 304s without
rendering, and a validator that changes with the policy version and the release. Through the URLs only."""

import gzip

import pytest
from django.core.cache import caches
from django.urls import reverse

from config.cache import caches_configure
from policy.models import Result
from policy.results import result_create

pytestmark = pytest.mark.django_db

NEW_VERSION = "2027-01+0000000000"
OLD_VERSION = "2025-01+0123456789"
STUDY = {
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "sem", "modality": "electron_microscopy", "em_method": "volume_em"},
    ],
    "correlations": [["lm", "sem"]],
}


@pytest.fixture
def result():
    stored, _ = result_create(answers=STUDY)
    return stored


def urls_of(result: Result) -> dict[str, str]:
    return {
        "page": reverse("result", args=[result.pk]),
        "json": reverse("result-json", args=[result.pk]),
        "markdown": reverse("result-markdown", args=[result.pk]),
        "template": reverse("result-template", args=[result.pk, "accessions"]),
        "kit bia outline": reverse("kit-bia-outline", args=[result.pk]),
        "madmp": reverse("result-madmp", args=[result.pk]),
        "api": reverse("api-plans-show", args=[result.pk]),
    }


KINDS = [
    "page",
    "json",
    "markdown",
    "template",
    "kit bia outline",
    "madmp",
    "api",
]


@pytest.fixture
def policy_changed(monkeypatch):
    """A release with another policy version (the same plans)."""
    for name in ("policy.engine.version", "policy.results", "policy.engine.planner"):
        monkeypatch.setattr(f"{name}.POLICY_VERSION", NEW_VERSION)


@pytest.fixture
def outdated_result(result):
    """A result made under an older policy version that planned these answers differently: its page shows the
    banner with "See the updated plan"."""
    return Result.objects.create(
        answers=result.answers,
        plan={**result.plan, "contacts": ["old-contact@ebi.ac.uk"]},
        texts=result.texts,
        policy_version=OLD_VERSION,
        answers_digest=result.answers_digest,
    )


def cache_control(response) -> set[str]:
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("kind", KINDS)
def test_a_result_and_its_exports_carry_a_strong_etag_that_shared_caches_may_keep(client, result, kind):
    response = client.get(urls_of(result)[kind])

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert cache_control(response) == {"public", "max-age=0", "s-maxage=300"}
    assert "Accept-Encoding" in response["Vary"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.parametrize("kind", KINDS)
def test_the_etag_brought_back_gets_a_304_after_one_query_and_no_rendering(
    client, result, kind, django_assert_num_queries
):
    url = urls_of(result)[kind]
    first = client.get(url)

    with django_assert_num_queries(1):
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again.templates == []
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["Vary"] == first["Vary"]


def test_the_etag_is_the_same_for_every_request_of_a_release(client, result):
    url = urls_of(result)["page"]

    assert client.get(url)["ETag"] == client.get(url)["ETag"] == client.head(url)["ETag"]


def test_another_etag_or_none_gets_the_whole_page(client, result):
    url = urls_of(result)["page"]

    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert b"Where and how to deposit" in client.get(url).content


def test_a_gzip_body_is_the_same_page_with_a_strong_etag_of_its_own(client, result):
    url = urls_of(result)["page"]
    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == plain["ETag"][:-1] + '-gzip"'
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip").content == compressed.content
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"]).status_code == 304
    # The identity body's validator does not stand for the compressed one.
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 200


def test_the_link_shown_is_part_of_the_validator(client, result):
    url = urls_of(result)["page"]

    assert client.get(url)["ETag"] != client.get(url, HTTP_HOST="localhost")["ETag"]


def test_the_query_string_is_part_of_the_validator(client, result):
    url = urls_of(result)["page"]
    plain = client.get(url)

    with_query = client.get(url, {"bia": "S-BIAD1"}, HTTP_IF_NONE_MATCH=plain["ETag"])

    assert with_query.status_code == 200
    assert with_query["ETag"] != plain["ETag"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_policy_version_changes_the_etag(client, result, kind, policy_changed_later):
    url = urls_of(result)[kind]
    before = client.get(url)["ETag"]

    policy_changed_later()
    after = client.get(url, HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert after["ETag"] not in (before, f"W/{before}")


@pytest.fixture
def policy_changed_later(request):
    return lambda: request.getfixturevalue("policy_changed")


def test_a_page_with_the_policy_change_banner_is_private_to_its_visitor(client, outdated_result):
    url = urls_of(outdated_result)["page"]

    page = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=page["ETag"])

    assert "The policy has changed since this plan was made" in page.content.decode()
    assert page["ETag"].startswith('W/"')
    assert cache_control(page) == {"private", "no-cache"}
    assert again.status_code == 304
    assert again["ETag"] == page["ETag"]
    assert cache_control(again) == {"private", "no-cache"}


def test_exports_of_a_result_with_the_banner_stay_public(client, outdated_result):
    response = client.get(urls_of(outdated_result)["json"])

    assert "public" in cache_control(response)
    assert response["ETag"].startswith('"')


def test_a_new_release_changes_the_etag(client, result, monkeypatch):
    url = urls_of(result)["page"]
    before = client.get(url)["ETag"]

    monkeypatch.setattr("policy.views.http_cache.release_fingerprint", lambda: "another-release")

    assert client.get(url, HTTP_IF_NONE_MATCH=before).status_code == 200


def test_a_deleted_result_is_never_revalidated(client, result):
    url = urls_of(result)["page"]
    etag = client.get(url)["ETag"]

    Result.objects.filter(pk=result.pk).delete()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 404
    assert "ETag" not in response


@pytest.mark.parametrize(
    "path", ["/r/AAAAAAAAAAAAAAAAAAAAAA/", "/r/AAAAAAAAAAAAAAAAAAAAAA.json", "/r/not-an-id/", "/r/{id}/nothing.tsv"]
)
def test_what_is_not_found_carries_no_validator_and_is_not_public(client, result, path):
    response = client.get(path.format(id=result.pk), HTTP_IF_NONE_MATCH="*")

    assert response.status_code == 404
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_page_with_the_policy_change_banner_is_never_kept_whole(client, outdated_result, settings):
    """A page that carries the visitor's CSRF token is rendered for each visitor, never served from the cache."""
    settings.CACHES = {**settings.CACHES, "pages": caches_configure(redis_url="")["pages"]}
    caches["pages"].clear()

    page = client.get(urls_of(outdated_result)["page"])

    assert page["ETag"].startswith('W/"')
    assert not [key for key in caches["pages"]._cache if ":whole:" in key]
    caches["pages"].clear()
