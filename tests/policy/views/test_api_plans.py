import json

import pytest
from django.test import Client
from django.urls import reverse

from policy.engine import plan_for
from policy.models import Result

pytestmark = pytest.mark.django_db


def post_json(client: Client, name: str, body, **extra):
    return client.post(reverse(name), body if isinstance(body, str | bytes) else json.dumps(body), **extra)


def test_posting_answers_stores_a_plan_and_returns_its_link(client, full_study):
    response = post_json(client, "api-plans", full_study, content_type="application/json")

    body = response.json()
    result = Result.objects.get()
    assert response.status_code == 201
    assert set(body) == {"id", "url", "plan"}
    assert body["id"] == result.pk
    assert body["url"] == f"http://testserver/r/{result.pk}/"
    assert response["Location"] == body["url"]
    assert body["plan"] == plan_for(full_study)


def test_the_same_answers_again_return_the_same_id_with_200(client, full_study):
    first = post_json(client, "api-plans", full_study, content_type="application/json").json()
    full_study["datasets"].reverse()

    response = post_json(client, "api-plans", full_study, content_type="application/json")

    assert response.status_code == 200
    assert response.json() == first
    assert Result.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({"datasets": [{"id": "a", "modality": "sonar"}]}, "application/json"),
        ({"datasets": []}, "application/json"),
        ([], "application/json"),
        ('{"datasets": [], "datasets": []}', "application/json"),
        ('{"publication": NaN}', "application/json"),
        ("publication=true", "application/x-www-form-urlencoded"),
        ("[" * 100_000, "application/json"),
        ("x" * 70_000, "application/json"),
    ],
    ids=["invalid", "empty", "not-object", "repeated-key", "nan", "form", "deep", "too-big"],
)
def test_rejected_answers_get_the_same_status_and_errors_as_the_plan_endpoint(client, body, content_type):
    stored = post_json(client, "api-plans", body, content_type=content_type)
    computed = post_json(client, "api-plan", body, content_type=content_type)

    assert stored.status_code in {400, 413, 415}
    assert stored.status_code == computed.status_code
    assert stored.json() == computed.json()
    assert set(stored.json()) == {"errors"}
    assert Result.objects.count() == 0


def test_the_plans_endpoint_takes_only_post(client):
    assert client.get(reverse("api-plans")).status_code == 405


def test_a_stored_plan_is_read_back_with_its_answers(client, full_study):
    created = post_json(client, "api-plans", full_study, content_type="application/json").json()

    response = client.get(reverse("api-plans-show", args=[created["id"]]))

    body = response.json()
    result = Result.objects.get()
    assert response.status_code == 200
    assert body["id"] == created["id"]
    assert body["url"] == created["url"]
    assert body["plan"] == created["plan"]
    assert body["answers"] == result.answers
    assert body["policy_version"] == result.policy_version
    assert body["created_at"] == result.created_at.isoformat()


@pytest.mark.parametrize("result_id", ["A" * 22, "short", "x" * 40, "bad id with spaces", "%00"])
def test_unknown_and_malformed_ids_get_the_same_json_404(client, result_id):
    reference = client.get(reverse("api-plans-show", args=["B" * 22]))

    response = client.get(f"/api/v1/plans/{result_id}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.content == reference.content
    assert response.json() == {"errors": {"id": ["No stored plan has this id."]}}


def test_storing_a_plan_needs_no_csrf_token(full_study):
    client = Client(enforce_csrf_checks=True)

    response = post_json(client, "api-plans", full_study, content_type="application/json")

    assert response.status_code == 201
