"""WCAG 2.2 AA in real Chromium: axe-core on every page and state, then what axe cannot judge on its own.

`checked_page` (conftest.py) has axe-core and a log of CSP violations in every document it loads.
"""

import itertools
import re

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import EM_METHOD, MODALITY, TOMOGRAMS
from tests.browser.journeys import (
    DATASET_ADD,
    choose,
    continue_to,
    datasets_add,
    plan_get,
)
from tests.browser.states import STATES, on_check, on_publication, on_start
from tests.builders import FIB_SEM, LM
from tests.policy.accession_checks.recorded import ReplayTransport
from tests.policy.conftest import FIVE_DATASET_STUDY

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[str]:
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(
                (violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((n) => n.target)}`
            );
        }""",
        WCAG_TAGS,
    )
    return violations


def heading_levels(page: Page) -> list[int]:
    """The levels of the page's headings in order, but for the error summary's, which GOV.UK puts above the h1."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
            .filter((heading) => !heading.closest(".error-summary"))
            .map((heading) => Number(heading.tagName[1]))"""
    )


def unlabelled_fields(page: Page) -> list[str]:
    """Every visible input, select and textarea has a <label> of its own (radios and checkboxes too)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("input, select, textarea"))
            .filter((field) => field.type !== "hidden")
            .filter((field) => !(field.labels && field.labels.length && field.labels[0].textContent.trim()))
            .map((field) => field.outerHTML.slice(0, 120))"""
    )


def errors_marked_by_colour_only(page: Page) -> list[str]:
    """Every field drawn in the error colour also says so in words ("Error: ..." in its error message)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(".form-group--error, .input--error, .select--error"))
            .filter((marked) => {
                const message = (marked.closest(".form-group") || marked).querySelector(".error-message");
                return !(message && message.textContent.includes("Error:"));
            })
            .map((marked) => marked.id || marked.className)"""
    )


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than its viewport (0: it reflows)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("state", STATES)
def test_every_page_and_state_has_no_wcag_violations(checked_page, state):
    page = checked_page
    STATES[state](page)  # each ends waiting, with expect, on what a person would wait for

    assert axe_violations(page) == []
    assert page.evaluate("() => window.cspViolations") == []
    assert unlabelled_fields(page) == []
    assert errors_marked_by_colour_only(page) == []
    levels = heading_levels(page)
    assert levels[:1] == [1], levels
    assert levels.count(1) == 1, levels
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels
    if page.locator(".error-summary").count():
        assert page.title().startswith("Error: ")
        expect(page.locator(".error-summary")).to_be_focused()

    page.set_viewport_size({"width": 320, "height": 640})
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []


def test_a_person_over_the_result_limit_gets_an_accessible_429_page(checked_page, settings):
    # Per day: django-ratelimit's windows are fixed, and under load the two submits could straddle a minute's end.
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "results": "1/d"}
    page = checked_page
    on_check(page)
    plan_get(page)
    page.go_back()
    expect(page).to_have_url(re.compile("/study/check/$"))
    # Resubmitting the same answers stores nothing new, but it is a request that may: it counts.
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many requests")
    assert axe_violations(page) == []


def test_a_person_past_the_days_new_plans_gets_an_accessible_429_page(checked_page, settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "stored": "1/d"}
    page = checked_page
    # Another plan from the same address (the live server's clients all come from 127.0.0.1) used the day's one.
    stored = page.request.post("/api/v1/plans", data={"datasets": [{"id": "other", "modality": "light_microscopy"}]})
    assert stored.status == 201
    on_check(page)

    page.get_by_role("button", name="Get your deposition plan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Too many new plans from your address today")
    assert axe_violations(page) == []


def test_page_titles_are_unique_per_page(checked_page):
    page = checked_page
    titles = {}
    on_publication(page)
    titles["publication"] = page.title()
    choose(page, "publication", "Yes")
    continue_to(page, "Continue", DATASET_ADD)
    titles["dataset"] = page.title()
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")
    titles["correlations"] = page.title()
    page.goto("/study/datasets/")
    titles["datasets"] = page.title()
    page.goto("/study/datasets/lm/change/")
    titles["dataset change"] = page.title()
    page.goto("/study/correlations/")
    choose(page, "correlated", "No")
    continue_to(page, "Continue", "/study/check/")
    titles["check"] = page.title()
    plan_get(page)
    titles["result"] = page.title()
    for path in ("/", "/no-such-page/", "/study/session-ended/"):
        page.goto(path)
        titles[path] = page.title()
    assert len(set(titles.values())) == len(titles), titles
    assert all(title.endswith(" – depositwizard") for title in titles.values()), titles


def test_axe_reports_violations_where_there_are_some(checked_page):
    """The check above can fail: the same run flags an image without alternative text and an unlabelled field."""
    page = checked_page
    on_start(page)
    page.locator("main").evaluate(
        """(main) => main.insertAdjacentHTML("beforeend", '<img src="/static/css/app.css"><input type="text">')"""
    )
    rules = {violation.split(":")[0] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= rules
    assert unlabelled_fields(page)


# --- Keyboard only ---------------------------------------------------------------------------------------------

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const label = element.labels && element.labels.length ? element.labels[0].textContent : element.textContent;
    return {
        id: element.id,
        tag: element.tagName.toLowerCase(),
        name: (label || "").replace(/\\s+/g, " ").trim(),
        visibleFocus: outlined || style.boxShadow !== "none",
    };
}"""


def tab_to(page: Page, *, name: str | None = None, element_id: str | None = None, limit: int = 80) -> None:
    """Press Tab until the named element has focus; every element passed on the way shows that it has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] != "body":
            assert focused["visibleFocus"], f"no visible focus on {focused}"
        if (name is not None and focused["name"] == name) or (element_id is not None and focused["id"] == element_id):
            return
    pytest.fail(f"Tab never reached {name or element_id}")


def test_a_keyboard_only_journey_from_start_to_result(checked_page):
    page = checked_page
    page.goto("/")
    tab_to(page, name="Start now →")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/study/publication/$"))

    tab_to(page, name="Continue")
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_focused()
    tab_to(page, element_id="id_publication-publication-0")
    page.keyboard.press("Space")
    tab_to(page, name="Continue")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))

    tab_to(page, name=DATASET_QUESTIONS_BY_FIELD["id"].text)
    page.keyboard.type("lm")
    tab_to(page, name=MODALITY.label("light_microscopy"))  # a radio group is one Tab stop: its first answer
    page.keyboard.press("ArrowDown")
    # Choosing a modality reveals its group of follow-up questions, right under it.
    expect(page.locator("#question-em_method")).to_be_visible()
    expect(page.locator("#question-modality").get_by_label(MODALITY.label("electron_microscopy"))).to_be_checked()
    expect(page.locator("[data-reveal-status]")).to_have_text(re.compile("more questions? shown below"))
    tab_to(page, name=f"{MODALITY.label('electron_microscopy')}: more questions")
    tab_to(page, name=EM_METHOD.label("single_particle"))  # the first answer to the revealed question
    page.keyboard.press("ArrowDown")  # within a radio group the arrow keys move, and choose
    expect(page.locator("#question-em_method").get_by_label(EM_METHOD.label("cryo_et"))).to_be_checked()
    expect(page.locator("#question-tomograms")).to_be_visible()
    tab_to(page, element_id="id_tilt_series-0")
    page.keyboard.press("Space")
    tab_to(page, element_id="id_tomograms-0")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#question-tomograms").get_by_label(TOMOGRAMS.label("few"))).to_be_checked()
    for field in ("subtomogram_average", "atomic_model"):
        tab_to(page, element_id=f"id_{field}-0")  # "Yes", the first answer of a yes-or-no question
        page.keyboard.press("ArrowDown")
        expect(page.locator(f"#question-{field}").get_by_label("No", exact=True)).to_be_checked()
    tab_to(page, element_id="id_segmentations-0")  # the first answer: none
    page.keyboard.press("Space")
    expect(page.locator("#id_segmentations-0")).to_be_checked()
    for field in ("medical_imaging", "human_tissue"):
        tab_to(page, element_id=f"id_{field}-0")
        page.keyboard.press("ArrowDown")
        expect(page.locator(f"#question-{field}").get_by_label("No", exact=True)).to_be_checked()
    tab_to(page, name="Save and continue")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/study/check/$"))
    tab_to(page, name="Get your deposition plan")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/r/[A-Za-z0-9_-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Where and how to deposit your images")


FOCUS_STYLE = """(element) => {
    element.focus();
    const style = getComputedStyle(element);
    return {outline: style.outlineStyle + " " + style.outlineWidth, background: style.backgroundColor,
            shadow: style.boxShadow};
}"""


def test_the_focused_error_summary_and_remove_show_their_focus(checked_page):
    page = checked_page
    on_publication(page)
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert summary.evaluate(FOCUS_STYLE)["outline"] == "solid 3px"

    choose(page, "publication", "Yes")
    continue_to(page, "Continue", DATASET_ADD)
    datasets_add(page, [LM], next_path="/study/check/")
    page.goto("/study/datasets/")
    change = page.get_by_role("link", name="Change lm").evaluate(FOCUS_STYLE)
    remove = page.get_by_role("link", name="Remove lm").evaluate(FOCUS_STYLE)
    assert remove == change
    assert change["shadow"] != "none"


def test_accession_checks_beside_the_fields_and_on_their_own_page_are_accessible(checked_page, settings, monkeypatch):
    settings.ACCESSION_CHECKS = True
    replay = ReplayTransport.of_all()
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: replay)
    page = checked_page
    response = page.request.post("/api/v1/plans", data=FIVE_DATASET_STUDY)
    typed = "?emdb%3Acryo-et=EMD-99999&empiar%3Acryo-et=EMPIAR-10002&empiar%3Afib-sem=EMPIAR-12"
    page.goto(response.json()["url"] + typed)
    expect(page.locator("#accession-3-check")).to_contain_text("public since 2016-03-01")
    assert axe_violations(page) == []
    assert page.evaluate("() => window.cspViolations") == []

    page.goto(response.json()["url"] + "kit/accessions/checks/" + typed)  # the page without JavaScript
    expect(page.get_by_role("heading", level=1)).to_have_text("Your accessions, checked with the archives")
    assert axe_violations(page) == []
    assert heading_levels(page)[:1] == [1]
