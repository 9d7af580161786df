"""Links that run both ways, accounts the archives really ask for, notes that apply, and the small faults of the
kit: one row per case."""

import pytest

from policy.engine.clauses import CLAUSES
from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.statement import statement_build
from policy.kit.advice.before_you_start import preparations_for
from policy.kit.advice.study_preparation import study_preparation_build
from policy.kit.drafts.empiar_draft import empiar_drafts
from policy.kit.drafts.onedep_handoff import onedep_handoffs
from tests.policy.kit.conftest import empiar_validator, planned

VALIDATOR = empiar_validator()
CLEM = {
    "answers_version": 3,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"},
    ],
    "correlations": [["fib", "lm"]],
}
CORRELATED_CRYO_ET = {
    "answers_version": 3,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "lamella-et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "few", "subtomogram_average": True, "atomic_model": True},
    ],
    "correlations": [["lamella-et", "lm"]],
}  # fmt: skip


def empiar_draft(answers: dict, query: dict | None = None):
    stored = planned(answers)
    (draft,) = empiar_drafts(stored=stored, accessions=accessions_parse(stored=stored, query=query or {}))
    return draft


def lines_of(answers: dict, key: str) -> str:
    stored = planned(answers)
    return " ".join(line.text for line in preparations_for(deposition=stored.depositions[key], stored=stored))


def handoffs_of(answers: dict, query: dict | None = None) -> dict[str, dict]:
    stored = planned(answers)
    accessions = accessions_parse(stored=stored, query=query or {})
    return {h.deposition_key: h.document for h in onedep_handoffs(stored=stored, accessions=accessions)}


def clauses_of(answers: dict, key: str) -> set[str]:
    stored = planned(answers)
    return {line.clause for line in preparations_for(deposition=stored.depositions[key], stored=stored)}


def test_empiar_with_a_typed_s_biad_names_it_in_biostudies_references():
    draft = empiar_draft(CLEM, {"bia-imaging": "S-BIAD17"})

    assert draft.document["biostudies_references"] == [{"name": "S-BIAD17"}]
    assert list(VALIDATOR.iter_errors(draft.document)) == []
    assert not any("biostudies_references" in choice for choice in draft.choices)


def test_empiar_without_the_bia_accession_says_which_step_will_give_it():
    draft = empiar_draft(CLEM)

    assert "biostudies_references" not in draft.document  # the schema's pattern ^S- admits no placeholder
    (choice,) = [choice for choice in draft.choices if "biostudies_references" in choice]
    assert "step 2" in choice
    assert "empiar-help@ebi.ac.uk" in choice


def test_the_bia_step_says_to_send_its_accession_to_empiar():
    text = lines_of(CLEM, "bia-imaging")

    assert "send it to empiar-help@ebi.ac.uk for the EMPIAR entry of fib" in text
    assert "beyond-policy:empiar-biostudies" in clauses_of(CLEM, "bia-imaging")


def test_the_bia_step_of_correlated_cryo_et_tells_emdb_too():
    text = lines_of(CORRELATED_CRYO_ET, "bia-imaging")

    assert "EMPIAR entry of lamella-et" in text
    assert "Tell EMDB the accession too, for the EMDB entries of lamella-et" in text


def test_a_bia_step_citing_nothing_sends_its_accession_nowhere():
    text = lines_of({"answers_version": 3, "datasets": [{"id": "lm", "modality": "light_microscopy"}]}, "bia-imaging")

    assert "send it to" not in text


def test_emdb_references_of_one_dataset_are_told_apart():
    plan = planned(CORRELATED_CRYO_ET).plan

    lines = [line for item in plan.linking if item.performed_in == "bia-imaging" for line in item.contents]
    emdb_lines = [line for line in lines if "EMDB accession" in line]
    assert len(emdb_lines) == 2
    assert len(set(emdb_lines)) == 2
    assert any("lamella-et's subtomogram average" in line for line in emdb_lines)
    assert any("lamella-et's tomograms" in line for line in emdb_lines)


def test_onedep_hand_off_of_tomograms_says_to_repeat_it_per_tomogram():
    handoffs = handoffs_of(CORRELATED_CRYO_ET)

    assert "one copy of this file per tomogram" in handoffs["emdb:lamella-et"]["repeat"]
    assert "repeat" not in handoffs["emdb-average:lamella-et"]


