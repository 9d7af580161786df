"""The wizard's answers are the engine's answers contract, one to one: whatever valid study a depositor
describes through the pages is stored exactly as the engine's canonical form of that study."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy.engine import answers_validate
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_ID_PATTERN, DATASET_QUESTIONS, MAX_DATASETS
from policy.models import Result
from tests.wizard.journeys import study_enter

pytestmark = pytest.mark.django_db

labels = st.from_regex(DATASET_ID_PATTERN, fullmatch=True)


@st.composite
def datasets(draw, label: str) -> dict:
    """A dataset answering exactly the questions asked for it, in asking order."""
    dataset = {"id": label}
    for question in DATASET_QUESTIONS[1:]:
        if not question.asked_when.matches(dataset):
            continue
        if question.kind == "boolean":
            dataset[question.field] = draw(st.booleans())
        else:
            dataset[question.field] = draw(st.sampled_from(question.enumeration.values))
    if dataset.get("tilt_series") is False and dataset.get("tomograms") == "none":
        dataset["tomograms"] = draw(st.sampled_from(["few", "many"]))
    if dataset.get("em_method") == "cryo_et" and not dataset["subtomogram_average"]:
        dataset["atomic_model"] = False  # a cryo-ET model is built into a subtomogram average
    return dataset


@st.composite
def studies(draw) -> dict:
    study_labels = draw(st.lists(labels, min_size=1, max_size=4, unique=True))
    answers = {
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "publication": draw(st.booleans()),
        "datasets": [draw(datasets(label)) for label in study_labels],
    }
    if len(study_labels) >= 2:
        groups = draw(
            st.lists(
                st.lists(st.sampled_from(study_labels), min_size=2, max_size=len(study_labels), unique=True), max_size=2
            )
        )
        if groups:
            answers["correlations"] = groups
    return answers


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=studies())
def test_any_valid_study_entered_through_the_pages_is_stored_as_its_canonical_answers(answers):
    client = Client()
    response = study_enter(client, answers)
    if all(dataset["patient_medical"] for dataset in answers["datasets"]):
        assert response["Location"] == "/study/cannot-deposit/"
        return
    result = Result.objects.get(pk=response["Location"].split("/")[2])
    assert result.answers == answers_validate(answers).answers()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=studies())
def test_prefilled_answers_come_back_unchanged(answers):
    if all(dataset["patient_medical"] for dataset in answers["datasets"]):
        return
    client = Client()
    first = study_enter(client, answers)["Location"]
    result_id = first.split("/")[2]
    other = Client()
    assert other.get(f"/study/from/{result_id}/")["Location"] == "/study/check/"
    assert other.post("/study/check/", {})["Location"] == first


def test_the_wizard_allows_as_many_datasets_as_the_contract(client):
    answers = {"datasets": [{"id": f"d{number}", "modality": "other"} for number in range(MAX_DATASETS)]}
    response = study_enter(client, answers)
    assert Result.objects.get(pk=response["Location"].split("/")[2]).answers == answers_validate(answers).answers()
