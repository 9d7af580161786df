"""One row per line of the policy's examples table and per numbered note, named after the policy's examples.

Each row gives one study and what the plan must send where: the (archive, dataset) placements, the route
family, and the clauses that must be cited. A wrong rule changes a placement or a clause and fails its row.
"""

import json

import pytest

from policy import InvalidAnswers, plan_for
from policy.engine import rules
from tests.builders import LIGHT_MICROSCOPY as LM
from tests.builders import VOLUME_EM, methods_answered
from tests.builders import XRAY_TOMOGRAPHY as SXT

EM_2D = {"modality": "electron_microscopy", "em_method": "2d"}
SINGLE_PARTICLE = {"modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": False}
PATIENT_MRI = {"modality": "other", "medical_imaging": True}
XRAY_2D = {"modality": "xray_imaging", "dimensionality": "2d"}


def cryo_et(*, tilt_series: bool, tomograms: str, average: bool = False, model: bool = False) -> dict:
    return {
        "modality": "electron_microscopy",
        "em_method": "cryo_et",
        "tilt_series": tilt_series,
        "tomograms": tomograms,
        "subtomogram_average": average,
        "atomic_model": model,
    }


def spatial(omics_type: str, *, fits: bool = True, **more) -> dict:
    return {"modality": "spatial_omics", "omics_type": omics_type, "omics_repository_fits": fits, **more}


def study(*datasets: tuple[str, dict], correlations=None, publication=None) -> dict:
    answers: dict = {
        "answers_version": 4,
        "datasets": [{"id": dataset_id, **methods_answered(fields)} for dataset_id, fields in datasets],
    }
    if correlations is not None:
        answers["correlations"] = correlations
    if publication is not None:
        answers["publication"] = publication
    return answers


def placements(plan: dict) -> set[tuple[str, str]]:
    return {
        (deposition["archive"], dataset) for deposition in plan["depositions"] for dataset in deposition["datasets"]
    }


def cited_clauses(items: list[dict]) -> set[str]:
    return {reason["clause"] for item in items for reason in item["reasons"]}


def contents_of(deposition: dict) -> list[str]:
    """A deposition's contents as "datasets: what" lines, to compare at a glance."""
    return [f"{', '.join(content['datasets'])}: {content['what']}" for content in deposition["contents"]]


def deposition(plan: dict, archive: str, dataset: str) -> dict:
    (found,) = [d for d in plan["depositions"] if d["archive"] == archive and dataset in d["datasets"]]
    return found


