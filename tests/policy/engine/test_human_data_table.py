"""Data from people, one row per case: consent before any archive that releases data openly, medical imaging
refusing the images but never the reads, and what each refusal says. Each row fails if its rule is reverted."""

import pytest

from policy import plan_for
from policy.engine.rules import CONTROLLED_ACCESS_ARCHIVES
from tests.builders import LIGHT_MICROSCOPY as LM
from tests.policy.engine.test_policy_table import cited_clauses, contents_of, deposition, placements, spatial, study

HUMAN = {"human_tissue": True}
VISIUM = spatial("transcriptomics")
PEOPLE = "people (patients or healthy volunteers)"


def refusal(plan: dict, dataset: str) -> dict:
    (found,) = [item for item in plan["not_accepted"] if item["dataset"] == dataset]
    return found


def open_archives(plan: dict) -> set[str]:
    return {d["archive"] for d in plan["depositions"]} - CONTROLLED_ACCESS_ARCHIVES


def test_volunteer_mri_is_refused_whole_with_people_in_its_headline_reason():
    plan = plan_for(study(("mri", {"modality": "other", "medical_imaging": True}), ("lm", LM)))

    refused = refusal(plan, "mri")
    assert refused["scope"] == "dataset"
    assert PEOPLE in refused["reasons"][0]["why"]
    assert PEOPLE in refused["instead"]
    assert "patients or" not in refused["instead"].replace(PEOPLE, "")
    assert {"background-patient", "beyond-policy:bia-scope", "contact"} <= cited_clauses([refused])
    assert "The rest of the study can still be deposited as planned." in refused["instead"]
    assert placements(plan) == {("bia", "lm")}


def test_human_tissue_images_without_consent_are_refused_whole_and_the_rest_is_planned():
    plan = plan_for(study(("he", {**LM, **HUMAN, "human_data_open": False}), ("lm", LM)))

    refused = refusal(plan, "he")
    assert (refused["scope"], refused["causes"]) == ("dataset", ["no"])
    assert "did not consent to its open release" in refused["instead"]
    assert {"beyond-policy:consent-open-release", "beyond-policy:bia-open-access"} <= cited_clauses([refused])
    assert placements(plan) == {("bia", "lm")}


def test_human_tissue_images_with_consent_go_to_the_bia_with_the_condition_and_the_slide_advice():
    plan = plan_for(study(("he", {**LM, **HUMAN, "human_data_open": True})))

    assert placements(plan) == {("bia", "he")}
    assert plan["not_accepted"] == []
    texts = [note["text"] for note in plan["notes"] if note["text"].startswith("he:")]
    assert any("consent to open release" in text for text in texts)
    assert any("label and macro images" in text and "scanner" in text for text in texts)
    assert "beyond-policy:wsi-deidentification" in cited_clauses(plan["notes"])


def test_human_visium_without_consent_sends_its_reads_to_ega_and_nothing_open():
    plan = plan_for(study(("visium", {**VISIUM, **HUMAN, "human_data_open": False, "human_controlled_access": False})))

    assert placements(plan) == {("ega", "visium")}
    refused = refusal(plan, "visium")
    assert refused["scope"] == "images"
    assert "Its sequencing reads go to the EGA, under controlled access" in refused["instead"]
    assert "The rest of the study" not in refused["instead"]  # nothing else is planned
    assert plan["linking"] == []


def test_human_visium_with_consent_and_open_reads_goes_to_arrayexpress_and_the_bia():
    plan = plan_for(study(("visium", {**VISIUM, **HUMAN, "human_data_open": True, "human_controlled_access": False})))

    assert placements(plan) == {("arrayexpress", "visium"), ("bia", "visium")}
    assert plan["not_accepted"] == []


def test_human_visium_with_controlled_reads_goes_to_ega_with_an_optional_processed_step():
    plan = plan_for(study(("visium", {**VISIUM, **HUMAN, "human_data_open": True, "human_controlled_access": True})))

    keys = [d["key"] for d in plan["depositions"]]
    assert keys == ["ega:visium", "arrayexpress-processed:visium", "bia-imaging"]
    processed = plan["depositions"][1]
    assert contents_of(processed) == ["visium: processed data only, without the raw reads (those go to EGA)"]
    assert [content["optional"] for content in processed["contents"]] == [True]
    assert "beyond-policy:arrayexpress-processed-only" in cited_clauses([processed])
    assert "donor attributes" not in str(plan)


