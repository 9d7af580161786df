"""htmx requests get template partials, browsers get whole pages; both from the same views (django-htmx)."""

import pytest
from django.test import Client

from tests.wizard.journeys import dataset_post, form_post, step_post, study_started

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "HX-Target": "wizard"}


@pytest.fixture
def study(client):
    return study_started(
        client,
        datasets=[
            {"id": "lm", "modality": "light_microscopy"},
            {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"},
        ],
    )


def test_full_page_without_htmx(study):
    response = study.get("/study/datasets/")
    assert response.content.startswith(b"<!DOCTYPE html>")
    assert "HX-Request" in response["Vary"]


def test_htmx_gets_the_content_partial_with_title_and_pushed_url(study):
    response = study.get("/study/datasets/", headers=HTMX)
    page = response.content.decode()
    assert "<html" not in page
    assert "<title>The datasets in your study – depositwizard</title>" in page
    assert 'id="dataset-list"' in page
    assert response["HX-Push-Url"] == "/study/datasets/"
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_whole_page(study):
    response = study.get("/study/datasets/", headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert response.content.startswith(b"<!DOCTYPE html>")


def test_removing_a_row_swaps_only_the_list(study):
    headers = {"HX-Request": "true", "HX-Target": "dataset-list"}
    response = form_post(study, "/study/datasets/sxt/remove/", headers=headers, follow=True)
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="dataset-list">')
    assert "You have added 1 dataset." in page
    assert 'id="dataset-sxt"' not in page
    assert "sxt was removed from your study." in page
    assert "HX-Push-Url" not in response


def test_a_datasets_page_opened_from_the_list_pushes_its_own_url(study):
    """Reload and Back then come back to the form, not to the list."""
    response = study.get(
        "/study/datasets/new/", headers={**HTMX, "HX-Current-URL": "http://testserver/study/datasets/"}
    )
    page = response.content.decode()
    assert response["HX-Push-Url"] == "/study/datasets/new/"
    assert "<h1" in page
    assert 'id="dataset-sxt"' in page
    assert 'data-reveal-when="modality=electron_microscopy"' in page


def test_validation_errors_come_back_as_a_partial_replacing_its_history_entry(study):
    headers = {**HTMX, "HX-Current-URL": "http://testserver/study/datasets/new/"}
    response = form_post(study, "/study/datasets/new/", {"id": "lm", "modality": "other"}, headers=headers)
    page = response.content.decode()
    assert "<html" not in page
    assert "<title>Error: Add a dataset – depositwizard</title>" in page
    assert "Another dataset is already labelled lm" in page
    assert response["HX-Replace-Url"] == "/study/datasets/new/"
    assert "HX-Push-Url" not in response


def test_a_saved_dataset_shows_the_next_page_with_its_url(study):
    response = dataset_post(study, {"id": "afm", "modality": "other"}, headers=HTMX, follow=True)
    assert response["HX-Push-Url"] == "/study/correlations/"
    assert "<html" not in response.content.decode()


def test_redirects_keep_the_partial_and_push_the_step_url(study):
    response = step_post(study, "datasets", headers=HTMX, follow=True)
    assert response["HX-Push-Url"] == "/study/correlations/"
    assert "<html" not in response.content.decode()


def test_a_fragment_request_after_the_session_ended_loads_the_whole_wizard_region():
    headers = {"HX-Request": "true", "HX-Target": "dataset-list"}
    response = Client().post("/study/datasets/lm/remove/", {}, headers=headers, follow=True)
    assert response["HX-Retarget"] == "#wizard"
    assert response["HX-Push-Url"] == "/study/session-ended/"
    assert "Your answers could not be found" in response.content.decode()


@pytest.mark.parametrize("target", ["wizard", "dataset-list"])
def test_an_error_page_is_sent_whole_for_htmx_to_swap_into_the_body(study, target):
    """A replaced study's 409 goes into <body> (base.html's htmx-config): a partial there would lose the header,
    the skip link, <main> and the footer."""
    headers = {"HX-Request": "true", "HX-Target": target}
    response = study.post("/study/datasets/sxt/remove/", {"study": "a-replaced-study"}, headers=headers)
    page = response.content.decode()
    assert response.status_code == 409
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<main class="main" id="main-content">') == 1
    assert 'class="skip-link"' in page
    assert "<footer" in page
    assert "This page was of a study you have replaced" in page
    assert "HX-Push-Url" not in response
    assert "HX-Retarget" not in response
