"""wizard.steps, the seam with django-formtools: what this wizard relies on formtools (2.7) doing beyond its
documented extension points, pinned, so that an upgrade that changes it fails here rather than in a depositor's
browser; and that no other module meets formtools. (Its refusal of a POST without its management form is pinned in
test_navigation.py.)"""

import ast
from pathlib import Path

import pytest

from policy.models import Result
from tests.builders import FIB, LM
from tests.wizard.journeys import (
    check_confirm,
    correlations_answer,
    step_post,
    study_started,
)
from wizard.forms import CheckForm
from wizard.steps import StudyStorage, StudyWizard

pytestmark = pytest.mark.django_db


def test_formtools_hands_the_check_steps_valid_form_to_render_done(client, monkeypatch):
    """`render_done` is the one hook outside formtools' documentation: the check step's POST submits through it."""
    handed = []
    render_done = StudyWizard.render_done

    def spy(wizard, form, **kwargs):
        handed.append((type(form), kwargs))
        return render_done(wizard, form, **kwargs)

    monkeypatch.setattr(StudyWizard, "render_done", spy)
    study_started(client, datasets=[LM])

    response = check_confirm(client)

    assert handed == [(CheckForm, {"step": "check"})]
    assert response["Location"] == f"/r/{Result.objects.get().id}/"


def test_formtools_hands_only_the_last_step_to_render_done(client, monkeypatch):
    monkeypatch.setattr(StudyWizard, "render_done", lambda wizard, form, **kwargs: pytest.fail("not the last step"))
    study_started(client, datasets=[LM, FIB])
    assert correlations_answer(client, [])["Location"] == "/study/check/"


@pytest.mark.parametrize(
    ("query", "location"),
    [("", "/pinned/datasets/"), ("return=check", "/pinned/check/")],
)
def test_formtools_redirects_a_valid_step_to_the_url_of_the_next(client, monkeypatch, query, location):
    """After a valid step formtools 2.7 redirects to `get_step_url(get_next_step())`: the next step, or after a
    change made from Check your answers the first unanswered one."""
    study_started(client, datasets=[LM])
    monkeypatch.setattr(StudyWizard, "get_step_url", lambda wizard, step: f"/pinned/{step}/")

    response = step_post(client, "publication", {"publication-publication": "no"}, query=query)

    assert response["Location"] == location


def test_formtools_asks_the_storage_only_what_it_answers(client, monkeypatch):
    """Every member formtools reads or sets on the storage, over every step's GET and POST (a forged management
    form's too) and a submit: StudyStorage answers each, and an upgrade asking for more or fewer fails here."""
    read, written = set(), set()

    def getattribute(storage, name):
        read.add(name)
        return object.__getattribute__(storage, name)

    def setattr_(storage, name, value):
        written.add(name)
        object.__setattr__(storage, name, value)

    monkeypatch.setattr(StudyStorage, "__getattribute__", getattribute)
    monkeypatch.setattr(StudyStorage, "__setattr__", setattr_)
    study_started(client, datasets=[LM, FIB])
    for step in ("publication", "datasets", "correlations"):
        assert client.get(f"/study/{step}/").status_code == 200
    step_post(client, "datasets", {"study-current_step": "check"})
    correlations_answer(client, [["lm", "fib"]])
    assert client.get("/study/check/").status_code == 200
    assert check_confirm(client).status_code == 302

    assert read - {"request"} == {
        "current_step",
        "current_step_data",
        "current_step_files",
        "extra_data",
        "set_step_data",
        "set_step_files",
        "update_response",
    }
    assert written - {"request"} == {"current_step"}


def test_only_wizard_steps_imports_formtools():
    """The seam stays in sight: no other module of the project meets formtools."""
    root = Path(__file__).resolve().parents[2]
    importers = set()
    for path in sorted(root.glob("*/**/*.py")):
        if path.relative_to(root).parts[0] not in {"config", "policy", "wizard"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "formtools" or name.startswith("formtools.") for name in names):
                importers.add(str(path.relative_to(root)))
    assert importers == {"wizard/steps.py"}
