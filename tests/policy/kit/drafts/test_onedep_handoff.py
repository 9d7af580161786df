"""The OneDep hand-off of each EMDB step: OneDep's subtype and file types, the maps' voxel values, the related
entries for the web interface."""

from tests.policy.kit.study_variants import CRYO_ET_WITH_AVERAGE_AND_MODEL, onedep_handoffs_of


def test_each_emdb_step_gets_a_handoff_with_onedeps_subtype_and_files():
    handoffs = onedep_handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)

    assert set(handoffs) == {"emdb:et", "emdb-average:et", "emdb:spa"}
    types = {key: [item["type"] for item in handoff.document["files"]] for key, handoff in handoffs.items()}
    assert handoffs["emdb:et"].document["em_subtype"] == "tomography"
    assert types["emdb:et"] == ["vo-map", "img-emdb"]
    assert handoffs["emdb-average:et"].document["em_subtype"] == "subtomogram"
    assert handoffs["emdb-average:et"].document["coordinates"] is True  # the PDB step's model, same session
    assert types["emdb-average:et"] == ["vo-map", "img-emdb", "half-map", "half-map", "co-cif"]
    assert handoffs["emdb:spa"].document["em_subtype"] == "single"
    assert handoffs["emdb:spa"].filename == "onedep-emdb-spa.json"


def test_maps_and_half_maps_carry_the_voxel_values_onedep_lib_sends():
    files = onedep_handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:spa"].document["files"]

    for item in files:
        voxel = item.get("voxel", {})
        assert (set(voxel) == {"spacing_x", "spacing_y", "spacing_z", "contour"}) is (item["type"] != "img-emdb")
        assert all(value.startswith("FILL IN") for value in voxel.values())


def test_related_entries_carry_the_typed_accessions_and_name_the_step_otherwise():
    plain = onedep_handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:et"].document
    typed = onedep_handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL, {"emdb-average:et": "EMD-4321"})["emdb:et"].document

    assert "not entered yet" in plain["in_the_web_interface"]["related_depositions"][0]["accession"]
    assert typed["in_the_web_interface"]["related_depositions"] == [{"archive": "EMDB", "accession": "EMD-4321"}]
