"""CSRF in the browser: every form that posts carries Django's token, and so does every htmx request."""

import pytest
from playwright.sync_api import expect

from policy.engine.vocabulary import MODALITY
from tests.browser.test_accessibility import STATES, on_dataset_new
from tests.browser.test_wizard_journeys import choose

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
    on_dataset_new(page)
    token = page.locator("#dataset-editor input[name=csrfmiddlewaretoken]").input_value()
    with page.expect_request(lambda request: request.method == "POST") as posted:
        choose(page, "modality", MODALITY.label("electron_microscopy"))
    request = posted.value
    assert request.headers.get("hx-request") == "true"
    assert request.headers.get("x-csrftoken") == token
    expect(page.locator("#question-em_method")).to_be_visible()  # the server accepted it
