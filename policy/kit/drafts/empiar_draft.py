"""An EMPIAR deposition draft for each EMPIAR step: JSON in the form of the EMPIAR deposition schema (shipped in the
empiar-depositor package), filled with what the answers and the plan determine, with obvious placeholders that the
schema still accepts for what only the depositor knows.

Placeholders (defined by the bundle's script, policy/kit/scripts/empiar_submit.py, whose guard refuses each of them):
every text to fill contains FILL IN; counts are 0; the e-mail is fill-in@example.org; the country, which the
schema restricts to real ISO codes, is AQ (Antarctica) with a FILL IN note beside it; each EMDB step the entry
cites and whose accession is not typed yet has its own all-zero EMD accession (EMD-0000, EMD-00000, …).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.archives import ARCHIVES
from policy.engine.plan import Deposition
from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.scripts.empiar_submit import (
    EXPERIMENT_TYPES,
    PLACEHOLDER,
    PLACEHOLDER_COUNT,
    PLACEHOLDER_COUNTRY,
    PLACEHOLDER_EMAIL,
    PLACEHOLDER_EXPERIMENT_TYPE,
)
from policy.stored_result import StoredResult

PLACEHOLDER_FORMAT = f"('OT', '{PLACEHOLDER}')"
EMPIAR_HELP = ARCHIVES["empiar"].contact

RAW_DATA_OF_EMDB_STRUCTURES = 3
SOFT_XRAY_TOMOGRAPHY = 1
HARD_XRAY = 12
SBF_SEM = 4
FIB_SEM = 5
ATUM_SEM = 11
SSET = 13
CLEM = 7
CORRELATIVE_LIGHT_XRAY = 8
MICROCRYSTAL_ELECTRON_DIFFRACTION = 9
VOLUME_EM_METHODS = (SBF_SEM, FIB_SEM, ATUM_SEM, SSET)
XRAY_METHODS = (SOFT_XRAY_TOMOGRAPHY, HARD_XRAY)
# The experiment type of each method the answers name; a method the schema has no type for (array tomography,
# "other") or not asked (an earlier contract version) leaves the placeholder, which the bundle's guard refuses.
TYPE_OF_VOLUME_EM_METHOD = {"sbf_sem": SBF_SEM, "fib_sem": FIB_SEM, "atum": ATUM_SEM, "serial_section_et": SSET}
TYPE_OF_XRAY_METHOD = {"soft_xray": SOFT_XRAY_TOMOGRAPHY, "hard_xray": HARD_XRAY}

# release_date options, as the schema defines them
RELEASE_OPTIONS = {
    "RE": "directly after the submission has been processed",
    "EP": "after the related EMDB entry has been released",
    "HP": "after the related primary citation has been published",
    "HO": "delay release of entry by one year from the date of deposition",
}

# imagesets[].category codes of the schema
MOVIES = "('T2', '')"  # micrographs - multiframe
TILT_SERIES = "('T9', '')"
RECONSTRUCTED_VOLUMES = "('T13', '')"
VOLUME_EM_STACK = "('OT', 'volume EM image stacks')"
XRAY_TOMOGRAPHY = "('OT', 'X-ray tomography data')"
DIFFRACTION_IMAGES = "('T12', '')"
SEGMENTATIONS = "('OT', 'segmentations')"

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


def _imageset(name: str, folder: str, category: str) -> dict:
    return {
        "name": name,
        "directory": f"data/{folder}",
        "category": category,
        "header_format": PLACEHOLDER_FORMAT,
        "data_format": PLACEHOLDER_FORMAT,
        "num_images_or_tilt_series": PLACEHOLDER_COUNT,
        "frames_per_image": PLACEHOLDER_COUNT,
        "voxel_type": PLACEHOLDER_FORMAT,
        "pixel_width": None,
        "pixel_height": None,
        "details": f"{PLACEHOLDER}: describe these images (instrument, detector, pixel size).",
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


def _type_choice(chosen: int, why: str, alternatives: tuple[int, ...]) -> str:
    text = f"Experiment type {chosen} ({EXPERIMENT_TYPES[chosen]}): {why}."
    others = [f"{code} ({EXPERIMENT_TYPES[code]})" for code in alternatives if code != chosen]
    if others:
        text += f" Also fits: {', '.join(others)}; choose the one that describes your data best."
    return text


def _experiment(dataset: Mapping, answers: Mapping, cites_emdb: bool) -> tuple[int, list[dict], list[str]]:
    """(experiment_type, image sets, choices to check) for one dataset's answers and what its step cites."""
    label = dataset["id"]
    em_method = dataset.get("em_method")
    correlated = _correlated_with_light(label, answers)
    if em_method == "single_particle":
        sets = [_imageset(f"Unaligned movies of {label}", "movies", MOVIES)]
        choices = [
            _type_choice(RAW_DATA_OF_EMDB_STRUCTURES, "the raw images of the EMDB map", ()),
            "Image set category T2 (multiframe micrographs): use T1 if you deposit single-frame micrographs.",
        ]
        return RAW_DATA_OF_EMDB_STRUCTURES, sets, choices
    if em_method == "cryo_et":
        sets = []
        if dataset.get("tilt_series"):
            sets.append(_imageset(f"Tilt series of {label}", "tilt_series", TILT_SERIES))
        if dataset.get("tomograms") == "many":
            sets.append(_imageset(f"Tomograms of {label} not deposited in EMDB", "tomograms", RECONSTRUCTED_VOLUMES))
        choices = (
            ["The tomograms image set is optional: delete it if you do not deposit them."] if len(sets) > 1 else []
        )
        if cites_emdb:
            alternatives = (CLEM,) if correlated else ()
            return (
                RAW_DATA_OF_EMDB_STRUCTURES,
                sets,
                [
                    _type_choice(
                        RAW_DATA_OF_EMDB_STRUCTURES, "the entry holds the raw data of its EMDB entries", alternatives
                    ),
                    *choices,
                ],
            )
        if correlated:
            return (
                CLEM,
                sets,
                [_type_choice(CLEM, "the tilt series are correlated with light microscopy", ()), *choices],
            )
        # No EMDB entry and no correlation: EMPIAR's manual ties cryo-ET data to EMDB entries, and no other type
        # of the schema fits, so the draft asks for one (the guard refuses its placeholder until it exists).
        return (
            RAW_DATA_OF_EMDB_STRUCTURES,
            sets,
            [
                f"Experiment type 3 ({EXPERIMENT_TYPES[3]}) needs an EMDB entry, and this plan has none for {label}: "
                f"deposit a tomogram or a subtomogram average in EMDB and cite it, or ask {EMPIAR_HELP} before "
                "depositing, as EMPIAR's manual asks for data tied to no EMDB entry.",
                *choices,
            ],
        )
    if em_method == "microed":
        sets = [_imageset(f"Diffraction images of {label}", "diffraction", DIFFRACTION_IMAGES)]
        why = "the entry holds the raw diffraction images"
        return MICROCRYSTAL_ELECTRON_DIFFRACTION, sets, [_type_choice(MICROCRYSTAL_ELECTRON_DIFFRACTION, why, ())]
    if em_method == "volume_em":
        sets = [_imageset(f"Volume EM image stacks of {label}", "stacks", VOLUME_EM_STACK)]
        method = TYPE_OF_VOLUME_EM_METHOD.get(dataset.get("volume_em_method"))
        return _method_type(sets, correlated, CLEM, method, VOLUME_EM_METHODS, kind="volume EM", images="stacks")
    sets = [_imageset(f"X-ray tomography of {label}", "xray", XRAY_TOMOGRAPHY)]
    method = TYPE_OF_XRAY_METHOD.get(dataset.get("xray_method"))
    return _method_type(
        sets, correlated, CORRELATIVE_LIGHT_XRAY, method, XRAY_METHODS, kind="X-ray imaging", images="tomograms"
    )


