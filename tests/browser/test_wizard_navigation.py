"""Moving around the wizard in Chromium: Change links, Back and Reload, follow-ups revealed in place, htmx's
swaps, and two windows sharing one study."""

import re

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.models import Result
from tests.browser.journeys import (
    DATASET_ADD,
    choose,
    continue_to,
    correlations_answer,
    dataset_add,
    dataset_add_in_another_window,
    dataset_fill,
    datasets_add,
    group_open,
    plan_get,
    second_window,
    study_start,
)
from tests.builders import LM

pytestmark = pytest.mark.django_db(transaction=True)

EM_2D = {"id": "em", "modality": "electron_microscopy", "em_method": "2d"}
LABEL = DATASET_QUESTIONS_BY_FIELD["id"].text


def test_change_link_from_check_asks_the_new_follow_up_on_the_same_page(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")

    page.get_by_role("link", name="Change imaging method for lm").click()
    expect(page).to_have_url(re.compile(r"/study/datasets/lm/change/\?return=check(#question-modality)?$"))
    # Landed on the question: its legend in view, and (with JavaScript) focus on its chosen answer.
    expect(page.locator("#question-modality legend")).to_be_in_viewport()
    if javascript_enabled:
        expect(page.locator("#question-modality").get_by_label("Light microscopy", exact=True)).to_be_focused()
    choose(page, "modality", "Electron microscopy")
    group_open(page, "em_method")
    choose(page, "em_method", "2D electron microscopy")
    continue_to(page, "Save and continue", "/study/check/")

    expect(page.locator("#check-lm")).to_contain_text("2D electron microscopy")
    expect(page.locator("#check-lm")).not_to_contain_text("Light microscopy")


def test_change_publication_from_check_returns_there(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")

    page.get_by_role("link", name="Change whether the data is associated with a publication").click()
    expect(page).to_have_url(re.compile(r"/study/publication/\?return=check(#question-publication)?$"))
    choose(page, "publication", "No")
    continue_to(page, "Continue", "/study/check/")
    expect(page.get_by_role("row", name=re.compile("^Associated with a publication"))).to_contain_text("No")


def test_follow_ups_are_revealed_under_the_answer_they_follow(js_page: Page):
    page = js_page
    study_start(page)
    expect(page.locator("#question-em_method")).to_be_hidden()

    choose(page, "modality", "Electron microscopy")
    expect(page.locator("#question-em_method")).to_be_visible()
    expect(page.locator("#question-tilt_series")).to_be_hidden()
    choose(page, "em_method", "Cryo-electron tomography (cryo-ET)")
    expect(page.locator("#question-tilt_series")).to_be_visible()
    expect(page.locator("#question-tomograms")).to_be_visible()

    choose(page, "modality", "Spatial omics")
    expect(page.locator("#question-em_method")).to_be_hidden()
    expect(page.locator("#question-tilt_series")).to_be_hidden()
    expect(page.locator("#question-omics_type")).to_be_visible()
    expect(page.locator(".error-summary")).to_have_count(0)


def test_a_question_asked_of_two_kinds_of_data_is_revealed_by_either(js_page: Page):
    # Segmentations are asked of cryo-ET and volume EM, and of 3D X-ray imaging: alternatives of one condition.
    page = js_page
    study_start(page)

    choose(page, "modality", "Electron microscopy")
    choose(page, "em_method", "Single-particle cryo-EM")
    expect(page.locator("#question-segmentations")).to_be_hidden()
    # Its group, of both kinds of data, opens only with it: never an empty group.
    expect(page.locator("#follow-ups-electron_microscopy-xray_imaging")).to_be_hidden()
    choose(page, "em_method", "Volume EM")
    expect(page.locator("#question-volume_em_method")).to_be_visible()
    expect(page.locator("#question-segmentations")).to_be_visible()

    choose(page, "modality", "X-ray imaging")
    expect(page.locator("#question-segmentations")).to_be_hidden()
    choose(page, "dimensionality", "3D images")
    expect(page.locator("#question-xray_method")).to_be_visible()
    expect(page.locator("#question-segmentations")).to_be_visible()
    choose(page, "dimensionality", "2D images")
    expect(page.locator("#question-segmentations")).to_be_hidden()


def test_without_javascript_follow_ups_are_folded_under_their_modality_captioned(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        study_start(page)
        # Folded under the modality they follow, so that a reader skips whole groups.
        for field in ("em_method", "tilt_series", "omics_type", "screen_type"):
            expect(page.locator(f"#question-{field}")).to_be_hidden()
        page.get_by_text("Electron microscopy: more questions").click()
        for field in ("em_method", "tilt_series"):
            expect(page.locator(f"#question-{field}")).to_be_visible()
        expect(page.locator("#question-tilt_series .conditional__caption")).to_have_text("For cryo-ET")
        expect(page.locator("#question-omics_type")).to_be_hidden()
    finally:
        context.close()


def test_reload_and_back_keep_the_datasets_page_and_what_was_typed(page, javascript_enabled):
    """The form has its own URL: Reload comes back to it, and after saving, Back shows it as it was sent."""
    study_start(page)
    dataset_add(page, LM)
    page.get_by_label(LABEL).fill("half-typed")
    page.reload()
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))
    expect(page.get_by_label(LABEL)).to_be_visible()
    if javascript_enabled:
        expect(page.get_by_label(LABEL)).to_have_value("half-typed")

    page.go_back()  # to the first dataset's page, as it was sent (with JavaScript, as the server shows it now)
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))
    expect(page.get_by_label(LABEL)).to_be_visible()
    if not javascript_enabled:
        expect(page.get_by_label(LABEL)).to_have_value("lm")


