import re

import pytest

from bench.plans import single_dataset_answers
from policy.kit.accessions import accessions_parse
from policy.kit.statement import ARCHIVE_NAMES_IN_PRINT, statement_build
from tests.policy.kit.conftest import planned

NOTHING_TYPED = {}


def test_five_dataset_study_statement_names_each_archive_with_placeholders_until_accessions_arrive(
    five_dataset_study,
):
    _, plan = planned(five_dataset_study)

    statement = statement_build(plan=plan, accessions=accessions_parse(plan=plan, query=NOTHING_TYPED))

    assert not statement.complete
    assert statement.text.count("have been deposited in") == len(plan["depositions"])
    for name in ("ArrayExpress", "(EMDB)", "(EMPIAR)", "the BioImage Archive"):
        assert name in statement.text
    assert "under accession code [ArrayExpress accession]" in statement.text
    assert "under accession code [BioImage Archive accession]" in statement.text
    assert "Raw tilt series and the remaining tomograms (cryo-et)" in statement.text
    assert "[Say how readers can access mri, which cannot be deposited at EBI" in statement.text


def test_statement_carries_the_accessions_typed_and_is_complete_once_all_are_known(five_dataset_study):
    _, plan = planned(five_dataset_study)
    typed = {
        "arrayexpress:visium": "E-MTAB-1234",
        "emdb:cryo-et": "EMD-1111 EMD-2222",
        "empiar:cryo-et": "EMPIAR-10999",
        "empiar:fib-sem": "EMPIAR-11000",
        "bia-imaging": "S-BIAD2000",
    }

    statement = statement_build(plan=plan, accessions=accessions_parse(plan=plan, query=typed))

    assert "ArrayExpress under accession code E-MTAB-1234." in statement.text
    assert "(EMDB) under accession codes EMD-1111 and EMD-2222." in statement.text
    assert "the BioImage Archive under accession code S-BIAD2000." in statement.text
    assert [part.complete for part in statement.parts] == [True] * 5 + [False]  # the patient dataset's sentence


@pytest.mark.parametrize("answers", single_dataset_answers(), ids=lambda answers: str(answers["datasets"][0]))
def test_every_single_dataset_study_gets_one_sentence_per_deposition_or_refusal(answers):
    _, plan = planned(answers)

    statement = statement_build(plan=plan, accessions=accessions_parse(plan=plan, query=NOTHING_TYPED))

    assert len(statement.parts) == len(plan["depositions"]) + len(plan["not_accepted"])
    for part, deposition in zip(statement.parts, plan["depositions"], strict=False):
        assert ARCHIVE_NAMES_IN_PRINT[deposition["archive"]] in part.text
        assert re.search(r"under accession code \[[^\]]+ accession\][.,]", part.text)
