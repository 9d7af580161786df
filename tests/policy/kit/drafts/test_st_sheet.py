import csv
import io

import pytest

from policy.kit.drafts.st_sheet import REQUIRED, st_datasets, st_sheet_tsv
from tests.policy.kit.conftest import planned


def sheet_text(study: dict) -> str:
    return st_sheet_tsv(stored=planned(study))


def sheet_rows(study: dict) -> list[list[str]]:
    """The sheet as a spreadsheet reads it: UTF-8 after its byte-order mark."""
    return list(csv.reader(io.StringIO(sheet_text(study).removeprefix("\ufeff")), dialect="excel-tab"))


# Annotare's spatial-transcriptomics sample attributes (policy/kit/drafts/st_sheet.py names the page and commit).
ANNOTARE_ATTRIBUTES = (
    "Sample ID",
    "Specimen slide ID",
    "Sampling site",
    "Storage state",
    "Tissue section thickness",
    "Permeabilization time",
    "Position on slide",
)


def test_five_dataset_study_sheet_has_the_shared_tables_columns_guide_rows_and_a_row_for_visium(five_dataset_study):
    rows = sheet_rows(five_dataset_study)

    assert rows[0] == [
        "Dataset", "Sample ID", "Slide ID", "Position on slide", "Sample preservation method", "Organism name",
        "Time from collection to preservation", "Section thickness", "Protocol for fixing section", "Organ",
        "Anatomical region", "Sampling site", "Permeabilization time",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == [
        "# definition", "# imaging-based ST", "# sequencing-based ST", "# example", "# Annotare attribute", "visium"
    ]  # fmt: skip
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[-1][1:] == [""] * (len(rows[0]) - 1)


def test_required_row_and_the_tables_own_ontology_examples(five_dataset_study):
    header, _, imaging, sequencing, example, _, _ = sheet_rows(five_dataset_study)
    column = dict(zip(header, zip(imaging, sequencing, example, strict=True), strict=True))

    assert column["Sample ID"][:2] == column["Slide ID"][:2] == (REQUIRED, REQUIRED)
    assert column["Position on slide"][:2] == ("optional", "optional")
    assert column["Organism name"][2] == "Homo sapiens (NCBITaxon:9606)"
    assert column["Organ"][2] == "kidney (UBERON:0002113)"
    assert column["Anatomical region"][0].startswith("see https://www.ebi.ac.uk/spatial-transcriptomics/metadata")


def test_the_sheet_starts_with_a_byte_order_mark_so_that_excel_reads_micrometres(five_dataset_study):
    data = sheet_text(five_dataset_study).encode("utf-8")

    assert data.startswith(b"\xef\xbb\xbfDataset\t")
    assert "5 µm" in data.decode("utf-8-sig")


def test_every_sample_attribute_of_annotares_st_guide_is_a_column_or_named_in_the_annotare_row(five_dataset_study):
    rows = sheet_rows(five_dataset_study)
    header, annotare = rows[0], next(row for row in rows if row[0] == "# Annotare attribute")

    assert set(ANNOTARE_ATTRIBUTES) <= {*header, *annotare}
    assert "Sampling site" in header
    assert dict(zip(header, annotare, strict=True))["Slide ID"] == "Specimen slide ID"


def test_a_parser_that_skips_comment_rows_reads_only_the_datasets(five_dataset_study):
    records = [
        row
        for row in csv.DictReader(
            io.StringIO(sheet_text(five_dataset_study).removeprefix("\ufeff")), dialect="excel-tab"
        )
        if not row["Dataset"].startswith("#")
    ]

    assert [record["Dataset"] for record in records] == ["visium"]


@pytest.mark.parametrize("fits", [True, False], ids=["sequencing-based", "imaging-based"])
def test_spatial_transcriptomics_gets_the_sheet_whichever_archive_takes_the_readout(fits):
    stored = planned(
        {
            "datasets": [
                {
                    "id": "st",
                    "modality": "spatial_omics",
                    "omics_type": "transcriptomics",
                    "omics_repository_fits": fits,
                }
            ]
        }
    )

    assert st_datasets(stored=stored) == ("st",)


def test_other_omics_get_no_sheet():
    stored = planned(
        {
            "datasets": [
                {"id": "p", "modality": "spatial_omics", "omics_type": "proteomics", "omics_repository_fits": True}
            ]
        }
    )

    assert st_datasets(stored=stored) == ()


def test_the_sheet_is_offered_on_the_image_and_arrayexpress_steps_not_on_egas():
    from policy.presenters.kit import ST_SHEET, kit_build

    visium = {
        "id": "visium",
        "modality": "spatial_omics",
        "omics_type": "transcriptomics",
        "omics_repository_fits": True,
        "human_tissue": True,
        "human_images_open": True,
        "human_controlled_access": True,
    }
    stored = planned({"answers_version": 3, "datasets": [visium]})

    kit = kit_build(stored=stored, query={})

    offered = {step.key for step in kit.steps if any(draft.kind == ST_SHEET for draft in step.drafts)}
    assert offered == {"arrayexpress-processed:visium", "bia-imaging"}
