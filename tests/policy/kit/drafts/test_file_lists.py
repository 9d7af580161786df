import csv
import io

import pytest
from hypothesis import given, settings

from policy.engine import InvalidAnswers
from policy.engine.questions import LABEL_FORMULA_START
from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.file_lists import bia_steps, file_list_tsv
from policy.kit.drafts.pagetab import pagetab_drafts
from tests.policy.kit.conftest import planned
from tests.strategies import studies


def test_five_dataset_study_has_a_file_list_per_dataset_and_one_for_the_correlation(five_dataset_study):
    stored = planned(five_dataset_study)

    (step,) = bia_steps(stored=stored)

    assert (step.number, step.key) == (5, "bia-imaging")
    assert [(item.component, item.datasets, item.correlation) for item in step.file_lists] == [
        ("lm", ("lm",), False),
        ("visium", ("visium",), False),
        ("correlation", ("fib-sem", "lm"), True),
    ]
    assert [item.filename for item in step.file_lists] == [
        "bia-step-5-file-list-lm.tsv",
        "bia-step-5-file-list-visium.tsv",
        "bia-step-5-file-list-correlation.tsv",
    ]


def test_a_file_list_starts_with_files_and_one_starter_row_naming_its_folder_and_contents(five_dataset_study):
    stored = planned(five_dataset_study)
    lm = bia_steps(stored=stored)[0].file_lists[0]

    rows = list(csv.reader(io.StringIO(file_list_tsv(file_list=lm)), dialect="excel-tab"))

    assert rows == [["Files", "Description"], ["lm/", "light microscopy images"]]


def test_a_screen_file_list_has_plate_well_field_and_the_screen_templates_column():
    stored = planned({"datasets": [{"id": "scr", "modality": "high_content_screening", "screen_type": "compound"}]})

    (file_list,) = bia_steps(stored=stored)[0].file_lists

    assert file_list.header == ("Files", "Plate", "Well", "Field", "Compound", "Description")
    assert file_list.rows == (("scr/", "", "", "", "", "screen images, with plate, well and compound for each file"),)


def test_a_dataset_labelled_correlation_keeps_its_name_and_the_correlation_component_another():
    stored = planned(
        {
            "datasets": [
                {"id": "correlation", "modality": "light_microscopy"},
                {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"},
            ],
            "correlations": [["correlation", "fib"]],
        }
    )

    (step,) = bia_steps(stored=stored)

    assert [item.component for item in step.file_lists] == ["correlation", "correlation-links"]


def test_a_label_that_spreadsheets_read_as_a_formula_is_refused_with_a_clear_message():
    with pytest.raises(InvalidAnswers) as refused:
        planned({"datasets": [{"id": "-lm", "modality": "light_microscopy"}]})

    assert refused.value.errors == {"datasets[0].id": [f"{LABEL_FORMULA_START}."]}


@settings(max_examples=60, deadline=None)
@given(studies())
def test_each_file_lists_folder_is_the_component_name_its_pagetab_gives_byte_for_byte(study):
    stored = planned(study)
    accessions = accessions_parse(stored=stored, query={})
    drafts = {draft.key: draft for draft in pagetab_drafts(stored=stored, accessions=accessions)}
    for step in bia_steps(stored=stored):
        named = [
            next(item["value"] for item in section["attributes"] if item["name"] == "Name")
            for section in drafts[step.key].document["section"]["subsections"]
            if section["type"] == "Study Component"
        ]
        folders = [
            next(csv.reader(io.StringIO(file_list_tsv(file_list=file_list).splitlines()[1]), dialect="excel-tab"))[0]
            for file_list in step.file_lists
        ]
        assert folders == [f"{name}/" for name in named]


@settings(max_examples=60, deadline=None)
@given(studies())
def test_every_bia_step_has_distinct_file_lists_whose_rows_fit_their_header(study):
    stored = planned(study)

    for step in bia_steps(stored=stored):
        names = [item.filename for item in step.file_lists]
        assert len(names) == len(set(names))
        covered = {dataset for item in step.file_lists for dataset in item.datasets}
        assert set(step.datasets) <= covered
        for item in step.file_lists:
            assert item.header[0] == "Files"
            assert all(len(row) == len(item.header) for row in item.rows)
