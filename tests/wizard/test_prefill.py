"""Prefill from a stored result ("Change answers" on the result page)."""

import pytest

from policy.models import Result
from policy.results import result_create
from tests.wizard.journeys import check_confirm, dataset_post, study_started

pytestmark = pytest.mark.django_db

ANSWERS = {
    "answers_version": 4,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": False},
        {
            "id": "fib",
            "modality": "electron_microscopy",
            "em_method": "volume_em",
            "volume_em_method": "fib_sem",
            "segmentations": "none",
            "medical_imaging": False,
            "human_tissue": False,
        },
    ],
    "correlations": [["lm", "fib"]],
}


def test_unknown_result_is_404(client):
    assert client.get("/study/from/nope/").status_code == 404
    assert client.get("/study/from/" + "x" * 40 + "/").status_code == 404


def test_prefill_lands_on_check_your_answers_with_the_results_answers(client):
    result, _ = result_create(answers=ANSWERS)
    response = client.get(f"/study/from/{result.id}/")
    assert response["Location"] == "/study/check/"
    page = client.get("/study/check/").content.decode()
    assert "Check your answers" in page
    assert "Light microscopy" in page
    assert "Volume EM" in page
    assert "fib, lm" in page


def test_prefilled_answers_submit_to_the_same_result(client):
    result, _ = result_create(answers=ANSWERS)
    client.get(f"/study/from/{result.id}/")
    assert check_confirm(client)["Location"] == f"/r/{result.id}/"
    assert Result.objects.count() == 1


def test_a_changed_prefilled_study_gives_a_new_result(client):
    result, _ = result_create(answers=ANSWERS)
    client.get(f"/study/from/{result.id}/")
    response = dataset_post(
        client,
        {"id": "lm", "modality": "light_microscopy", "medical_imaging": True},
        url="/study/datasets/lm/change/?return=check",
    )
    assert response["Location"] == "/study/check/"
    response = check_confirm(client)
    new = Result.objects.exclude(pk=result.pk).get()
    assert response["Location"] == f"/r/{new.id}/"
    assert new.answers["datasets"][1] == {
        "id": "lm",
        "modality": "light_microscopy",
        "medical_imaging": True,
        "human_tissue": False,
    }


def test_prefill_asks_before_replacing_an_unfinished_study(client):
    study_started(client, publication=False)
    result, _ = result_create(answers={"datasets": [{"id": "only", "modality": "other"}]})

    response = client.get(f"/study/from/{result.id}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Replace the study you are working on?" in page
    assert f'action="/study/from/{result.id}/"' in page
    assert client.get("/study/check/")["Location"] == "/study/datasets/new/"


def test_prefill_post_replaces_an_unfinished_study(client):
    study_started(client, publication=False)
    result, _ = result_create(answers={"datasets": [{"id": "only", "modality": "other"}]})

    response = client.post(f"/study/from/{result.id}/")

    assert response["Location"] == "/study/check/"
    page = client.get("/study/check/").content.decode()
    assert "only" in page
    assert "Other imaging" in page


def test_prefill_post_needs_the_csrf_token(client):
    result, _ = result_create(answers=ANSWERS)
    client.handler.enforce_csrf_checks = True

    assert client.post(f"/study/from/{result.id}/").status_code == 403


def test_prefill_after_finishing_a_study_loads_without_asking(client):
    first, _ = result_create(answers=ANSWERS)
    second, _ = result_create(answers={"datasets": [{"id": "only", "modality": "other"}]})
    client.get(f"/study/from/{first.id}/")
    assert check_confirm(client)["Location"] == f"/r/{first.id}/"

    assert client.get(f"/study/from/{second.id}/")["Location"] == "/study/check/"
    assert "Other imaging" in client.get("/study/check/").content.decode()


def test_answers_that_no_longer_fit_the_questions_are_not_loaded(client):
    outdated = Result.objects.create(
        answers={"publication": True, "datasets": [{"id": "x", "modality": "holography"}]},
        plan={},
        policy_version="2020-01+0000000000",
        answers_digest="0" * 64,
    )
    response = client.get(f"/study/from/{outdated.id}/")
    assert response.status_code == 409
    assert "no longer fit the questions" in response.content.decode()
    assert client.get("/study/check/")["Location"] == "/study/session-ended/"


def test_a_stored_version_2_result_is_prefilled_without_the_consent_it_never_asked(client):
    from policy.results import answers_digest

    v2 = {
        "answers_version": 2,
        "publication": True,
        "datasets": [
            {"id": "he", "modality": "light_microscopy", "patient_medical": False, "human_tissue": True},
            {"id": "mri", "modality": "other", "patient_medical": True, "human_tissue": False},
        ],
    }
    result = Result.objects.create(
        answers=v2, plan={}, texts={}, policy_version="2026-11+old", answers_digest=answers_digest(v2)
    )

    assert client.get(f"/study/from/{result.id}/")["Location"] == "/study/check/"
    draft = client.session["study"]
    assert draft["answers_version"] == 4
    he, mri = draft["answers"]["datasets"]
    assert "human_data_open" not in he
    assert mri["medical_imaging"] is True
    assert "Not answered" in client.get("/study/check/").content.decode()


def test_a_version_1_result_is_prefilled_asking_what_version_1_never_asked(client):
    v1 = {"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": False}]}
    result, _ = result_create(answers=v1)

    assert client.get(f"/study/from/{result.id}/")["Location"] == "/study/check/"
    [mri] = client.session["study"]["answers"]["datasets"]
    assert mri == {"id": "mri", "modality": "other"}
    # Submitting leaves the depositor on Check your answers until the questions are answered.
    assert check_confirm(client)["Location"] == "/study/check/"
    assert Result.objects.count() == 1


def test_a_version_4_result_without_the_method_is_prefilled_asking_it(client):
    """Version 4 as first released did not ask the volume EM method nor segmentations: not asked, not refused."""
    fib_as_released = {
        "id": "fib",
        "modality": "electron_microscopy",
        "em_method": "volume_em",
        "medical_imaging": False,
        "human_tissue": False,
    }
    result, _ = result_create(answers={"answers_version": 4, "datasets": [fib_as_released]})

    assert client.get(f"/study/from/{result.id}/")["Location"] == "/study/check/"
    [fib] = client.session["study"]["answers"]["datasets"]
    assert fib == fib_as_released
    assert check_confirm(client)["Location"] == "/study/check/"
