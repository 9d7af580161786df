"""The datasets: the add-another list, and each dataset's page with every follow-up on it (conditional reveal)."""

import re

import pytest

from policy.engine.questions import DATASET_QUESTIONS, DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import EM_METHOD, MODALITY
from tests.wizard.journeys import (
    DATASET_ADD,
    FIB,
    LM,
    SXT,
    correlations_answer,
    dataset_data,
    dataset_post,
    form_post,
    step_post,
    study_started,
    text,
)
from wizard import content

pytestmark = pytest.mark.django_db

CRYO_ET = {
    "id": "et",
    "modality": "electron_microscopy",
    "em_method": "cryo_et",
    "tilt_series": True,
    "tomograms": "few",
}


def dataset_as_stored(dataset: dict) -> dict:
    """A dataset as the wizard stores it: every question asked answered ("no" where the test said nothing)."""
    return {
        field: value == "yes" if value in ("yes", "no") else value for field, value in dataset_data(dataset).items()
    }


def answers(client) -> dict:
    return client.session["study"]["answers"]


def test_the_dataset_page_asks_every_question_with_the_engines_words(client):
    study_started(client)
    page = text(client.get(DATASET_ADD))
    for question in DATASET_QUESTIONS:
        assert question.text in page
        assert f'id="question-{question.field}"' in page
    for choice in MODALITY.choices + EM_METHOD.choices:
        assert choice.label in page
        assert choice.hint in page
    assert "SBF-SEM" in page
    assert "EMPIAR-10310" in page


@pytest.mark.parametrize("question", [q for q in DATASET_QUESTIONS if q.asked_when.conditions], ids=str)
def test_each_follow_up_is_revealed_by_the_answers_it_follows_and_says_so(client, question):
    """Shown without JavaScript, captioned with the answers it is for; hidden until then with it."""
    study_started(client)
    page = text(client.get(DATASET_ADD))
    block = re.search(rf'<div class="([^"]*)" id="question-{question.field}" data-reveal-when="([^"]+)">', page)
    assert block is not None
    assert "conditional--hidden" in block.group(1)
    conditions = dict(condition.split("=") for condition in block.group(2).split(";"))
    assert set(conditions) == {name for name, _ in question.asked_when.conditions}
    for name, values in question.asked_when.conditions:
        parent = DATASET_QUESTIONS_BY_FIELD[name]
        assert conditions[name].split("|") == [
            ("yes" if value else "no") if isinstance(value, bool) else value for value in values
        ]
        if parent.kind == "choice":
            assert all(parent.enumeration.label(value) in page for value in values)


def test_a_changed_datasets_follow_ups_start_revealed(client):
    study_started(client, datasets=[CRYO_ET])
    page = text(client.get("/study/datasets/et/change/"))
    for field in ("em_method", "tilt_series", "tomograms"):
        assert re.search(rf'<div class="form-group conditional" id="question-{field}"', page), field
    assert re.search(r'<div class="form-group conditional conditional--hidden" id="question-omics_type"', page)


def test_a_dataset_with_its_follow_ups_is_one_post(client):
    study_started(client)
    response = dataset_post(client, CRYO_ET)
    assert response["Location"] == "/study/check/"
    assert answers(client)["datasets"] == [dataset_as_stored(CRYO_ET)]


def test_a_follow_up_left_unanswered_is_an_error(client):
    study_started(client)
    response = form_post(client, DATASET_ADD, {"id": "em", "modality": "electron_microscopy"})
    assert "Select the electron microscopy method" in text(response)
    assert "<title>Error: " in text(response)
    assert 'href="#id_em_method-0"' in text(response)


def test_cryo_et_with_nothing_to_deposit_is_refused_by_the_engine(client):
    study_started(client)
    response = dataset_post(client, {**CRYO_ET, "tilt_series": False, "tomograms": "none"})
    assert response.status_code == 200
    assert "needs tilt series, tomograms or a subtomogram average" in text(response)


def test_modality_not_offered_is_refused(client):
    study_started(client)
    response = form_post(
        client, DATASET_ADD, {"id": "x", "modality": "telepathy", "patient_medical": "no", "human_tissue": "no"}
    )
    assert "Select one of the options offered" in text(response)


def test_an_answer_to_a_follow_up_not_asked_is_neither_judged_nor_kept(client):
    study_started(client)
    response = form_post(
        client,
        DATASET_ADD,
        {**dataset_data(LM), "em_method": "cryo_et", "tomograms": "not-a-choice", "tilt_series": "perhaps"},
    )
    assert response["Location"] == "/study/check/"
    assert answers(client)["datasets"] == [{**LM, "patient_medical": False, "human_tissue": False}]


