"""WCAG 2.2 AA in real Chromium: axe-core on every page and state, then what axe cannot judge on its own.

`checked_page` (conftest.py) has axe-core and a log of CSP violations in every document it loads.
"""

import itertools
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import EM_METHOD, MODALITY
from policy.results import result_create
from tests.browser.test_wizard_journeys import choose, continue_to, dataset_add, plan_get, study_start

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LM = {"id": "lm", "modality": "light_microscopy"}
FIB_SEM = {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em"}


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


# --- Pages and states -------------------------------------------------------------------------------------------


def on_start(page: Page) -> None:
    page.goto("/")


def on_publication(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    expect(page).to_have_url(re.compile("/study/publication/$"))


def on_publication_with_error(page: Page) -> None:
    on_publication(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_datasets_empty(page: Page) -> None:
    study_start(page)


def on_datasets_with_error(page: Page) -> None:
    study_start(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_dataset_new(page: Page) -> None:
    """With JavaScript the dataset's questions open in place, under the list."""
    study_start(page)
    page.get_by_role("link", name="Add a dataset").click()
    expect(page.locator("#dataset-editor form")).to_be_visible()


def on_dataset_new_with_errors(page: Page) -> None:
    on_dataset_new(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_dataset_page(page: Page) -> None:
    """The dataset's questions on a page of their own, as without JavaScript."""
    study_start(page)
    page.goto("/study/datasets/new/")


def on_dataset_page_with_errors(page: Page) -> None:
    on_dataset_page(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def dataset_follow_ups_with_errors(modality: str, **answers: str) -> Callable[[Page], None]:
    """The dataset page with a modality's follow-up questions shown and left unanswered, then submitted."""

    def on_page(page: Page) -> None:
        on_dataset_new(page)
        page.get_by_label("Give the dataset a short label").fill("d1")
        choose(page, "modality", modality)
        for field, label in answers.items():
            expect(page.locator(f"#question-{field}")).to_be_visible()
            choose(page, field, label)
        page.get_by_role("button", name="Save and continue").click()
        expect(page.locator(".error-summary")).to_be_visible()

    return on_page


def on_datasets_two(page: Page) -> None:
    study_start(page)
    dataset_add(page, LM, javascript=True)
    dataset_add(page, FIB_SEM, javascript=True)


def on_correlations(page: Page) -> None:
    on_datasets_two(page)
    continue_to(page, "Continue", "/study/correlations/")


def on_correlations_with_error(page: Page) -> None:
    on_correlations(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_correlations_group_with_error(page: Page) -> None:
    on_correlations(page)
    choose(page, "correlated", "Yes")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_check(page: Page) -> None:
    on_correlations(page)
    choose(page, "correlated", "Yes")
    for label in ("lm", "fib-sem"):
        choose(page, "group_1", label)
    continue_to(page, "Continue", "/study/check/")


def on_result(page: Page) -> None:
    on_check(page)
    plan_get(page)


def on_result_of_a_study_with_everything(page: Page) -> None:
    """Cryo-ET, spatial omics, a screen and patient data: depositions, links, refusals and notes on one plan."""
    study_start(page)
    for dataset in (
        {
            "id": "cryo-et",
            "modality": "electron_microscopy",
            "em_method": "cryo_et",
            "tilt_series": True,
            "tomograms": "many",
        },
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "screen", "modality": "high_content_screening", "screen_type": "genetic"},
        {"id": "mri", "modality": "other", "patient_medical": True},
    ):
        dataset_add(page, dataset, javascript=True)
    continue_to(page, "Continue", "/study/correlations/")
    choose(page, "correlated", "Yes")
    for label in ("cryo-et", "visium"):
        choose(page, "group_1", label)
    continue_to(page, "Continue", "/study/check/")
    plan_get(page)


def on_dataset_change(page: Page) -> None:
    study_start(page)
    dataset_add(page, LM, javascript=True)
    page.goto("/study/datasets/lm/change/")


def on_start_with_a_study_in_progress(page: Page) -> None:
    study_start(page)
    page.goto("/")
    expect(page.get_by_role("button", name="Continue your study")).to_be_visible()


def on_prefill_confirmation(page: Page) -> None:
    result, _ = result_create(answers={"datasets": [LM]})
    study_start(page)
    page.goto(f"/study/from/{result.id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Replace the study you are working on?")


def on_policy_text(page: Page) -> None:
    page.goto("/policy/")


def on_not_found(page: Page) -> None:
    page.goto("/no-such-page/")


def on_unknown_result(page: Page) -> None:
    page.goto("/r/AAAAAAAAAAAAAAAAAAAAAA/")


def on_session_ended(page: Page) -> None:
    page.goto("/study/check/")
    expect(page).to_have_url(re.compile("/study/session-ended/$"))


def on_cannot_deposit(page: Page) -> None:
    study_start(page)
    dataset_add(page, {"id": "mri", "modality": "other", "patient_medical": True}, javascript=True)
    continue_to(page, "Continue", "/study/check/")
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page).to_have_url(re.compile("/study/cannot-deposit/$"))


def on_csrf_failure(page: Page) -> None:
    on_publication(page)
    page.locator("input[name=csrfmiddlewaretoken]").evaluate("(input) => { input.value = 'forged'; }")
    choose(page, "publication", "Yes")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answer could not be sent")


STATES = {
    "start": on_start,
    "start, study in progress": on_start_with_a_study_in_progress,
    "policy text": on_policy_text,
    "change answers, study in progress": on_prefill_confirmation,
    "publication": on_publication,
    "publication, error": on_publication_with_error,
    "datasets, none yet": on_datasets_empty,
    "datasets, error": on_datasets_with_error,
    "dataset, in place": on_dataset_new,
    "dataset, in place, errors": on_dataset_new_with_errors,
    "dataset page": on_dataset_page,
    "dataset page, errors": on_dataset_page_with_errors,
    "dataset, electron microscopy, error": dataset_follow_ups_with_errors(MODALITY.label("electron_microscopy")),
    "dataset, cryo-ET, errors": dataset_follow_ups_with_errors(
        MODALITY.label("electron_microscopy"), em_method=EM_METHOD.label("cryo_et")
    ),
    "dataset, X-ray, error": dataset_follow_ups_with_errors(MODALITY.label("xray_imaging")),
    "dataset, spatial omics, errors": dataset_follow_ups_with_errors(MODALITY.label("spatial_omics")),
    "dataset, high-content screen, error": dataset_follow_ups_with_errors(MODALITY.label("high_content_screening")),
    "datasets, two": on_datasets_two,
    "dataset page, change": on_dataset_change,
    "correlations": on_correlations,
    "correlations, error": on_correlations_with_error,
    "correlations, group error": on_correlations_group_with_error,
    "check your answers": on_check,
    "result": on_result,
    "result, everything": on_result_of_a_study_with_everything,
    "404": on_not_found,
    "unknown result": on_unknown_result,
    "session ended": on_session_ended,
    "cannot deposit": on_cannot_deposit,
    "403 CSRF": on_csrf_failure,
}


@pytest.mark.parametrize("state", STATES)
def test_every_page_and_state_has_no_wcag_violations(checked_page, state):
    page = checked_page
    STATES[state](page)
    page.wait_for_load_state("load")

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
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "results": "1/m"}
    page = checked_page
    on_check(page)
    plan_get(page)
    page.go_back()
    expect(page).to_have_url(re.compile("/study/check/$"))
    # Resubmitting the same answers stores nothing new, but it is a request that may: it counts.
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many requests")
    assert axe_violations(page) == []


def test_page_titles_are_unique_per_page(checked_page):
    page = checked_page
    titles = {}
    on_publication(page)
    titles["publication"] = page.title()
    continue_to_after = [("publication", "Yes", "Continue", "/study/datasets/")]
    for field, label, button, path in continue_to_after:
        choose(page, field, label)
        continue_to(page, button, path)
    titles["datasets"] = page.title()
    page.goto("/study/datasets/new/")
    titles["dataset"] = page.title()
    page.goto("/study/datasets/")
    dataset_add(page, LM, javascript=True)
    dataset_add(page, FIB_SEM, javascript=True)
    continue_to(page, "Continue", "/study/correlations/")
    titles["correlations"] = page.title()
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
    expect(page).to_have_url(re.compile("/study/datasets/$"))

    tab_to(page, name="Add a dataset")
    page.keyboard.press("Enter")
    expect(page.locator("#dataset-editor form")).to_be_visible()
    tab_to(page, name=DATASET_QUESTIONS_BY_FIELD["id"].text)
    page.keyboard.type("lm")
    tab_to(page, name=MODALITY.label("light_microscopy"))
    page.keyboard.press("Space")
    # Choosing a modality swaps in its follow-up questions: a person sees them appear before moving on.
    page.wait_for_load_state("networkidle")
    tab_to(page, name="Yes")  # the first answer to the next question, whether this is medical imaging of patients
    page.keyboard.press("ArrowDown")  # within a radio group the arrow keys move, and choose
    expect(page.locator("#question-patient_medical").get_by_label("No", exact=True)).to_be_checked()
    page.keyboard.press("Tab")  # into the next radio group: whether the images show human samples
    page.keyboard.press("ArrowDown")
    expect(page.locator("#question-human_tissue").get_by_label("No", exact=True)).to_be_checked()
    tab_to(page, name="Save and continue")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/study/datasets/$"))

    tab_to(page, name="Continue")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/study/check/$"))
    tab_to(page, name="Get your deposition plan")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/r/[A-Za-z0-9_-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Where and how to deposit your images")
