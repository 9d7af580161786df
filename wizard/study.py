"""The study being described, as kept in the wizard's session storage, and its answers (contract v1).

The storage is django-formtools' session storage, shared by the wizard's steps and the dataset pages:
- step data (raw form data, formtools' own format) for the publication, datasets and correlations steps;
- extra data: `started`, `datasets` (each dataset's answers, typed as the contract wants), `result_id`.

Step conditions read this raw storage, never a step's cleaned data (that would recurse in formtools).
"""

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.storage.session import SessionStorage

from policy.engine.answers import MAX_CORRELATION_GROUPS
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, MAX_DATASETS
from wizard.forms import CorrelationsForm, PublicationForm, choice_from_boolean

STORAGE_PREFIX = "study"
PUBLICATION, DATASETS, CORRELATIONS, CHECK = "publication", "datasets", "correlations", "check"
STEPS = (PUBLICATION, DATASETS, CORRELATIONS, CHECK)


class StudySessionStorage(SessionStorage):
    """formtools' session storage, marking the session changed only when the study changes.

    formtools marks it changed on every read, so every request writes the whole session back: a read-only
    request (an htmx preview of follow-up questions) racing a save would write the old study over the new one.
    """

    def _get_data(self) -> dict:
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)

    def _changed(self) -> None:
        self.request.session.modified = True

    def _set_current_step(self, step: str) -> None:
        if step != self._get_current_step():
            super()._set_current_step(step)
            self._changed()

    def _set_extra_data(self, extra_data: dict) -> None:
        super()._set_extra_data(extra_data)
        self._changed()

    def set_step_data(self, step: str, cleaned_data) -> None:
        super().set_step_data(step, cleaned_data)
        self._changed()


def study_storage(request: HttpRequest) -> BaseStorage:
    """The same storage the wizard view uses (formtools keys it by the prefix)."""
    return StudySessionStorage(STORAGE_PREFIX, request)


def study_in_progress(request: HttpRequest) -> bool:
    """Read-only (no session write, so the start page costs at most the session lookup)."""
    data = request.session.get(f"wizard_{STORAGE_PREFIX}") or {}
    extra = data.get("extra_data") or {}
    return extra.get("started") is True and "result_id" not in extra


def study_started(storage: BaseStorage) -> bool:
    return storage.extra_data.get("started", False) is True


def study_start(storage: BaseStorage) -> None:
    storage.reset()
    storage.extra_data = {"started": True, "datasets": []}
    storage.current_step = PUBLICATION


def study_submitted(storage: BaseStorage) -> bool:
    return "result_id" in storage.extra_data


def study_submitted_mark(storage: BaseStorage, *, result_id: str) -> None:
    storage.extra_data = {**storage.extra_data, "result_id": result_id}


def study_datasets(storage: BaseStorage) -> list[dict]:
    return list(storage.extra_data.get("datasets", []))


def dataset_labels(storage: BaseStorage) -> list[str]:
    return [dataset["id"] for dataset in study_datasets(storage)]


def dataset_find(storage: BaseStorage, *, label: str) -> dict | None:
    return next((dataset for dataset in study_datasets(storage) if dataset["id"] == label), None)


def correlations_asked(storage: BaseStorage) -> bool:
    return len(study_datasets(storage)) >= 2


def study_steps(storage: BaseStorage) -> list[str]:
    return [step for step in STEPS if step != CORRELATIONS or correlations_asked(storage)]


def _publication_form(storage: BaseStorage) -> PublicationForm | None:
    data = storage.get_step_data(PUBLICATION)
    return None if data is None else PublicationForm(data, prefix=PUBLICATION)


def _correlations_form(storage: BaseStorage) -> CorrelationsForm | None:
    data = storage.get_step_data(CORRELATIONS)
    return None if data is None else CorrelationsForm(data, prefix=CORRELATIONS, labels=dataset_labels(storage))


def step_answered(storage: BaseStorage, step: str) -> bool:
    if step == PUBLICATION:
        form = _publication_form(storage)
        return form is not None and form.is_valid()
    if step == DATASETS:
        return storage.get_step_data(DATASETS) is not None and 1 <= len(study_datasets(storage)) <= MAX_DATASETS
    if step == CORRELATIONS:
        form = _correlations_form(storage)
        return form is not None and form.is_valid()
    return False


