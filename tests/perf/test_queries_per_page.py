"""SQL queries per request, page by page, with an upper bound: a page that starts querying in a loop, or a GET
that starts saving the session, fails here long before anyone runs the benchmark (bench/run measures the time;
this counts the cause). The bounds are today's counts: raise one only with a reason."""

import json

import pytest
from django.urls import reverse

from policy.results import result_create
from tests.wizard.journeys import correlations_answer, dataset_data, dataset_post, publication_answer, study_id

pytestmark = pytest.mark.django_db

SESSION_READ = 1  # SELECT the session row
SESSION_SAVE = 3  # BEGIN, UPDATE (INSERT for a new session), COMMIT
RESULT_READ = 1
RESULT_STORE = 3  # BEGIN (or SAVEPOINT), INSERT, COMMIT

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


def step(name: str) -> str:
    return reverse("wizard-step", args=[name])


@pytest.fixture
def depositor(client):
    """A depositor who pressed "Start now" and answered the first question."""
    client.get(step("publication"))
    publication_answer(client)
    return client


@pytest.fixture
def depositor_with_datasets(depositor):
    for dataset in CORRELATIVE_STUDY["datasets"]:
        assert dataset_post(depositor, dataset).status_code == 302
    return depositor


def test_start_page_for_a_new_visitor_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("start"))

    assert response.status_code == 200


def test_start_page_for_a_depositor_only_reads_the_session(depositor, django_assert_max_num_queries):
    with django_assert_max_num_queries(SESSION_READ):
        response = depositor.get(reverse("start"))

    assert response.status_code == 200


def test_start_now_touches_no_database(client, django_assert_num_queries):
    """The first question only offers a study: its answer stores the session (docs/wizard.md)."""
    with django_assert_num_queries(0):
        response = client.get(step("publication"))

    assert response.status_code == 200


@pytest.mark.parametrize("page", ["publication-question", "dataset-question", "dataset-change"])
def test_question_pages_only_read_the_session(depositor_with_datasets, page, django_assert_max_num_queries):
    path = {
        "publication-question": step("publication"),
        "dataset-question": reverse("wizard-dataset-add"),
        "dataset-change": reverse("wizard-dataset-change", args=["lm"]),
    }[page]

    with django_assert_max_num_queries(SESSION_READ):
        response = depositor_with_datasets.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("name", ["publication", "datasets", "correlations", "check"])
def test_step_pages_only_read_the_session(depositor_with_datasets, name, django_assert_max_num_queries):
    correlations_answer(depositor_with_datasets, [])

    with django_assert_max_num_queries(SESSION_READ):
        response = depositor_with_datasets.get(step(name))

    assert response.status_code == 200


def posted_by_the_page(client, **data) -> dict:
    """What the page posts besides the answers, read from the session before the request is counted."""
    return {"study": study_id(client), **data}


def test_answering_a_question_saves_the_session_once(depositor, django_assert_max_num_queries):
    data = posted_by_the_page(depositor, **{"study-current_step": "publication", "publication-publication": "no"})
    with django_assert_max_num_queries(SESSION_READ + SESSION_SAVE):
        response = depositor.post(step("publication"), data)

    assert response.status_code == 302


def test_adding_a_dataset_saves_the_session_once(depositor, django_assert_max_num_queries):
    data = posted_by_the_page(depositor, **dataset_data(CORRELATIVE_STUDY["datasets"][0]))
    with django_assert_max_num_queries(SESSION_READ + SESSION_SAVE):
        response = depositor.post(reverse("wizard-dataset-add"), data)

    assert response.status_code == 302


def test_an_answer_unchanged_writes_nothing(depositor, django_assert_max_num_queries):
    data = posted_by_the_page(depositor, **{"study-current_step": "publication", "publication-publication": "yes"})
    with django_assert_max_num_queries(SESSION_READ):
        response = depositor.post(step("publication"), data)

    assert response.status_code == 302


def test_submitting_the_study_stores_one_result(depositor_with_datasets, django_assert_max_num_queries):
    correlations_answer(depositor_with_datasets, [])
    revision = depositor_with_datasets.session["study"]["revision"]
    data = posted_by_the_page(depositor_with_datasets, **{"study-current_step": "check", "check-revision": revision})

    # The result is looked up (the same answers give the same result), then stored in its own transaction.
    with django_assert_max_num_queries(SESSION_READ + RESULT_READ + RESULT_STORE + SESSION_SAVE):
        response = depositor_with_datasets.post(step("check"), data)

    assert response.status_code == 302
    assert response["Location"].startswith("/r/")


@pytest.mark.parametrize("view", ["result", "result-json", "result-markdown"])
def test_a_stored_result_is_one_lookup(client, view, django_assert_max_num_queries):
    result, _ = result_create(answers=CORRELATIVE_STUDY)

    with django_assert_max_num_queries(RESULT_READ):
        response = client.get(reverse(view, args=[result.pk]))

    assert response.status_code == 200


def test_unknown_result_is_one_lookup(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(RESULT_READ):
        response = client.get(reverse("result", args=["no-such-result"]))

    assert response.status_code == 404


def test_plan_api_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(reverse("api-plan"), json.dumps(CORRELATIVE_STUDY), content_type="application/json")

    assert response.status_code == 200


def test_policy_api_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("api-policy"))

    assert response.status_code == 200