TABLE_ROWS = [
    pytest.param(
        study(("lm", LM)),
        {("bia", "lm")},
        {"table-light-microscopy", "rule-2"},
        id="light-microscopy-S-BIAD287",
    ),
    pytest.param(
        study(("sim", {**LM, "dimensionality": "3d"})),
        {("bia", "sim")},
        {"table-light-microscopy"},
        id="super-resolution-3d-light-microscopy-S-BIAD332",
    ),
    pytest.param(
        study(("tem", EM_2D)),
        {("bia", "tem")},
        {"table-2d-em", "rule-2"},
        id="2d-electron-microscopy-S-BIAD217",
    ),
    pytest.param(
        study(("screen", {"modality": "high_content_screening", "screen_type": "compound"})),
        {("bia", "screen")},
        {"table-high-content-screening", "note-1"},
        id="high-content-compound-screen-S-BIAD29",
    ),
    pytest.param(
        study(("screen", {"modality": "high_content_screening", "screen_type": "genetic"})),
        {("bia", "screen")},
        {"table-high-content-screening", "note-1"},
        id="high-content-genetic-screen-S-BIAD235",
    ),
    pytest.param(
        study(("afm", {"modality": "other"})),
        {("bia", "afm")},
        {"table-other-imaging", "rule-2"},
        id="other-imaging-afm-S-BIAD189",
    ),
    pytest.param(
        study(("ultrasound", {"modality": "other", "dimensionality": "3d"})),
        {("bia", "ultrasound")},
        {"table-other-imaging"},
        id="other-imaging-ultrasound-S-BIAD194",
    ),
    pytest.param(
        study(("radiograph", XRAY_2D)),
        {("bia", "radiograph")},
        {"table-other-imaging", "rule-2"},
        id="other-imaging-2d-xray",
    ),
    pytest.param(
        study(("spa", SINGLE_PARTICLE)),
        {("empiar", "spa"), ("emdb", "spa")},
        {"table-cryo-em", "rule-1", "beyond-policy:emdb-maps"},
        id="cryo-em-EMPIAR-10002",
    ),
    pytest.param(
        study(("tomo", cryo_et(tilt_series=True, tomograms="few"))),
        {("empiar", "tomo"), ("emdb", "tomo")},
        {"note-2-tilt-series", "note-2-tomograms"},
        id="cryo-et-EMPIAR-10164",
    ),
    pytest.param(
        study(("sbf", VOLUME_EM)),
        {("empiar", "sbf")},
        {"table-volume-em-xm", "rule-1"},
        id="volume-em-sbf-sem-EMPIAR-10462",
    ),
    pytest.param(
        study(("fib", VOLUME_EM)),
        {("empiar", "fib")},
        {"table-volume-em-xm", "rule-1"},
        id="volume-em-fib-sem-EMPIAR-10310",
    ),
    pytest.param(
        study(("sxt", SXT)),
        {("empiar", "sxt")},
        {"table-volume-em-xm", "rule-1"},
        id="volume-xm-soft-xray-tomography-EMPIAR-10087",
    ),
    pytest.param(
        study(("lm", LM), ("sbf", VOLUME_EM), correlations=[["lm", "sbf"]]),
        {("bia", "lm"), ("empiar", "sbf")},
        {"table-light-microscopy", "table-volume-em-xm"},
        id="correlative-3d-em-S-BIAD17-and-EMPIAR-10412",
    ),
    pytest.param(
        study(("lm", LM), ("sxt", SXT), correlations=[["sxt", "lm"]]),
        {("bia", "lm"), ("empiar", "sxt")},
        {"table-light-microscopy", "table-volume-em-xm"},
        id="correlative-xray-light-S-BSST729-and-EMPIAR-10847",
    ),
    pytest.param(
        study(("mri", PATIENT_MRI)),
        set(),
        set(),
        id="patient-identifiable-imaging-data",
    ),
    pytest.param(
        study(("mri", {"modality": "other", "medical_imaging": True})),
        set(),
        set(),
        id="healthy-volunteer-mri-refused-as-medical-imaging",
    ),
]


@pytest.mark.parametrize(("answers", "expected_placements", "expected_clauses"), TABLE_ROWS)
def test_policy_table_row_places_data_where_the_table_says(answers, expected_placements, expected_clauses):
    plan = plan_for(answers)

    assert placements(plan) == expected_placements
    assert expected_clauses <= cited_clauses(plan["depositions"])


def test_light_microscopy_goes_to_the_bia_with_the_imaging_template():
    plan = plan_for(study(("lm", LM)))

    (only,) = plan["depositions"]
    assert "BioStudies/BioImage Archive" in only["route"]
    assert "BioImaging" in only["route"]


def test_patient_identifiable_dataset_is_not_accepted_with_the_reason():
    plan = plan_for(study(("mri", PATIENT_MRI)))

    [refused] = plan["not_accepted"]
    assert refused["dataset"] == "mri"
    assert "image-presubmission@ebi.ac.uk" in refused["instead"]
    assert {"background-patient", "table-patient"} <= cited_clauses(plan["not_accepted"])
    assert plan["depositions"] == []
    assert plan["linking"] == []
    assert any("Nothing of this study can be deposited" in note["text"] for note in plan["notes"])