def test_the_list_opens_a_datasets_page_in_place_with_its_own_url(js_page: Page):
    page = js_page
    study_start(page)
    datasets_add(
        page, [LM, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}], next_path="/study/correlations/"
    )
    page.goto("/study/datasets/")
    page.evaluate("window.loadedOnce = true")

    page.get_by_role("link", name="Add another dataset").click()
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))
    expect(page.get_by_label(LABEL)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile("/study/datasets/$"))
    expect(page.locator("#dataset-sxt")).to_be_visible()
    page.get_by_role("link", name="Remove sxt").click()
    page.get_by_role("button", name="Yes, remove sxt").click()
    expect(page.locator("#dataset-sxt")).to_have_count(0)
    expect(page.locator("#dataset-count")).to_have_text("You have added 1 dataset.")
    expect(page.locator("[data-notification]")).to_be_focused()


def test_htmx_swaps_pages_in_place_and_shows_each_steps_url(js_page: Page):
    page = js_page
    study_start(page)
    page.evaluate("window.loadedOnce = true")

    datasets_add(
        page, [LM, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}], next_path="/study/correlations/"
    )
    expect(page).to_have_title("Correlative groups – depositwizard")

    assert page.evaluate("window.loadedOnce") is True  # no page load since the first question


def test_validation_errors_focus_the_error_summary(page, javascript_enabled):
    study_start(page)
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: Add a dataset"))
    if javascript_enabled:
        expect(summary).to_be_focused()
    summary.get_by_role("link", name="Enter a short label for the dataset").click()
    if javascript_enabled:
        expect(page.get_by_label(LABEL)).to_be_focused()
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD)))


def test_correlations_groups_show_only_after_yes_and_enter_continues(page, javascript_enabled):
    study_start(page)
    datasets_add(
        page, [LM, {"id": "em", "modality": "electron_microscopy", "em_method": "2d"}], next_path="/study/correlations/"
    )

    group = page.locator("#question-group_1")
    if javascript_enabled:
        expect(group).to_be_hidden()
        choose(page, "correlated", "No")
        expect(group).to_be_hidden()
    choose(page, "correlated", "Yes")
    expect(group).to_be_visible()
    expect(group).to_contain_text("Electron microscopy, 2D electron microscopy")
    choose(page, "group_1", "lm")
    choose(page, "group_1", "em")
    group.get_by_label("em", exact=True).press("Enter")

    expect(page).to_have_url(re.compile("/study/check/$"))
    expect(page.get_by_role("row", name=re.compile("^Correlative group 1"))).to_contain_text("lm, em")


