"""The shared spatial-transcriptomics metadata sheet: the table's sample fields as columns, then the sample
attributes Annotare's spatial-transcriptomics guide asks for that the table lacks; guide rows with each column's
definition, whether imaging-based and sequencing-based ST require it, the table's own examples (organism as an
NCBITaxon term, organ as an UBERON term) and the attribute's name in Annotare; then one starter row per
spatial-transcriptomics dataset, for both the omics and the image submission (the same identifiers on both sides).

Guide rows begin with "#", the comment mark of MAGE-TAB (ArrayExpress's own format) and of common table readers
(pandas' `comment="#"`), so a parser skips them. People open the sheet in a spreadsheet: it has a byte-order mark.

Annotare's attributes: GitHub `ebi-gene-expression-group/annotare-help`, pages/SEQ_Spatial_Transcriptomics.html
(https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html), commit
4d5496944ac8eab5f72087a81a77eb6b54035947, "Sample-Level Metadata (Required)".
"""

from dataclasses import dataclass

from policy.engine.datasets import dataset_spatial_transcriptomics
from policy.kit.drafts.tsv import tsv_for_spreadsheets
from policy.stored_result import StoredResult

SOURCE_URL = "https://www.ebi.ac.uk/spatial-transcriptomics/metadata"
REQUIRED = "required"
OPTIONAL = "optional"
NOT_ASKED = "not asked"  # for imaging-based ST, by a field only Annotare (sequencing-based ST) asks for
# The stored copy of the page we could read ends in the middle of this field's definition: the sheet names it and
# sends the depositor to the page for the rest of the table (docs/kit.md).
SEE_THE_PAGE = f"see {SOURCE_URL}"


@dataclass(frozen=True, slots=True)
class StField:
    name: str
    definition: str
    imaging: str  # REQUIRED or OPTIONAL for imaging-based ST
    sequencing: str  # the same for sequencing-based ST
    example: str
    annotare: str = ""  # the sample attribute Annotare's guide names for it, where it asks for it


# The "Sample" table of the shared metadata page, in its order, with its words (beyond-policy:st-metadata-fields).
ST_FIELDS: tuple[StField, ...] = (
    StField(
        "Sample ID",
        "A unique identifier assigned to a biological specimen used in the imaging experiment",
        REQUIRED,
        REQUIRED,
        "liver_01",
        "Sample ID",
    ),
    StField(
        "Slide ID",
        "A unique identifier for the glass slide or cartridge on which the tissue section was mounted and processed",
        REQUIRED,
        REQUIRED,
        "BSMC_01",
        "Specimen slide ID",
    ),
    StField(
        "Position on slide",
        "Describe where the capture area is located on the slide. This is required if the slide contains multiple "
        "capture areas, for example for visium",
        OPTIONAL,
        OPTIONAL,
        "Area A1; number 1",
        "Position on slide",
    ),
    StField(
        "Sample preservation method",
        "The method used to preserve the tissue prior to processing (e.g., fresh frozen, FFPE)",
        REQUIRED,
        REQUIRED,
        "fresh frozen",
        "Storage state",
    ),
    StField(
        "Organism name",
        "The scientific name of the source organism (e.g., Homo sapiens, Mus musculus)",
        REQUIRED,
        REQUIRED,
        "Homo sapiens (NCBITaxon:9606)",
    ),
    StField(
        "Time from collection to preservation",
        "Elapsed time between tissue excision/collection and preservation, reported in hours",
        OPTIONAL,
        OPTIONAL,
        "1h",
    ),
    StField(
        "Section thickness",
        "The thickness of the tissue section mounted on the slide, reported in micrometers (µm)",
        REQUIRED,
        REQUIRED,
        "5 µm",
        "Tissue section thickness",
    ),
    StField(
        "Protocol for fixing section",
        "Detailed description or reference to the fixation protocol used (fixative type, duration, temperature, "
        "buffer)",
        REQUIRED,
        REQUIRED,
        "Tissues were fixed in 10% neutral-buffered formalin (VWR) for 24 hours at 4 ºC before being transferred to "
        "70% ethanol at 4 ºC. Samples were then embedded in paraffin blocks and sectioned",
    ),
    StField("Organ", "Tissue origin", REQUIRED, REQUIRED, "kidney (UBERON:0002113)"),
    StField("Anatomical region", SEE_THE_PAGE, SEE_THE_PAGE, SEE_THE_PAGE, SEE_THE_PAGE),
    # Annotare's attributes that the shared table lacks, with the guide's definitions (beyond-policy: Annotare's ST
    # guide, above); it gives no examples.
    StField(
        "Sampling site",
        "The precise anatomical location the sample was taken from, preferably as an ontology term",
        NOT_ASKED,
        REQUIRED,
        "",
        "Sampling site",
    ),
    StField(
        "Permeabilization time",
        "How long the tissue was permeabilised, where the protocol has that step",
        NOT_ASKED,
        OPTIONAL,
        "",
        "Permeabilization time",
    ),
)
DATASET_COLUMN = "Dataset"
# The first cell of each guide row: a comment, which no dataset label can be (labels begin with a letter, a digit
# or an underscore).
COMMENT = "#"
GUIDE_ROWS = (
    (f"{COMMENT} definition", lambda item: item.definition),
    (f"{COMMENT} imaging-based ST", lambda item: item.imaging),
    (f"{COMMENT} sequencing-based ST", lambda item: item.sequencing),
    (f"{COMMENT} example", lambda item: item.example),
    (f"{COMMENT} Annotare attribute", lambda item: item.annotare),
)


def st_datasets(*, stored: StoredResult) -> tuple[str, ...]:
    """The deposited datasets with spatial transcriptomics, sequencing-based or imaging-based."""
    deposited = {dataset for deposition in stored.plan.depositions for dataset in deposition.datasets}
    return tuple(
        dataset_id
        for dataset_id, dataset in stored.datasets.items()
        if dataset_id in deposited and dataset_spatial_transcriptomics(dataset)
    )


def st_sheet_tsv(*, stored: StoredResult) -> str:
    """The sheet: the guide rows (comments, which a parser skips), then a row per dataset to fill."""
    header = [DATASET_COLUMN, *(item.name for item in ST_FIELDS)]
    guides = [[label, *(cell(item) for item in ST_FIELDS)] for label, cell in GUIDE_ROWS]
    rows = [[dataset] + [""] * len(ST_FIELDS) for dataset in st_datasets(stored=stored)]
    return tsv_for_spreadsheets(header=header, rows=guides + rows)
