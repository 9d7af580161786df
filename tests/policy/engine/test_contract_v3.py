"""Answers contract version 3 is still accepted everywhere: read as the version 4 answers it means. Its consent
question covered the images only: it answers version 4's where the images are the dataset's data, and elsewhere
the consent is "not asked"."""

import copy

import pytest
from hypothesis import assume, given, settings

from policy import InvalidAnswers, plan_for
from policy.engine.answers import answers_validate
from tests.builders import methods_said_before_v4, without_methods_new_in_v4
from tests.strategies import studies

HUMAN_HE = {"id": "he", "modality": "light_microscopy", "human_tissue": True}
HUMAN_VISIUM = {
    "id": "visium",
    "modality": "spatial_omics",
    "omics_type": "transcriptomics",
    "omics_repository_fits": True,
    "human_tissue": True,
    "human_controlled_access": True,
}


def v3(*datasets: dict) -> dict:
    return {"answers_version": 3, "datasets": list(datasets)}


def has_omics_data(dataset: dict) -> bool:
    return dataset.get("modality") == "spatial_omics" and dataset.get("omics_repository_fits") is True


def as_version_3(answers: dict) -> dict | None:
    """The version 3 body of a version 4 study, or None when version 3 could not say the same."""
    body = copy.deepcopy(answers)
    body["answers_version"] = 3
    for dataset in body["datasets"]:
        if not methods_said_before_v4(dataset):
            return None
        if "human_data_open" in dataset:
            if has_omics_data(dataset):
                return None
            dataset["human_images_open"] = dataset.pop("human_data_open")
    return body


@settings(max_examples=300)
@given(studies())
def test_a_version_3_body_plans_as_its_translation(answers):
    body = as_version_3(answers)
    assume(body is not None)

    assert plan_for(body) == plan_for(answers)
    assert answers_validate(body).datasets == without_methods_new_in_v4(answers_validate(answers).datasets)


@pytest.mark.parametrize("consent", [True, False])
def test_images_only_consent_answers_the_version_4_question(consent):
    study = answers_validate(v3({**HUMAN_HE, "human_images_open": consent}))

    assert study.datasets[0]["human_data_open"] is consent
    assert study.not_asked == {}


@pytest.mark.parametrize("consent", [True, False])
def test_omics_consent_is_not_asked_and_opens_nothing(consent):
    answers = v3({**HUMAN_VISIUM, "human_images_open": consent})
    study = answers_validate(answers)
    plan = plan_for(answers)

    assert study.not_asked == {"visium": frozenset({"human_data_open"})}
    assert {d["archive"] for d in plan["depositions"]} == {"ega"}


def test_errors_in_version_3_answers_name_version_3_fields():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate(v3({**HUMAN_HE, "human_images_open": "yes"}))

    assert set(invalid.value.errors) == {"datasets[0].human_images_open"}


def test_a_version_4_field_in_a_version_3_body_says_how_to_ask_for_version_4():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate(v3({**HUMAN_HE, "human_data_open": True}))

    assert '"answers_version": 4' in invalid.value.errors["datasets[0].human_data_open"][0]


def test_a_version_3_field_in_a_version_4_body_is_unknown():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 4, "datasets": [{**HUMAN_HE, "human_images_open": True}]})

    assert "datasets[0].human_images_open" in invalid.value.errors


def test_version_4_requires_the_open_release_answer_for_human_samples():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 4, "datasets": [HUMAN_HE]})

    assert set(invalid.value.errors) == {"datasets[0].human_data_open"}


@pytest.mark.parametrize("given_in", [0, 5, "2", True, None, 2.0])
def test_an_unknown_answers_given_in_is_refused(given_in):
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 4, "answers_given_in": given_in, "datasets": [HUMAN_HE]})

    assert set(invalid.value.errors) == {"answers_given_in"}


def test_answers_given_in_belongs_to_version_4_alone():
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({**v3({**HUMAN_HE, "human_images_open": True}), "answers_given_in": 2})

    assert "answers_given_in" in invalid.value.errors


# Version 4 was first released without the volume EM and X-ray method and segmentations (ADDED_TO_VERSION_4).
FIB_AS_RELEASED = {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"}
CT_AS_RELEASED = {"id": "ct", "modality": "xray_imaging", "dimensionality": "3d"}


def test_a_version_4_body_without_the_follow_ups_added_after_its_release_has_them_not_asked():
    answers = {"answers_version": 4, "publication": False, "datasets": [FIB_AS_RELEASED, CT_AS_RELEASED]}

    study = answers_validate(answers)
    plan = plan_for(answers)

    assert study.not_asked == {
        "fib": frozenset({"volume_em_method", "segmentations"}),
        "ct": frozenset({"xray_method", "segmentations"}),
    }
    assert study.answers()["datasets"] == [
        {**CT_AS_RELEASED, "medical_imaging": False, "human_tissue": False},
        {**FIB_AS_RELEASED, "medical_imaging": False, "human_tissue": False},
    ]
    assert answers_validate(study.answers()) == study  # a stored result reads the same forever
    assert {(d["archive"], tuple(d["datasets"])) for d in plan["depositions"]} == {
        ("empiar", ("fib",)),
        ("empiar", ("ct",)),
    }
    # A method not asked may be one EMPIAR's publication condition covers.
    assert sum("beyond-policy:empiar-publication" in str(note) for note in plan["notes"]) == 1


@pytest.mark.parametrize(
    ("dataset", "required"),
    [
        ({"id": "ed", "modality": "electron_microscopy", "em_method": "microed", "atomic_model": True}, "ed_map"),
        ({"id": "xlms", "modality": "non_image"}, "data_type"),
    ],
)
def test_a_follow_up_of_an_answer_new_in_version_4_stays_required(dataset, required):
    with pytest.raises(InvalidAnswers) as invalid:
        answers_validate({"answers_version": 4, "datasets": [dataset]})

    assert set(invalid.value.errors) == {f"datasets[0].{required}"}
