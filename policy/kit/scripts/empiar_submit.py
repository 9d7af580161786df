"""Submit an EMPIAR deposition drafted by depositwizard, safely.

Usage (Python 3.8 or later, with empiar-depositor installed: pip install empiar-depositor):

    export EMPIAR_TRANSFER_PASS=...   # the transfer password the EMPIAR team gives you
    python empiar_submit.py --data DATA_FOLDER --ascp PATH_TO_ASCP
    python empiar_submit.py --data DATA_FOLDER --globus YOUR_GLOBUS_ENDPOINT_UUID

The API token is read from the environment variable EMPIAR_TOKEN, or asked for without echo
(create one at https://empiar.org/deposition/api_token).

Before anything leaves your computer, this script refuses to run while deposition.json (next to it) still holds
a placeholder of the draft, or while a folder named in imagesets[].directory is missing from DATA_FOLDER (which
is uploaded as the entry's top-level "data" folder: "data/tilt_series" is DATA_FOLDER/tilt_series). It then runs
empiar-depositor with -s, which creates the deposition and uploads the data but stops before the final submit:
review the entry on https://empiar.org/deposition and submit it there.

Stand-alone on purpose: the standard library only, and never a shell. The deposition's text goes to EMPIAR in
the JSON file, never on a command line.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The draft's placeholders: each valid for EMPIAR's schema, so the draft validates, and each unmistakable here.
PLACEHOLDER = "FILL IN"  # in every text the depositor must write (titles, names, formats, details)
PLACEHOLDER_EMAIL = "fill-in@example.org"
PLACEHOLDER_COUNTRY = "AQ"  # the schema takes only real ISO 3166-1 codes; AQ is Antarctica
PLACEHOLDER_COUNT = 0  # images or tilt series, frames per image
PLACEHOLDER_EMDB = re.compile(r"EMD-0+")  # EMD-0000, EMD-00000…: one per EMDB step the entry cites
COUNT_FIELDS = ("num_images_or_tilt_series", "frames_per_image")
DEPOSITION_FILE = "deposition.json"
DEPOSITOR = "empiar-depositor"
TOKEN_VARIABLE = "EMPIAR_TOKEN"
TRANSFER_PASSWORD_VARIABLE = "EMPIAR_TRANSFER_PASS"
GLOBUS_ENDPOINT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# empiar-depositor pastes the data folder into a shell command without quotes, and the ascp path inside double
# quotes: refuse what a shell would read as more than a path.
SAFE_DATA_PATH = re.compile(r"[A-Za-z0-9._/~+\-]+")
UNSAFE_IN_DOUBLE_QUOTES = re.compile(r'["$`\\\n\r]')


def _walk(value, path="$"):
    """(path, value) for every leaf of a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    else:
        yield path, value


def placeholders_find(document) -> list[str]:
    """One message per placeholder left in the deposition, naming where it is."""
    found = []
    for path, value in _walk(document):
        field = path.rsplit(".", 1)[-1]
        if isinstance(value, str) and PLACEHOLDER in value:
            found.append(f"{path}: replace the text marked {PLACEHOLDER}")
        elif isinstance(value, str) and value.lower() == PLACEHOLDER_EMAIL:
            found.append(f"{path}: give a real e-mail address")
        elif field == "country" and value == PLACEHOLDER_COUNTRY:
            found.append(f"{path}: {PLACEHOLDER_COUNTRY} (Antarctica) is the draft's placeholder: set the country")
        elif isinstance(value, str) and PLACEHOLDER_EMDB.fullmatch(value):
            found.append(f"{path}: {value} stands for an EMD accession: type the real one")
        elif field in COUNT_FIELDS and value == PLACEHOLDER_COUNT and not isinstance(value, bool):
            found.append(f"{path}: give the real count (1 frame per image for single-frame images)")
    if document.get("experiment_type") == 3 and not document.get("cross_references"):
        found.append("$.experiment_type: 3 means raw data of EMDB entries: cite them in cross_references")
    return found


