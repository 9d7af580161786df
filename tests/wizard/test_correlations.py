"""Correlative groups: asked for two or more datasets, the groups revealed by "Yes"."""

import pytest

from policy.engine.vocabulary import TOMOGRAMS
from tests.builders import CRYO_ET, FIB, LM, MRI, SXT
from tests.wizard.journeys import (
    correlations_answer,
    dataset_post,
    form_post,
    step_post,
    study_started,
    text,
)

pytestmark = pytest.mark.django_db


def test_correlations_are_asked_only_for_two_or_more_datasets(client):
    study_started(client, datasets=[LM])
    assert step_post(client, "datasets")["Location"] == "/study/check/"
    dataset_post(client, FIB)
    assert step_post(client, "datasets")["Location"] == "/study/correlations/"


def test_the_groups_name_each_dataset_with_how_it_was_made_and_wait_for_yes(client):
    study_started(client, datasets=[LM, FIB])
    page = text(client.get("/study/correlations/"))
    assert "registered together" in page
    assert 'value="lm"' in page
    assert "Electron microscopy, Volume EM" in page
    assert 'class="conditional correlation-groups conditional--hidden"' in page
    assert 'data-reveal-when="correlations-correlated=yes"' in page
    assert '<p class="conditional__caption">If yes</p>' in page


def test_a_datasets_hint_says_how_it_was_made_not_how_much_of_it_there_is(client):
    study_started(client, datasets=[LM, CRYO_ET])
    page = text(client.get("/study/correlations/"))
    assert "Electron microscopy, Cryo-electron tomography (cryo-ET)</div>" in page
    assert TOMOGRAMS.label(CRYO_ET["tomograms"]) not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select yes if any of these datasets"),
        ({"correlations-correlated": "yes"}, "Tick at least two datasets"),
        ({"correlations-correlated": "yes", "correlations-group_1": ["lm"]}, "needs at least two datasets"),
        ({"correlations-correlated": "yes", "correlations-group_1": ["lm", "ghost"]}, "Tick only the datasets listed"),
        ({"correlations-correlated": "perhaps"}, "Select one of the options offered"),
    ],
)
def test_correlations_bad_input(client, data, message):
    study_started(client, datasets=[LM, FIB])
    response = step_post(client, "correlations", data)
    assert response.status_code == 200
    assert message in text(response)


def test_add_another_group_and_overlapping_groups(client):
    study_started(client, datasets=[LM, FIB, SXT])
    response = step_post(
        client,
        "correlations",
        {"correlations-correlated": "yes", "correlations-group_1": ["lm", "fib"], "correlations-add_group": "1"},
    )
    assert response.status_code == 200
    assert "Correlative group 2" in text(response)
    assert "error-summary" not in text(response)
    assert "<title>Error" not in text(response)
    assert "correlations" not in client.session["study"]["answers"]
    assert correlations_answer(client, [["lm", "fib"], ["lm", "sxt"]])["Location"] == "/study/check/"
    assert client.session["study"]["answers"]["correlations"] == [["lm", "fib"], ["lm", "sxt"]]
    page = text(client.get("/study/correlations/"))
    assert "Correlative group 2" in page
    assert 'class="conditional correlation-groups"' in page


def test_answering_no_forgets_ticked_groups(client):
    study_started(client, datasets=[LM, FIB])
    step_post(client, "correlations", {"correlations-correlated": "no", "correlations-group_1": ["lm", "fib"]})
    assert client.session["study"]["answers"]["correlations"] == []


def test_a_stale_tab_cannot_store_groups_naming_a_dataset_another_tab_removed(client):
    """Two tabs share one study; each POST is judged against the study as it is now."""
    study_started(client, datasets=[LM, FIB, SXT])
    form_post(client, "/study/datasets/sxt/remove/")  # the other tab
    response = correlations_answer(client, [["lm", "sxt"]])
    assert response.status_code == 200
    assert "Tick only the datasets listed" in text(response)


# --- The correlations follow the datasets -------------------------------------------------------------------------


def review(client) -> dict | None:
    return client.session["study"].get("correlations_review")


