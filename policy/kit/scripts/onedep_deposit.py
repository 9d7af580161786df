"""Open a wwPDB OneDep deposition from a depositwizard hand-off file (onedep-<step>.json), the way onedep-lib's own
EM example does it.

    pip install onedep-lib==1.1.0
    python onedep_deposit.py onedep-<step>.json             # checks the hand-off and your files; sends nothing
    python onedep_deposit.py onedep-<step>.json --deposit   # then checks your credentials, creates the deposition
                                                            # and uploads the files

Credentials: onedep-lib talks to OneDep's API with the token pair OneDep issues, and the one it needs is the
refresh token (an access token lasts 30 minutes; onedep-lib renews it with the refresh token, which rotates on
every use, and keeps the new pair in its configuration file). Give it as ONEDEP_REFRESH_TOKEN (with
ONEDEP_ACCESS_TOKEN if you have one), or in onedep-lib's configuration file (~/.config/onedep/config.toml, section
[auths.deposit_wwpdb_org], refresh_token = "..."). An access token alone does not do.

Before anything is sent it refuses: a value still starting with "FILL IN"; an e-mail without "@"; an ORCID iD
whose check digit is wrong (ISO 7064 11,2, as ORCID computes it); a country OneDep does not name; a file path
outside this hand-off's folder, missing, or given twice (also the same content under two names, such as one
file as both half-maps); a map or half-map that is not an MRC/CCP4 map as long as its header says, or without
its voxel size and contour level; an image that is not PNG or JPEG; a model that is not mmCIF with atoms. Then
onedep-lib's own checks run on each file and on the set of files (the ones OneDep requires for the EM subtype).
It prints the local session's id (onedep-lib keeps the session under ~/.onedep/sessions) and, after --deposit,
the deposition's id and status. Nothing you typed is passed to a shell. Then finish in OneDep's web interface.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import struct
import sys
from pathlib import Path

ONEDEP_LIB = "1.1.0"
FILL_IN = "FILL IN"
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
ORCID = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]")
MAP_TYPES = ("vo-map", "half-map")  # map-like files: onedep-lib sends their voxel values
IMAGE, MODEL = "img-emdb", "co-cif"
VOXEL_FIELDS = ("spacing_x", "spacing_y", "spacing_z", "contour")
GZIP = b"\x1f\x8b"
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
MRC_HEADER = 1024
# MRC modes (the MRC2014 format) and the bytes of one voxel: 0 int8, 1 int16, 2 float32, 3 complex int16,
# 4 complex float32, 6 uint16, 12 float16.
MRC_VOXEL_BYTES = {0: 1, 1: 2, 2: 4, 3: 4, 4: 8, 6: 2, 12: 2}
STATUS_CODES = {401: "refused the credentials", 403: "refused the credentials", 404: "has no such deposition"}


def placeholders(value, path: str = "") -> list[str]:
    """Where a placeholder (a value starting with FILL IN) remains, as paths into the document."""
    if isinstance(value, str):
        return [path or "."] if value.lstrip().upper().startswith(FILL_IN) else []
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in placeholders(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in placeholders(item, f"{path}/{index}")]
    return []


def orcid_valid(orcid: str) -> bool:
    """The ORCID iD's form and its check digit (ISO 7064 11,2 over the first 15 digits; 10 is written X)."""
    if not isinstance(orcid, str) or not ORCID.fullmatch(orcid):
        return False
    digits = orcid.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _compressed(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(2) == GZIP


def _opened(path: Path):
    """The file's bytes as OneDep reads them: gzip-compressed files uncompressed."""
    return gzip.open(path, "rb") if _compressed(path) else path.open("rb")


def map_problem(path: Path) -> str | None:
    """Why this is not an MRC/CCP4 map, or None. The header's "MAP " and sizes; for an uncompressed file, its
    length against what the header says it holds."""
    with _opened(path) as file:
        header = file.read(MRC_HEADER)
    if len(header) < MRC_HEADER:
        return f"{len(header)} bytes, shorter than the {MRC_HEADER}-byte header of an MRC/CCP4 map"
    if header[208:212] != b"MAP ":
        return 'no "MAP " at byte 208: not an MRC/CCP4 map'
    order = ">" if header[212] == 0x11 else "<"  # the machine stamp: 0x11 big-endian, 0x44 (or 0x41) little
    nx, ny, nz, mode = struct.unpack_from(f"{order}4i", header, 0)
    (extended,) = struct.unpack_from(f"{order}i", header, 92)
    if min(nx, ny, nz) < 1 or mode not in MRC_VOXEL_BYTES or extended < 0:
        return f"its header says {nx}×{ny}×{nz} voxels of mode {mode}: not a map OneDep reads"
    expected = MRC_HEADER + extended + nx * ny * nz * MRC_VOXEL_BYTES[mode]
    if not _compressed(path) and path.stat().st_size < expected:
        return f"{path.stat().st_size} bytes, but its header says {nx}×{ny}×{nz} voxels ({expected} bytes)"
    return None


def image_problem(path: Path) -> str | None:
    with path.open("rb") as file:
        start = file.read(8)
    if any(start.startswith(signature) for signature in IMAGE_SIGNATURES):
        return None
    return "not a PNG or JPEG image"


def model_problem(path: Path) -> str | None:
    with _opened(path) as file:
        text = file.read(1 << 20).decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines or not lines[0].startswith("data_"):
        return "not an mmCIF file (it does not open with a data_ block)"
    if "_atom_site." not in text:
        return "an mmCIF file without _atom_site: no atoms in it"
    return None


CONTENT_CHECKS = {"vo-map": map_problem, "half-map": map_problem, IMAGE: image_problem, MODEL: model_problem}


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_problems(files, folder: Path) -> list[str]:
    """Each file: inside the hand-off's folder, there, given once, its content of its kind, its voxel values."""
    from onedep_lib import FileType

    if not isinstance(files, list) or not files:
        return ["files: the hand-off lists no files"]
    found, seen = [], {}
    for index, item in enumerate(files):
        where = f"files/{index}"
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"].strip():
            found.append(f"{where}: give the file's path")
            continue
        kind, relative = item.get("type"), item["path"]
        try:
            FileType(kind)
        except ValueError:
            found.append(f"{where}: {kind!r} is not a OneDep file type")
            continue
        try:
            path = (folder / relative).resolve()
            if not path.is_relative_to(folder):
                found.append(f"{where}: {relative!r} is outside {folder}: put the file in the hand-off's folder")
                continue
            if not path.is_file():
                found.append(f"{where}: {kind} file {relative!r} not found in {folder}")
                continue
            if path in seen:
                found.append(f"{where}: {relative!r} is already given as {seen[path]}: each file once")
                continue
            seen[path] = f"files/{index} ({kind})"
            problem = CONTENT_CHECKS.get(kind, lambda _: None)(path)
        except OSError as error:
            found.append(f"{where}: {relative!r}: {error.strerror or error}")
            continue
        if problem:
            found.append(f"{where}: {kind} file {relative!r}: {problem}")
        if kind in MAP_TYPES:
            voxel = item.get("voxel")
            voxel = voxel if isinstance(voxel, dict) else {}
            wrong = [name for name in VOXEL_FIELDS if not _number(voxel.get(name))]
            wrong += [name for name in VOXEL_FIELDS[:3] if name not in wrong and voxel[name] <= 0]
            if wrong:
                found.append(f"{where}: voxel {', '.join(wrong)}: give numbers (spacing in Å, above 0; the contour)")
    found += _same_content(seen)
    return found


def _same_content(seen: dict) -> list[str]:
    """Two entries with the same bytes under different names (a half-map copied as the other one)."""
    by_size: dict[int, list[Path]] = {}
    for path in seen:
        by_size.setdefault(path.stat().st_size, []).append(path)
    found, first = [], {}
    for paths in by_size.values():
        for path in paths if len(paths) > 1 else []:
            digest = _digest(path)
            if digest in first:
                found.append(f"{seen[path]}: the same content as {seen[first[digest]]}: each file once")
            else:
                first[digest] = path
    return found


def problems(document, folder: Path) -> list[str]:
    """What stops a deposition from this hand-off, before anything is sent."""
    from onedep_lib import Country, EMSubType, ExperimentType

    if not isinstance(document, dict):
        return ["the hand-off is not a JSON object: download it again from your plan"]
    found = [f"{FILL_IN} remains at {where}" for where in placeholders(document)]
    if found:
        return found
    if not isinstance(document.get("email"), str) or not EMAIL.fullmatch(document["email"]):
        found.append(f"email: {document.get('email')!r} is not an e-mail address")
    orcids = document.get("orcids")
    if not isinstance(orcids, list) or not orcids:
        found.append("orcids: give the ORCID iD of each person to have access")
    else:
        found += [
            f"orcids: {orcid!r} is not an ORCID iD (its form or its check digit is wrong)"
            for orcid in orcids
            if not orcid_valid(orcid)
        ]
    try:
        Country(document.get("country"))
    except ValueError:
        found.append(f"country: {document.get('country')!r} is not a country as OneDep names it (onedep_lib.Country)")
    for field, kind in (("experiment_type", ExperimentType), ("em_subtype", EMSubType)):
        try:
            kind(document.get(field))
        except ValueError:
            found.append(f"{field}: {document.get(field)!r} is not OneDep's: download the hand-off again")
    if not isinstance(document.get("coordinates"), bool):
        found.append("coordinates: true or false: download the hand-off again")
    return found + file_problems(document.get("files"), folder)


def report_print(label: str, report) -> None:
    """A check's report as onedep-lib's example prints it."""
    print(f"  [{'OK' if report.ok else 'ISSUES FOUND'}] {label}")
    for issue in report.issues:
        print(f"    {issue.severity.value.upper()}: [{issue.code}] {issue.message}")


def deposition_open(document: dict, folder: Path, *, config):
    """A local OneDep session holding the hand-off's files, with the voxel values of its maps; and each file of
    the hand-off with its id in the session."""
    from onedep_lib import Country, EMSubType, ExperimentType, FileType, deposit_init

    deposition = deposit_init(
        email=document["email"],
        users=list(document["orcids"]),
        country=Country(document["country"]),
        config=config,
        experiment_type=ExperimentType(document["experiment_type"]),
        em_subtype=EMSubType(document["em_subtype"]),
        coordinates=bool(document["coordinates"]),
    )
    registered = []
    for item in document["files"]:
        file_id = deposition.add_file(str((folder / item["path"]).resolve()), FileType(item["type"]))
        if item["type"] in MAP_TYPES:
            deposition.set_voxel_values(file_id, **{name: float(item["voxel"][name]) for name in VOXEL_FIELDS})
        registered.append((item, file_id))
    return deposition, registered


def files_check(deposition, document: dict, registered: list[tuple[dict, str]]) -> bool:
    """onedep-lib's own checks, per file and on the set of files, printed as its example prints them."""
    from onedep_lib import FileType

    ok = True
    for item, file_id in registered:
        label = f"{item['type']} {item['path']}"
        reports = [(f"check_file_type ({label})", deposition.check_file_type(file_id, FileType(item["type"])))]
        if item["type"] == MODEL:
            reports += [
                (f"check_mmcif_file ({label})", deposition.check_mmcif_file(file_id)),
                (f"check_mmcif_category ({label}, _atom_site)", deposition.check_mmcif_category(file_id, "_atom_site")),
            ]
        for name, report in reports:
            report_print(name, report)
            ok = ok and report.ok
    report = deposition.check_required_files()
    report_print(f"check_required_files ({document['em_subtype']})", report)
    return ok and report.ok


def error_explained(error) -> str:
    """An onedep-lib error as the depositor can act on it."""
    from onedep_lib import ApiUnreachableError
    from onedep_lib.exceptions import AuthError, ConfigError

    if isinstance(error, AuthError):
        return f"OneDep refused the credentials: {error}"
    if isinstance(error, ConfigError):
        return f"onedep-lib's configuration: {error}"
    if isinstance(error, ApiUnreachableError):
        return f"OneDep's API could not be reached ({error}); check the network and try again"
    status = getattr(error, "status_code", None)
    meaning = STATUS_CODES.get(status, "answered with an error")
    return f"OneDep's API {meaning} (HTTP {status}: {error})"


def credentials_problem(config) -> str | None:
    """Why onedep-lib has no credentials to deposit with, before it is asked to."""
    from onedep_lib import check_auth_key

    stored = config.refresh_token or config.read_auth_entries()
    if not stored:
        if config.access_token:
            return (
                "an access token alone does not do: onedep-lib needs the refresh token of the pair OneDep issued "
                "(ONEDEP_REFRESH_TOKEN, or refresh_token in onedep-lib's configuration file)"
            )
        return "no OneDep credentials: set ONEDEP_REFRESH_TOKEN (the refresh token of the pair OneDep issued)"
    if not check_auth_key(config):
        return f"OneDep did not accept the credentials, or could not be reached at {config.hostname}"
    return None


def deposition_send(deposition) -> int:
    from onedep_lib import DepositStatus, OneDepError

    try:
        deposition_id = deposition.deposit()
    except OneDepError as error:
        print(f"Not deposited: {error_explained(error)}.", file=sys.stderr)
        print(f"Nothing is lost: onedep-lib keeps session {deposition.session_id} to resume.", file=sys.stderr)
        return 1
    print(f"Deposition {deposition_id} created: {deposition.site_url or 'see OneDep'}")
    try:
        status = deposition.get_status()
    except OneDepError as error:
        print(f"Its status could not be read: {error_explained(error)}.")
    else:
        shown = f"{status.status} ({status.step})" if isinstance(status, DepositStatus) else status.message
        print(f"Status: {shown}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handoff", type=Path, help="the onedep-<step>.json file from your deposition plan")
    parser.add_argument("--deposit", action="store_true", help="create the deposition and upload the files")
    arguments = parser.parse_args(argv)
    try:
        from onedep_lib import OneDepError
        from onedep_lib.config import DepositConfig
    except ImportError as error:
        print(f"onedep-lib cannot be imported ({error}): pip install onedep-lib=={ONEDEP_LIB}", file=sys.stderr)
        return 2
    try:
        document = json.loads(arguments.handoff.read_text(encoding="utf-8"))
        folder = arguments.handoff.resolve().parent
    except (OSError, ValueError) as error:
        print(f"Cannot read {arguments.handoff}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 2
    found = problems(document, folder)
    if found:
        print("Not ready:", *found, sep="\n  ", file=sys.stderr)
        return 2
    try:
        config = DepositConfig.load()
        if arguments.deposit:
            refused = credentials_problem(config)
            if refused:
                print(f"Not deposited: {refused}.", file=sys.stderr)
                return 1
        deposition, registered = deposition_open(document, folder, config=config)
        with deposition:
            print(f"Local session {deposition.session_id} (onedep-lib keeps it in {config.session_dir})")
            if not files_check(deposition, document, registered):
                print("OneDep would refuse these files: see the issues above.", file=sys.stderr)
                return 1
            if not arguments.deposit:
                print("Ready: the files are the ones OneDep requires. Run again with --deposit to deposit them.")
                return 0
            returncode = deposition_send(deposition)
    except OneDepError as error:
        print(f"Not deposited: {error_explained(error)}.", file=sys.stderr)
        return 1
    if returncode:
        return returncode
    later = document.get("in_the_web_interface")
    for entry in later.get("related_depositions", []) if isinstance(later, dict) else []:
        if isinstance(entry, dict):
            entry_named = f"{entry.get('archive')} {entry.get('accession')}"
            print(f"In OneDep's web interface, under Related depositions: {entry_named}")
    print("Finish the deposition in OneDep's web interface.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
