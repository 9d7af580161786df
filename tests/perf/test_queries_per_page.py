"""SQL queries per request, page by page, with an upper bound: a page that starts querying in a loop fails here
long before anyone runs the benchmark (bench/run measures the time; this counts the cause)."""

import json

import pytest
from django.urls import reverse

from policy.results import result_create

pytestmark = pytest.mark.django_db

CORRELATIVE_STUDY = {
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "cryo-et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "many"},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
    ],
    "correlations": [["lm", "cryo-et"]],
}  # fmt: skip


def test_start_page_reads_at_most_the_session(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get(reverse("start"))

    assert response.status_code == 200


def test_result_page_is_one_lookup(client, django_assert_max_num_queries):
    result, _ = result_create(answers=CORRELATIVE_STUDY)

    with django_assert_max_num_queries(1):
        response = client.get(reverse("result", kwargs={"result_id": result.pk}))

    assert response.status_code == 200


def test_unknown_result_is_one_lookup(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get(reverse("result", kwargs={"result_id": "no-such-result"}))

    assert response.status_code == 404


def test_plan_api_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(reverse("api-plan"), json.dumps(CORRELATIVE_STUDY), content_type="application/json")

    assert response.status_code == 200


def test_policy_api_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("api-policy"))

    assert response.status_code == 200
