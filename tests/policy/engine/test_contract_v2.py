"""Answers contract version 2 is still accepted everywhere: read as the version 3 answers it means."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from policy import InvalidAnswers, plan_for
from policy.engine.answers import answers_validate
from policy.engine.contract_v2 import answers_as_given
from tests.strategies import studies

STORED_V2 = json.loads((Path(__file__).parents[1] / "fixtures" / "stored_results_v2.json").read_text())["results"]


def as_version_2(answers: dict) -> dict | None:
    """The version 2 body of a version 3 study, or None when version 2 could not say the same (it never asked
    about consent to open release of images, and planned them as if given)."""
    v2 = copy.deepcopy(answers)
    v2["answers_version"] = 2
    for dataset in v2["datasets"]:
        if dataset.pop("human_images_open", True) is False:
            return None
        if dataset.get("medical_imaging") is True:
            return None  # version 2 asked about patients only: volunteers' imaging it would have planned
        if "medical_imaging" in dataset:
            dataset["patient_medical"] = dataset.pop("medical_imaging")
    return v2


def placed(plan: dict) -> list[tuple]:
    return [
        (d["archive"], d["datasets"], [(c["datasets"], c["optional"]) for c in d["contents"]])
        for d in plan["depositions"]
    ]


@settings(max_examples=300)
@given(studies())
def test_a_version_2_body_plans_as_its_version_3_translation(answers):
    v2 = as_version_2(answers)
    assume(v2 is not None)

    assert plan_for(v2) == plan_for(answers)
    assert answers_validate(v2) == answers_validate(answers)


@pytest.mark.parametrize("stored", STORED_V2, ids=[stored["name"] for stored in STORED_V2])
def test_every_stored_version_2_result_still_plans_the_same_apart_from_the_new_advice(stored):
    plan = plan_for(stored["answers"])
    old = stored["plan"]

    assert plan["answers_version"] == 3
    assert [item["dataset"] for item in plan["not_accepted"]] == [item["dataset"] for item in old["not_accepted"]]
    # New advice: ArrayExpress's optional processed-data step beside EGA. Everything else is placed as before.
    new_steps = [d for d in plan["depositions"] if d["key"].startswith("arrayexpress-processed:")]
    assert all(c["optional"] for d in new_steps for c in d["contents"])
    assert {(d["archive"], tuple(d["datasets"])) for d in plan["depositions"] if d not in new_steps} == {
        (d["archive"], tuple(d["datasets"])) for d in old["depositions"]
    }
    assert [(i["kind"], i["datasets"]) for i in plan["linking"]] == [(i["kind"], i["datasets"]) for i in old["linking"]]


def test_version_2_human_samples_are_planned_with_the_consent_condition_stated():
    answers = {"answers_version": 2, "datasets": [{"id": "he", "modality": "light_microscopy", "human_tissue": True}]}
    plan = plan_for(answers)

    assert [d["archive"] for d in plan["depositions"]] == ["bia"]
    assert any("consented to open release" in note["text"] for note in plan["notes"])


def test_version_2_patient_medical_means_medical_imaging():
    study = answers_validate(
        {"answers_version": 2, "datasets": [{"id": "mri", "modality": "other", "patient_medical": True}]}
    )

    assert study.datasets[0]["medical_imaging"] is True
    assert "patient_medical" not in study.datasets[0]


def test_errors_in_version_2_answers_name_version_2_fields():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 2, "datasets": [{"id": "a", "modality": "other", "patient_medical": 1}]})

    assert set(invalid.value.errors) == {"datasets[0].patient_medical"}


@pytest.mark.parametrize("field", ["medical_imaging", "human_images_open"])
def test_a_version_3_field_in_a_version_2_body_says_how_to_ask_for_version_3(field):
    dataset = {"id": "a", "modality": "other", "human_tissue": True, field: False}
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 2, "datasets": [dataset]})

    assert '"answers_version": 3' in invalid.value.errors[f"datasets[0].{field}"][0]


def test_a_version_2_field_in_a_version_3_body_is_unknown():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate(
            {"answers_version": 3, "datasets": [{"id": "a", "modality": "other", "patient_medical": True}]}
        )

    assert "datasets[0].patient_medical" in invalid.value.errors


def test_version_3_requires_the_open_release_answer_for_human_samples():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 3, "datasets": [{"id": "a", "modality": "other", "human_tissue": True}]})

    assert set(invalid.value.errors) == {"datasets[0].human_images_open"}


def test_what_the_translation_assumed_is_not_given_back_as_an_answer():
    v2 = {"answers_version": 2, "datasets": [{"id": "he", "modality": "light_microscopy", "human_tissue": True}]}
    canonical = answers_validate(v2).answers()

    assert canonical["datasets"][0]["human_images_open"] is True
    assert "human_images_open" not in answers_as_given(answers=canonical, given_in=2)["datasets"][0]
    assert answers_as_given(answers=canonical, given_in=3) == canonical
