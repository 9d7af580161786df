"""The one presenter of a study's answers: Check your answers, the result page and the Markdown export all show
these rows (the wizard adds its Change links to them).

The words come from outside: a stored result's own (Result.texts, kept as they were when the plan was made), or
the engine's words now (`policy.results.answers_words`, the words a result stores) for a study still in the wizard.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from policy.engine.not_asked import NOT_ASKED, answers_not_asked
from policy.engine.questions import PUBLICATION

YES_NO = {True: "Yes", False: "No"}
CORRELATIONS_KEY = "Correlative groups"
NOT_ANSWERED = "Not answered"


@dataclass(frozen=True, slots=True)
class AnswerRow:
    field: str  # the answers contract's field ("publication", "modality", ...), or "correlations"
    key: str
    value: str
    change_url: str = ""
    change_hint: str = ""  # what "Change" changes, for screen readers


@dataclass(frozen=True, slots=True)
class DatasetAnswers:
    dataset: str
    rows: tuple[AnswerRow, ...]
    refused: bool  # no EBI archive accepts it


@dataclass(frozen=True, slots=True)
class Answers:
    study_rows: tuple[AnswerRow, ...]
    datasets: tuple[DatasetAnswers, ...]
    correlation_rows: tuple[AnswerRow, ...]

    def with_change_urls(self, change: Callable[[str, AnswerRow], tuple[str, str]]) -> "Answers":
        """The same rows with Change links: `change(dataset or "", row)` gives (url, hint)."""

        def changed(dataset: str, rows: Iterable[AnswerRow]) -> tuple[AnswerRow, ...]:
            return tuple(replace(row, **_change_fields(change(dataset, row))) for row in rows)

        return Answers(
            study_rows=changed("", self.study_rows),
            datasets=tuple(replace(card, rows=changed(card.dataset, card.rows)) for card in self.datasets),
            correlation_rows=changed("", self.correlation_rows),
        )


def _change_fields(url_and_hint: tuple[str, str]) -> dict[str, str]:
    url, hint = url_and_hint
    return {"change_url": url, "change_hint": hint}


def _value_text(field: str, value: Any, labels: Mapping[str, Mapping[str, str]]) -> str:
    if isinstance(value, bool):
        return YES_NO[value]
    # A value the vocabulary no longer has is shown as it was stored.
    return labels.get(field, {}).get(value, str(value))


def _dataset_rows(
    dataset: Mapping[str, Any],
    questions: dict[str, str],
    labels: Mapping,
    asked: Iterable[str],
    not_asked: Iterable[str],
) -> tuple[AnswerRow, ...]:
    not_asked = set(not_asked)
    shown = set(dataset) | set(asked) | not_asked
    return tuple(
        AnswerRow(field=field, key=text, value=_answer_text(field, dataset, labels, not_asked))
        for field, text in questions.items()
        if field in shown and field not in {"id", PUBLICATION.field}
    )


def _answer_text(field: str, dataset: Mapping[str, Any], labels: Mapping, not_asked: set[str]) -> str:
    if field in dataset:
        return _value_text(field, dataset[field], labels)
    return NOT_ASKED if field in not_asked else NOT_ANSWERED


def _correlation_rows(groups: list[list[str]]) -> tuple[AnswerRow, ...]:
    if not groups:
        return (AnswerRow(field="correlations", key=CORRELATIONS_KEY, value="None"),)
    return tuple(
        AnswerRow(field="correlations", key=f"Correlative group {number}", value=", ".join(members))
        for number, members in enumerate(groups, start=1)
    )


def answers_present(
    *,
    answers: Mapping[str, Any],
    words: Mapping[str, Any],
    refused: Iterable[str] = (),
    asked_for: Callable[[Mapping[str, Any]], Iterable[str]] = lambda dataset: (),
) -> Answers:
    """The study's rows, one card per dataset in the order asked, and the correlative groups (asked only of
    studies with two or more datasets). `refused`: the labels of datasets no archive accepts (a plan's
    not_accepted); `asked_for(dataset)`: fields to show as "Not answered" when missing. A question the answers'
    contract version never asked is shown as such (policy/engine/not_asked.py)."""
    refused = set(refused)
    not_asked = answers_not_asked(answers=answers)
    questions = dict(words.get("questions", []))
    labels = words.get("labels", {})
    publication = answers.get(PUBLICATION.field, True)
    return Answers(
        study_rows=(
            AnswerRow(
                field=PUBLICATION.field,
                key=questions[PUBLICATION.field],
                value=_value_text(PUBLICATION.field, publication, labels),
            ),
        ),
        datasets=tuple(
            DatasetAnswers(
                dataset=dataset["id"],
                rows=_dataset_rows(dataset, questions, labels, asked_for(dataset), not_asked.get(dataset["id"], ())),
                refused=dataset["id"] in refused,
            )
            for dataset in answers["datasets"]
        ),
        correlation_rows=_correlation_rows(answers.get("correlations", [])) if len(answers["datasets"]) >= 2 else (),
    )