def test_a_dataset_added_after_the_answer_asks_it_again(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [])
    assert client.get("/study/check/").status_code == 200

    dataset_post(client, SXT)

    assert "correlations" not in client.session["study"]["answers"]
    assert client.get("/study/check/")["Location"] == "/study/correlations/"
    page = text(client.get("/study/correlations/"))
    assert "Since you answered this question you added sxt: check the correlative groups again." in page
    assert 'value="sxt"' in page
    assert 'aria-describedby="correlations-why correlations-datasets ' in page
    assert correlations_answer(client, [["lm", "sxt"]])["Location"] == "/study/check/"
    assert review(client) is None


def test_asked_again_an_earlier_no_stays_chosen(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [])
    dataset_post(client, SXT)
    form_post(client, "/study/datasets/fib/remove/")  # changes add up: still the "no" given before
    page = text(client.get("/study/correlations/"))
    assert 'value="no" checked' in page
    assert 'value="yes" checked' not in page


def test_asked_again_with_every_group_dropped_nothing_is_chosen(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "fib"]])
    form_post(client, "/study/datasets/fib/remove/")
    page = text(client.get("/study/correlations/"))
    assert "The group of lm, fib was dropped: fib removed." in page
    assert "checked" not in page


def test_the_datasets_asked_about_are_listed_before_the_question(client):
    study_started(client, datasets=[LM, FIB, MRI])
    page = text(client.get("/study/correlations/"))
    listed = page.split('id="correlations-datasets"')[1].split("</ul>")[0]
    assert "<strong>lm</strong>: Light microscopy" in listed
    assert "<strong>fib</strong>" in listed
    assert "mri" not in listed
    assert page.index('id="correlations-datasets"') < page.index("Were any of these datasets")
    assert 'aria-describedby="correlations-why correlations-datasets ' in page


def test_groups_that_still_make_sense_are_kept_and_the_dropped_ones_named(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "fib", "sxt"], ["fib", "sxt"]])

    form_post(client, "/study/datasets/sxt/remove/")
    dataset_post(client, {**FIB, "modality": "other", "em_method": None}, url="/study/datasets/fib/change/")

    assert review(client)["changes"] == [["removed", "sxt"], ["changed", "fib"]]
    page = text(client.get("/study/correlations/"))
    assert "Since you answered this question you removed sxt and changed fib" in page
    assert "The group of fib, sxt was dropped: sxt removed." in page
    # The group of three still makes sense as lm and fib: ticked, with "yes", for the depositor to confirm.
    assert 'value="lm" checked' in page
    assert 'value="fib" checked' in page
    assert 'value="yes" checked' in page


def test_a_rename_or_an_unchanged_save_does_not_ask_again(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [["lm", "fib"]])
    dataset_post(client, {**LM, "id": "confocal"}, url="/study/datasets/lm/change/")
    dataset_post(client, FIB, url="/study/datasets/fib/change/")
    assert client.session["study"]["answers"]["correlations"] == [["confocal", "fib"]]
    assert review(client) is None


def test_a_dataset_that_cannot_be_deposited_is_not_offered_and_the_page_says_why(client):
    study_started(client, datasets=[LM, FIB, MRI])
    page = text(client.get("/study/correlations/"))
    assert 'value="mri"' not in page
    assert "mri cannot be in a group: no EMBL-EBI archive accepts medical imaging of people" in page
    response = correlations_answer(client, [["lm", "mri"]])
    assert "Tick only the datasets listed" in text(response)


def test_a_dataset_that_becomes_one_that_cannot_be_deposited_leaves_its_groups(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "sxt"], ["lm", "fib"]])
    dataset_post(client, {**SXT, "medical_imaging": True}, url="/study/datasets/sxt/change/")
    assert review(client)["groups"] == [["lm", "fib"]]
    page = text(client.get("/study/correlations/"))
    assert "The group of lm, sxt was dropped: sxt can no longer be deposited." in page


def test_correlations_are_not_asked_with_fewer_than_two_datasets_that_can_be_deposited(client):
    study_started(client, datasets=[LM, MRI])
    assert step_post(client, "datasets")["Location"] == "/study/check/"
    assert client.get("/study/correlations/")["Location"] == "/study/check/"


def test_the_question_says_why_it_is_asked(client):
    study_started(client, datasets=[LM, FIB])
    page = text(client.get("/study/correlations/"))
    assert "Your study has 2 datasets that can be deposited" in page
