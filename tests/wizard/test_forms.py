"""The wizard's forms are built from the engine's questions: same choices, same conditions."""

import pytest

from policy.engine.questions import DATASET_QUESTIONS, questions_asked_for
from wizard.forms import BOOLEAN_CHOICES, CheckForm, CorrelationsForm, DatasetForm, question_field, questions_for_data


@pytest.mark.parametrize("question", DATASET_QUESTIONS, ids=lambda question: question.field)
def test_each_field_offers_exactly_the_engines_choices(question):
    field = question_field(question)
    if question.kind == "choice":
        assert field.choices == question.enumeration.as_django_choices()
    elif question.kind == "boolean":
        assert field.choices == BOOLEAN_CHOICES
        assert field.clean("yes") is True
        assert field.clean("no") is False


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"modality": "light_microscopy"},
        {"modality": "electron_microscopy"},
        {"modality": "electron_microscopy", "em_method": "cryo_et"},
        {"modality": "xray_imaging"},
        {"modality": "spatial_omics"},
        {"modality": "high_content_screening"},
    ],
)
def test_questions_follow_the_engines_conditions(answers):
    assert questions_for_data(answers) == questions_asked_for(answers)


def test_values_not_offered_never_open_follow_ups():
    assert questions_for_data({"modality": "holography", "em_method": "cryo_et"}) == questions_asked_for({})
    assert questions_for_data({"modality": "light_microscopy", "em_method": "cryo_et"}) == questions_asked_for(
        {"modality": "light_microscopy"}
    )


def test_a_dataset_form_holds_every_question_but_asks_only_those_called_for():
    form = DatasetForm(
        {"id": "lm", "modality": "light_microscopy", "medical_imaging": "no", "human_tissue": "no", "em_method": "x"}
    )
    assert list(form.fields) == [question.field for question in DATASET_QUESTIONS]
    assert form.is_valid(), form.errors
    assert form.dataset == {"id": "lm", "modality": "light_microscopy", "medical_imaging": False, "human_tissue": False}


def test_a_changed_dataset_is_typed_as_the_contract_wants():
    form = DatasetForm(
        {
            "id": "et",
            "modality": "electron_microscopy",
            "em_method": "cryo_et",
            "tilt_series": "yes",
            "tomograms": "few",
            "subtomogram_average": "no",
            "atomic_model": "no",
            "segmentations": "with_empiar",
            "medical_imaging": "no",
            "human_tissue": "no",
        }
    )
    assert form.is_valid(), form.errors
    assert form.dataset == {
        "id": "et",
        "modality": "electron_microscopy",
        "em_method": "cryo_et",
        "tilt_series": True,
        "tomograms": "few",
        "subtomogram_average": False,
        "atomic_model": False,
        "segmentations": "with_empiar",
        "medical_imaging": False,
        "human_tissue": False,
    }


def test_a_stored_dataset_fills_its_form():
    form = DatasetForm(
        dataset={"id": "et", "modality": "electron_microscopy", "em_method": "2d", "medical_imaging": True}
    )
    assert [question.field for question in form.questions] == [
        "id",
        "modality",
        "em_method",
        "medical_imaging",
        "human_tissue",
    ]
    assert form["medical_imaging"].value() == "yes"
    assert form["em_method"].value() == "2d"


def test_correlations_are_filled_from_and_give_back_the_contracts_groups():
    initial = CorrelationsForm.initial_from({"correlations": [["a", "b"], ["b", "c"]]})
    form = CorrelationsForm(initial=initial, labels=["a", "b", "c"])
    assert form.group_fields() == ["group_1", "group_2"]
    bound = CorrelationsForm({"correlated": "yes", "group_1": ["a", "b"]}, labels=["a", "b", "c"])
    assert bound.is_valid()
    assert bound.answers == {"correlations": [["a", "b"]]}
    assert CorrelationsForm.initial_from({}) == {}


@pytest.mark.parametrize(("posted", "valid"), [("3", True), ("2", False), ("", False), ("x", False)])
def test_check_confirms_only_the_revision_it_showed(posted, valid):
    assert CheckForm({"revision": posted}, revision=3).is_valid() is valid