def test_patient_medical_imaging_leaves_the_rest_of_the_study_planned():
    plan = plan_for(study(("lm", LM), ("mri", PATIENT_MRI)))

    assert placements(plan) == {("bia", "lm")}
    assert [item["dataset"] for item in plan["not_accepted"]] == ["mri"]
    assert not any("None of this study's datasets" in note["text"] for note in plan["notes"])


# Note 1: high-content screens.


@pytest.mark.parametrize(
    ("screen_type", "template_words"),
    [("compound", "compound-screen"), ("genetic", "genetic"), ("other", "recommends for your screen type")],
)
def test_note_1_screen_gets_its_screen_type_template_and_the_bia_contact(screen_type, template_words):
    plan = plan_for(study(("screen", {"modality": "high_content_screening", "screen_type": screen_type})))

    (screen,) = plan["depositions"]
    assert template_words in screen["route"]
    assert "bioimage-archive@ebi.ac.uk" in plan["contacts"]
    assert "note-1" in cited_clauses(plan["notes"])


def test_note_1_screens_are_separate_submissions_from_other_bia_imaging():
    plan = plan_for(study(("lm", LM), ("screen", {"modality": "high_content_screening", "screen_type": "compound"})))

    bia = [d for d in plan["depositions"] if d["archive"] == "bia"]
    assert [d["datasets"] for d in bia] == [["screen"], ["lm"]]


def test_study_without_screens_lists_only_the_presubmission_contact():
    assert plan_for(study(("lm", LM)))["contacts"] == ["image-presubmission@ebi.ac.uk"]


# Note 2: cryo-ET.


def test_note_2_tilt_series_only_go_only_to_empiar():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=True, tomograms="none"))))

    assert placements(plan) == {("empiar", "tomo")}
    assert contents_of(deposition(plan, "empiar", "tomo")) == ["tomo: raw tilt series"]
    assert "note-2-tilt-series" in cited_clauses(plan["depositions"])


def test_note_2_few_tomograms_all_go_to_emdb():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=False, tomograms="few"))))

    assert placements(plan) == {("emdb", "tomo")}
    assert contents_of(deposition(plan, "emdb", "tomo")) == [
        "tomo: all the tomograms, each as an EMDB entry of its own"
    ]
    assert "beyond-policy:emdb-one-map" in cited_clauses(plan["depositions"])
    assert "wwPDB OneDep" in deposition(plan, "emdb", "tomo")["route"]


def test_note_2_many_tomograms_split_representative_to_emdb_and_the_rest_to_empiar():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=False, tomograms="many"))))

    assert placements(plan) == {("emdb", "tomo"), ("empiar", "tomo")}
    assert contents_of(deposition(plan, "emdb", "tomo")) == [
        "tomo: one or a few representative tomograms, each as an EMDB entry of its own"
    ]
    [remaining] = deposition(plan, "empiar", "tomo")["contents"]
    assert (remaining["what"], remaining["optional"]) == ("the remaining tomograms", True)


def test_note_2_tilt_series_and_many_tomograms_share_one_empiar_entry_cross_referenced_to_emdb():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=True, tomograms="many"))))

    assert contents_of(deposition(plan, "empiar", "tomo")) == ["tomo: raw tilt series", "tomo: the remaining tomograms"]
    [cross_reference] = [item for item in plan["linking"] if item["kind"] == "cross_reference"]
    assert cross_reference["archive"] == "empiar"
    assert cross_reference["datasets"] == ["tomo"]
    assert [d["archive"] for d in plan["depositions"]] == ["emdb", "empiar"]


# Note 3 and rule 3: correlative studies.


