"""Open a wwPDB OneDep deposition from a depositwizard hand-off file (onedep-<step>.json).

    pip install onedep-lib==1.1.0
    python onedep_deposit.py onedep-<step>.json             # checks the file and your data; deposits nothing
    python onedep_deposit.py onedep-<step>.json --deposit   # then creates the deposition and uploads the files

It refuses to run while any value still starts with "FILL IN", checks the ORCID iDs, the country and that every
file exists (paths relative to the hand-off file's folder), and lets onedep-lib check that the files are the ones
OneDep requires for the EM subtype. Credentials: onedep-lib reads them from its configuration or ONEDEP_ACCESS_TOKEN.
Nothing you typed is passed to a shell. After --deposit, finish the deposition in OneDep's web interface.
"""

import argparse
import json
import re
import sys
from pathlib import Path

FILL_IN = "FILL IN"
ORCID = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]")


def placeholders(value, path: str = "") -> list[str]:
    """Where a placeholder (a value starting with FILL IN) remains, as paths into the document."""
    if isinstance(value, str):
        return [path or "."] if value.lstrip().upper().startswith(FILL_IN) else []
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in placeholders(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in placeholders(item, f"{path}/{index}")]
    return []


def problems(document: dict, folder: Path) -> list[str]:
    """What stops a deposition from this hand-off, before anything is sent."""
    from onedep_lib import Country

    found = [f"{FILL_IN} remains at {where}" for where in placeholders(document)]
    if found:
        return found
    if "@" not in document["email"]:
        found.append(f"email: {document['email']!r} is not an e-mail address")
    found += [f"orcids: {orcid!r} is not an ORCID iD" for orcid in document["orcids"] if not ORCID.fullmatch(orcid)]
    try:
        Country(document["country"])
    except ValueError:
        found.append(f"country: {document['country']!r} is not a country as OneDep names it (onedep_lib.Country)")
    for item in document["files"]:
        if not (folder / item["path"]).is_file():
            found.append(f"files: {item['type']} file {item['path']!r} not found in {folder}")
    return found


def deposition_open(document: dict, folder: Path, *, config, **hooks):
    """A local OneDep session holding the hand-off's files (hooks: onedep-lib's own test overrides)."""
    from onedep_lib import Country, EMSubType, ExperimentType, FileType, deposit_init

    deposition = deposit_init(
        email=document["email"],
        users=list(document["orcids"]),
        country=Country(document["country"]),
        config=config,
        experiment_type=ExperimentType(document["experiment_type"]),
        em_subtype=EMSubType(document["em_subtype"]),
        coordinates=bool(document["coordinates"]),
        **hooks,
    )
    for item in document["files"]:
        deposition.add_file(str(folder / item["path"]), FileType(item["type"]))
    return deposition


def main(argv: list[str] | None = None, *, config=None, **hooks) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("handoff", type=Path, help="the onedep-<step>.json file from your deposition plan")
    parser.add_argument("--deposit", action="store_true", help="create the deposition and upload the files")
    arguments = parser.parse_args(argv)
    document = json.loads(arguments.handoff.read_text(encoding="utf-8"))
    folder = arguments.handoff.resolve().parent
    found = problems(document, folder)
    if found:
        print("Not ready:", *found, sep="\n  ", file=sys.stderr)
        return 2
    if config is None:
        from onedep_lib.config import DepositConfig

        config = DepositConfig.load()
    with deposition_open(document, folder, config=config, **hooks) as deposition:
        report = deposition.check_required_files()
        if not report.ok:
            print("OneDep would refuse these files:", *(issue.message for issue in report.issues), sep="\n  ")
            return 1
        if not arguments.deposit:
            print("Ready: the files are the ones OneDep requires. Run again with --deposit to deposit them.")
            return 0
        deposition_id = deposition.deposit()
        print(f"Deposition {deposition_id} created: {deposition.site_url or 'see OneDep'}")
    related = document.get("in_the_web_interface", {}).get("related_depositions", [])
    for entry in related:
        print(f"In OneDep's web interface, under Related depositions: {entry['archive']} {entry['accession']}")
    print("Finish the deposition in OneDep's web interface.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
