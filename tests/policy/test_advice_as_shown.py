"""Issue 9's corrections as a depositor sees them: on the result page and in the Markdown export."""

import html

import pytest
from django.urls import reverse

from policy.results import result_create

pytestmark = pytest.mark.django_db

CRYO_ET_TILTS_ONLY = {
    "modality": "electron_microscopy",
    "em_method": "cryo_et",
    "tilt_series": True,
    "tomograms": "none",
    "subtomogram_average": False,
    "atomic_model": False,
}
STUDY = {
    "answers_version": 4,
    "datasets": [
        {"id": "mri", "modality": "other", "medical_imaging": True},
        {"id": "tilts", **CRYO_ET_TILTS_ONLY},
        {"id": "atac", "modality": "spatial_omics", "omics_type": "epigenomics", "omics_repository_fits": True},
        {"id": "lm", "modality": "light_microscopy"},
    ],
}


def shown(client) -> list[str]:
    result, _ = result_create(answers=STUDY)
    page = html.unescape(client.get(reverse("result", args=[result.pk])).content.decode())
    markdown = client.get(reverse("result-markdown", args=[result.pk])).content.decode()
    return [page, markdown]


@pytest.mark.parametrize("where", ["page", "markdown"])
def test_medical_imaging_imaging_is_refused_plainly_with_the_contact_and_no_advice_to_de_identify(client, where):
    text = shown(client)[where == "markdown"]

    assert "no EBI resource accepts medical imaging of people (patients or healthy volunteers)" in text
    assert "image-presubmission@ebi.ac.uk" in text
    assert "remove what identifies" not in text


@pytest.mark.parametrize("where", ["page", "markdown"])
def test_cryo_et_tilt_series_alone_asks_empiar_before_depositing(client, where):
    text = shown(client)[where == "markdown"]

    assert "EMPIAR normally requires an associated EMDB entry" in text
    assert "empiar-help@ebi.ac.uk" in text
    assert "EMDB does not cover this 3D modality" not in text


@pytest.mark.parametrize("where", ["page", "markdown"])
def test_spatial_atac_seq_goes_to_arrayexpress(client, where):
    text = shown(client)[where == "markdown"]

    assert "ArrayExpress" in text
    assert "the spatial epigenomics or functional genomics sequencing data" in text
    assert "ENA Webin" not in text


HUMAN_VISIUM_WITHOUT_IMAGE_CONSENT = {
    "answers_version": 4,
    "datasets": [
        {
            "id": "visium",
            "modality": "spatial_omics",
            "omics_type": "transcriptomics",
            "omics_repository_fits": True,
            "human_tissue": True,
            "human_data_open": False,
            "human_controlled_access": True,
        },
        {"id": "he", "modality": "light_microscopy", "human_tissue": True, "human_data_open": False},
    ],
}


@pytest.mark.parametrize("where", ["page", "markdown"])
def test_images_without_consent_to_open_release_are_refused_plainly_and_the_reads_still_planned(client, where):
    result, _ = result_create(answers=HUMAN_VISIUM_WITHOUT_IMAGE_CONSENT)
    page = html.unescape(client.get(reverse("result", args=[result.pk])).content.decode())
    markdown = client.get(reverse("result-markdown", args=[result.pk])).content.decode()
    text = markdown if where == "markdown" else page

    assert "The images of visium cannot be deposited at EBI" in text
    assert "he cannot be deposited at EBI" in text
    assert "did not consent to its open release" in text
    assert "image-presubmission@ebi.ac.uk" in text
    assert "the human sequencing data (raw reads), under controlled access" in text