def test_note_3_correlation_with_3d_em_splits_data_and_puts_correlation_info_in_the_bia():
    plan = plan_for(study(("lm", LM), ("fib", VOLUME_EM), correlations=[["lm", "fib"]]))

    [correlation] = [item for item in plan["linking"] if item["kind"] == "correlation"]
    assert correlation["archive"] == "bia"
    assert correlation["datasets"] == ["fib", "lm"]
    assert {"note-3.3", "rule-3", "table-correlative"} <= cited_clauses([correlation])
    assert "fib, lm: correlation information" in contents_of(deposition(plan, "bia", "lm"))
    [cross_reference] = [item for item in plan["linking"] if item["kind"] == "cross_reference"]
    assert cross_reference["archive"] == "bia"
    assert "EMPIAR accession" in cross_reference["contents"][0]
    assert [d["archive"] for d in plan["depositions"]] == ["empiar", "bia"]
    assert "note-3-protocol" in cited_clauses(plan["notes"])


def test_note_3_correlation_without_3d_em_keeps_everything_in_the_bia():
    plan = plan_for(study(("lm", LM), ("tem", EM_2D), correlations=[["lm", "tem"]]))

    assert placements(plan) == {("bia", "lm"), ("bia", "tem")}
    [correlation] = plan["linking"]
    assert correlation["kind"] == "correlation"
    assert correlation["archive"] == "bia"
    assert "rule-3" not in cited_clauses([correlation])
    assert "note-3-protocol" not in cited_clauses(plan["notes"])


def test_note_3_correlation_of_only_empiar_data_still_gets_a_bia_submission_for_the_correlation():
    plan = plan_for(study(("fib", VOLUME_EM), ("sxt", SXT), correlations=[["fib", "sxt"]]))

    bia = [d for d in plan["depositions"] if d["archive"] == "bia"]
    assert len(bia) == 1
    assert bia[0]["datasets"] == []
    assert contents_of(bia[0]) == ["fib, sxt: correlation information"]
    assert plan["depositions"][-1]["archive"] == "bia"


def test_note_3_patient_member_is_left_out_of_its_correlation_group():
    plan = plan_for(
        study(
            ("lm", LM),
            ("fib", VOLUME_EM),
            ("ct", PATIENT_MRI),
            correlations=[["lm", "fib", "ct"]],
        )
    )

    [correlation] = [item for item in plan["linking"] if item["kind"] == "correlation"]
    assert correlation["datasets"] == ["fib", "lm"]
    assert any(note["text"].startswith("The images of ct cannot be deposited") for note in plan["notes"])


def test_note_3_group_reduced_to_one_dataset_by_patient_data_has_no_correlation_item():
    plan = plan_for(study(("lm", LM), ("ct", PATIENT_MRI), correlations=[["lm", "ct"]]))

    assert plan["linking"] == []
    assert any("no correlation information" in note["text"] for note in plan["notes"])


# Spatial omics.


@pytest.mark.parametrize(
    ("omics_type", "repository"),
    [
        ("transcriptomics", "arrayexpress"),
        ("epigenomics", "arrayexpress"),
        ("proteomics", "pride"),
        ("metabolomics", "metabolights"),
    ],
)
def test_spatial_omics_that_fits_a_repository_is_split_deposited_omics_first_and_linked(omics_type, repository):
    plan = plan_for(
        study(("st", {"modality": "spatial_omics", "omics_type": omics_type, "omics_repository_fits": True}))
    )

    assert [(d["archive"], d["datasets"]) for d in plan["depositions"]] == [(repository, ["st"]), ("bia", ["st"])]
    assert contents_of(deposition(plan, "bia", "st")) == ["st: spatial data: images and segmentations"]
    [link] = plan["linking"]
    assert (link["kind"], link["archive"], link["datasets"]) == ("omics_link", "bia", ["st"])
    assert "spatial-omics" in cited_clauses(plan["depositions"])
    assert "beyond-policy:omics-first" in cited_clauses([link])


def test_spatial_omics_without_a_fitting_repository_goes_wholly_to_the_bia():
    plan = plan_for(
        study(
            ("merfish", {"modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": False})
        )
    )

    assert placements(plan) == {("bia", "merfish")}
    assert "omics data" in contents_of(deposition(plan, "bia", "merfish"))[0]
    assert "spatial-omics-no-repository" in cited_clauses(plan["depositions"])
    assert plan["linking"] == []


