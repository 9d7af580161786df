"""Validation of the answers contract: every problem reported against its field path, never a crash."""

import pytest

from policy.engine import InvalidAnswers, answers_validate
from tests.builders import LM


def errors_of(answers) -> dict[str, list[str]]:
    with pytest.raises(InvalidAnswers) as raised:
        answers_validate(answers)
    return raised.value.errors


@pytest.mark.parametrize(
    ("answers", "path"),
    [
        pytest.param([], "answers", id="not-an-object"),
        pytest.param({}, "datasets", id="datasets-missing"),
        pytest.param({"datasets": []}, "datasets", id="datasets-empty"),
        pytest.param({"datasets": "lm"}, "datasets", id="datasets-not-a-list"),
        pytest.param({"datasets": [{**LM, "id": f"d{i}"} for i in range(51)]}, "datasets", id="more-than-50"),
        pytest.param({"datasets": [LM], "colour": "blue"}, "colour", id="unknown-study-field"),
        pytest.param({"datasets": [LM], "publication": "yes"}, "publication", id="publication-not-boolean"),
        pytest.param({"datasets": [LM], "publication": 1}, "publication", id="publication-integer"),
        pytest.param({"datasets": ["lm"]}, "datasets[0]", id="dataset-not-an-object"),
        pytest.param({"datasets": [{**LM, "size": 3}]}, "datasets[0].size", id="unknown-dataset-field"),
        pytest.param({"datasets": [{"modality": "light_microscopy"}]}, "datasets[0].id", id="id-missing"),
        pytest.param({"datasets": [{**LM, "id": "has space"}]}, "datasets[0].id", id="id-bad-characters"),
        pytest.param({"datasets": [{**LM, "id": "x" * 41}]}, "datasets[0].id", id="id-too-long"),
        pytest.param({"datasets": [{**LM, "id": ""}]}, "datasets[0].id", id="id-empty"),
        pytest.param({"datasets": [{**LM, "id": 7}]}, "datasets[0].id", id="id-not-a-string"),
        pytest.param({"datasets": [LM, LM]}, "datasets[1].id", id="duplicate-id"),
        pytest.param({"datasets": [{"id": "a"}]}, "datasets[0].modality", id="modality-missing"),
        pytest.param({"datasets": [{**LM, "modality": "mri"}]}, "datasets[0].modality", id="modality-unknown"),
        pytest.param(
            {"datasets": [{"id": "em", "modality": "electron_microscopy"}]},
            "datasets[0].em_method",
            id="em-method-missing",
        ),
        pytest.param({"datasets": [{**LM, "em_method": "2d"}]}, "datasets[0].em_method", id="em-method-not-em"),
        pytest.param(
            {"datasets": [{"id": "x", "modality": "xray_imaging"}]},
            "datasets[0].dimensionality",
            id="xray-dimensionality-missing",
        ),
        pytest.param(
            {"datasets": [{**LM, "dimensionality": "4d"}]}, "datasets[0].dimensionality", id="dimensionality-unknown"
        ),
        pytest.param(
            {"datasets": [{"id": "em", "modality": "electron_microscopy", "em_method": "2d", "dimensionality": "3d"}]},
            "datasets[0].dimensionality",
            id="dimensionality-contradicts-em-method",
        ),
        pytest.param(
            {
                "datasets": [
                    {"id": "em", "modality": "electron_microscopy", "em_method": "volume_em", "tilt_series": True}
                ]
            },
            "datasets[0].tilt_series",
            id="tilt-series-not-cryo-et",
        ),
        pytest.param(
            {"datasets": [{"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tomograms": "few"}]},
            "datasets[0].tilt_series",
            id="tilt-series-missing",
        ),
        pytest.param(
            {
                "datasets": [
                    {
                        "id": "t",
                        "modality": "electron_microscopy",
                        "em_method": "cryo_et",
                        "tilt_series": "yes",
                        "tomograms": "few",
                    }
                ]
            },
            "datasets[0].tilt_series",
            id="tilt-series-not-boolean",
        ),
        pytest.param(
            {
                "datasets": [
                    {
                        "id": "t",
                        "modality": "electron_microscopy",
                        "em_method": "cryo_et",
                        "tilt_series": False,
                        "tomograms": "none",
                    }
                ]
            },
            "datasets[0].tomograms",
            id="cryo-et-with-nothing-to-deposit",
        ),
        pytest.param(
            {"datasets": [{"id": "s", "modality": "spatial_omics", "omics_repository_fits": True}]},
            "datasets[0].omics_type",
            id="omics-type-missing",
        ),
        pytest.param(
            {"datasets": [{**LM, "omics_type": "proteomics"}]}, "datasets[0].omics_type", id="omics-type-not-omics"
        ),
        pytest.param(
            {"datasets": [{"id": "h", "modality": "high_content_screening"}]},
            "datasets[0].screen_type",
            id="screen-type-missing",
        ),
        pytest.param(
            {"datasets": [{**LM, "patient_identifiable": "no"}]},
            "datasets[0].patient_identifiable",
            id="patient-not-boolean",
        ),
        pytest.param({"datasets": [LM], "correlations": "lm"}, "correlations", id="correlations-not-a-list"),
        pytest.param({"datasets": [LM], "correlations": [["lm"]]}, "correlations[0]", id="correlation-of-one"),
        pytest.param(
            {"datasets": [LM], "correlations": [["lm", "em"]]}, "correlations[0]", id="correlation-unknown-id"
        ),
        pytest.param({"datasets": [LM], "correlations": [["lm", "lm"]]}, "correlations[0]", id="correlation-repeats"),
        pytest.param({"datasets": [LM], "correlations": [["lm", 3]]}, "correlations[0]", id="correlation-not-strings"),
    ],
)
def test_invalid_answers_are_reported_at_their_field_path(answers, path):
    errors = errors_of(answers)

    assert path in errors
    assert all(isinstance(message, str) and message for message in errors[path])


