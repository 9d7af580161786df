"""Each question asked once, in the fewest words, in Chromium with JavaScript on and off: a follow-up's caption
names what it is for in a few words, and only without JavaScript (with it, the reveal says so); the controlled
access of human sequencing reads is asked right under the consent it completes, and only after a "yes"."""

import re

import pytest
from playwright.sync_api import Page, expect

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import EM_METHOD, MODALITY, OMICS_TYPE
from tests.browser.journeys import choose, group_open, plan_get, study_start
from wizard import content

pytestmark = pytest.mark.django_db(transaction=True)

CAPTIONS = {
    "tilt_series": "For cryo-ET",
    "atomic_model": "For single-particle cryo-EM or cryo-ET or microED",
    "human_data_open": "For human samples",
    "human_controlled_access": "If yes above, for human sequencing reads",
}
CAPTION_MOST_WORDS = 7


def human_visium_up_to_consent(page: Page) -> None:
    study_start(page)
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill("visium")
    choose(page, "modality", MODALITY.label("spatial_omics"))
    group_open(page, "omics_type")
    choose(page, "omics_type", OMICS_TYPE.label("transcriptomics"))
    choose(page, "omics_repository_fits", "Yes")
    choose(page, "medical_imaging", "No")
    choose(page, "human_tissue", "Yes")


def test_captions_name_what_a_follow_up_is_for_briefly_and_only_without_javascript(page, javascript_enabled):
    study_start(page)
    page.get_by_label(DATASET_QUESTIONS_BY_FIELD["id"].text).fill("tomo")
    choose(page, "modality", MODALITY.label("electron_microscopy"))
    group_open(page, "em_method")
    choose(page, "em_method", EM_METHOD.label("cryo_et"))
    choose(page, "human_tissue", "Yes")

    for field, caption in CAPTIONS.items():
        shown = page.locator(f"#question-{field} .conditional__caption")
        expect(shown).to_have_text(caption)
        assert len(caption.split()) <= CAPTION_MOST_WORDS
        if javascript_enabled:
            expect(shown).to_be_hidden()
        else:
            expect(shown).to_be_visible()
    # The question that follows is shown either way: with JavaScript its reveal says what it is for.
    expect(page.locator("#question-tilt_series legend")).to_be_visible()
    expect(page.locator("#question-human_data_open legend")).to_be_visible()


def test_controlled_access_is_asked_right_under_the_consent_it_completes(page, javascript_enabled):
    human_visium_up_to_consent(page)
    consent = page.locator("#question-human_data_open")
    controlled = page.locator("#question-human_controlled_access")

    choose(page, "human_data_open", "Yes")
    expect(controlled).to_be_visible()
    consent_box, controlled_box = consent.bounding_box(), controlled.bounding_box()
    # Directly below it, one step further in: the second half of the same answer.
    assert 0 <= controlled_box["y"] - (consent_box["y"] + consent_box["height"]) <= 40
    assert controlled_box["x"] > consent_box["x"]
    assert (
        page.evaluate("() => document.getElementById('question-human_data_open').nextElementSibling.id")
        == "question-human_controlled_access"
    )

    choose(page, "human_data_open", "No")
    if javascript_enabled:
        # Without consent the reads stay under controlled access whatever is answered: not asked.
        expect(controlled).to_be_hidden()
    else:
        expect(controlled.locator(".conditional__caption")).to_have_text(CAPTIONS["human_controlled_access"])


def test_without_consent_the_reads_go_to_the_ega_and_controlled_access_is_never_asked(page):
    human_visium_up_to_consent(page)
    choose(page, "human_data_open", "No")
    page.get_by_role("button", name="Save and continue", exact=True).click()
    expect(page).to_have_url(re.compile("/study/check/$"))
    expect(page.get_by_text(content.SHORT_NAMES["human_controlled_access"])).to_have_count(0)

    result = plan_get(page)

    (visium,) = result.answers["datasets"]
    assert "human_controlled_access" not in visium
    assert [deposition["archive"] for deposition in result.plan["depositions"]] == ["ega"]
