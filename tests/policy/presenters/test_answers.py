import pytest

from policy.engine import answers_validate
from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, PUBLICATION
from policy.engine.vocabulary import EM_METHOD, MODALITY
from policy.presenters.answers import AnswerRow, answers_present
from policy.results import answers_words


def present(answers: dict, **kwargs):
    return answers_present(answers=answers, words=answers_words(answers=answers), **kwargs)


def test_answers_are_rows_of_question_and_label_in_asking_order(full_study):
    summary = present(answers_validate(full_study).answers(), refused=["scan"])

    assert summary.study_rows == (AnswerRow(field="publication", key=PUBLICATION.text, value="Yes"),)
    spa = next(dataset for dataset in summary.datasets if dataset.dataset == "spa")
    assert [(row.key, row.value) for row in spa.rows] == [
        (DATASET_QUESTIONS_BY_FIELD["modality"].text, MODALITY.label("electron_microscopy")),
        (DATASET_QUESTIONS_BY_FIELD["em_method"].text, EM_METHOD.label("single_particle")),
        (DATASET_QUESTIONS_BY_FIELD["atomic_model"].text, "No"),
        (DATASET_QUESTIONS_BY_FIELD["medical_imaging"].text, "No"),
        (DATASET_QUESTIONS_BY_FIELD["human_tissue"].text, "No"),
    ]
    assert [card.dataset for card in summary.datasets if card.refused] == ["scan"]


@pytest.mark.parametrize(
    ("correlations", "rows"),
    [
        ([], [("Correlative groups", "None")]),
        ([["lm", "em"]], [("Correlative group 1", "lm, em")]),
        ([["lm", "em"], ["a", "b"]], [("Correlative group 1", "lm, em"), ("Correlative group 2", "a, b")]),
    ],
)
def test_correlative_groups_are_one_row_each_or_none(correlations, rows):
    labels = {label for group in correlations for label in group} | {"lm", "em"}
    answers = {
        "datasets": [{"id": label, "modality": "light_microscopy"} for label in sorted(labels)],
        "correlations": correlations,
    }

    summary = present(answers)

    assert [(row.key, row.value) for row in summary.correlation_rows] == rows


def test_a_single_dataset_study_has_no_correlative_groups_row(light_only_study):
    assert present(light_only_study).correlation_rows == ()


def test_stored_words_are_shown_not_the_engines():
    answers = {"publication": True, "datasets": [{"id": "a", "modality": "light_microscopy"}]}
    words = {
        "questions": [["publication", "Published?"], ["modality", "Old modality question"]],
        "labels": {"modality": {"light_microscopy": "Old light label"}},
    }

    summary = answers_present(answers=answers, words=words)

    assert summary.study_rows[0].key == "Published?"
    assert [(row.key, row.value) for row in summary.datasets[0].rows] == [("Old modality question", "Old light label")]


def test_a_value_the_vocabulary_no_longer_has_is_shown_as_stored():
    answers = {"publication": False, "datasets": [{"id": "a", "modality": "holography"}]}

    summary = present(answers)

    assert summary.datasets[0].rows[0].value == "holography"
    assert summary.study_rows[0].value == "No"


def test_questions_asked_but_not_answered_say_so():
    answers = {"answers_version": 4, "datasets": [{"id": "a", "modality": "electron_microscopy"}]}

    summary = present(answers, asked_for=lambda dataset: ["modality", "em_method"])

    assert [(row.field, row.value) for row in summary.datasets[0].rows] == [
        ("modality", MODALITY.label("electron_microscopy")),
        ("em_method", "Not answered"),
    ]


def test_change_links_are_added_to_every_row_and_change_nothing_else(full_study):
    summary = present(answers_validate(full_study).answers())

    linked = summary.with_change_urls(lambda dataset, row: (f"/change/{dataset}/{row.field}", f"{row.field} hint"))

    rows = [*linked.study_rows, *linked.correlation_rows, *(row for card in linked.datasets for row in card.rows)]
    assert all(row.change_url.endswith(f"/{row.field}") and row.change_hint == f"{row.field} hint" for row in rows)
    assert linked.datasets[0].rows[0].change_url == f"/change/{linked.datasets[0].dataset}/modality"
    assert [(row.key, row.value) for row in linked.study_rows] == [(row.key, row.value) for row in summary.study_rows]


def test_a_question_the_answers_version_never_asked_reads_not_asked_never_yes_or_no():
    v1_given = answers_validate({"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": False}]})

    summary = present(v1_given.answers())

    rows = {row.field: row.value for row in summary.datasets[0].rows}
    assert rows["medical_imaging"] == rows["human_tissue"] == "Not asked in this version"
