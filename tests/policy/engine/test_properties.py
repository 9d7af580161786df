"""Invariants of every plan, over generated valid studies."""

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from policy import plan_for
from policy.engine.answers import answers_validate
from policy.engine.clauses import CLAUSES
from policy.engine.questions import when
from policy.engine.rules import CONTROLLED_ACCESS_ARCHIVES
from tests.strategies import studies

VOLUME_3D = (
    when(modality="electron_microscopy", em_method=("single_particle", "volume_em")),
    when(modality="xray_imaging", dimensionality="3d"),
)
CRYO_ET = when(modality="electron_microscopy", em_method="cryo_et")


def archives_of(plan: dict, dataset_id: str) -> set[str]:
    return {d["archive"] for d in plan["depositions"] if dataset_id in d["datasets"]}


def all_items(plan: dict) -> list[dict]:
    return plan["depositions"] + plan["linking"] + plan["not_accepted"] + plan["notes"]


def patient_ids(answers: dict) -> set[str]:
    return {d["id"] for d in answers["datasets"] if d.get("medical_imaging")}


def closed_ids(answers: dict) -> set[str]:
    """Datasets of data from people whose participants did not consent to its open release, or were not asked."""
    return {
        d["id"]
        for d in answers["datasets"]
        if (d.get("human_tissue") or d.get("medical_imaging"))
        and d.get("human_data_open") is not True
        # Reads that are not images go to EGA, under controlled access, and "other" data to no archive: nothing of
        # them is refused.
        and not (d["modality"] == "non_image" and d["data_type"] in ("sequencing", "other"))
    }


def refused_ids(answers: dict) -> set[str]:
    """Datasets whose images no archive receives: medical imaging, and data from people without consent."""
    return patient_ids(answers) | closed_ids(answers)


def without_consent_answers(answers: dict) -> dict:
    """The same study as version 3 answers would give it where the consent to open release was not asked."""
    datasets = [{k: v for k, v in d.items() if k != "human_data_open"} for d in answers["datasets"]]
    return {**answers, "answers_given_in": 3, "datasets": datasets}


@settings(max_examples=300)
@given(studies())
def test_every_dataset_lands_in_a_deposition_or_is_said_to_be_not_accepted(answers):
    plan = plan_for(answers)
    not_accepted = {item["dataset"] for item in plan["not_accepted"]}

    noted = {label for note in plan["notes"] for label in note["text"].split(":", 1)[0].split(", ")}
    for dataset in answers["datasets"]:
        # Data that is not images and fits no repository the plan names is the subject of a note saying whom to ask.
        asked_about = dataset["modality"] == "non_image" and dataset["data_type"] == "other" and dataset["id"] in noted
        assert archives_of(plan, dataset["id"]) or dataset["id"] in not_accepted or asked_about, dataset


@settings(max_examples=300)
@given(studies())
def test_medical_imaging_datasets_send_no_image_anywhere_and_are_linked_to_nothing(answers):
    plan = plan_for(answers)
    refused = patient_ids(answers)

    assert {item["dataset"] for item in plan["not_accepted"]} == refused_ids(answers)
    for deposition in plan["depositions"]:
        for content in deposition["contents"]:
            if refused & set(content["datasets"]):
                # Medical imaging refuses the images, never the omics data (with consent, in its repository).
                assert deposition["archive"] in {"ega", "arrayexpress", "pride", "metabolights"}
                assert "images" not in content["what"]
    for item in plan["linking"]:
        assert not refused & set(item["datasets"])


@settings(max_examples=500)
@given(studies(), st.booleans())
def test_no_plan_places_data_from_people_in_an_open_archive_without_the_consent_answer_yes(answers, not_asked):
    """Data from people (samples of human participants, medical imaging) reaches an archive that releases it
    openly only when the consent to open release was answered "yes"; not asked is no consent."""
    if not_asked:
        answers = without_consent_answers(answers)
    plan = plan_for(answers)
    study = answers_validate(answers)
    consented = {d["id"] for d in study.datasets if d.get("human_data_open") is True}
    from_people = {d["id"] for d in study.datasets if d["human_tissue"] or d["medical_imaging"]}

    for deposition in plan["depositions"]:
        if deposition["archive"] in CONTROLLED_ACCESS_ARCHIVES:
            continue
        for content in deposition["contents"]:
            assert not (from_people - consented) & set(content["datasets"]), (deposition["key"], content)
    for item in plan["not_accepted"]:
        assert "image-presubmission@ebi.ac.uk" in item["instead"]


@settings(max_examples=300)
@given(studies())
def test_light_microscopy_never_goes_to_empiar(answers):
    plan = plan_for(answers)

    for dataset in answers["datasets"]:
        if dataset["modality"] == "light_microscopy":
            assert "empiar" not in archives_of(plan, dataset["id"])