def _method_type(
    sets: list[dict],
    correlated: bool,
    correlative: int,
    method: int | None,
    methods: tuple[int, ...],
    *,
    kind: str,
    images: str,
) -> tuple[int, list[dict], list[str]]:
    """The type of a volume EM or 3D X-ray entry: the correlative type when correlated with light microscopy (the
    method's own type named as the alternative), else the method's; where the answers name no method the schema
    has a type for, the placeholder, with the types that may fit."""
    if correlated:
        why = f"the {images} are correlated with light microscopy"
        return correlative, sets, [_type_choice(correlative, why, (method,) if method else methods)]
    if method is not None:
        return method, sets, [_type_choice(method, "the method the answers name", ())]
    fits = ", ".join(f"{code} ({EXPERIMENT_TYPES[code]})" for code in methods)
    return (
        PLACEHOLDER_EXPERIMENT_TYPE,
        sets,
        [
            f"Experiment type {PLACEHOLDER_EXPERIMENT_TYPE} is a placeholder: the answers name no {kind} method "
            f"that EMPIAR's schema has a type for. Set the type of your data (for example {fits}), or ask "
            f"{EMPIAR_HELP} which fits; the bundle's script refuses the placeholder."
        ],
    )


def _cited(deposition: Deposition, stored: StoredResult) -> dict[str, list[str]]:
    """Deposition keys this deposition cites, by archive, in plan order."""
    cited_keys = {key for item in stored.plan.linking if item.performed_in == deposition.key for key in item.cites}
    cited: dict[str, list[str]] = {}
    for key, other in stored.depositions.items():
        if key in cited_keys:
            cited.setdefault(other.archive, []).append(key)
    return cited


