"""The shared spatial-transcriptomics metadata sheet: the table's sample fields as columns, one starter row per
spatial-transcriptomics dataset, for both the omics and the image submission (the same identifiers on both sides)."""

from collections.abc import Mapping

from policy.kit.tsv import tsv_render

# The sample fields of the shared table, in its order (beyond-policy:st-metadata-fields). Required on both sides
# except where marked optional.
ST_FIELDS: tuple[tuple[str, bool], ...] = (
    ("Sample ID", True),
    ("Slide ID", True),
    ("Position on slide", False),
    ("Sample preservation method", True),
    ("Organism name", True),
    ("Time from collection to preservation", False),
    ("Section thickness", True),
    ("Protocol for fixing section", True),
    ("Organ", True),
)
DATASET_COLUMN = "Dataset"


def st_datasets(*, answers: Mapping, plan: Mapping) -> tuple[str, ...]:
    """The deposited datasets with spatial transcriptomics, sequencing-based or imaging-based."""
    deposited = {dataset for deposition in plan["depositions"] for dataset in deposition["datasets"]}
    return tuple(
        dataset["id"]
        for dataset in answers["datasets"]
        if dataset["id"] in deposited
        and dataset.get("modality") == "spatial_omics"
        and dataset.get("omics_type") == "transcriptomics"
    )


def st_sheet_tsv(*, answers: Mapping, plan: Mapping) -> str:
    header = [DATASET_COLUMN, *(name for name, _ in ST_FIELDS)]
    rows = [[dataset] + [""] * len(ST_FIELDS) for dataset in st_datasets(answers=answers, plan=plan)]
    return tsv_render(header=header, rows=rows)
