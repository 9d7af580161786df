"""Moving around the wizard in Chromium: Change links, the back button, and htmx's in-place updates."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_wizard_journeys import choose, continue_to, dataset_add, study_start

pytestmark = pytest.mark.django_db(transaction=True)


def test_change_link_from_check_asks_the_new_follow_up_then_returns(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/check/")

    page.get_by_role("link", name="Change how were these images made for lm").click()
    expect(page).to_have_url(re.compile(r"/study/datasets/lm/change/\?return=check"))
    choose(page, "modality", "Electron microscopy")
    if not javascript_enabled:
        page.get_by_role("button", name="Save and continue").click()
    choose(page, "em_method", "2D electron microscopy")
    continue_to(page, "Save and continue", "/study/check/")

    expect(page.locator("#check-lm")).to_contain_text("2D electron microscopy")
    expect(page.locator("#check-lm")).not_to_contain_text("Light microscopy")


def test_change_publication_from_check_returns_there(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/check/")

    page.get_by_role("link", name="Change whether the data is associated with a publication").click()
    expect(page).to_have_url(re.compile(r"/study/publication/\?return=check$"))
    choose(page, "publication", "No")
    continue_to(page, "Continue", "/study/check/")
    expect(page.get_by_role("row", name=re.compile("^Is the image data associated"))).to_contain_text("No")


def test_browser_back_button_mid_wizard(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=javascript_enabled)

    if not javascript_enabled:
        page.go_back()  # to the dataset page as it was first shown
        expect(page).to_have_url(re.compile("/study/datasets/new/$"))
        page.go_back()  # to the datasets list, still empty then, now showing lm
        expect(page).to_have_url(re.compile("/study/datasets/$"))
        expect(page.locator("#dataset-lm")).to_be_visible()
    # With JavaScript the dataset was added in place: the list is one history entry.
    page.go_back()
    expect(page).to_have_url(re.compile("/study/publication/$"))
    expect(page.locator("#question-publication").get_by_label("Yes", exact=True)).to_be_checked()

    # Carrying on from a page reached with the back button works: the URL says which step is answered.
    continue_to(page, "Continue", "/study/datasets/")
    continue_to(page, "Continue", "/study/check/")
    expect(page.locator("#check-lm")).to_be_visible()


def test_htmx_swaps_pages_in_place_and_shows_each_steps_url(js_page: Page):
    page = js_page
    study_start(page)
    page.evaluate("window.loadedOnce = true")

    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=True)
    dataset_add(page, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}, javascript=True)
    expect(page).to_have_title("The datasets in your study – depositwizard")

    page.get_by_role("button", name="Remove sxt").click()
    expect(page.locator("#dataset-sxt")).to_have_count(0)
    expect(page.locator("#dataset-count")).to_have_text("You have added 1 dataset.")
    expect(page.locator("#dataset-count")).to_be_focused()
    expect(page).to_have_url(re.compile("/study/datasets/$"))

    assert page.evaluate("window.loadedOnce") is True  # no page load since the first step


def test_follow_ups_swap_in_when_a_modality_is_chosen(js_page: Page):
    page = js_page
    study_start(page)
    page.get_by_role("link", name="Add a dataset").click()
    expect(page.locator("#question-em_method")).to_have_count(0)

    choose(page, "modality", "Electron microscopy")
    expect(page.locator("#question-em_method")).to_be_visible()
    choose(page, "em_method", "Cryo-electron tomography (cryo-ET)")
    expect(page.locator("#question-tilt_series")).to_be_visible()
    expect(page.locator("#question-tomograms")).to_be_visible()

    choose(page, "modality", "Spatial omics")
    expect(page.locator("#question-em_method")).to_have_count(0)
    expect(page.locator("#question-omics_type")).to_be_visible()
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#dataset-editor #question-omics_type")).to_be_visible()
    expect(page).to_have_url(re.compile("/study/datasets/$"))


def test_validation_errors_focus_the_error_summary(page, javascript_enabled):
    study_start(page)
    page.get_by_role("link", name="Add a dataset").click()
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    if javascript_enabled:
        expect(summary).to_be_focused()  # in the dataset's form, open in place under the list
    else:
        expect(page).to_have_title(re.compile("^Error: Add a dataset"))
    summary.get_by_role("link", name="Enter a short label for the dataset").click()
    if javascript_enabled:
        expect(page.get_by_label("Give the dataset a short label")).to_be_focused()


def test_errors_on_a_whole_page_swapped_by_htmx_update_the_title(js_page: Page):
    page = js_page
    study_start(page)
    page.goto("/study/datasets/new/")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_title(re.compile("^Error: Add a dataset"))
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page).to_have_url(re.compile("/study/datasets/new/$"))


def test_correlations_groups_show_only_after_yes_and_enter_continues(page, javascript_enabled):
    study_start(page)
    dataset_add(page, {"id": "lm", "modality": "light_microscopy"}, javascript=javascript_enabled)
    dataset_add(page, {"id": "em", "modality": "electron_microscopy", "em_method": "2d"}, javascript=javascript_enabled)
    continue_to(page, "Continue", "/study/correlations/")

    choose(page, "correlated", "No")
    expect(page.locator("#question-group_1")).to_be_hidden()
    choose(page, "correlated", "Yes")
    expect(page.locator("#question-group_1")).to_be_visible()
    choose(page, "group_1", "lm")
    choose(page, "group_1", "em")
    page.locator("#question-group_1").get_by_label("em", exact=True).press("Enter")

    expect(page).to_have_url(re.compile("/study/check/$"))
    expect(page.get_by_role("row", name=re.compile("^Correlative group 1"))).to_contain_text("lm, em")


def test_the_steps_continue_button_waits_while_a_datasets_form_is_open(js_page: Page):
    page = js_page
    study_start(page)
    page.get_by_role("link", name="Add a dataset").click()
    expect(page.locator("#dataset-editor form")).to_be_visible()
    expect(page.get_by_role("button", name="Continue", exact=True)).to_be_hidden()
    page.get_by_role("link", name="Cancel").click()
    expect(page.locator("#dataset-editor form")).to_have_count(0)
    expect(page.get_by_role("button", name="Continue", exact=True)).to_be_visible()
