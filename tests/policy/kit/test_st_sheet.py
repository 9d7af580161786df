import csv
import io

import pytest

from policy.kit.st_sheet import st_datasets, st_sheet_tsv
from tests.policy.kit.conftest import planned


def test_five_dataset_study_sheet_has_the_shared_tables_columns_and_a_row_for_visium(five_dataset_study):
    answers, plan = planned(five_dataset_study)

    rows = list(csv.reader(io.StringIO(st_sheet_tsv(answers=answers, plan=plan)), dialect="excel-tab"))

    assert rows[0][:3] == ["Dataset", "Sample ID", "Slide ID"]
    assert [row[0] for row in rows[1:]] == ["visium"]
    assert all(len(row) == len(rows[0]) for row in rows)


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
    from policy.kit.page import ST_SHEET, kit_build

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

    kit = kit_build(plan=plan, answers=answers, query={})

    offered = {step.key for step in kit.steps if any(draft.kind == ST_SHEET for draft in step.drafts)}
    assert offered == {"arrayexpress-processed:visium", "bia-imaging"}
