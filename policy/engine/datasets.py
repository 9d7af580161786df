"""What the engine knows about one dataset from its answers, for whoever shows or drafts the plan: asked here,
never restated. A dataset may come from a result stored under an earlier answers contract; a question it was not
asked counts as not answered."""

from collections.abc import Mapping
from typing import Any

from policy.engine.questions import any_of, when
from policy.engine.rules import SEQUENCING_OMICS

SPATIAL_TRANSCRIPTOMICS = when(modality="spatial_omics", omics_type="transcriptomics")
SPATIAL_SEQUENCING = when(modality="spatial_omics", omics_type=SEQUENCING_OMICS)
SEQUENCING = any_of(SPATIAL_SEQUENCING, when(modality="non_image", data_type="sequencing"))


def dataset_spatial_transcriptomics(dataset: Mapping[str, Any]) -> bool:
    """Spatial transcriptomics, sequencing-based or imaging-based: the shared metadata table applies to both."""
    return SPATIAL_TRANSCRIPTOMICS.matches(dataset)


def dataset_spatial_sequencing(dataset: Mapping[str, Any]) -> bool:
    """Spatial omics measured by sequencing (transcriptomics or epigenomics): reads that EGA or ArrayExpress take."""
    return SPATIAL_SEQUENCING.matches(dataset)


def dataset_sequencing(dataset: Mapping[str, Any]) -> bool:
    """Reads: spatial omics measured by sequencing, or sequencing data that is not images."""
    return SEQUENCING.matches(dataset)


def dataset_spatial(dataset: Mapping[str, Any]) -> bool:
    """Spatial omics: its omics data goes with images, not as data of its own."""
    return dataset.get("modality") == "spatial_omics"
