"""A Reload (a GET) after a refused save shows what was typed, with its errors: the server keeps the refused form
for its page (wizard/refused.py) until its answers are saved or the study changes."""

import pytest

from tests.builders import FIB, LM
from tests.wizard.journeys import DATASET_ADD, dataset_post, form_post, study_started, text

pytestmark = pytest.mark.django_db

LABEL_TAKEN = "Another dataset is already labelled lm"


def test_a_reload_after_a_refused_save_shows_what_was_typed_with_the_errors(client):
    study_started(client, datasets=[LM])
    refused = form_post(client, DATASET_ADD, {"id": "lm", "modality": "xray_imaging"})
    assert LABEL_TAKEN in text(refused)

    page = text(client.get(DATASET_ADD))

    assert "<title>Error: Add a dataset – depositwizard</title>" in page
    assert LABEL_TAKEN in page
    assert 'name="id" type="text" value="lm"' in page
    assert 'value="xray_imaging" checked' in page
    assert "Select whether the images are 2D or 3D" in page
    assert "csrfmiddlewaretoken" not in str(client.session["refused_form"])


def test_a_saved_form_is_forgotten(client):
    study_started(client, datasets=[LM])
    form_post(client, DATASET_ADD, {"id": "lm", "modality": "other"})
    assert dataset_post(client, FIB, add_another=True)["Location"] == DATASET_ADD
    page = text(client.get(DATASET_ADD))
    assert "There is a problem" not in page
    assert 'value="fib"' not in page
    assert "refused_form" not in client.session


def test_only_its_own_page_shows_it(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/change/", {"id": "lm"})
    assert "There is a problem" in text(client.get("/study/datasets/lm/change/"))
    assert "There is a problem" not in text(client.get(DATASET_ADD))


def test_a_change_of_the_study_since_leaves_it_behind(client):
    """Another window saved something: the refused answers were judged against a study that is no longer there."""
    study_started(client, datasets=[LM])
    form_post(client, DATASET_ADD, {"id": "fib"})
    dataset_post(client, {"id": "sxt", "modality": "other"})  # another window
    page = text(client.get(DATASET_ADD))
    assert "There is a problem" not in page
    assert 'value="fib"' not in page


def test_a_questioned_medical_imaging_answer_is_questioned_again_and_confirmed_by_saving(client):
    study_started(client, datasets=[LM])
    questioned = {"id": "histo", "modality": "light_microscopy", "medical_imaging": "yes", "human_tissue": "no"}
    form_post(client, DATASET_ADD, questioned)
    page = text(client.get(DATASET_ADD))
    assert "Check this answer" in page
    assert 'name="medical_imaging_confirmed" value="yes"' in page
