"""The wizard's answers are the engine's answers contract, one to one: whatever valid study a depositor
describes through the pages is stored exactly as the engine's canonical form of that study."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from policy.engine import InvalidAnswers, answers_validate, plan_for
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, MAX_DATASETS
from policy.models import Result
from tests.strategies import studies
from tests.wizard.journeys import check_confirm, study_enter
from wizard.study import dataset_refused

pytestmark = pytest.mark.django_db


def offered_groups_only(answers: dict) -> dict:
    """The wizard offers no dataset that cannot be deposited for a correlative group (wizard.study.datasets_offered):
    the same study with those left out of its groups, as a depositor could enter it."""
    refused = {dataset["id"] for dataset in answers["datasets"] if dataset_refused(dataset)}
    groups = [[member for member in group if member not in refused] for group in answers.get("correlations", [])]
    groups = [group for group in groups if len(group) >= 2]
    answers = {key: value for key, value in answers.items() if key != "correlations"}
    return {**answers, "correlations": groups} if groups else answers


def valid(answers: dict) -> bool:
    try:
        answers_validate(answers)
    except InvalidAnswers:
        return False
    return True


wizard_studies = studies(max_datasets=4, as_asked=True).map(offered_groups_only).filter(valid)


def nothing_deposited(answers: dict) -> bool:
    return plan_for(answers)["depositions"] == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=wizard_studies)
def test_any_valid_study_entered_through_the_pages_is_stored_as_its_canonical_answers(answers):
    client = Client()
    response = study_enter(client, answers)
    if nothing_deposited(answers):
        assert response["Location"] == "/study/cannot-deposit/"
        return
    result = Result.objects.get(pk=response["Location"].split("/")[2])
    assert result.answers == answers_validate(answers).answers()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=wizard_studies)
def test_prefilled_answers_come_back_unchanged(answers):
    if nothing_deposited(answers):
        return
    first = study_enter(Client(), answers)["Location"]
    result_id = first.split("/")[2]
    other = Client()
    assert other.get(f"/study/from/{result_id}/")["Location"] == "/study/check/"
    assert check_confirm(other)["Location"] == first


def test_the_wizard_allows_as_many_datasets_as_the_contract(client):
    answers = {
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "datasets": [{"id": f"d{number}", "modality": "other"} for number in range(MAX_DATASETS)],
    }
    response = study_enter(client, answers)
    assert Result.objects.get(pk=response["Location"].split("/")[2]).answers == answers_validate(answers).answers()
