"""Submit an EMPIAR deposition drafted by depositwizard, safely.

Usage (Python 3.8 or later):

    pip install empiar-depositor==1.6b30 jsonschema
    export EMPIAR_TRANSFER_PASS=...   # the transfer password the EMPIAR team gives you
    python empiar_submit.py --data DATA_FOLDER --ascp PATH_TO_ASCP
    python empiar_submit.py --data DATA_FOLDER --globus YOUR_GLOBUS_ENDPOINT_UUID

The API token is read from the environment variable EMPIAR_TOKEN, or asked for without echo
(create one at https://empiar.org/deposition/api_token).

Before anything leaves your computer, this script refuses to run while deposition.json (next to it) still holds
a placeholder of the draft, fails the JSON schema shipped inside empiar-depositor, or names in
imagesets[].directory a folder missing from DATA_FOLDER (which is uploaded as the entry's top-level "data"
folder: "data/tilt_series" is DATA_FOLDER/tilt_series). It then runs empiar-depositor with -s, which creates the
deposition and uploads the data but stops before the final submit: review the entry on
https://empiar.org/deposition and submit it there.

Written for empiar-depositor 1.6b30, whose shell commands the guard knows: it refuses any other version. That
version runs ascp and the globus CLI through a shell, pasting in the data folder and, on the Globus route, the
transfer password; so the folder must be a plain path, and the password is handed over quoted for the shell.
With --globus, empiar-depositor copies the data folder itself into the entry's "data" folder (the image sets land
in data/<DATA_FOLDER's name>/tilt_series): the deposition sent then names the folders there; deposition.json is
left as it is.

empiar-depositor runs in a process of its own, from its Python entry point; the token reaches it on a pipe, never
on a command line (which `ps` shows to every user of a shared host), and is masked in everything it prints.
Stand-alone on purpose: the standard library, and jsonschema to read empiar-depositor's schema; never a shell.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from importlib import metadata, util
from pathlib import Path

# The draft's placeholders: each valid for EMPIAR's schema, so the draft validates, and each unmistakable here.
PLACEHOLDER = "FILL IN"  # in every text the depositor must write (titles, names, formats, details)
PLACEHOLDER_EMAIL = "fill-in@example.org"
PLACEHOLDER_COUNTRY = "AQ"  # the schema takes only real ISO 3166-1 codes; AQ is Antarctica
PLACEHOLDER_COUNT = 0  # images or tilt series, frames per image
PLACEHOLDER_EMDB = re.compile(r"EMD-0+")  # EMD-0000, EMD-00000…: one per EMDB step the entry cites
# The schema's experiment types (empiar_deposition.schema.json, "Type of the EMPIAR entry").
EXPERIMENT_TYPES = {
    1: "soft X-ray tomography",
    2: "simulated data",
    3: "raw image data relating to structures deposited to EMDB",
    4: "serial block-face SEM (SBF-SEM)",
    5: "focused ion beam SEM (FIB-SEM)",
    6: "integrative hybrid modelling data",
    7: "correlative light-electron microscopy",
    8: "correlative light X-ray microscopy",
    9: "microcrystal electron diffraction",
    11: "ATUM-SEM",
    12: "hard X-ray or X-ray microCT",
    13: "serial-section electron tomography (ssET)",
}
# Where the answers do not say which type fits (a method answered "other", or not asked): simulated data, which
# EMPIAR takes only with its permission asked before deposition and which the draft never means.
PLACEHOLDER_EXPERIMENT_TYPE = 2
COUNT_FIELDS = ("num_images_or_tilt_series", "frames_per_image")
DEPOSITION_FILE = "deposition.json"
DEPOSITOR = "empiar-depositor"
DEPOSITOR_VERSION = "1.6b30"  # the version whose shell commands and upload paths this script was written for
DEPOSITOR_INSTALL = f"pip install {DEPOSITOR}=={DEPOSITOR_VERSION} jsonschema"
SCHEMA_FILE = "empiar_deposition.schema.json"  # inside the empiar_depositor package
TOKEN_VARIABLE = "EMPIAR_TOKEN"
TRANSFER_PASSWORD_VARIABLE = "EMPIAR_TRANSFER_PASS"
GLOBUS_ENDPOINT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# empiar-depositor pastes the data folder into a shell command without quotes, and the ascp path inside double
# quotes: refuse what a shell would read as more than a path.
SAFE_DATA_PATH = re.compile(r"[A-Za-z0-9._/~+\-]+")
UNSAFE_IN_DOUBLE_QUOTES = re.compile(r'["$`\\\n\r]')
# On Windows the shell is cmd.exe, whose quoting no function of the standard library writes: there the password
# must be one plain word.
PLAIN_WORD = re.compile(r"[A-Za-z0-9._+@:/\-]+")
TOKEN = re.compile(r"[\x21-\x7e]+")  # one printable word: it goes into an HTTP header
MASK = "****"


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
    experiment_type = document.get("experiment_type")
    if experiment_type == PLACEHOLDER_EXPERIMENT_TYPE:
        found.append(
            f"$.experiment_type: {PLACEHOLDER_EXPERIMENT_TYPE} is the draft's placeholder: choose the type that "
            "describes your data (README.md names the ones that may fit)"
        )
    if experiment_type == 3 and not document.get("cross_references"):
        found.append("$.experiment_type: 3 means raw data of EMDB entries: cite them in cross_references")
    return found


def _kind(path: Path) -> str:
    """ "folder", "file" or "missing"; OSError (a name too long for the file system, say) goes to the caller."""
    if path.is_dir():
        return "folder"
    return "file" if path.exists() else "missing"


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
        try:
            if _kind(folder) != "folder":
                missing.append(f"$.imagesets[{index}].directory: {directory} has no folder {folder}")
            elif not any(folder.iterdir()):
                missing.append(f"$.imagesets[{index}].directory: {folder} is empty")
        except OSError as error:
            missing.append(f"$.imagesets[{index}].directory: {directory}: {error.strerror}")
    return missing


def depositor_problem() -> str | None:
    """Why the installed empiar-depositor is not the one this script was written for, if it is not."""
    try:
        installed = metadata.version(DEPOSITOR)
    except metadata.PackageNotFoundError:
        return f"{DEPOSITOR} is not installed: {DEPOSITOR_INSTALL}"
    if installed != DEPOSITOR_VERSION:
        return (
            f"this script was written for {DEPOSITOR} {DEPOSITOR_VERSION} (this Python has {installed}), whose shell "
            f"commands it guards: {DEPOSITOR_INSTALL}"
        )
    return None


def schema_errors(document) -> list[str]:
    """One message per place where the deposition fails the schema shipped inside empiar-depositor."""
    try:
        import jsonschema
    except ImportError:
        return [f"jsonschema is not installed, so the deposition cannot be checked against EMPIAR's schema: "
                f"{DEPOSITOR_INSTALL}"]  # fmt: skip
    package = util.find_spec("empiar_depositor")
    schema = json.loads(Path(package.origin).with_name(SCHEMA_FILE).read_text(encoding="utf-8"))
    # The schema names the moving "http://json-schema.org/schema#"; draft 7 is the draft its keywords belong to.
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda error: [str(part) for part in error.absolute_path])
    return [f"{error.json_path}: {_shortened(error.message)}" for error in errors]


def _shortened(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def transfer_password_for_shell(*, password: str, posix: bool) -> str | None:
    """The transfer password as empiar-depositor's Globus route must be given it, or None where that cannot be
    done safely: it pastes EMPIAR_TRANSFER_PASS into a shell command (`--myproxy-password %s`), so on POSIX the
    password goes in quoted for /bin/sh, which hands globus the password as typed."""
    if posix:
        return shlex.quote(password)
    return password if PLAIN_WORD.fullmatch(password) else None


def globus_document(document, *, data: Path):
    """The deposition as sent on the Globus route: empiar-depositor 1.6b30 has Globus copy the data folder itself
    into the entry's data folder (data/<its name>/), so each image set's directory says so."""
    sent = json.loads(json.dumps(document))
    for imageset in sent.get("imagesets", []):
        imageset["directory"] = f"data/{data.name}/" + str(imageset["directory"])[len("data/") :]
    return sent


def depositor_arguments(*, deposition: Path, data: Path, ascp: str, globus: str) -> list[str]:
    """empiar-depositor's arguments but the token: -s first, so that it never submits on its own."""
    transfer = ["-a", ascp] if ascp else ["-g", globus]
    return ["-s", *transfer, str(deposition), str(data)]


