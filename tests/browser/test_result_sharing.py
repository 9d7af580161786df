"""A plan's link, copied from its page, shows the same plan to someone else with no session."""

import pytest
from playwright.sync_api import expect

from tests.policy.conftest import FULL_STUDY

pytestmark = pytest.mark.django_db(transaction=True)


def plan_store(page) -> dict:
    response = page.request.post("/api/v1/plans", data=FULL_STUDY)
    assert response.status == 201
    return response.json()


def plan_as_read(page) -> dict:
    """What a reader sees of the plan: the checklist headings, every reason and the picture's words."""
    return {
        "steps": page.locator(".checklist__title").all_inner_texts(),
        "reasons": page.locator(".reason").all_inner_texts(),
        "picture": page.locator("#plan-picture-desc").text_content(),
        "refused": page.locator("#not-accepted").inner_text(),
    }


def test_a_copied_link_opens_the_same_plan_in_a_fresh_browser(browser, js_page, live_server):
    js_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    stored = plan_store(js_page)
    js_page.goto(stored["url"])
    original = plan_as_read(js_page)

    js_page.get_by_role("button", name="Copy link").click()
    expect(js_page.get_by_role("status")).to_have_text("Link copied.")
    copied = js_page.evaluate("navigator.clipboard.readText()")

    assert copied == stored["url"]
    assert original["steps"][0] == "1. ArrayExpress: visium"
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
    expect(page.locator("svg.plan-picture__svg")).to_be_visible()
