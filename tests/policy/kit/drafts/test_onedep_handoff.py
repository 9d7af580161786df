import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from onedep_lib.config import DepositConfig

from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.onedep_handoff import onedep_handoffs
from tests.policy.kit.conftest import planned

SCRIPT = Path(__file__).parents[4] / "policy" / "kit" / "scripts" / "onedep_deposit.py"
CRYO_ET_WITH_AVERAGE_AND_MODEL = {
    "answers_version": 2,
    "publication": True,
    "datasets": [
        {"id": "et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
         "tomograms": "few", "subtomogram_average": True, "atomic_model": True},
        {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": False},
    ],
}  # fmt: skip


def script():
    spec = importlib.util.spec_from_file_location("onedep_deposit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def handoffs_of(study: dict, query: dict | None = None) -> dict:
    stored = planned(study)
    accessions = accessions_parse(stored=stored, query=query or {})
    return {item.deposition_key: item for item in onedep_handoffs(stored=stored, accessions=accessions)}


def filled(document: dict, folder: Path) -> Path:
    """The hand-off as a depositor completes it, with (empty) files in place."""
    document = json.loads(json.dumps(document))
    document.update(email="depositor@example.org", orcids=["0000-0002-5109-8728"], country="United Kingdom")
    for number, item in enumerate(document["files"]):
        item["path"] = f"file-{number}.{item['type']}"
        (folder / item["path"]).write_bytes(b"\0")
    path = folder / "onedep.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


class ApiClient:
    """onedep-lib's ApiClient protocol, recording what a deposition sends, offline."""

    def __init__(self):
        self.created, self.uploaded, self.processed = [], [], []

    def create_deposition(self, email, users, country, experiments, password=""):
        self.created.append(SimpleNamespace(email=email, users=users, country=country, experiments=experiments))
        return SimpleNamespace(dep_id="D_800000001", site_url="https://onedep.example/D_800000001", site_base_url=None)

    def upload_file(self, dep_id, file_path, file_type, overwrite=False):
        self.uploaded.append(file_type.value)
        return SimpleNamespace(file_id=len(self.uploaded))

    def process(self, dep_id):
        self.processed.append(dep_id)


def run(path: Path, tmp_path: Path, *extra: str, api: ApiClient | None = None) -> int:
    config = DepositConfig(session_dir=tmp_path / "sessions", config_path=tmp_path / "none.toml")
    hooks = {"_base_dir": tmp_path / "sessions", "_api_client": api or ApiClient()}
    return script().main([str(path), *extra], config=config, **hooks)


def test_each_emdb_step_gets_a_handoff_with_onedeps_subtype_and_files():
    handoffs = handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)

    assert set(handoffs) == {"emdb:et", "emdb-average:et", "emdb:spa"}
    types = {key: [item["type"] for item in handoff.document["files"]] for key, handoff in handoffs.items()}
    assert handoffs["emdb:et"].document["em_subtype"] == "tomography"
    assert types["emdb:et"] == ["vo-map", "img-emdb"]
    assert handoffs["emdb-average:et"].document["em_subtype"] == "subtomogram"
    assert handoffs["emdb-average:et"].document["coordinates"] is True  # the PDB step's model, same session
    assert types["emdb-average:et"] == ["vo-map", "img-emdb", "half-map", "half-map", "co-cif"]
    assert handoffs["emdb:spa"].document["em_subtype"] == "single"
    assert handoffs["emdb:spa"].filename == "onedep-emdb-spa.json"


def test_related_entries_carry_the_typed_accessions_and_name_the_step_otherwise():
    plain = handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:et"].document
    typed = handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL, {"emdb-average:et": "EMD-4321"})["emdb:et"].document

    assert "not entered yet" in plain["in_the_web_interface"]["related_depositions"][0]["accession"]
    assert typed["in_the_web_interface"]["related_depositions"] == [{"archive": "EMDB", "accession": "EMD-4321"}]


@pytest.mark.parametrize("key", ["emdb:et", "emdb-average:et", "emdb:spa"])
def test_a_completed_handoff_passes_onedeps_own_required_files_check_offline(key, tmp_path):
    path = filled(handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)[key].document, tmp_path)

    assert run(path, tmp_path) == 0


def test_the_untouched_handoff_is_refused_naming_each_placeholder(tmp_path, capsys):
    path = tmp_path / "onedep.json"
    path.write_text(json.dumps(handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:spa"].document), encoding="utf-8")

    assert run(path, tmp_path) == 2
    errors = capsys.readouterr().err
    for where in ("/email", "/orcids/0", "/country", "/files/0/path", "/files/3/path"):
        assert f"FILL IN remains at {where}" in errors


def test_a_missing_half_map_is_caught_by_the_packages_schema(tmp_path, capsys):
    document = handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:spa"].document
    document["files"] = [item for item in document["files"] if item["type"] != "half-map"][:2]
    path = filled(document, tmp_path)

    assert run(path, tmp_path) == 1
    assert "half-map" in capsys.readouterr().out


@pytest.mark.parametrize(("field", "value", "message"), [
    ("orcids", ["0000-0002-5109"], "is not an ORCID iD"),
    ("country", "Atlantis", "is not a country as OneDep names it"),
    ("email", "nobody", "is not an e-mail address"),
])  # fmt: skip
def test_wrong_details_are_refused_before_anything_is_sent(tmp_path, capsys, field, value, message):
    path = filled(handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb:et"].document, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document[field] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    api = ApiClient()

    assert run(path, tmp_path, "--deposit", api=api) == 2
    assert message in capsys.readouterr().err
    assert api.created == []


def test_deposit_creates_the_deposition_with_the_subtype_and_uploads_every_file(tmp_path):
    path = filled(handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)["emdb-average:et"].document, tmp_path)
    api = ApiClient()

    assert run(path, tmp_path, "--deposit", api=api) == 0
    (created,) = api.created
    assert created.users == ["0000-0002-5109-8728"]
    assert created.experiments[0].to_dict() == {
        "type": "em", "coordinates": True, "subtype": "subtomogram", "sf_only": True
    }  # fmt: skip
    assert api.uploaded == ["vo-map", "img-emdb", "half-map", "half-map", "co-cif"]
    assert api.processed == ["D_800000001"]
