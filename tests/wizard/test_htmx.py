"""htmx requests get template partials, browsers get whole pages; both from the same views."""

import pytest
from django.test import Client

from tests.wizard.journeys import dataset_post

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "HX-Target": "wizard"}


@pytest.fixture
def study(client):
    client.get("/study/")
    client.post("/study/publication/", {"publication-publication": "yes"})
    dataset_post(client, {"id": "lm", "modality": "light_microscopy"})
    dataset_post(client, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"})
    return client


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
    response = study.post("/study/datasets/sxt/remove/", headers=headers, follow=True)
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="dataset-list">')
    assert "You have added 1 dataset." in page
    assert "sxt" not in page
    assert "HX-Push-Url" not in response


def test_choosing_a_modality_swaps_in_its_follow_ups_without_errors(study):
    headers = {"HX-Request": "true", "HX-Target": "follow-up-questions"}
    response = study.post(
        "/study/datasets/new/", {"modality": "spatial_omics", "preview": "1", "id": ""}, headers=headers
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="follow-up-questions"')
    assert "What kind of omics data goes with the images?" in page
    assert "MERFISH" in page
    assert "error" not in page
    assert 'name="shown" value="id,modality,omics_type,omics_repository_fits,patient_medical,human_tissue"' in page
    assert "lm" in study.get("/study/datasets/").content.decode()
    assert "sxt" in study.get("/study/datasets/").content.decode()


def test_validation_errors_come_back_as_a_partial(study):
    response = study.post("/study/datasets/new/", {"id": "lm", "modality": "other"}, headers=HTMX)
    page = response.content.decode()
    assert "<html" not in page
    assert "<title>Error: Add a dataset – depositwizard</title>" in page
    assert "Another dataset is already labelled lm" in page


def test_redirects_keep_the_partial_and_push_the_step_url(study):
    response = study.post("/study/datasets/", {}, headers=HTMX, follow=True)
    assert response["HX-Push-Url"] == "/study/correlations/"
    assert "<html" not in response.content.decode()


def test_a_fragment_request_after_the_session_ended_loads_the_whole_page():
    headers = {"HX-Request": "true", "HX-Target": "follow-up-questions"}
    response = Client().post(
        "/study/datasets/new/", {"modality": "other", "preview": "1"}, headers=headers, follow=True
    )
    assert response["HX-Retarget"] == "#wizard"
    assert response["HX-Push-Url"] == "/study/session-ended/"
    assert "Your answers could not be found" in response.content.decode()


def test_the_dataset_list_summarises_each_dataset(study):
    page = study.get("/study/datasets/").content.decode()
    assert "X-ray imaging, 3D images (tomography)" in page


def test_a_dataset_is_added_in_place_in_the_editor_region(study):
    headers = {"HX-Request": "true", "HX-Target": "dataset-editor"}
    editor = study.get("/study/datasets/new/", headers=headers)
    page = editor.content.decode()
    assert page.lstrip().startswith('<h2 class="heading-l"')
    assert "<h1" not in page
    assert "HX-Push-Url" not in editor
    invalid = study.post("/study/datasets/new/", {"id": "lm", "modality": "other"}, headers=headers)
    assert "Another dataset is already labelled lm" in invalid.content.decode()
    assert "<h1" not in invalid.content.decode()
    saved = study.post(
        "/study/datasets/new/",
        {"id": "afm", "modality": "other", "patient_medical": "no", "human_tissue": "no"},
        headers=headers,
        follow=True,
    )
    assert saved["HX-Retarget"] == "#wizard"
    assert saved["HX-Push-Url"] == "/study/datasets/"
    assert 'id="dataset-afm"' in saved.content.decode()


def test_the_same_page_shown_again_replaces_its_history_entry(study):
    headers = {**HTMX, "HX-Current-URL": "http://testserver/study/datasets/new/"}
    response = study.post("/study/datasets/new/", {"id": "lm", "modality": "other"}, headers=headers)
    assert response["HX-Replace-Url"] == "/study/datasets/new/"
    assert "HX-Push-Url" not in response
