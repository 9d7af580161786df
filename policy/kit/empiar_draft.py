"""An EMPIAR deposition draft for each EMPIAR step: JSON in the form of the EMPIAR deposition schema (shipped in the
empiar-depositor package), filled with what the answers and the plan determine, with obvious placeholders that the
schema still accepts for what only the depositor knows.

Placeholders: every text to fill contains FILL IN; counts are 0; the e-mail is fill-in@example.org; the country,
which the schema restricts to real ISO codes, is AQ (Antarctica) with a FILL IN note beside it; EMDB references
not entered yet are EMD-0000.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.kit.accessions import AccessionsEntered

PLACEHOLDER = "FILL IN"
PLACEHOLDER_EMAIL = "fill-in@example.org"
PLACEHOLDER_COUNTRY = "AQ"
PLACEHOLDER_EMDB = "EMD-0000"
PLACEHOLDER_FORMAT = f"('OT', '{PLACEHOLDER}')"

# experiment_type codes of the schema
RAW_DATA_OF_EMDB_STRUCTURES = 3
SOFT_XRAY_TOMOGRAPHY = 1
SBF_SEM = 4
CLEM = 7
CORRELATIVE_LIGHT_XRAY = 8

# imagesets[].category codes of the schema
MOVIES = "('T2', '')"  # micrographs - multiframe
TILT_SERIES = "('T9', '')"
RECONSTRUCTED_VOLUMES = "('T13', '')"
VOLUME_EM_STACK = "('OT', 'volume EM image stack')"
XRAY_TOMOGRAPHY = "('OT', 'X-ray tomography data')"

# Which reference list of the deposition cites each archive's accessions.
REFERENCE_LISTS = {"emdb": "cross_references", "bia": "biostudies_references", "empiar": "empiar_references"}


@dataclass(frozen=True, slots=True)
class EmpiarDraft:
    deposition_key: str
    dataset: str
    document: dict
    choices: tuple[str, ...]  # what the draft chose that the depositor should check


def _person() -> dict:
    return {
        "author_orcid": None,
        "first_name": f"{PLACEHOLDER} first name",
        "middle_name": None,
        "last_name": f"{PLACEHOLDER} last name",
        "organization": f"{PLACEHOLDER}: organisation, and set country below (ISO 3166-1 alpha-2 code)",
        "street": None,
        "town_or_city": f"{PLACEHOLDER}: town or city",
        "state_or_province": None,
        "post_or_zip": f"{PLACEHOLDER}: post code",
        "telephone": None,
        "fax": None,
        "email": PLACEHOLDER_EMAIL,
        "country": PLACEHOLDER_COUNTRY,
    }


def _author() -> dict:
    return {"name": f"('{PLACEHOLDER} surname', '{PLACEHOLDER} initials')", "order_id": 0, "author_orcid": None}


def _imageset(name: str, directory: str, category: str, details: str) -> dict:
    return {
        "name": name,
        "directory": directory,
        "category": category,
        "header_format": PLACEHOLDER_FORMAT,
        "data_format": PLACEHOLDER_FORMAT,
        "num_images_or_tilt_series": 0,
        "frames_per_image": 0,
        "voxel_type": PLACEHOLDER_FORMAT,
        "pixel_width": None,
        "pixel_height": None,
        "details": details,
    }


def _correlated_with_light(dataset_id: str, answers: Mapping) -> bool:
    modality_of = {dataset["id"]: dataset.get("modality") for dataset in answers["datasets"]}
    return any(
        modality_of.get(other) == "light_microscopy"
        for group in answers.get("correlations", [])
        if dataset_id in group
        for other in group
        if other != dataset_id
    )


def _experiment(dataset: Mapping, answers: Mapping) -> tuple[int, list[dict], list[str]]:
    """(experiment_type, image sets, choices to check) for one dataset's answers."""
    label = dataset["id"]
    em_method = dataset.get("em_method")
    correlated = _correlated_with_light(label, answers)
    fill = f"{PLACEHOLDER}: describe these images (instrument, detector, pixel size)."
    if em_method == "single_particle":
        sets = [_imageset(f"Unaligned movies of {label}", f"data/{label}/movies", MOVIES, fill)]
        choices = ["Image set category T2 (multiframe micrographs): use T1 if you deposit single-frame micrographs."]
        return RAW_DATA_OF_EMDB_STRUCTURES, sets, choices
    if em_method == "cryo_et":
        sets = []
        if dataset.get("tilt_series"):
            sets.append(_imageset(f"Tilt series of {label}", f"data/{label}/tilt_series", TILT_SERIES, fill))
        if dataset.get("tomograms") == "many":
            sets.append(
                _imageset(
                    f"Tomograms of {label} not deposited in EMDB",
                    f"data/{label}/tomograms",
                    RECONSTRUCTED_VOLUMES,
                    fill,
                )
            )
        return RAW_DATA_OF_EMDB_STRUCTURES, sets, []
    if em_method == "volume_em":
        sets = [_imageset(f"Volume EM image stacks of {label}", f"data/{label}/stacks", VOLUME_EM_STACK, fill)]
        if correlated:
            return CLEM, sets, ["Experiment type 7 (correlative light-electron microscopy), as it is correlated."]
        return (
            SBF_SEM,
            sets,
            ["Experiment type 4 (SBF-SEM): use 5 for FIB-SEM, 11 for ATUM-SEM or 13 for ssET."],
        )
    sets = [_imageset(f"X-ray tomography of {label}", f"data/{label}/xray", XRAY_TOMOGRAPHY, fill)]
    if correlated:
        return CORRELATIVE_LIGHT_XRAY, sets, ["Experiment type 8 (correlative light X-ray microscopy)."]
    return SOFT_XRAY_TOMOGRAPHY, sets, ["Experiment type 1 (soft X-ray tomography): use 12 for hard X-ray or microCT."]


