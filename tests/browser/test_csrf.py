"""CSRF in the browser: every form that posts carries Django's token, and so does every htmx request."""

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import study_start
from tests.browser.states import STATES

pytestmark = pytest.mark.django_db(transaction=True)

POST_FORMS_WITHOUT_TOKEN = """() => Array.from(document.querySelectorAll("form"))
    .filter((form) => form.method.toLowerCase() === "post")
    .filter((form) => !form.querySelector("input[name=csrfmiddlewaretoken]"))
    .map((form) => form.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("state", [state for state in STATES if "error" not in state])
def test_every_form_that_posts_carries_the_csrf_token(checked_page, state):
    STATES[state](checked_page)
    assert checked_page.evaluate(POST_FORMS_WITHOUT_TOKEN) == []


def test_htmx_requests_carry_the_csrf_token_in_a_header(checked_page):
    page = checked_page
    study_start(page)
    page.goto("/study/datasets/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    with page.expect_request(lambda request: request.method == "POST") as posted:
        page.get_by_role("button", name="Continue").click()
    request = posted.value
    assert request.headers.get("hx-request") == "true"
    assert request.headers.get("x-csrftoken") == token
    expect(page.locator(".error-summary")).to_contain_text("Add at least one dataset")  # the server accepted it
