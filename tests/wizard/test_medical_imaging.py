"""Medical imaging of people on the dataset's page: microscopy and spatial omics answered "yes" are questioned
before anything is refused; a study with nothing to deposit ends on the page that says so, dataset by dataset."""

import pytest

from policy.models import Result
from tests.builders import LIGHT_MICROSCOPY as LM
from tests.wizard.journeys import DATASET_ADD, dataset_data, form_post, study_enter, study_started, text

pytestmark = pytest.mark.django_db

QUESTIONED = "microscopy of tissue taken from people"


def unconfirmed(dataset: dict) -> dict:
    data = dataset_data(dataset)
    del data["medical_imaging_confirmed"]
    return data


@pytest.mark.parametrize(
    "dataset",
    [
        {"id": "lm", **LM, "medical_imaging": True},
        {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em", "medical_imaging": True},
        {
            "id": "visium",
            "modality": "spatial_omics",
            "omics_type": "transcriptomics",
            "omics_repository_fits": False,
            "medical_imaging": True,
        },
    ],
    ids=["light-microscopy", "volume-em", "spatial-omics"],
)
def test_microscopy_answered_medical_imaging_is_questioned_before_it_is_saved(client, dataset):
    study_started(client)

    response = form_post(client, DATASET_ADD, unconfirmed(dataset))

    assert response.status_code == 200
    page = text(response)
    assert QUESTIONED in page
    assert 'name="medical_imaging_confirmed" value="yes"' in page
    assert client.session["study"]["answers"]["datasets"] == []


def test_saving_again_confirms_medical_imaging(client):
    study_started(client)
    form_post(client, DATASET_ADD, unconfirmed({"id": "lm", **LM, "medical_imaging": True}))

    response = form_post(client, DATASET_ADD, dataset_data({"id": "lm", **LM, "medical_imaging": True}))

    assert response.status_code == 302
    [saved] = client.session["study"]["answers"]["datasets"]
    assert saved["medical_imaging"] is True


def test_other_imaging_answered_medical_imaging_is_not_questioned(client):
    study_started(client)
    mri = {"id": "mri", "modality": "other", "medical_imaging": True}

    assert form_post(client, DATASET_ADD, unconfirmed(mri)).status_code == 302


def test_a_study_without_consent_ends_on_the_page_that_says_why_for_each_dataset(client):
    he = {"id": "he", **LM, "human_tissue": True, "human_data_open": False}
    mri = {"id": "mri", "modality": "other", "medical_imaging": True}

    response = study_enter(client, {"datasets": [he, mri]})

    assert response["Location"] == "/study/cannot-deposit/"
    page = text(client.get("/study/cannot-deposit/"))
    assert "Nothing of this study can be deposited at EMBL-EBI" in page
    assert "he cannot be deposited at EBI" in page
    assert "did not consent to its open release" in page
    assert "people (patients or healthy volunteers)" in page
    assert "medical imaging of patients" not in page
    assert not Result.objects.exists()
