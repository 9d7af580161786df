"""The EMPIAR submission bundle of an EMPIAR step: the deposition draft as deposition.json, the stand-alone script
that checks it and runs empiar-depositor without submitting (policy/kit/scripts/empiar_submit.py, shipped as it is), and
a short README, in one zip.

The script is the one source of the draft's placeholders, so its guard and the draft cannot drift apart.
"""

import io
import json
import zipfile
from pathlib import Path

from policy.engine.archives import ARCHIVES
from policy.kit.drafts.empiar_draft import EmpiarDraft
from policy.kit.scripts import empiar_submit
from policy.stored_result import StoredResult

SCRIPT = "empiar_submit.py"
README = "README.md"
# A fixed time inside the zip, so the same plan and accessions always give the same bytes.
ZIP_TIMESTAMP = (2026, 1, 1, 0, 0, 0)
EXECUTABLE = 0o755
READ_WRITE = 0o644
DEPOSITION_URL = ARCHIVES["empiar"].submit_url
EMPIAR_HELP = ARCHIVES["empiar"].contact
TOKEN_PAGE = ARCHIVES["empiar"].api_token_url


def empiar_bundle_folder(*, draft: EmpiarDraft) -> str:
    return f"empiar-{draft.dataset}"


def _readme(draft: EmpiarDraft, step: int) -> str:
    folders = [imageset["directory"].removeprefix("data/") for imageset in draft.document["imagesets"]]
    lines = [
        f"# EMPIAR deposition of {draft.dataset} (step {step} of your plan)",
        "",
        f"- `{empiar_submit.DEPOSITION_FILE}`: the deposition, in the form of EMPIAR's deposition schema.",
        f"- `{SCRIPT}`: checks it, uploads the data with empiar-depositor and stops before the final submit.",
        "",
        "## 1. Fill the deposition",
        "",
        f"Replace every `{empiar_submit.PLACEHOLDER}`, the e-mail `{empiar_submit.PLACEHOLDER_EMAIL}`, the country "
        f"`{empiar_submit.PLACEHOLDER_COUNTRY}`, the counts `{empiar_submit.PLACEHOLDER_COUNT}` and any all-zero "
        "EMD accession (`EMD-0000`, `EMD-00000`, …). The script refuses to run while one is left.",
        "",
        *[f"- {choice}" for choice in draft.choices],
        "",
        "## 2. Lay out the data",
        "",
        "One folder (DATA below) is uploaded as the entry's `data` folder; it holds one sub-folder per image set:",
        "",
        *[f"- `DATA/{folder}/`" for folder in folders],
        "",
        "With `--ascp` they land as `deposition.json` says (`data/<folder>`). With `--globus`, empiar-depositor "
        f"{empiar_submit.DEPOSITOR_VERSION} has Globus copy DATA itself into the entry's `data` folder "
        "(`data/DATA/<folder>`, DATA being your folder's name): the script then sends EMPIAR the deposition with "
        "those folders named, and says so; `deposition.json` is left as it is.",
        "",
        "## 3. Upload without submitting",
        "",
        f"1. Create an API token at {TOKEN_PAGE}; `export {empiar_submit.TOKEN_VARIABLE}=<token>` (or type it "
        "when asked, which keeps it out of your shell's history).",
        f"2. Ask the EMPIAR team ({EMPIAR_HELP}) for the transfer password; `export "
        f"{empiar_submit.TRANSFER_PASSWORD_VARIABLE}=<password>` (neither the token nor your EMPIAR password).",
        f"3. `{empiar_submit.DEPOSITOR_INSTALL}` (the version the script's checks were written for; it refuses "
        f"another), then `python {SCRIPT} --data DATA --ascp <path of ascp>` (or `--globus <your endpoint UUID>`).",
        "",
        "Before any request, the script checks the deposition against the JSON schema inside empiar-depositor and "
        "lists every placeholder, schema error and missing folder. It runs empiar-depositor in a process of its "
        "own and hands it the token on a pipe: the token is on no command line (`ps` on a shared computer shows "
        "those to everyone) and masked in all it prints. On the Globus route, empiar-depositor passes the transfer "
        "password on the command line of `globus`: on a shared computer, prefer `--ascp`.",
        "",
        f"The script runs empiar-depositor with `-s`: review the entry at {DEPOSITION_URL} and submit it there.",
        "",
    ]
    return "\n".join(lines)


def _write(archive: zipfile.ZipFile, name: str, text: str, mode: int) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100000 | mode) << 16  # a regular file with these permissions
    archive.writestr(info, text.encode("utf-8"))


def empiar_bundle_zip(*, draft: EmpiarDraft, stored: StoredResult) -> bytes:
    """The bundle of one EMPIAR step, its files in a folder named after the dataset."""
    step = stored.numbers[draft.deposition_key]
    folder = empiar_bundle_folder(draft=draft)
    script = Path(empiar_submit.__file__).read_text(encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        deposition = json.dumps(draft.document, indent=2, ensure_ascii=False) + "\n"
        _write(archive, f"{folder}/{empiar_submit.DEPOSITION_FILE}", deposition, READ_WRITE)
        _write(archive, f"{folder}/{SCRIPT}", script, EXECUTABLE)
        _write(archive, f"{folder}/{README}", _readme(draft, step), READ_WRITE)
    return buffer.getvalue()
