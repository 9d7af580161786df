"""The EMPIAR bundle: its JSON validates, and its script, run as a depositor runs it (a process of its own, with
the real empiar-depositor 1.6b30 talking to a mock of EMPIAR's API on 127.0.0.1 and stand-ins for ascp and the
globus CLI), refuses every placeholder, every schema error, every missing folder and every unsafe value before any
request, keeps the token off every command line and out of what it prints, lands the data where the deposition
sent to EMPIAR says, and stops before the final submit."""

import ast
import copy
import io
import json
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
from tests.policy.kit.conftest import empiar_schema, empiar_validator, planned
from tests.policy.kit.empiar_mocks import EmpiarApi, environment, transfer_tools

TOKEN = "e7f3c1d9a0b24f6e8d5c3b2a1f0e9d8c7b6a5f4e"
TRANSFER_PASSWORD = "transfer-password"
ENDPOINT = "01234567-89ab-cdef-0123-456789abcdef"


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


def run_script(
    tmp_path: Path, folder: Path, api: EmpiarApi, *arguments: str, **variables: str
) -> subprocess.CompletedProcess:
    """The script run as the depositor runs it, with EMPIAR and the transfer tools on this machine."""
    tools = transfer_tools(tmp_path)
    env = environment(tmp_path, api, tools, EMPIAR_TOKEN=TOKEN, EMPIAR_TRANSFER_PASS=TRANSFER_PASSWORD)
    env.update(variables)
    return subprocess.run(
        [sys.executable, str(folder / "empiar_submit.py"), *arguments],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def filled_bundle(tmp_path: Path, five_dataset_study: dict, dataset: str = "cryo-et", **changes) -> tuple[Path, dict]:
    """The bundle unpacked, its deposition filled in (with `changes`) and its data laid out as its README says."""
    folder = bundle_unpacked(tmp_path, five_dataset_study, dataset)
    document = filled(json.loads((folder / "deposition.json").read_text(encoding="utf-8"))) | changes
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    data_folder(tmp_path, document)
    return folder, document


def data_folder(tmp_path: Path, document: dict) -> Path:
    data = tmp_path / "DATA"
    for imageset in document["imagesets"]:
        folder = data / imageset["directory"].removeprefix("data/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "image_001.mrc").write_bytes(b"\0")
    return data


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
    assert "`pip install empiar-depositor==1.6b30 jsonschema`" in readme  # the version the guard was written for
    assert "(`data/DATA/<folder>`, DATA being your folder's name)" in readme  # where Globus puts the folders


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
    "experiment type": lambda document: document.update(experiment_type=empiar_submit.PLACEHOLDER_EXPERIMENT_TYPE),
}


@pytest.mark.parametrize("kind", PLACEHOLDER_KINDS)
def test_the_guard_catches_each_kind_of_placeholder(five_dataset_study, kind):
    draft, _ = draft_of(five_dataset_study, "cryo-et")
    document = filled(draft.document)

    PLACEHOLDER_KINDS[kind](document)

    assert list(empiar_validator().iter_errors(document)) == []  # schema-valid, yet refused
    assert len(placeholders_find(document)) == 1


def test_the_script_refuses_the_draft_as_downloaded_and_sends_nothing(five_dataset_study, tmp_path):
    folder = bundle_unpacked(tmp_path, five_dataset_study)
    data = data_folder(tmp_path, json.loads((folder / "deposition.json").read_text(encoding="utf-8")))

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(data), "--ascp", str(transfer_tools(tmp_path).ascp))

    assert completed.returncode == 1
    assert "Not submitted" in completed.stderr
    assert "$.title: replace the text marked FILL IN" in completed.stderr
    assert "$.corresponding_author.country: AQ (Antarctica)" in completed.stderr
    assert "$.cross_references[0].name: EMD-0000 stands for an EMD accession" in completed.stderr
    assert api.requests == []
    assert transfer_tools(tmp_path).calls() == []


def test_the_script_refuses_a_missing_image_set_folder(five_dataset_study, tmp_path):
    folder, _ = filled_bundle(tmp_path, five_dataset_study)
    data = tmp_path / "DATA"
    for path in (data / "tomograms").iterdir():
        path.unlink()
    (data / "tomograms").rmdir()

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(data), "--ascp", str(transfer_tools(tmp_path).ascp))

    assert completed.returncode == 1
    assert f"$.imagesets[1].directory: data/tomograms has no folder {data / 'tomograms'}" in completed.stderr
    assert api.requests == []


