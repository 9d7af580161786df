"""Version 1 of the answers contract, read as version 2.

Version 1 asked whether images were "patient-identifiable"; version 2 asks whether they are medical imaging of
patients at all, and asks about subtomogram averages, atomic models, human samples and controlled access,
which version 1 never asked. A version 1 answer says nothing about those, so it maps to "no" (the default
version 1 itself assumed). Answers without "answers_version" are version 1: every client, stored result and
prefill link made before version 2 sent none.
"""

from typing import Any

RENAMED = {"patient_identifiable": "patient_medical"}
NEW_IN_V2 = frozenset(
    {"patient_medical", "subtomogram_average", "atomic_model", "human_tissue", "human_controlled_access"}
)
ONLY_IN_V2 = 'Only in answers version 2: add "answers_version": 2 to the study\'s answers.'
# The follow-up questions version 2 requires of an EM method that version 1 answered without them.
NEW_FOLLOW_UPS = {
    "cryo_et": {"subtomogram_average": False, "atomic_model": False},
    "single_particle": {"atomic_model": False},
}


def answers_from_v1(answers: dict) -> tuple[dict, dict[str, list[str]]]:
    """The version 2 answers a version 1 study means, and errors for fields version 1 did not have.

    Untrusted input: anything that is not a dataset object is passed on unchanged, for validation to report.
    """
    errors: dict[str, list[str]] = {}
    datasets = answers.get("datasets")
    if not isinstance(datasets, list):
        return answers, errors
    translated = []
    for index, dataset in enumerate(datasets):
        if not isinstance(dataset, dict):
            translated.append(dataset)
            continue
        for name in dataset.keys() & NEW_IN_V2:
            errors.setdefault(f"datasets[{index}].{name}", []).append(ONLY_IN_V2)
        dataset_v2 = {RENAMED.get(name, name): value for name, value in dataset.items()}
        em_method = dataset.get("em_method")
        # Untrusted: em_method may be a list or an object, which no dict lookup may take.
        if dataset.get("modality") == "electron_microscopy" and isinstance(em_method, str):
            for name, value in NEW_FOLLOW_UPS.get(em_method, {}).items():
                dataset_v2.setdefault(name, value)
        translated.append(dataset_v2)
    return {**answers, "datasets": translated}, errors


def error_paths_to_v1(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Errors found in the translation, reported against the field names the version 1 answers used."""
    renamed_back = {f".{new}": f".{old}" for old, new in RENAMED.items()}
    reported: dict[str, list[str]] = {}
    for path, messages in errors.items():
        for new, old in renamed_back.items():
            if path.endswith(new):
                path = path.removesuffix(new) + old
        reported.setdefault(path, []).extend(messages)
    return reported


def answers_version_of(answers: dict) -> Any:
    return answers.get("answers_version", 1)
