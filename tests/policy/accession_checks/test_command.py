"""python manage.py accessions_check <link or id> [STEP_KEY=ACCESSIONS …]: the helpdesk's view, with the page's code."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from policy.results import result_create
from tests.policy.conftest import FIVE_DATASET_STUDY

pytestmark = pytest.mark.django_db


@pytest.fixture
def result():
    stored, _ = result_create(answers=FIVE_DATASET_STUDY)
    return stored


def run(*args) -> str:
    out = io.StringIO()
    call_command("accessions_check", *args, stdout=out)
    return out.getvalue()


def test_shared_link_prints_each_state_and_the_cross_reference_warning(archives_replayed, result):
    link = f"https://wizard.example/r/{result.pk}?emdb%3Acryo-et=EMD-99999&empiar%3Acryo-et=EMPIAR-10002"

    lines = run(link, "empiar:fib-sem=EMPIAR-12").splitlines()

    assert lines == [
        "Step 2 · EMDB · EMD-99999 · not public yet, or mistyped",
        "Step 3 · EMPIAR · EMPIAR-10002 · public since 2016-03-01 · “Beta-galactosidase in complex with a "
        "cell-permeant inhibitor: raw movies”",
        "Step 4 · EMPIAR · EMPIAR-12 · not an accession of this archive: not checked",
        "Warning: EMPIAR-10002 (step 3) does not cite EMD-99999 (step 2), as the plan says it must; ask the archive "
        "to add the cross-reference.",
    ]


def test_json_gives_every_field_of_each_check(archives_replayed, result):
    document = json.loads(run("--json", "--", str(result.pk), "emdb:cryo-et=EMD-5995"))

    (row,) = document["accessions"]
    assert row["step"] == 2
    assert (row["state"], row["cites"], row["summary"]) == ("public", ["3J7H"], "public since 2014-05-07")
    assert document["warnings"] == []


def test_without_accessions_it_says_so(archives_replayed, result):
    assert run("--", str(result.pk)) == "No accessions typed for this plan.\n"
    assert archives_replayed.asked == []


def test_unknown_id_and_bad_pair_are_refused(archives_replayed, result):
    with pytest.raises(CommandError, match="No stored plan"):
        run("W-nothing-here")
    with pytest.raises(CommandError, match="Not KEY=ACCESSIONS"):
        run("--", str(result.pk), "EMD-1234")


def test_with_checks_off_nothing_is_asked(settings, result):
    settings.ACCESSION_CHECKS = False
    with pytest.raises(CommandError, match="checks are off"):
        run("--", str(result.pk), "emdb:cryo-et=EMD-5995")
