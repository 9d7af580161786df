"""A hand-off to wwPDB OneDep per EMDB step: what its deposition API can be told before the web interface takes
over (the EM subtype, whether a model goes in the same session, the files to upload with their OneDep file types,
the voxel size and contour level of the map and half-maps),
as a JSON file that `kit/scripts/onedep_deposit.py` reads with `onedep-lib`, the wwPDB's own client.

What the API cannot take stays for the web interface and is said so in the file: the related entries (the
facade's `deposit()` sends no related EMDB id) and everything beyond the files (sample, microscopy, processing).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.plan import Deposition
from policy.engine.rules import EMDB_AVERAGE_ROUTE
from policy.kit.accessions.entered import AccessionsEntered
from policy.stored_result import StoredResult

FILL_IN = "FILL IN"
SCRIPT_NAME = "onedep_deposit.py"
# OneDep's file types (onedep_lib.enums.FileType values) for what an EMDB entry holds.
MAP, IMAGE, HALF_MAP, MODEL = "vo-map", "img-emdb", "half-map", "co-cif"
# OneDep's EM subtypes (onedep_lib.enums.EMSubType values) and whether each needs two half-maps (the package's
# required_files.json: single, helical and subtomogram do).
SUBTYPES = {"single": True, "subtomogram": True, "tomography": False}
# The later depositions that cite an EMDB entry, by the name the hand-off gives their archive.
CITED_BY_NAMES = {"empiar": "EMPIAR", "bia": "BioImage Archive"}
# A tomogram step holds several entries (one primary map each): the file says to repeat it, once per tomogram.
ONE_ENTRY_PER_TOMOGRAM = (
    "Each tomogram is an EMDB entry (a OneDep deposition) of its own: make one copy of this file per tomogram, each "
    "naming that tomogram's map and image, and run the script once per copy."
)


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


def _subtype(deposition: Deposition, dataset: Mapping) -> str | None:
    if deposition.route_key == EMDB_AVERAGE_ROUTE:
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


def _related(deposition: Deposition, stored: StoredResult, accessions: AccessionsEntered) -> list:
    """The other EMDB entries of the same dataset, for OneDep's "Related depositions" in the web interface."""
    related = []
    for other in stored.depositions_to("emdb"):
        if other.key == deposition.key or not set(other.datasets) & set(deposition.datasets):
            continue
        typed = accessions.of(other.key)
        related += [{"archive": "EMDB", "accession": accession} for accession in typed] or [
            {"archive": "EMDB", "accession": f"the EMD accession of step {stored.numbers[other.key]}, not entered yet"}
        ]
    return related


def _cited_by(deposition: Deposition, stored: StoredResult, accessions: AccessionsEntered) -> list:
    """The EMPIAR entries and BioImage Archive studies that cite this map, made after it: EMDB learns their
    accessions afterwards, so that the links run both ways."""
    citing = {item.performed_in for item in stored.plan.linking if deposition.key in item.cites}
    cited_by = []
    for other in stored.plan.depositions:
        if other.key not in citing or other.archive not in CITED_BY_NAMES:
            continue
        name = CITED_BY_NAMES[other.archive]
        typed = accessions.of(other.key)
        cited_by += [{"archive": name, "accession": accession} for accession in typed] or [
            {"archive": name, "accession": f"the accession of step {stored.numbers[other.key]}, not entered yet"}
        ]
    return cited_by


def onedep_handoffs(*, stored: StoredResult, accessions: AccessionsEntered) -> tuple[OnedepHandoff, ...]:
    """One hand-off per EMDB step whose map type OneDep's API names; a PDB model cited by that step's map goes
    in the same session (coordinates), so PDB steps get none of their own."""
    numbers = stored.numbers
    modelled = {
        cited
        for item in stored.plan.linking
        if stored.route_of(item.performed_in) == "pdb"
        for cited in item.cites
        if stored.route_of(cited) in ("emdb", EMDB_AVERAGE_ROUTE)
    }
    handoffs = []
    for deposition in stored.depositions_to("emdb"):
        if len(deposition.datasets) != 1:
            continue
        dataset_id = deposition.datasets[0]
        subtype = _subtype(deposition, stored.datasets.get(dataset_id, {}))
        if subtype is None:
            continue
        coordinates = deposition.key in modelled
        document = {
            "about": (
                f"wwPDB OneDep hand-off for step {numbers[deposition.key]} ({dataset_id}), made by depositwizard. "
                f"Replace every value that starts with {FILL_IN}, put the files in this file's folder, then run: "
                f"python {SCRIPT_NAME} <this file> (it checks; add --deposit to create the deposition and upload "
                "the files, with the refresh token of the pair OneDep issued in ONEDEP_REFRESH_TOKEN). Then finish "
                "the deposition in OneDep's web interface."
            ),
            "what": "; ".join(item.what for item in deposition.contents),
            "experiment_type": "em",
            "em_subtype": subtype,
            "coordinates": coordinates,
            "email": f"{FILL_IN}: the depositor's e-mail",
            "orcids": [f"{FILL_IN}: the ORCID iD of each person to have access (0000-0000-0000-0000)"],
            "country": f"{FILL_IN}: the depositor's country, as OneDep names it (e.g. United Kingdom)",
            "files": _files(subtype, coordinates),
            "in_the_web_interface": {
                "related_depositions": _related(deposition, stored, accessions),
                "then": "sample, microscopy, image processing and, for a model, its fitting: OneDep's web forms",
            },
        }
        if cited_by := _cited_by(deposition, stored, accessions):
            document["tell_emdb_afterwards"] = {
                "why": "These later depositions cite this entry: once they have accessions, tell EMDB, so that the "
                "links run both ways.",
                "accessions": cited_by,
            }
        if subtype == "tomography":
            document["repeat"] = ONE_ENTRY_PER_TOMOGRAM
        handoffs.append(OnedepHandoff(deposition.key, numbers[deposition.key], dataset_id, document))
    return tuple(handoffs)