# Study-level clauses.


def test_rule_4_note_is_on_every_plan():
    for answers in (study(("lm", LM)), study(("mri", PATIENT_MRI))):
        assert "rule-4" in cited_clauses(plan_for(answers)["notes"])


def test_data_without_a_publication_is_planned_with_a_note_to_contact_presubmission():
    with_publication = plan_for(study(("lm", LM)))
    without = plan_for(study(("lm", LM), publication=False))

    assert without["depositions"] == with_publication["depositions"]
    assert "image-presubmission@ebi.ac.uk" in without["notes"][0]["text"]
    assert {"rule-2", "contact"} <= cited_clauses(without["notes"][:1])
    assert not any("publication" in note["text"] for note in with_publication["notes"])


def test_beyond_policy_reasons_are_marked_as_such():
    plan = plan_for(study(("spa", SINGLE_PARTICLE)))

    emdb = deposition(plan, "emdb", "spa")
    assert all(reason["clause"].startswith("beyond-policy:") for reason in emdb["reasons"])
    empiar = deposition(plan, "empiar", "spa")
    assert "beyond-policy:empiar-raw" in cited_clauses([empiar])


def test_empiar_entry_without_emdb_says_why_it_stands_alone():
    plan = plan_for(study(("fib", VOLUME_EM)))

    assert "EMDB does not cover" in " ".join(r["why"] for r in deposition(plan, "empiar", "fib")["reasons"])


def test_order_puts_omics_then_emdb_then_empiar_then_bia():
    plan = plan_for(
        study(
            ("lm", LM),
            ("st", {"modality": "spatial_omics", "omics_type": "proteomics", "omics_repository_fits": True}),
            ("spa", SINGLE_PARTICLE),
        )
    )

    assert [d["archive"] for d in plan["depositions"]] == ["pride", "emdb", "empiar", "bia"]
    [order_note] = [note for note in plan["notes"] if note["text"].startswith("Deposit in the order")]
    assert cited_clauses([order_note]) == {"beyond-policy:deposition-order"}


def test_several_light_microscopy_datasets_share_one_bia_submission():
    plan = plan_for(study(("a", LM), ("b", LM), ("c", {"modality": "other"})))

    assert [(d["archive"], d["datasets"]) for d in plan["depositions"]] == [("bia", ["a", "b", "c"])]


# Answers contract 2 (issue 9): each case fails if its rule is reverted.


def test_de_identified_clinical_mri_is_refused_without_advice_to_de_identify():
    plan = plan_for(study(("mri", PATIENT_MRI), ("lm", LM)))

    [refused] = plan["not_accepted"]
    assert refused["dataset"] == "mri"
    assert "beyond-policy:bia-scope" in cited_clauses([refused])
    assert "whether or not it identifies them" in refused["instead"]
    assert "image-presubmission@ebi.ac.uk" in refused["instead"]
    words = json.dumps(plan).lower()
    assert "remove what identifies" not in words
    assert "if you can de-identify" not in words
    assert placements(plan) == {("bia", "lm")}


def test_research_images_of_human_tissue_are_planned_with_consent_advice():
    plan = plan_for(study(("he", {**LM, "human_tissue": True, "human_data_open": True})))

    assert placements(plan) == {("bia", "he")}
    assert plan["not_accepted"] == []
    [note] = [note for note in plan["notes"] if note["text"].startswith("he:") and "consent" in note["text"]]
    assert "consent to open release" in note["text"]
    assert "image-presubmission@ebi.ac.uk" in note["text"]
    assert {"beyond-policy:consent-open-release", "beyond-policy:human-samples", "contact"} <= cited_clauses([note])


