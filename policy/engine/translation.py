"""What every translation of the answers contract from one version to the next does. Each version's module
(contract_v1.py, contract_v2.py) says only what changed: fields renamed, fields new in the next version, and
what the next version asks that this one answered without asking."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Errors = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Translation:
    version: int  # the version it reads, as version + 1
    renamed: Mapping[str, str]
    new_fields: frozenset[str]
    # A dataset of this version (untrusted) -> the next version's answers it implies, set where not given.
    assumed: Callable[[Mapping[str, Any]], Mapping[str, Any]]

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
            renamed = {self.renamed.get(name, name): value for name, value in dataset.items()}
            translated.append({**self.assumed(dataset), **renamed})
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
