"""The engine stands alone (no Django) and its version follows every change to it."""

import shutil
import subprocess
import sys

from django.conf import settings

from policy import POLICY_VERSION, plan_for
from policy.engine.version import ENGINE_DIR, POLICY_EDITION, engine_fingerprint


def test_engine_imports_and_plans_without_django():
    script = (
        "import sys; from policy.engine import plan_for; "
        "plan_for({'datasets': [{'id': 'lm', 'modality': 'light_microscopy'}]}); "
        "assert not any(name == 'django' or name.startswith('django.') for name in sys.modules), 'django imported'"
    )

    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True, check=False
    )

    assert completed.returncode == 0, completed.stderr


def test_every_plan_carries_the_policy_version():
    assert plan_for({"datasets": [{"id": "a", "modality": "other"}]})["policy_version"] == POLICY_VERSION
    assert f"{POLICY_EDITION}+{engine_fingerprint()}" == POLICY_VERSION


def test_changing_a_rule_changes_the_fingerprint(tmp_path):
    copy = tmp_path / "engine"
    shutil.copytree(ENGINE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert engine_fingerprint(copy) == engine_fingerprint()

    rules = copy / "rules.py"
    rules.write_text(rules.read_text().replace('"light microscopy images"', '"light-microscopy images"'))

    assert engine_fingerprint(copy) != engine_fingerprint()
