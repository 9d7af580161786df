"""Version 2 of the answers contract, read as version 3.

Version 2 asked whether images were medical imaging of *patients*; version 3 asks about medical imaging of
people, patients or healthy volunteers, so a version 2 "yes" is a version 3 "yes", and a version 2 "no" keeps
the plan it had. Version 2 never asked whether the participants who gave human samples consented to open
release of their images: it planned those images for open archives and stated that condition beside them. Its
answers are read as "yes" (the plan version 2 made, which still states the condition), and the wizard asks the
question again when a stored version 2 study is loaded into it (`answers_as_given`).
"""

from typing import Any

RENAMED = {"patient_medical": "medical_imaging"}
NEW_IN_V3 = frozenset({"medical_imaging", "human_images_open"})
ONLY_IN_V3 = 'Only in answers version 3: add "answers_version": 3 to the study\'s answers.'
# What version 3 asks that version 2 answered without asking: filled in as version 2 planned, never shown as if
# the depositor had said it (answers_as_given).
ASSUMED = {"human_images_open": True}


def answers_from_v2(answers: dict) -> tuple[dict, dict[str, list[str]]]:
    """The version 3 answers a version 2 study means, and errors for fields version 2 did not have.

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
        for name in dataset.keys() & NEW_IN_V3:
            errors.setdefault(f"datasets[{index}].{name}", []).append(ONLY_IN_V3)
        dataset_v3 = {RENAMED.get(name, name): value for name, value in dataset.items()}
        if dataset.get("human_tissue") is True:
            for name, value in ASSUMED.items():
                dataset_v3.setdefault(name, value)
        translated.append(dataset_v3)
    return {**answers, "datasets": translated}, errors


def error_paths_to_v2(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Errors found in the translation, reported against the field names the version 2 answers used."""
    renamed_back = {f".{new}": f".{old}" for old, new in RENAMED.items()}
    reported: dict[str, list[str]] = {}
    for path, messages in errors.items():
        for new, old in renamed_back.items():
            if path.endswith(new):
                path = path.removesuffix(new) + old
        reported.setdefault(path, []).extend(messages)
    return reported


def answers_as_given(*, answers: dict, given_in: Any) -> dict:
    """Canonical version 3 answers without what the translation from `given_in` (an earlier version) assumed:
    what the depositor really said, for a form that asks the rest again."""
    if given_in not in (1, 2):
        return answers
    datasets = [{name: value for name, value in d.items() if name not in ASSUMED} for d in answers["datasets"]]
    return {**answers, "datasets": datasets}
