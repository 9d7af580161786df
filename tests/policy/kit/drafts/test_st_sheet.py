import csv
import io

import pytest

from policy.kit.drafts.st_sheet import REQUIRED, st_datasets, st_sheet_tsv
from tests.policy.kit.conftest import planned


def sheet_rows(study: dict) -> list[list[str]]:
    answers, plan = planned(study)
    return list(csv.reader(io.StringIO(st_sheet_tsv(answers=answers, plan=plan)), dialect="excel-tab"))


def test_five_dataset_study_sheet_has_the_shared_tables_columns_guide_rows_and_a_row_for_visium(five_dataset_study):
    rows = sheet_rows(five_dataset_study)

    assert rows[0] == [
        "Dataset", "Sample ID", "Slide ID", "Position on slide", "Sample preservation method", "Organism name",
        "Time from collection to preservation", "Section thickness", "Protocol for fixing section", "Organ",
        "Anatomical region",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == [
        "[definition]", "[imaging-based ST]", "[sequencing-based ST]", "[example]", "visium"
    ]  # fmt: skip
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[-1][1:] == [""] * (len(rows[0]) - 1)


def test_required_row_and_the_tables_own_ontology_examples(five_dataset_study):
    header, _, imaging, sequencing, example, _ = sheet_rows(five_dataset_study)
    column = dict(zip(header, zip(imaging, sequencing, example, strict=True), strict=True))

    assert column["Sample ID"][:2] == column["Slide ID"][:2] == (REQUIRED, REQUIRED)
    assert column["Position on slide"][:2] == ("optional", "optional")
    assert column["Organism name"][2] == "Homo sapiens (NCBITaxon:9606)"
    assert column["Organ"][2] == "kidney (UBERON:0002113)"
    assert column["Anatomical region"][0].startswith("see https://www.ebi.ac.uk/spatial-transcriptomics/metadata")


@pytest.mark.parametrize("fits", [True, False], ids=["sequencing-based", "imaging-based"])
def test_spatial_transcriptomics_gets_the_sheet_whichever_archive_takes_the_readout(fits):
    answers, plan = planned(
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

    assert st_datasets(answers=answers, plan=plan) == ("st",)


def test_other_omics_get_no_sheet():
    answers, plan = planned(
        {
            "datasets": [
                {"id": "p", "modality": "spatial_omics", "omics_type": "proteomics", "omics_repository_fits": True}
            ]
        }
    )

    assert st_datasets(answers=answers, plan=plan) == ()


def test_the_sheet_is_offered_on_the_image_and_arrayexpress_steps_not_on_egas():
    from policy.presenters.kit import ST_SHEET, kit_build
    from policy.presenters.plan import plan_present
    from policy.results import texts_collect

    visium = {
        "id": "visium",
        "modality": "spatial_omics",
        "omics_type": "transcriptomics",
        "omics_repository_fits": True,
        "human_tissue": True,
        "human_images_open": True,
        "human_controlled_access": True,
    }
    answers, plan = planned({"answers_version": 3, "datasets": [visium]})

    shown = plan_present(plan=plan, texts=texts_collect(plan=plan, answers=answers))
    kit = kit_build(plan=shown, stored_plan=plan, answers=answers, query={})

    offered = {step.key for step in kit.steps if any(draft.kind == ST_SHEET for draft in step.drafts)}
    assert offered == {"arrayexpress-processed:visium", "bia-imaging"}
