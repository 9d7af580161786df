"""python manage.py plan FILE | -"""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from policy import plan_for

STUDY = {"datasets": [{"id": "sxt", "modality": "xray_imaging", "dimensionality": "3d"}]}


def run_plan(*args, stdin_text: str | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin_text is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    call_command("plan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_plan_file_prints_the_plan_json(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(STUDY))

    out, _ = run_plan(str(path))

    assert json.loads(out) == plan_for(STUDY)


def test_plan_reads_stdin_for_dash(monkeypatch):
    out, _ = run_plan("-", stdin_text=json.dumps(STUDY), monkeypatch=monkeypatch)

    assert json.loads(out)["depositions"][0]["archive"] == "empiar"


def test_plan_with_invalid_answers_exits_2(monkeypatch):
    with pytest.raises(SystemExit) as exited:
        run_plan("-", stdin_text='{"datasets": [{"id": "x", "modality": "xray_imaging"}]}', monkeypatch=monkeypatch)

    assert exited.value.code == 2


def test_plan_with_invalid_answers_names_the_field(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO('{"datasets": [{"id": "x", "modality": "xray_imaging"}]}'))
    with pytest.raises(SystemExit):
        call_command("plan", "-", stdout=io.StringIO(), stderr=err)

    assert "datasets[0].dimensionality: Required" in err.getvalue()


def test_plan_with_text_that_is_not_json_exits_2(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO("not json"))
    with pytest.raises(SystemExit) as exited:
        call_command("plan", "-", stdout=io.StringIO(), stderr=err)

    assert exited.value.code == 2
    assert "Not valid JSON" in err.getvalue()


def test_plan_with_a_missing_file_is_a_command_error_with_code_2(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("plan", str(tmp_path / "missing.json"), stdout=io.StringIO(), stderr=io.StringIO())

    assert raised.value.returncode == 2


@pytest.mark.parametrize(
    "answers",
    [
        {"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": True}]},
        {"answers_version": 2, "datasets": [{"id": "mri", "modality": "other", "patient_medical": True}]},
        {"answers_version": 3, "datasets": [{"id": "mri", "modality": "other", "medical_imaging": True}]},
    ],
    ids=["version-1", "version-2", "version-3"],
)
def test_plan_takes_every_answers_version_still_accepted(answers, monkeypatch):
    out, _ = run_plan("-", stdin_text=json.dumps(answers), monkeypatch=monkeypatch)

    plan = json.loads(out)
    assert plan["answers_version"] == 4
    assert [item["dataset"] for item in plan["not_accepted"]] == ["mri"]
