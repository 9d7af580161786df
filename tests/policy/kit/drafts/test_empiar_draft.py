import json

import pytest
from hypothesis import HealthCheck, given, settings

from bench.plans import single_dataset_answers
from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.empiar_draft import PLACEHOLDER, RELEASE_OPTIONS, empiar_drafts
from tests.policy.kit.conftest import empiar_validator, planned
from tests.strategies import studies

VALIDATOR = empiar_validator()
STUDIES_WITH_EMPIAR = [
    answers
    for answers in single_dataset_answers()
    if any(deposition.archive == "empiar" for deposition in planned(answers).plan.depositions)
]


def drafts_of(answers: dict, query: dict | None = None):
    stored = planned(answers)
    return empiar_drafts(stored=stored, accessions=accessions_parse(stored=stored, query=query or {}))


def schema_errors(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in VALIDATOR.iter_errors(document)]


@pytest.mark.parametrize("answers", STUDIES_WITH_EMPIAR, ids=lambda answers: str(answers["datasets"][0]))
def test_every_empiar_draft_of_a_single_dataset_study_validates_against_the_empiar_schema(answers):
    for draft in drafts_of(answers):
        assert schema_errors(draft.document) == []


def test_the_single_dataset_studies_include_every_kind_of_empiar_deposition():
    experiment_types = {
        draft.document["experiment_type"] for answers in STUDIES_WITH_EMPIAR for draft in drafts_of(answers)
    }

    # Soft X-ray, the placeholder (a method without a type), raw data of EMDB structures, SBF-SEM, FIB-SEM,
    # microcrystal electron diffraction, ATUM-SEM, hard X-ray, ssET.
    assert experiment_types == {1, 2, 3, 4, 5, 9, 11, 12, 13}


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(studies())
def test_every_empiar_draft_of_a_generated_study_validates_against_the_empiar_schema(answers):
    for draft in drafts_of(answers):
        assert schema_errors(draft.document) == []


def test_five_dataset_study_drafts_fill_what_the_answers_determine(five_dataset_study):
    drafts = {draft.dataset: draft for draft in drafts_of(five_dataset_study)}

    cryo_et, fib_sem = drafts["cryo-et"].document, drafts["fib-sem"].document
    assert set(drafts) == {"cryo-et", "fib-sem"}
    assert cryo_et["experiment_type"] == 3
    assert [imageset["category"] for imageset in cryo_et["imagesets"]] == ["('T9', '')", "('T13', '')"]
    assert [imageset["directory"] for imageset in cryo_et["imagesets"]] == ["data/tilt_series", "data/tomograms"]
    assert cryo_et["release_date"] == "EP"
    assert cryo_et["cross_references"] == [{"name": "EMD-0000"}]
    assert fib_sem["experiment_type"] == 7  # correlated with light microscopy: CLEM
    assert fib_sem["release_date"] == "HP"
    assert "cross_references" not in fib_sem
    assert PLACEHOLDER in cryo_et["title"]
    assert PLACEHOLDER in cryo_et["corresponding_author"]["organization"]
    assert any("EMD-0000 stands for the EMD accession(s) of step 2" in choice for choice in drafts["cryo-et"].choices)


def test_correlated_volume_em_names_its_methods_type_as_the_alternative(five_dataset_study):
    choices = " ".join(next(draft for draft in drafts_of(five_dataset_study) if draft.dataset == "fib-sem").choices)

    assert "Experiment type 7 (correlative light-electron microscopy)" in choices
    assert "Also fits: 5 (focused ion beam SEM (FIB-SEM))" in choices
    assert "4 (serial block-face SEM" not in choices


def test_emdb_accessions_typed_in_replace_the_placeholder(five_dataset_study):
    drafts = {draft.dataset: draft for draft in drafts_of(five_dataset_study, {"emdb:cryo-et": "EMD-1111 emd-2222"})}

    document = drafts["cryo-et"].document
    assert document["cross_references"] == [{"name": "EMD-1111"}, {"name": "EMD-2222"}]
    assert schema_errors(document) == []


CRYO_ET_WITH_TWO_EMDB_STEPS = {
    "answers_version": 2,
    "datasets": [
        {"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True}
        | {"tomograms": "few", "subtomogram_average": True, "atomic_model": False}
    ],
}


def test_a_draft_has_one_emdb_placeholder_per_cited_emdb_step_until_its_accession_is_typed():
    (before,) = drafts_of(CRYO_ET_WITH_TWO_EMDB_STEPS)
    (after,) = drafts_of(CRYO_ET_WITH_TWO_EMDB_STEPS, {"emdb-average:t": "EMD-3333"})

    assert before.document["cross_references"] == [{"name": "EMD-0000"}, {"name": "EMD-00000"}]
    assert after.document["cross_references"] == [{"name": "EMD-0000"}, {"name": "EMD-3333"}]
    assert sum("stands for the EMD accession" in choice for choice in before.choices) == 2


def test_tilt_series_without_an_emdb_entry_say_that_type_3_needs_one():
    (draft,) = drafts_of(
        {
            "answers_version": 2,
            "datasets": [
                {"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True}
                | {"tomograms": "none", "subtomogram_average": False, "atomic_model": False}
            ],
        }
    )

    assert draft.document["experiment_type"] == 3
    assert draft.document["cross_references"] == [{"name": "EMD-0000"}]
    assert any("needs an EMDB entry, and this plan has none" in choice for choice in draft.choices)


def test_without_a_publication_the_draft_holds_rather_than_waiting_for_one():
    drafts = drafts_of(
        {
            "answers_version": 2,
            "publication": False,
            "datasets": [{"id": "vem", "modality": "electron_microscopy", "em_method": "volume_em"}],
        }
    )

    assert [draft.document["release_date"] for draft in drafts] == ["HO"]
    assert drafts[0].choices[0].startswith("Release HO: delay release of entry by one year from the date of deposition")


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(studies())
def test_every_generated_draft_is_consistent_with_its_plan(answers):
    stored = planned(answers)

    for draft in drafts_of(answers):
        document, choices = draft.document, " ".join(draft.choices)
        cites_emdb = any(
            key.startswith("emdb")
            for item in stored.plan.linking
            if item.performed_in == draft.deposition_key
            for key in item.cites
        )
        if document["experiment_type"] == 3:
            assert document.get("cross_references")
            assert cites_emdb or "needs an EMDB entry" in choices
        placeholders = [item["name"] for item in document.get("cross_references", []) if set(item["name"][4:]) == {"0"}]
        assert len(placeholders) == len(set(placeholders))
        assert RELEASE_OPTIONS[document["release_date"]] in choices
        assert "at most one year" not in choices
        if stored.datasets[draft.dataset].get("em_method") == "volume_em":
            assert "movies" not in json.dumps(document).lower()
