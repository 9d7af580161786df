from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings

from bench.plans import single_dataset_answers
from policy.kit.accessions import accessions_parse
from policy.kit.madmp import madmp_build
from policy.results import texts_collect
from tests.policy.kit.conftest import MADMP_SCHEMA_PATH, madmp_validator, planned
from tests.strategies import studies

VALIDATOR = madmp_validator()
URL = "https://wizard.example.org/r/AAAAAAAAAAAAAAAAAAAAAA/"
CREATED = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def madmp_of(answers: dict, query: dict | None = None) -> dict:
    canonical, plan = planned(answers)
    return madmp_build(
        url=URL,
        created=CREATED,
        plan=plan,
        answers=canonical,
        # A stored result's own words, as every result holds them (migration 0004).
        texts=texts_collect(plan=plan, answers=canonical),
        accessions=accessions_parse(plan=plan, query=query or {}),
    )


def schema_errors(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def test_the_vendored_schema_is_the_unchanged_copy_its_readme_names():
    assert len(MADMP_SCHEMA_PATH.read_text(encoding="utf-8")) == 47_200


@pytest.mark.parametrize("answers", single_dataset_answers(), ids=lambda answers: str(answers["datasets"][0]))
def test_every_single_dataset_study_exports_a_valid_madmp(answers):
    assert schema_errors(madmp_of(answers)) == []


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(studies())
def test_every_generated_study_exports_a_valid_madmp(answers):
    assert schema_errors(madmp_of(answers)) == []


def test_five_dataset_study_has_a_dataset_each_and_a_distribution_per_deposition(five_dataset_study):
    dmp = madmp_of(five_dataset_study, {"emdb:cryo-et": "EMD-1111"})["dmp"]

    datasets = {dataset["dataset_id"]["identifier"]: dataset for dataset in dmp["dataset"]}
    hosts = {name: [d["host"]["title"] for d in dataset["distribution"]] for name, dataset in datasets.items()}
    assert schema_errors({"dmp": dmp}) == []
    assert hosts == {
        "cryo-et": ["EMDB", "EMPIAR"],
        "fib-sem": ["EMPIAR"],
        "lm": ["BioImage Archive"],
        "mri": [],
        "visium": ["ArrayExpress", "BioImage Archive"],
    }
    assert datasets["mri"]["personal_data"] == datasets["mri"]["sensitive_data"] == "yes"
    assert datasets["lm"]["personal_data"] == "no"
    assert dmp["ethical_issues_exist"] == "yes"
    assert dmp["dmp_id"] == {"identifier": URL, "type": "url"}
    assert "Accession: EMD-1111." in datasets["cryo-et"]["distribution"][0]["description"]
    assert datasets["cryo-et"]["distribution"][1]["host"]["description"] == "FAIRsharing: FAIRsharing.dff3ef"