def test_answers_changed_in_another_window_are_checked_again_not_planned(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")
    other, tab_b = second_window(page)
    try:
        tab_b.goto("/study/datasets/lm/change/")
        choose(tab_b, "modality", "Other imaging")
        continue_to(tab_b, "Save and continue", "/study/datasets/")
    finally:
        other.close()

    page.get_by_role("button", name="Get your deposition plan").click()

    expect(page.locator(".error-summary")).to_contain_text(
        "Your answers changed in another window (lm changed), so no plan was made: check them again"
    )
    expect(page).to_have_url(re.compile("/study/check/$"))
    expect(page.locator("#check-lm")).to_contain_text("Other imaging")
    assert not Result.objects.exists()
    result = plan_get(page)
    assert result.answers["datasets"][0]["modality"] == "other"


def test_a_window_whose_study_was_replaced_is_told_so(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")
    other, tab_b = second_window(page)
    try:
        tab_b.goto("/")
        tab_b.get_by_role("button", name="Start again with a new study").click()
        expect(tab_b).to_have_url(re.compile("/study/publication/$"))
    finally:
        other.close()

    page.get_by_role("button", name="Get your deposition plan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("This page was of a study you have replaced")
    assert not Result.objects.exists()
    page.get_by_role("link", name="Continue with your current study").click()
    expect(page).to_have_url(re.compile("/study/publication/$"))


def test_a_dataset_saved_from_a_replaced_study_shows_a_whole_page(page, javascript_enabled):
    """With JavaScript the 409 is swapped into <body>: it must come with the header, skip link, <main> and footer."""
    study_start(page)
    other, tab_b = second_window(page)
    try:
        tab_b.goto("/")
        tab_b.get_by_role("button", name="Start again with a new study").click()
        expect(tab_b).to_have_url(re.compile("/study/publication/$"))
    finally:
        other.close()

    dataset_fill(page, LM)
    page.get_by_role("button", name="Save and continue").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("This page was of a study you have replaced")
    expect(page.locator("main#main-content")).to_have_count(1)
    expect(page.locator("header.header")).to_have_count(1)
    expect(page.locator("footer.footer")).to_have_count(1)
    expect(page.locator("a.skip-link")).to_have_count(1)
    expect(page).to_have_title("This page was of a study you have replaced – depositwizard")
    if javascript_enabled:
        expect(heading).to_be_focused()


def test_a_dataset_added_after_the_correlation_answer_asks_it_again(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM, EM_2D], next_path="/study/correlations/")
    correlations_answer(page, [])
    page.get_by_role("link", name="Add or remove datasets").click()
    expect(page).to_have_url(re.compile("/study/datasets/$"))

    dataset_add(page, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}, then="Save and continue")

    expect(page).to_have_url(re.compile("/study/correlations/$"))
    expect(page.locator("#correlations-why")).to_have_text(
        "Since you answered this question you added sxt: check the correlative groups again."
    )
    correlations_answer(page, [["lm", "sxt"]])
    expect(page.get_by_role("row", name=re.compile("^Correlative group 1"))).to_contain_text("lm, sxt")


def test_a_dataset_that_cannot_be_deposited_is_not_offered_for_a_group(js_page: Page):
    """The server leaves the dataset out of the groups' choices in either mode; with JavaScript the groups are
    revealed by the answer, as a depositor mostly sees them."""
    page = js_page
    study_start(page)
    datasets_add(
        page, [LM, EM_2D, {"id": "mri", "modality": "other", "medical_imaging": True}], next_path="/study/correlations/"
    )
    choose(page, "correlated", "Yes")
    expect(page.locator("#question-group_1").get_by_label("mri", exact=True)).to_have_count(0)
    expect(page.locator("#correlations-not-offered")).to_contain_text("mri cannot be in a group")


def test_a_change_link_to_a_dataset_removed_in_another_window_says_so(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM, EM_2D], next_path="/study/correlations/")
    correlations_answer(page, [])
    other, tab_b = second_window(page)
    try:
        tab_b.goto("/study/datasets/")
        tab_b.get_by_role("link", name="Remove em").click()
        tab_b.get_by_role("button", name="Yes, remove em").click()
        expect(tab_b.locator("#dataset-em")).to_have_count(0)
    finally:
        other.close()

    page.get_by_role("link", name=re.compile("^Change .* for em$")).first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("This dataset is no longer in your study")
    expect(page.locator("main#main-content")).to_have_count(1)
    expect(page.locator("footer.footer")).to_have_count(1)
    page.get_by_role("link", name="See the datasets in your study").click()
    expect(page).to_have_url(re.compile("/study/datasets/$"))