def _cited_by(deposition: Deposition, stored: StoredResult, archive: str) -> list[str]:
    """Keys of this plan's depositions to `archive` that cite this deposition, in plan order: the BioImage Archive
    submission that holds a correlation comes after the EMPIAR entry, so the entry learns its accession afterwards."""
    citing = {item.performed_in for item in stored.plan.linking if deposition.key in item.cites}
    return [other.key for other in stored.depositions_to(archive) if other.key in citing]


def _biostudies_references(
    deposition: Deposition, stored: StoredResult, accessions: AccessionsEntered
) -> tuple[list[str], list[str]]:
    """(S- accessions, choices): the BioImage Archive studies that cite this entry, typed so far, and what to do for
    the others (the schema's names must start with S-, so no placeholder stands for them)."""
    names: list[str] = []
    choices: list[str] = []
    for key in _cited_by(deposition, stored, "bia"):
        typed = [accession for accession in accessions.of(key) if accession.startswith("S-")]
        if typed:
            names += typed
            continue
        choices.append(
            f"biostudies_references: the BioImage Archive submission of step {stored.numbers[key]} cites this entry; "
            f"once it has its accession (S-BIAD…), type it in the plan's accessions to fill it in here, or send it to "
            f"{EMPIAR_HELP} if this entry is already submitted."
        )
    return names, choices


def _release(cited: Mapping[str, list[str]], publication: bool) -> tuple[str, str]:
    if cited.get("emdb"):
        chosen = "EP"
    elif publication:
        chosen = "HP"
    else:
        chosen = "HO"
    others = "; ".join(f"{code}, {meaning}" for code, meaning in RELEASE_OPTIONS.items() if code != chosen)
    return chosen, f"Release {chosen}: {RELEASE_OPTIONS[chosen]}. The other options: {others}."


def _emdb_references(
    keys: list[str], stored: StoredResult, accessions: AccessionsEntered
) -> tuple[list[str], list[str]]:
    """(EMD accessions, choices): the typed ones, and an all-zero placeholder for each step not typed yet."""
    names: list[str] = []
    choices: list[str] = []
    for key in keys:
        typed = accessions.of(key)
        if typed:
            names += typed
            continue
        placeholder = "EMD-" + "0" * (4 + len(choices))
        names.append(placeholder)
        choices.append(f"{placeholder} stands for the EMD accession(s) of step {stored.numbers[key]}: replace it.")
    return names, choices


def empiar_draft_build(*, deposition: Deposition, stored: StoredResult, accessions: AccessionsEntered) -> EmpiarDraft:
    answers = stored.answers
    dataset = stored.datasets[deposition.datasets[0]]
    cited = _cited(deposition, stored)
    experiment_type, imagesets, choices = _experiment(dataset, answers, bool(cited.get("emdb")))
    if dataset.get("segmentations") == "with_empiar":
        imagesets = [*imagesets, _imageset(f"Segmentations of {dataset['id']}", "segmentations", SEGMENTATIONS)]
    release, release_choice = _release(cited, answers.get("publication", True))
    document: dict = {
        "title": f"{PLACEHOLDER}: title of the EMPIAR entry for {dataset['id']}",
        "release_date": release,
        "experiment_type": experiment_type,
    }
    emdb_keys = cited.get("emdb", [])
    if experiment_type == RAW_DATA_OF_EMDB_STRUCTURES and not emdb_keys:
        document["cross_references"] = [{"name": "EMD-0000"}]  # the EMDB entry the choices ask for
    for archive, list_name in REFERENCE_LISTS.items():
        keys = cited.get(archive, [])
        names = [accession for key in keys for accession in accessions.of(key)]
        if archive == "emdb" and keys:
            names, placeholder_choices = _emdb_references(keys, stored, accessions)
            choices = [*choices, *placeholder_choices]
        elif archive == "bia":
            # Both ways: the BioImage Archive submission cites this entry, and the entry names the submission.
            citing, later = _biostudies_references(deposition, stored, accessions)
            names += citing
            choices = [*choices, *later]
        if names:
            document[list_name] = [{"name": name} for name in dict.fromkeys(names)]
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
    return EmpiarDraft(deposition.key, dataset["id"], document, (release_choice, *choices))


def empiar_drafts(*, stored: StoredResult, accessions: AccessionsEntered) -> tuple[EmpiarDraft, ...]:
    return tuple(
        empiar_draft_build(deposition=deposition, stored=stored, accessions=accessions)
        for deposition in stored.depositions_to("empiar")
    )
