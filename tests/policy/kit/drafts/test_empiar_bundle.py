"""The EMPIAR bundle: its JSON validates, and its script, run as a depositor runs it (a subprocess, with a stub
empiar-depositor first on PATH), refuses every placeholder and every missing folder, and otherwise uploads
without submitting (-s) with an argument list that holds no text of the deposition."""

import ast
import copy
import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.empiar_bundle import empiar_bundle_zip
from policy.kit.drafts.empiar_draft import empiar_drafts
from policy.kit.scripts import empiar_submit
from policy.kit.scripts.empiar_submit import placeholders_find
from tests.policy.kit.conftest import empiar_validator, planned

TOKEN = "token-for-tests"
STUB = """#!{python}
import json, os, sys
with open(os.environ["STUB_LOG"], "w") as log:
    json.dump(sys.argv[1:], log)
"""


def draft_of(answers: dict, dataset: str, query: dict | None = None):
    stored = planned(answers)
    accessions = accessions_parse(stored=stored, query=query or {})
    drafts = empiar_drafts(stored=stored, accessions=accessions)
    return next(draft for draft in drafts if draft.dataset == dataset), stored


def filled(document: dict) -> dict:
    """The draft as a depositor completes it."""

    def fill(value, field: str):
        if isinstance(value, dict):
            return {key: fill(item, key) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item, field) for item in value]
        if isinstance(value, str) and empiar_submit.PLACEHOLDER in value:
            if field == "name":
                return "('Smith', 'J')"
            if field in {"header_format", "data_format"}:
                return "('T1', '')"
            if field == "voxel_type":
                return "('T7', '')"
            return "Cryo-ET of purified ribosomes" if field == "title" else "Filled in by the depositor"
        if value == empiar_submit.PLACEHOLDER_EMAIL:
            return "j.smith@example.ac.uk"
        if field == "country":
            return "GB"
        if isinstance(value, str) and empiar_submit.PLACEHOLDER_EMDB.fullmatch(value):
            return "EMD-12345"
        if field in empiar_submit.COUNT_FIELDS:
            return 12
        return value

    return fill(copy.deepcopy(document), "")


def bundle_unpacked(tmp_path: Path, five_dataset_study: dict, dataset: str = "cryo-et") -> Path:
    draft, stored = draft_of(five_dataset_study, dataset)
    with zipfile.ZipFile(io.BytesIO(empiar_bundle_zip(draft=draft, stored=stored))) as archive:
        archive.extractall(tmp_path / "bundle")
    return tmp_path / "bundle" / f"empiar-{dataset}"


