import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from policy.engine.archives import ARCHIVES
from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.bia_template_v5 import TEMPLATE_SECTIONS_BY_NAME, pagetab_template_problems, section_template
from policy.kit.drafts.empiar_draft import PLACEHOLDER
from policy.kit.drafts.file_lists import bia_steps
from policy.kit.drafts.pagetab import IMAGING_METHODS, pagetab_drafts
from policy.stored_result import StoredResult
from tests.policy.kit.conftest import pagetab_validator, planned
from tests.policy.kit.drafts.bia_ingest_view import contributors, external_references, sections_of_type
from tests.strategies import studies

KIT_TESTS = Path(__file__).parents[1]
VALIDATOR = pagetab_validator()
EXAMPLE_TEXT = (KIT_TESTS / "fixtures" / "S-BIADTEST.json").read_text(encoding="utf-8")
EXAMPLE = json.loads(EXAMPLE_TEXT)


def drafts(study: dict, query: dict | None = None):
    stored = planned(study)
    return pagetab_drafts(stored=stored, accessions=accessions_parse(stored=stored, query=query or {}))


def subsections(section: dict, kind: str) -> list[dict]:
    return [item for item in section.get("subsections", []) if item["type"] == kind]


def attributes(section: dict) -> dict[str, str]:
    return {item["name"]: item["value"] for item in section["attributes"]}


def check(document: dict) -> None:
    """What every generated PageTab must pass: the PageTab schema, the BioImages.v5 template, and a JSON round trip."""
    VALIDATOR.validate(document)
    assert pagetab_template_problems(document=document, placeholder=PLACEHOLDER) == []
    assert json.loads(json.dumps(document)) == document


def test_the_five_dataset_study_gives_one_submission_with_a_component_per_dataset_and_the_correlation(
    five_dataset_study,
):
    (draft,) = drafts(five_dataset_study)

    check(draft.document)
    assert (draft.step, draft.key, draft.filename) == (5, "bia-imaging", "bia-step-5.pagetab.json")
    components = subsections(draft.document["section"], "Study Component")
    assert [attributes(item) for item in components] == [
        {"Name": "lm", "Description": "light microscopy images", "File List": "bia-step-5-file-list-lm.tsv"},
        {
            "Name": "visium",
            "Description": "spatial data: images and segmentations",
            "File List": "bia-step-5-file-list-visium.tsv",
        },
        {
            "Name": "correlation",
            "Description": "registrations and transformations between fib-sem, lm",
            "File List": "bia-step-5-file-list-correlation.tsv",
        },
    ]
    correlation_rows = [attributes(row) for row in components[2]["subsections"]]
    assert [row["Biosample"] for row in correlation_rows] == ["Biosample of fib-sem", "Biosample of lm"]
    assert {row["Image correlation"] for row in correlation_rows} == {"Image correlation of fib-sem, lm"}
    assert attributes(components[1]["subsections"][0])["Image analysis"] == "Image analysis of visium"


def test_each_file_list_named_is_one_of_the_steps_file_lists_of_the_one_design(five_dataset_study):
    stored = planned(five_dataset_study)
    (step,) = bia_steps(stored=stored)
    (draft,) = drafts(five_dataset_study)

    named = [attributes(item)["File List"] for item in subsections(draft.document["section"], "Study Component")]

    assert named == [file_list.filename for file_list in step.file_lists]


def test_the_imaging_method_is_an_fbbi_term_where_the_modality_determines_it(five_dataset_study):
    (draft,) = drafts(five_dataset_study)
    by_title = {attributes(item)["Title"]: item for item in subsections(draft.document["section"], "Image acquisition")}

    light = next(item for item in by_title["Image acquisition of lm"]["attributes"] if item["name"] == "Imaging method")
    visium = attributes(by_title["Image acquisition of visium"])["Imaging method"]

    assert light == {
        "name": "Imaging method",
        "value": "light microscopy",
        "valqual": [{"name": "Ontology", "value": "FBbi"}, {"name": "TermId", "value": "FBbi:00000345"}],
    }
    assert visium.startswith(PLACEHOLDER)
    assert all(term.term_id.startswith("FBbi:") and term.source for term in IMAGING_METHODS.values())


def test_the_study_the_contact_and_the_organism_are_marked_for_the_depositor(five_dataset_study):
    (draft,) = drafts(five_dataset_study)
    study = draft.document["section"]

    assert attributes(draft.document)["ReleaseDate"].startswith(PLACEHOLDER)
    for name in ("Title", "Description", "Keywords", "License"):
        assert attributes(study)[name].startswith(PLACEHOLDER)
    (contact,) = contributors(draft.document)
    assert contact.role == ("corresponding author",)
    assert all(value.startswith(PLACEHOLDER) for value in (contact.display_name, contact.contact_email, contact.orcid))
    (organisation,) = contact.affiliation
    assert organisation.display_name.startswith(PLACEHOLDER)
    assert all(attributes(item)["Organism"].startswith(PLACEHOLDER) for item in subsections(study, "Biosample"))


