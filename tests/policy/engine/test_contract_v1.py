"""Answers contract version 1 is still accepted everywhere: read as the version 2 answers it means, and so on
to today's; what version 1 never asked is "not asked", never an answer."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from policy import InvalidAnswers, plan_for
from policy.engine.answers import answers_validate
from policy.engine.questions import ANSWERS_CONTRACT_VERSION
from tests.builders import methods_said_before_v4
from tests.strategies import studies

STORED_V1 = json.loads((Path(__file__).parents[1] / "fixtures" / "stored_results_v1.json").read_text())["results"]
# What later versions ask that version 1 could not say; a version 1 study is planned as if each were "no".
NEW_SINCE_V1 = ("subtomogram_average", "atomic_model", "human_tissue", "human_data_open", "human_controlled_access")


def as_version_1(answers: dict) -> dict | None:
    """The version 1 body of a study of today's contract, or None when version 1 could not say the same."""
    v1 = copy.deepcopy(answers)
    del v1["answers_version"]
    for dataset in v1["datasets"]:
        if not methods_said_before_v4(dataset):
            return None
        if any(dataset.get(field) for field in NEW_SINCE_V1) or dataset.get("omics_type") == "epigenomics":
            return None
        for field in NEW_SINCE_V1:
            dataset.pop(field, None)
        if dataset.pop("medical_imaging", False):
            dataset["patient_identifiable"] = True
    return v1


@settings(max_examples=300)
@given(studies())
def test_a_version_1_body_plans_as_its_translation(answers):
    v1 = as_version_1(answers)
    assume(v1 is not None)

    assert plan_for(v1) == plan_for(answers)


@settings(max_examples=200)
@given(studies())
def test_a_version_1_body_gives_no_answer_to_what_version_1_never_asked(answers):
    v1 = as_version_1(answers)
    assume(v1 is not None)
    canonical = answers_validate(v1).answers()

    assert canonical["answers_given_in"] == 1
    for dataset in canonical["datasets"]:
        assert not set(dataset) & set(NEW_SINCE_V1)
        # Only a "yes" to patient-identifiable images answers the medical-imaging question.
        assert dataset.get("medical_imaging", True) is True
    assert answers_validate(canonical) == answers_validate(v1)


@pytest.mark.parametrize("stored", STORED_V1, ids=[stored["name"] for stored in STORED_V1])
def test_every_stored_version_1_result_still_plans(stored):
    plan = plan_for(stored["answers"])

    assert plan["answers_version"] == ANSWERS_CONTRACT_VERSION
    # The same datasets are placed or refused; only the advice about them may have changed.
    old_ids = {d for deposition in stored["plan"]["depositions"] for d in deposition["datasets"]}
    new_ids = {d for deposition in plan["depositions"] for d in deposition["datasets"]}
    assert new_ids == old_ids
    assert [item["dataset"] for item in plan["not_accepted"]] == [
        item["dataset"] for item in stored["plan"]["not_accepted"]
    ]


def test_version_1_patient_identifiable_means_medical_imaging():
    study = answers_validate({"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": True}]})

    assert study.datasets[0]["medical_imaging"] is True
    assert "patient_identifiable" not in study.datasets[0]
    assert "medical_imaging" not in study.not_asked["mri"]


def test_version_1_not_identifiable_leaves_medical_imaging_not_asked():
    study = answers_validate({"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": False}]})

    # Planned as an unanswered medical-imaging question is (no), never shown as an answer given.
    assert study.datasets[0]["medical_imaging"] is False
    assert study.not_asked["mri"] == {"medical_imaging", "human_tissue"}
    assert "medical_imaging" not in study.answers()["datasets"][0]


def test_errors_in_version_1_answers_name_version_1_fields():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "other", "patient_identifiable": "yes"}]})

    assert set(invalid.value.errors) == {"datasets[0].patient_identifiable"}


def test_a_version_2_field_without_the_version_says_how_to_ask_for_version_2():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "other", "patient_medical": False}]})

    assert "answers_version" in invalid.value.errors["datasets[0].patient_medical"][0]


@pytest.mark.parametrize("version", [0, 5, "2", True, None, 2.0, [2], {"v": 2}])
def test_an_unknown_answers_version_is_refused(version):
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": version, "datasets": [{"id": "a", "modality": "other"}]})

    assert set(invalid.value.errors) == {"answers_version"}


@pytest.mark.parametrize("em_method", [["cryo_et"], {"a": 1}, 3, None, True, 1.5, [[]], {"x": ["y"]}])
def test_a_version_1_em_method_of_any_json_type_is_an_error_of_that_field(em_method):
    """The 500 of issue 16: a list or object em_method met a dict lookup in the translation."""
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "electron_microscopy", "em_method": em_method}]})

    assert "datasets[0].em_method" in invalid.value.errors


def test_a_later_field_in_a_version_1_body_says_how_to_ask_for_its_version():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"datasets": [{"id": "a", "modality": "other", "medical_imaging": False}]})

    assert '"answers_version": 3' in invalid.value.errors["datasets[0].medical_imaging"][0]
