"""The study in progress: one draft in the session that *is* the answers contract, read and written only here.

    session["study"] = {
        "id": "k3J9...",       # a new one on "Start again" or a prefill: a page of a replaced study can tell
        "revision": 4,         # +1 on every change of the answers; "Check your answers" carries the one it showed
        "answers_version": 3,  # the contract the answers follow; drafts begun before version 3 have none (version 2)
        "answers": {"publication": True, "datasets": [...], "correlations": [["fib", "lm"]]},
        "result_id": "...",    # once submitted, until the answers change again
    }

"answers" holds the engine's types (booleans, not "yes"/"no"), each dataset already validated by the engine
when it was saved. An answer not given yet is absent: no "publication" means the question is still to be asked,
and "correlations": [] means "no, none registered together". What to ask next and whether the study is complete
are functions of the draft, so a read never re-validates a form. The session is written only when the draft
changes: reads leave it untouched, and an unchanged answer does not count as a change.
"""

import secrets
from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.urls import reverse
from formtools.wizard.storage.base import BaseStorage

from policy.engine.contract_v2 import FROM_V2, answers_as_given
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, MAX_DATASETS

SESSION_KEY = "study"
PUBLICATION, DATASETS, CORRELATIONS, CHECK = "publication", "datasets", "correlations", "check"
STEPS = (PUBLICATION, DATASETS, CORRELATIONS, CHECK)

Draft = Mapping[str, Any]


# --- Reading ------------------------------------------------------------------------------------------------------


def study_find(session: SessionBase) -> Draft | None:
    draft = session.get(SESSION_KEY)
    if draft is None or draft.get("answers_version") == ANSWERS_CONTRACT_VERSION:
        return draft
    return _draft_as_version_3(draft)


def _draft_as_version_3(draft: Draft) -> Draft:
    """A draft begun before contract 3 (no "answers_version": its datasets are version 2), read as version 3 the
    way the engine reads version 2 answers, except that what version 2 never asked stays unanswered, for Check your
    answers to ask. Written back with the next change, like any answer."""
    translated, _errors = FROM_V2.answers_translate(draft["answers"])
    answers = answers_as_given(answers=translated, given_in=2)
    return {**draft, "answers_version": ANSWERS_CONTRACT_VERSION, "answers": answers}


def study_submitted(draft: Draft) -> bool:
    return "result_id" in draft


def study_in_progress(draft: Draft | None) -> bool:
    return draft is not None and not study_submitted(draft)


def study_datasets(draft: Draft) -> list[dict]:
    return draft["answers"]["datasets"]


def dataset_find(draft: Draft, *, label: str) -> dict | None:
    return next((dataset for dataset in study_datasets(draft) if dataset["id"] == label), None)


def correlations_asked(draft: Draft) -> bool:
    return len(study_datasets(draft)) >= 2


def study_steps(draft: Draft) -> list[str]:
    return [step for step in STEPS if step != CORRELATIONS or correlations_asked(draft)]


def step_answered(draft: Draft, step: str) -> bool:
    answers = draft["answers"]
    if step == PUBLICATION:
        return "publication" in answers
    if step == DATASETS:
        return 1 <= len(answers["datasets"]) <= MAX_DATASETS
    if step == CORRELATIONS:
        return "correlations" in answers
    return False


def study_first_unanswered(draft: Draft) -> str:
    return next(step for step in study_steps(draft) if not step_answered(draft, step))


def step_reachable(draft: Draft, step: str) -> bool:
    """A step is open once every step before it is answered."""
    steps = study_steps(draft)
    return step in steps and steps.index(step) <= steps.index(study_first_unanswered(draft))


def step_url(draft: Draft, step: str) -> str:
    """Where a step is answered: the datasets step of a study without any starts on the first dataset's page."""
    if step == DATASETS and not study_datasets(draft):
        return reverse("wizard-dataset-add")
    return reverse("wizard-step", args=[step])


def study_next_url(draft: Draft) -> str:
    return step_url(draft, study_first_unanswered(draft))


def study_answers(draft: Draft) -> dict:
    """The answers in the engine's contract, exactly as the depositor gave them."""
    answers = draft["answers"]
    contract: dict[str, Any] = {
        "answers_version": draft["answers_version"],
        "publication": answers["publication"],
        "datasets": answers["datasets"],
    }
    if correlations_asked(draft) and answers.get("correlations"):
        contract["correlations"] = answers["correlations"]
    return contract


def study_all_medical_imaging(draft: Draft) -> bool:
    datasets = study_datasets(draft)
    return bool(datasets) and all(dataset.get("medical_imaging") is True for dataset in datasets)


