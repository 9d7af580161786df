"""Small studies the kit's tests describe in several variants."""


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