def test_onedep_hand_off_names_the_later_depositions_that_cite_the_map():
    handoffs = handoffs_of(CORRELATED_CRYO_ET, {"bia-imaging": "S-BIAD17"})

    cited_by = handoffs["emdb:lamella-et"]["tell_emdb_afterwards"]["accessions"]
    assert {"archive": "BioImage Archive", "accession": "S-BIAD17"} in cited_by
    assert any(item["archive"] == "EMPIAR" and "not entered yet" in item["accession"] for item in cited_by)


def test_several_tomogram_entries_await_several_accession_codes():
    stored = planned(CORRELATED_CRYO_ET)

    statement = statement_build(stored=stored, accessions=accessions_parse(stored=stored, query={}))

    assert "The tomograms (lamella-et) have been deposited in" in statement.text
    assert "under accession codes [EMDB accessions]." in statement.text
    assert "The subtomogram average (lamella-et) has been deposited in" in statement.text
    assert "under accession code [EMDB accession]." in statement.text


@pytest.mark.parametrize("key", ["emdb:lamella-et", "emdb-average:lamella-et", "pdb:lamella-et"])
def test_emdb_and_pdb_steps_say_a_preprint_releases_the_entry(key):
    stored = planned(CORRELATED_CRYO_ET)

    assert "counts as its publication" in lines_of(CORRELATED_CRYO_ET, key)
    assert "beyond-policy:wwpdb-preprint" in {reason.clause for reason in stored.depositions[key].reasons}


def test_onedep_accounts_say_web_without_account_and_script_with_an_api_key():
    accounts = study_preparation_build(stored=planned(CORRELATED_CRYO_ET)).accounts

    texts = [line.text for line in accounts]
    assert not any("needs no account; a deposition is opened" in text for text in texts)
    web = next(line for line in accounts if line.clause == "beyond-policy:onedep-web")
    assert "verifies their e-mail address" in web.text
    key = next(line for line in accounts if line.clause == "beyond-policy:onedep-api-key")
    assert "API key" in key.text
    assert "ORCID" in key.text
    empiar = next(line for line in accounts if line.clause == "beyond-policy:empiar-account")
    assert "EMPIAR user account" in empiar.text
    assert "ORCID" in empiar.text


def test_metabolights_has_an_account_line_and_annotare_a_large_file_line():
    spatial = {"modality": "spatial_omics", "omics_repository_fits": True}
    study = {
        "answers_version": 3,
        "datasets": [
            {"id": "msi", **spatial, "omics_type": "metabolomics"},
            {"id": "visium", **spatial, "omics_type": "transcriptomics"},
        ],
    }
    accounts = study_preparation_build(stored=planned(study)).accounts

    assert any(line.text.startswith("MetaboLights: a MetaboLights account") for line in accounts)
    assert "1 GB or more to Annotare by FTP, Aspera or Globus" in lines_of(study, "arrayexpress:visium")


def test_the_no_publication_note_is_not_given_to_single_particle_cryo_em():
    spa = {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": False}
    plan = planned({"answers_version": 3, "publication": False, "datasets": [spa]}).plan

    assert not any("not associated with a publication" in note.text for note in plan.notes)
    assert "rule-2" not in {reason.clause for note in plan.notes for reason in note.reasons}


def test_the_no_publication_note_names_the_data_going_to_the_bia():
    plan = planned({**CLEM, "publication": False}).plan

    (note,) = [note for note in plan.notes if "not associated with a publication" in note.text]
    assert note.text.startswith("lm: ")
    assert "BioImage Archive" in note.text


@pytest.mark.parametrize(
    ("clause_id", "source"),
    [
        ("beyond-policy:empiar-release", "https://empiar.org/deposition/manual"),
        ("beyond-policy:empiar-raw", "https://www.ebi.ac.uk/empiar/faq"),
        ("beyond-policy:empiar-cc0", "https://empiar.org/policies"),
    ],
)
def test_empiar_facts_cite_the_page_that_says_them(clause_id, source):
    assert CLAUSES[clause_id].source == source


@pytest.mark.parametrize("clause_id", ["beyond-policy:empiar-release", "beyond-policy:empiar-transfer-release"])
def test_ho_reads_as_the_schema_defines_it(clause_id):
    assert "HO (delay release of entry by one year from the date of deposition)" in CLAUSES[clause_id].text
    assert "hold, at most one year" not in CLAUSES[clause_id].text
