"""Storing and finding results: the only code that writes Result rows."""

import hashlib
import json

from django.db import IntegrityError, transaction

from policy.engine import answers_validate, plan_build
from policy.engine.version import POLICY_VERSION
from policy.models import Result


def answers_digest(canonical_answers: dict) -> str:
    text = json.dumps(canonical_answers, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def result_create(*, answers: dict) -> tuple[Result, bool]:
    """Validate (raises InvalidAnswers), plan and store; the same answers under the same policy version give
    the same result. Returns (result, created)."""
    study = answers_validate(answers)
    canonical = study.answers()
    digest = answers_digest(canonical)
    existing = Result.objects.filter(policy_version=POLICY_VERSION, answers_digest=digest).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            result = Result.objects.create(
                answers=canonical,
                plan=plan_build(study=study),
                policy_version=POLICY_VERSION,
                answers_digest=digest,
            )
    except IntegrityError:
        # A concurrent request stored the same answers first: theirs is the result.
        return Result.objects.get(policy_version=POLICY_VERSION, answers_digest=digest), False
    return result, True


def result_find(*, result_id: str) -> Result | None:
    """The stored result, or None for an unknown or malformed id (the two are never told apart)."""
    if not isinstance(result_id, str) or not 1 <= len(result_id) <= 32:
        return None
    return Result.objects.filter(pk=result_id).first()
