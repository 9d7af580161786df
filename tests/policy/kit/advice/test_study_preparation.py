import pytest

from policy.engine.clauses import CLAUSES
from policy.kit.advice.before_you_start import TRANSFER
from policy.kit.advice.study_preparation import ACCOUNT_LINES, study_preparation_build
from tests.policy.kit.conftest import planned
from tests.policy.kit.study_variants import human_visium


def test_five_dataset_study_lists_an_account_per_archive_in_plan_order_and_a_transfer_per_step(five_dataset_study):
    stored = planned(five_dataset_study)

    preparation = study_preparation_build(stored=stored)

    assert [line.text.split(":")[0] for line in preparation.accounts] == [
        "ArrayExpress",
        "EMDB and PDB, through OneDep's web interface",
        "EMDB and PDB, to deposit with this kit's OneDep script",
        "EMPIAR, to deposit through its web interface",
        "EMPIAR, to submit with empiar-depositor",
        "BioImage Archive",
    ]  # fmt: skip
    # The package's own page: the depositor generates the token; only the transfer password comes from the team.
    assert "API token, which you generate at https://empiar.org/deposition/api_token" in preparation.accounts[4].text
    assert "transfer password, which the EMPIAR team provides" in preparation.accounts[4].text
    assert [step.number for step in preparation.transfers] == list(range(1, len(stored.plan.depositions) + 1))
    empiar = [step for step in preparation.transfers if step.archive == "empiar"]
    assert empiar
    assert all(step.lines[0].topic == TRANSFER for step in empiar)
    assert [line.text.split(":")[0] for line in preparation.people] == ["EMPIAR", "OneDep"]


def test_a_light_microscopy_study_needs_a_biostudies_account_and_no_orcid_line(light_only_study):
    stored = planned(light_only_study)

    preparation = study_preparation_build(stored=stored)

    assert [line.clause for line in preparation.accounts] == ["beyond-policy:bia-submission"]
    assert preparation.people == ()
    (step,) = preparation.transfers
    assert "10 GiB" in step.lines[0].text


def test_controlled_human_reads_need_the_ega_submitter_account():
    stored = planned(human_visium(human_controlled_access=True))

    preparation = study_preparation_build(stored=stored)

    assert any(line.text.startswith("EGA: a submitter account") for line in preparation.accounts)


@pytest.mark.parametrize("archive", sorted(ACCOUNT_LINES))
def test_every_account_line_cites_a_known_clause(archive):
    assert all(line.clause in CLAUSES for line in ACCOUNT_LINES[archive])
