"""Turn forms and stored answers into what the templates show: question blocks, error summaries, summary rows."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from policy.engine.questions import (
    DATASET_QUESTIONS,
    DATASET_QUESTIONS_BY_FIELD,
    MAX_DATASETS,
    PUBLICATION,
    Question,
    alternatives_of,
    questions_asked_for,
)
from policy.presenters.answers import AnswerRow, Answers, answers_present
from policy.results import answers_words
from policy.wording import list_text
from wizard import content
from wizard.forms import BOOLEAN_CHOICES, YES, CorrelationsForm, DatasetForm, choice_from_boolean
from wizard.study import (
    CHECK,
    CORRELATIONS,
    DATASETS,
    Draft,
    correlations_review,
    dataset_groups,
    dataset_refused,
    datasets_offered,
    study_answers,
    study_datasets,
    study_fingerprint,
    study_nothing_deposited,
)
from wizard.study import (
    PUBLICATION as PUBLICATION_STEP,
)

RETURN_TO_CHECK = urlencode({"return": "check"})
# A question with this many answers or more shows them in two columns on a wide screen: a dataset's page fits one.
COLUMNS_FROM = 4


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    hint: str
    checked: bool
    input_id: str
    # The ids of the follow-ups this answer reveals (aria-controls, set by static/js/app.js with aria-expanded).
    controls: str = ""


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
    columns: bool = False  # many answers, side by side on a wide screen
    # Conditional reveal: the answers that call for this question ("modality=electron_microscopy;em_method=cryo_et",
    # values separated by "|"), which static/js/app.js reads, and the same in words for a page without it.
    reveal_when: str = ""
    caption: str = ""
    nested: bool = False  # follows a follow-up: drawn one step further in, inside it (GOV.UK's nested reveal)
    revealed: bool = True  # for the answers the page starts with
    described_by: str = ""  # more of the page that describes the question (ids, for aria-describedby)


@dataclass(frozen=True, slots=True)
class ErrorLink:
    input_id: str
    message: str


def _options(
    bound: forms.BoundField, choices: Iterable[tuple[str, str, str]], controls: Mapping[str, str] | None = None
) -> tuple[Option, ...]:
    value = bound.value()
    selected = {str(item) for item in value} if isinstance(value, list | tuple) else {str(value)}
    return tuple(
        Option(
            value=v,
            label=label,
            hint=hint,
            checked=v in selected,
            input_id=f"{bound.auto_id}-{index}",
            controls=(controls or {}).get(v, ""),
        )
        for index, (v, label, hint) in enumerate(choices)
    )


def _form_choice(value: Any) -> str:
    return choice_from_boolean(value) if isinstance(value, bool) else str(value)


@dataclass(frozen=True, slots=True)
class FollowUpGroup:
    """The follow-ups of one answer to the grouping question (how the images were made), under its name."""

    group_id: str
    title: str
    reveal_when: str
    questions: tuple[QuestionBlock, ...]
    revealed: bool  # for the answers the page starts with
    opened: bool  # folded without JavaScript unless the answers (or an error) call for it
    note: str = ""  # what the group says before its questions (content.GROUP_NOTES)


@cache
def grouping_question() -> Question:
    """The question a dataset's follow-ups are grouped by: the first choice that other questions follow (how the
    images were made), read from the questions' own conditions."""
    followed = {name for question in DATASET_QUESTIONS for name, _ in question.asked_when.conditions}
    return next(question for question in DATASET_QUESTIONS if question.kind == "choice" and question.field in followed)


def _group_key(question: Question) -> tuple[str, ...]:
    """The answers to the grouping question that a question follows; () for a question every dataset may be asked."""
    grouping = grouping_question().field
    return next((tuple(values) for name, values in question.asked_when.conditions if name == grouping), ())


def _group_id(key: tuple[str, ...]) -> str:
    return "follow-ups-" + "-".join(key)


def _in_group(question: Question) -> bool:
    """Whether the page asks this question in its group of follow-ups (under how the images were made): those of a
    group that follow none of the questions after the groups (a question asked when `human_data_open` comes under
    that question, with the answers it follows in words)."""
    later = _questions_after_the_groups()
    return bool(_group_key(question)) and not any(name in later for name, _ in question.asked_when.conditions)


