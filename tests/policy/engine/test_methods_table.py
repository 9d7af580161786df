"""Every method its route: a row per case beyond the policy's table (microED, the volume EM and X-ray method,
segmentations, data that is not images), each with where its data goes and the clauses it must cite."""

import pytest

from policy import InvalidAnswers, plan_for
from policy.engine.questions import ANSWERS_CONTRACT_VERSION

EM = "electron_microscopy"
MICROED = {"modality": EM, "em_method": "microed", "ed_map": True, "atomic_model": True}
SPA = {"modality": EM, "em_method": "single_particle", "atomic_model": True}
LM = {"modality": "light_microscopy"}


def volume_em(method: str, segmentations: str = "none") -> dict:
    return {"modality": EM, "em_method": "volume_em", "volume_em_method": method, "segmentations": segmentations}


def xray_3d(method: str, segmentations: str = "none") -> dict:
    return {"modality": "xray_imaging", "dimensionality": "3d", "xray_method": method, "segmentations": segmentations}


def non_image(data_type: str, **more) -> dict:
    return {"modality": "non_image", "data_type": data_type, **more}


def study(*datasets: tuple[str, dict], publication: bool = True, correlations=None) -> dict:
    answers: dict = {
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "publication": publication,
        "datasets": [{"id": label, **fields} for label, fields in datasets],
    }
    if correlations:
        answers["correlations"] = correlations
    return answers


def placements(plan: dict) -> set[tuple[str, str]]:
    return {(d["archive"], dataset) for d in plan["depositions"] for dataset in d["datasets"]}


def clauses(plan: dict) -> set[str]:
    return {reason["clause"] for d in plan["depositions"] for reason in d["reasons"]}


ROWS = [
    pytest.param(
        study(("ed", MICROED)),
        {("empiar", "ed"), ("emdb", "ed"), ("pdb", "ed")},
        {"beyond-policy:empiar-microed", "beyond-policy:emdb-electron-diffraction", "beyond-policy:pdb-microed"},
        id="microed-map-and-model",
    ),
    pytest.param(
        study(("ed", {**MICROED, "ed_map": False})),
        {("empiar", "ed"), ("pdb", "ed")},
        {"beyond-policy:empiar-microed", "beyond-policy:pdb-microed"},
        id="microed-model-without-a-map",
    ),
    pytest.param(
        study(("fib", volume_em("fib_sem"))),
        {("empiar", "fib")},
        {"table-volume-em-xm", "rule-1"},
        id="fib-sem",
    ),
    pytest.param(
        study(("ct", xray_3d("hard_xray"))),
        {("empiar", "ct")},
        {"table-volume-em-xm", "rule-1"},
        id="hard-xray-micro-ct",
    ),
    pytest.param(
        study(("tomo", volume_em("sbf_sem", "with_empiar"))),
        {("empiar", "tomo")},
        {"beyond-policy:empiar-downstream"},
        id="segmentations-with-the-empiar-entry",
    ),
    pytest.param(
        study(("sxt", xray_3d("soft_xray", "bia_annotations"))),
        {("empiar", "sxt"), ("bia", "sxt")},
        {"beyond-policy:bia-annotations"},
        id="segmentations-as-a-bia-annotation-submission",
    ),
    pytest.param(
        study(("spa", SPA), ("xlms", non_image("proteomics"))),
        {("empiar", "spa"), ("emdb", "spa"), ("pdb", "spa"), ("pride", "xlms")},
        {"beyond-policy:related-data-links", "beyond-policy:omics-repositories"},
        id="xl-ms-beside-single-particle",
    ),
    pytest.param(
        study(("lm", LM), ("scrnaseq", non_image("sequencing"))),
        {("bia", "lm"), ("arrayexpress", "scrnaseq")},
        {"beyond-policy:related-data-links", "beyond-policy:arrayexpress-functional-genomics"},
        id="single-cell-rna-seq-beside-imaging",
    ),
    pytest.param(
        study(
            ("lm", LM),
            ("reads", non_image("sequencing", human_tissue=True, human_data_open=True, human_controlled_access=True)),
        ),
        {("bia", "lm"), ("ega", "reads")},
        {"beyond-policy:ega", "beyond-policy:related-data-links"},
        id="human-reads-under-controlled-access",
    ),
    pytest.param(
        study(("spa", SPA), ("nmr", non_image("metabolomics"))),
        {("empiar", "spa"), ("emdb", "spa"), ("pdb", "spa"), ("metabolights", "nmr")},
        {"beyond-policy:related-data-links"},
        id="metabolomics-beside-single-particle",
    ),
]


