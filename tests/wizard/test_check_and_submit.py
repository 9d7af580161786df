"""Check your answers and the plan: only the answers a depositor confirmed become a plan, once."""

import re

import pytest
from django.test import Client

from policy.engine.questions import DATASET_QUESTIONS
from policy.models import Result
from tests.builders import CRYO_ET, FIB, LM, MRI
from tests.wizard.journeys import (
    check_confirm,
    correlations_answer,
    dataset_post,
    form_post,
    offered_study_id,
    publication_answer,
    step_post,
    study_enter,
    study_started,
    text,
)
from wizard import content

pytestmark = pytest.mark.django_db


def test_check_your_answers_shows_every_answer_with_change_links(client):
    study_started(client, datasets=[LM, CRYO_ET])
    correlations_answer(client, [])
    page = text(client.get("/study/check/"))
    assert "Check your answers" in page
    for label in ("Light microscopy", "Cryo-electron tomography (cryo-ET)", "Many"):
        assert label in page
    # Each Change link lands on its question (the block holding its legend), not on its first answer.
    assert 'href="/study/publication/?return=check#question-publication"' in page
    assert 'href="/study/datasets/cryo-et/change/?return=check#question-tomograms"' in page
    assert 'href="/study/correlations/?return=check"' in page
    assert f'name="check-revision" value="{client.session["study"]["revision"]}"' in page


@pytest.mark.parametrize("datasets", [[LM], [LM, MRI]], ids=["one-dataset", "one-of-two-deposited"])
def test_no_correlative_groups_row_where_only_one_dataset_can_be_deposited(client, datasets):
    study_started(client, datasets=datasets)
    page = text(client.get("/study/check/"))
    assert "Correlative group" not in page
    assert "/study/correlations/" not in page


def test_change_links_name_the_answer_and_the_dataset(client):
    study_started(client, datasets=[LM])
    page = text(client.get("/study/check/"))
    assert 'Change<span class="visually-hidden"> imaging method for lm</span>' in page
    assert "give the dataset a short label" not in page.lower().split("<h1")[1]


def test_check_rows_use_short_names_and_keep_acronyms(client):
    """The long human-data questions are not repeated word for word in every card."""
    study_started(client, datasets=[LM, MRI, {**CRYO_ET, "id": "et2"}])
    correlations_answer(client, [])
    page = text(client.get("/study/check/"))
    for question in DATASET_QUESTIONS:
        if question.field != "id":
            assert question.text not in page, question.field
    assert '<th class="summary-list__key" scope="row">Medical imaging of people</th>' in page
    assert 'Change<span class="visually-hidden"> 2D or 3D' not in page
    assert 'Change<span class="visually-hidden"> electron microscopy method for et2</span>' in page


def test_every_question_has_a_short_name():
    """A question added to the engine needs one here (wizard/content.py SHORT_NAMES), or Check shows it in full."""
    assert {question.field for question in DATASET_QUESTIONS if question.kind != "id"} <= set(content.SHORT_NAMES)
    assert content.in_sentence("EM method") == "EM method"
    assert content.in_sentence("2D or 3D") == "2D or 3D"
    assert content.in_sentence("Imaging method") == "imaging method"


def test_change_from_check_returns_to_check(client):
    study_started(client, datasets=[LM])
    response = step_post(client, "publication", {"publication-publication": "no"}, query="return=check")
    assert response["Location"] == "/study/check/"
    assert 'href="/study/check/" class="back-link"' in text(client.get("/study/publication/?return=check"))


def test_a_change_from_check_that_calls_for_follow_ups_is_answered_on_the_same_page(client):
    study_started(client, datasets=[LM])
    url = "/study/datasets/lm/change/?return=check"
    response = form_post(
        client, url, {"id": "lm", "modality": "electron_microscopy", "medical_imaging": "no", "human_tissue": "no"}
    )
    assert response.status_code == 200
    assert "Select the electron microscopy method" in text(response)
    assert 'action="/study/datasets/lm/change/?return=check"' in text(response)
    response = dataset_post(client, {"id": "lm", "modality": "electron_microscopy", "em_method": "2d"}, url=url)
    assert response["Location"] == "/study/check/"
    assert "2D electron microscopy" in text(client.get("/study/check/"))