def folders_missing(document, data: Path) -> list[str]:
    """One message per image set whose folder is not in the data folder."""
    missing = []
    for index, imageset in enumerate(document.get("imagesets", [])):
        directory = str(imageset.get("directory", ""))
        parts = directory.split("/")
        if parts[0] != "data" or any(part in ("", ".", "..") for part in parts[1:]) or len(parts) < 2:
            missing.append(f"$.imagesets[{index}].directory: {directory!r} is not a folder under data/")
            continue
        folder = data.joinpath(*parts[1:])
        if not folder.is_dir():
            missing.append(f"$.imagesets[{index}].directory: {directory} has no folder {folder}")
        elif not any(folder.iterdir()):
            missing.append(f"$.imagesets[{index}].directory: {folder} is empty")
    return missing


def command_build(*, depositor: str, token: str, deposition: Path, data: Path, ascp: str, globus: str) -> list[str]:
    """empiar-depositor's argument list: -s first, so that it never submits on its own."""
    transfer = ["-a", ascp] if ascp else ["-g", globus]
    return [depositor, "-s", *transfer, token, str(deposition), str(data)]


def _arguments(argv):
    parser = argparse.ArgumentParser(description="Check, upload and stop before submitting an EMPIAR deposition.")
    parser.add_argument("--data", required=True, help="the folder holding the image set folders")
    transfer = parser.add_mutually_exclusive_group(required=True)
    transfer.add_argument("--ascp", default="", help="path of Aspera's ascp executable")
    transfer.add_argument("--globus", default="", help="your Globus endpoint's UUID")
    parser.add_argument("--json", default="", help=f"the deposition (default: {DEPOSITION_FILE} next to this script)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = _arguments(argv)
    deposition = Path(arguments.json) if arguments.json else Path(__file__).resolve().parent / DEPOSITION_FILE
    data = Path(arguments.data).expanduser().resolve()
    try:
        document = json.loads(deposition.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"Cannot read {deposition}: {error}", file=sys.stderr)
        return 2
    problems = placeholders_find(document)
    if not data.is_dir():
        problems.append(f"--data: {data} is not a folder")
    else:
        problems += folders_missing(document, data)
    if not SAFE_DATA_PATH.fullmatch(str(data)):
        problems.append(
            f"--data: {data} holds characters that empiar-depositor would pass to a shell: use a path of letters, "
            "digits, '.', '_', '-', '+', '~' and '/' (a symbolic link will do)"
        )
    if arguments.ascp and (UNSAFE_IN_DOUBLE_QUOTES.search(arguments.ascp) or not Path(arguments.ascp).is_file()):
        problems.append(f"--ascp: {arguments.ascp} is not the path of an ascp executable")
    if arguments.globus and not GLOBUS_ENDPOINT.fullmatch(arguments.globus):
        problems.append("--globus: give your endpoint's UUID (8-4-4-4-12 hexadecimal digits)")
    if not os.environ.get(TRANSFER_PASSWORD_VARIABLE):
        problems.append(f"{TRANSFER_PASSWORD_VARIABLE} is not set: export it with the EMPIAR team's transfer password")
    depositor = shutil.which(DEPOSITOR)
    if depositor is None:
        problems.append(f"{DEPOSITOR} is not installed: pip install empiar-depositor")
    if problems:
        print(f"Not submitted: {len(problems)} thing(s) to fix first.", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    token = os.environ.get(TOKEN_VARIABLE) or getpass.getpass("EMPIAR API token: ")
    command = command_build(
        depositor=depositor,
        token=token.strip(),
        deposition=deposition.resolve(),
        data=data,
        ascp=arguments.ascp,
        globus=arguments.globus,
    )
    completed = subprocess.run(command, check=False)  # an argument list: no shell reads it
    if completed.returncode == 0:
        print("Uploaded, not submitted: review the entry at https://empiar.org/deposition, then submit it there.")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