@pytest.mark.parametrize(("answers", "expected_placements", "expected_clauses"), ROWS)
def test_method_row_places_data_where_the_archives_say(answers, expected_placements, expected_clauses):
    plan = plan_for(answers)

    assert placements(plan) == expected_placements
    assert expected_clauses <= clauses(plan)


def test_human_reads_without_consent_go_to_ega_whatever_else_is_answered():
    reads = non_image("sequencing", human_tissue=True, human_data_open=False, human_controlled_access=False)

    plan = plan_for(study(("lm", LM), ("reads", reads)))

    assert ("ega", "reads") in placements(plan)
    assert ("arrayexpress", "reads") not in placements(plan)


def test_human_proteomics_without_consent_goes_to_no_open_archive():
    xlms = non_image("proteomics", human_tissue=True, human_data_open=False)

    plan = plan_for(study(("spa", SPA), ("xlms", xlms)))

    assert "xlms" not in {dataset for d in plan["depositions"] for dataset in d["datasets"]}
    assert [item["dataset"] for item in plan["not_accepted"]] == ["xlms"]


def test_microed_never_goes_to_the_bia_and_names_empiar_help():
    plan = plan_for(study(("ed", MICROED)))

    assert "bia" not in {d["archive"] for d in plan["depositions"]}
    assert "empiar-help@ebi.ac.uk" in plan["contacts"]
    assert any(note["text"].startswith("ed: 3D electron diffraction (microED) has no line") for note in plan["notes"])


def test_microed_without_a_map_asks_empiar_first():
    plan = plan_for(study(("ed", {**MICROED, "ed_map": False})))

    assert any("with no map of the diffraction data in EMDB" in note["text"] for note in plan["notes"])


def test_non_image_data_is_cited_by_every_image_and_structure_deposition_and_has_no_bia_step():
    plan = plan_for(study(("spa", SPA), ("xlms", non_image("proteomics"))))

    citing = {item["in"] for item in plan["linking"] if "pride:xlms" in item["cites"]}
    assert citing == {"emdb:spa", "pdb:spa", "empiar:spa"}
    keys = [d["key"] for d in plan["depositions"]]
    assert keys.index("pride:xlms") < min(keys.index(key) for key in citing)


def test_the_bia_submission_cites_sequencing_beside_imaging():
    plan = plan_for(study(("lm", LM), ("scrnaseq", non_image("sequencing"))))

    (bia,) = [d for d in plan["depositions"] if d["archive"] == "bia"]
    assert bia["datasets"] == ["lm"]
    (link,) = [item for item in plan["linking"] if item["in"] == bia["key"]]
    assert link["cites"] == ["arrayexpress:scrnaseq"]


def test_other_data_that_is_not_images_is_asked_about():
    plan = plan_for(study(("spa", SPA), ("mystery", non_image("other"))))

    assert "mystery" not in {dataset for d in plan["depositions"] for dataset in d["datasets"]}
    assert any(note["text"].startswith("mystery: ask image-presubmission@ebi.ac.uk") for note in plan["notes"])


def test_data_that_is_not_images_is_in_no_correlative_group():
    with pytest.raises(InvalidAnswers) as raised:
        plan_for(study(("lm", LM), ("xlms", non_image("proteomics")), correlations=[["lm", "xlms"]]))

    assert "correlations[0]" in raised.value.errors


def test_bia_annotations_cite_the_empiar_entry_of_their_images():
    plan = plan_for(study(("fib", volume_em("fib_sem", "bia_annotations"))))

    (link,) = [item for item in plan["linking"] if item["in"] == "bia-imaging"]
    assert link["cites"] == ["empiar:fib"]


@pytest.mark.parametrize(
    ("dataset", "noted"),
    [
        pytest.param(volume_em("fib_sem"), True, id="fib-sem-is-3d-sem"),
        pytest.param(volume_em("serial_section_et"), False, id="sset-is-tem"),
        pytest.param(volume_em("other"), True, id="another-method-may-be-3d-sem"),
        pytest.param(xray_3d("soft_xray"), True, id="soft-xray"),
        pytest.param(xray_3d("hard_xray"), False, id="hard-xray"),
    ],
)
def test_empiar_publication_condition_only_where_the_faq_sets_it(dataset, noted):
    plan = plan_for(study(("d", dataset), publication=False))

    said = any("directly related to a publication" in note["text"] for note in plan["notes"])
    assert said is noted
