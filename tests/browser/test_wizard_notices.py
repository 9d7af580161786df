"""What happened, said where it happened, with and without JavaScript: removing a dataset asks first and names what
goes with it; a stale window's "Get your deposition plan" is told why no plan was made; a Reload after a refused
save shows what was typed, with the errors."""

import re

import pytest
from playwright.sync_api import expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.models import Result
from tests.browser.journeys import (
    DATASET_ADD,
    choose,
    continue_to,
    correlations_answer,
    dataset_add,
    dataset_add_in_another_window,
    datasets_add,
    group_open,
    plan_get,
    study_start,
)
from tests.builders import FIB_SEM, LM

pytestmark = pytest.mark.django_db(transaction=True)

LABEL = DATASET_QUESTIONS_BY_FIELD["id"].text
TABB_LATE = {"id": "tabb-late", "modality": "other"}


def test_removing_a_dataset_asks_first_and_names_its_group(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")
    correlations_answer(page, [["lm", "fib-sem"]])
    page.goto("/study/datasets/")
    if javascript_enabled:
        page.evaluate("window.loadedOnce = true")

    page.get_by_role("link", name="Remove lm").click()

    question = page.get_by_role("heading", name="Are you sure you want to remove lm?")
    expect(question).to_be_visible()
    if javascript_enabled:
        # In the list, under its row: focus on the question.
        expect(page).to_have_url(re.compile("/study/datasets/$"))
        expect(question).to_be_focused()
    else:
        expect(page).to_have_url(re.compile("/study/datasets/lm/remove/$"))
    expect(page.locator("#remove-confirmation")).to_contain_text(
        "It is also in correlative group 1, with fib-sem: that group will go, as one dataset is not a group."
    )

    page.get_by_role("link", name="No, keep lm").click()
    expect(page).to_have_url(re.compile("/study/datasets/$"))
    expect(question).to_have_count(0)
    expect(page.locator("#dataset-lm")).to_be_visible()

    page.get_by_role("link", name="Remove lm").click()
    page.get_by_role("button", name="Yes, remove lm").click()

    expect(page).to_have_url(re.compile("/study/datasets/$"))
    notice = page.locator("[data-notification]")
    expect(notice).to_contain_text("Success")
    expect(notice).to_contain_text("lm was removed from your study, and from correlative group 1.")
    expect(page.locator("#dataset-lm")).to_have_count(0)
    expect(page.locator("#dataset-count")).to_have_text("You have added 1 dataset.")
    if javascript_enabled:
        expect(notice).to_be_focused()
        assert page.evaluate("window.loadedOnce") is True  # asked and removed in place
    page.reload()
    expect(page.locator("[data-notification]")).to_have_count(0)


def test_remove_from_the_list_above_a_new_datasets_page_asks_on_its_own_page(page, javascript_enabled):
    study_start(page)
    dataset_add(page, LM)
    page.get_by_role("link", name="Remove lm").click()
    expect(page).to_have_url(re.compile("/study/datasets/lm/remove/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove lm?")
    expect(page.locator("#remove-confirmation")).to_contain_text("It is in no correlative group.")
    page.get_by_role("button", name="Yes, remove lm").click()
    expect(page).to_have_url(re.compile("/study/datasets/$"))
    expect(page.locator("[data-notification]")).to_contain_text("lm was removed from your study.")
    expect(page.locator("#dataset-count")).to_have_text("You have not added any datasets yet.")
    if javascript_enabled:
        expect(page.locator("[data-notification]")).to_be_focused()


def test_a_stale_window_is_told_why_no_plan_was_made_and_keeps_its_no(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")
    correlations_answer(page, [])
    dataset_add_in_another_window(page, TABB_LATE, next_path="/study/correlations/")

    page.get_by_role("button", name="Get your deposition plan").click()

    expect(page).to_have_url(re.compile("/study/correlations/$"))
    notice = page.locator("[data-notification]")
    expect(notice).to_contain_text("Important")
    expect(notice).to_contain_text("changed in another window")
    expect(notice).to_contain_text("so no plan was made yet")
    expect(page.locator("#correlations-why")).to_contain_text("you added tabb-late")
    expect(page.locator("#question-correlated").get_by_label("No", exact=True)).to_be_checked()
    expect(page.locator("#correlations-datasets")).to_contain_text("tabb-late")
    expect(page.locator("#correlations-datasets")).to_contain_text("lm")
    assert not Result.objects.exists()

    continue_to(page, "Continue", "/study/check/")
    expect(page.locator("[data-notification]")).to_have_count(0)
    result = plan_get(page)
    assert [dataset["id"] for dataset in result.answers["datasets"]] == ["fib-sem", "lm", "tabb-late"]


def test_a_reload_after_a_refused_save_shows_what_was_typed_with_the_errors(page, javascript_enabled):
    study_start(page)
    page.get_by_label(LABEL).fill("sxt")
    choose(page, "modality", "X-ray imaging")
    choose(page, "medical_imaging", "No")
    choose(page, "human_tissue", "No")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".error-summary")).to_contain_text("Select whether the images are 2D or 3D")
    if javascript_enabled:
        # Typed after the refusal: kept too.
        page.get_by_label(LABEL).fill("sxt-3d")
        page.reload()
    else:
        # Without JavaScript a Reload sends the refused form again; a GET of the page's URL shows it too.
        page.reload()
        expect(page.locator(".error-summary")).to_contain_text("Select whether the images are 2D or 3D")
        expect(page.get_by_label(LABEL)).to_have_value("sxt")
        page.goto(DATASET_ADD)

    expect(page.locator(".error-summary")).to_contain_text("Select whether the images are 2D or 3D")
    expect(page).to_have_title(re.compile("^Error: Add a dataset"))
    expect(page.get_by_label(LABEL)).to_have_value("sxt-3d" if javascript_enabled else "sxt")
    expect(page.locator("#question-modality").get_by_label("X-ray imaging", exact=True)).to_be_checked()
    expect(page.locator("#question-human_tissue").get_by_label("No", exact=True)).to_be_checked()

    choose(page, "dimensionality", "3D images")
    choose(page, "xray_method", "Soft X-ray tomography")
    group_open(page, "segmentations")
    choose(page, "segmentations", "No segmentations or annotations")
    continue_to(page, "Save and continue", "/study/check/")
    expect(page.locator("#check-sxt-3d" if javascript_enabled else "#check-sxt")).to_contain_text("X-ray imaging")

    # Saved: neither the server nor the browser brings the answers back on a new dataset's page.
    page.goto(DATASET_ADD)
    expect(page.get_by_label(LABEL)).to_have_value("")
    expect(page.locator(".error-summary")).to_have_count(0)
