"""How a dataset's page is laid out in Chromium, with JavaScript on and off: it fits a screen, the follow-ups of how
the images were made come right under it, and it says what a dataset is."""

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS, DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import MODALITY
from tests.browser.journeys import choose, study_start
from wizard import content

pytestmark = pytest.mark.django_db(transaction=True)

# The most a light-microscopy dataset's page may be tall at 1280 px wide: without JavaScript every modality's group
# of follow-ups is there, folded; with it, none is. The seventh answer to "How were these images made?" (data that
# is not images) is a row of answers of its own.
PAGE_HEIGHT_MAX = {True: 1_450, False: 2_500}
EVERY_DATASET = [question.field for question in DATASET_QUESTIONS if not question.asked_when.conditions]


def page_height(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollHeight")


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    return box["y"] + box["height"]


def test_a_light_microscopy_datasets_page_fits_a_screen(page, javascript_enabled):
    page.set_viewport_size({"width": 1280, "height": 800})
    study_start(page)
    expect(page.locator("#dataset-meaning")).to_have_text(content.DATASET_MEANING)
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill("lm")
    choose(page, "modality", MODALITY.label("light_microscopy"))

    height = page_height(page)
    assert height <= PAGE_HEIGHT_MAX[javascript_enabled], height

    # The groups of follow-ups right under how the images were made (shown, with JavaScript, once its modality is
    # chosen), the other questions every dataset answers below them.
    if javascript_enabled:
        choose(page, "modality", MODALITY.label("electron_microscopy"))
    groups = page.locator("details.follow-ups:visible")
    expect(groups.first).to_be_visible()
    assert bottom(page, "#question-modality") <= groups.first.bounding_box()["y"]
    later = [field for field in EVERY_DATASET if field not in ("id", "modality")]
    assert bottom(page, "details.follow-ups:visible >> nth=-1") <= min(
        page.locator(f"#question-{field}").bounding_box()["y"] for field in later
    )
