import re
from pathlib import Path

from policy.kit.drafts.bia_template_v5 import (
    ASSOCIATIONS,
    STUDY_COMPONENT,
    TEMPLATE_SECTIONS,
    TEMPLATE_SOURCE,
    pagetab_template_problems,
)

ROW = re.compile(r'(?:field|col) "([^"]+)" +(?:(required|desirable|optional) )?(\w+)(?:\[([^\]]*)\])?(?: (\S+))?$')
GROUP = re.compile(r"(SECTION|TABLE) (.+?) display=(\w+)")


def _tree_rows() -> list[tuple]:
    """(section, field, requirement, control, choices, ontology, min length, line) for each field row of the tree."""
    rows, section = [], ""
    lines = (Path(__file__).resolve().parents[4] / TEMPLATE_SOURCE).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        group = GROUP.match(line.strip())
        if group:
            section = group[2]
            continue
        row = ROW.match(line.strip())
        if row:
            name, requirement, control, choices, extra = row.groups(default="")
            ontology = extra.removeprefix("ontology=") if extra.startswith("ontology=") else ""
            minimum = int(extra.removeprefix("min=")) if extra.startswith("min=") else 0
            rows.append(
                (
                    section,
                    name,
                    requirement,
                    control,
                    tuple(choices.split("|")) if choices else (),
                    ontology,
                    minimum,
                    number,
                )
            )
    return rows


def test_the_template_data_is_the_template_tree_row_by_row():
    ported = [
        (
            section.name,
            item.name,
            item.requirement,
            item.control,
            item.choices,
            item.ontology,
            item.min_length,
            item.line,
        )
        for section in TEMPLATE_SECTIONS
        for item in section.fields
    ]

    assert ported == _tree_rows()


def test_each_section_carries_the_line_of_its_row_in_the_tree():
    lines = (Path(__file__).resolve().parents[4] / TEMPLATE_SOURCE).read_text(encoding="utf-8").splitlines()

    for section in TEMPLATE_SECTIONS:
        assert GROUP.match(lines[section.line - 1].strip())[2] == section.name


def _section(kind: str, **values: str) -> dict:
    return {"type": kind, "attributes": [{"name": name, "value": value} for name, value in values.items()]}


def _minimal(**study_attributes: str) -> dict:
    """A submission with every required section and field of the template."""
    study = {
        "Title": "A study title of at least 25 characters",
        "Description": "d",
        "Keywords": "k",
        "License": "CC0",
        **study_attributes,
    }
    component = _section(STUDY_COMPONENT, **{"Name": "c", "Description": "d", "File List": "f.tsv"})
    component["subsections"] = [_section(ASSOCIATIONS, **{"Biosample": "B", "Specimen": "S", "Image acquisition": "A"})]
    acquisition = {"Imaging instrument": "i", "Image acquisition parameters": "p", "Imaging method": "m"}
    return {
        "type": "submission",
        "attributes": [{"name": "ReleaseDate", "value": "2027-01-01"}],
        "section": {
            **_section("Study", **study),
            "subsections": [
                _section("Contact", **{"Name": "n", "E-mail": "e", "Organisation": "o"}),
                _section("Biosample", **{"Title": "B", "Organism": "Homo sapiens", "Biological entity": "cells"}),
                _section("Specimen", **{"Title": "S", "Sample preparation protocol": "p"}),
                _section("Image acquisition", Title="A", **acquisition),
                component,
            ],
        },
    }


def test_a_complete_submission_has_no_problems():
    assert pagetab_template_problems(document=_minimal(), placeholder="FILL IN") == []


def test_the_check_finds_a_wrong_licence_a_short_title_and_an_unknown_attribute():
    document = _minimal(License="MIT", Title="Too short", Colour="blue")

    problems = pagetab_template_problems(document=document, placeholder="FILL IN")

    assert any("License 'MIT'" in problem for problem in problems)
    assert any("Title shorter than 25" in problem for problem in problems)
    assert "Study: unknown attribute 'Colour'" in problems


def test_a_placeholder_counts_as_present_but_an_empty_value_as_missing():
    assert pagetab_template_problems(document=_minimal(License="FILL IN: licence"), placeholder="FILL IN") == []
    assert "Study: required field 'License' missing" in pagetab_template_problems(
        document=_minimal(License=" "), placeholder="FILL IN"
    )


def test_the_check_finds_a_missing_required_section_and_a_dangling_association():
    document = _minimal()
    subsections = document["section"]["subsections"]
    subsections.remove(next(item for item in subsections if item["type"] == "Specimen"))

    problems = pagetab_template_problems(document=document, placeholder="FILL IN")

    assert "required section 'Specimen' missing" in problems
    assert "Associations name Specimen 'S', which no section has as its title" in problems


def _with_contact(*contact: dict) -> dict:
    document = _minimal()
    subsections = document["section"]["subsections"]
    subsections[:1] = list(contact)
    return document


def test_an_author_section_is_a_contact_whose_affiliation_refers_to_an_organisation():
    author = _section("author", **{"Name": "n", "E-mail": "e"})
    author["attributes"].append({"name": "affiliation", "value": "o1", "reference": True})
    organisation = {**_section("organisation", Name="EMBL-EBI"), "accno": "o1"}

    assert pagetab_template_problems(document=_with_contact(author, organisation), placeholder="FILL IN") == []
    assert "Contact: affiliation 'o1' is not a reference to an organisation section" in pagetab_template_problems(
        document=_with_contact(author), placeholder="FILL IN"
    )


def test_an_inline_organisation_name_is_not_a_reference():
    author = _section("author", **{"Name": "n", "E-mail": "e", "affiliation": "EMBL-EBI"})

    problems = pagetab_template_problems(document=_with_contact(author), placeholder="FILL IN")

    assert "Contact: affiliation 'EMBL-EBI' is not a reference to an organisation section" in problems
