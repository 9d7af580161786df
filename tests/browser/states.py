"""Every page and state of the site a depositor can be in, each reached as a person would (JavaScript on): the
accessibility and CSRF tests visit them all."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from policy.engine.vocabulary import EM_METHOD, MODALITY
from policy.results import result_create
from tests.browser.journeys import (
    choose,
    correlations_answer,
    dataset_add,
    dataset_add_in_another_window,
    dataset_fill,
    datasets_add,
    plan_get,
    study_start,
)
from tests.builders import FIB_SEM, HUMAN_VISIUM, LM


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
    page.goto("/study/datasets/")


def on_datasets_with_error(page: Page) -> None:
    on_datasets_empty(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_dataset_new(page: Page) -> None:
    """The first dataset's page, as "Continue" on the publication question opens it."""
    study_start(page)


def on_dataset_new_with_errors(page: Page) -> None:
    on_dataset_new(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_dataset_another(page: Page) -> None:
    """Another dataset's page, the list of those added above its questions."""
    study_start(page)
    dataset_add(page, LM)


def on_dataset_another_with_errors(page: Page) -> None:
    on_dataset_another(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def dataset_follow_ups_with_errors(modality: str, **answers: str) -> Callable[[Page], None]:
    """The dataset page with a modality's follow-up questions revealed and left unanswered, then submitted."""

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
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")
    page.goto("/study/datasets/")


def on_correlations(page: Page) -> None:
    study_start(page)
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")


def on_correlations_yes(page: Page) -> None:
    on_correlations(page)
    choose(page, "correlated", "Yes")
    expect(page.locator("#question-group_1")).to_be_visible()


def on_correlations_with_error(page: Page) -> None:
    on_correlations(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_correlations_group_with_error(page: Page) -> None:
    on_correlations_yes(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_correlations_asked_again(page: Page) -> None:
    """A dataset added after the correlations were answered: the question again, saying why."""
    on_correlations(page)
    correlations_answer(page, [["lm", "fib-sem"]])
    page.goto("/study/datasets/new/")
    dataset_add(page, {"id": "mri", "modality": "other", "medical_imaging": True}, then="Save and add another dataset")
    dataset_add(page, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}, then="Save and continue")
    expect(page).to_have_url(re.compile("/study/correlations/$"))
    expect(page.locator("#correlations-why")).to_contain_text("you added sxt")


def on_correlations_asked_again_after_a_stale_check(page: Page) -> None:
    """ "Get your deposition plan" in a window whose study another window changed: the question now due, saying why
    no plan was made."""
    on_correlations(page)
    correlations_answer(page, [])
    dataset_add_in_another_window(page, {"id": "late", "modality": "other"}, next_path="/study/correlations/")
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page.locator("[data-notification]")).to_contain_text("no plan was made")


def on_datasets_remove_question(page: Page) -> None:
    """ "Remove" in the list of the datasets step: the question under the dataset's row."""
    on_check(page)
    page.goto("/study/datasets/")
    page.get_by_role("link", name="Remove lm").click()
    expect(page.get_by_role("heading", name="Are you sure you want to remove lm?")).to_be_focused()


def on_dataset_remove_page(page: Page) -> None:
    """ "Remove" in the list above a new dataset's page: the question on its own page."""
    on_check(page)
    page.goto("/study/datasets/new/")
    page.get_by_role("link", name="Remove lm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove lm?")


def on_datasets_removed(page: Page) -> None:
    on_datasets_remove_question(page)
    page.get_by_role("button", name="Yes, remove lm").click()
    expect(page.locator("[data-notification]")).to_be_focused()


def on_dataset_reloaded_after_a_refused_save(page: Page) -> None:
    on_dataset_new_with_errors(page)
    page.reload()
    expect(page.locator(".error-summary")).to_be_visible()


def on_dataset_missing(page: Page) -> None:
    study_start(page)
    page.goto("/study/datasets/gone/change/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This dataset is no longer in your study")


def on_dataset_label_taken(page: Page) -> None:
    on_dataset_another(page)
    page.get_by_label("Give the dataset a short label").fill("lm")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#dataset-taken")).to_be_visible()


def on_check(page: Page) -> None:
    on_correlations(page)
    correlations_answer(page, [["lm", "fib-sem"]])


def on_check_answers_changed(page: Page) -> None:
    """A stale "Get your deposition plan": the answers changed in another window since the page was shown."""
    on_check(page)
    page.locator("input[name=check-revision]").evaluate("(input) => { input.value = '0'; }")
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page.locator(".error-summary")).to_be_visible()


def on_study_replaced(page: Page) -> None:
    on_check(page)
    page.locator("input[name=study]").first.evaluate("(input) => { input.value = 'replaced'; }")
    page.get_by_role("button", name="Get your deposition plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This page was of a study you have replaced")


def on_result(page: Page) -> None:
    on_check(page)
    plan_get(page)


def on_result_of_a_study_with_everything(page: Page) -> None:
    """Cryo-ET, spatial omics, a screen and patient data: depositions, links, refusals and notes on one plan."""
    study_start(page)
    datasets = [
        {
            "id": "cryo-et",
            "modality": "electron_microscopy",
            "em_method": "cryo_et",
            "tilt_series": True,
            "tomograms": "many",
        },
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "screen", "modality": "high_content_screening", "screen_type": "genetic"},
        {"id": "mri", "modality": "other", "medical_imaging": True},
    ]
    datasets_add(page, datasets, next_path="/study/correlations/")
    correlations_answer(page, [["cryo-et", "visium"]])
    plan_get(page)