@pytest.mark.parametrize("label", ["", "has space", "x" * 41, "ünïcode", "a/b", "my dataset #1", "lm#"])
def test_invalid_labels_are_refused(client, label):
    study_started(client)
    response = dataset_post(client, {**LM, "id": label})
    assert response.status_code == 200
    assert "error-summary" in text(response)
    if label.strip():
        # The form's own words, never the engine's: both refuse with one anchored pattern.
        assert content.LABEL_INVALID in text(response)


def test_duplicate_labels_are_refused(client):
    study_started(client, datasets=[LM])
    response = dataset_post(client, {"id": "lm", "modality": "other"})
    assert "Another dataset is already labelled lm" in text(response)


def test_adding_the_same_dataset_twice_is_a_replay_not_an_error(client):
    study_started(client, datasets=[LM])
    assert dataset_post(client, LM)["Location"] == "/study/check/"
    assert len(answers(client)["datasets"]) == 1


def test_save_and_add_another_opens_the_next_datasets_page_under_the_list(client):
    study_started(client)
    response = dataset_post(client, LM, add_another=True)
    assert response["Location"] == DATASET_ADD
    page = text(client.get(DATASET_ADD))
    assert "You have added 1 dataset." in page
    assert 'id="dataset-lm"' in page
    assert "Save and add another dataset" in page


def test_the_first_datasets_page_goes_back_to_the_publication_question_and_later_ones_to_the_list(client):
    study_started(client)
    assert 'href="/study/publication/" class="back-link"' in text(client.get(DATASET_ADD))
    dataset_post(client, LM)
    assert 'href="/study/datasets/" class="back-link"' in text(client.get(DATASET_ADD))


def test_save_and_continue_goes_to_the_correlations_once_there_are_two(client):
    study_started(client, datasets=[LM])
    assert dataset_post(client, FIB)["Location"] == "/study/correlations/"


def test_the_list_summarises_each_dataset(client):
    study_started(client, datasets=[SXT])
    page = text(client.get("/study/datasets/"))
    assert "X-ray imaging, 3D images (tomography)" in page


def test_the_list_requires_a_dataset_to_continue(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/remove/")
    page = client.get("/study/datasets/")
    assert "You have not added any datasets yet" in text(page)
    response = step_post(client, "datasets")
    assert "Add at least one dataset" in text(response)
    assert 'href="#add-dataset"' in text(response)


def test_at_most_fifty_datasets(client):
    study_started(client, datasets=[{"id": f"d{number}", "modality": "light_microscopy"} for number in range(50)])
    page = text(client.get("/study/datasets/"))
    assert "You have added 50 datasets" in page
    assert "Add another dataset" not in page
    response = dataset_post(client, {"id": "one-more", "modality": "light_microscopy"})
    assert "the most one study can have" in text(response)
    assert len(answers(client)["datasets"]) == 50


def test_change_a_dataset_keeps_its_place_and_renames_it_in_groups(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [["lm", "fib"]])
    assert 'value="lm"' in text(client.get("/study/datasets/lm/change/"))
    response = dataset_post(client, {**LM, "id": "confocal"}, url="/study/datasets/lm/change/")
    assert response["Location"] == "/study/datasets/"
    assert [dataset["id"] for dataset in answers(client)["datasets"]] == ["confocal", "fib"]
    assert answers(client)["correlations"] == [["confocal", "fib"]]


def test_change_an_unknown_dataset_goes_back_to_the_list(client):
    study_started(client, datasets=[LM])
    assert client.get("/study/datasets/nope/change/")["Location"] == "/study/datasets/"


def test_remove_a_dataset_takes_it_out_of_its_groups(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "fib", "sxt"]])
    assert client.get("/study/datasets/sxt/remove/")["Location"] == "/study/datasets/"
    assert len(answers(client)["datasets"]) == 3
    assert form_post(client, "/study/datasets/sxt/remove/")["Location"] == "/study/datasets/"
    assert answers(client)["correlations"] == [["lm", "fib"]]


def test_removing_down_to_one_dataset_drops_the_correlations_step(client):
    study_started(client, datasets=[LM, FIB])
    assert client.get("/study/check/")["Location"] == "/study/correlations/"
    form_post(client, "/study/datasets/fib/remove/")
    assert client.get("/study/check/").status_code == 200
    assert client.get("/study/correlations/")["Location"] == "/study/check/"


def test_a_stale_tab_continuing_an_emptied_list_is_told_to_add_a_dataset(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/remove/")  # the other tab
    assert "Add at least one dataset" in text(step_post(client, "datasets"))
    assert client.get("/study/check/")["Location"] == "/study/datasets/new/"


def test_the_label_field_lets_the_browser_restore_it_on_back(client):
    study_started(client)
    assert "autocomplete=" not in text(client.get(DATASET_ADD))
