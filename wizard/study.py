"""The study in progress: one draft in the session that *is* the answers contract, read and written only here.

    session["study"] = {
        "id": "k3J9...",       # a new one on "Start again" or a prefill: a page of a replaced study can tell
        "revision": 4,         # +1 on every change of the answers; "Check your answers" carries the one it showed
        "answers_version": 4,  # the contract the answers follow; drafts begun before version 3 have none (version 2)
        "answers": {"publication": True, "datasets": [...], "correlations": [["fib", "lm"]]},
        "result_id": "...",    # once submitted, until the answers change again
        "correlations_review": {...},  # the correlations question asked again (see correlations_review)
    }

"answers" holds the engine's types (booleans, not "yes"/"no"), each dataset already validated by the engine
when it was saved. An answer not given yet is absent: no "publication" means the question is still to be asked,
and "correlations": [] means "no, none registered together". What to ask next and whether the study is complete
are functions of the draft, so a read never re-validates a form. The session is written only when the draft
changes: reads leave it untouched, and an unchanged answer does not count as a change.
"""

import hashlib
import json
import re
import secrets
from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.urls import reverse

from policy.engine.not_asked import TRANSLATIONS
from policy.engine.planner import dataset_correlatable, dataset_placements, dataset_refused
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_QUESTIONS, MAX_DATASETS, questions_asked_for

SESSION_KEY = "study"
PUBLICATION, DATASETS, CORRELATIONS, CHECK = "publication", "datasets", "correlations", "check"
STEPS = (PUBLICATION, DATASETS, CORRELATIONS, CHECK)

Draft = Mapping[str, Any]


# --- Reading ------------------------------------------------------------------------------------------------------


def study_find(session: SessionBase) -> Draft | None:
    draft = session.get(SESSION_KEY)
    if draft is None or draft.get("answers_version") == ANSWERS_CONTRACT_VERSION:
        return draft
    return _draft_as_current(draft)


def _draft_as_current(draft: Draft) -> Draft:
    """A draft begun under an earlier contract (one begun before version 3 has no "answers_version": its datasets
    are version 2), read as today's the way the engine reads that version's answers: what it never asked stays
    unanswered, for Check your answers to ask. Written back with the next change, like any answer."""
    answers = draft["answers"]
    for translation in TRANSLATIONS[draft.get("answers_version", 2) - 1 :]:
        answers, _errors = translation.answers_translate(answers)
    return {**draft, "answers_version": ANSWERS_CONTRACT_VERSION, "answers": answers}


def study_submitted(draft: Draft) -> bool:
    return "result_id" in draft


def study_in_progress(draft: Draft | None) -> bool:
    return draft is not None and not study_submitted(draft)


def study_datasets(draft: Draft) -> list[dict]:
    return draft["answers"]["datasets"]


def dataset_find(draft: Draft, *, label: str) -> dict | None:
    return next((dataset for dataset in study_datasets(draft) if dataset["id"] == label), None)


def datasets_offered(datasets: list[dict]) -> list[dict]:
    """The datasets a correlative group may name: images the engine does not refuse whole (`dataset_correlatable`)."""
    return [dataset for dataset in datasets if dataset_correlatable(dataset)]


def correlations_asked(draft: Draft) -> bool:
    return len(datasets_offered(study_datasets(draft))) >= 2


def correlations_review(draft: Draft) -> Mapping[str, Any] | None:
    """Why the correlations question is asked again, while it is: {"changes": [["added", "fib"], ...], "groups":
    the groups that still make sense, "dropped": [[members, reason], ...], "answered_no": whether the answer was
    "no", which still applies}."""
    return draft.get("correlations_review")


def dataset_groups(draft: Draft, *, label: str) -> list[tuple[int, list[str]]]:
    """The correlative groups that hold a dataset, numbered as the pages number them: those answered, or while the
    question is asked again those kept for it to start from."""
    review = correlations_review(draft)
    groups = review["groups"] if review is not None else draft["answers"].get("correlations", [])
    return [(number, list(group)) for number, group in enumerate(groups, start=1) if label in group]


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


def study_fingerprint(draft: Draft) -> str:
    """What a page showed of the answers, in short (a digest of each), so that a stale "Get your deposition plan"
    can say what changed since: "publication:3f2a… dataset:lm:9c1d… correlations:…"."""
    answers = draft["answers"]
    parts = [f"publication:{_digest(answers.get('publication'))}"]
    parts += [f"dataset:{dataset['id']}:{_digest(dataset)}" for dataset in study_datasets(draft)]
    parts.append(f"correlations:{_digest(answers.get('correlations'))}")
    return " ".join(parts)


def study_changes(draft: Draft, *, shown: str) -> list[str]:
    """What changed since a page showed the answers (its `study_fingerprint`), in words: ["sxt added", "lm
    changed", "the correlative groups changed"]. Nothing for a fingerprint it cannot read."""
    try:
        before = dict(part.rsplit(":", 1) for part in shown.split())
    except ValueError:
        return []
    now = dict(part.rsplit(":", 1) for part in study_fingerprint(draft).split())
    if not before:
        return []
    words = []
    for key in dict.fromkeys([*now, *before]):
        name = key.removeprefix("dataset:")
        if key not in before:
            words.append(f"{name} added")
        elif key not in now:
            words.append(f"{name} removed")
        elif before[key] != now[key]:
            words.append(
                {"publication": "the publication answer", "correlations": "the correlative groups"}.get(key, name)
                + " changed"
            )
    return words


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:10]


def study_unanswered(draft: Draft) -> bool:
    """Whether a dataset leaves a question asked of it unanswered: answers loaded from a result given in an earlier
    contract version leave out what that version never asked, defaults included, for the depositor to answer."""
    return any(
        question.field not in dataset for dataset in study_datasets(draft) for question in questions_asked_for(dataset)
    )


