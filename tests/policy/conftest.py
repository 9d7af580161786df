import copy

import pytest

# Every section of the result page at once: omics first, EMDB before EMPIAR, a screen, a correlative group
# across EMPIAR and the BioImage Archive, and a patient-identifiable dataset refused from its group.
FULL_STUDY = {
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em"},
        {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "scan", "modality": "light_microscopy", "patient_identifiable": True},
        {"id": "screen", "modality": "high_content_screening", "screen_type": "genetic"},
    ],
    "correlations": [["lm", "fib-sem", "scan"]],
}

LIGHT_ONLY_STUDY = {"publication": True, "datasets": [{"id": "confocal", "modality": "light_microscopy"}]}


@pytest.fixture
def full_study() -> dict:
    return copy.deepcopy(FULL_STUDY)


@pytest.fixture
def light_only_study() -> dict:
    return copy.deepcopy(LIGHT_ONLY_STUDY)
