"""Small studies the kit's tests describe in several variants."""

from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.onedep_handoff import OnedepHandoff, onedep_handoffs
from tests.policy.kit.conftest import planned

CRYO_ET_WITH_AVERAGE_AND_MODEL = {
    "answers_version": 2,
    "publication": True,
    "datasets": [
        {"id": "et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "few", "subtomogram_average": True, "atomic_model": True},
        {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": False},
    ],
}  # fmt: skip


def human_visium(**extra) -> dict:
    """A human sequencing-based spatial transcriptomics study (answers contract v2), with `extra` answers."""
    dataset = {
        "id": "visium",
        "modality": "spatial_omics",
        "omics_type": "transcriptomics",
        "omics_repository_fits": True,
        "human_tissue": True,
        **extra,
    }
    return {"answers_version": 2, "publication": True, "datasets": [dataset]}


def onedep_handoffs_of(study: dict, query: dict | None = None) -> dict[str, OnedepHandoff]:
    """The study's OneDep hand-offs by deposition key, with the accessions of `query` typed."""
    stored = planned(study)
    accessions = accessions_parse(stored=stored, query=query or {})
    return {item.deposition_key: item for item in onedep_handoffs(stored=stored, accessions=accessions)}
