"""How many Tab presses a keyboard user needs from the start page to Check your answers, in Chromium with
JavaScript on and off, for one light-microscopy dataset and one cryo-ET dataset. Without JavaScript every
modality's group of follow-ups is on the page, folded: one link skips them all.
The budgets are what the journeys measured; a page that makes a keyboard user press Tab more fails here."""

import re

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import EM_METHOD, MODALITY
from tests.browser.journeys import DATASET_ADD

pytestmark = pytest.mark.django_db(transaction=True)

# (journey, JavaScript) -> Tab presses from the start page to "Get your deposition plan", as measured. Without
# JavaScript each page load starts at the top (skip link, header, Back: three more than after an htmx swap, which
# focuses the heading), and every follow-up shows: the skip link saves light microscopy three (32 without it).
TABS_MOST = {
    ("light microscopy", True): 20,
    ("light microscopy", False): 29,
    ("cryo-ET", True): 37,
    ("cryo-ET", False): 52,
}
SKIP_ALL = "skip to the questions every dataset answers"
FOCUSED = """() => {
    const element = document.activeElement;
    const label = element.labels && element.labels.length ? element.labels[0].textContent : element.textContent;
    return {id: element.id, name: (label || "").replace(/\\s+/g, " ").trim()};
}"""


class Keyboard:
    def __init__(self, page: Page):
        self.page = page
        self.tabs = 0

    def tab_to(self, *, name: str | None = None, element_id: str | None = None, limit: int = 60) -> None:
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            self.tabs += 1
            focused = self.page.evaluate(FOCUSED)
            if focused["name"] == name or (element_id is not None and focused["id"] == element_id):
                return
        pytest.fail(f"Tab never reached {name or element_id}")

    def answer_no(self, field: str) -> None:
        self.tab_to(element_id=f"id_{field}-0")  # "Yes", the first answer of a yes-or-no question
        self.page.keyboard.press("ArrowDown")


def landed(page: Page, path: str, *, javascript: bool) -> None:
    """On the next page, where Tab starts: after an htmx swap, its heading, which the script focuses once the swap
    has settled (pressing Tab before would start from the top); after a page load, the top."""
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    if javascript:
        page.wait_for_function("() => document.activeElement && document.activeElement.closest('h1') !== null")


def journey(page: Page, *, cryo_et: bool, javascript: bool) -> int:
    keys = Keyboard(page)
    page.goto("/")
    keys.tab_to(name="Start now →")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/study/publication/$"))
    keys.tab_to(element_id="id_publication-publication-0")
    page.keyboard.press("Space")
    keys.tab_to(name="Continue")
    page.keyboard.press("Enter")
    landed(page, DATASET_ADD, javascript=javascript)

    keys.tab_to(name=DATASET_QUESTIONS_BY_FIELD["id"].text)
    page.keyboard.type("tomo" if cryo_et else "lm")
    keys.tab_to(name=MODALITY.label("light_microscopy"))
    if cryo_et:
        page.keyboard.press("ArrowDown")  # electron microscopy
        keys.tab_to(name=f"{MODALITY.label('electron_microscopy')}: more questions")
        if not javascript:
            page.keyboard.press("Enter")
        keys.tab_to(name=EM_METHOD.label("single_particle"))
        page.keyboard.press("ArrowDown")  # cryo-ET
        keys.tab_to(element_id="id_tilt_series-0")
        page.keyboard.press("Space")
        keys.tab_to(element_id="id_tomograms-0")
        page.keyboard.press("ArrowDown")
        for field in ("subtomogram_average", "atomic_model"):
            keys.answer_no(field)
        if not javascript:
            # Asked of several kinds of images (cryo-ET, volume EM, 3D X-ray): in a group of its own, folded.
            keys.tab_to(
                name=f"{MODALITY.label('electron_microscopy')} or {MODALITY.label('xray_imaging')}: more questions"
            )
            page.keyboard.press("Enter")
        keys.tab_to(element_id="id_segmentations-0")  # none
        page.keyboard.press("Space")
    else:
        page.keyboard.press("Space")  # light microscopy
        if not javascript:
            keys.tab_to(name=SKIP_ALL)
            page.keyboard.press("Enter")
    for field in ("medical_imaging", "human_tissue"):
        keys.answer_no(field)
    keys.tab_to(name="Save and continue")
    page.keyboard.press("Enter")
    landed(page, "/study/check/", javascript=javascript)
    keys.tab_to(name="Get your deposition plan")
    return keys.tabs


@pytest.mark.parametrize("cryo_et", [False, True], ids=["light-microscopy", "cryo-et"])
def test_a_keyboard_user_reaches_the_plan_within_the_tab_budget(page, javascript_enabled, cryo_et):
    tabs = journey(page, cryo_et=cryo_et, javascript=javascript_enabled)

    assert tabs <= TABS_MOST[("cryo-ET" if cryo_et else "light microscopy", javascript_enabled)], tabs
