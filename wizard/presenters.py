"""Turn forms and stored answers into what the templates show: question blocks, error summaries, summary rows."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD, PUBLICATION, Question, questions_asked_for
from policy.presenters.answers import AnswerRow, Answers, answers_present, answers_words
from wizard import content
from wizard.forms import BOOLEAN_CHOICES, CorrelationsForm, DatasetForm

RETURN_TO_CHECK = urlencode({"return": "check"})


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    hint: str
    checked: bool
    input_id: str


@dataclass(frozen=True, slots=True)
class QuestionBlock:
    field: str
    name: str
    input_id: str
    kind: str  # "radios" | "checkboxes" | "text"
    text: str
    hint: str
    options: tuple[Option, ...] = ()
    value: str = ""
    error: str = ""
    explained: bool = False
    inline: bool = False


@dataclass(frozen=True, slots=True)
class ErrorLink:
    input_id: str
    message: str


def _options(bound: forms.BoundField, choices: Iterable[tuple[str, str, str]]) -> tuple[Option, ...]:
    value = bound.value()
    selected = {str(item) for item in value} if isinstance(value, list | tuple) else {str(value)}
    return tuple(
        Option(value=v, label=label, hint=hint, checked=v in selected, input_id=f"{bound.auto_id}-{index}")
        for index, (v, label, hint) in enumerate(choices)
    )


def question_block(form: forms.Form, question: Question, *, errors: Mapping[str, list[str]]) -> QuestionBlock:
    """One question of the contract as a form block: its words, choices and hints from the engine."""
    bound = form[question.field]
    error = " ".join(errors.get(question.field, []))
    explained = question.field in content.EXPLAINED_FIELDS
    if question.kind == "id":
        value = bound.value()
        return QuestionBlock(
            field=question.field,
            name=bound.html_name,
            input_id=bound.auto_id,
            kind="text",
            text=question.text,
            hint=question.hint,
            value="" if value is None else str(value),
            error=error,
        )
    if question.kind == "boolean":
        choices = [(value, label, "") for value, label in BOOLEAN_CHOICES]
    else:
        choices = [(choice.value, choice.label, choice.hint) for choice in question.enumeration.choices]
    options = _options(bound, choices)
    return QuestionBlock(
        field=question.field,
        name=bound.html_name,
        input_id=options[0].input_id,
        kind="radios",
        text=question.text,
        hint=question.hint,
        options=options,
        error=error,
        explained=explained,
        inline=question.kind == "boolean",
    )


def dataset_page_blocks(form: DatasetForm, *, errors: Mapping[str, list[str]]) -> dict:
    """The dataset page's questions: label and modality, the follow-ups (a region htmx swaps), the patient one."""
    blocks = [question_block(form, question, errors=errors) for question in form.questions]
    by_field = {block.field: block for block in blocks}
    follow_ups = {question.field for question in form.follow_ups}
    return {
        "label_block": by_field["id"],
        "modality_block": by_field["modality"],
        "follow_up_blocks": [block for block in blocks if block.field in follow_ups],
        "patient_blocks": [by_field["patient_medical"], by_field["human_tissue"]],
        "shown": ",".join(block.field for block in blocks),
        "newly_asked": bool(form.newly_asked) and not errors,
        "error_links": error_links(blocks, form.non_field_errors() if errors else ()),
    }


def correlation_blocks(form: CorrelationsForm, *, errors: Mapping[str, list[str]]) -> dict:
    bound = form["correlated"]
    correlated_options = _options(bound, [(value, label, "") for value, label in BOOLEAN_CHOICES])
    correlated = QuestionBlock(
        field="correlated",
        name=bound.html_name,
        input_id=correlated_options[0].input_id,
        kind="radios",
        text=content.CORRELATED_QUESTION,
        hint=content.CORRELATED_HINT,
        options=correlated_options,
        error=" ".join(errors.get("correlated", [])),
        inline=True,
    )
    groups = []
    for number, name in enumerate(form.group_fields(), start=1):
        group = form[name]
        options = _options(group, [(label, label, "") for label in form.labels])
        groups.append(
            QuestionBlock(
                field=name,
                name=group.html_name,
                input_id=options[0].input_id if options else group.auto_id,
                kind="checkboxes",
                text=f"Correlative group {number}",
                hint="Tick the datasets registered together in this group.",
                options=options,
                error=" ".join(errors.get(name, [])),
            )
        )
    return {"correlated": correlated, "groups": groups}


def error_links(blocks: Iterable[QuestionBlock], non_field_errors: Iterable[str] = (), *, first_id: str = "") -> list:
    links = [ErrorLink(input_id=first_id, message=message) for message in non_field_errors]
    links += [ErrorLink(input_id=block.input_id, message=block.error) for block in blocks if block.error]
    return links


def answer_text(question: Question, value: Any) -> str:
    if question.kind == "boolean":
        return "Yes" if value else "No"
    if question.kind == "choice":
        return question.enumeration.label(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class DatasetCard:
    label: str
    summary: str  # the chosen modality and methods, for the add-another list
    change_url: str
    remove_url: str
    patient_medical: bool


def _dataset_change_url(label: str, *, returning: bool) -> str:
    change_url = reverse("wizard-dataset-change", args=[label])
    return f"{change_url}?{RETURN_TO_CHECK}" if returning else change_url


def dataset_card(dataset: Mapping[str, Any], *, returning: bool) -> DatasetCard:
    choices = [DATASET_QUESTIONS_BY_FIELD[field] for field in dataset if field in DATASET_QUESTIONS_BY_FIELD]
    return DatasetCard(
        label=dataset["id"],
        summary=", ".join(answer_text(q, dataset[q.field]) for q in choices if q.kind == "choice"),
        change_url=_dataset_change_url(dataset["id"], returning=returning),
        remove_url=reverse("wizard-dataset-remove", args=[dataset["id"]]),
        patient_medical=dataset.get("patient_medical") is True,
    )


def _field_anchor(question: Question) -> str:
    return f"id_{question.field}" if question.kind == "id" else f"id_{question.field}-0"


def _change_link(dataset: str, row: AnswerRow) -> tuple[str, str]:
    """Where each answer of Check your answers is changed, and what its Change link says to screen readers."""
    if row.field == PUBLICATION.field:
        url = f"{reverse('wizard-step', args=['publication'])}?{RETURN_TO_CHECK}"
        return url, "whether the data is associated with a publication"
    if row.field == "correlations":
        return f"{reverse('wizard-step', args=['correlations'])}?{RETURN_TO_CHECK}", row.key.lower()
    question = DATASET_QUESTIONS_BY_FIELD[row.field]
    url = f"{_dataset_change_url(dataset, returning=True)}#{_field_anchor(question)}"
    return url, f"{question.text.rstrip('?').lower()} for {dataset}"


def check_answers(answers: Mapping[str, Any]) -> Answers:
    """Check your answers: the study's rows as every page shows them (in the engine's words now, the questions
    asked shown even when unanswered), each with its Change link."""
    summary = answers_present(
        answers=answers,
        words=answers_words(answers=answers),
        refused=[dataset["id"] for dataset in answers["datasets"] if dataset.get("patient_medical") is True],
        asked_for=lambda dataset: [question.field for question in questions_asked_for(dataset)],
    )
    return summary.with_change_urls(_change_link)
