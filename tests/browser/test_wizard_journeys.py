"""Complete journeys through the wizard in Chromium, with JavaScript on (htmx) and off, ending on the plan."""

import re
from collections.abc import Mapping
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, questions_asked_for
from policy.models import Result
from tests.wizard.journeys import NO_BY_DEFAULT
from wizard.forms import STUDY_WIDE_QUESTIONS

pytestmark = pytest.mark.django_db(transaction=True)

FIB_SEM = {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em"}


def answer_label(field: str, value: Any) -> str:
    question = DATASET_QUESTIONS_BY_FIELD[field]
    if question.kind == "boolean":
        return "Yes" if value else "No"
    return question.enumeration.label(value)


def choose(page: Page, field: str, label: str) -> None:
    page.locator(f"#question-{field}").get_by_label(label, exact=True).check()


def follow_ups_settled(page: Page) -> None:
    """With JavaScript, an answer that calls for other questions swaps them in: a person waits for the swap to
    finish before answering them, or the swap would replace what they chose (htmx marks an element whose
    request is in flight with the class htmx-request)."""
    expect(page.locator(".htmx-request")).to_have_count(0)


def continue_to(page: Page, button: str, path: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def study_start(page: Page, *, publication: bool = True) -> None:
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    expect(page).to_have_url(re.compile("/study/publication/$"))
    choose(page, "publication", "Yes" if publication else "No")
    continue_to(page, "Continue", "/study/datasets/")


def dataset_add(page: Page, dataset: Mapping[str, Any], *, javascript: bool) -> None:
    """Fill the dataset page as a depositor would: follow-ups appear as the answers call for them."""
    dataset = {**dict.fromkeys(NO_BY_DEFAULT, False), **dataset}
    page.get_by_role("link", name=re.compile("^Add (a|another) dataset$")).click()
    if javascript:
        # htmx opens the dataset's form in place, under the list.
        expect(page.locator("#dataset-editor form")).to_be_visible()
        expect(page).to_have_url(re.compile("/study/datasets/$"))
    else:
        expect(page).to_have_url(re.compile("/study/datasets/new/$"))
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill(dataset["id"])
    for field in STUDY_WIDE_QUESTIONS:
        choose(page, field, answer_label(field, dataset[field]))
    for question in questions_asked_for(dataset):
        if question.field in {"id", *STUDY_WIDE_QUESTIONS}:
            continue
        if javascript:
            follow_ups_settled(page)
        block = page.locator(f"#question-{question.field}")
        if not javascript and block.count() == 0:
            # Without JavaScript the follow-ups come on the next page load, without an error.
            page.get_by_role("button", name="Save and continue").click()
            expect(page.locator("#newly-asked")).to_be_visible()
            expect(page.locator(".error-summary")).to_have_count(0)
        expect(block).to_be_visible()
        choose(page, question.field, answer_label(question.field, dataset[question.field]))
    if javascript:
        follow_ups_settled(page)
        for question in questions_asked_for(dataset):
            if question.kind != "id":
                label = answer_label(question.field, dataset[question.field])
                expect(page.locator(f"#question-{question.field}").get_by_label(label, exact=True)).to_be_checked()
    continue_to(page, "Save and continue", "/study/datasets/")
    expect(page.locator(f"#dataset-{dataset['id']}")).to_be_visible()


def correlations_answer(page: Page, groups: list[list[str]]) -> None:
    choose(page, "correlated", "Yes" if groups else "No")
    for number, group in enumerate(groups, start=1):
        if page.locator(f"#question-group_{number}").count() == 0:
            page.get_by_role("button", name="Add another group").click()
        for label in group:
            choose(page, f"group_{number}", label)
    continue_to(page, "Continue", "/study/check/")


def plan_get(page: Page) -> Result:
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page).to_have_url(re.compile("/r/[A-Za-z0-9_-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Where and how to deposit your images")
    return Result.objects.get(pk=page.url.rstrip("/").rsplit("/", 1)[1])


def step_titles(page: Page) -> list[str]:
    """The plan's steps as its task list names them."""
    return [re.sub(r"\s+", " ", title).strip() for title in page.locator(".task-list__link").all_inner_texts()]


def linking_in_step(page: Page, number: int) -> list[str]:
    """The kinds of linking a step does, as its "Link" row names them."""
    return [label.rstrip(":") for label in page.locator(f"#step-{number} .step__link-kind").all_inner_texts()]


def test_single_light_microscopy_dataset(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "confocal", "modality": "light_microscopy"}, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/check/")
    expect(page.locator("#check-confocal")).to_contain_text("Light microscopy")

    result = plan_get(page)

    assert result.answers == {
        "answers_version": 2,
        "publication": True,
        "datasets": [
            {"id": "confocal", "modality": "light_microscopy", "patient_medical": False, "human_tissue": False}
        ],
    }
    assert step_titles(page) == ["1. BioImage Archive: deposit confocal"]


def test_correlative_light_and_fib_sem(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=javascript_enabled)
    dataset_add(page, FIB_SEM, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/correlations/")
    correlations_answer(page, [["lm", "fib-sem"]])
    expect(page.get_by_role("row", name=re.compile("^Correlative group 1"))).to_contain_text("lm, fib-sem")

    result = plan_get(page)

    assert result.answers["correlations"] == [["fib-sem", "lm"]]
    # Rule 3 and note 3.3: the FIB-SEM stack to EMPIAR, the light microscopy and the correlation to the BIA.
    assert step_titles(page) == ["1. EMPIAR: deposit fib-sem", "2. BioImage Archive: deposit lm"]
    assert linking_in_step(page, 2) == ["Correlation information", "Accession cross-reference"]
    assert ("bia", "correlation") in [(link["archive"], link["kind"]) for link in result.plan["linking"]]


def test_cryo_et_spatial_transcriptomics_and_patient_data(page, javascript_enabled):
    study_start(page)
    for dataset in (
        {
            "id": "cryo-et",
            "modality": "electron_microscopy",
            "em_method": "cryo_et",
            "tilt_series": True,
            "tomograms": "many",
        },
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "mri", "modality": "other", "patient_medical": True},
    ):
        dataset_add(page, dataset, javascript=javascript_enabled)
    expect(page.locator("#dataset-mri")).to_contain_text("Medical imaging of patients")
    continue_to(page, "Continue", "/study/correlations/")
    correlations_answer(page, [])
    expect(page.locator("#check-mri")).to_contain_text("Cannot be deposited")

    result = plan_get(page)

    # Omics first, EMDB before EMPIAR; note 2: representative tomograms to EMDB, tilt series and the rest to
    # EMPIAR; spatial omics: sequencing data to ArrayExpress, images to the BIA; patient data nowhere.
    assert step_titles(page) == [
        "1. ArrayExpress: deposit visium",
        "2. EMDB: deposit cryo-et",
        "3. EMPIAR: deposit cryo-et",
        "4. BioImage Archive: deposit visium",
        "mri: not accepted at EBI",
    ]
    assert linking_in_step(page, 3) == ["Accession cross-reference"]
    assert linking_in_step(page, 4) == ["Image–omics link"]
    assert [item["dataset"] for item in result.plan["not_accepted"]] == ["mri"]
    expect(page.locator(".lead")).to_contain_text("mri cannot be deposited at EBI")


def test_all_patient_medical_imaging_ends_on_the_contact_page(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "ct", "modality": "other", "patient_medical": True}, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/check/")
    continue_to(page, "Get your deposition plan", "/study/cannot-deposit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your images cannot be deposited at EMBL-EBI")
    expect(page.get_by_role("link", name="image-presubmission@ebi.ac.uk").first).to_be_visible()
    assert not Result.objects.exists()
