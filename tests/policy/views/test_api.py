"""The JSON API over the engine: POST /api/v1/plan and GET /api/v1/policy."""

import json

import jsonschema
import pytest
from django.urls import reverse

from policy import POLICY_VERSION, plan_for
from policy.engine.clauses import CLAUSES
from policy.engine.plan import PLAN_SCHEMA
from policy.engine.vocabulary import ENUMERATIONS

STUDY = {
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"},
    ],
    "correlations": [["lm", "fib"]],
}


def post_json(client, body, *, content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(reverse("api-plan"), data=data, content_type=content_type)


def test_plan_answers_200_with_the_engines_plan(client):
    response = post_json(client, STUDY)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == plan_for(STUDY)


@pytest.mark.django_db
def test_plan_stores_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        post_json(client, STUDY)


def test_plan_with_invalid_answers_answers_400_with_errors_per_field_path(client):
    response = post_json(client, {"datasets": [{"id": "lm", "modality": "light_microscopy", "em_method": "2d"}]})

    assert response.status_code == 400
    assert list(response.json()) == ["errors"]
    assert "datasets[0].em_method" in response.json()["errors"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(STUDY, "text/plain", id="wrong-content-type"),
        pytest.param("datasets=lm", "application/x-www-form-urlencoded", id="form-body"),
        pytest.param("{not json", "application/json", id="not-json"),
        pytest.param(b"\xff\xfe", "application/json", id="not-utf8"),
        pytest.param('{"datasets": NaN}', "application/json", id="nan"),
        pytest.param('{"datasets": [], "datasets": []}', "application/json", id="repeated-key"),
    ],
)
def test_plan_with_a_body_that_is_not_json_answers_415(client, body, content_type):
    response = post_json(client, body, content_type=content_type)

    assert response.status_code == 415
    assert response.json()["errors"]["answers"]


def test_plan_with_json_nested_too_deeply_answers_400(client):
    response = post_json(client, "[" * 100_000 + "]" * 100_000)

    assert response.status_code in {400, 413}
    assert response.json()["errors"]


def test_plan_with_a_body_over_64_kb_answers_413(client):
    padded = {**STUDY, "padding": "x" * (64 * 1024)}

    response = post_json(client, padded)

    assert response.status_code == 413
    assert "64 KB" in response.json()["errors"]["answers"][0]


def test_plan_json_content_type_with_charset_is_accepted(client):
    response = post_json(client, STUDY, content_type="application/json; charset=utf-8")

    assert response.status_code == 200


def test_plan_needs_no_csrf_token(client):
    client.handler.enforce_csrf_checks = True

    assert post_json(client, STUDY).status_code == 200


@pytest.mark.parametrize(
    ("method", "name", "allowed"),
    [
        ("get", "api-plan", "POST"),
        ("put", "api-plans", "POST"),
        ("post", "api-policy", "GET, HEAD"),
        ("delete", "api-policy", "GET, HEAD"),
    ],
)
def test_a_method_not_allowed_answers_405_in_json(client, method, name, allowed):
    response = getattr(client, method)(reverse(name))

    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"errors": {"method": [f"Use {allowed.replace(', ', ' or ')}."]}}


def test_policy_describes_version_clauses_and_vocabulary(client):
    response = client.get(reverse("api-policy"))

    assert response.status_code == 200
    body = response.json()
    assert body["policy_version"] == POLICY_VERSION
    assert {clause["id"] for clause in body["clauses"]} == set(CLAUSES)
    assert body["vocabulary"]["modality"][0] == {
        "value": "light_microscopy",
        "label": "Light microscopy",
        "hint": ENUMERATIONS[0].choices[0].hint,
    }
    assert {e.name for e in ENUMERATIONS} == set(body["vocabulary"])
    assert [q["field"] for q in body["questions"]["dataset"]][:2] == ["id", "modality"]
    assert any(clause["beyond_policy"] for clause in body["clauses"])


def test_policy_gives_every_clause_its_source_url_and_says_which_are_verbatim(client):
    clauses = client.get(reverse("api-policy")).json()["clauses"]

    for clause in clauses:
        assert clause["source_url"].startswith(("https://", "http://", "/policy/#")), clause["id"]
        if clause["beyond_policy"] or clause["id"].startswith("table-"):
            assert clause["verbatim"] is False, clause["id"]
        else:
            assert clause["verbatim"] is True, clause["id"]


def test_policy_says_which_answers_versions_it_accepts(client):
    body = client.get(reverse("api-policy")).json()

    assert body["answers_contract_version"] == 3
    assert body["answers_contract_versions_accepted"] == [1, 2, 3]


def test_a_version_1_body_still_plans_through_the_api(client):
    v1 = {"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": True}, STUDY["datasets"][0]]}

    response = post_json(client, v1)

    assert response.status_code == 200
    plan = response.json()
    assert plan["answers_version"] == 3
    assert [item["dataset"] for item in plan["not_accepted"]] == ["mri"]


def test_the_plan_schema_is_served_and_the_apis_plans_fit_it(client, full_study):
    response = client.get(reverse("api-plan-schema"))
    plan = client.post(reverse("api-plan"), json.dumps(full_study), content_type="application/json").json()

    assert response.status_code == 200
    assert response.json() == PLAN_SCHEMA
    assert list(jsonschema.Draft202012Validator(response.json()).iter_errors(plan)) == []