@settings(max_examples=300)
@given(studies())
def test_3d_em_and_xm_always_go_to_empiar(answers):
    """Volume EM/XM and single-particle raw data always; cryo-ET when it has raw tilt series or more tomograms
    than EMDB takes (note 2)."""
    plan = plan_for(answers)

    for dataset in answers["datasets"]:
        if dataset["id"] in refused_ids(answers):
            continue
        archives = archives_of(plan, dataset["id"])
        if any(condition.matches(dataset) for condition in VOLUME_3D):
            assert "empiar" in archives
        elif CRYO_ET.matches(dataset):
            assert ("empiar" in archives) == (
                dataset["tilt_series"] or dataset["tomograms"] == "many" or dataset["segmentations"] == "with_empiar"
            )


@settings(max_examples=300)
@given(studies())
def test_every_correlation_group_of_two_accepted_datasets_yields_a_bia_correlation_item(answers):
    plan = plan_for(answers)
    refused = refused_ids(answers)
    correlation_items = {
        tuple(i["datasets"]) for i in plan["linking"] if i["kind"] == "correlation" and i["archive"] == "bia"
    }

    for group in answers.get("correlations", []):
        accepted = tuple(sorted(member for member in group if member not in refused))
        if len(accepted) >= 2:
            assert accepted in correlation_items
    if correlation_items:
        assert plan["depositions"][-1]["archive"] == "bia"


@settings(max_examples=300)
@given(studies())
def test_every_item_has_a_reason_and_every_reason_cites_a_known_clause(answers):
    plan = plan_for(answers)

    for item in all_items(plan):
        assert item["reasons"]
        for reason in item["reasons"]:
            assert reason["clause"] in CLAUSES
            assert reason["why"]


@settings(max_examples=300)
@given(studies())
def test_every_linking_item_is_deposited_in_an_archive_the_plan_deposits_to(answers):
    plan = plan_for(answers)

    deposited = {d["archive"] for d in plan["depositions"]}
    assert {item["archive"] for item in plan["linking"]} <= deposited


@settings(max_examples=200)
@given(studies(), st.randoms(use_true_random=False))
def test_shuffling_datasets_and_correlations_does_not_change_the_plan(answers, shuffler: random.Random):
    shuffled = json.loads(json.dumps(answers))
    shuffler.shuffle(shuffled["datasets"])
    for group in shuffled.get("correlations", []):
        shuffler.shuffle(group)
    shuffler.shuffle(shuffled.get("correlations", []))

    assert plan_for(shuffled) == plan_for(answers)


@settings(max_examples=200)
@given(studies())
def test_plan_is_plain_json(answers):
    plan = plan_for(answers)

    assert json.loads(json.dumps(plan)) == plan


@settings(max_examples=300)
@given(studies())
def test_the_pdb_receives_exactly_the_atomic_models_each_cross_referenced_with_its_emdb_map(answers):
    plan = plan_for(answers)
    keys = {d["key"]: d for d in plan["depositions"]}

    for dataset in answers["datasets"]:
        if dataset["id"] in refused_ids(answers):
            continue
        assert ("pdb" in archives_of(plan, dataset["id"])) == (dataset.get("atomic_model") is True)
    for item in plan["linking"]:
        # The model's own cross-reference; data that is not images is cited by every structure deposition too.
        if (
            keys[item["in"]]["archive"] == "pdb"
            and item["kind"] == "cross_reference"
            and "emdb" in {keys[cited]["archive"] for cited in item["cites"]}
        ):
            assert [keys[cited]["archive"] for cited in item["cites"]] == ["emdb"]


@settings(max_examples=300)
@given(studies())
def test_a_linking_item_is_done_in_a_deposition_of_the_plan_and_cites_only_earlier_ones(answers):
    plan = plan_for(answers)
    position = {d["key"]: index for index, d in enumerate(plan["depositions"])}

    for item in plan["linking"]:
        assert item["in"] in position
        assert all(position[cited] < position[item["in"]] for cited in item["cites"])


@settings(max_examples=300)
@given(studies())
def test_the_order_note_appears_exactly_when_a_deposition_cites_another(answers):
    plan = plan_for(answers)
    order_noted = any(r["clause"] == "beyond-policy:deposition-order" for n in plan["notes"] for r in n["reasons"])

    assert order_noted == any(item["cites"] for item in plan["linking"])


@settings(max_examples=300)
@given(studies())
def test_every_deposition_links_to_where_its_submission_starts(answers):
    for deposition in plan_for(answers)["depositions"]:
        assert deposition["submit_url"].startswith("https://")
