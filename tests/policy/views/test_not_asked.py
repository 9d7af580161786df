"""Answers of an earlier contract version shown as they were given: a question that version never asked reads
"Not asked in this version" on the result page, in the Markdown and JSON exports and in the maDMP, never as a
"Yes" or "No", and no consent is claimed that was not given."""

import json

import pytest

from policy.results import result_create

pytestmark = pytest.mark.django_db

NOT_ASKED = "Not asked in this version"
V1_DEIDENTIFIED_MRI = {"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": False}]}
V2_HUMAN_TISSUE = {
    "answers_version": 2,
    "datasets": [{"id": "he", "modality": "light_microscopy", "patient_medical": False, "human_tissue": True}],
}
MEDICAL_QUESTION = "Is this medical imaging of people (patients or healthy volunteers)"
CONSENT_QUESTION = "Did the participants consent (or an ethics committee approve) to open public release"


def row_answer(page: str, question: str) -> str:
    """The answer shown beside a question on the page."""
    after = page.split(question, 1)[1]
    return after.split('<td class="summary-list__value">', 1)[1].split("</td>", 1)[0]


def test_v1_not_identifiable_mri_shows_medical_imaging_not_asked_on_the_page(client):
    result, _ = result_create(answers=V1_DEIDENTIFIED_MRI)

    page = client.get(f"/r/{result.id}/").content.decode()

    assert row_answer(page, MEDICAL_QUESTION) == NOT_ASKED
    assert result.answers["answers_given_in"] == 1
    assert "medical_imaging" not in result.answers["datasets"][0]


def test_v2_human_tissue_shows_consent_not_asked_on_the_page_and_claims_none(client):
    result, _ = result_create(answers=V2_HUMAN_TISSUE)

    page = client.get(f"/r/{result.id}/").content.decode()

    assert row_answer(page, CONSENT_QUESTION) == NOT_ASKED
    assert result.plan["depositions"] == []
    assert "Nothing of this study can be deposited at EBI" in page


def test_v2_human_tissue_shows_consent_not_asked_in_the_markdown(client):
    result, _ = result_create(answers=V2_HUMAN_TISSUE)

    markdown = client.get(f"/r/{result.id}.md").content.decode()

    [line] = [line for line in markdown.splitlines() if CONSENT_QUESTION in line]
    assert line.endswith(NOT_ASKED)


def test_v2_human_tissue_lists_consent_as_not_asked_in_the_json_export(client):
    result, _ = result_create(answers=V2_HUMAN_TISSUE)

    body = json.loads(client.get(f"/r/{result.id}.json").content)

    assert body["not_asked"] == {"he": ["human_data_open"]}
    assert "human_data_open" not in body["answers"]["datasets"][0]


def test_v2_human_tissue_maDMP_says_consent_was_not_asked(client):
    result, _ = result_create(answers=V2_HUMAN_TISSUE)

    dmp = json.loads(client.get(f"/r/{result.id}.madmp.json").content)["dmp"]

    assert "was not asked in the version of the questions" in dmp["ethical_issues_description"]
    assert "; the participants consented to open release" not in dmp["ethical_issues_description"]


def test_v3_images_consent_is_shown_as_the_answer_it_was_for_an_images_only_dataset(client):
    v3 = {
        "answers_version": 3,
        "datasets": [{"id": "he", "modality": "light_microscopy", "human_tissue": True, "human_images_open": True}],
    }
    result, _ = result_create(answers=v3)

    page = client.get(f"/r/{result.id}/").content.decode()

    assert row_answer(page, CONSENT_QUESTION) == "Yes"
    assert [d["archive"] for d in result.plan["depositions"]] == ["bia"]
