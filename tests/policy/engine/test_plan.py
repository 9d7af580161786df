"""The plan's shape: every plan the engine makes and every plan an earlier release stored fits the JSON Schema the
API serves, and reads back through the one translation without losing a word."""

import importlib
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from policy.engine import answers_validate, plan_build
from policy.engine.plan import PLAN_SCHEMA, plan_as_json, plan_from_json
from tests.policy.conftest import FIVE_DATASET_STUDY, FULL_STUDY, LIGHT_ONLY_STUDY
from tests.strategies import studies

FIXTURES = Path(__file__).parents[1] / "fixtures"
VALIDATOR = jsonschema.Draft202012Validator(PLAN_SCHEMA)
plan_shape_v2 = importlib.import_module("policy.migrations.0003_plan_shape_v2").plan_shape_v2


def stored_plans() -> list[tuple[str, dict]]:
    """Every plan shape results were stored in: contract v1's as migration 0003 left them, contract v2's as stored."""
    plans = []
    for version in ("v1", "v2"):
        stored = json.loads((FIXTURES / f"stored_results_{version}.json").read_text(encoding="utf-8"))["results"]
        plans += [(f"{version}-{result['name']}", plan_shape_v2(result["plan"])) for result in stored]
    return plans


def errors(plan: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.path))}: {error.message}" for error in VALIDATOR.iter_errors(plan)]


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(PLAN_SCHEMA)


@pytest.mark.parametrize(("name", "plan"), stored_plans(), ids=[name for name, _ in stored_plans()])
def test_every_stored_plan_shape_fits_the_schema_and_reads_back_as_stored(name, plan):
    assert errors(plan) == []
    typed = plan_from_json(plan)
    assert [deposition.key for deposition in typed.depositions] == [item["key"] for item in plan["depositions"]]
    # What was stored reads back as stored; a refusal stored without scope or instead reads with their defaults.
    as_json = plan_as_json(typed)
    for stored, read in zip(plan["not_accepted"], as_json["not_accepted"], strict=True):
        assert {key: read[key] for key in stored} == stored
    assert {key: value for key, value in as_json.items() if key != "not_accepted"} == {
        key: value for key, value in plan.items() if key != "not_accepted"
    }


@pytest.mark.parametrize("answers", [FULL_STUDY, FIVE_DATASET_STUDY, LIGHT_ONLY_STUDY], ids=["full", "five", "light"])
def test_the_fixture_studies_plans_fit_the_schema(answers):
    assert errors(plan_as_json(plan_build(study=answers_validate(answers)))) == []


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(studies())
def test_every_plan_fits_the_schema_and_reads_back_unchanged(answers):
    plan = plan_as_json(plan_build(study=answers_validate(answers)))

    assert errors(plan) == []
    assert plan_as_json(plan_from_json(plan)) == plan