def run_script(tmp_path: Path, folder: Path, *arguments: str) -> tuple[subprocess.CompletedProcess, list | None]:
    stub_dir = tmp_path / "bin"
    stub_dir.mkdir(exist_ok=True)
    stub = stub_dir / "empiar-depositor"
    stub.write_text(STUB.format(python=sys.executable), encoding="utf-8")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "stub-argv.json"
    env = {
        "PATH": f"{stub_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "STUB_LOG": str(log),
        "EMPIAR_TOKEN": TOKEN,
        "EMPIAR_TRANSFER_PASS": "transfer-password",
    }
    completed = subprocess.run(
        [sys.executable, str(folder / "empiar_submit.py"), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    argv = json.loads(log.read_text(encoding="utf-8")) if log.exists() else None
    return completed, argv


def data_folder(tmp_path: Path, document: dict) -> Path:
    data = tmp_path / "data"
    for imageset in document["imagesets"]:
        folder = data / imageset["directory"].removeprefix("data/")
        folder.mkdir(parents=True)
        (folder / "image_001.mrc").write_bytes(b"\0")
    return data


def fake_ascp(tmp_path: Path) -> Path:
    ascp = tmp_path / "aspera" / "ascp"
    ascp.parent.mkdir()
    ascp.write_bytes(b"")
    return ascp


def test_the_bundle_holds_the_draft_the_script_as_it_is_and_a_readme(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study)
    draft, _ = draft_of(five_dataset_study, "cryo-et")

    assert sorted(path.name for path in folder.iterdir()) == ["README.md", "deposition.json", "empiar_submit.py"]
    assert json.loads((folder / "deposition.json").read_text(encoding="utf-8")) == draft.document
    assert (folder / "empiar_submit.py").read_text(encoding="utf-8") == Path(empiar_submit.__file__).read_text(
        encoding="utf-8"
    )
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "# EMPIAR deposition of cryo-et (step 3 of your plan)" in readme
    assert "- `DATA/tilt_series/`" in readme
    assert "https://empiar.org/deposition/api_token" in readme
    assert "EMPIAR_TRANSFER_PASS" in readme


def test_the_script_is_executable_in_the_zip(five_dataset_study):
    draft, stored = draft_of(five_dataset_study, "cryo-et")

    with zipfile.ZipFile(io.BytesIO(empiar_bundle_zip(draft=draft, stored=stored))) as archive:
        mode = archive.getinfo("empiar-cryo-et/empiar_submit.py").external_attr >> 16

    assert mode & 0o111


def test_the_bundles_json_validates_against_the_empiar_schema_before_and_after_filling(five_dataset_study):
    for dataset in ("cryo-et", "fib-sem"):
        draft, _ = draft_of(five_dataset_study, dataset, {"emdb:cryo-et": "EMD-1111"})

        assert list(empiar_validator().iter_errors(draft.document)) == []
        assert list(empiar_validator().iter_errors(filled(draft.document))) == []


def test_the_same_plan_gives_the_same_bytes(five_dataset_study):
    draft, stored = draft_of(five_dataset_study, "fib-sem")

    assert empiar_bundle_zip(draft=draft, stored=stored) == empiar_bundle_zip(draft=draft, stored=stored)


def test_a_filled_draft_has_no_placeholder_left(five_dataset_study):
    for dataset in ("cryo-et", "fib-sem"):
        draft, _ = draft_of(five_dataset_study, dataset)

        assert placeholders_find(draft.document)
        assert placeholders_find(filled(draft.document)) == []


PLACEHOLDER_KINDS = {
    "text": lambda document: document.update(title="FILL IN: title of the EMPIAR entry"),
    "author name": lambda document: document["authors"][0].update(name="('FILL IN surname', 'FILL IN initials')"),
    "format": lambda document: document["imagesets"][0].update(data_format="('OT', 'FILL IN')"),
    "e-mail": lambda document: document["corresponding_author"].update(email="fill-in@example.org"),
    "country": lambda document: document["principal_investigator"][0].update(country="AQ"),
    "image count": lambda document: document["imagesets"][0].update(num_images_or_tilt_series=0),
    "frame count": lambda document: document["imagesets"][-1].update(frames_per_image=0),
    "EMD accession": lambda document: document.update(cross_references=[{"name": "EMD-0000"}]),
    "second EMD accession": lambda document: document.update(
        cross_references=[{"name": "EMD-1234"}, {"name": "EMD-00000"}]
    ),
    "type 3 without EMDB": lambda document: document.pop("cross_references"),
}


@pytest.mark.parametrize("kind", PLACEHOLDER_KINDS)
def test_the_guard_catches_each_kind_of_placeholder(five_dataset_study, kind):
    draft, _ = draft_of(five_dataset_study, "cryo-et")
    document = filled(draft.document)

    PLACEHOLDER_KINDS[kind](document)

    assert list(empiar_validator().iter_errors(document)) == []  # schema-valid, yet refused
    assert len(placeholders_find(document)) == 1


def test_the_script_refuses_the_draft_as_downloaded_and_runs_nothing(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study)
    document = json.loads((folder / "deposition.json").read_text(encoding="utf-8"))
    data = data_folder(tmp_path, document)

    completed, argv = run_script(tmp_path, folder, "--data", str(data), "--ascp", str(fake_ascp(tmp_path)))

    assert completed.returncode == 1
    assert "Not submitted" in completed.stderr
    assert "$.title: replace the text marked FILL IN" in completed.stderr
    assert "$.corresponding_author.country: AQ (Antarctica)" in completed.stderr
    assert "$.cross_references[0].name: EMD-0000 stands for an EMD accession" in completed.stderr
    assert argv is None


def test_the_script_refuses_a_missing_image_set_folder(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study)
    document = filled(json.loads((folder / "deposition.json").read_text(encoding="utf-8")))
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    data = data_folder(tmp_path, document)
    for path in (data / "tomograms").iterdir():
        path.unlink()
    (data / "tomograms").rmdir()

    completed, argv = run_script(tmp_path, folder, "--data", str(data), "--ascp", str(fake_ascp(tmp_path)))

    assert completed.returncode == 1
    assert f"$.imagesets[1].directory: data/tomograms has no folder {data / 'tomograms'}" in completed.stderr
    assert argv is None


def test_a_filled_deposition_runs_empiar_depositor_with_s_and_only_paths(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study)
    document = filled(json.loads((folder / "deposition.json").read_text(encoding="utf-8")))
    document["title"] = "Tilt series; $(touch pwned) `rm -rf ~` of cryo-et"  # user text never reaches a shell
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    data = data_folder(tmp_path, document)
    ascp = fake_ascp(tmp_path)

    completed, argv = run_script(tmp_path, folder, "--data", str(data), "--ascp", str(ascp))

    assert completed.returncode == 0, completed.stderr
    assert argv == ["-s", "-a", str(ascp), TOKEN, str((folder / "deposition.json").resolve()), str(data.resolve())]
    assert "review the entry at https://empiar.org/deposition" in completed.stdout
    assert not (tmp_path / "pwned").exists()


def test_globus_takes_an_endpoint_uuid_and_nothing_else(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study, "fib-sem")
    document = filled(json.loads((folder / "deposition.json").read_text(encoding="utf-8")))
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    data = data_folder(tmp_path, document)
    endpoint = "01234567-89ab-cdef-0123-456789abcdef"

    refused, nothing = run_script(tmp_path, folder, "--data", str(data), "--globus", "my endpoint; rm -rf ~")
    completed, argv = run_script(tmp_path, folder, "--data", str(data), "--globus", endpoint)

    assert refused.returncode == 1
    assert nothing is None
    assert completed.returncode == 0, completed.stderr
    assert argv == ["-s", "-g", endpoint, TOKEN, str((folder / "deposition.json").resolve()), str(data.resolve())]


def test_a_data_folder_that_empiar_depositor_would_hand_to_a_shell_is_refused(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study, "fib-sem")
    document = filled(json.loads((folder / "deposition.json").read_text(encoding="utf-8")))
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    spaced = tmp_path / "my data"
    (spaced / "stacks").mkdir(parents=True)
    (spaced / "stacks" / "slice_0001.tif").write_bytes(b"\0")

    completed, argv = run_script(tmp_path, folder, "--data", str(spaced), "--ascp", str(fake_ascp(tmp_path)))

    assert completed.returncode == 1
    assert "characters that empiar-depositor would pass to a shell" in completed.stderr
    assert argv is None


def test_the_script_imports_the_standard_library_only():
    tree = ast.parse(Path(empiar_submit.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    imported |= {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }

    assert imported - {"__future__"} <= sys.stdlib_module_names
    assert "subprocess" in imported
    assert "shell=True" not in Path(empiar_submit.__file__).read_text(encoding="utf-8")