# What the child process runs: empiar-depositor's own entry point, given the token read from its standard input
# ("--" keeps a token that starts with "-" a token). Its Globus wait writes bytes to sys.stdout, a TypeError under
# Python 3 as soon as globus prints: they are decoded instead.
DEPOSITOR_RUNNER = """
import sys
from empiar_depositor.empiar_depositor import main


class Output:
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


sys.stdout = Output(sys.stdout)
token = sys.stdin.readline().strip()
sys.exit(main([*sys.argv[1:-2], "--", token, *sys.argv[-2:]]))
"""


def masked(text: str, secrets: list[str]) -> str:
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def depositor_run(*, arguments: list[str], token: str, environment: dict, secrets: list[str]) -> int:
    """empiar-depositor in a process of its own, the token on its standard input, its output shown with every
    secret masked (it echoes its arguments, token included)."""
    process = subprocess.Popen(  # an argument list: no shell reads it
        [sys.executable, "-c", DEPOSITOR_RUNNER, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
    )
    try:
        process.stdin.write(token.encode("utf-8") + b"\n")
        process.stdin.close()
    except BrokenPipeError:
        pass  # it stopped before reading: its output says why
    for line in process.stdout:
        sys.stdout.write(masked(line.decode("utf-8", "replace"), secrets))
        sys.stdout.flush()
    return process.wait()


def _arguments(argv):
    parser = argparse.ArgumentParser(description="Check, upload and stop before submitting an EMPIAR deposition.")
    parser.add_argument("--data", required=True, help="the folder holding the image set folders")
    transfer = parser.add_mutually_exclusive_group(required=True)
    transfer.add_argument("--ascp", default="", help="path of Aspera's ascp executable")
    transfer.add_argument("--globus", default="", help="your Globus endpoint's UUID")
    parser.add_argument("--json", default="", help=f"the deposition (default: {DEPOSITION_FILE} next to this script)")
    return parser.parse_args(argv)


def problems_find(arguments, document, data: Path) -> list[str]:
    """Everything that stops the deposition, found before anything leaves the computer."""
    problems = placeholders_find(document)
    depositor = depositor_problem()
    problems += [depositor] if depositor else schema_errors(document)
    try:
        kind = _kind(data)
    except OSError as error:
        problems.append(f"--data: {data}: {error.strerror}")
    else:
        if kind == "folder":
            problems += folders_missing(document, data)
        else:
            problems.append(f"--data: {data} is not a folder")
    if not SAFE_DATA_PATH.fullmatch(str(data)):
        problems.append(
            f"--data: {data} holds characters that empiar-depositor would pass to a shell: use a path of letters, "
            "digits, '.', '_', '-', '+', '~' and '/' (a symbolic link will do)"
        )
    if arguments.ascp:
        try:
            is_ascp = not UNSAFE_IN_DOUBLE_QUOTES.search(arguments.ascp) and _kind(Path(arguments.ascp)) == "file"
        except OSError as error:
            problems.append(f"--ascp: {arguments.ascp}: {error.strerror}")
        else:
            if not is_ascp:
                problems.append(f"--ascp: {arguments.ascp} is not the path of an ascp executable")
    if arguments.globus and not GLOBUS_ENDPOINT.fullmatch(arguments.globus):
        problems.append("--globus: give your endpoint's UUID (8-4-4-4-12 hexadecimal digits)")
    password = os.environ.get(TRANSFER_PASSWORD_VARIABLE)
    if not password:
        problems.append(f"{TRANSFER_PASSWORD_VARIABLE} is not set: export it with the EMPIAR team's transfer password")
    elif arguments.globus and transfer_password_for_shell(password=password, posix=os.name == "posix") is None:
        problems.append(
            f"{TRANSFER_PASSWORD_VARIABLE} holds characters that empiar-depositor's Globus route would hand to the "
            "Windows shell: upload with --ascp, or ask the EMPIAR team for a password of letters and digits"
        )
    return problems


def main(argv=None) -> int:
    arguments = _arguments(argv)
    deposition = Path(arguments.json) if arguments.json else Path(__file__).resolve().parent / DEPOSITION_FILE
    data = Path(os.path.abspath(os.path.expanduser(arguments.data)))
    try:
        document = json.loads(deposition.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"Cannot read {deposition}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 2
    problems = problems_find(arguments, document, data)
    if problems:
        print(f"Not submitted: {len(problems)} thing(s) to fix first.", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    token = (os.environ.get(TOKEN_VARIABLE) or getpass.getpass("EMPIAR API token: ")).strip()
    if not TOKEN.fullmatch(token):
        print(f"Not submitted: {TOKEN_VARIABLE} is not an API token (one printable word).", file=sys.stderr)
        return 1
    password = os.environ[TRANSFER_PASSWORD_VARIABLE]
    environment = {name: value for name, value in os.environ.items() if name != TOKEN_VARIABLE}
    secrets = [token, password]
    with tempfile.TemporaryDirectory() as scratch:
        sent = deposition.resolve()
        if arguments.globus:
            quoted = transfer_password_for_shell(password=password, posix=os.name == "posix")
            environment[TRANSFER_PASSWORD_VARIABLE] = quoted
            secrets.append(quoted)
            sent = Path(scratch) / DEPOSITION_FILE
            sent.write_text(json.dumps(globus_document(document, data=data), ensure_ascii=False), encoding="utf-8")
            print(
                f"Globus copies {data.name}/ itself into the entry's data folder: the deposition sent names the image "
                f"sets' folders data/{data.name}/… ({DEPOSITION_FILE} is left as it is)."
            )
        returncode = depositor_run(
            arguments=depositor_arguments(deposition=sent, data=data, ascp=arguments.ascp, globus=arguments.globus),
            token=token,
            environment=environment,
            secrets=secrets,
        )
    if returncode == 0:
        print("Uploaded, not submitted: review the entry at https://empiar.org/deposition, then submit it there.")
    return returncode


if __name__ == "__main__":
    sys.exit(main())