def study_first_unanswered(storage: BaseStorage) -> str:
    return next(step for step in study_steps(storage) if not step_answered(storage, step))


def step_reachable(storage: BaseStorage, step: str) -> bool:
    """A step is open once every step before it is answered."""
    steps = study_steps(storage)
    return step in steps and steps.index(step) <= steps.index(study_first_unanswered(storage))


def study_answers(storage: BaseStorage) -> dict:
    """The answers in the engine's contract, exactly as the depositor gave them."""
    form = _publication_form(storage)
    answers: dict[str, Any] = {"answers_version": ANSWERS_CONTRACT_VERSION, "datasets": study_datasets(storage)}
    if form is not None and form.is_valid():
        answers = {"publication": form.cleaned_data["publication"], **answers}
    if correlations_asked(storage):
        correlations = _correlations_form(storage)
        if correlations is not None and correlations.is_valid() and correlations.groups:
            answers["correlations"] = correlations.groups
    return answers


def correlation_groups_stored(storage: BaseStorage) -> tuple[bool | None, list[list[str]]]:
    """(correlated?, groups) from the raw step data, whether or not it is still valid."""
    data = storage.get_step_data(CORRELATIONS)
    if data is None:
        return None, []
    correlated = data.get(f"{CORRELATIONS}-correlated")
    groups = []
    for number in range(1, MAX_CORRELATION_GROUPS + 1):
        members = data.getlist(f"{CORRELATIONS}-group_{number}")
        if members:
            groups.append(members)
    return (None if correlated is None else correlated == "yes"), groups


def correlations_step_data(*, correlated: bool, groups: list[list[str]]) -> dict[str, list[str]]:
    data = {f"{CORRELATIONS}-correlated": [choice_from_boolean(correlated)]}
    for number, members in enumerate(groups, start=1):
        data[f"{CORRELATIONS}-group_{number}"] = list(members)
    return data


def _correlations_relabel(storage: BaseStorage, *, old: str, new: str | None) -> None:
    """Keep stored groups true when a dataset is renamed (new) or removed (None)."""
    correlated, groups = correlation_groups_stored(storage)
    if correlated is None:
        return
    updated = []
    for members in groups:
        members = [new if member == old else member for member in members if member != old or new is not None]
        if len(members) >= 2:
            updated.append(members)
    storage.set_step_data(CORRELATIONS, correlations_step_data(correlated=correlated, groups=updated))


def dataset_save(storage: BaseStorage, *, dataset: Mapping[str, Any], replacing: str | None = None) -> None:
    """Add a dataset, or replace the one labelled `replacing` (keeping its place in the list)."""
    datasets = study_datasets(storage)
    index = next((i for i, item in enumerate(datasets) if item["id"] == replacing), None)
    if index is None:
        datasets.append(dict(dataset))
    else:
        datasets[index] = dict(dataset)
    storage.extra_data = {**storage.extra_data, "datasets": datasets}
    if replacing is not None and replacing != dataset["id"]:
        _correlations_relabel(storage, old=replacing, new=dataset["id"])


def dataset_remove(storage: BaseStorage, *, label: str) -> None:
    datasets = [dataset for dataset in study_datasets(storage) if dataset["id"] != label]
    storage.extra_data = {**storage.extra_data, "datasets": datasets}
    _correlations_relabel(storage, old=label, new=None)


def study_load(storage: BaseStorage, *, answers: Mapping[str, Any]) -> None:
    """A fresh study holding stored (canonical, already valid) answers, every step answered."""
    study_start(storage)
    storage.set_step_data(PUBLICATION, {f"{PUBLICATION}-publication": [choice_from_boolean(answers["publication"])]})
    storage.extra_data = {**storage.extra_data, "datasets": [dict(dataset) for dataset in answers["datasets"]]}
    storage.set_step_data(DATASETS, {})
    if correlations_asked(storage):
        groups = [list(group) for group in answers.get("correlations", [])]
        storage.set_step_data(CORRELATIONS, correlations_step_data(correlated=bool(groups), groups=groups))
    storage.current_step = CHECK


def study_all_patient_medical(storage: BaseStorage) -> bool:
    datasets = study_datasets(storage)
    return bool(datasets) and all(dataset.get("patient_medical") is True for dataset in datasets)