def test_with_aspera_the_entry_is_created_and_the_data_lands_where_the_deposition_says_unsubmitted(
    five_dataset_study, tmp_path
):
    title = "Tilt series; $(touch pwned) `touch pwned` of cryo-et"  # the depositor's text never reaches a shell
    folder, document = filled_bundle(tmp_path, five_dataset_study, title=title)
    tools = transfer_tools(tmp_path)

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--ascp", str(tools.ascp))

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert api.paths() == ["deposit_entry/"]  # created; neither submitted nor anything else
    assert api.requests[0].json() == document
    for imageset in document["imagesets"]:
        assert (tools.entry_folder() / imageset["directory"] / "image_001.mrc").is_file()
    assert [call["password"] for call in tools.calls()] == [TRANSFER_PASSWORD]
    assert "review the entry at https://empiar.org/deposition" in completed.stdout
    assert not (tmp_path / "pwned").exists()


def test_with_globus_the_deposition_sent_names_the_folders_where_globus_puts_them(five_dataset_study, tmp_path):
    folder, document = filled_bundle(tmp_path, five_dataset_study, "fib-sem")
    tools = transfer_tools(tmp_path)

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--globus", ENDPOINT)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert api.paths() == ["deposit_entry/"]
    sent = api.requests[0].json()
    assert [imageset["directory"] for imageset in sent["imagesets"]] == [
        imageset["directory"].replace("data/", "data/DATA/", 1) for imageset in document["imagesets"]
    ]
    for imageset in sent["imagesets"]:
        assert (tools.entry_folder() / imageset["directory"] / "image_001.mrc").is_file()
    assert "data/DATA/" in completed.stdout  # the depositor is told where the folders went
    assert json.loads((folder / "deposition.json").read_text(encoding="utf-8")) == document  # left as it was


def test_a_globus_transfer_password_with_shell_characters_reaches_globus_as_typed_and_runs_nothing(
    five_dataset_study, tmp_path
):
    folder, _ = filled_bundle(tmp_path, five_dataset_study, "fib-sem")
    password = "pa ss;touch pwned-1 $(touch pwned-2) `touch pwned-3` 'q\"|&>x"
    tools = transfer_tools(tmp_path)

    with EmpiarApi(TOKEN) as api:
        completed = run_script(
            tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--globus", ENDPOINT, EMPIAR_TRANSFER_PASS=password
        )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    (activation,) = [call["argv"] for call in tools.calls() if "--myproxy" in call["argv"]]
    assert activation[activation.index("--myproxy-password") + 1] == password
    assert sorted(path.name for path in tmp_path.glob("pwned*")) == []
    assert not (tmp_path / "x").exists()
    assert password not in completed.stdout + completed.stderr


def test_a_draft_that_fails_empiars_schema_is_refused_before_any_request(five_dataset_study, tmp_path):
    folder, document = filled_bundle(tmp_path, five_dataset_study, release_date="next spring", experiment_type=99)
    document["imagesets"][0]["voxel_type"] = "('T99', '')"
    del document["authors"]
    (folder / "deposition.json").write_text(json.dumps(document), encoding="utf-8")
    tools = transfer_tools(tmp_path)

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--ascp", str(tools.ascp))

    assert completed.returncode == 1
    assert "Not submitted: 4 thing(s) to fix first." in completed.stderr
    for where in ("$: 'authors' is a required property", "$.release_date:", "$.experiment_type:", "$.imagesets[0]"):
        assert where in completed.stderr
    assert api.requests == []
    assert tools.calls() == []


@pytest.mark.parametrize("option", ["--data", "--ascp", "--json"])
def test_a_path_too_long_for_the_file_system_is_named_not_a_traceback(five_dataset_study, tmp_path, option):
    folder, _ = filled_bundle(tmp_path, five_dataset_study)
    arguments = {"--data": str(tmp_path / "DATA"), "--ascp": str(transfer_tools(tmp_path).ascp)}
    arguments[option] = str(tmp_path / ("a" * 300))

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, *(item for pair in arguments.items() for item in pair))

    assert completed.returncode in (1, 2)
    assert "File name too long" in completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout
    assert api.requests == []


