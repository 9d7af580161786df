"""Getting into the wizard and moving between its steps: the start page, the URL deciding the step, guards."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from policy.engine.questions import PUBLICATION
from policy.models import Result
from tests.builders import LM
from tests.wizard.journeys import offered_study_id, publication_answer, step_post, study_id, study_started, text

pytestmark = pytest.mark.django_db


def test_start_now_links_straight_to_the_first_question(client):
    page = text(client.get("/"))
    assert "Start now" in page
    assert 'href="/study/publication/"' in page


def test_the_first_question_offers_a_study(client):
    page = client.get("/study/publication/")
    assert page.status_code == 200
    assert PUBLICATION.text in text(page)
    assert PUBLICATION.hint in text(page)
    assert f'name="study" value="{offered_study_id(page)}"' in text(page)


def test_the_first_question_stores_nothing_until_it_is_answered(client):
    """A visit stores no session: the study is kept once its first answer is saved."""
    for _ in range(3):
        assert client.get("/study/publication/").status_code == 200

    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not Session.objects.exists()
    assert publication_answer(client).status_code == 302
    assert Session.objects.count() == 1


def test_the_publication_answer_leads_to_the_first_datasets_page(client):
    client.get("/study/publication/")
    response = publication_answer(client, False)
    assert response["Location"] == "/study/datasets/new/"
    assert 'value="no" checked' in text(client.get("/study/publication/"))


def test_publication_unanswered_shows_the_error_summary(client):
    client.get("/study/publication/")
    response = step_post(client, "publication")
    assert response.status_code == 200
    assert "<title>Error: " in text(response)
    assert 'class="error-summary"' in text(response)
    assert 'href="#id_publication-publication-0"' in text(response)


def test_publication_choice_not_offered_is_refused(client):
    client.get("/study/publication/")
    response = step_post(client, "publication", {"publication-publication": "maybe"})
    assert "Select one of the options offered" in text(response)


def test_continue_your_study_links_to_where_it_stands(client):
    study_started(client, datasets=[LM])
    page = text(client.get("/"))
    assert "Continue your study" in page
    assert 'href="/study/check/"' in page
    assert "Start again with a new study" in page


def test_older_links_to_study_carry_on_rather_than_wiping_the_study(client):
    assert client.get("/study/")["Location"] == "/study/publication/"
    study_started(client, datasets=[LM])
    assert client.get("/study/")["Location"] == "/study/check/"
    assert "lm" in text(client.get("/study/check/"))


@pytest.mark.parametrize("step", ["datasets", "correlations", "check"])
def test_a_step_of_a_study_only_offered_says_the_session_ended(client, step):
    client.get("/study/publication/")
    assert client.get(f"/study/{step}/")["Location"] == "/study/session-ended/"


def test_check_is_not_reached_without_a_dataset(client):
    study_started(client)
    assert client.get("/study/check/")["Location"] == "/study/datasets/new/"
    assert step_post(client, "check", {"check-revision": 1})["Location"] == "/study/datasets/new/"
    assert not Result.objects.exists()


@pytest.mark.parametrize("step", ["nonsense", "done", "%3Cscript%3E", "0"])
def test_unknown_step_names_redirect_to_the_first_unanswered(client, step):
    study_started(client, datasets=[LM])
    assert client.get(f"/study/{step}/")["Location"] == "/study/check/"
    assert step_post(client, step)["Location"] == "/study/check/"
    assert not Result.objects.exists()


def test_a_forged_management_form_step_is_ignored(client):
    client.get("/study/publication/")
    response = step_post(client, "publication", {"study-current_step": "check", "publication-publication": "yes"})
    assert response["Location"] == "/study/datasets/new/"
    response = step_post(client, "datasets", {"study-current_step": "check"})
    assert response.status_code == 200
    assert "Add at least one dataset" in text(response)


def test_a_post_without_the_management_form_is_refused(client):
    client.get("/study/publication/")
    response = client.post("/study/publication/", {"study": study_id(client), "publication-publication": "yes"})
    assert response.status_code == 400
    assert "study" not in client.session


def test_a_step_goto_goes_only_to_a_step_reached(client):
    study_started(client, datasets=[LM])
    assert step_post(client, "publication", {"wizard_goto_step": "check"})["Location"] == "/study/check/"
    client.post("/study/restart/")
    response = step_post(client, "publication", {"wizard_goto_step": "check"})
    assert client.get(response["Location"])["Location"] == "/study/publication/"


def test_without_a_session_mid_wizard_says_so_with_start_again():
    client = Client()
    for method, url in [
        ("get", "/study/datasets/"),
        ("get", "/study/check/"),
        ("post", "/study/check/"),
        ("post", "/study/publication/"),
        ("get", "/study/datasets/new/"),
        ("post", "/study/datasets/lm/remove/"),
        ("get", "/study/cannot-deposit/"),
    ]:
        response = getattr(client, method)(url)
        assert response["Location"] == "/study/session-ended/", url
    page = client.get("/study/session-ended/")
    assert "Your answers could not be found" in text(page)
    assert "Start again" in text(page)
    assert not Result.objects.exists()


def test_an_expired_session_mid_wizard_says_so(client):
    study_started(client, datasets=[LM])
    client.session.flush()
    client.cookies.clear()
    assert client.post("/study/datasets/", {})["Location"] == "/study/session-ended/"


def test_restart_empties_the_study(client):
    study_started(client, datasets=[LM])
    assert client.post("/study/restart/")["Location"] == "/study/publication/"
    assert client.get("/study/datasets/")["Location"] == "/study/publication/"


def test_the_start_page_links_the_policy_text_in_its_own_words(client):
    assert 'href="/policy/"' in text(client.get("/"))
    page = text(client.get("/policy/"))
    assert "Patient associated medical imaging data cannot currently be deposited into any resource at EBI." in page
    assert 'id="background-patient"' in page
    assert "https://www.ebi.ac.uk/bioimage-archive/submit/" in page


@pytest.mark.parametrize("path", ["/", "/policy/", "/study/session-ended/"])
def test_read_only_pages_answer_head_for_health_checks(client, path):
    response = client.head(path)

    assert response.status_code == 200
    assert response.content == b""