# What the BIA's ingest reads (tests/policy/kit/bia_ingest_view.py): contacts from `author` sections whose
# `affiliation` references an `organisation` section, links from the study's `links` with a url and a Type.


def test_the_ingest_finds_a_contact_with_an_organisation_as_in_the_bias_example(five_dataset_study):
    (draft,) = drafts(five_dataset_study)

    ours, theirs = contributors(draft.document), contributors(EXAMPLE)

    assert len(ours) == 1
    assert len(theirs) == 2
    for contact in (*ours, *theirs):
        assert contact.display_name
        assert contact.contact_email
        assert contact.orcid
        assert contact.role
        assert [organisation.display_name for organisation in contact.affiliation] != []
        assert all(organisation.display_name for organisation in contact.affiliation)


def test_the_contact_is_written_as_the_bias_example_writes_it(five_dataset_study):
    (draft,) = drafts(five_dataset_study)

    def shape(document: dict) -> set:
        contacts = sections_of_type(document["section"], "author")
        organisations = sections_of_type(document["section"], "organisation")
        return {
            "author names": {item["name"] for contact in contacts for item in contact["attributes"]},
            "affiliation": {
                (item["name"], item.get("reference")) for contact in contacts for item in contact["attributes"]
            }
            & {("affiliation", True)},
            "organisation names": {item["name"] for section in organisations for item in section["attributes"]},
            "directly under the study": {
                section in document["section"]["subsections"] for section in contacts + organisations
            },
        }.items()

    ours, theirs = dict(shape(draft.document)), dict(shape(EXAMPLE))
    assert ours["author names"] == theirs["author names"] == {"Name", "E-mail", "Role", "ORCID", "affiliation"}
    assert ours["affiliation"] == theirs["affiliation"] == {("affiliation", True)}
    assert theirs["organisation names"] <= ours["organisation names"]
    assert ours["directly under the study"] == theirs["directly under the study"] == {True}


def test_the_ingest_reads_a_link_per_cited_deposition_with_an_allowed_type(five_dataset_study):
    (untyped,) = drafts(five_dataset_study)
    (typed,) = drafts(five_dataset_study, {"empiar:fib-sem": "empiar-10001", "arrayexpress:visium": "E-MTAB-7"})

    before, after, example = (external_references(item) for item in (untyped.document, typed.document, EXAMPLE))

    assert [(item.link_type, item.description) for item in before] == [
        ("arrayexpress", "ArrayExpress entry of visium (step 1)"),
        ("empiar", "EMPIAR entry of fib-sem (step 4)"),
    ]
    assert all(PLACEHOLDER.replace(" ", "") in item.link for item in before)
    assert [item.link for item in after] == [
        "https://www.ebi.ac.uk/arrayexpress/experiments/E-MTAB-7",
        "https://www.ebi.ac.uk/empiar/EMPIAR-10001/",
    ]
    assert [link["url"] for link in typed.document["section"]["links"]] == ["E-MTAB-7", "EMPIAR-10001"]
    # The example's links read the same way: one address, one accession with its type.
    assert [item.link_type for item in example] == [None, "ENA"]
    check(typed.document)


def test_a_link_to_an_archive_without_a_bia_link_type_is_its_resolvable_address():
    study = {
        "datasets": [
            {"id": "maldi", "modality": "spatial_omics", "omics_type": "metabolomics", "omics_repository_fits": True},
        ]
    }
    (metabolights,) = (item.key for item in planned(study).depositions_to("metabolights"))

    for draft in drafts(study, {metabolights: "MTBLS1234"}):
        (link,) = draft.document["section"]["links"]
        assert link["url"] == "https://identifiers.org/metabolights:MTBLS1234"
        assert "Type" not in attributes(link)
        assert external_references(draft.document)[0].link == link["url"]


def every_accession_typed(stored: StoredResult) -> dict:
    """Each deposition's field filled with its archive's example accession."""
    return {
        item.key: ARCHIVES[item.archive].accession_example
        for item in stored.plan.depositions
        if item.archive in ARCHIVES
    }


@settings(max_examples=60, deadline=None)
@given(studies())
def test_the_ingest_reads_the_contact_and_every_typed_link_of_every_generated_submission(study):
    for draft in drafts(study, every_accession_typed(planned(study))):
        (contact,) = contributors(draft.document)
        assert contact.affiliation
        for reference in external_references(draft.document):
            assert reference.link.startswith("https://")
            assert reference.description