def test_the_token_is_on_no_command_line_and_in_nothing_printed(five_dataset_study, tmp_path):
    folder, _ = filled_bundle(tmp_path, five_dataset_study)

    with EmpiarApi(TOKEN) as api:
        completed = run_script(
            tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--ascp", str(transfer_tools(tmp_path).ascp)
        )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    (request,) = api.requests
    assert request.headers["Authorization"] == f"Token {TOKEN}"  # the token did its job…
    assert request.token_on_a_command_line == []  # …from no process's command line
    assert TOKEN not in completed.stdout + completed.stderr
    assert "Namespace(" in completed.stdout  # empiar-depositor's echo of its arguments, with the token masked


def test_another_empiar_depositor_than_the_one_the_guard_was_written_for_is_refused(five_dataset_study, tmp_path):
    folder, _ = filled_bundle(tmp_path, five_dataset_study)
    tools = transfer_tools(tmp_path)
    with EmpiarApi(TOKEN) as api:
        env = environment(tmp_path, api, tools)  # lays out the site folder on PYTHONPATH
        metadata = Path(env["PYTHONPATH"]) / "empiar_depositor-1.7.dist-info"
        metadata.mkdir()
        (metadata / "METADATA").write_text("Metadata-Version: 2.1\nName: empiar-depositor\nVersion: 1.7\n")

        completed = run_script(tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--ascp", str(tools.ascp))

    assert completed.returncode == 1
    assert "written for empiar-depositor 1.6b30 (this Python has 1.7)" in completed.stderr
    assert "pip install empiar-depositor==1.6b30" in completed.stderr
    assert api.requests == []


def test_globus_takes_an_endpoint_uuid_and_nothing_else(five_dataset_study, tmp_path):
    folder, _ = filled_bundle(tmp_path, five_dataset_study, "fib-sem")

    with EmpiarApi(TOKEN) as api:
        completed = run_script(tmp_path, folder, api, "--data", str(tmp_path / "DATA"), "--globus", "laptop; rm -rf ~")

    assert completed.returncode == 1
    assert "--globus: give your endpoint's UUID" in completed.stderr
    assert api.requests == []


def test_a_data_folder_that_empiar_depositor_would_hand_to_a_shell_is_refused(five_dataset_study, tmp_path):
    folder, _ = filled_bundle(tmp_path, five_dataset_study, "fib-sem")
    spaced = tmp_path / "my data"
    (tmp_path / "DATA").rename(spaced)

    with EmpiarApi(TOKEN) as api:
        ascp = transfer_tools(tmp_path).ascp
        completed = run_script(tmp_path, folder, api, "--data", str(spaced), "--ascp", str(ascp))

    assert completed.returncode == 1
    assert "characters that empiar-depositor would pass to a shell" in completed.stderr
    assert api.requests == []


@pytest.mark.parametrize(("password", "refused"), [
    ("Abc-123_x.y", False),
    ("pa;ss", True),
    ("pa ss", True),
    ("p%PATH%", True),
])  # fmt: skip
def test_on_windows_a_globus_password_cmd_would_read_as_more_than_a_word_is_refused(password, refused):
    assert (empiar_submit.transfer_password_for_shell(password=password, posix=False) is None) is refused


def test_the_script_imports_the_standard_library_at_its_top_and_jsonschema_where_it_checks():
    tree = ast.parse(Path(empiar_submit.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in tree.body if isinstance(node, ast.ImportFrom) and node.module}
    inside = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} - imported

    assert imported - {"__future__"} <= sys.stdlib_module_names
    assert inside == {"jsonschema"}  # imported where the schema is read, named in the README's pip line
    assert "shell=True" not in Path(empiar_submit.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("experiment_type", [10, 0, "3", None])
def test_the_guard_refuses_an_experiment_type_the_schema_does_not_name(five_dataset_study, experiment_type):
    draft, _ = draft_of(five_dataset_study, "cryo-et")
    document = filled(draft.document)

    document["experiment_type"] = experiment_type

    assert any(problem.startswith("$.experiment_type:") for problem in empiar_submit.schema_errors(document))


def test_the_scripts_experiment_types_are_the_schemas():
    schema_types = empiar_schema()["properties"]["experiment_type"]["enum"]

    assert sorted(empiar_submit.EXPERIMENT_TYPES) == sorted(schema_types)
    assert empiar_submit.PLACEHOLDER_EXPERIMENT_TYPE in schema_types  # so that the draft validates
