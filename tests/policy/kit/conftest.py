import copy
import importlib.resources
import json
from pathlib import Path

import jsonschema
import pytest
from jsonschema.protocols import Validator

from policy.engine import answers_validate, plan_for

# The study of the issue: light microscopy correlated with FIB-SEM, cryo-ET with tilt series and many tomograms,
# sequencing-based spatial transcriptomics and one patient medical dataset.
FIVE_DATASET_STUDY = {
    "answers_version": 2,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em"},
        {"id": "cryo-et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "many", "subtomogram_average": False, "atomic_model": False},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True},
        {"id": "mri", "modality": "other", "patient_medical": True},
    ],
    "correlations": [["lm", "fib-sem"]],
}  # fmt: skip

MADMP_SCHEMA_PATH = Path(__file__).parent / "schemas" / "madmp-1.2" / "maDMP-schema-1.2.json"


def planned(answers: dict) -> tuple[dict, dict]:
    """(canonical answers, plan): what a stored result holds."""
    return answers_validate(answers).answers(), plan_for(answers)


@pytest.fixture
def five_dataset_study() -> dict:
    return copy.deepcopy(FIVE_DATASET_STUDY)


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
