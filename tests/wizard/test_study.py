"""wizard.study: the draft is the answers contract, its revision counts changes, reads never write."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from hypothesis import given, settings
from hypothesis import strategies as st

from policy.engine import planner
from tests import builders
from tests.builders import dataset_as_stored
from tests.strategies import studies
from wizard.study import (
    CHECK,
    CORRELATIONS,
    DATASETS,
    PUBLICATION,
    correlations_review,
    dataset_refused,
    dataset_remove,
    dataset_save,
    datasets_offered,
    step_reachable,
    study_answer,
    study_answers,
    study_datasets,
    study_find,
    study_first_unanswered,
    study_load,
    study_next_url,
    study_start,
    study_steps,
    study_submitted_mark,
)

# The draft holds each dataset as the wizard stores it.
LM, FIB, SXT = (dataset_as_stored(dataset) for dataset in (builders.LM, builders.FIB, builders.SXT))


@pytest.fixture
def session():
    return SessionStore()


def test_a_new_study_asks_the_publication_question_first(session):
    draft = study_start(session=session)
    assert draft["answers"] == {"datasets": []}
    assert study_first_unanswered(draft) == PUBLICATION
    assert [step for step in (PUBLICATION, DATASETS, CHECK) if step_reachable(draft, step)] == [PUBLICATION]


@pytest.mark.parametrize(
    ("answers", "first_unanswered", "steps"),
    [
        ({"datasets": []}, PUBLICATION, [PUBLICATION, DATASETS, CHECK]),
        ({"publication": False, "datasets": []}, DATASETS, [PUBLICATION, DATASETS, CHECK]),
        ({"publication": True, "datasets": [LM]}, CHECK, [PUBLICATION, DATASETS, CHECK]),
        ({"publication": True, "datasets": [LM, FIB]}, CORRELATIONS, [PUBLICATION, DATASETS, CORRELATIONS, CHECK]),
        ({"publication": True, "datasets": [LM, FIB], "correlations": []}, CHECK,
         [PUBLICATION, DATASETS, CORRELATIONS, CHECK]),
    ],
)  # fmt: skip
def test_what_to_ask_next_is_a_function_of_the_draft(answers, first_unanswered, steps):
    draft = {"id": "x", "revision": 1, "answers": answers}
    assert study_first_unanswered(draft) == first_unanswered
    assert study_steps(draft) == steps


def test_the_datasets_step_of_a_study_without_datasets_opens_on_the_first_datasets_page(session):
    study_start(session=session)
    draft = study_answer(session=session, answers={"publication": True})
    assert study_next_url(draft) == "/study/datasets/new/"
    draft = dataset_save(session=session, dataset=LM)
    assert study_next_url(draft) == "/study/check/"


def test_every_change_makes_a_new_revision_and_no_change_none(session):
    study_start(session=session)
    revisions = [
        study_answer(session=session, answers={"publication": True})["revision"],
        study_answer(session=session, answers={"publication": True})["revision"],
        dataset_save(session=session, dataset=LM)["revision"],
        dataset_save(session=session, dataset=LM, replacing="lm")["revision"],
        dataset_save(session=session, dataset={**LM, "modality": "other"}, replacing="lm")["revision"],
        dataset_remove(session=session, label="nope")["revision"],
        dataset_remove(session=session, label="lm")["revision"],
    ]
    assert revisions == [1, 1, 2, 2, 3, 3, 4]


def test_a_change_after_submitting_makes_the_study_in_progress_again(session):
    study_start(session=session)
    study_answer(session=session, answers={"publication": True})
    dataset_save(session=session, dataset=LM)
    study_submitted_mark(session=session, result_id="r" * 22)
    assert study_find(session)["result_id"] == "r" * 22
    dataset_save(session=session, dataset=FIB)
    assert "result_id" not in study_find(session)


def test_renaming_and_removing_keep_the_groups_true(session):
    study_load(
        session=session,
        answers={"publication": True, "datasets": [LM, FIB, {**LM, "id": "sxt"}],
                 "correlations": [["fib", "lm", "sxt"], ["fib", "lm"]]},
    )  # fmt: skip
    dataset_save(session=session, dataset={**LM, "id": "confocal"}, replacing="lm")
    assert study_find(session)["answers"]["correlations"] == [["fib", "confocal", "sxt"], ["fib", "confocal"]]
    dataset_remove(session=session, label="confocal")
    # Removing a dataset asks the question again, from the groups that still make sense.
    draft = study_find(session)
    assert "correlations" not in draft["answers"]
    assert draft["correlations_review"] == {
        "changes": [["removed", "confocal"]],
        "groups": [["fib", "sxt"]],
        "dropped": [[["fib", "confocal"], ["confocal"]]],
        "answered_no": False,
    }


def test_an_earlier_no_is_kept_while_the_question_is_asked_again(session):
    study_load(session=session, answers={"publication": True, "datasets": [LM, FIB], "correlations": []})
    dataset_save(session=session, dataset=SXT)
    dataset_remove(session=session, label="fib")
    review = correlations_review(study_find(session))
    assert review["changes"] == [["added", "sxt"], ["removed", "fib"]]
    assert review["answered_no"] is True
    study_answer(session=session, answers={"correlations": [["lm", "sxt"]]})
    assert correlations_review(study_find(session)) is None


def test_the_contract_leaves_out_correlations_not_asked_or_answered_no(session):
    study_load(session=session, answers={"publication": False, "datasets": [LM, FIB], "correlations": [["fib", "lm"]]})
    assert study_answers(study_find(session)) == {
        "answers_version": 4,
        "publication": False,
        "datasets": [LM, FIB],
        "correlations": [["fib", "lm"]],
    }
    draft = dataset_remove(session=session, label="fib")
    assert study_answers(draft) == {"answers_version": 4, "publication": False, "datasets": [LM]}


@pytest.mark.django_db
def test_reading_the_draft_never_marks_the_session_changed(session):
    study_start(session=session)
    session.save()
    session.modified = False
    draft = study_find(session)
    study_first_unanswered(draft)
    study_answers({**draft, "answers": {**draft["answers"], "publication": True}})
    assert session.modified is False


def test_a_draft_begun_before_contract_3_is_read_as_today_leaving_unasked_consent_to_ask(session):
    session["study"] = {
        "id": "old",
        "revision": 3,
        "answers": {
            "publication": True,
            "datasets": [
                {"id": "he", "modality": "light_microscopy", "patient_medical": False, "human_tissue": True},
            ],
        },
    }

    draft = study_find(session)

    assert draft["answers_version"] == 4
    assert draft["answers"]["datasets"] == [
        {"id": "he", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": True}
    ]
    assert study_answers(draft)["answers_version"] == 4
    assert "answers_version" not in session["study"]  # a read never writes the session


def test_a_version_3_draft_keeps_images_only_consent_and_asks_it_again_for_omics(session):
    visium = {
        "id": "visium",
        "modality": "spatial_omics",
        "omics_type": "transcriptomics",
        "omics_repository_fits": True,
        "medical_imaging": False,
        "human_tissue": True,
        "human_images_open": True,
        "human_controlled_access": True,
    }
    he = {"id": "he", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": True}
    session["study"] = {
        "id": "v3",
        "revision": 2,
        "answers_version": 3,
        "answers": {"publication": True, "datasets": [{**he, "human_images_open": False}, visium]},
    }

    he_now, visium_now = study_find(session)["answers"]["datasets"]

    assert he_now == {**he, "human_data_open": False}
    assert "human_data_open" not in visium_now
    assert "human_images_open" not in visium_now


# --- The correlations follow the datasets (property) ---------------------------------------------------------------

OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "refuse", "rename", "answer"]), st.integers(0, 9)), max_size=6
)


@settings(max_examples=60, deadline=None)
@given(answers=studies(max_datasets=4, as_asked=True), operations=OPERATIONS)
def test_the_correlations_answer_or_its_review_only_ever_names_offered_datasets(answers, operations):
    """Whatever is added, removed, renamed or made undepositable: the groups stored, or kept for the question asked
    again, name only datasets that can be deposited, at least two each; and never both at once."""
    session = SessionStore()
    refused = {dataset["id"] for dataset in answers["datasets"] if dataset_refused(dataset)}
    groups = [[m for m in group if m not in refused] for group in answers.get("correlations", [])]
    study_load(session=session, answers={**answers, "correlations": [g for g in groups if len(g) >= 2]})
    for number, (operation, index) in enumerate(operations):
        datasets = study_find(session)["answers"]["datasets"]
        chosen = datasets[index % len(datasets)] if datasets else None
        if operation == "add" or chosen is None:
            dataset_save(session=session, dataset={**LM, "id": f"new-{number}"})
        elif operation == "remove":
            dataset_remove(session=session, label=chosen["id"])
        elif operation == "refuse":
            dataset_save(session=session, dataset={**chosen, "medical_imaging": True}, replacing=chosen["id"])
        elif operation == "rename":
            dataset_save(session=session, dataset={**chosen, "id": f"renamed-{number}"}, replacing=chosen["id"])
        else:
            study_answer(session=session, answers={"correlations": []})

        draft = study_find(session)
        offered = {dataset["id"] for dataset in datasets_offered(study_datasets(draft))}
        review = correlations_review(draft)
        stored = draft["answers"].get("correlations")
        assert stored is None or review is None
        if review and review["answered_no"]:
            assert review["groups"] == []
        for group in [*(stored or []), *(review["groups"] if review else [])]:
            assert len(group) >= 2
            assert set(group) <= offered


def test_the_wizard_asks_the_engine_whether_a_dataset_is_refused_rather_than_restating_its_rule():
    assert dataset_refused is planner.dataset_refused
