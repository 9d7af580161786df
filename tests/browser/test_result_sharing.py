"""A plan made through the wizard, its link copied from its page, shows the same plan to someone else with no
session."""

import re

import pytest
from playwright.sync_api import expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, PUBLICATION
from policy.engine.vocabulary import MODALITY
from tests.policy.conftest import FULL_STUDY
from wizard.content import STEP_TITLES

pytestmark = pytest.mark.django_db(transaction=True)


def plan_store(page) -> dict:
    response = page.request.post("/api/v1/plans", data=FULL_STUDY)
    assert response.status == 201
    return response.json()


def plan_through_the_wizard(page) -> None:
    """One light-microscopy dataset, answered as a depositor would, ending on the result page."""
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("group", name=PUBLICATION.text).get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill("confocal")
    page.get_by_label(MODALITY.label("light_microscopy")).check()
    page.get_by_role("group", name=DATASET_QUESTIONS_BY_FIELD["medical_imaging"].text).get_by_label("No").check()
    page.get_by_role("group", name=DATASET_QUESTIONS_BY_FIELD["human_tissue"].text).get_by_label("No").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("h1")).to_have_text(STEP_TITLES["check"])
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page).to_have_url(re.compile(r"/r/[A-Za-z0-9_-]{22}/$"))


def plan_as_read(page) -> dict:
    """What a reader sees of the plan: its steps, every reason, the picture's words and the answers."""
    return {
        "steps": page.locator(".task-list__link").all_inner_texts(),
        "reasons": page.locator(".reason").all_text_contents(),
        "picture": page.locator("#plan-picture-desc-wide").text_content(),
        "answers": page.locator("#answers .summary-card").all_text_contents(),
    }


def test_a_copied_link_opens_the_same_plan_in_a_fresh_browser(browser, js_page, live_server):
    js_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    plan_through_the_wizard(js_page)
    original = plan_as_read(js_page)

    js_page.get_by_role("button", name="Copy link").click()
    expect(js_page.get_by_role("status")).to_have_text("Link copied.")
    copied = js_page.evaluate("navigator.clipboard.readText()")

    assert copied == js_page.url
    assert original["steps"][0] == "1. BioImage Archive: deposit confocal"
    stranger = browser.new_context()
    try:
        assert stranger.cookies() == []
        page = stranger.new_page()
        page.goto(copied)
        expect(page).to_have_title("Your deposition plan – depositwizard")
        assert plan_as_read(page) == original
    finally:
        stranger.close()


def test_without_javascript_the_link_is_shown_and_copy_is_not_offered(page, javascript_enabled):
    stored = plan_store(page)

    page.goto(stored["url"])

    expect(page.locator("[data-share-link]")).to_have_text(stored["url"])
    expect(page.get_by_role("button", name="Copy link")).to_be_visible(visible=javascript_enabled)
    expect(page.locator("svg.plan-picture__svg--wide")).to_be_visible()
    expect(page.locator(".step--refused")).to_contain_text("scan cannot be deposited at EBI")