def test_human_epigenomics_with_controlled_reads_goes_to_ega_and_the_bia_only():
    atac = {**spatial("epigenomics"), **HUMAN, "human_data_open": True, "human_controlled_access": True}

    assert placements(plan_for(study(("atac", atac)))) == {("ega", "atac"), ("bia", "atac")}


def test_human_proteomics_without_consent_is_refused_whole_pride_included():
    plan = plan_for(study(("lcm", {**spatial("proteomics"), **HUMAN, "human_data_open": False})))

    assert plan["depositions"] == []
    refused = refusal(plan, "lcm")
    assert refused["scope"] == "dataset"
    assert "the mass-spectrometry proteomics data" in refused["withheld"]
    assert "beyond-policy:pride-metabolights-open" in cited_clauses([refused])
    assert "The rest of the study" not in refused["instead"]


def test_human_proteomics_with_consent_goes_to_pride_and_the_bia():
    plan = plan_for(study(("lcm", {**spatial("proteomics"), **HUMAN, "human_data_open": True})))

    assert placements(plan) == {("pride", "lcm"), ("bia", "lcm")}


def test_human_maldi_imaging_without_consent_is_refused_whole_metabolights_included():
    plan = plan_for(study(("maldi", {**spatial("metabolomics"), **HUMAN, "human_data_open": False})))

    assert plan["depositions"] == []
    assert "the spatial metabolomics data" in refusal(plan, "maldi")["withheld"]


def test_human_imc_answered_fits_a_repository_without_consent_plans_neither_pride_nor_images():
    plan = plan_for(study(("imc", {**spatial("proteomics"), **HUMAN, "human_data_open": False}), ("lm", LM)))

    assert placements(plan) == {("bia", "lm")}
    assert refusal(plan, "imc")["scope"] == "dataset"


def test_maldi_imaging_counts_as_images_so_medical_imaging_refuses_it():
    maldi = {**spatial("metabolomics"), **HUMAN, "human_data_open": True, "medical_imaging": True}

    plan = plan_for(study(("maldi", maldi)))

    assert plan["depositions"] == []
    assert "background-patient" in cited_clauses([refusal(plan, "maldi")])


def test_human_visium_answered_medical_imaging_refuses_the_images_and_keeps_the_reads():
    visium = {**VISIUM, **HUMAN, "human_data_open": True, "human_controlled_access": False, "medical_imaging": True}

    plan = plan_for(study(("visium", visium)))

    assert contents_of(deposition(plan, "arrayexpress", "visium")) == [
        "visium: the spatial transcriptomics sequencing data"
    ]
    assert placements(plan) == {("arrayexpress", "visium")}
    refused = refusal(plan, "visium")
    assert (refused["scope"], refused["causes"]) == ("images", ["medical"])


def test_human_visium_answered_medical_imaging_without_consent_sends_the_reads_to_ega():
    visium = {**VISIUM, **HUMAN, "human_data_open": False, "human_controlled_access": True, "medical_imaging": True}

    plan = plan_for(study(("visium", visium)))

    assert placements(plan) == {("ega", "visium")}
    assert refusal(plan, "visium")["causes"] == ["medical"]


def test_visium_of_medical_imaging_not_from_human_samples_sends_the_reads_to_ega():
    plan = plan_for(study(("visium", {**VISIUM, "medical_imaging": True})))

    assert placements(plan) == {("ega", "visium")}
    assert open_archives(plan) == set()


def test_version_3_visium_consent_is_not_asked_and_opens_nothing():
    v3 = {
        "answers_version": 3,
        "datasets": [{"id": "v", **VISIUM, **HUMAN, "human_images_open": True, "human_controlled_access": False}],
    }

    plan = plan_for(v3)

    assert placements(plan) == {("ega", "v")}
    assert refusal(plan, "v")["causes"] == ["not_asked"]
    assert "change your answers" in refusal(plan, "v")["instead"]


@pytest.mark.parametrize("consent", [False, True])
def test_a_study_with_nothing_deposited_never_says_the_rest_can_be_deposited(consent):
    answers = study(
        ("mri", {"modality": "other", "medical_imaging": True}), ("he", {**LM, **HUMAN, "human_data_open": False})
    )

    plan = plan_for(answers)

    assert plan["depositions"] == []
    assert all("The rest of" not in item["instead"] for item in plan["not_accepted"])
    assert any(note["text"].startswith("Nothing of this study can be deposited") for note in plan["notes"])
