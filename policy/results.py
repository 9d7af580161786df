"""Storing and finding results: the only code that writes Result rows."""

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse

from policy.engine import InvalidAnswers, Study, answers_validate, plan_build
from policy.engine.archives import ARCHIVES
from policy.engine.clauses import CLAUSES
from policy.engine.plan import plan_as_json
from policy.engine.questions import DATASET_QUESTIONS, PUBLICATION
from policy.engine.version import POLICY_VERSION
from policy.engine.vocabulary import LINK_KIND
from policy.models import Result, archives_field_value

# What result_id_new makes (22 characters of the URL-safe alphabet), with room for longer ids later.
RESULT_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,32}")


def answers_digest(canonical_answers: dict) -> str:
    text = json.dumps(canonical_answers, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def answers_words(*, answers: Mapping[str, Any]) -> dict:
    """The engine's words for these answers now: each question's text in asking order (a list of pairs, since
    PostgreSQL's jsonb does not keep an object's key order) and the label of each choice given."""
    questions = [[PUBLICATION.field, PUBLICATION.text]]
    labels: dict[str, dict[str, str]] = {}
    for question in DATASET_QUESTIONS:
        questions.append([question.field, question.text])
        if question.enumeration is None:
            continue
        given = {dataset[question.field] for dataset in answers["datasets"] if question.field in dataset}
        known = sorted(value for value in given if value in question.enumeration.values)
        if known:
            labels[question.field] = {value: question.enumeration.label(value) for value in known}
    return {"questions": questions, "labels": labels}


def texts_collect(*, plan: dict, answers: dict) -> dict:
    """The engine's words a result page quotes, taken from the engine now: the clauses the plan cites, the
    archives it names, the question texts and the labels of the answers given."""
    reasons = [
        reason
        for section in ("depositions", "linking", "not_accepted", "notes")
        for item in plan[section]
        for reason in item["reasons"]
    ]
    cited = dict.fromkeys(reason["clause"] for reason in reasons)
    archive_codes = dict.fromkeys(item["archive"] for section in ("depositions", "linking") for item in plan[section])
    return {
        "clauses": {
            clause_id: {key: value for key, value in CLAUSES[clause_id].as_dict().items() if key != "id"}
            for clause_id in cited
            if clause_id in CLAUSES
        },
        "archives": {
            code: {
                "name": ARCHIVES[code].name,
                "url": ARCHIVES[code].url,
                "accession_example": ARCHIVES[code].accession_example,
            }
            for code in archive_codes
            if code in ARCHIVES
        },
        "link_kinds": {item["kind"]: LINK_KIND.label(item["kind"]) for item in plan["linking"]},
        **answers_words(answers=answers),
    }


def _result_stored(*, policy_version: str, digest: str) -> Result | None:
    return Result.objects.filter(policy_version=policy_version, answers_digest=digest).first()


def result_create(*, answers: Any, before_storing: Callable[[], None] | None = None) -> tuple[Result, bool]:
    """Validate (raises InvalidAnswers), plan and store; the same answers under the same policy version give
    the same result. Returns (result, created). `before_storing` is called only when a new result is about to be
    stored (a cap per address may raise there): answers stored before always get their result."""
    study = answers_validate(answers)
    canonical = study.answers()
    digest = answers_digest(canonical)
    existing = _result_stored(policy_version=POLICY_VERSION, digest=digest)
    if existing is not None:
        return existing, False
    if before_storing is not None:
        before_storing()
    plan = plan_as_json(plan_build(study=study))
    try:
        with transaction.atomic():
            result = Result.objects.create(
                answers=canonical,
                plan=plan,
                texts=texts_collect(plan=plan, answers=canonical),
                archives=archives_field_value(plan),
                policy_version=POLICY_VERSION,
                answers_digest=digest,
            )
    except IntegrityError:
        # A concurrent request stored the same answers first: theirs is the result.
        return Result.objects.get(policy_version=POLICY_VERSION, answers_digest=digest), False
    return result, True


def result_find(*, result_id: Any) -> Result | None:
    """The stored result, or None for an unknown or malformed id (the two are never told apart)."""
    if not isinstance(result_id, str) or RESULT_ID_PATTERN.fullmatch(result_id) is None:
        return None
    return Result.objects.filter(pk=result_id).first()


def result_exists(*, result_id: Any) -> bool:
    """Whether result_find would find a result, in one indexed query that loads nothing."""
    if not isinstance(result_id, str) or RESULT_ID_PATTERN.fullmatch(result_id) is None:
        return False
    return Result.objects.filter(pk=result_id).exists()


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """What the current policy says about a stored result's answers."""

    plan_differs: bool
    answers_still_valid: bool


def _without_version(plan: dict) -> dict:
    return {key: value for key, value in plan.items() if key != "policy_version"}


def result_policy_change(*, result: Result) -> PolicyChange:
    """Whether the current policy plans the stored answers differently (policy versions aside)."""
    if result.policy_version == POLICY_VERSION:
        # The engine is deterministic and its version fingerprints its source: same version, same plan.
        return PolicyChange(plan_differs=False, answers_still_valid=True)
    try:
        study: Study = answers_validate(result.answers)
    except InvalidAnswers:
        return PolicyChange(plan_differs=True, answers_still_valid=False)
    return PolicyChange(
        plan_differs=_without_version(plan_as_json(plan_build(study=study))) != _without_version(result.plan),
        answers_still_valid=True,
    )


def site_address(request: HttpRequest) -> str:
    """The site's public address, scheme and host: settings.SITE_URL, or without one the request's own."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def result_url(request: HttpRequest, result: Result) -> str:
    """The result's permanent link, absolute, as it is shared."""
    return site_address(request) + reverse("result", args=[result.id])