def study_nothing_deposited(draft: Draft) -> bool:
    """Whether the plan would deposit nothing of the study: medical imaging of people, data from people without
    consent to its open release."""
    datasets = study_datasets(draft)
    return bool(datasets) and not any(dataset_placements(dataset) for dataset in datasets)


# --- Writing ------------------------------------------------------------------------------------------------------


# What study_start makes (12 characters of the URL-safe alphabet): a posted id is believed only in this shape.
STUDY_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{12}")


def study_start(*, session: SessionBase, study_id: str | None = None) -> Draft:
    draft = {
        "id": study_id or secrets.token_urlsafe(9),
        "revision": 0,
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "answers": {"datasets": []},
    }
    session[SESSION_KEY] = draft
    return draft


def study_offer(*, session: SessionBase, study_id: str | None = None) -> Draft:
    """A new study for this request only: the session keeps it, and is stored, only once an answer is saved into it
    (docs/wizard.md, "Nothing stored for a visit"), so that a visit that saves nothing stores nothing."""
    modified = session.modified
    draft = study_start(session=session, study_id=study_id)
    session.modified = modified
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
    return _answers_replace(
        session=session,
        answers={**draft["answers"], **answers},
        review=None if "correlations" in answers else correlations_review(draft),
    )


def study_submitted_mark(*, session: SessionBase, result_id: str) -> None:
    session[SESSION_KEY] = {**study_find(session), "result_id": result_id}


def dataset_save(*, session: SessionBase, dataset: Mapping[str, Any], replacing: str | None = None) -> Draft:
    """Add a dataset, or replace the one labelled `replacing` (keeping its place in the list, and its groups)."""
    draft = study_find(session)
    datasets = list(study_datasets(draft))
    index = next((i for i, item in enumerate(datasets) if item["id"] == replacing), None)
    if index is None:
        datasets.append(dict(dataset))
        change = None if not dataset_correlatable(dataset) else "added"
    else:
        change = "changed" if _dataset_kind(datasets[index]) != _dataset_kind(dataset) else None
        datasets[index] = dict(dataset)
    renamed = {replacing: dataset["id"]} if replacing is not None else {}
    return _datasets_changed(
        session=session,
        draft=draft,
        answers={**draft["answers"], "datasets": datasets},
        change=change,
        label=dataset["id"],
        renamed=renamed,
    )


def dataset_remove(*, session: SessionBase, label: str) -> Draft:
    draft = study_find(session)
    removed = dataset_find(draft, label=label)
    if removed is None:
        return draft
    datasets = [dataset for dataset in study_datasets(draft) if dataset["id"] != label]
    return _datasets_changed(
        session=session,
        draft=draft,
        answers={**draft["answers"], "datasets": datasets},
        change=None if not dataset_correlatable(removed) else "removed",
        label=label,
        renamed={},
    )


# The answers that say what a dataset is (how it was made, and whether it can be deposited at all), as the
# correlations page names each one: a change to them makes the correlative groups worth asking about again.
KIND_FIELDS = tuple(question.field for question in DATASET_QUESTIONS if question.kind == "choice")


def _dataset_kind(dataset: Mapping[str, Any]) -> tuple:
    return (*(dataset.get(field) for field in KIND_FIELDS), dataset_refused(dataset))


def _datasets_changed(
    *, session: SessionBase, draft: Draft, answers: dict, change: str | None, label: str, renamed: dict[str, str]
) -> Draft:
    """Keep the correlative groups true to the datasets: a renamed dataset is renamed in its groups; one removed,
    or that can no longer be deposited, leaves them (a group left with one member goes).

    Once the correlations are answered, adding a dataset that can be deposited, removing one, or changing what one
    is (how it was made, or whether it can be deposited) asks the question again: the answer goes, and the review
    (`correlations_review`) keeps the groups that still make sense for the page to start from, with what changed
    and which groups were dropped. Changes add up until the question is answered again."""
    review = correlations_review(draft)
    answered = answers.pop("correlations", None)
    if answered is None and review is None:
        return _answers_replace(session=session, answers=answers)
    offered = {dataset["id"] for dataset in datasets_offered(answers["datasets"])}
    kept, dropped = [], []
    for members in answered if answered is not None else review["groups"]:
        members = [renamed.get(member, member) for member in members]
        still = [member for member in members if member in offered]
        if len(still) >= 2:
            kept.append(still)
        else:
            dropped.append([members, [member for member in members if member not in offered]])
    if len(offered) < 2 or (change is None and review is None):
        # Not asked (fewer than two datasets to group), or nothing the answer was about has changed.
        return _answers_replace(session=session, answers={**answers, "correlations": kept})
    changes = [list(item) for item in review["changes"]] if review else []
    if change is not None and [change, label] not in changes:
        changes.append([change, label])
    review = {
        "changes": changes,
        "groups": kept,
        "dropped": [*(review["dropped"] if review else []), *dropped],
        "answered_no": answered == [] if review is None else review.get("answered_no", False),
    }
    return _answers_replace(session=session, answers=answers, review=review)


def _answers_replace(*, session: SessionBase, answers: dict, review: Mapping[str, Any] | None = None) -> Draft:
    """The one place the answers change: a new revision, and a submitted study is in progress again."""
    draft = study_find(session)
    if answers == draft["answers"] and review == correlations_review(draft):
        return draft
    changed = {key: value for key, value in draft.items() if key not in {"result_id", "correlations_review"}}
    changed.update(revision=draft["revision"] + 1, answers=answers)
    if review is not None:
        changed["correlations_review"] = review
    session[SESSION_KEY] = changed
    return changed