@cache
def _questions_after_the_groups() -> frozenset[str]:
    """The questions every dataset may be asked that the contract asks after the grouping question."""
    fields = [question.field for question in DATASET_QUESTIONS if not _group_key(question)]
    return frozenset(fields[fields.index(grouping_question().field) + 1 :])


def _condition_words(name: str, value: Any) -> str:
    """An answer a question follows, in a caption's few words ("cryo-ET", "human samples")."""
    parent = DATASET_QUESTIONS_BY_FIELD[name]
    words = content.CONDITION_WORDS.get((name, value))
    if words:
        return words
    if parent.kind == "choice":
        return parent.enumeration.label(value)
    return f"{content.in_sentence(content.short_name(name, parent.text))}: {answer_text(parent, value).lower()}"


def _alternatives_shown(question: Question) -> tuple[tuple[tuple[str, tuple[Any, ...]], ...], ...]:
    """The answers that reveal a question beyond its group's (the group says those), alternative by alternative. A
    question asked of different kinds of data (AnyOf) sits in a group of several of them, or after the groups, so
    each of its alternatives keeps the kind of data it concerns."""
    grouping = grouping_question().field
    order = list(DATASET_QUESTIONS_BY_FIELD)
    alternatives = alternatives_of(question.asked_when)
    without_grouping = _in_group(question) and len(alternatives) == 1
    return tuple(
        tuple(
            sorted(
                (
                    condition
                    for condition in alternative.conditions
                    if not (without_grouping and condition[0] == grouping)
                ),
                key=lambda condition: order.index(condition[0]),
            )
        )
        for alternative in alternatives
    )


def _reveal_encoded(alternatives) -> str:
    """For static/js/app.js: alternatives separated by "/", any of which reveals; each a list of conditions
    separated by ";", all of which must hold; each condition's values separated by "|"."""
    return "/".join(
        ";".join(f"{name}={'|'.join(_form_choice(value) for value in values)}" for name, values in conditions)
        for conditions in alternatives
    )


@cache
def reveal_condition(question: Question) -> tuple[str, str]:
    """(reveal_when, caption) for a dataset question: the answers it follows beyond its group's (the group says
    those), for the script, and in a few words for a page without it, where every follow-up shows: the wizard's
    own caption for the question, else the answer it follows most closely ("For cryo-ET"), of each alternative."""
    alternatives = _alternatives_shown(question)
    if not all(alternatives):
        return "", ""
    closest = dict.fromkeys(
        _condition_words(name, value)
        for conditions in alternatives
        for name, values in conditions[-1:]
        for value in values
    )
    caption = content.CAPTIONS.get(question.field) or " or ".join(closest)
    return _reveal_encoded(alternatives), caption if caption.startswith("If ") else f"For {caption}"


def _group_reveal_when(key: tuple[str, ...], questions: Iterable[Question]) -> str:
    """A group of one kind of data is revealed by that answer. A group of several holds only questions asked under
    more answers (AnyOf): it is revealed when one of them is, so that it never shows empty."""
    if len(key) == 1:
        return f"{grouping_question().field}={key[0]}"
    return "/".join(dict.fromkeys(reveal_condition(question)[0] for question in questions))


@cache
def _nested(question: Question) -> bool:
    """Whether the answer this question follows most closely is one to a follow-up (beyond its group's)."""
    grouping = grouping_question().field
    order = list(DATASET_QUESTIONS_BY_FIELD)
    followed = [name for name, _ in question.asked_when.conditions if name != grouping]
    if not followed:
        return False
    closest = DATASET_QUESTIONS_BY_FIELD[max(followed, key=order.index)]
    return any(name != grouping for name, _ in closest.asked_when.conditions)


@cache
def _controls(question: Question) -> dict[str, str]:
    """For each answer to a dataset question, the ids of the follow-ups (a group, or a question) it reveals."""
    controls: dict[str, list[str]] = {}
    if question == grouping_question():
        # A group of several kinds of data is revealed by the answers its questions follow, which name them.
        for key in dict.fromkeys(_group_key(other) for other in DATASET_QUESTIONS):
            for value in key if len(key) == 1 else ():
                controls.setdefault(value, []).append(_group_id(key))
    for other in DATASET_QUESTIONS:
        for name, values in other.asked_when.conditions:
            if name == question.field and question != grouping_question():
                for value in values:
                    controls.setdefault(_form_choice(value), []).append(f"question-{other.field}")
    return {value: " ".join(ids) for value, ids in controls.items()}


