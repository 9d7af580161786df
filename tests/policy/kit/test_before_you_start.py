import pytest

from bench.plans import single_dataset_answers
from policy.engine.clauses import CLAUSES
from policy.engine.rules import ARCHIVES
from policy.kit.before_you_start import LINES_BY_ARCHIVE, preparations_for
from tests.policy.kit.conftest import planned


def preparations(answers: dict) -> dict[str, tuple]:
    canonical, plan = planned(answers)
    return {
        deposition["key"]: preparations_for(deposition=deposition, plan=plan, answers=canonical)
        for deposition in plan["depositions"]
    }


def test_every_archive_has_its_lines():
    assert set(ARCHIVES) == set(LINES_BY_ARCHIVE)


@pytest.mark.parametrize("answers", single_dataset_answers(), ids=lambda answers: str(answers["datasets"][0]))
def test_every_deposition_has_lines_each_citing_a_sourced_clause(answers):
    for key, lines in preparations(answers).items():
        assert lines, key
        for line in lines:
            clause = CLAUSES[line.clause]
            assert clause.source_url.startswith(("https://", "http://", "/policy/#")), line


def test_five_dataset_study_lists_what_each_archive_asks_for(five_dataset_study):
    lines = {key: " ".join(line.text for line in items) for key, items in preparations(five_dataset_study).items()}

    assert "MINSEQE" in lines["arrayexpress:visium"]
    assert "Sample ID, Slide ID" in lines["arrayexpress:visium"]
    assert "one primary map" in lines["emdb:cryo-et"]
    assert "at most one year" in lines["emdb:cryo-et"]
    assert "Half-maps" not in lines["emdb:cryo-et"]  # tomograms, no subtomogram average
    assert "EMD accession" in lines["empiar:cryo-et"]
    assert "EMD accession" not in lines["empiar:fib-sem"]
    assert "Aspera or Globus" in lines["empiar:fib-sem"]
    assert "movies" not in lines["empiar:fib-sem"]  # volume EM has no movies
    assert "the raw tilt series" in lines["empiar:cryo-et"]
    assert "HO (release delayed by one year from deposition)" in lines["empiar:fib-sem"]
    assert "one for the correlation information" in lines["bia-imaging"]
    assert "first column header Files" in lines["bia-imaging"]
    assert "Sample ID, Slide ID" in lines["bia-imaging"]  # visium's images go to the BioImage Archive
    assert "10 GiB" in lines["bia-imaging"]


def test_single_particle_maps_need_half_maps():
    lines = preparations(
        {"datasets": [{"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"}]}
    )

    assert "Half-maps are mandatory" in " ".join(line.text for line in lines["emdb:spa"])


@pytest.mark.parametrize(("screen_type", "column"), [("compound", "compound"), ("genetic", "gene")])
def test_screens_are_told_to_ask_for_their_template(screen_type, column):
    lines = preparations({"datasets": [{"id": "s", "modality": "high_content_screening", "screen_type": screen_type}]})

    text = " ".join(line.text for items in lines.values() for line in items)
    assert "bioimage-archive@ebi.ac.uk" in text
    assert "Plate, Well and Field" in text
