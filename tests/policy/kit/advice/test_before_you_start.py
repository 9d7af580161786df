import pytest

from bench.plans import single_dataset_answers
from policy.engine.archives import ARCHIVES
from policy.engine.clauses import CLAUSES
from policy.kit.advice.before_you_start import LINES_BY_ARCHIVE, preparations_for
from tests.policy.kit.conftest import planned


def preparations(answers: dict) -> dict[str, tuple]:
    stored = planned(answers)
    return {
        deposition.key: preparations_for(deposition=deposition, stored=stored) for deposition in stored.plan.depositions
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
    assert "HO (delay release of entry by one year from the date of deposition)" in lines["empiar:fib-sem"]
    assert "one for the correlation information" in lines["bia-imaging"]
    assert "first column header Files" in lines["bia-imaging"]
    assert "Sample ID, Slide ID" in lines["bia-imaging"]  # visium's images go to the BioImage Archive
    assert "10 GiB" in lines["bia-imaging"]


def test_single_particle_maps_need_half_maps():
    lines = preparations(
        {"datasets": [{"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"}]}
    )

    assert "half-maps are mandatory" in " ".join(line.text for line in lines["emdb:spa"])


@pytest.mark.parametrize(("screen_type", "column"), [("compound", "compound"), ("genetic", "gene")])
def test_screens_are_told_to_ask_for_their_template(screen_type, column):
    lines = preparations({"datasets": [{"id": "s", "modality": "high_content_screening", "screen_type": screen_type}]})

    text = " ".join(line.text for items in lines.values() for line in items)
    assert "bioimage-archive@ebi.ac.uk" in text
    assert "Plate, Well and Field" in text


# Issue 16: every list fits its archive and its case.

HUMAN_VISIUM = {
    "id": "visium",
    "modality": "spatial_omics",
    "omics_type": "transcriptomics",
    "omics_repository_fits": True,
    "human_tissue": True,
    "human_data_open": True,
    "human_controlled_access": True,
}


def texts(answers: dict) -> dict[str, str]:
    return {key: " ".join(line.text for line in items) for key, items in preparations(answers).items()}


def clauses(answers: dict) -> dict[str, set[str]]:
    return {key: {line.clause for line in items} for key, items in preparations(answers).items()}


def test_ega_lists_what_ega_requires_and_not_the_shared_st_table():
    lines = texts({"answers_version": 4, "datasets": [HUMAN_VISIUM]})["ega:visium"]

    assert "submitter account" in lines
    assert "Crypt4GH" in lines
    assert "inbox" in lines
    for metadata_object in ("study", "samples", "experiments", "runs", "Data Access Committee", "policy", "dataset"):
        assert metadata_object in lines
    assert "about a month" in lines
    assert "EGAS" in lines
    assert "Slide ID" not in lines
    assert {"beyond-policy:ega-inbox", "beyond-policy:ega-submitter-portal", "beyond-policy:ega-consent"} <= clauses(
        {"answers_version": 4, "datasets": [HUMAN_VISIUM]}
    )["ega:visium"]


def test_the_processed_data_step_says_curator_approval_and_sends_the_raw_reads_to_ega():
    lines = texts({"answers_version": 4, "datasets": [HUMAN_VISIUM]})["arrayexpress-processed:visium"]

    assert "annotare@ebi.ac.uk" in lines
    assert "curator must approve" in lines
    assert "without the raw reads: they go to EGA" in lines
    assert "donor attributes" not in lines  # EGA's sample metadata is public too: nothing is promised of it
    assert "The raw high-resolution tissue images, as Annotare's spatial transcriptomics guide asks." in lines
    assert "single cell" not in lines


def test_epigenomics_gets_neither_transcriptomics_lines_nor_the_single_cell_template():
    atac = {"id": "atac", "modality": "spatial_omics", "omics_type": "epigenomics", "omics_repository_fits": True}
    lines = texts({"answers_version": 4, "datasets": [atac]})

    for key in ("arrayexpress:atac", "bia-imaging"):
        assert "single cell" not in lines[key]
        assert "Slide ID" not in lines[key]
        assert "tissue images" not in lines[key]
    assert "ATAC-seq" in lines["arrayexpress:atac"]


def test_sequencing_based_st_keeps_the_single_cell_template_and_the_shared_table():
    visium = {**HUMAN_VISIUM, "human_tissue": False}
    del visium["human_data_open"], visium["human_controlled_access"]
    lines = texts({"answers_version": 4, "datasets": [visium]})["arrayexpress:visium"]

    assert "single cell sequencing template" in lines
    assert "Slide ID" in lines
    assert "tissue images" in lines


def test_emdb_is_told_the_empiar_accession_comes_afterwards_not_to_link_it_now():
    tomo = {
        "id": "tomo",
        "modality": "electron_microscopy",
        "em_method": "cryo_et",
        "segmentations": "none",
        "tilt_series": True,
        "tomograms": "few",
        "subtomogram_average": True,
        "atomic_model": True,
    }
    lines = texts({"answers_version": 4, "datasets": [tomo]})

    for key in ("emdb:tomo", "emdb-average:tomo", "pdb:tomo"):
        assert "EMPIAR step comes later" in lines[key]
        assert "Link the related depositions (EMPIAR" not in lines[key]
    assert "atomic model" in lines["emdb-average:tomo"]
    assert "atomic model" not in lines["emdb:tomo"]


def test_half_maps_only_on_the_subtomogram_average_not_on_the_tomogram_step():
    tomo = {
        "id": "tomo",
        "modality": "electron_microscopy",
        "em_method": "cryo_et",
        "segmentations": "none",
        "tilt_series": False,
        "tomograms": "many",
        "subtomogram_average": True,
        "atomic_model": False,
    }
    lines = texts({"answers_version": 4, "datasets": [tomo]})

    assert "half-maps" not in lines["emdb:tomo"].lower()
    assert "half-maps are mandatory" in lines["emdb-average:tomo"]


def test_pride_keeps_imaging_based_proteomics_with_the_images():
    msi = {"id": "ms", "modality": "spatial_omics", "omics_type": "proteomics", "omics_repository_fits": True}
    lines = texts({"answers_version": 4, "datasets": [msi]})["pride:ms"]

    assert "CODEX" in lines
    assert "BioImage Archive" in lines


def test_a_screen_cites_note_1_for_the_template_and_the_file_list_fact_for_its_columns():
    screen = {"id": "s", "modality": "high_content_screening", "screen_type": "compound"}
    [bia] = preparations({"answers_version": 4, "datasets": [screen]}).values()

    by_clause = {line.clause: line.text for line in bia if "Plate" in line.text or "template" in line.text}
    assert "Plate, Well and Field" in by_clause["beyond-policy:bia-file-list"]
    assert "Plate" not in by_clause["note-1"]


def test_human_sample_images_in_the_bia_are_told_to_deposit_only_with_consent_to_open_release():
    he = {"id": "he", "modality": "light_microscopy", "human_tissue": True, "human_data_open": True}

    assert "beyond-policy:consent-open-release" in clauses({"answers_version": 4, "datasets": [he]})["bia-imaging"]
