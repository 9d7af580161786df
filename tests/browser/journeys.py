"""A depositor's moves in Chromium, shared by the browser tests: each waits for what a person would see.

Never a sleep or `networkidle` (which returns at once on an idle page, so it waits for nothing after an htmx swap):
each step waits with `expect` on the URL or the element the person is waiting for.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, questions_asked_for
from policy.models import Result
from tests.builders import NO_BY_DEFAULT, methods_answered

DATASET_ADD = "/study/datasets/new/"


def answer_label(field: str, value: Any) -> str:
    question = DATASET_QUESTIONS_BY_FIELD[field]
    if question.kind == "boolean":
        return "Yes" if value else "No"
    return question.enumeration.label(value)


def choose(page: Page, field: str, label: str) -> None:
    page.locator(f"#question-{field}").get_by_label(label, exact=True).check()


def continue_to(page: Page, button: str, path: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def study_start(page: Page, *, publication: bool = True) -> None:
    """From the start page to the first dataset's page."""
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    expect(page).to_have_url(re.compile("/study/publication/$"))
    choose(page, "publication", "Yes" if publication else "No")
    continue_to(page, "Continue", DATASET_ADD)


def group_open(page: Page, field: str) -> None:
    """Without JavaScript a modality's follow-ups are folded under its name: open the group, as a person would.
    (With JavaScript choosing the modality has opened it.)"""
    group = page.locator(f"details.follow-ups:has(#question-{field})")
    if group.count() and not group.evaluate("(details) => details.open"):
        group.locator(":scope > summary").click()
        expect(group).to_have_attribute("open", "")


def dataset_fill(page: Page, dataset: Mapping[str, Any]) -> None:
    """Answer a dataset's page as a depositor would: each follow-up as it is revealed (with JavaScript), or among
    all of them (without), under the answer it follows."""
    dataset = methods_answered({**dict.fromkeys(NO_BY_DEFAULT, False), **dataset})
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill(dataset["id"])
    for question in questions_asked_for(dataset):
        if question.field == "id":
            continue
        block = page.locator(f"#question-{question.field}")
        group_open(page, question.field)
        expect(block).to_be_visible()
        choose(page, question.field, answer_label(question.field, dataset[question.field]))


def dataset_add(page: Page, dataset: Mapping[str, Any], *, then: str = "Save and add another dataset") -> None:
    """Add a dataset on its page (/study/datasets/new/, opened from the list when it is not open yet)."""
    if not re.search(re.escape(DATASET_ADD) + "$", page.url):
        page.get_by_role("link", name=re.compile("^Add (a|another) dataset$")).click()
        expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))
    dataset_fill(page, dataset)
    page.get_by_role("button", name=then, exact=True).click()
    if then == "Save and add another dataset":
        expect(page.locator(f"#dataset-{dataset['id']}")).to_be_visible()
        expect(page).to_have_url(re.compile(re.escape(DATASET_ADD) + "$"))


def datasets_add(page: Page, datasets: Sequence[Mapping[str, Any]], *, next_path: str) -> None:
    """Every dataset of a study, one page each, the last one's "Save and continue" going on to `next_path`."""
    for dataset in datasets[:-1]:
        dataset_add(page, dataset)
    dataset_add(page, datasets[-1], then="Save and continue")
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))


def correlations_answer(page: Page, groups: list[list[str]]) -> None:
    choose(page, "correlated", "Yes" if groups else "No")
    for number, group in enumerate(groups, start=1):
        if page.locator(f"#question-group_{number}").count() == 0:
            page.get_by_role("button", name="Add another group").click()
            expect(page.locator(f"#question-group_{number}")).to_be_visible()
        for label in group:
            choose(page, f"group_{number}", label)
    continue_to(page, "Continue", "/study/check/")


def second_window(page: Page):
    """Another tab of the same browser: a context holding the same cookies, so the same session and study."""
    other = page.context.browser.new_context(
        storage_state=page.context.storage_state(), base_url=page.url.split("/study/")[0]
    )
    return other, other.new_page()


def dataset_add_in_another_window(page: Page, dataset: Mapping[str, Any], *, next_path: str) -> None:
    """Another tab of the same study adds a dataset ("Save and continue", on to `next_path`)."""
    other, tab_b = second_window(page)
    try:
        tab_b.goto(DATASET_ADD)
        dataset_add(tab_b, dataset, then="Save and continue")
        expect(tab_b).to_have_url(re.compile(re.escape(next_path) + "$"))
    finally:
        other.close()


def plan_get(page: Page) -> Result:
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page).to_have_url(re.compile("/r/[A-Za-z0-9_-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Where and how to deposit your images")
    return Result.objects.get(pk=page.url.rstrip("/").rsplit("/", 1)[1])


def step_titles(page: Page) -> list[str]:
    """The plan's steps as its task list names them."""
    return [re.sub(r"\s+", " ", title).strip() for title in page.locator(".task-list__link").all_inner_texts()]


def linking_in_step(page: Page, number: int) -> list[str]:
    """The kinds of linking a step does, as its "Link" row names them."""
    return [label.rstrip(":") for label in page.locator(f"#step-{number} .step__link-kind").all_inner_texts()]


class PageLoads:
    """Counts the main frame's document loads (a redirect and the page it leads to are one load; an htmx swap
    is none), as a depositor waits for them."""

    def __init__(self, page: Page):
        self.count = 0
        page.on("response", self._seen)
        self._main_frame = page.main_frame

    def _seen(self, response) -> None:
        request = response.request
        if (
            request.resource_type == "document"
            and request.frame == self._main_frame
            and not 300 <= response.status < 400
        ):
            self.count += 1
