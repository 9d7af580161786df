"""Answers contract version 1 is still accepted everywhere: read as the version 2 answers it means."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from policy import InvalidAnswers, plan_for
from policy.engine.answers import answers_validate
from tests.strategies import studies

STORED_V1 = json.loads((Path(__file__).parents[1] / "fixtures" / "stored_results_v1.json").read_text())["results"]
# What version 2 asks that version 1 could not say; a version 1 study means "no" to each.
NEW_IN_V2 = ("subtomogram_average", "atomic_model", "human_tissue", "human_controlled_access")


def as_version_1(answers: dict) -> dict | None:
    """The version 1 body of a version 2 study, or None when version 1 could not say the same."""
    v1 = copy.deepcopy(answers)
    del v1["answers_version"]
    for dataset in v1["datasets"]:
        if any(dataset.get(field) for field in NEW_IN_V2) or dataset.get("omics_type") == "epigenomics":
            return None
        for field in NEW_IN_V2:
            dataset.pop(field, None)
        if "patient_medical" in dataset:
            dataset["patient_identifiable"] = dataset.pop("patient_medical")
    return v1


@settings(max_examples=300)
@given(studies())
def test_a_version_1_body_plans_as_its_version_2_translation(answers):
    v1 = as_version_1(answers)
    assume(v1 is not None)

    assert plan_for(v1) == plan_for(answers)
    assert answers_validate(v1) == answers_validate(answers)


@pytest.mark.parametrize("stored", STORED_V1, ids=[stored["name"] for stored in STORED_V1])
def test_every_stored_version_1_result_still_plans(stored):
    plan = plan_for(stored["answers"])

    assert plan["answers_version"] == 2
    # The same datasets are placed or refused; only the advice about them may have changed.
    old_ids = {d for deposition in stored["plan"]["depositions"] for d in deposition["datasets"]}
    new_ids = {d for deposition in plan["depositions"] for d in deposition["datasets"]}
    assert new_ids == old_ids
    assert [item["dataset"] for item in plan["not_accepted"]] == [
        item["dataset"] for item in stored["plan"]["not_accepted"]
    ]


def test_version_1_patient_identifiable_means_patient_medical_imaging():
    study = answers_validate({"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": True}]})

    assert study.datasets[0]["patient_medical"] is True
    assert "patient_identifiable" not in study.datasets[0]


def test_errors_in_version_1_answers_name_version_1_fields():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "other", "patient_identifiable": "yes"}]})

    assert set(invalid.value.errors) == {"datasets[0].patient_identifiable"}


def test_a_version_2_field_without_the_version_says_how_to_ask_for_version_2():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "other", "patient_medical": False}]})

    assert "answers_version" in invalid.value.errors["datasets[0].patient_medical"][0]


@pytest.mark.parametrize("version", [0, 3, "2", True, None, 2.0])
def test_an_unknown_answers_version_is_refused(version):
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": version, "datasets": [{"id": "a", "modality": "other"}]})

    assert set(invalid.value.errors) == {"answers_version"}
