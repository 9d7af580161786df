import pytest
from hypothesis import HealthCheck, given, settings

from bench.plans import single_dataset_answers
from policy.kit.accessions import accessions_parse
from policy.kit.empiar_draft import PLACEHOLDER, PLACEHOLDER_EMDB, empiar_drafts
from tests.policy.kit.conftest import empiar_validator, planned
from tests.strategies import studies

VALIDATOR = empiar_validator()
STUDIES_WITH_EMPIAR = [
    answers
    for answers in single_dataset_answers()
    if any(deposition["archive"] == "empiar" for deposition in planned(answers)[1]["depositions"])
]


def drafts_of(answers: dict, query: dict | None = None):
    canonical, plan = planned(answers)
    return empiar_drafts(plan=plan, answers=canonical, accessions=accessions_parse(plan=plan, query=query or {}))


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

    assert experiment_types == {1, 3, 4}  # soft X-ray tomography, raw data of EMDB structures, SBF-SEM


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
    assert cryo_et["release_date"] == "EP"
    assert cryo_et["cross_references"] == [{"name": PLACEHOLDER_EMDB}]
    assert fib_sem["experiment_type"] == 7  # correlated with light microscopy: CLEM
    assert fib_sem["release_date"] == "HP"
    assert "cross_references" not in fib_sem
    assert PLACEHOLDER in cryo_et["title"]
    assert PLACEHOLDER in cryo_et["corresponding_author"]["organization"]
    assert any("EMD-0000" in choice for choice in drafts["cryo-et"].choices)


def test_emdb_accessions_typed_in_replace_the_placeholder(five_dataset_study):
    drafts = {draft.dataset: draft for draft in drafts_of(five_dataset_study, {"emdb:cryo-et": "EMD-1111 emd-2222"})}

    document = drafts["cryo-et"].document
    assert document["cross_references"] == [{"name": "EMD-1111"}, {"name": "EMD-2222"}]
    assert schema_errors(document) == []


def test_without_a_publication_the_draft_holds_rather_than_waiting_for_one():
    drafts = drafts_of(
        {"publication": False, "datasets": [{"id": "vem", "modality": "electron_microscopy", "em_method": "volume_em"}]}
    )

    assert [draft.document["release_date"] for draft in drafts] == ["HO"]
