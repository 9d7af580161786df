"""The wizard's steps with the Django test client: each step, each condition, each bad input."""

import re

import pytest
from django.test import Client

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, PUBLICATION
from policy.engine.vocabulary import EM_METHOD, MODALITY
from policy.models import Result
from tests.wizard.journeys import dataset_post, study_enter

pytestmark = pytest.mark.django_db

LM = {"id": "lm", "modality": "light_microscopy"}
FIB = {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"}


def text(response) -> str:
    return response.content.decode()


def started(client: Client, *, datasets=()) -> Client:
    client.get("/study/")
    client.post("/study/publication/", {"publication-publication": "yes"})
    for dataset in datasets:
        assert dataset_post(client, dataset).status_code == 302
    return client


def test_start_page_offers_start_now(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Start now" in text(response)
    assert 'href="/study/"' in text(response)


def test_begin_starts_at_the_publication_question(client):
    response = client.get("/study/")
    assert response["Location"] == "/study/publication/"
    page = client.get("/study/publication/")
    assert PUBLICATION.text in text(page)
    assert PUBLICATION.hint in text(page)


def test_begin_again_carries_on_rather_than_wiping_another_tabs_study(client):
    started(client, datasets=[LM])
    response = client.get("/study/")
    assert response["Location"] == "/study/datasets/"
    assert "lm" in text(client.get("/study/datasets/"))


def test_publication_unanswered_shows_the_error_summary(client):
    client.get("/study/")
    response = client.post("/study/publication/", {})
    assert response.status_code == 200
    assert "<title>Error: " in text(response)
    assert 'class="error-summary"' in text(response)
    assert 'href="#id_publication-publication-0"' in text(response)
    assert 'id="id_publication-publication-0"' in text(response)


def test_publication_choice_not_offered_is_refused(client):
    client.get("/study/")
    response = client.post("/study/publication/", {"publication-publication": "maybe"})
    assert response.status_code == 200
    assert "Select one of the options offered" in text(response)


def test_publication_answer_is_kept_and_leads_to_datasets(client):
    client.get("/study/")
    response = client.post("/study/publication/", {"publication-publication": "no"})
    assert response["Location"] == "/study/datasets/"
    assert re.search(r'value="no"\s+checked', text(client.get("/study/publication/")))


@pytest.mark.parametrize("step", ["datasets", "correlations", "check"])
def test_a_step_not_yet_reached_redirects_to_the_first_unanswered(client, step):
    client.get("/study/")
    response = client.get(f"/study/{step}/")
    assert response["Location"] == "/study/publication/"


def test_check_is_not_reached_until_the_datasets_are_confirmed(client):
    started(client, datasets=[LM])
    assert client.get("/study/check/")["Location"] == "/study/datasets/"
    assert client.post("/study/check/", {})["Location"] == "/study/datasets/"
    assert not Result.objects.exists()


@pytest.mark.parametrize("step", ["nonsense", "done", "%3Cscript%3E", "0"])
def test_unknown_step_names_redirect_to_the_first_unanswered(client, step):
    started(client)
    assert client.get(f"/study/{step}/")["Location"] == "/study/datasets/"
    assert client.post(f"/study/{step}/", {})["Location"] == "/study/datasets/"
    assert not Result.objects.exists()


def test_a_forged_management_form_step_is_ignored(client):
    client.get("/study/")
    response = client.post("/study/publication/", {"study-current_step": "nonsense", "publication-publication": "yes"})
    assert response["Location"] == "/study/datasets/"
    response = client.post("/study/datasets/", {"study-current_step": "check"})
    assert response.status_code == 200
    assert "Add at least one dataset" in text(response)


def test_without_a_session_mid_wizard_says_so_with_start_again():
    client = Client()
    for method, url in [
        ("get", "/study/datasets/"),
        ("get", "/study/check/"),
        ("post", "/study/check/"),
        ("post", "/study/publication/"),
        ("get", "/study/datasets/new/"),
        ("post", "/study/datasets/lm/remove/"),
    ]:
        response = getattr(client, method)(url)
        assert response["Location"] == "/study/session-ended/", url
    page = client.get("/study/session-ended/")
    assert "Your answers could not be found" in text(page)
    assert "Start again" in text(page)
    assert not Result.objects.exists()


def test_an_expired_session_mid_wizard_says_so(client):
    started(client, datasets=[LM])
    client.session.flush()
    client.cookies.clear()
    assert client.post("/study/datasets/", {})["Location"] == "/study/session-ended/"


def test_a_new_visitor_may_open_the_first_step_directly():
    client = Client()
    response = client.get("/study/publication/")
    assert response.status_code == 200
    assert PUBLICATION.text in text(response)


def test_datasets_step_requires_a_dataset(client):
    started(client)
    page = client.get("/study/datasets/")
    assert "You have not added any datasets yet" in text(page)
    response = client.post("/study/datasets/", {})
    assert response.status_code == 200
    assert "Add at least one dataset" in text(response)
    assert 'href="#add-dataset"' in text(response)


def test_dataset_page_asks_label_modality_and_patient_questions_with_the_engines_words(client):
    started(client)
    page = text(client.get("/study/datasets/new/"))
    for field in ("id", "modality", "patient_medical", "human_tissue"):
        assert DATASET_QUESTIONS_BY_FIELD[field].text in page
    for choice in MODALITY.choices:
        assert choice.label in page
        assert choice.hint in page
    assert DATASET_QUESTIONS_BY_FIELD["em_method"].text not in page


def test_choosing_electron_microscopy_asks_the_method_next_without_an_error(client):
    started(client)
    response = client.post(
        "/study/datasets/new/",
        {
            "id": "em",
            "modality": "electron_microscopy",
            "patient_medical": "no",
            "human_tissue": "no",
            "shown": "id,modality,patient_medical,human_tissue",
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert DATASET_QUESTIONS_BY_FIELD["em_method"].text in page
    assert 'id="newly-asked"' in page
    assert "error-summary" not in page
    assert "SBF-SEM" in page
    assert "EMPIAR-10310" in page
    for choice in EM_METHOD.choices:
        assert choice.label in page


def test_cryo_et_asks_tilt_series_and_tomograms(client):
    started(client)
    data = {
        "id": "et",
        "modality": "electron_microscopy",
        "em_method": "cryo_et",
        "patient_medical": "no",
        "human_tissue": "no",
    }
    response = client.post(
        "/study/datasets/new/", {**data, "shown": "id,modality,em_method,patient_medical,human_tissue"}
    )
    page = text(response)
    assert DATASET_QUESTIONS_BY_FIELD["tilt_series"].text in page
    assert DATASET_QUESTIONS_BY_FIELD["tomograms"].text in page
    assert "representative" in page
    assert "error-summary" not in page


def test_a_follow_up_left_unanswered_after_being_shown_is_an_error(client):
    started(client)
    response = client.post(
        "/study/datasets/new/",
        {
            "id": "em",
            "modality": "electron_microscopy",
            "patient_medical": "no",
            "human_tissue": "no",
            "shown": "id,modality,em_method,patient_medical,human_tissue",
        },
    )
    assert "Select the electron microscopy method" in text(response)
    assert "<title>Error: " in text(response)


def test_cryo_et_with_nothing_to_deposit_is_refused_by_the_engine(client):
    started(client)
    response = client.post(
        "/study/datasets/new/",
        {
            "id": "et",
            "modality": "electron_microscopy",
            "em_method": "cryo_et",
            "tilt_series": "no",
            "tomograms": "none",
            "subtomogram_average": "no",
            "atomic_model": "no",
            "patient_medical": "no",
            "human_tissue": "no",
        },
    )
    assert response.status_code == 200
    assert "needs tilt series, tomograms or a subtomogram average" in text(response)


def test_modality_not_offered_is_refused(client):
    started(client)
    response = client.post(
        "/study/datasets/new/", {"id": "x", "modality": "telepathy", "patient_medical": "no", "human_tissue": "no"}
    )
    assert response.status_code == 200
    assert "Select one of the options offered" in text(response)


def test_a_follow_up_for_a_modality_not_chosen_is_not_kept(client):
    started(client)
    response = client.post(
        "/study/datasets/new/",
        {
            "id": "lm",
            "modality": "light_microscopy",
            "em_method": "cryo_et",
            "tomograms": "many",
            "patient_medical": "no",
            "human_tissue": "no",
        },
    )
    assert response["Location"] == "/study/datasets/"
    client.post("/study/datasets/", {})
    client.post("/study/check/", {})
    assert Result.objects.get().answers["datasets"] == [
        {"id": "lm", "modality": "light_microscopy", "patient_medical": False, "human_tissue": False}
    ]


@pytest.mark.parametrize("label", ["", "has space", "x" * 41, "ünïcode", "a/b"])
def test_invalid_labels_are_refused(client, label):
    started(client)
    response = client.post(
        "/study/datasets/new/",
        {"id": label, "modality": "light_microscopy", "patient_medical": "no", "human_tissue": "no"},
    )
    assert response.status_code == 200
    assert "error-summary" in text(response)


def test_duplicate_labels_are_refused(client):
    started(client, datasets=[LM])
    response = dataset_post(client, {"id": "lm", "modality": "other"})
    assert response.status_code == 200
    assert "Another dataset is already labelled lm" in text(response)


def test_at_most_fifty_datasets(client):
    started(client, datasets=[{"id": f"d{number}", "modality": "light_microscopy"} for number in range(50)])
    page = text(client.get("/study/datasets/"))
    assert "You have added 50 datasets" in page
    assert "Add another dataset" not in page
    response = dataset_post(client, {"id": "one-more", "modality": "light_microscopy"})
    assert response.status_code == 200
    assert "the most one study can have" in text(response)
    assert text(client.get("/study/datasets/")).count('class="inline-form"') == 50


def test_change_a_dataset_keeps_its_place_and_renames_it_in_groups(client):
    started(client, datasets=[LM, FIB])
    client.post("/study/datasets/", {})
    client.post("/study/correlations/", {"correlations-correlated": "yes", "correlations-group_1": ["lm", "fib"]})
    page = text(client.get("/study/datasets/lm/change/"))
    assert 'value="lm"' in page
    response = client.post(
        "/study/datasets/lm/change/",
        {"id": "confocal", "modality": "light_microscopy", "patient_medical": "no", "human_tissue": "no"},
    )
    assert response["Location"] == "/study/datasets/"
    client.post("/study/check/", {})
    answers = Result.objects.get().answers
    assert [dataset["id"] for dataset in answers["datasets"]] == ["confocal", "fib"]
    assert answers["correlations"] == [["confocal", "fib"]]


def test_change_an_unknown_dataset_goes_back_to_the_list(client):
    started(client, datasets=[LM])
    assert client.get("/study/datasets/nope/change/")["Location"] == "/study/datasets/"


def test_remove_a_dataset_takes_it_out_of_its_groups(client):
    started(client, datasets=[LM, FIB, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}])
    client.post("/study/datasets/", {})
    client.post(
        "/study/correlations/", {"correlations-correlated": "yes", "correlations-group_1": ["lm", "fib", "sxt"]}
    )
    assert client.get("/study/datasets/sxt/remove/")["Location"] == "/study/datasets/"
    assert "sxt" in text(client.get("/study/datasets/"))
    assert client.post("/study/datasets/sxt/remove/")["Location"] == "/study/datasets/"
    client.post("/study/check/", {})
    assert Result.objects.get().answers["correlations"] == [["fib", "lm"]]


def test_removing_down_to_one_dataset_drops_the_correlations_step(client):
    started(client, datasets=[LM, FIB])
    client.post("/study/datasets/", {})
    assert client.get("/study/check/")["Location"] == "/study/correlations/"
    client.post("/study/datasets/fib/remove/")
    assert client.get("/study/check/").status_code == 200
    assert client.get("/study/correlations/")["Location"] == "/study/check/"


def test_correlations_are_asked_only_for_two_or_more_datasets(client):
    started(client, datasets=[LM])
    assert client.post("/study/datasets/", {})["Location"] == "/study/check/"
    dataset_post(client, FIB)
    assert client.post("/study/datasets/", {})["Location"] == "/study/correlations/"
    page = text(client.get("/study/correlations/"))
    assert "registered together" in page
    assert 'value="lm"' in page
    assert 'value="fib"' in page


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
    started(client, datasets=[LM, FIB])
    client.post("/study/datasets/", {})
    response = client.post("/study/correlations/", data)
    assert response.status_code == 200
    assert message in text(response)


def test_add_another_group_and_overlapping_groups(client):
    started(client, datasets=[LM, FIB, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}])
    client.post("/study/datasets/", {})
    response = client.post(
        "/study/correlations/",
        {"correlations-correlated": "yes", "correlations-group_1": ["lm", "fib"], "correlations-add_group": "1"},
    )
    assert response.status_code == 200
    assert "Correlative group 2" in text(response)
    assert "error-summary" not in text(response)
    response = client.post(
        "/study/correlations/",
        {
            "correlations-correlated": "yes",
            "correlations-group_1": ["lm", "fib"],
            "correlations-group_2": ["lm", "sxt"],
        },
    )
    assert response["Location"] == "/study/check/"
    client.post("/study/check/", {})
    assert Result.objects.get().answers["correlations"] == [["fib", "lm"], ["lm", "sxt"]]


def test_answering_no_to_correlations_forgets_ticked_groups(client):
    started(client, datasets=[LM, FIB])
    client.post("/study/datasets/", {})
    client.post("/study/correlations/", {"correlations-correlated": "no", "correlations-group_1": ["lm", "fib"]})
    client.post("/study/check/", {})
    assert "correlations" not in Result.objects.get().answers


def test_check_your_answers_shows_every_answer_with_change_links(client):
    started(
        client,
        datasets=[
            LM,
            {
                "id": "et",
                "modality": "electron_microscopy",
                "em_method": "cryo_et",
                "tilt_series": True,
                "tomograms": "many",
            },
        ],
    )
    client.post("/study/datasets/", {})
    client.post("/study/correlations/", {"correlations-correlated": "no"})
    page = text(client.get("/study/check/"))
    assert "Check your answers" in page
    for label in ("Light microscopy", "Cryo-electron tomography (cryo-ET)", "Many tomograms"):
        assert label in page
    assert 'href="/study/publication/?return=check"' in page
    assert 'href="/study/datasets/et/change/?return=check#id_tomograms-0"' in page
    assert 'href="/study/correlations/?return=check"' in page


def test_change_from_check_returns_to_check(client):
    started(client, datasets=[LM])
    client.post("/study/datasets/", {})
    response = client.post("/study/publication/?return=check", {"publication-publication": "no"})
    assert response["Location"] == "/study/check/"
    assert 'href="/study/check/" class="back-link"' in text(client.get("/study/publication/?return=check"))


def test_change_from_check_asks_the_new_follow_up_first(client):
    started(client, datasets=[LM])
    client.post("/study/datasets/", {})
    url = "/study/datasets/lm/change/?return=check"
    response = client.post(
        url,
        {
            "id": "lm",
            "modality": "electron_microscopy",
            "patient_medical": "no",
            "human_tissue": "no",
            "shown": "id,modality,patient_medical,human_tissue",
        },
    )
    assert response.status_code == 200
    assert DATASET_QUESTIONS_BY_FIELD["em_method"].text in text(response)
    assert 'action="/study/datasets/lm/change/?return=check"' in text(response)
    response = client.post(
        url,
        {
            "id": "lm",
            "modality": "electron_microscopy",
            "em_method": "2d",
            "patient_medical": "no",
            "human_tissue": "no",
        },
    )
    assert response["Location"] == "/study/check/"
    assert "2D electron microscopy" in text(client.get("/study/check/"))


def test_adding_a_second_dataset_from_check_asks_for_correlations_first(client):
    started(client, datasets=[LM])
    client.post("/study/datasets/", {})
    response = dataset_post(client, FIB, url="/study/datasets/new/?return=check")
    assert response["Location"] == "/study/correlations/"


def test_final_step_stores_the_plan_and_redirects_to_it(client):
    response = study_enter(client, {"datasets": [LM]})
    result = Result.objects.get()
    assert response["Location"] == f"/r/{result.id}/"
    assert result.answers == {
        "answers_version": 2,
        "publication": True,
        "datasets": [{"id": "lm", "modality": "light_microscopy", "patient_medical": False, "human_tissue": False}],
    }
    assert [deposition["archive"] for deposition in result.plan["depositions"]] == ["bia"]


def test_final_step_submitted_twice_gives_one_result(client):
    first = study_enter(client, {"datasets": [LM]})
    second = client.post("/study/check/", {})
    assert second["Location"] == first["Location"]
    assert Result.objects.count() == 1


def test_a_get_to_the_done_url_never_submits(client):
    started(client, datasets=[LM])
    client.post("/study/datasets/", {})
    assert client.get("/study/done/")["Location"] == "/study/check/"
    assert not Result.objects.exists()


def test_all_patient_medical_ends_on_a_page_that_says_so(client):
    response = study_enter(client, {"datasets": [{**LM, "patient_medical": True}]})
    assert response["Location"] == "/study/cannot-deposit/"
    page = text(client.get("/study/cannot-deposit/"))
    assert "cannot be deposited" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page
    assert not Result.objects.exists()


def test_cannot_deposit_page_is_only_for_such_studies(client):
    started(client, datasets=[LM])
    assert client.get("/study/cannot-deposit/")["Location"] == "/study/datasets/"


def test_some_patient_identifiable_still_gets_a_plan(client):
    study_enter(client, {"datasets": [LM, {**FIB, "patient_medical": True}]})
    plan = Result.objects.get().plan
    assert [item["dataset"] for item in plan["not_accepted"]] == ["fib"]


def test_restart_empties_the_study(client):
    started(client, datasets=[LM])
    assert client.post("/study/restart/")["Location"] == "/study/publication/"
    assert client.get("/study/datasets/")["Location"] == "/study/publication/"


def test_start_page_offers_to_continue_a_study_in_progress(client):
    started(client, datasets=[LM])
    page = text(client.get("/"))
    assert "Continue your study" in page
    assert "Start again with a new study" in page


def test_a_preview_of_follow_ups_never_writes_the_session(client):
    """An htmx preview racing a save must not write the study it read back over the saved one."""
    started(client, datasets=[LM])
    before = client.session.session_key
    response = client.post(
        "/study/datasets/new/",
        {"id": "em", "modality": "electron_microscopy", "preview": "1"},
        headers={"HX-Request": "true", "HX-Target": "follow-up-questions"},
    )
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert client.session.session_key == before


def test_a_stale_tab_cannot_store_groups_naming_a_dataset_another_tab_removed(client):
    """Two tabs share one study; each POST is judged against the study as it is now."""
    started(client, datasets=[LM, FIB, {"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}])
    client.post("/study/datasets/", {})
    stale_correlations_form = {"correlations-correlated": "yes", "correlations-group_1": ["lm", "sxt"]}
    client.post("/study/datasets/sxt/remove/")  # the other tab
    response = client.post("/study/correlations/", stale_correlations_form)
    assert response.status_code == 200
    assert "Tick only the datasets listed" in text(response)


def test_a_stale_tab_continuing_an_emptied_list_is_told_to_add_a_dataset(client):
    started(client, datasets=[LM])
    client.post("/study/datasets/lm/remove/")  # the other tab
    response = client.post("/study/datasets/", {})
    assert "Add at least one dataset" in text(response)
    assert client.get("/study/check/")["Location"] == "/study/datasets/"


def test_the_start_page_links_the_policy_text_in_its_own_words(client):
    assert 'href="/policy/"' in text(client.get("/"))
    page = text(client.get("/policy/"))
    assert "Patient associated medical imaging data cannot currently be deposited into any resource at EBI." in page
    assert 'id="background-patient"' in page
    assert "https://www.ebi.ac.uk/bioimage-archive/submit/" in page


def test_adding_the_same_dataset_twice_is_a_replay_not_an_error(client):
    started(client, datasets=[LM])
    assert dataset_post(client, LM)["Location"] == "/study/datasets/"
    assert text(client.get("/study/datasets/")).count('class="inline-form"') == 1
    different = dataset_post(client, {**LM, "modality": "other"})
    assert "Another dataset is already labelled lm" in text(different)


@pytest.mark.parametrize("path", ["/", "/policy/", "/study/session-ended/"])
def test_read_only_pages_answer_head_for_health_checks(client, path):
    response = client.head(path)

    assert response.status_code == 200
    assert response.content == b""
