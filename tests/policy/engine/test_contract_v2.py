"""Answers contract version 2 is still accepted everywhere: read as the version 3 answers it means, and so on to
today's; what version 2 never asked is "not asked", never an answer."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from policy import InvalidAnswers, plan_for
from policy.engine.answers import answers_validate
from policy.engine.questions import ANSWERS_CONTRACT_VERSION
from tests.builders import methods_said_before_v4, without_methods_new_in_v4
from tests.strategies import studies

STORED_V2 = json.loads((Path(__file__).parents[1] / "fixtures" / "stored_results_v2.json").read_text())["results"]


def as_version_2(answers: dict) -> dict | None:
    """The version 2 body of a study of today's contract, or None when version 2 could not say the same (it never
    asked about consent to open release of data from human samples)."""
    v2 = copy.deepcopy(answers)
    v2["answers_version"] = 2
    for dataset in v2["datasets"]:
        if not methods_said_before_v4(dataset):
            return None
        if "human_data_open" in dataset:
            return None
        if dataset.get("medical_imaging") is True:
            return None  # version 2 asked about patients only: volunteers' imaging it would have planned
        if "medical_imaging" in dataset:
            dataset["patient_medical"] = dataset.pop("medical_imaging")
    return v2


def placed(plan: dict) -> set[tuple]:
    return {(d["archive"], tuple(d["datasets"])) for d in plan["depositions"]}


@settings(max_examples=300)
@given(studies())
def test_a_version_2_body_plans_as_its_translation(answers):
    v2 = as_version_2(answers)
    assume(v2 is not None)

    assert plan_for(v2) == plan_for(answers)
    assert answers_validate(v2).datasets == without_methods_new_in_v4(answers_validate(answers).datasets)


@pytest.mark.parametrize("stored", STORED_V2, ids=[stored["name"] for stored in STORED_V2])
def test_every_stored_version_2_result_still_plans_the_same_apart_from_human_data_never_consented(stored):
    plan = plan_for(stored["answers"])
    old = stored["plan"]
    # Version 2 never asked whether the participants consented to open release: their data goes to no open archive.
    human = {d["id"] for d in stored["answers"]["datasets"] if d.get("human_tissue")}

    assert plan["answers_version"] == ANSWERS_CONTRACT_VERSION
    refused_before = {item["dataset"] for item in old["not_accepted"]}
    refused_now = {item["dataset"] for item in plan["not_accepted"]}
    assert refused_before <= refused_now
    assert refused_now - refused_before <= human
    # New advice: ArrayExpress's optional processed-data step beside EGA. Everything else is placed as before.
    new_steps = [d for d in plan["depositions"] if d["key"].startswith("arrayexpress-processed:")]
    assert all(c["optional"] for d in new_steps for c in d["contents"])
    kept = {(archive, datasets) for archive, datasets in placed(old) if not human & set(datasets)}
    assert kept <= placed(plan)
    for archive, datasets in placed({"depositions": [d for d in plan["depositions"] if d not in new_steps]}):
        assert archive == "ega" or not human & set(datasets) or (archive, datasets) in placed(old)


def test_version_2_human_samples_go_to_no_open_archive_and_consent_is_not_asked():
    answers = {"answers_version": 2, "datasets": [{"id": "he", "modality": "light_microscopy", "human_tissue": True}]}
    study = answers_validate(answers)
    plan = plan_for(answers)

    assert plan["depositions"] == []
    assert [item["dataset"] for item in plan["not_accepted"]] == ["he"]
    assert study.not_asked["he"] == {"medical_imaging", "human_data_open"}
    assert "human_data_open" not in study.answers()["datasets"][0]


def test_version_2_patient_medical_means_medical_imaging():
    study = answers_validate(
        {"answers_version": 2, "datasets": [{"id": "mri", "modality": "other", "patient_medical": True}]}
    )

    assert study.datasets[0]["medical_imaging"] is True
    assert "patient_medical" not in study.datasets[0]
    assert study.not_asked == {}


def test_errors_in_version_2_answers_name_version_2_fields():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 2, "datasets": [{"id": "a", "modality": "other", "patient_medical": 1}]})

    assert set(invalid.value.errors) == {"datasets[0].patient_medical"}


@pytest.mark.parametrize(
    ("field", "version"), [("medical_imaging", 3), ("human_images_open", 3), ("human_data_open", 4)]
)
def test_a_later_field_in_a_version_2_body_says_how_to_ask_for_its_version(field, version):
    dataset = {"id": "a", "modality": "other", "human_tissue": True, field: False}
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 2, "datasets": [dataset]})

    assert f'"answers_version": {version}' in invalid.value.errors[f"datasets[0].{field}"][0]


def test_a_version_2_field_in_a_version_3_body_is_unknown():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate(
            {"answers_version": 3, "datasets": [{"id": "a", "modality": "other", "patient_medical": True}]}
        )

    assert "datasets[0].patient_medical" in invalid.value.errors


def test_the_canonical_answers_of_a_version_2_body_validate_to_the_same_study():
    v2 = {"answers_version": 2, "datasets": [{"id": "he", "modality": "light_microscopy", "human_tissue": True}]}
    canonical = answers_validate(v2).answers()

    assert canonical["answers_given_in"] == 2
    assert answers_validate(canonical) == answers_validate(v2)