def question_block(
    form: forms.Form, question: Question, *, errors: Mapping[str, list[str]], revealed: bool = True
) -> QuestionBlock:
    """One question of the contract as a form block: its words, choices and hints from the engine."""
    bound = form[question.field]
    error = " ".join(errors.get(question.field, []))
    reveal_when, caption = reveal_condition(question) if question in DATASET_QUESTIONS else ("", "")
    nested = question in DATASET_QUESTIONS and _nested(question)
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
            reveal_when=reveal_when,
            caption=caption,
            nested=nested,
            revealed=revealed,
        )
    if question.kind == "boolean":
        choices = [(value, label, "") for value, label in BOOLEAN_CHOICES]
    else:
        choices = [(choice.value, choice.label, choice.hint) for choice in question.enumeration.choices]
    options = _options(bound, choices, _controls(question) if question in DATASET_QUESTIONS else None)
    return QuestionBlock(
        field=question.field,
        name=bound.html_name,
        input_id=options[0].input_id,
        kind="radios",
        text=question.text,
        hint=question.hint,
        options=options,
        error=error,
        explained=question.field in content.EXPLAINED_FIELDS,
        inline=question.kind == "boolean",
        columns=len(options) >= COLUMNS_FROM,
        reveal_when=reveal_when,
        caption=caption,
        nested=nested,
        revealed=revealed,
    )


def dataset_question_blocks(form: DatasetForm, *, errors: Mapping[str, list[str]]) -> dict:
    """The dataset page, in the contract's order: the questions every dataset may be asked up to the grouping
    question (how the images were made); then that answer's follow-ups, as a group under each answer's name, so
    that a reader skips whole groups; then the rest of the questions every dataset may be asked, each follow-up
    under the answer it follows. A follow-up of both a group and one of those later questions comes after the
    latter (the controlled access of human sequencing reads, right under the consent it completes)."""
    asked = set(form.questions)
    grouping = grouping_question()
    later = _questions_after_the_groups()
    by_key: dict[tuple[str, ...], list[Question]] = {}
    common_before: list[QuestionBlock] = []
    common_after: list[QuestionBlock] = []
    for question in DATASET_QUESTIONS:
        if _in_group(question):
            by_key.setdefault(_group_key(question), []).append(question)
            continue
        block = question_block(form, question, errors=errors, revealed=question in asked)
        if question.field in later or _group_key(question):
            common_after.append(block)
        else:
            common_before.append(block)
    groups = []
    # In the order the grouping question offers its answers; a group of several after its first one's.
    for key in sorted(by_key, key=lambda key: grouping.enumeration.values.index(key[0])):
        blocks = tuple(
            question_block(form, question, errors=errors, revealed=question in asked) for question in by_key[key]
        )
        revealed = any(block.revealed for block in blocks)
        groups.append(
            FollowUpGroup(
                group_id=_group_id(key),
                title=" or ".join(grouping.enumeration.label(value) for value in key),
                reveal_when=_group_reveal_when(key, by_key[key]),
                questions=blocks,
                revealed=revealed,
                opened=revealed or any(block.error for block in blocks),
                # Said once, in the group of its own kind of data.
                note=content.GROUP_NOTES.get(key[0], "") if len(key) == 1 else "",
            )
        )
    shown = [*common_before, *(block for group in groups for block in group.questions), *common_after]
    return {
        "question_blocks": common_before,
        "follow_up_groups": groups,
        "later_question_blocks": common_after,
        "error_links": error_links(shown, form.non_field_errors() if errors else ()),
    }


@cache
def new_dataset_blocks() -> dict:
    """The questions of a new dataset's page, unanswered: the same for every depositor, so made once."""
    return dataset_question_blocks(DatasetForm(), errors={})


