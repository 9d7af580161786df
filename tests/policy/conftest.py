import copy

import pytest

from tests.policy.accession_checks.recorded import ReplayTransport, StalledTransport

# Every section of the result page at once: omics first, EMDB before EMPIAR, a screen, a correlative group
# across EMPIAR and the BioImage Archive, and a dataset of medical imaging of patients refused from its group.
FULL_STUDY = {
    "answers_version": 4,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em", "volume_em_method": "fib_sem",
         "segmentations": "none"},
        {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": False},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "scan", "modality": "other", "medical_imaging": True},
        {"id": "screen", "modality": "high_content_screening", "screen_type": "genetic"},
    ],
    "correlations": [["lm", "fib-sem", "scan"]],
}  # fmt: skip

# The study of issue 11, whose plan must read, act on and print well: a correlative light microscopy and FIB-SEM
# pair, cryo-ET with tilt series and many tomograms, sequencing-based spatial transcriptomics, one patient dataset.
FIVE_DATASET_STUDY = {
    "answers_version": 4,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em", "volume_em_method": "fib_sem",
         "segmentations": "none"},
        {"id": "cryo-et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "many", "subtomogram_average": False, "atomic_model": False, "segmentations": "none"},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "mri", "modality": "other", "medical_imaging": True},
    ],
    "correlations": [["lm", "fib-sem"]],
}  # fmt: skip

LIGHT_ONLY_STUDY = {
    "answers_version": 4,
    "publication": True,
    "datasets": [{"id": "confocal", "modality": "light_microscopy"}],
}


@pytest.fixture
def full_study() -> dict:
    return copy.deepcopy(FULL_STUDY)


@pytest.fixture
def five_dataset_study() -> dict:
    return copy.deepcopy(FIVE_DATASET_STUDY)


@pytest.fixture
def light_only_study() -> dict:
    return copy.deepcopy(LIGHT_ONLY_STUDY)


@pytest.fixture
def replay() -> ReplayTransport:
    """Every archive's recorded answers (tests/policy/accession_checks/recorded/)."""
    return ReplayTransport.of_all()


@pytest.fixture
def stalled():
    """An archive that never answers, until the test ends."""
    transport = StalledTransport()
    yield transport
    transport.released.set()


@pytest.fixture
def archives_replayed(settings, monkeypatch, replay) -> ReplayTransport:
    """Accession checks on, every archive answering from its recordings."""
    settings.ACCESSION_CHECKS = True
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: replay)
    return replay