def test_adding_a_second_dataset_from_check_asks_for_correlations_first(client):
    study_started(client, datasets=[LM])
    assert dataset_post(client, FIB, url="/study/datasets/new/?return=check")["Location"] == "/study/correlations/"


def test_the_plan_is_stored_and_shown(client):
    response = study_enter(client, {"datasets": [LM]})
    result = Result.objects.get()
    assert response["Location"] == f"/r/{result.id}/"
    assert result.answers == {
        "answers_version": 4,
        "publication": True,
        "datasets": [{"id": "lm", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": False}],
    }
    assert [deposition["archive"] for deposition in result.plan["depositions"]] == ["bia"]


def test_a_replayed_final_post_gives_the_same_result(client):
    first = study_enter(client, {"datasets": [LM]})
    assert check_confirm(client)["Location"] == first["Location"]
    assert Result.objects.count() == 1


def test_a_get_to_formtools_done_url_never_submits(client):
    study_started(client, datasets=[LM])
    assert client.get("/study/done/")["Location"] == "/study/check/"
    assert not Result.objects.exists()


def test_answers_changed_in_another_window_are_checked_again_not_planned(client):
    """Tab A shows Check; tab B (same session) changes a dataset; A's submit must not plan what A never showed."""
    study_started(client, datasets=[LM])
    shown_in_tab_a = client.session["study"]["revision"]
    changed = {"id": "lm", "modality": "other"}
    assert dataset_post(client, changed, url="/study/datasets/lm/change/").status_code == 302  # tab B

    response = check_confirm(client, revision=shown_in_tab_a)

    assert response.status_code == 200
    page = text(response)
    assert "Your answers changed in another window, so no plan was made: check them again" in page
    assert "<title>Error: " in page
    assert 'href="#check-answers"' in page
    assert "Other imaging" in page
    assert f'name="check-revision" value="{client.session["study"]["revision"]}"' in page
    assert not Result.objects.exists()


def test_the_stale_check_message_names_what_changed(client):
    """The Check page posts a digest of what it showed (check-shown): the message names each change."""
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [])
    page = text(client.get("/study/check/"))
    shown = re.search(r'name="check-shown" value="([^"]+)"', page).group(1)
    revision = client.session["study"]["revision"]
    dataset_post(client, {"id": "lm", "modality": "other"}, url="/study/datasets/lm/change/")  # tab B
    form_post(client, "/study/datasets/fib/remove/")
    publication_answer(client, False)

    response = step_post(client, "check", {"check-revision": revision, "check-shown": shown})

    assert (
        "Your answers changed in another window (the publication answer changed, lm changed, fib removed), "
        "so no plan was made: check them again" in text(response)
    )
    assert not Result.objects.exists()


def test_a_dataset_added_in_another_window_sends_a_stale_check_to_the_new_question(client):
    study_started(client, datasets=[LM])
    shown_in_tab_a = client.session["study"]["revision"]
    dataset_post(client, FIB)  # tab B: two datasets, so the correlations question is now unanswered
    assert check_confirm(client, revision=shown_in_tab_a)["Location"] == "/study/correlations/"
    assert not Result.objects.exists()


def test_a_stale_check_sent_on_to_a_question_asked_again_says_why_and_keeps_the_earlier_no(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [])
    shown_in_tab_a = client.session["study"]["revision"]
    dataset_post(client, {"id": "tabb-late", "modality": "other"})  # tab B

    response = check_confirm(client, revision=shown_in_tab_a)

    assert response["Location"] == "/study/correlations/"
    assert not Result.objects.exists()
    page = text(client.get(response["Location"]))
    assert 'class="notification-banner" role="region"' in page
    assert (
        "Your study was changed in another window after this Check your answers page was shown, so no plan was made "
        "yet." in page
    )
    assert "Since you answered this question you added tabb-late" in page
    # The earlier "no" still applies: chosen, for the depositor to confirm.
    assert 'value="no" checked' in page
    # The datasets asked about, listed before the question (not only in the groups "Yes" reveals).
    listed = page.split('id="correlations-datasets"')[1].split("</ul>")[0]
    assert [label in listed for label in ("lm", "fib", "tabb-late")] == [True, True, True]
    # Said once.
    assert "no plan was made" not in text(client.get("/study/correlations/"))


def test_any_form_of_a_step_no_longer_open_is_sent_on_with_a_notice(client):
    """A correlations form posted after another window removed a dataset (the question is no longer asked)."""
    study_started(client, datasets=[LM, FIB])
    form_post(client, "/study/datasets/fib/remove/")  # tab B
    text(client.get("/study/datasets/"))  # tab B sees its own notice

    response = correlations_answer(client, [["lm", "fib"]])

    assert response["Location"] == "/study/check/"
    page = text(client.get("/study/check/"))
    assert "Your study was changed in another window after that page was shown, so nothing you sent" in page
    assert "correlations" not in client.session["study"]["answers"]


def test_a_get_of_a_step_not_reached_is_sent_on_without_a_notice(client):
    study_started(client, datasets=[LM, FIB])
    assert client.get("/study/check/")["Location"] == "/study/correlations/"
    assert "another window" not in text(client.get("/study/correlations/"))


@pytest.mark.parametrize("revision", ["", "not-a-number"])
def test_a_check_post_without_a_revision_is_not_planned(client, revision):
    study_started(client, datasets=[LM])
    response = step_post(client, "check", {"check-revision": revision})
    assert "Your answers changed in another window" in text(response)
    assert not Result.objects.exists()


def test_an_unchanged_answer_is_not_a_change(client):
    study_started(client, datasets=[LM])
    shown = client.session["study"]["revision"]
    publication_answer(client, True)
    dataset_post(client, LM, url="/study/datasets/lm/change/")
    assert check_confirm(client, revision=shown).status_code == 302


def test_a_page_of_a_replaced_study_is_told_so(client):
    """Tab A shows Check; tab B presses "Start again": A's submit gets a notice, never the new study's pages."""
    study_started(client, datasets=[LM])
    old_study = client.session["study"]["id"]
    client.post("/study/restart/")  # tab B

    response = client.post("/study/check/", {"study": old_study, "study-current_step": "check", "check-revision": 1})

    assert response.status_code == 409
    assert "This page was of a study you have replaced" in text(response)
    assert 'href="/study/publication/"' in text(response)
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    "url", ["/study/publication/", "/study/datasets/new/", "/study/datasets/lm/change/", "/study/datasets/lm/remove/"]
)
def test_every_form_of_a_replaced_study_is_refused(client, url):
    study_started(client, datasets=[LM])
    data = {"study": "an-old-study", "study-current_step": "publication", "publication-publication": "no"}
    response = client.post(
        url, {**data, "id": "lm", "modality": "other", "medical_imaging": "no", "human_tissue": "no"}
    )
    assert response.status_code == 409
    assert client.session["study"]["answers"]["datasets"] == [{**LM, "medical_imaging": False, "human_tissue": False}]