def test_a_change_link_to_a_follow_up_lands_on_it(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [EM_2D], next_path="/study/check/")
    page.set_viewport_size({"width": 1280, "height": 600})
    page.get_by_role("link", name="Change electron microscopy method for em").click()
    expect(page).to_have_url(re.compile(r"/study/datasets/em/change/\?return=check(#question-em_method)?$"))
    expect(page.locator("#question-em_method legend")).to_be_in_viewport()
    if javascript_enabled:
        expect(page.locator("#question-em_method").get_by_label("2D electron microscopy", exact=True)).to_be_focused()


def test_back_after_add_another_offers_the_saved_datasets_change_page(page, javascript_enabled):
    study_start(page)
    dataset_add(page, LM)
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))
    # Without JavaScript the browser shows the form as it was sent; with it, the server's page (the list above).
    page.get_by_label(LABEL).fill("lm")
    choose(page, "modality", "Other imaging")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.locator(".error-summary")).to_contain_text("Another dataset is already labelled lm")
    page.locator("#dataset-taken").get_by_role("link", name="change lm").click()
    expect(page).to_have_url(re.compile("/study/datasets/lm/change/$"))
    choose(page, "modality", "Other imaging")
    continue_to(page, "Save and continue", "/study/datasets/")
    expect(page.locator("#dataset-lm")).to_contain_text("Other imaging")


def test_unsaved_answers_survive_a_reload_and_are_forgotten_once_saved(js_page: Page):
    page = js_page
    study_start(page)
    page.get_by_label(LABEL).fill("em")
    choose(page, "modality", "Electron microscopy")
    choose(page, "em_method", "2D electron microscopy")
    page.reload()

    expect(page.get_by_label(LABEL)).to_have_value("em")
    expect(page.locator("#question-modality").get_by_label("Electron microscopy", exact=True)).to_be_checked()
    expect(page.locator("#question-em_method")).to_be_visible()
    expect(page.locator("#question-em_method").get_by_label("2D electron microscopy", exact=True)).to_be_checked()
    for field in ("medical_imaging", "human_tissue"):
        choose(page, field, "No")
    page.get_by_role("button", name="Save and add another dataset").click()
    expect(page.locator("#dataset-em")).to_be_visible()

    page.reload()
    expect(page.locator("#dataset-em")).to_be_visible()
    expect(page.get_by_label(LABEL)).to_have_value("")
    expect(page.locator("#question-modality input:checked")).to_have_count(0)


def test_a_correlation_question_made_due_in_another_window_says_why(page, javascript_enabled):
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")
    dataset_add_in_another_window(page, EM_2D, next_path="/study/correlations/")

    page.get_by_role("button", name="Get your deposition plan").click()

    expect(page).to_have_url(re.compile("/study/correlations/$"))
    expect(page.locator("#correlations-why")).to_have_text(
        "Your study has 2 datasets that can be deposited: the plan says how to link those registered together."
    )
    assert not Result.objects.exists()
