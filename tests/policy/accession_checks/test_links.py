"""Links verified both ways on the five-dataset study: EMPIAR (step 3) cites EMDB (step 2), the BioImage Archive
(step 5) cites the FIB-SEM EMPIAR entry (step 4) and ArrayExpress (step 1)."""

import pytest

from policy.accession_checks.links import LinkWarning, link_warnings
from policy.accession_checks.run import checks_run
from policy.engine import plan_for
from policy.engine.plan import plan_from_json
from tests.policy.conftest import FIVE_DATASET_STUDY


def warnings_for(typed: dict[str, tuple[str, ...]], transport) -> tuple[LinkWarning, ...]:
    plan = plan_from_json(plan_for(FIVE_DATASET_STUDY))
    archives = {deposition.key: deposition.archive for deposition in plan.depositions}
    steps = {deposition.key: number for number, deposition in enumerate(plan.depositions, start=1)}
    checks = checks_run(
        accessions=[(archives[key], accession) for key, values in typed.items() for accession in values],
        transport=transport,
    )
    return link_warnings(plan=plan, typed=typed, checks=checks, steps=steps)


def test_empiar_entry_lacking_the_typed_emdb_accession_is_warned_about(replay):
    typed = {"emdb:cryo-et": ("EMD-99999",), "empiar:cryo-et": ("EMPIAR-10002",)}
    (warning,) = warnings_for(typed, replay)
    assert warning == LinkWarning(3, "EMPIAR-10002", 2, "EMD-99999")
    assert warning.text.startswith("EMPIAR-10002 (step 3) does not cite EMD-99999 (step 2)")


def test_empiar_entry_citing_the_typed_emdb_accession_is_fine(replay):
    assert warnings_for({"emdb:cryo-et": ("EMD-5995",), "empiar:cryo-et": ("EMPIAR-10002",)}, replay) == ()


def test_bia_study_without_a_link_to_the_typed_empiar_entry_is_warned_about(replay):
    (warning,) = warnings_for({"empiar:fib-sem": ("EMPIAR-99999",), "bia-imaging": ("S-BIAD287",)}, replay)
    assert warning == LinkWarning(5, "S-BIAD287", 4, "EMPIAR-99999")


def test_link_recorded_on_the_other_side_only_is_confirmed(replay):
    """The ArrayExpress study links the BioImage Archive study, which does not link it back."""
    assert warnings_for({"arrayexpress:visium": ("E-MTAB-12345",), "bia-imaging": ("S-BIAD287",)}, replay) == ()


@pytest.mark.parametrize("empiar", ["EMPIAR-99999", "EMPIAR-12"])
def test_nothing_is_said_about_a_link_neither_side_shows(replay, empiar):
    assert warnings_for({"emdb:cryo-et": ("EMD-99999",), "empiar:cryo-et": (empiar,)}, replay) == ()
