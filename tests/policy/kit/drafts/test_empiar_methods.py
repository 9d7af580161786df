"""EMPIAR drafts of every method: the experiment type from the method the answers name, a placeholder the bundle's
guard refuses where they name none the schema has a type for, microED's diffraction images, segmentations with the
entry; every draft valid for empiar-depositor's schema."""

import pytest

from policy.engine.questions import ANSWERS_CONTRACT_VERSION
from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.empiar_draft import empiar_drafts
from policy.kit.scripts.empiar_submit import PLACEHOLDER_EXPERIMENT_TYPE, placeholders_find
from tests.policy.kit.conftest import empiar_validator, planned

VALIDATOR = empiar_validator()
EM = "electron_microscopy"


def draft_of(*datasets: dict, correlations=None):
    answers: dict = {"answers_version": ANSWERS_CONTRACT_VERSION, "datasets": list(datasets)}
    if correlations:
        answers["correlations"] = correlations
    stored = planned(answers)
    (draft,) = empiar_drafts(stored=stored, accessions=accessions_parse(stored=stored, query={}))
    assert list(VALIDATOR.iter_errors(draft.document)) == []
    return draft


def volume_em(method: str, **more) -> dict:
    fields = {"modality": EM, "em_method": "volume_em", "volume_em_method": method, "segmentations": "none"}
    return {"id": "vem", **fields, **more}


def xray(method: str) -> dict:
    fields = {"modality": "xray_imaging", "dimensionality": "3d", "xray_method": method, "segmentations": "none"}
    return {"id": "xray", **fields}


@pytest.mark.parametrize(
    ("dataset", "experiment_type"),
    [
        pytest.param(volume_em("sbf_sem"), 4, id="sbf-sem-4"),
        pytest.param(volume_em("fib_sem"), 5, id="fib-sem-5"),
        pytest.param(volume_em("atum"), 11, id="atum-11"),
        pytest.param(volume_em("serial_section_et"), 13, id="sset-13"),
        pytest.param(xray("soft_xray"), 1, id="soft-xray-1"),
        pytest.param(xray("hard_xray"), 12, id="hard-xray-12"),
    ],
)
def test_the_method_sets_the_experiment_type(dataset, experiment_type):
    draft = draft_of(dataset)

    assert draft.document["experiment_type"] == experiment_type
    assert not any(problem.startswith("$.experiment_type") for problem in placeholders_find(draft.document))


@pytest.mark.parametrize(
    "dataset",
    [
        pytest.param(volume_em("other"), id="volume-em-other"),
        pytest.param(volume_em("array_tomography"), id="array-tomography-has-no-type"),
        pytest.param(xray("other"), id="xray-other"),
    ],
)
def test_an_unknown_method_leaves_a_placeholder_the_guard_refuses(dataset):
    draft = draft_of(dataset)

    assert draft.document["experiment_type"] == PLACEHOLDER_EXPERIMENT_TYPE
    assert any(
        problem.startswith("$.experiment_type: 2 is the draft's placeholder")
        for problem in placeholders_find(draft.document)
    )
    assert any("is a placeholder" in choice for choice in draft.choices)


def test_a_method_not_asked_in_version_3_leaves_the_placeholder():
    answers = {"answers_version": 3, "datasets": [{"id": "vem", "modality": EM, "em_method": "volume_em"}]}
    stored = planned(answers)

    (draft,) = empiar_drafts(stored=stored, accessions=accessions_parse(stored=stored, query={}))

    assert draft.document["experiment_type"] == PLACEHOLDER_EXPERIMENT_TYPE
    assert list(VALIDATOR.iter_errors(draft.document)) == []


def test_correlated_fib_sem_is_clem_naming_fib_sem():
    draft = draft_of({"id": "lm", "modality": "light_microscopy"}, volume_em("fib_sem"), correlations=[["lm", "vem"]])

    assert draft.document["experiment_type"] == 7
    assert "Also fits: 5 (focused ion beam SEM (FIB-SEM))" in " ".join(draft.choices)


def test_microed_is_type_9_with_diffraction_images():
    draft = draft_of({"id": "ed", "modality": EM, "em_method": "microed", "ed_map": True, "atomic_model": True})

    assert draft.document["experiment_type"] == 9
    assert [imageset["category"] for imageset in draft.document["imagesets"]] == ["('T12', '')"]
    assert draft.document["cross_references"] == [{"name": "EMD-0000"}]  # the map's EMDB step, not typed yet


def test_segmentations_with_the_entry_are_an_image_set_of_their_own():
    draft = draft_of(volume_em("fib_sem", segmentations="with_empiar"))

    assert [imageset["directory"] for imageset in draft.document["imagesets"]] == ["data/stacks", "data/segmentations"]