def _cited(deposition: Mapping, plan: Mapping) -> dict[str, list[str]]:
    """Deposition keys this deposition cites, by archive."""
    archive_of = {item["key"]: item["archive"] for item in plan["depositions"]}
    cited: dict[str, list[str]] = {}
    for item in plan["linking"]:
        if item["in"] != deposition["key"]:
            continue
        for key in item["cites"]:
            if key in archive_of and key not in cited.get(archive_of[key], []):
                cited.setdefault(archive_of[key], []).append(key)
    return cited


def _release(cited: Mapping[str, list[str]], publication: bool) -> tuple[str, str]:
    if cited.get("emdb"):
        return "EP", "Release EP: with the related EMDB entry."
    if publication:
        return "HP", "Release HP: on publication of the paper."
    return "HO", "Release HO: held for at most one year, as there is no publication to release it with."


def empiar_draft_build(
    *, deposition: Mapping, plan: Mapping, answers: Mapping, accessions: AccessionsEntered
) -> EmpiarDraft:
    by_id = {dataset["id"]: dataset for dataset in answers["datasets"]}
    dataset = by_id[deposition["datasets"][0]]
    experiment_type, imagesets, choices = _experiment(dataset, answers)
    cited = _cited(deposition, plan)
    release, release_choice = _release(cited, answers.get("publication", True))
    document: dict = {
        "title": f"{PLACEHOLDER}: title of the EMPIAR entry for {dataset['id']}",
        "release_date": release,
        "experiment_type": experiment_type,
    }
    for archive, list_name in REFERENCE_LISTS.items():
        keys = cited.get(archive, [])
        if not keys:
            continue
        known = [accession for key in keys for accession in accessions.of(key)]
        if archive == "emdb" and not known:
            known = [PLACEHOLDER_EMDB]
        if known:
            document[list_name] = [{"name": accession} for accession in known]
    document.update(
        {
            "authors": [_author()],
            "corresponding_author": _person(),
            "principal_investigator": [_person()],
            "imagesets": imagesets,
            "citation": [
                {
                    "authors": [_author()],
                    "editors": [],
                    "published": False,
                    "j_or_nj_citation": True,
                    "title": f"{PLACEHOLDER}: title of the publication",
                    "journal": None,
                    "year": None,
                    "doi": None,
                }
            ],
        }
    )
    if "cross_references" in document and document["cross_references"] == [{"name": PLACEHOLDER_EMDB}]:
        choices = [
            *choices,
            f"EMDB reference {PLACEHOLDER_EMDB}: replace it with the EMD accession of step "
            f"{_step_of(cited['emdb'][0], plan)}.",
        ]
    return EmpiarDraft(deposition["key"], dataset["id"], document, (release_choice, *choices))


def _step_of(key: str, plan: Mapping) -> int:
    return next(number for number, item in enumerate(plan["depositions"], start=1) if item["key"] == key)


def empiar_drafts(*, plan: Mapping, answers: Mapping, accessions: AccessionsEntered) -> tuple[EmpiarDraft, ...]:
    return tuple(
        empiar_draft_build(deposition=deposition, plan=plan, answers=answers, accessions=accessions)
        for deposition in plan["depositions"]
        if deposition["archive"] == "empiar"
    )
