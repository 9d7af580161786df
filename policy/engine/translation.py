"""What every translation of the answers contract from one version to the next does. Each version's module
(contract_v1.py, contract_v2.py, contract_v3.py) says only what changed: fields renamed, fields new in the next
version, and which of this version's answers do not answer the next version's question.

A translation carries answers only, never assumptions: a field the next version asks that this version's answers
do not answer is left out, and is "not asked" (`not_asked.py`)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Errors = dict[str, list[str]]


def _all_answered(dataset: Mapping[str, Any]) -> frozenset[str]:
    return frozenset()


@dataclass(frozen=True, slots=True)
class Translation:
    version: int  # the version it reads, as version + 1
    renamed: Mapping[str, str]
    new_fields: frozenset[str]  # the next version's fields this version never asked (renamed ones included)
    # A dataset of this version (untrusted) -> the next version's names of renamed answers that do not answer the
    # next version's question, left out so that it is asked.
    unanswered: Callable[[Mapping[str, Any]], frozenset[str]] = _all_answered

    def answers_translate(self, answers: dict) -> tuple[dict, Errors]:
        """The next version's answers this study means, and errors for fields this version did not have.

        Untrusted input: anything that is not a dataset object is passed on unchanged, for validation to report.
        """
        errors: Errors = {}
        datasets = answers.get("datasets")
        if not isinstance(datasets, list):
            return answers, errors
        next_version = self.version + 1
        only_in_next = (
            f'Only in answers version {next_version}: add "answers_version": {next_version} to the study\'s answers.'
        )
        translated = []
        for index, dataset in enumerate(datasets):
            if not isinstance(dataset, dict):
                translated.append(dataset)
                continue
            for name in dataset.keys() & self.new_fields:
                errors.setdefault(f"datasets[{index}].{name}", []).append(only_in_next)
            unanswered = self.unanswered(dataset)
            renamed = {self.renamed.get(name, name): value for name, value in dataset.items()}
            translated.append({name: value for name, value in renamed.items() if name not in unanswered})
        return {**answers, "datasets": translated}, errors

    def error_paths_back(self, errors: Errors) -> Errors:
        """Errors found in the translation, reported against the field names this version's answers used."""
        renamed_back = {f".{new}": f".{old}" for old, new in self.renamed.items()}
        reported: Errors = {}
        for path, messages in errors.items():
            for new, old in renamed_back.items():
                if path.endswith(new):
                    path = path.removesuffix(new) + old
            reported.setdefault(path, []).extend(messages)
        return reported