def test_spatial_atac_seq_goes_to_arrayexpress_not_ena():
    plan = plan_for(study(("atac", spatial("epigenomics"))))

    assert placements(plan) == {("arrayexpress", "atac"), ("bia", "atac")}
    assert "beyond-policy:arrayexpress-functional-genomics" in cited_clauses(plan["depositions"])
    assert "ena" not in json.dumps([d["archive"] for d in plan["depositions"]])


def test_other_omics_that_fits_a_repository_sends_images_to_the_bia_and_asks_where_the_omics_go():
    plan = plan_for(study(("x", spatial("other"))))

    assert placements(plan) == {("bia", "x")}
    [note] = [note for note in plan["notes"] if note["text"].startswith("x:")]
    assert "image-presubmission@ebi.ac.uk" in note["text"]
    assert {"contact", "spatial-omics-no-repository"} <= cited_clauses([note])


def test_human_sequencing_without_consent_for_open_release_goes_to_ega_with_images_in_the_bia():
    visium = spatial("transcriptomics", human_tissue=True, human_data_open=True, human_controlled_access=True)
    plan = plan_for(study(("visium", visium)))

    assert placements(plan) == {("ega", "visium"), ("arrayexpress", "visium"), ("bia", "visium")}
    [link] = plan["linking"]
    assert (link["in"], link["cites"]) == ("bia-imaging", ["ega:visium"])
    assert "beyond-policy:ega" in cited_clauses(plan["depositions"])


def test_human_sequencing_with_consent_for_open_release_goes_to_arrayexpress():
    visium = spatial("transcriptomics", human_tissue=True, human_data_open=True, human_controlled_access=False)

    assert placements(plan_for(study(("visium", visium)))) == {("arrayexpress", "visium"), ("bia", "visium")}


def test_arrayexpress_takes_the_tissue_images_with_the_reads_and_must_release_once_cited():
    plan = plan_for(study(("visium", spatial("transcriptomics"))))

    arrayexpress = deposition(plan, "arrayexpress", "visium")
    assert "visium: the raw high-resolution tissue images that go with the sequencing data" in contents_of(arrayexpress)
    assert {"beyond-policy:arrayexpress-st", "beyond-policy:arrayexpress-release"} <= cited_clauses([arrayexpress])


def test_imaging_based_spatial_transcriptomics_fills_the_shared_metadata_table_too():
    plan = plan_for(study(("merfish", spatial("transcriptomics", fits=False))))

    [note] = [note for note in plan["notes"] if note["text"].startswith("merfish:")]
    assert "metadata table" in note["text"]
    assert "beyond-policy:st-metadata" in cited_clauses([note])


def test_cryo_et_tilt_series_only_asks_empiar_first_instead_of_claiming_emdb_does_not_cover_it():
    plan = plan_for(study(("tilts", cryo_et(tilt_series=True, tomograms="none"))))

    empiar = deposition(plan, "empiar", "tilts")
    whys = " ".join(reason["why"] for reason in empiar["reasons"])
    assert "EMDB does not cover" not in whys
    assert "empiar-help@ebi.ac.uk" in whys
    assert "beyond-policy:empiar-cryo-et" in cited_clauses(plan["notes"])
    assert "empiar-help@ebi.ac.uk" in plan["contacts"]


def test_cryo_et_without_tilt_series_is_encouraged_to_deposit_them():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=False, tomograms="few"))))

    [note] = [note for note in plan["notes"] if note["text"].startswith("tomo:")]
    assert "strongly encourages" in note["text"]
    assert cited_clauses([note]) == {"beyond-policy:emdb-raw-data"}


