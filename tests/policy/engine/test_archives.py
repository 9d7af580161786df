"""The archives' facts are written once (policy/engine/archives.py), and everything that shows one reads it there."""

import re
from pathlib import Path

import pytest

from policy.engine import plan_for
from policy.engine.archives import ARCHIVES, PRESUBMISSION_CONTACT, archive_in_print, archive_short_name
from policy.engine.planner import dataset_refused
from policy.engine.rules import ARCHIVE_ORDER, ROUTES
from policy.engine.vocabulary import ARCHIVE

ROOT = Path(__file__).resolve().parents[3]
TABLE = "policy/engine/archives.py"
# Where a fact may also be written, and why:
NOT_COPIES = (
    "policy/migrations/",  # the words stored results were made with, frozen
    "policy/engine/clauses.py",  # the policy's and the archives' pages quoted, sources and all
    "policy/kit/scripts/",  # the scripts depositors run on their own machines: they import nothing of ours
    "templates/wizard/explanations/",  # the policy's examples of each kind of data, each linked to its entry
)


def _facts() -> list[tuple[str, str]]:
    facts = [("presubmission contact", PRESUBMISSION_CONTACT)]
    for code, archive in ARCHIVES.items():
        facts += [(f"{code} url", archive.url), (f"{code} submission", archive.submit_url)]
        facts.append((f"{code} example", archive.accession_example))
        if archive.contact:
            facts.append((f"{code} contact", archive.contact))
        if archive.api_token_url:
            facts.append((f"{code} API token page", archive.api_token_url))
    return facts


def _sources() -> dict[str, str]:
    paths = [*ROOT.glob("policy/**/*.py"), *ROOT.glob("wizard/**/*.py"), *ROOT.glob("config/**/*.py")]
    paths += ROOT.glob("templates/**/*.html")
    named = {str(path.relative_to(ROOT)): path for path in paths}
    return {name: path.read_text() for name, path in named.items() if not name.startswith(NOT_COPIES)}


SOURCES = _sources()


@pytest.mark.parametrize(("fact", "value"), _facts(), ids=[fact for fact, _ in _facts()])
def test_each_archive_fact_is_written_in_the_table_alone(fact, value):
    # A longer address that starts with this one (a page under the archive's home page) is another fact.
    written = re.compile(re.escape(value) + r"(?![\w/.-])")

    where = sorted(name for name, text in SOURCES.items() if written.search(text))

    assert where == [TABLE]


def test_the_facts_test_reads_the_tree_it_guards():
    assert {TABLE, "wizard/study.py", "config/errors.py", "templates/base.html"} <= set(SOURCES)
    assert not any(name.startswith(NOT_COPIES) for name in SOURCES)


def test_every_archive_has_a_name_an_entry_point_an_accession_format_and_a_source():
    for code, archive in ARCHIVES.items():
        assert archive.code == code
        assert all((archive.name, archive.short_name, archive.in_print, archive.source))
        assert all(address.startswith("https://") for address in (archive.url, archive.submit_url))
        assert archive.accession.canonical(archive.accession_example) == archive.accession_example
        assert archive.accession_example in archive.accession.describe


def test_each_archives_example_resolves_to_a_link():
    for archive in ARCHIVES.values():
        assert archive.accession_url(archive.accession_example).startswith("https://")


def test_the_vocabulary_routes_and_order_name_the_tables_archives():
    assert ARCHIVE.values == tuple(ARCHIVES)
    assert [ARCHIVE.label(code) for code in ARCHIVES] == [archive.short_name for archive in ARCHIVES.values()]
    assert sorted(ARCHIVE_ORDER) == sorted(ARCHIVES)
    assert all(route.submit_url == ARCHIVES[route.archive].submit_url for route in ROUTES.values())


def test_an_archive_the_table_does_not_know_is_named_by_its_code():
    # Plans stored before an archive left the table (e.g. "ena") still print.
    assert archive_short_name(code="ena") == archive_in_print(code="ena") == "ena"
    assert archive_short_name(code="ega") == "EGA"
    assert archive_in_print(code="ega") == "the European Genome-phenome Archive (EGA)"


# --- Whether a dataset can be deposited: the engine says (the wizard asks it: tests/wizard/test_study.py) ---------


@pytest.mark.parametrize(
    ("dataset", "refused"),
    [
        ({"modality": "other", "medical_imaging": True}, True),
        (
            {
                "modality": "xray_imaging",
                "dimensionality": "3d",
                "xray_method": "hard_xray",
                "segmentations": "none",
                "medical_imaging": True,
            },
            True,
        ),
        ({"modality": "light_microscopy"}, False),
        ({"modality": "light_microscopy", "medical_imaging": False}, False),
        # Images of human samples without consent to open release: refused by their placements, not whole.
        ({"modality": "light_microscopy", "human_tissue": True, "human_data_open": False}, False),
    ],
)
def test_a_dataset_refused_whatever_else_is_answered_is_refused_whole_by_the_plan(dataset, refused):
    plan = plan_for({"answers_version": 4, "publication": True, "datasets": [{"id": "d", **dataset}]})
    refused_whole_as_medical = [
        item["dataset"] for item in plan["not_accepted"] if item["reasons"][0]["clause"] == "background-patient"
    ]

    assert dataset_refused(dataset) is refused
    assert (refused_whole_as_medical == ["d"]) is refused