def test_every_problem_is_reported_at_once():
    errors = errors_of(
        {
            "datasets": [{"id": "lm", "modality": "light_microscopy", "em_method": "2d"}, {"id": "em"}],
            "colour": "blue",
        }
    )

    assert set(errors) == {"colour", "datasets[0].em_method", "datasets[1].modality"}


def test_follow_up_of_an_invalid_answer_is_not_judged():
    errors = errors_of(
        {"datasets": [{"id": "em", "modality": "electron_microscopy", "em_method": "3d", "tilt_series": True}]}
    )

    assert set(errors) == {"datasets[0].em_method"}


def test_control_characters_in_unknown_field_names_are_not_echoed():
    errors = errors_of({"datasets": [{**LM, "bad\x00\nname": 1}]})

    [path] = errors
    assert path.isprintable()


def test_defaults_are_filled_in_and_datasets_sorted_by_label():
    study = answers_validate({"datasets": [{"id": "z", "modality": "other"}, LM]})

    assert study.publication is True
    assert [dataset["id"] for dataset in study.datasets] == ["lm", "z"]
    assert all(dataset["medical_imaging"] is False for dataset in study.datasets)
    assert all(dataset["human_tissue"] is False for dataset in study.datasets)


def test_correlations_are_normalised():
    study = answers_validate(
        {
            "datasets": [LM, {"id": "em", "modality": "electron_microscopy", "em_method": "volume_em"}],
            "correlations": [["lm", "em"], ["em", "lm"]],
        }
    )

    assert study.correlations == (("em", "lm"),)


def test_canonical_answers_round_trip():
    answers = {
        "publication": False,
        "datasets": [
            {
                "id": "t",
                "modality": "electron_microscopy",
                "em_method": "cryo_et",
                "tilt_series": True,
                "tomograms": "many",
            }
        ],
    }

    study = answers_validate(answers)

    assert answers_validate(study.answers()) == study


def test_labels_differing_only_in_case_are_duplicates():
    # A and a name the same file on macOS and Windows: their BioImage Archive file lists would overwrite each other.
    with pytest.raises(InvalidAnswers) as raised:
        answers_validate(
            {
                "answers_version": 3,
                "datasets": [{"id": "A", "modality": "light_microscopy"}, {"id": "a", "modality": "other"}],
            }
        )

    assert raised.value.errors == {
        "datasets[1].id": ["Duplicate label 'a': datasets[0] uses 'A' (case does not count)."]
    }
