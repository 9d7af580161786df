import hashlib
import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from madmpy.v1_2.dmp import DMP
from pydantic import ValidationError

from bench.plans import single_dataset_answers
from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.madmp import madmp_build
from tests.policy.kit.conftest import MADMP_SCHEMA_PATH, madmp_validator, planned
from tests.policy.kit.study_variants import human_visium
from tests.strategies import studies

VALIDATOR = madmp_validator()
URL = "https://wizard.example.org/r/AAAAAAAAAAAAAAAAAAAAAA/"
CREATED = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def madmp_of(answers: dict, query: dict | None = None) -> dict:
    stored = planned(answers)
    # The stored result holds its own words, as every result does (migration 0004).
    return madmp_build(
        url=URL, created=CREATED, stored=stored, accessions=accessions_parse(stored=stored, query=query or {})
    )


def schema_errors(document: dict) -> list[str]:
    """Errors against two readings of schema 1.2: the released JSON schema (vendored, the `v1.2` tag's file) and
    madmpy's models of it, which also check an identifier's form where its type names a scheme (ror, orcid); see
    tests/policy/kit/schemas/madmp-1.2/README.md."""
    errors = [f"{'/'.join(map(str, item.absolute_path))}: {item.message}" for item in VALIDATOR.iter_errors(document)]
    try:
        DMP.model_validate(document["dmp"])
    except ValidationError as invalid:
        errors += [f"v1.2 {'/'.join(map(str, error['loc']))}: {error['msg']}" for error in invalid.errors()]
    return errors


def test_the_vendored_schema_is_the_unchanged_copy_of_the_released_tag_its_readme_names():
    assert len(MADMP_SCHEMA_PATH.read_bytes()) == 53_112
    digest = hashlib.sha256(MADMP_SCHEMA_PATH.read_bytes()).hexdigest()
    assert digest == "474211028a990f57d079f1b5f74bc3addc1d14c28dfd4c4a6e18ff8a81fcf77a"


@pytest.mark.parametrize("answers", single_dataset_answers(), ids=lambda answers: str(answers["datasets"][0]))
def test_every_single_dataset_study_exports_a_valid_madmp(answers):
    assert schema_errors(madmp_of(answers)) == []


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(studies())
def test_every_generated_study_exports_a_valid_madmp(answers):
    assert schema_errors(madmp_of(answers)) == []


def test_five_dataset_study_has_a_dataset_each_and_a_distribution_per_deposition(five_dataset_study):
    dmp = madmp_of(five_dataset_study, {"emdb:cryo-et": "EMD-1111"})["dmp"]

    datasets = {dataset["title"].split(":")[0]: dataset for dataset in dmp["dataset"]}
    hosts = {name: [d["host"]["title"] for d in dataset.get("distribution", [])] for name, dataset in datasets.items()}
    assert schema_errors({"dmp": dmp}) == []
    assert hosts == {
        "cryo-et": ["EMDB", "EMPIAR"],
        "fib-sem": ["EMPIAR"],
        "lm": ["BioImage Archive"],
        "mri": [],
        "visium": ["ArrayExpress", "BioImage Archive"],
    }
    assert "distribution" not in datasets["mri"]
    assert datasets["mri"]["personal_data"] == datasets["mri"]["sensitive_data"] == "yes"
    assert datasets["lm"]["personal_data"] == "no"
    assert dmp["ethical_issues_exist"] == "yes"
    assert dmp["ethical_issues_description"].startswith("The study includes data about people. mri: medical imaging")
    assert dmp["dmp_id"] == {"identifier": URL, "type": "url"}
    assert "Accession: EMD-1111." in datasets["cryo-et"]["distribution"][0]["description"]
    assert datasets["cryo-et"]["distribution"][1]["host"]["host_id"] == [
        {"identifier": "https://doi.org/10.25504/FAIRsharing.dff3ef", "type": "doi"}
    ]