def test_subtomogram_average_and_its_model_are_deposited_in_emdb_and_the_pdb_cross_referenced():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=True, tomograms="few", average=True, model=True))))

    assert [d["key"] for d in plan["depositions"]] == ["emdb:tomo", "emdb-average:tomo", "pdb:tomo", "empiar:tomo"]
    [average] = [d for d in plan["depositions"] if d["key"] == "emdb-average:tomo"]
    assert "half-maps" in average["contents"][0]["what"]
    [model_link] = [item for item in plan["linking"] if item["in"] == "pdb:tomo"]
    assert model_link["cites"] == ["emdb-average:tomo"]
    [raw_link] = [item for item in plan["linking"] if item["in"] == "empiar:tomo"]
    assert raw_link["cites"] == ["emdb:tomo", "emdb-average:tomo"]
    assert "beyond-policy:emdb-half-maps" in cited_clauses(plan["depositions"])


def test_single_particle_model_goes_to_the_pdb_through_onedep_citing_its_map():
    plan = plan_for(study(("spa", {**SINGLE_PARTICLE, "atomic_model": True})))

    pdb = deposition(plan, "pdb", "spa")
    assert pdb["submit_url"] == "https://deposit.wwpdb.org/deposition/"
    [model_link] = [item for item in plan["linking"] if item["in"] == "pdb:spa"]
    assert model_link["cites"] == ["emdb:spa"]


def test_a_cryo_et_model_needs_a_subtomogram_average():
    with pytest.raises(InvalidAnswers) as invalid:
        plan_for(study(("tomo", cryo_et(tilt_series=True, tomograms="few", model=True))))

    assert set(invalid.value.errors) == {"datasets[0].atomic_model"}


def test_screen_in_a_correlative_group_is_cited_by_its_accession():
    screen = {"modality": "high_content_screening", "screen_type": "genetic"}
    plan = plan_for(study(("screen", screen), ("em", VOLUME_EM), correlations=[["screen", "em"]]))

    [cross_reference] = [item for item in plan["linking"] if item["kind"] == "cross_reference"]
    assert cross_reference["in"] == "bia-imaging"
    assert "bia-screen-genetic:screen" in cross_reference["cites"]
    assert any("BioImage Archive accession of screen" in line for line in cross_reference["contents"])


def test_screen_submissions_get_file_list_advice():
    plan = plan_for(study(("screen", {"modality": "high_content_screening", "screen_type": "compound"})))

    assert "beyond-policy:bia-file-list" in cited_clauses(plan["depositions"])


def test_order_note_is_absent_when_nothing_links():
    plan = plan_for(study(("lm", LM), ("fib", VOLUME_EM)))

    assert not any(note["text"].startswith("Deposit in the order") for note in plan["notes"])
    assert "rule-3" not in cited_clauses(plan["notes"])


def test_release_and_transfer_advice_is_sourced_per_archive():
    plan = plan_for(study(("lm", LM), ("fib", VOLUME_EM)))

    assert {"beyond-policy:empiar-transfer", "beyond-policy:empiar-release"} <= cited_clauses(
        [deposition(plan, "empiar", "fib")]
    )
    assert "beyond-policy:biostudies-upload" in cited_clauses([deposition(plan, "bia", "lm")])


HUMAN_VISIUM = spatial("transcriptomics", human_tissue=True, human_controlled_access=True)


def test_epigenomics_is_not_told_about_transcriptomics_or_the_single_cell_template():
    plan = plan_for(study(("atac", spatial("epigenomics"))))

    words = json.dumps(plan)
    assert "single cell" not in words
    assert "transcriptomics metadata table" not in words
    assert "tissue images" not in words


def test_sequencing_based_st_cites_the_single_cell_template_clause():
    plan = plan_for(study(("visium", spatial("transcriptomics"))))

    assert "beyond-policy:arrayexpress" in cited_clauses([deposition(plan, "arrayexpress", "visium")])


def test_mass_spectrometry_proteomics_goes_to_pride_citing_what_pride_takes():
    plan = plan_for(study(("msi", spatial("proteomics"))))

    pride = deposition(plan, "pride", "msi")
    assert "mass-spectrometry" in pride["contents"][0]["what"]
    assert "beyond-policy:pride-mass-spectrometry" in cited_clauses([pride])