def test_all_medical_imaging_ends_on_a_page_that_says_so(client):
    response = study_enter(client, {"datasets": [{**LM, "medical_imaging": True}]})
    assert response["Location"] == "/study/cannot-deposit/"
    page = text(client.get("/study/cannot-deposit/"))
    assert "cannot be deposited" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page
    assert not Result.objects.exists()


def test_cannot_deposit_page_is_only_for_such_studies(client):
    study_started(client, datasets=[LM])
    assert client.get("/study/cannot-deposit/")["Location"] == "/study/check/"


def test_some_medical_imaging_still_gets_a_plan(client):
    study_enter(client, {"datasets": [LM, {**FIB, "medical_imaging": True}]})
    plan = Result.objects.get().plan
    assert [item["dataset"] for item in plan["not_accepted"]] == ["fib"]


def test_after_the_plan_the_first_question_starts_a_new_study(client):
    study_enter(client, {"datasets": [LM]})
    old = client.session["study"]["id"]
    assert "Start now" in text(client.get("/"))
    offered = offered_study_id(client.get("/study/publication/"))
    assert client.session["study"]["id"] == old  # nothing saved yet: the plan's study stays until an answer
    answered = client.post(
        "/study/publication/",
        {"study": offered, "study-current_step": "publication", "publication-publication": "yes"},
    )
    assert answered.status_code == 302
    assert client.session["study"]["id"] == offered != old
    assert client.session["study"]["answers"]["datasets"] == []


def test_a_new_visitor_gets_no_plan_from_a_forged_post():
    client = Client()
    client.get("/study/publication/")
    response = step_post(client, "check", {"check-revision": 0})
    # No study was ever kept for this visitor: their session ended, as far as the wizard knows.
    assert response["Location"] == "/study/session-ended/"
    assert not Result.objects.exists()
