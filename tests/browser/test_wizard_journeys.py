"""Complete journeys through the wizard in Chromium, ending on the plan, and the page loads each one costs.

The journeys of one and of five datasets run with JavaScript on (htmx) and off: they walk every kind of wizard page
in both modes and count the page loads of each. The others prove which plan a study gets, which does not depend on
the mode: they run with JavaScript on only."""

import re

import pytest
from playwright.sync_api import expect

from policy.models import Result
from tests.browser.journeys import (
    PageLoads,
    continue_to,
    correlations_answer,
    datasets_add,
    linking_in_step,
    plan_get,
    step_titles,
    study_start,
)
from tests.builders import CRYO_ET, FIB_SEM, LM, MRI, VISIUM

pytestmark = pytest.mark.django_db(transaction=True)

# Most page loads a depositor waits for, from the start page to the plan: today's counts (docs/wizard.md), within
# the targets of at most 3 with JavaScript, 5 without for one dataset and 14 without for five.
PAGE_LOADS = {
    ("one light-microscopy dataset", "js"): 3,
    ("one light-microscopy dataset", "nojs"): 5,
    ("five datasets", "js"): 3,
    ("five datasets", "nojs"): 10,
}


def test_single_light_microscopy_dataset(page, javascript_enabled):
    loads = PageLoads(page)
    study_start(page)
    datasets_add(page, [{"id": "confocal", "modality": "light_microscopy"}], next_path="/study/check/")
    expect(page.locator("#check-confocal")).to_contain_text("Light microscopy")

    result = plan_get(page)

    assert result.answers == {
        "answers_version": 4,
        "publication": True,
        "datasets": [
            {"id": "confocal", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": False}
        ],
    }
    assert step_titles(page) == ["1. BioImage Archive: deposit confocal"]
    mode = "js" if javascript_enabled else "nojs"
    assert loads.count <= PAGE_LOADS[("one light-microscopy dataset", mode)], loads.count


def test_five_datasets_correlated_cryo_et_omics_and_patient_data(page, javascript_enabled):
    loads = PageLoads(page)
    study_start(page)
    datasets_add(page, [LM, FIB_SEM, CRYO_ET, VISIUM, MRI], next_path="/study/correlations/")
    correlations_answer(page, [["lm", "fib-sem"]])
    expect(page.locator("#check-mri")).to_contain_text("Cannot be deposited")

    result = plan_get(page)

    assert result.answers["correlations"] == [["fib-sem", "lm"]]
    assert [item["dataset"] for item in result.plan["not_accepted"]] == ["mri"]
    assert "1. ArrayExpress: deposit visium" in step_titles(page)
    mode = "js" if javascript_enabled else "nojs"
    assert loads.count <= PAGE_LOADS[("five datasets", mode)], loads.count


def test_correlative_light_and_fib_sem(js_page):
    page = js_page
    study_start(page)
    datasets_add(page, [LM, FIB_SEM], next_path="/study/correlations/")
    correlations_answer(page, [["lm", "fib-sem"]])
    expect(page.get_by_role("row", name=re.compile("^Correlative group 1"))).to_contain_text("lm, fib-sem")

    result = plan_get(page)

    assert result.answers["correlations"] == [["fib-sem", "lm"]]
    # Rule 3 and note 3.3: the FIB-SEM stack to EMPIAR, the light microscopy and the correlation to the BIA.
    assert step_titles(page) == ["1. EMPIAR: deposit fib-sem", "2. BioImage Archive: deposit lm"]
    assert linking_in_step(page, 2) == ["Correlation information", "Accession cross-reference"]
    assert ("bia", "correlation") in [(link["archive"], link["kind"]) for link in result.plan["linking"]]


def test_cryo_et_spatial_transcriptomics_and_patient_data(js_page):
    page = js_page
    study_start(page)
    datasets_add(page, [CRYO_ET, VISIUM, MRI], next_path="/study/correlations/")
    correlations_answer(page, [])
    expect(page.locator("#check-mri")).to_contain_text("Cannot be deposited")

    result = plan_get(page)

    # Omics first, EMDB before EMPIAR; note 2: representative tomograms to EMDB, tilt series and the rest to
    # EMPIAR; spatial omics: sequencing data to ArrayExpress, images to the BIA; patient data nowhere.
    assert step_titles(page) == [
        "1. ArrayExpress: deposit visium",
        "2. EMDB: deposit cryo-et",
        "3. EMPIAR: deposit cryo-et",
        "4. BioImage Archive: deposit visium",
        "mri: not accepted at EBI",
    ]
    assert linking_in_step(page, 3) == ["Accession cross-reference"]
    assert linking_in_step(page, 4) == ["Image–omics link"]
    assert [item["dataset"] for item in result.plan["not_accepted"]] == ["mri"]
    expect(page.locator(".lead")).to_contain_text("mri cannot be deposited at EBI")


def test_all_medical_imaging_imaging_ends_on_the_contact_page(js_page):
    page = js_page
    study_start(page)
    datasets_add(page, [{"id": "ct", "modality": "other", "medical_imaging": True}], next_path="/study/check/")
    continue_to(page, "Get your deposition plan", "/study/cannot-deposit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nothing of this study can be deposited at EMBL-EBI")
    expect(page.get_by_role("link", name="image-presubmission@ebi.ac.uk").first).to_be_visible()
    assert not Result.objects.exists()
