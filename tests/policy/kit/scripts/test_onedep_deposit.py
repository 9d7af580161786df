"""The OneDep script run as a depositor runs it (a process of its own, onedep-lib 1.1.0 talking to a mock of OneDep's
API on 127.0.0.1): it refuses every placeholder, every wrong detail and every file that is not what it claims
before anything is sent, runs onedep-lib's own checks, and deposits with the credentials onedep-lib really needs,
naming what goes wrong."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.policy.kit.onedep_mocks import DEPOSITION_ID, REFRESH_TOKEN, OnedepApi, mmcif_model, mrc_map, png_image
from tests.policy.kit.study_variants import CRYO_ET_WITH_AVERAGE_AND_MODEL, onedep_handoffs_of

SCRIPT = Path(__file__).parents[4] / "policy" / "kit" / "scripts" / "onedep_deposit.py"
ORCID = "0000-0002-1825-0097"  # ORCID's own example of a valid iD
VOXEL = {"spacing_x": 1.1, "spacing_y": 1.1, "spacing_z": 1.1, "contour": 0.05}


def script():
    spec = importlib.util.spec_from_file_location("onedep_deposit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def handoff(key: str = "emdb:spa") -> dict:
    return json.loads(json.dumps(onedep_handoffs_of(CRYO_ET_WITH_AVERAGE_AND_MODEL)[key].document))


def filled(document: dict, folder: Path, **changes) -> Path:
    """The hand-off as a depositor completes it, each file of its kind in the hand-off's folder."""
    document = json.loads(json.dumps(document)) | {"email": "depositor@example.org", "orcids": [ORCID]}
    document["country"] = "United Kingdom"
    for number, item in enumerate(document["files"]):
        if item["type"] in ("vo-map", "half-map"):
            item.update(path=f"map-{number}.mrc", voxel=dict(VOXEL))
            mrc_map(folder / item["path"], voxel=1.0 + number / 10)
        elif item["type"] == "img-emdb":
            item["path"] = png_image(folder / "image.png").name
        else:
            item["path"] = mmcif_model(folder / "model.cif").name
    path = folder / "onedep.json"
    path.write_text(json.dumps(document | changes), encoding="utf-8")
    return path


