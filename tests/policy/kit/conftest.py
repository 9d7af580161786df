import importlib.resources
import json
from pathlib import Path

import jsonschema
from jsonschema.protocols import Validator

from policy.engine import answers_validate, plan_for
from policy.results import texts_collect
from policy.stored_result import StoredResult, stored_result_read

MADMP_SCHEMA_PATH = Path(__file__).parent / "schemas" / "madmp-1.2" / "maDMP-schema-1.2.json"
PAGETAB_SCHEMA_PATH = Path(__file__).parent / "schemas" / "pagetab" / "pagetab-submission.schema.json"


# The id a planned study is read under, as if stored: the kit's links name it.
PLANNED_ID = "A" * 22


def planned(answers: dict) -> StoredResult:
    """The study planned and read as a stored result: its canonical answers, its plan and the words it keeps."""
    canonical, plan = answers_validate(answers).answers(), plan_for(answers)
    texts = texts_collect(plan=plan, answers=canonical)
    return stored_result_read(plan=plan, answers=canonical, texts=texts, result_id=PLANNED_ID)


def empiar_schema() -> dict:
    """The EMPIAR deposition schema as the pinned empiar-depositor package installs it."""
    resource = importlib.resources.files("empiar_depositor") / "empiar_deposition.schema.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def empiar_validator() -> Validator:
    # The schema names the moving "http://json-schema.org/schema#"; draft 7 is the draft its keywords belong to.
    return jsonschema.Draft7Validator(empiar_schema(), format_checker=jsonschema.FormatChecker())


def madmp_validator() -> Validator:
    schema = json.loads(MADMP_SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def pagetab_validator() -> Validator:
    """Our JSON Schema of PageTab, written from its specification (schemas/pagetab/README.md)."""
    return jsonschema.Draft202012Validator(json.loads(PAGETAB_SCHEMA_PATH.read_text(encoding="utf-8")))
