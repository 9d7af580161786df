import csv
import io
import json
import zipfile

from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.bia_outline import bia_outline_zip, bia_outlines
from policy.stored_result import StoredResult
from tests.policy.kit.conftest import planned


def none_typed(stored: StoredResult):
    return accessions_parse(stored=stored, query={})


def test_five_dataset_study_outline_has_a_component_per_dataset_and_one_for_the_correlation(five_dataset_study):
    stored = planned(five_dataset_study)

    (outline,) = bia_outlines(stored=stored)

    assert outline.step == 5
    assert [(component.name, component.datasets) for component in outline.components] == [
        ("lm", ("lm",)),
        ("visium", ("visium",)),
        ("correlation", ("fib-sem", "lm")),
    ]
    assert "Image correlation" in outline.components[-1].sections


def test_the_zip_opens_with_a_readme_the_pagetab_and_the_file_lists_it_names(five_dataset_study):
    stored = planned(five_dataset_study)

    archive = zipfile.ZipFile(io.BytesIO(bia_outline_zip(stored=stored, accessions=none_typed(stored))))

    names = archive.namelist()
    assert names == [
        "step-5-bia-imaging/README.md",
        "step-5-bia-imaging/bia-step-5.pagetab.json",
        "step-5-bia-imaging/bia-step-5-file-list-lm.tsv",
        "step-5-bia-imaging/bia-step-5-file-list-visium.tsv",
        "step-5-bia-imaging/bia-step-5-file-list-correlation.tsv",
    ]
    pagetab = json.loads(archive.read(names[1]))
    named = [
        f"step-5-bia-imaging/{attribute['value']}"
        for section in pagetab["section"]["subsections"]
        for attribute in section["attributes"]
        if attribute["name"] == "File List"
    ]
    assert named == names[2:]
    for name in names[2:]:
        header, starter = csv.reader(io.StringIO(archive.read(name).decode()), dialect="excel-tab")
        assert header[0] == "Files"
        assert starter[0] == name.removeprefix("step-5-bia-imaging/bia-step-5-file-list-").removesuffix(".tsv") + "/"
    readme = archive.read(names[0]).decode()
    assert "## Study component `correlation` (`fib-sem`, `lm`)" in readme
    assert "- [ ] Specimen" in readme


def test_the_same_plan_gives_the_same_zip(five_dataset_study):
    stored = planned(five_dataset_study)

    assert bia_outline_zip(stored=stored, accessions=none_typed(stored)) == bia_outline_zip(
        stored=stored, accessions=none_typed(stored)
    )


def test_a_screen_file_list_has_the_screen_templates_columns():
    stored = planned({"datasets": [{"id": "scr", "modality": "high_content_screening", "screen_type": "genetic"}]})

    (outline,) = bia_outlines(stored=stored)

    assert outline.components[0].file_list.header == ("Files", "Plate", "Well", "Field", "Gene", "Description")


def test_citations_of_the_step_are_listed_in_the_readme(five_dataset_study):
    stored = planned(five_dataset_study)

    archive = zipfile.ZipFile(
        io.BytesIO(
            bia_outline_zip(
                stored=stored,
                accessions=accessions_parse(stored=stored, query={"arrayexpress:visium": "E-MTAB-1"}),
            )
        )
    )

    assert "  - ArrayExpress E-MTAB-1 (visium)" in archive.read("step-5-bia-imaging/README.md").decode()