# --- Writing ------------------------------------------------------------------------------------------------------


def study_start(*, session: SessionBase) -> Draft:
    draft = {
        "id": secrets.token_urlsafe(9),
        "revision": 0,
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "answers": {"datasets": []},
    }
    session[SESSION_KEY] = draft
    return draft


def study_load(*, session: SessionBase, answers: Mapping[str, Any]) -> Draft:
    """A fresh study holding stored (canonical, already valid) answers: every question answered."""
    study_start(session=session)
    return _answers_replace(
        session=session,
        answers={
            "publication": answers["publication"],
            "datasets": [dict(dataset) for dataset in answers["datasets"]],
            "correlations": [list(group) for group in answers.get("correlations", [])],
        },
    )


def study_answer(*, session: SessionBase, answers: Mapping[str, Any]) -> Draft:
    """Record a step's answers ({"publication": True}, {"correlations": [...]}, or {} for a step that asks none)."""
    draft = study_find(session)
    return _answers_replace(session=session, answers={**draft["answers"], **answers})


def study_submitted_mark(*, session: SessionBase, result_id: str) -> None:
    session[SESSION_KEY] = {**study_find(session), "result_id": result_id}


def dataset_save(*, session: SessionBase, dataset: Mapping[str, Any], replacing: str | None = None) -> Draft:
    """Add a dataset, or replace the one labelled `replacing` (keeping its place in the list, and its groups)."""
    draft = study_find(session)
    datasets = list(study_datasets(draft))
    index = next((i for i, item in enumerate(datasets) if item["id"] == replacing), None)
    if index is None:
        datasets.append(dict(dataset))
    else:
        datasets[index] = dict(dataset)
    answers = {**draft["answers"], "datasets": datasets}
    if replacing is not None and replacing != dataset["id"]:
        answers = _correlations_relabel(answers, old=replacing, new=dataset["id"])
    return _answers_replace(session=session, answers=answers)


def dataset_remove(*, session: SessionBase, label: str) -> Draft:
    draft = study_find(session)
    datasets = [dataset for dataset in study_datasets(draft) if dataset["id"] != label]
    answers = _correlations_relabel({**draft["answers"], "datasets": datasets}, old=label, new=None)
    return _answers_replace(session=session, answers=answers)


def _correlations_relabel(answers: dict, *, old: str, new: str | None) -> dict:
    """Keep the groups true when a dataset is renamed (new) or removed (None); a group left with one member goes."""
    if "correlations" not in answers:
        return answers
    groups = []
    for members in answers["correlations"]:
        members = [new if member == old else member for member in members if member != old or new is not None]
        if len(members) >= 2:
            groups.append(members)
    return {**answers, "correlations": groups}


def _answers_replace(*, session: SessionBase, answers: dict) -> Draft:
    """The one place the answers change: a new revision, and a submitted study is in progress again."""
    draft = study_find(session)
    if answers == draft["answers"]:
        return draft
    changed = {key: value for key, value in draft.items() if key != "result_id"}
    changed.update(revision=draft["revision"] + 1, answers=answers)
    session[SESSION_KEY] = changed
    return changed


# --- formtools ----------------------------------------------------------------------------------------------------


class StudyStorage(BaseStorage):
    """django-formtools' storage backend whose data is the draft.

    - The step is the URL's: formtools would otherwise take it from the posted management form, and a forged or
      stale one could make it render (or 500 on) a step the URL does not name. Setting it does nothing.
    - No step data is kept: a step's form is filled from the draft (the wizard's get_form_initial), never from
      replayed POST data, and a valid step's answers (its form's contract fragment) go straight into the draft.
    - Files are not part of the contract.
    """

    request: HttpRequest

    @property
    def data(self) -> Draft:
        return study_find(self.request.session)

    def init_data(self) -> None:
        study_start(session=self.request.session)

    def reset(self) -> None:
        study_start(session=self.request.session)

    @property
    def current_step(self) -> str | None:
        return self.request.resolver_match.kwargs.get("step")

    @current_step.setter
    def current_step(self, step: str) -> None:
        pass

    @property
    def extra_data(self) -> dict:
        return {}

    def get_step_data(self, step: str) -> None:
        return None

    def set_step_data(self, step: str, cleaned_data: Mapping[str, Any]) -> None:
        study_answer(session=self.request.session, answers=cleaned_data)

    def get_step_files(self, step: str) -> None:
        return None

    def set_step_files(self, step: str, files) -> None:
        if files:
            raise ValueError("The study's answers have no files.")
