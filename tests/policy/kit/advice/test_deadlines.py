"""Deadlines on every step of the five-dataset study, each from the archive's own rule (beyond the policy)."""

import pytest

from policy.engine.clauses import CLAUSES
from policy.kit.advice.before_you_start import DEADLINE, RELEASE
from tests.policy.kit.advice.test_before_you_start import preparations

DEADLINE_CLAUSES = {
    "arrayexpress:visium": {"beyond-policy:arrayexpress-release"},
    "emdb:cryo-et": {"beyond-policy:emdb-hold", "beyond-policy:wwpdb-preprint"},
    "empiar:cryo-et": {"beyond-policy:empiar-unsubmitted", "beyond-policy:empiar-transfer-release"},
    "empiar:fib-sem": {"beyond-policy:empiar-unsubmitted", "beyond-policy:empiar-transfer-release"},
    "bia-imaging": {"beyond-policy:bia-upload-area"},
}


@pytest.mark.parametrize("key", DEADLINE_CLAUSES)
def test_each_step_of_the_five_dataset_study_has_its_deadlines(five_dataset_study, key):
    lines = preparations(five_dataset_study)[key]
    cited = {line.clause for line in lines if line.topic in {DEADLINE, RELEASE}}
    assert DEADLINE_CLAUSES[key] <= cited
    assert all(CLAUSES[clause].source.startswith("https://") for clause in DEADLINE_CLAUSES[key])


def test_every_step_of_the_five_dataset_study_is_covered(five_dataset_study):
    assert set(preparations(five_dataset_study)) == set(DEADLINE_CLAUSES)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("empiar:fib-sem", "Submit within 12 months of starting the deposition"),
        ("bia-imaging", "Submit within 3 months of uploading"),
        ("emdb:cryo-et", "held for at most one year"),
        ("emdb:cryo-et", "preprint that cites the entry's ID"),
    ],
)
def test_deadline_is_worded_for_the_depositor(five_dataset_study, key, words):
    assert any(words in line.text for line in preparations(five_dataset_study)[key])
