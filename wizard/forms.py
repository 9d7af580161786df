"""Forms built from the engine's Question objects: the choices, texts and hints are the engine's own."""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django import forms
from django.core.validators import RegexValidator

from policy.engine import InvalidAnswers, answers_validate
from policy.engine.answers import MAX_CORRELATION_GROUPS
from policy.engine.questions import (
    ANSWERS_CONTRACT_VERSION,
    DATASET_ID_PATTERN,
    DATASET_QUESTIONS,
    FORMULA_STARTS,
    LABEL_FORMULA_START,
    MAX_DATASETS,
    PUBLICATION,
    Question,
    questions_asked_for,
)
from wizard import content

YES, NO = "yes", "no"
BOOLEAN_CHOICES = [(YES, "Yes"), (NO, "No")]
NOT_OFFERED = "Select one of the options offered."


def boolean_from_choice(value: str) -> bool:
    return value == YES


def choice_from_boolean(value: bool) -> str:
    return YES if value else NO


def question_field(question: Question) -> forms.Field:
    """The form field asking one question of the answers contract."""
    messages = {"required": content.required_message(question.field), "invalid_choice": NOT_OFFERED}
    if question.kind == "boolean":
        return forms.TypedChoiceField(choices=BOOLEAN_CHOICES, coerce=boolean_from_choice, error_messages=messages)
    if question.kind == "choice":
        return forms.ChoiceField(choices=question.enumeration.as_django_choices(), error_messages=messages)
    return forms.CharField(
        max_length=40,
        validators=[
            RegexValidator(DATASET_ID_PATTERN, content.LABEL_INVALID),
            RegexValidator(f"^[{re.escape(''.join(FORMULA_STARTS))}]", LABEL_FORMULA_START, inverse_match=True),
        ],
        error_messages={"required": messages["required"], "max_length": content.LABEL_INVALID},
    )


def form_value(question: Question, value: Any) -> Any:
    """A form's value ("yes"/"no" for a boolean) in the contract's type, or None where it is not a valid answer."""
    if question.kind == "boolean":
        return {YES: True, NO: False}.get(value)
    if question.enumeration is not None:
        return value if value in question.enumeration.values else None
    return None


def questions_for_data(data: Mapping[str, Any]) -> tuple[Question, ...]:
    """The dataset questions that apply, given the answers in (possibly partial, untrusted) form data.

    Follow-ups depend on earlier answers (modality, then EM method, ...), so this settles them one level at a time.
    """
    known: dict[str, Any] = {}
    while True:
        questions = questions_asked_for(known)
        settled = dict(known)
        for question in questions:
            value = form_value(question, data.get(question.field))
            if value is not None:
                settled[question.field] = value
        if settled == known:
            return questions
        known = settled


class StepForm(forms.Form):
    """A step of the wizard (wizard.steps.StudyWizard): filled from the study's answers, giving back its own."""

    @staticmethod
    def initial_from(answers: Mapping[str, Any]) -> dict:
        """The form's initial values, from the answers in the contract's shape."""
        return {}

    @property
    def answers(self) -> dict:
        """The step's answers in the contract's shape, once valid; {} for a step that asks nothing."""
        return {}

    def visible_errors(self) -> Mapping[str, list[str]]:
        return self.errors


class PublicationForm(StepForm):
    publication = question_field(PUBLICATION)

    @staticmethod
    def initial_from(answers: Mapping[str, Any]) -> dict:
        return {"publication": choice_from_boolean(answers["publication"])} if "publication" in answers else {}

    @property
    def answers(self) -> dict:
        return {"publication": self.cleaned_data["publication"]}


class DatasetForm(forms.Form):
    """One dataset: every question of the contract, of which exactly those its answers call for are asked.

    The page shows each follow-up under the question it follows (revealed by JavaScript, always shown without):
    a follow-up the answers do not call for is neither validated nor kept.
    """

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        dataset: Mapping[str, Any] | None = None,
        labels_taken: Iterable[str] = (),
        **kwargs,
    ):
        initial = {}
        if dataset is not None:
            initial = {
                name: choice_from_boolean(value) if isinstance(value, bool) else value
                for name, value in dataset.items()
            }
        super().__init__(data, initial=initial, **kwargs)
        # By label without case: labels name files, which macOS and Windows do not tell apart by case.
        self.labels_taken = {label.casefold(): label for label in labels_taken}
        self.questions = questions_for_data(data if data is not None else initial)
        asked = {question.field for question in self.questions}
        for question in DATASET_QUESTIONS:
            field = question_field(question)
            # Not asked: shown (the page offers every follow-up) but neither validated nor kept.
            field.disabled = field.disabled or question.field not in asked
            field.required = field.required and question.field in asked
            self.fields[question.field] = field

    def clean_id(self) -> str:
        label = self.cleaned_data["id"]
        if (taken := self.labels_taken.get(label.casefold())) is not None:
            raise forms.ValidationError(content.LABEL_TAKEN.format(label=taken), code="taken")
        return label

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            answers_validate({"answers_version": ANSWERS_CONTRACT_VERSION, "datasets": [self.dataset]})
        except InvalidAnswers as invalid:
            for path, messages in invalid.errors.items():
                field = path.removeprefix("datasets[0].")
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned

    @property
    def dataset(self) -> dict:
        """The answers to this dataset's questions, in the contract's asking order."""
        return {question.field: self.cleaned_data[question.field] for question in self.questions}