def test_typed_accessions_become_the_datasets_identifiers(five_dataset_study):
    dmp = madmp_of(
        five_dataset_study,
        {"emdb:cryo-et": "EMD-1111 EMD-2222", "empiar:cryo-et": "EMPIAR-10164", "arrayexpress:visium": "E-MTAB-1"},
    )["dmp"]

    datasets = {dataset["title"].split(":")[0]: dataset for dataset in dmp["dataset"]}
    cryo_et, visium, lm = datasets["cryo-et"], datasets["visium"], datasets["lm"]
    assert schema_errors({"dmp": dmp}) == []
    assert cryo_et["dataset_id"] == {"identifier": "https://identifiers.org/emdb:EMD-1111", "type": "url"}
    assert cryo_et["alternate_identifier"] == [
        {"identifier": "https://identifiers.org/emdb:EMD-2222", "type": "url"},
        {"identifier": "https://doi.org/10.6019/EMPIAR-10164", "type": "doi"},
    ]
    assert cryo_et["distribution"][0]["access_url"] == "https://identifiers.org/emdb:EMD-1111"
    empiar = cryo_et["distribution"][1]
    assert empiar["access_url"] == "https://doi.org/10.6019/EMPIAR-10164"
    assert empiar["license"] == [
        {"license_ref": "https://creativecommons.org/publicdomain/zero/1.0/", "start_date": "2026-11-27"}
    ]
    assert "license" not in cryo_et["distribution"][0]  # EMDB's licence is not one we can cite yet
    assert visium["dataset_id"] == {"identifier": "https://identifiers.org/arrayexpress:E-MTAB-1", "type": "url"}
    assert lm["dataset_id"] == {"identifier": "lm", "type": "other"}
    assert "alternate_identifier" not in lm


def test_the_contact_has_an_affiliation_and_says_what_to_fill_in_not_unknown(five_dataset_study):
    dmp = madmp_of(five_dataset_study)["dmp"]
    contact = dmp["contact"]

    assert contact["name"].startswith("FILL IN: ")
    assert contact["mbox"] == "fill-in@example.org"
    assert contact["contact_id"]["identifier"].startswith("FILL IN: ")
    (affiliation,) = contact["affiliation"]
    assert affiliation["name"].startswith("FILL IN: ")
    assert affiliation["affiliation_id"]["identifier"].startswith("FILL IN: ")
    assert "unknown" not in json.dumps(contact).lower()


def test_what_dmp_tools_import_is_filled_from_the_plan(five_dataset_study):
    """The Data Stewardship Wizard's importer reads the contact, the project, the datasets and their
    distributions; DMPTool's the contact with its affiliation, the project and the datasets."""
    dmp = madmp_of(five_dataset_study)["dmp"]

    (project,) = dmp["project"]
    assert project["title"].startswith("FILL IN: ")
    assert project["description"].startswith("A study with 5 image datasets and a publication: ")
    assert "lm (Light microscopy)" in project["description"]
    assert "cryo-et (Electron microscopy; Cryo-electron tomography (cryo-ET))" in project["description"]
    by_title = {dataset["title"]: dataset for dataset in dmp["dataset"]}
    visium = by_title["visium: Spatial omics"]
    assert visium["keyword"] == ["Spatial omics", "Spatial transcriptomics"]
    assert visium["description"] == "Deposited at EMBL-EBI in ArrayExpress, BioImage Archive."
    assert by_title["mri: Other imaging"]["description"] == "This dataset is not deposited at EMBL-EBI."
    for dataset in dmp["dataset"]:
        assert dataset["description"]
        assert dataset["keyword"]
        for distribution in dataset.get("distribution", []):
            assert distribution["title"]
            assert distribution["description"]
            assert distribution["data_access"]
            assert distribution["host"]["title"]


@pytest.mark.parametrize(("publication", "title"), [
    (True, "Deposition plan for the images behind a publication, at EMBL-EBI"),
    (False, "Deposition plan for a study's images, at EMBL-EBI"),
])  # fmt: skip
def test_title_names_a_publication_only_when_there_is_one(light_only_study, publication, title):
    light_only_study["publication"] = publication

    assert madmp_of(light_only_study)["dmp"]["title"] == title


HUMAN_DATA = [
    # (dataset answers beyond the human Visium ones, personal and sensitive data, words in the description)
    ({"human_controlled_access": True}, "yes", "the sequencing data stays under controlled access"),
    ({"human_controlled_access": False}, "yes", "consented to open release of the sequencing data"),
]