HUMAN_VISIUM_CORRELATED = [LM, FIB_SEM, HUMAN_VISIUM]


def on_dataset_human_reads_consent_and_controlled_access(page: Page) -> None:
    """Human Visium data: the consent's "yes" reveals, right under it, whether the reads must stay controlled."""
    study_start(page)
    dataset_fill(page, HUMAN_VISIUM)
    expect(page.locator("#question-human_controlled_access")).to_be_visible()


def on_result_whose_steps_explain_each_dataset(page: Page) -> None:
    """A BioImage Archive step holding light microscopy, Visium images and their correlation: a why for each."""
    study_start(page)
    datasets_add(page, HUMAN_VISIUM_CORRELATED, next_path="/study/correlations/")
    correlations_answer(page, [["fib-sem", "lm", "visium"]])
    plan_get(page)
    expect(page.locator(".step__why-parts").first).to_be_visible()


def on_dataset_change(page: Page) -> None:
    study_start(page)
    datasets_add(page, [LM], next_path="/study/check/")
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
    datasets_add(page, [{"id": "mri", "modality": "other", "medical_imaging": True}], next_path="/study/check/")
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
    "dataset, first": on_dataset_new,
    "dataset, first, errors": on_dataset_new_with_errors,
    "dataset, another": on_dataset_another,
    "dataset, another, errors": on_dataset_another_with_errors,
    "dataset, electron microscopy, error": dataset_follow_ups_with_errors(MODALITY.label("electron_microscopy")),
    "dataset, cryo-ET, errors": dataset_follow_ups_with_errors(
        MODALITY.label("electron_microscopy"), em_method=EM_METHOD.label("cryo_et")
    ),
    "dataset, X-ray, error": dataset_follow_ups_with_errors(MODALITY.label("xray_imaging")),
    "dataset, spatial omics, errors": dataset_follow_ups_with_errors(MODALITY.label("spatial_omics")),
    "dataset, high-content screen, error": dataset_follow_ups_with_errors(MODALITY.label("high_content_screening")),
    "dataset, human reads, consent and controlled access": on_dataset_human_reads_consent_and_controlled_access,
    "datasets, two": on_datasets_two,
    "dataset page, change": on_dataset_change,
    "correlations": on_correlations,
    "correlations, yes": on_correlations_yes,
    "correlations, error": on_correlations_with_error,
    "correlations, group error": on_correlations_group_with_error,
    "correlations, asked again": on_correlations_asked_again,
    "correlations, asked again after a stale check": on_correlations_asked_again_after_a_stale_check,
    "datasets, remove question": on_datasets_remove_question,
    "dataset, remove page": on_dataset_remove_page,
    "datasets, removed": on_datasets_removed,
    "dataset, reloaded after a refused save": on_dataset_reloaded_after_a_refused_save,
    "dataset no longer in the study": on_dataset_missing,
    "dataset, label taken": on_dataset_label_taken,
    "check your answers": on_check,
    "check your answers, changed in another window": on_check_answers_changed,
    "study replaced in another window": on_study_replaced,
    "result": on_result,
    "result, everything": on_result_of_a_study_with_everything,
    "result, a why for each dataset of a step": on_result_whose_steps_explain_each_dataset,
    "404": on_not_found,
    "unknown result": on_unknown_result,
    "session ended": on_session_ended,
    "cannot deposit": on_cannot_deposit,
    "403 CSRF": on_csrf_failure,
}
