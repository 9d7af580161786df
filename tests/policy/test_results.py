import re

import pytest

from policy.engine import InvalidAnswers, plan_for
from policy.engine.clauses import CLAUSES
from policy.engine.version import POLICY_VERSION
from policy.models import ImmutableResultError, Result, result_id_new
from policy.results import (
    answers_digest,
    result_create,
    result_find,
    result_policy_change,
)

pytestmark = pytest.mark.django_db


def test_result_ids_are_128_random_bits_in_22_url_safe_characters():
    ids = {result_id_new() for _ in range(200)}

    assert len(ids) == 200
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", result_id) for result_id in ids)


def test_a_result_stores_the_canonical_answers_the_plan_and_the_policy_version(full_study):
    result, created = result_create(answers=full_study)

    stored = Result.objects.get(pk=result.pk)
    assert created
    assert stored.plan == plan_for(full_study)
    assert stored.answers["datasets"][0]["id"] == "fib-sem"  # canonical: sorted by label, defaults filled in
    assert stored.answers["datasets"][0]["medical_imaging"] is False
    assert stored.policy_version == POLICY_VERSION
    assert stored.created_at is not None
    assert stored.archives == ",arrayexpress,emdb,empiar,bia,"


def test_same_answers_in_another_order_give_the_same_result(full_study):
    first, first_created = result_create(answers=full_study)
    full_study["datasets"].reverse()
    full_study["correlations"] = [["scan", "lm", "fib-sem"]]
    second, second_created = result_create(answers=full_study)

    assert (first_created, second_created) == (True, False)
    assert second.pk == first.pk
    assert Result.objects.count() == 1


def test_different_answers_give_a_different_result(full_study, light_only_study):
    first, _ = result_create(answers=full_study)
    second, created = result_create(answers=light_only_study)

    assert created
    assert second.pk != first.pk


def test_a_concurrent_insert_of_the_same_answers_returns_the_stored_result(light_only_study, monkeypatch):
    stored, _ = result_create(answers=light_only_study)
    # Another request stores the same answers between this request's lookup and its insert: the lookup
    # misses, the insert hits the unique constraint, and the stored row is the answer.
    monkeypatch.setattr("policy.results._result_stored", lambda **lookup: None)

    result, created = result_create(answers=light_only_study)

    assert not created
    assert result.pk == stored.pk
    assert Result.objects.count() == 1


def test_invalid_answers_store_nothing():
    with pytest.raises(InvalidAnswers):
        result_create(answers={"datasets": [{"id": "x", "modality": "sonar"}]})

    assert Result.objects.count() == 0


def test_a_stored_result_cannot_be_saved_again(light_only_study):
    result, _ = result_create(answers=light_only_study)
    result.plan = {"depositions": []}

    with pytest.raises(ImmutableResultError):
        result.save()

    assert Result.objects.get(pk=result.pk).plan == plan_for(light_only_study)


def test_stored_results_cannot_be_updated_in_bulk(light_only_study):
    result, _ = result_create(answers=light_only_study)

    with pytest.raises(ImmutableResultError):
        Result.objects.filter(pk=result.pk).update(plan={})
    with pytest.raises(ImmutableResultError):
        Result.objects.bulk_update([result], ["plan"])


def test_result_find_finds_by_id(light_only_study):
    result, _ = result_create(answers=light_only_study)

    assert result_find(result_id=result.pk) == result


@pytest.mark.parametrize(
    "result_id",
    ["", "short", "x" * 33, "../etc/passwd", "abc def ghi jkl mno pqr", "ÿ" * 22, None, 12345, "A" * 22],
)
def test_result_find_returns_none_for_unknown_and_malformed_ids(result_id, light_only_study):
    result_create(answers=light_only_study)

    assert result_find(result_id=result_id) is None


def test_texts_keep_the_words_of_every_cited_clause_and_archive(full_study):
    result, _ = result_create(answers=full_study)
    plan = result.plan

    cited = {
        reason["clause"]
        for section in ("depositions", "linking", "not_accepted", "notes")
        for item in plan[section]
        for reason in item["reasons"]
    }
    assert set(result.texts["clauses"]) == cited
    assert result.texts["clauses"]["rule-1"]["text"] == CLAUSES["rule-1"].text
    assert set(result.texts["archives"]) == {"arrayexpress", "emdb", "empiar", "bia"}
    assert result.texts["labels"]["em_method"] == {
        "single_particle": "Single-particle cryo-EM",
        "volume_em": "Volume EM",
    }


def test_answers_digest_ignores_key_order():
    assert answers_digest({"a": 1, "b": [1, 2]}) == answers_digest({"b": [1, 2], "a": 1})


def test_a_result_under_the_current_policy_has_not_changed(full_study):
    result, _ = result_create(answers=full_study)

    change = result_policy_change(result=result)

    assert not change.plan_differs
    assert change.answers_still_valid


def test_a_new_policy_version_that_plans_the_same_is_no_change(full_study, monkeypatch):
    result, _ = result_create(answers=full_study)
    monkeypatch.setattr("policy.results.POLICY_VERSION", "2027-01+0000000000")

    assert not result_policy_change(result=result).plan_differs


def test_a_new_policy_version_that_plans_differently_is_a_change(full_study, monkeypatch):
    result, _ = result_create(answers=full_study)
    monkeypatch.setattr("policy.results.POLICY_VERSION", "2027-01+0000000000")
    monkeypatch.setattr("policy.engine.rules.PRESUBMISSION_CONTACT", "new-contact@ebi.ac.uk")

    change = result_policy_change(result=result)

    assert change.plan_differs
    assert change.answers_still_valid


def test_answers_the_current_policy_no_longer_accepts_are_a_change(light_only_study):
    # Made under an older policy whose vocabulary had a modality the current one does not.
    old_answers = {"publication": True, "datasets": [{"id": "a", "modality": "holography"}]}
    result = Result.objects.create(
        answers=old_answers,
        plan=plan_for(light_only_study),
        policy_version="2025-01+0123456789",
        answers_digest=answers_digest(old_answers),
    )

    change = result_policy_change(result=result)

    assert change.plan_differs
    assert not change.answers_still_valid
