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
# Questions a test's dataset leaves out are answered "no", as the contract's defaults would.
NO_BY_DEFAULT = ("medical_imaging", "human_tissue", "subtomogram_average", "atomic_model")


def dataset_as_stored(dataset: Mapping[str, Any]) -> dict:
    """The dataset as the wizard stores it: every question asked for it answered ("no" where the test said
    nothing), and none other."""
    answered = {**dict.fromkeys(NO_BY_DEFAULT, False), **dataset}
    return {question.field: answered[question.field] for question in questions_asked_for(answered)}