def test_imaging_based_proteomics_stays_with_the_images_in_the_bia():
    plan = plan_for(study(("codex", spatial("proteomics", fits=False))))

    assert placements(plan) == {("bia", "codex")}


def test_the_questions_tell_imaging_based_proteomics_to_answer_no():
    from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD

    hint = DATASET_QUESTIONS_BY_FIELD["omics_repository_fits"].hint
    assert all(method in hint for method in ("CODEX", "IMC", "MIBI", "CyCIF"))
    assert "Answer no" in hint


def test_human_tissue_question_says_what_counts_and_that_cell_lines_do_not():
    from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD

    question = DATASET_QUESTIONS_BY_FIELD["human_tissue"]
    assert all(word in question.text for word in ("tissue", "biopsies", "primary cells"))
    assert "HeLa" in question.hint


def test_volume_em_without_a_publication_is_told_empiars_publication_requirement():
    plan = plan_for(study(("sbf", VOLUME_EM), ("sxt", SXT), publication=False))

    [note] = [note for note in plan["notes"] if note["text"].startswith("sbf, sxt:")]
    assert "directly related to a publication" in note["text"]
    assert cited_clauses([note]) == {"beyond-policy:empiar-publication"}
    assert "empiar-help@ebi.ac.uk" in plan["contacts"]


def test_volume_em_with_a_publication_gets_no_publication_requirement_note():
    plan = plan_for(study(("sbf", VOLUME_EM)))

    assert "beyond-policy:empiar-publication" not in cited_clauses(plan["notes"])


def test_many_tomograms_steps_cite_only_what_applies_to_each():
    plan = plan_for(study(("tomo", cryo_et(tilt_series=True, tomograms="many"))))

    emdb_whys = " ".join(r["why"] for r in deposition(plan, "emdb", "tomo")["reasons"])
    empiar_whys = " ".join(r["why"] for r in deposition(plan, "empiar", "tomo")["reasons"])
    assert "goes to EMPIAR in part" not in emdb_whys
    assert "table-cryo-et" not in cited_clauses([deposition(plan, "emdb", "tomo")])
    assert "one primary map" not in empiar_whys


def test_a_screen_cross_reference_does_not_cite_rule_3():
    screen = {"modality": "high_content_screening", "screen_type": "genetic"}
    plan = plan_for(study(("screen", screen), ("lm", LM), correlations=[["screen", "lm"]]))

    [cross_reference] = [item for item in plan["linking"] if item["kind"] == "cross_reference"]
    assert {"rule-3", "rule-4"}.isdisjoint(cited_clauses([cross_reference]))
    assert {"note-1", "note-3.3"} <= cited_clauses([cross_reference])


def test_start_links_go_to_the_submission_tools():
    plan = plan_for(study(("maldi", spatial("metabolomics")), ("visium", {**HUMAN_VISIUM, "human_data_open": True})))

    assert (
        deposition(plan, "metabolights", "maldi")["submit_url"] == "https://www.ebi.ac.uk/metabolights/editor/console"
    )
    assert (
        deposition(plan, "ega", "visium")["submit_url"] == "https://ega-archive.org/submission/tools/submitter-portal"
    )


def test_each_placement_of_the_table_is_explained_by_a_reason_of_its_own_rule_that_names_its_archive():
    for rule in rules.DATASET_RULES:
        for placement in rule.places:
            whys = rules.placement_whys(route_key=placement.route, contents=placement.contents)
            assert set(whys) & set(rule.reasons), placement
            assert not set(whys) & rules.GENERAL_REASONS, placement


def test_the_correlation_information_is_explained_by_the_clause_that_places_it():
    assert rules.placement_whys(route_key=rules.BIA_IMAGING_ROUTE, contents=rules.CORRELATION_CONTENTS) == (
        rules.CORRELATION_BIA_PLACEMENT_REASON,
    )
    assert rules.placement_whys(route_key=rules.BIA_IMAGING_ROUTE, contents="words no rule uses") == ()