class DatasetsForm(StepForm):
    """The add-another list's "Continue": the list itself is edited on its own pages."""

    def __init__(self, *args, datasets: Sequence[Mapping[str, Any]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.datasets = datasets

    def clean(self) -> dict:
        if not self.datasets:
            raise forms.ValidationError(content.DATASETS_NONE, code="none")
        if len(self.datasets) > MAX_DATASETS:
            raise forms.ValidationError(content.DATASETS_TOO_MANY, code="too_many")
        return super().clean()


class CorrelationsForm(StepForm):
    """Correlative groups: "did you register any datasets together?" and, if so, which ones, group by group.

    Holds as many group fields as the data (or the stored groups) name, group_1 … group_N, plus one when the
    depositor asks for another, so that groups may overlap as the contract allows.
    """

    correlated = forms.TypedChoiceField(
        choices=BOOLEAN_CHOICES,
        coerce=boolean_from_choice,
        error_messages={"required": content.CORRELATED_REQUIRED, "invalid_choice": NOT_OFFERED},
    )

    def __init__(self, *args, labels: Sequence[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels
        self.group_count = self._group_count()
        for number in range(1, self.group_count + 1):
            self.fields[f"group_{number}"] = forms.MultipleChoiceField(
                choices=[(label, label) for label in labels],
                required=False,
                error_messages={"invalid_choice": content.GROUP_UNKNOWN_LABEL},
            )

    @staticmethod
    def initial_from(answers: Mapping[str, Any]) -> dict:
        if "correlations" not in answers:
            return {}
        groups = answers["correlations"]
        initial: dict[str, Any] = {"correlated": choice_from_boolean(bool(groups))}
        initial.update({f"group_{number}": list(members) for number, members in enumerate(groups, start=1)})
        return initial

    def _group_count(self) -> int:
        source = self.data if self.is_bound else self.initial
        numbers = [0]
        for key in source:
            name = key.removeprefix(f"{self.prefix}-") if self.prefix else key
            number = name.removeprefix("group_")
            if name.startswith("group_") and number.isdigit() and int(number) <= MAX_CORRELATION_GROUPS:
                numbers.append(int(number))
        wanted = max(numbers) + (1 if self.add_group_requested else 0)
        return min(max(wanted, 1), MAX_CORRELATION_GROUPS)

    @property
    def add_group_requested(self) -> bool:
        return self.is_bound and self.add_prefix("add_group") in self.data

    def group_fields(self) -> list[str]:
        return [f"group_{number}" for number in range(1, self.group_count + 1)]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.add_group_requested:
            # Not an answer yet: the page comes back with one more group (see visible_errors).
            raise forms.ValidationError("Another group was asked for.", code="add_group")
        if cleaned.get("correlated") is not True:
            return cleaned
        groups = []
        for name in self.group_fields():
            members = cleaned.get(name) or []
            if len(members) == 1:
                self.add_error(name, content.GROUP_TOO_SMALL)
            elif members:
                groups.append(members)
        if not groups and not self.errors:
            self.add_error("group_1", content.GROUPS_NONE)
        return cleaned

    def visible_errors(self) -> Mapping[str, list[str]]:
        return {} if self.add_group_requested else self.errors

    @property
    def answers(self) -> dict:
        """{"correlations": [...]}: the groups ticked, or [] for "no"."""
        if self.cleaned_data.get("correlated") is not True:
            return {"correlations": []}
        return {
            "correlations": [self.cleaned_data[name] for name in self.group_fields() if self.cleaned_data.get(name)]
        }


class CheckForm(StepForm):
    """ "Check your answers" asks nothing: its button asks for the plan of the answers the page showed, named by
    their revision (and, to say what changed, by a digest of each: `shown`). Answers changed since (in another
    window) are not the ones the depositor confirmed."""

    revision = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": content.ANSWERS_CHANGED, "invalid": content.ANSWERS_CHANGED},
    )
    shown = forms.CharField(widget=forms.HiddenInput, required=False, max_length=5000)

    def __init__(self, *args, revision: int, changes_since: Callable[[str], list[str]] = lambda shown: [], **kwargs):
        super().__init__(*args, **kwargs)
        self.current_revision = revision
        self.changes_since = changes_since

    def clean(self) -> dict:
        cleaned = super().clean()
        if "revision" in cleaned and cleaned["revision"] != self.current_revision:
            changes = self.changes_since(cleaned.get("shown", ""))
            message = (
                content.ANSWERS_CHANGED_NAMED.format(changes=", ".join(changes)) if changes else content.ANSWERS_CHANGED
            )
            self.add_error("revision", forms.ValidationError(message, code="stale"))
        return cleaned