def test_a_wrong_accession_is_not_copied_into_the_submission(five_dataset_study):
    (draft,) = drafts(five_dataset_study, {"empiar:fib-sem": '"}], "x": "<script>'})

    text = json.dumps(draft.document)
    assert "<script>" not in text
    assert f"{PLACEHOLDER}: EMPIAR accession of step 4" in text


def test_a_screen_submission_has_its_own_component_and_no_publication_without_one():
    (draft,) = drafts(
        {
            "publication": False,
            "datasets": [{"id": "scr", "modality": "high_content_screening", "screen_type": "genetic"}],
        }
    )

    check(draft.document)
    assert [attributes(item)["Name"] for item in subsections(draft.document["section"], "Study Component")] == ["scr"]
    assert subsections(draft.document["section"], "Publication") == []


def test_a_plan_without_a_bioimage_archive_step_has_no_submission():
    assert drafts({"datasets": [{"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"}]}) == ()


@settings(max_examples=80, deadline=None)
@given(studies())
def test_every_generated_submission_is_valid_pagetab_and_fills_the_v5_template(study):
    for draft in drafts(study):
        check(draft.document)


# The golden test: our submissions are laid out like a real one of the BIA's (bia-integrator's S-BIADTEST, made
# with the v4 template, so layout is compared, not v5 names).


def test_the_vendored_example_is_unchanged():
    assert len(EXAMPLE_TEXT) == 11983
    assert EXAMPLE["accno"] == "S-BIADTEST"


def _layout(document: dict) -> dict:
    study = document["section"]
    components = subsections(study, "Study Component")
    return {
        "type": document["type"],
        "submission attributes": {item["name"] for item in document["attributes"]}
        & {"ReleaseDate", "AttachTo", "Template"},
        "root": study["type"],
        "study attributes": {item["name"] for item in study["attributes"]}
        & {"Title", "Description", "Keywords", "License"},
        "REMBI sections under the study": {item["type"] for item in study["subsections"]}
        & {"Biosample", "Specimen", "Image acquisition", "Image analysis", "Image correlation", "Study Component"},
        "component attributes": {name for item in components for name in attributes(item)},
        "component subsections": {row["type"] for item in components for row in item["subsections"]},
        "Associations name": {name for item in components for row in item["subsections"] for name in attributes(row)},
    }


@pytest.mark.parametrize("study", ["five_dataset_study", "full_study"])
def test_our_submission_is_laid_out_like_the_bias_own_example(study, request):
    ours = [_layout(draft.document) for draft in drafts(request.getfixturevalue(study))]
    theirs = _layout(EXAMPLE)

    # A submission without correlation or analysis has neither section: those two are compared as subsets.
    optional = ("REMBI sections under the study", "Associations name")
    for layout in ours:
        assert {k: v for k, v in layout.items() if k not in optional} == {
            k: v for k, v in theirs.items() if k not in optional
        }
        for key in optional:
            assert {"Biosample", "Specimen", "Image acquisition"} <= layout[key] <= theirs[key]


def test_associations_name_sections_by_their_titles_as_in_the_example(five_dataset_study):
    def titles(document):
        return {
            (item["type"], attributes(item).get("Title"))
            for item in document["section"]["subsections"]
            if "Title" in attributes(item)
        }

    for document in (EXAMPLE, drafts(five_dataset_study)[0].document):
        named = {
            (name, value)
            for item in subsections(document["section"], "Study Component")
            for row in item["subsections"]
            for name, value in attributes(row).items()
        }
        assert named <= titles(document)


def test_every_section_type_we_write_is_a_v5_template_section_as_the_submission_tool_finds_it(full_study):
    for draft in drafts(full_study):
        kinds = {item["type"] for item in draft.document["section"]["subsections"]}
        assert {section_template(section_type=kind).name for kind in kinds} <= set(TEMPLATE_SECTIONS_BY_NAME)


def test_every_section_type_of_the_bias_example_that_the_study_has_is_in_ours(five_dataset_study):
    (draft,) = drafts(five_dataset_study)

    def kinds(document):
        return {item["type"].lower() for item in document["section"]["subsections"]}

    # The example's Annotations hold annotation files, which the wizard does not ask about.
    assert kinds(EXAMPLE) - {"annotations"} == kinds(draft.document)
    assert (
        set(EXAMPLE["section"])
        == set(draft.document["section"])
        == {
            "type",
            "accno",
            "attributes",
            "links",
            "subsections",
        }
    )