@pytest.mark.parametrize(("extra", "privacy", "words"), HUMAN_DATA)
def test_human_sequencing_data_is_personal_and_sensitive_with_its_consent_described(extra, privacy, words):
    dmp = madmp_of(human_visium(**extra))["dmp"]

    (dataset,) = dmp["dataset"]
    assert schema_errors({"dmp": dmp}) == []
    assert dataset["personal_data"] == dataset["sensitive_data"] == privacy
    assert dmp["ethical_issues_exist"] == "yes"
    assert words in dmp["ethical_issues_description"]


@pytest.mark.parametrize(("answers", "words"), [
    ({"answers_version": 4, "human_data_open": True}, "consented to open release of the data and their sample"),
    ({"answers_version": 4, "human_data_open": False}, "did not consent to open release of the data"),
    ({"answers_version": 2}, "was not asked in the version of the questions these answers were given in"),
])  # fmt: skip
def test_data_of_human_samples_is_personal_and_sensitive_whatever_the_consent(answers, words):
    version, consent = answers["answers_version"], {k: v for k, v in answers.items() if k != "answers_version"}
    dataset = {"id": "he", "modality": "light_microscopy", "human_tissue": True, **consent}

    dmp = madmp_of({"answers_version": version, "publication": True, "datasets": [dataset]})["dmp"]

    (exported,) = dmp["dataset"]
    assert exported["personal_data"] == exported["sensitive_data"] == "yes"
    assert dmp["ethical_issues_exist"] == "yes"
    assert words in dmp["ethical_issues_description"]
    assert words in exported["security_and_privacy"][0]["description"]
    assert schema_errors({"dmp": dmp}) == []


def test_an_images_only_refusal_names_what_is_not_deposited_beside_the_distribution_of_the_reads():
    dmp = madmp_of(human_visium(human_controlled_access=True) | {"answers_version": 3})["dmp"]

    (exported,) = dmp["dataset"]
    assert [distribution["host"]["title"] for distribution in exported["distribution"]] == [
        "European Genome-phenome Archive (EGA)"
    ]
    assert exported["description"].startswith("Deposited at EMBL-EBI in European Genome-phenome Archive (EGA).")
    assert "Not deposited at EMBL-EBI: spatial data: images and segmentations" in exported["description"]
    assert "cannot be deposited" not in json.dumps(dmp)
    assert schema_errors({"dmp": dmp}) == []


def test_controlled_access_and_consent_are_in_security_and_privacy_not_rights():
    answers = human_visium(human_controlled_access=True) | {"answers_version": 4}
    answers["datasets"][0]["human_data_open"] = True

    (exported,) = madmp_of(answers)["dmp"]["dataset"]

    titles = [item["title"] for item in exported["security_and_privacy"]]
    assert titles == ["Consent", "Controlled access"]
    assert "Data Access Committee" in exported["security_and_privacy"][1]["description"]
    assert "rights" not in exported


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(studies())
def test_no_dataset_of_people_is_ever_said_to_hold_no_personal_data(answers):
    dmp = madmp_of(answers)["dmp"]
    for dataset, exported in zip(planned(answers).answers["datasets"], dmp["dataset"], strict=True):
        about_people = dataset.get("human_tissue") is True or dataset.get("patient_medical") is True
        if about_people:
            assert exported["personal_data"] != "no"
            assert exported["sensitive_data"] != "no"
            assert dmp["ethical_issues_exist"] == "yes"


def test_data_that_is_not_images_is_a_dataset_of_its_kind_with_its_repository():
    answers = {
        "answers_version": 4,
        "datasets": [
            {"id": "lm", "modality": "light_microscopy"},
            {"id": "scrnaseq", "modality": "non_image", "data_type": "sequencing"},
            {"id": "xlms", "modality": "non_image", "data_type": "proteomics"},
        ],
    }
    dmp = madmp_of(answers)["dmp"]

    datasets = {dataset["title"].split(":")[0]: dataset for dataset in dmp["dataset"]}
    assert schema_errors({"dmp": dmp}) == []
    assert {name: dataset["type"] for name, dataset in datasets.items()} == {
        "lm": "image",
        "scrnaseq": "sequencing",
        "xlms": "proteomics",
    }
    assert [d["host"]["title"] for d in datasets["scrnaseq"]["distribution"]] == ["ArrayExpress"]
    assert [d["host"]["title"] for d in datasets["xlms"]["distribution"]] == ["PRIDE"]
