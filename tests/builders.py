"""The datasets tests describe, defined once: as a depositor describes them (a question left out is answered "no",
NO_BY_DEFAULT) and as the wizard stores them (`dataset_as_stored`). Pure data and the engine's questions: used by
the engine's, the wizard's, the browser's and the deployment's tests alike."""

from collections.abc import Mapping
from typing import Any

from policy.engine.questions import questions_asked_for

# Kinds of dataset, without an id, for tests that name each dataset where they use it (the policy table).
LIGHT_MICROSCOPY = {"modality": "light_microscopy"}
VOLUME_EM = {"modality": "electron_microscopy", "em_method": "volume_em"}
XRAY_TOMOGRAPHY = {"modality": "xray_imaging", "dimensionality": "3d"}
# Datasets many tests describe, as a depositor would.
LM = {"id": "lm", **LIGHT_MICROSCOPY}
FIB = {"id": "fib", **VOLUME_EM}
SXT = {"id": "sxt", **XRAY_TOMOGRAPHY}
FIB_SEM = {"id": "fib-sem", **VOLUME_EM}
CRYO_ET = {
    "id": "cryo-et",
    "modality": "electron_microscopy",
    "em_method": "cryo_et",
    "tilt_series": True,
    "tomograms": "many",
}
VISIUM = {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True}
MRI = {"id": "mri", "modality": "other", "medical_imaging": True}
# Human Visium data whose consent allows open release, with its reads still under controlled access.
HUMAN_VISIUM = {**VISIUM, "human_tissue": True, "human_data_open": True, "human_controlled_access": True}
# Questions a test's dataset leaves out are answered "no", as the contract's defaults would.
NO_BY_DEFAULT = ("medical_imaging", "human_tissue", "subtomogram_average", "atomic_model")
# The methods' follow-ups a test's dataset leaves out (answers contract version 4), answered as the plans made before
# version 4 read them: the first volume EM method, soft X-ray, no segmentations.
METHODS_BY_DEFAULT = {"volume_em_method": "sbf_sem", "xray_method": "soft_xray", "segmentations": "none"}
# What only version 4 can say of the methods: its fields, and the answers it added to earlier questions.
METHODS_NEW_IN_V4 = ("ed_map", "volume_em_method", "xray_method", "segmentations", "data_type")


def dataset_as_stored(dataset: Mapping[str, Any]) -> dict:
    """The dataset as the wizard stores it: every question asked for it answered ("no" where the test said
    nothing), and none other."""
    answered = {**dict.fromkeys(NO_BY_DEFAULT, False), **METHODS_BY_DEFAULT, **dataset}
    return {question.field: answered[question.field] for question in questions_asked_for(answered)}


def methods_answered(dataset: Mapping[str, Any]) -> dict:
    """The dataset with the methods' follow-ups it leaves out answered by default, where they are asked."""
    asked = {question.field for question in questions_asked_for({**METHODS_BY_DEFAULT, **dataset})}
    return {**{name: value for name, value in METHODS_BY_DEFAULT.items() if name in asked}, **dataset}


def without_methods_new_in_v4(datasets) -> tuple[dict, ...]:
    """Datasets without the methods' answers only version 4 gives, to compare a study with its earlier body."""
    return tuple({name: value for name, value in d.items() if name not in METHODS_NEW_IN_V4} for d in datasets)


def methods_said_before_v4(dataset: dict) -> bool:
    """Take out of a dataset (in place) the methods' answers only version 4 gives, where an earlier version that
    never asked them plans the same; False where it would not (a method the plan treats apart, segmentations
    placed, microED, data that is not images)."""
    if dataset.get("em_method") == "microed" or dataset.get("modality") == "non_image":
        return False
    if dataset.get("segmentations", "none") != "none":
        return False
    if dataset.get("volume_em_method") == "serial_section_et" or dataset.get("xray_method") == "hard_xray":
        return False
    for field in METHODS_NEW_IN_V4:
        dataset.pop(field, None)
    return True
