"""A hand-off to wwPDB OneDep per EMDB step: what its deposition API can be told before the web interface takes
over (the EM subtype, whether a model goes in the same session, the files to upload with their OneDep file types,
the voxel size and contour level of the map and half-maps),
as a JSON file that `kit/scripts/onedep_deposit.py` reads with `onedep-lib`, the wwPDB's own client.

What the API cannot take stays for the web interface and is said so in the file: the related entries (the
facade's `deposit()` sends no related EMDB id) and everything beyond the files (sample, microscopy, processing).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.kit.accessions.entered import AccessionsEntered
from policy.stored_result import step_numbers

FILL_IN = "FILL IN"
SCRIPT_NAME = "onedep_deposit.py"
# OneDep's file types (onedep_lib.enums.FileType values) for what an EMDB entry holds.
MAP, IMAGE, HALF_MAP, MODEL = "vo-map", "img-emdb", "half-map", "co-cif"
# OneDep's EM subtypes (onedep_lib.enums.EMSubType values) and whether each needs two half-maps (the package's
# required_files.json: single, helical and subtomogram do).
SUBTYPES = {"single": True, "subtomogram": True, "tomography": False}
AVERAGE_ROUTE = "emdb-average"


@dataclass(frozen=True, slots=True)
class OnedepHandoff:
    deposition_key: str
    number: int
    dataset: str
    document: dict

    @property
    def slug(self) -> str:
        # Deposition keys are a route and dataset labels ([A-Za-z0-9_-]), joined by a colon.
        return self.deposition_key.replace(":", "-")

    @property
    def filename(self) -> str:
        return f"onedep-{self.slug}.json"


def _subtype(deposition: Mapping, dataset: Mapping) -> str | None:
    if deposition["key"].split(":", 1)[0] == AVERAGE_ROUTE:
        return "subtomogram"
    return {"cryo_et": "tomography", "single_particle": "single"}.get(dataset.get("em_method"))


def _voxel(what: str) -> dict:
    """The voxel values onedep-lib sends with each map-like file (its `set_voxel_values`)."""
    spacing = f"{FILL_IN}: the {what}'s voxel size along {{}}, in Å (a number)"
    return {
        **{f"spacing_{axis}": spacing.format(axis) for axis in "xyz"},
        "contour": f"{FILL_IN}: the {what}'s recommended contour level (a number)",
    }


def _files(subtype: str, coordinates: bool) -> list[dict]:
    files = [
        {
            "type": MAP,
            "path": f"{FILL_IN}: the primary map (MRC/CCP4), relative to this file's folder",
            "voxel": _voxel("primary map"),
        },
        {"type": IMAGE, "path": f"{FILL_IN}: the entry's image (PNG or JPEG)"},
    ]
    if SUBTYPES[subtype]:
        files += [
            {"type": HALF_MAP, "path": f"{FILL_IN}: half-map {n}", "voxel": _voxel(f"half-map {n}")} for n in (1, 2)
        ]
    if coordinates:
        files.append({"type": MODEL, "path": f"{FILL_IN}: the atomic model (mmCIF)"})
    return files


def _related(deposition: Mapping, plan: Mapping, accessions: AccessionsEntered, numbers: dict[str, int]) -> list:
    """The other EMDB entries of the same dataset, for OneDep's "Related depositions" in the web interface."""
    related = []
    for other in plan["depositions"]:
        if other["archive"] != "emdb" or other["key"] == deposition["key"]:
            continue
        if not set(other["datasets"]) & set(deposition["datasets"]):
            continue
        typed = accessions.of(other["key"])
        related += [{"archive": "EMDB", "accession": accession} for accession in typed] or [
            {"archive": "EMDB", "accession": f"the EMD accession of step {numbers[other['key']]}, not entered yet"}
        ]
    return related


def onedep_handoffs(*, plan: Mapping, answers: Mapping, accessions: AccessionsEntered) -> tuple[OnedepHandoff, ...]:
    """One hand-off per EMDB step whose map type OneDep's API names; a PDB model cited by that step's map goes
    in the same session (coordinates), so PDB steps get none of their own."""
    numbers = step_numbers(plan=plan)
    by_id = {dataset["id"]: dataset for dataset in answers["datasets"]}
    modelled = {
        cited
        for item in plan["linking"]
        if item["in"].startswith("pdb:")
        for cited in item["cites"]
        if cited.startswith(("emdb:", f"{AVERAGE_ROUTE}:"))
    }
    handoffs = []
    for deposition in plan["depositions"]:
        if deposition["archive"] != "emdb" or len(deposition["datasets"]) != 1:
            continue
        dataset_id = deposition["datasets"][0]
        subtype = _subtype(deposition, by_id.get(dataset_id, {}))
        if subtype is None:
            continue
        coordinates = deposition["key"] in modelled
        document = {
            "about": (
                f"wwPDB OneDep hand-off for step {numbers[deposition['key']]} ({dataset_id}), made by depositwizard. "
                f"Replace every value that starts with {FILL_IN}, put the files in this file's folder, then run: "
                f"python {SCRIPT_NAME} <this file> (it checks; add --deposit to create the deposition and upload "
                "the files, with the refresh token of the pair OneDep issued in ONEDEP_REFRESH_TOKEN). Then finish "
                "the deposition in OneDep's web interface."
            ),
            "what": "; ".join(item["what"] for item in deposition["contents"]),
            "experiment_type": "em",
            "em_subtype": subtype,
            "coordinates": coordinates,
            "email": f"{FILL_IN}: the depositor's e-mail",
            "orcids": [f"{FILL_IN}: the ORCID iD of each person to have access (0000-0000-0000-0000)"],
            "country": f"{FILL_IN}: the depositor's country, as OneDep names it (e.g. United Kingdom)",
            "files": _files(subtype, coordinates),
            "in_the_web_interface": {
                "related_depositions": _related(deposition, plan, accessions, numbers),
                "then": "sample, microscopy, image processing and, for a model, its fitting: OneDep's web forms",
            },
        }
        handoffs.append(OnedepHandoff(deposition["key"], numbers[deposition["key"]], dataset_id, document))
    return tuple(handoffs)