def correlation_blocks(
    form: CorrelationsForm, *, datasets: Sequence[Mapping[str, Any]], errors, described_by: str = ""
) -> dict:
    bound = form["correlated"]
    correlated_options = _options(
        bound, [(value, label, "") for value, label in BOOLEAN_CHOICES], {YES: "correlation-groups"}
    )
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
        described_by=described_by,
    )
    # Each dataset by its label, with how it was made, so that the depositor can tell them apart.
    choices = [(dataset["id"], dataset["id"], dataset_summary(dataset)) for dataset in datasets]
    groups = []
    for number, name in enumerate(form.group_fields(), start=1):
        group = form[name]
        options = _options(group, choices)
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
    return {
        "correlated": correlated,
        "groups": groups,
        "groups_reveal_when": f"{bound.html_name}={YES}",
        "groups_revealed": str(bound.value()) == YES,
        "error_links": error_links([correlated, *groups]),
    }


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
    medical_imaging: bool


def _dataset_change_url(label: str, *, returning: bool) -> str:
    change_url = reverse("wizard-dataset-change", args=[label])
    return f"{change_url}?{RETURN_TO_CHECK}" if returning else change_url


def dataset_card(dataset: Mapping[str, Any], *, returning: bool) -> DatasetCard:
    return DatasetCard(
        label=dataset["id"],
        summary=dataset_summary(dataset),
        change_url=_dataset_change_url(dataset["id"], returning=returning),
        remove_url=reverse("wizard-dataset-remove", args=[dataset["id"]]),
        medical_imaging=dataset_refused(dataset),
    )


@dataclass(frozen=True, slots=True)
class Removal:
    """What removing a dataset asks and takes with it: the same words on its own page and in the list."""

    label: str
    question: str
    summary: str
    consequences: tuple[str, ...]  # its place in each correlative group, and what becomes of the group
    remove_url: str
    keep_url: str


def dataset_removal(draft: Draft, dataset: Mapping[str, Any]) -> Removal:
    label = dataset["id"]
    consequences = []
    for number, members in dataset_groups(draft, label=label):
        others = [member for member in members if member != label]
        words = content.REMOVE_GROUP_KEPT if len(others) >= 2 else content.REMOVE_GROUP_DROPPED
        consequences.append(words.format(number=number, others=list_text(others)))
    return Removal(
        label=label,
        question=content.REMOVE_QUESTION.format(label=label),
        summary=f"{label}: {dataset_summary(dataset)}.",
        consequences=tuple(consequences) or (content.REMOVE_NO_GROUP,),
        remove_url=reverse("wizard-dataset-remove", args=[label]),
        keep_url=reverse("wizard-step", args=[DATASETS]),
    )


def dataset_removed_words(draft: Draft, *, label: str) -> str:
    """The notice once a dataset is removed (from the draft before it was): what went with it."""
    numbers = [str(number) for number, _ in dataset_groups(draft, label=label)]
    if not numbers:
        return content.REMOVED.format(label=label)
    groups = f"correlative group{'s' if len(numbers) > 1 else ''} {list_text(numbers)}"
    return content.REMOVED_WITH_GROUPS.format(label=label, groups=groups)


def dataset_summary(dataset: Mapping[str, Any]) -> str:
    """How the dataset was made, its chosen modality and methods in asking order: "Electron microscopy, Volume EM"
    (not how much of it there is: content.NOT_IN_SUMMARY)."""
    return ", ".join(
        answer_text(question, dataset[question.field])
        for question in DATASET_QUESTIONS
        if question.kind == "choice" and question.field in dataset and question.field not in content.NOT_IN_SUMMARY
    )


def _change_link(dataset: str, row: AnswerRow) -> tuple[str, str]:
    """Where each answer of Check your answers is changed (on its question, #question-<field>), and what its Change
    link says to screen readers: "Change imaging method for lm"."""
    if row.field == PUBLICATION.field:
        url = f"{reverse('wizard-step', args=['publication'])}?{RETURN_TO_CHECK}#question-{PUBLICATION.field}"
        return url, "whether the data is associated with a publication"
    if row.field == "correlations":
        return f"{reverse('wizard-step', args=['correlations'])}?{RETURN_TO_CHECK}", content.in_sentence(row.key)
    question = DATASET_QUESTIONS_BY_FIELD[row.field]
    url = f"{_dataset_change_url(dataset, returning=True)}#question-{question.field}"
    return url, f"{content.in_sentence(content.short_name(question.field, question.text))} for {dataset}"


def _short_keys(rows: Iterable[AnswerRow]) -> tuple[AnswerRow, ...]:
    return tuple(replace(row, key=content.short_name(row.field, row.key)) for row in rows)


