"""Every step's "why" explains all of it, as a depositor reads the plan in Chromium with JavaScript on and off: a
step holding several datasets names each of them in a sentence of its own (the BioImage Archive step holding light
microscopy, the Visium images and their correlation), and the EGA step says that it is about consent."""

import re

import pytest
from playwright.sync_api import Page

from tests.browser.journeys import correlations_answer, datasets_add, plan_get, study_start
from tests.builders import FIB_SEM, HUMAN_VISIUM, LM

pytestmark = pytest.mark.django_db(transaction=True)

HUMAN_VISIUM_CORRELATED = [LM, FIB_SEM, HUMAN_VISIUM]


def why_of(page: Page, number: int) -> str:
    """The step's why as shown: its sentence about the whole step, then one for each part (a list)."""
    texts = page.locator(f"#step-{number} .step__why, #step-{number} .step__why-parts").all_inner_texts()
    return re.sub(r"\s+", " ", " ".join(texts)).strip()


def test_every_steps_why_names_each_of_its_datasets_and_the_ega_step_says_consent(page):
    study_start(page)
    datasets_add(page, HUMAN_VISIUM_CORRELATED, next_path="/study/correlations/")
    correlations_answer(page, [["fib-sem", "lm", "visium"]])
    result = plan_get(page)

    steps = result.plan["depositions"]
    assert page.locator(".step__why").count() >= len(steps)
    for number, step in enumerate(steps, start=1):
        why = why_of(page, number)
        assert why.startswith("Why:"), why
        if len(step["datasets"]) > 1:
            for dataset in {dataset for content in step["contents"] for dataset in content["datasets"]}:
                assert re.search(rf"(^|\W){re.escape(dataset)}(\W|$)", why), (dataset, why)
        else:
            # A step of one dataset names it in its title; its why says what explains its data.
            (dataset,) = step["datasets"]
            assert dataset in page.locator(f"#step-{number}-title").inner_text()
    bia = next(number for number, step in enumerate(steps, start=1) if step["key"] == "bia-imaging")
    assert page.locator(f"#step-{bia} .step__why-parts li").count() == 3
    ega = next(number for number, step in enumerate(steps, start=1) if step["archive"] == "ega")
    assert "consent" in why_of(page, ega)