def rewritten(path: Path, change) -> Path:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run(path: Path, tmp_path: Path, *extra: str, api: OnedepApi, **variables: str) -> subprocess.CompletedProcess:
    """The script as the depositor runs it, its home (onedep-lib's configuration and sessions) in tmp_path."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "ONEDEP_HOSTNAME": api.hostname}
    env.update({"ONEDEP_REFRESH_TOKEN": REFRESH_TOKEN} | variables)
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(path), *extra],
        capture_output=True,
        text=True,
        env={name: value for name, value in env.items() if value is not None},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("key", ["emdb:et", "emdb-average:et", "emdb:spa"])
def test_a_completed_handoff_passes_onedep_libs_own_checks_and_sends_nothing(key, tmp_path):
    path = filled(handoff(key), tmp_path)

    with OnedepApi() as api:
        completed = run(path, tmp_path, api=api)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Ready: the files are the ones OneDep requires" in completed.stdout
    assert "[OK] check_file_type (vo-map map-0.mrc)" in completed.stdout
    assert "[OK] check_required_files" in completed.stdout
    assert ("[OK] check_mmcif_category (co-cif model.cif, _atom_site)" in completed.stdout) is (
        key == "emdb-average:et"
    )
    assert api.requests == []


def test_the_untouched_handoff_is_refused_naming_each_placeholder(tmp_path):
    path = tmp_path / "onedep.json"
    path.write_text(json.dumps(handoff("emdb:spa")), encoding="utf-8")

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 2
    for where in ("/email", "/orcids/0", "/country", "/files/0/path", "/files/0/voxel/contour", "/files/3/path"):
        assert f"FILL IN remains at {where}" in completed.stderr
    assert api.requests == []


def test_a_missing_half_map_is_caught_by_the_packages_own_check(tmp_path):
    document = handoff("emdb:spa")
    document["files"] = [item for item in document["files"] if item["type"] != "half-map"][:2]
    path = filled(document, tmp_path)

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 1
    assert "[ISSUES FOUND] check_required_files (single)" in completed.stdout
    assert "half-map" in completed.stdout
    assert api.endpoints() == ["GET depositions/"]  # the credentials' check; no deposition


@pytest.mark.parametrize(("field", "value", "message"), [
    ("orcids", ["0000-0002-5109"], "'0000-0002-5109' is not an ORCID iD"),
    ("orcids", ["0000-0000-0000-0000"], "'0000-0000-0000-0000' is not an ORCID iD (its form or its check digit"),
    ("orcids", [ORCID, "0000-0002-1825-0098"], "'0000-0002-1825-0098' is not an ORCID iD"),
    ("country", "Atlantis", "is not a country as OneDep names it"),
    ("email", "nobody", "is not an e-mail address"),
    ("em_subtype", "bogus", "em_subtype: 'bogus' is not OneDep's"),
    ("coordinates", "yes", "coordinates: true or false"),
])  # fmt: skip
def test_wrong_details_are_refused_before_anything_is_sent(tmp_path, field, value, message):
    path = filled(handoff("emdb:et"), tmp_path, **{field: value})

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 2
    assert message in completed.stderr
    assert api.requests == []


@pytest.mark.parametrize(("orcid", "valid"), [
    ("0000-0002-1825-0097", True),
    ("0000-0002-1694-233X", True),  # ORCID's example of a check digit of 10, written X
    ("0000-0001-5109-3700", True),
    ("0000-0000-0000-0000", False),
    ("0000-0002-1694-2330", False),
    ("0000-0002-1825-009X", False),
    ("0000000218250097", False),
])  # fmt: skip
def test_orcid_ids_are_checked_with_their_iso_7064_check_digit(orcid, valid):
    assert script().orcid_valid(orcid) is valid


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


FILES_NOT_WHAT_THEY_CLAIM = {
    "a five-byte map": (0, lambda folder: write(folder / "map-0.mrc", b"MAP\0\0"), "5 bytes, shorter than the 1024"),
    "a map shorter than its header says": (
        0,
        lambda folder: write(folder / "map-0.mrc", (folder / "map-0.mrc").read_bytes()[:1100]),
        "1100 bytes, but its header says 4×4×4 voxels (1280 bytes)",
    ),
    "a text file as a half-map": (
        2,
        lambda folder: write(folder / "map-2.mrc", b"half map\n" * 200),
        'no "MAP " at byte 208',
    ),
    "a PDF as the image": (1, lambda folder: write(folder / "image.png", b"%PDF-1.7\n"), "not a PNG or JPEG image"),
}


@pytest.mark.parametrize("case", FILES_NOT_WHAT_THEY_CLAIM)
def test_a_file_that_is_not_what_its_type_says_is_refused(tmp_path, case):
    index, spoil, message = FILES_NOT_WHAT_THEY_CLAIM[case]
    path = filled(handoff("emdb:spa"), tmp_path)
    spoil(tmp_path)

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 2
    assert f"files/{index}: " in completed.stderr
    assert message in completed.stderr
    assert api.requests == []


def test_a_model_without_atoms_is_refused(tmp_path):
    path = filled(handoff("emdb-average:et"), tmp_path)
    (tmp_path / "model.cif").write_text("data_model\n_cell.length_a 10\n", encoding="utf-8")

    with OnedepApi() as api:
        completed = run(path, tmp_path, api=api)

    assert completed.returncode == 2
    assert "files/4: co-cif file 'model.cif': an mmCIF file without _atom_site" in completed.stderr


@pytest.mark.parametrize("outside", ["../../../../etc/passwd", "/etc/passwd", "link-out"])
def test_a_path_outside_the_handoffs_folder_is_refused(tmp_path, outside):
    folder = tmp_path / "handoff"
    folder.mkdir()
    (folder / "link-out").symlink_to(tmp_path.parent)
    path = rewritten(filled(handoff("emdb:et"), folder), lambda document: document["files"][1].update(path=outside))

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 2
    assert f"files/1: {outside!r} is outside {folder}" in completed.stderr
    assert api.requests == []


def test_one_file_as_both_half_maps_is_refused_by_name_and_by_content(tmp_path):
    path = filled(handoff("emdb:spa"), tmp_path)
    same_name = rewritten(path, lambda document: document["files"][3].update(path="map-2.mrc"))

    with OnedepApi() as api:
        by_name = run(same_name, tmp_path, "--deposit", api=api)
        (tmp_path / "copy.mrc").write_bytes((tmp_path / "map-2.mrc").read_bytes())
        by_content = run(
            rewritten(path, lambda document: document["files"][3].update(path="copy.mrc")), tmp_path, api=api
        )

    assert by_name.returncode == 2
    assert "files/3: 'map-2.mrc' is already given as files/2 (half-map): each file once" in by_name.stderr
    assert by_content.returncode == 2
    assert "files/3 (half-map): the same content as files/2 (half-map): each file once" in by_content.stderr
    assert api.requests == []


@pytest.mark.parametrize("voxel", [
    {"spacing_x": "1.1", "spacing_y": 1.1, "spacing_z": 1.1, "contour": 0.05},
    {"spacing_x": 1.1, "spacing_y": True, "spacing_z": 1.1, "contour": 0.05},
    {"spacing_x": 1.1, "spacing_y": 1.1, "spacing_z": 0, "contour": 0.05},
    {"spacing_x": 1.1, "spacing_y": 1.1, "spacing_z": 1.1},
    {"spacing_x": 1.1, "spacing_y": 1.1, "spacing_z": 1.1, "contour": float("nan")},
])  # fmt: skip
def test_voxel_values_that_are_not_numbers_are_refused(tmp_path, voxel):
    path = rewritten(filled(handoff("emdb:spa"), tmp_path), lambda document: document["files"][2].update(voxel=voxel))

    with OnedepApi() as api:
        completed = run(path, tmp_path, api=api)

    assert completed.returncode == 2
    assert "files/2: voxel " in completed.stderr
    assert "Traceback" not in completed.stderr


def test_deposit_sends_the_deposition_its_files_and_their_voxel_values_and_names_the_session(tmp_path):
    path = filled(handoff("emdb-average:et"), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert api.endpoints() == [
        "GET depositions/",  # check_auth_key
        "POST depositions/new",
        *[f"POST depositions/{DEPOSITION_ID}/files/", f"POST depositions/{DEPOSITION_ID}/files/1/metadata"],
        f"POST depositions/{DEPOSITION_ID}/files/",
        *[f"POST depositions/{DEPOSITION_ID}/files/", f"POST depositions/{DEPOSITION_ID}/files/3/metadata"],
        *[f"POST depositions/{DEPOSITION_ID}/files/", f"POST depositions/{DEPOSITION_ID}/files/4/metadata"],
        f"POST depositions/{DEPOSITION_ID}/files/",
        f"POST depositions/{DEPOSITION_ID}/process",
        f"GET depositions/{DEPOSITION_ID}/status",
    ]
    (created,) = [request.json() for request in api.requests if request.path.endswith("depositions/new")]
    assert created == {
        "email": "depositor@example.org",
        "users": [ORCID],
        "country": "United Kingdom",
        "experiments": [{"type": "em", "coordinates": True, "subtype": "subtomogram", "sf_only": True}],
    }
    assert [upload.form("type") for upload in api.uploads()] == ["vo-map", "img-emdb", "half-map", "half-map", "co-cif"]
    assert [upload.form("name") for upload in api.uploads()] == [item["path"] for item in document["files"]]
    voxel = {"spacing": {"x": 1.1, "y": 1.1, "z": 1.1}, "contour": 0.05}
    assert [sent["voxel"] for sent in api.metadata()] == [voxel] * 3
    assert f"Deposition {DEPOSITION_ID} created" in completed.stdout
    assert "Local session " in completed.stdout
    assert "Status: running (upload)" in completed.stdout


def test_an_access_token_alone_is_named_not_a_crash(tmp_path):
    path = filled(handoff("emdb:et"), tmp_path)

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api, ONEDEP_REFRESH_TOKEN=None, ONEDEP_ACCESS_TOKEN="eyJ.x.y")

    assert completed.returncode == 1
    assert "an access token alone does not do" in completed.stderr
    assert "ONEDEP_REFRESH_TOKEN" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert api.endpoints() == []


def test_a_refused_refresh_token_is_named(tmp_path):
    path = filled(handoff("emdb:et"), tmp_path)

    with OnedepApi() as api:
        completed = run(path, tmp_path, "--deposit", api=api, ONEDEP_REFRESH_TOKEN="revoked")

    assert completed.returncode == 1
    assert "OneDep did not accept the credentials" in completed.stderr
    assert api.endpoints() == []


@pytest.mark.parametrize(("endpoint", "status", "message"), [
    ("depositions/new", 500, "OneDep's API answered with an error (HTTP 500"),
    (f"depositions/{DEPOSITION_ID}/files/", 413, "OneDep's API answered with an error (HTTP 413"),
    (f"depositions/{DEPOSITION_ID}/process", 403, "OneDep's API refused the credentials (HTTP 403"),
])  # fmt: skip
def test_an_api_error_is_caught_with_a_clear_message_and_the_session_to_resume(tmp_path, endpoint, status, message):
    path = filled(handoff("emdb:et"), tmp_path)

    with OnedepApi(failing={endpoint: status}) as api:
        completed = run(path, tmp_path, "--deposit", api=api)

    assert completed.returncode == 1
    assert message in completed.stderr
    assert "onedep-lib keeps session " in completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout


def test_an_unreachable_api_is_named(tmp_path):
    path = filled(handoff("emdb:et"), tmp_path)

    with OnedepApi() as api:
        hostname = api.hostname
    completed = run(path, tmp_path, "--deposit", api=api, ONEDEP_HOSTNAME=hostname)  # the port is closed now

    assert completed.returncode == 1
    assert "OneDep did not accept the credentials, or could not be reached at " + hostname in completed.stderr