def check_answers(answers: Mapping[str, Any]) -> Answers:
    """Check your answers: the study's rows as every page shows them (in the engine's words now, the questions
    asked shown even when unanswered), each by its short name and with its Change link."""
    summary = answers_present(
        answers=answers,
        words=answers_words(answers=answers),
        refused=[dataset["id"] for dataset in answers["datasets"] if dataset_refused(dataset)],
        asked_for=lambda dataset: [question.field for question in questions_asked_for(dataset)],
    ).with_change_urls(_change_link)
    return replace(
        summary,
        study_rows=_short_keys(summary.study_rows),
        datasets=tuple(replace(card, rows=_short_keys(card.rows)) for card in summary.datasets),
        # Asked only of two or more datasets that can be deposited: with fewer, there is nothing to answer.
        correlation_rows=summary.correlation_rows if len(datasets_offered(answers["datasets"])) >= 2 else (),
    )


# --- The steps' pages -------------------------------------------------------------------------------------------


def publication_page(form: forms.Form, *, draft: Draft, errors: Mapping[str, list[str]]) -> dict:
    block = question_block(form, PUBLICATION, errors=errors)
    return {"publication_block": block, "error_links": error_links([block])}


def datasets_page(form: forms.Form, *, draft: Draft, errors: Mapping[str, list[str]]) -> dict:
    return {
        **dataset_list(draft),
        "error_links": error_links([], errors.get("__all__", []), first_id="add-dataset"),
    }


def dataset_list(draft: Draft) -> dict:
    """The add-another list, on the datasets step and above the form that adds one more."""
    datasets = study_datasets(draft)
    return {
        "dataset_meaning": content.DATASET_MEANING,
        "cards": [dataset_card(dataset, returning=False) for dataset in datasets],
        "limit_reached": len(datasets) >= MAX_DATASETS,
        "max_datasets": MAX_DATASETS,
    }


def correlations_page(form: CorrelationsForm, *, draft: Draft, errors: Mapping[str, list[str]]) -> dict:
    """The datasets that can be deposited, each offered for a group; why the question is asked (again); and which
    datasets are not offered, and why."""
    datasets = study_datasets(draft)
    offered = datasets_offered(datasets)
    review = correlations_review(draft)
    why = [content.CORRELATIONS_WHY.format(count=len(offered))]
    if review is not None:
        why = [correlations_changes_words(review["changes"])]
        labels = {dataset["id"] for dataset in datasets}
        for members, gone in review["dropped"]:
            reason = "removed" if not set(gone) <= labels else "can no longer be deposited"
            why.append(
                content.CORRELATIONS_DROPPED.format(group=", ".join(members), gone=list_text(gone), reason=reason)
            )
    refused = [dataset["id"] for dataset in datasets if dataset_refused(dataset)]
    return {
        **correlation_blocks(
            form, datasets=offered, errors=errors, described_by="correlations-why correlations-datasets"
        ),
        "offered": [{"label": dataset["id"], "summary": dataset_summary(dataset)} for dataset in offered],
        "why": why,
        "reasked": review is not None,
        "not_offered": content.CORRELATIONS_NOT_OFFERED.format(labels=list_text(refused)) if refused else "",
    }


def correlations_changes_words(changes: Sequence[Sequence[str]]) -> str:
    """ "Since you answered this question you added fib and removed sxt: check the groups again." """
    verbs = {}
    for change, label in changes:
        verbs.setdefault(change, []).append(label)
    done = list_text([f"{change} {list_text(labels)}" for change, labels in verbs.items()])
    return content.CORRELATIONS_REASKED.format(changes=done)


def check_page(form: forms.Form, *, draft: Draft, errors: Mapping[str, list[str]]) -> dict:
    answers = study_answers(draft)
    return {
        "answers": check_answers(answers),
        "nothing_deposited": study_nothing_deposited(draft),
        "shown": study_fingerprint(draft),
        # A stale revision (answers changed in another window) is the one error this page can have.
        "error_links": error_links([], errors.get("revision", []), first_id="check-answers"),
    }


STEP_PAGES = {
    PUBLICATION_STEP: publication_page,
    DATASETS: datasets_page,
    CORRELATIONS: correlations_page,
    CHECK: check_page,
}
