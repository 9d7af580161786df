"""Validation of the answers contract: untrusted JSON-like data in, a normalised Study out.

Every problem is reported against its field path (`datasets[1].em_method`); nothing here raises anything
but InvalidAnswers, whatever it is given.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policy.engine.contract_v1 import answers_version_of
from policy.engine.not_asked import GIVEN_IN, TRANSLATIONS, fields_never_asked
from policy.engine.questions import (
    ANSWERS_CONTRACT_VERSION,
    ANSWERS_CONTRACT_VERSIONS,
    DATASET_ID_PATTERN,
    DATASET_QUESTIONS,
    DATASET_QUESTIONS_BY_FIELD,
    FORMULA_STARTS,
    LABEL_FORMULA_START,
    MAX_DATASETS,
    PUBLICATION,
    REQUIRED,
    STUDY_FIELDS,
    Question,
)
from policy.engine.vocabulary import MODALITY

ROOT = "answers"
MAX_CORRELATION_GROUPS = 100
# What each EM method implies about dimensionality: a contradicting answer is a mistake worth reporting.
DIMENSIONALITY_OF_EM_METHOD = {"single_particle": "3d", "cryo_et": "3d", "volume_em": "3d", "2d": "2d", "microed": "3d"}


def _questions_by_modality() -> tuple[dict[str, tuple[Question, ...]], dict[str, frozenset[str]]]:
    """For each modality, the questions that may apply to it, and the fields never asked of it: most follow-up
    questions concern one modality, and validating thousands of studies a second cannot afford to try each."""
    candidates: dict[str, tuple[Question, ...]] = {}
    never: dict[str, frozenset[str]] = {}
    for modality in MODALITY.values:
        fits = tuple(question for question in DATASET_QUESTIONS if _may_apply(question, modality))
        candidates[modality] = fits
        never[modality] = frozenset(DATASET_QUESTIONS_BY_FIELD) - {question.field for question in fits}
    return candidates, never


def _may_apply(question: Question, modality: str) -> bool:
    return all(modality in values for name, values in question.allowed.conditions if name == "modality")


QUESTIONS_BY_MODALITY, NEVER_ASKED_BY_MODALITY = _questions_by_modality()


class InvalidAnswers(ValueError):
    def __init__(self, errors: Mapping[str, list[str]]):
        super().__init__(f"{len(errors)} invalid field(s)")
        self.errors = dict(errors)


@dataclass(frozen=True, slots=True)
class Study:
    publication: bool
    datasets: tuple[Mapping[str, Any], ...]  # normalised, sorted by id, defaults filled in
    correlations: tuple[tuple[str, ...], ...]  # each group sorted, groups sorted, no repeats
    given_in: int = ANSWERS_CONTRACT_VERSION  # the contract version whose questions the depositor answered
    # Each dataset's label -> the questions its version never asked (policy/engine/not_asked.py); a default fills
    # such a field in `datasets` for the plan, and the canonical answers leave it out.
    not_asked: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def answers(self) -> dict:
        """The canonical answers: the same study always gives the same dict."""
        canonical: dict[str, Any] = {"answers_version": ANSWERS_CONTRACT_VERSION}
        if self.given_in != ANSWERS_CONTRACT_VERSION:
            canonical[GIVEN_IN] = self.given_in
        canonical["publication"] = self.publication
        canonical["datasets"] = [
            {name: value for name, value in dataset.items() if name not in self.not_asked.get(dataset["id"], ())}
            for dataset in self.datasets
        ]
        if self.correlations:
            canonical["correlations"] = [list(group) for group in self.correlations]
        return canonical


def answers_validate(answers: Any) -> Study:
    """Answers of any contract version still accepted, validated into the study they describe."""
    if not isinstance(answers, dict):
        raise InvalidAnswers({ROOT: ["Expected a JSON object with the study's answers."]})
    version = answers_version_of(answers)
    if version.__class__ is not int or version not in ANSWERS_CONTRACT_VERSIONS:
        *earlier, latest = map(str, ANSWERS_CONTRACT_VERSIONS)
        accepted = f"{', '.join(earlier)} or {latest}"
        raise InvalidAnswers({"answers_version": [f"Expected {accepted}."]})
    if version == ANSWERS_CONTRACT_VERSION:
        return _answers_validate(answers, given_in=_given_in_validate(answers), errors={})
    # Each earlier version is translated into the next; errors are reported in the names the body used.
    steps = TRANSLATIONS[version - 1 :]
    errors: dict[str, list[str]] = {}
    if GIVEN_IN in answers:
        errors[GIVEN_IN] = [f"Only in answers version {ANSWERS_CONTRACT_VERSION}, where the service sets it."]
    translated = answers
    for index, step in enumerate(steps):
        translated, step_errors = step.answers_translate(translated)
        _errors_add(errors, _error_paths_back(step_errors, steps[:index]))
    try:
        study = _answers_validate(translated, given_in=version, errors={})
    except InvalidAnswers as invalid:
        _errors_add(errors, _error_paths_back(invalid.errors, steps))
    if errors:
        raise InvalidAnswers(errors)
    return study


def _given_in_validate(answers: dict) -> int:
    """Canonical answers translated from an earlier version say which; a client sends its own version instead."""
    given_in = answers.get(GIVEN_IN, ANSWERS_CONTRACT_VERSION)
    if given_in.__class__ is not int or given_in not in ANSWERS_CONTRACT_VERSIONS:
        *earlier, latest = map(str, ANSWERS_CONTRACT_VERSIONS[:-1])
        raise InvalidAnswers({GIVEN_IN: [f"Expected {', '.join(earlier)} or {latest}."]})
    return given_in


def _error_paths_back(errors: dict[str, list[str]], steps) -> dict[str, list[str]]:
    for step in reversed(steps):
        errors = step.error_paths_back(errors)
    return errors


def _errors_add(errors: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for path, messages in more.items():
        errors.setdefault(path, []).extend(messages)


def _answers_validate(answers: dict, *, given_in: int, errors: dict[str, list[str]]) -> Study:
    def add(path: str, message: str) -> None:
        errors.setdefault(path, []).append(message)

    for key in answers:
        if key not in STUDY_FIELDS:
            add(_field_path(None, key), "Unknown field.")

    publication = answers.get("publication", PUBLICATION.default)
    if type(publication) is not bool:
        add("publication", "Expected true or false.")

    never_asked = fields_never_asked(version=given_in)
    datasets = _datasets_validate(answers.get("datasets"), never_asked, add)
    correlations = _correlations_validate(
        answers.get("correlations", []), _labels_listed(answers), _labels_not_images(answers), add
    )

    if errors:
        raise InvalidAnswers(errors)
    return Study(
        publication=publication,
        datasets=tuple(sorted((dataset for dataset, _ in datasets), key=lambda dataset: dataset["id"])),
        correlations=correlations,
        given_in=given_in,
        not_asked={dataset["id"]: fields for dataset, fields in datasets if fields},
    )


def _labels_not_images(answers: dict) -> set[str]:
    """The labels of datasets of data that is not images, which no correlative group may name."""
    raw = answers.get("datasets")
    if not isinstance(raw, list):
        return set()
    return {
        item["id"]
        for item in raw
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item.get("modality") == "non_image"
    }


def _labels_listed(answers: dict) -> set[str]:
    """Every label the study lists, valid dataset or not, so a correlation is judged on its own."""
    raw = answers.get("datasets")
    if not isinstance(raw, list):
        return set()
    return {item["id"] for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _field_path(prefix: str | None, key: Any) -> str:
    name = key if isinstance(key, str) else repr(key)
    name = "".join(ch if ch.isprintable() else "?" for ch in name[:60])
    return f"{prefix}.{name}" if prefix else name


def _datasets_validate(raw: Any, never_asked: frozenset[str], add) -> list[tuple[dict, frozenset[str]]]:
    """Each valid dataset, with the questions of `never_asked` it leaves unanswered."""
    if raw is None:
        add("datasets", "Required: list the study's datasets (at least 1).")
        return []
    if not isinstance(raw, list):
        add("datasets", "Expected a list of datasets.")
        return []
    if not raw:
        add("datasets", "List at least one dataset.")
        return []
    if len(raw) > MAX_DATASETS:
        add("datasets", f"At most {MAX_DATASETS} datasets; this study lists {len(raw)}.")
        return []

    valid: list[tuple[dict, frozenset[str]]] = []
    # Labels name files and folders (file lists, drafts), which macOS and Windows do not tell apart by case.
    first_index_of_id: dict[str, int] = {}
    for index, item in enumerate(raw):
        path = f"datasets[{index}]"
        validated = _dataset_validate(item, path, never_asked, add)
        if validated is None:
            continue
        dataset = validated[0]
        folded = dataset["id"].casefold()
        if folded in first_index_of_id:
            earlier = first_index_of_id[folded]
            uses = "it" if raw[earlier]["id"] == dataset["id"] else f"'{raw[earlier]['id']}' (case does not count)"
            add(f"{path}.id", f"Duplicate label '{dataset['id']}': datasets[{earlier}] uses {uses}.")
            continue
        first_index_of_id[folded] = index
        valid.append(validated)
    return valid


def _dataset_validate(raw: Any, path: str, never_asked: frozenset[str], add) -> tuple[dict, frozenset[str]] | None:
    """The normalised dataset and the questions of `never_asked` it leaves unanswered (a default answers them for
    the plan, a required one stays out), or None when anything about it is invalid (errors reported through add)."""
    if not isinstance(raw, dict):
        add(path, "Expected an object describing one dataset.")
        return None

    error_count = 0

    def fail(field_name: str, message: str) -> None:
        nonlocal error_count
        error_count += 1
        add(f"{path}.{field_name}", message)

    for key in raw:
        if key not in DATASET_QUESTIONS_BY_FIELD:
            error_count += 1
            add(_field_path(path, key), "Unknown field.")

    modality = raw.get("modality")
    questions = QUESTIONS_BY_MODALITY.get(modality) if isinstance(modality, str) else None
    if questions is None:
        questions = DATASET_QUESTIONS
    else:
        for name in raw.keys() & NEVER_ASKED_BY_MODALITY[modality]:
            question = DATASET_QUESTIONS_BY_FIELD[name]
            fail(name, f"Not asked for this dataset: only when {question.allowed.describe()}.")

    clean: dict[str, Any] = {}
    unknown_fields: set[str] = set()
    not_asked: set[str] = set()
    for question in questions:
        name = question.field
        # A follow-up question cannot be judged while an answer it depends on is missing or invalid.
        if unknown_fields and not question.depends_on.isdisjoint(unknown_fields):
            unknown_fields.add(name)
        elif name in raw:
            if not question.allowed.matches(clean):
                fail(name, f"Not asked for this dataset: only when {question.allowed.describe()}.")
                unknown_fields.add(name)
            elif problem := _value_problem(question, raw[name]):
                fail(name, problem)
                unknown_fields.add(name)
            else:
                clean[name] = raw[name]
        elif name in never_asked and question.asked_when.matches(clean):
            not_asked.add(name)
            if question.default is not REQUIRED:
                clean[name] = question.default
        elif question.default is REQUIRED:
            if question.asked_when.matches(clean):
                fail(name, f"Required when {question.asked_when.describe()}.")
                unknown_fields.add(name)
        elif question.allowed.matches(clean):
            clean[name] = question.default

    if error_count == 0:
        _consistency_check(clean, fail)
    return (clean, frozenset(not_asked)) if error_count == 0 else None


def _value_problem(question: Question, value: Any) -> str | None:
    if question.kind == "boolean":
        return None if type(value) is bool else "Expected true or false."
    if not isinstance(value, str):
        return "Expected a string."
    if question.kind == "id":
        if DATASET_ID_PATTERN.fullmatch(value) is None:
            return "Use 1 to 40 letters, digits, hyphens or underscores."
        if value.startswith(FORMULA_STARTS):
            return f"{LABEL_FORMULA_START}."
        return None
    if value not in question.enumeration.values:
        return f"Expected one of: {', '.join(question.enumeration.values)}."
    return None


def _consistency_check(dataset: dict, fail) -> None:
    if dataset["modality"] == "non_image" and dataset.get("medical_imaging") is True:
        fail("medical_imaging", "Data that is not images is not medical imaging: answer no.")
    em_method = dataset.get("em_method")
    dimensionality = dataset.get("dimensionality")
    if em_method and dimensionality and DIMENSIONALITY_OF_EM_METHOD[em_method] != dimensionality:
        fail(
            "dimensionality",
            f"Contradicts em_method '{em_method}', which is {DIMENSIONALITY_OF_EM_METHOD[em_method]}.",
        )
    if em_method != "cryo_et":
        return
    # A follow-up an earlier contract version never asked is absent: it counts as no.
    average = dataset.get("subtomogram_average") is True
    if dataset["tilt_series"] is False and dataset["tomograms"] == "none" and not average:
        fail("tomograms", "A cryo-ET dataset needs tilt series, tomograms or a subtomogram average to deposit.")
    if dataset.get("atomic_model") is True and not average:
        fail("atomic_model", "A model from cryo-ET is built into a subtomogram average: answer yes to that first.")


def _correlations_validate(raw: Any, dataset_ids: set[str], not_images: set[str], add) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        add("correlations", "Expected a list of groups of dataset labels.")
        return ()
    if len(raw) > MAX_CORRELATION_GROUPS:
        add("correlations", f"At most {MAX_CORRELATION_GROUPS} groups.")
        return ()
    groups: set[tuple[str, ...]] = set()
    for index, group in enumerate(raw):
        path = f"correlations[{index}]"
        if not isinstance(group, list) or not all(isinstance(member, str) for member in group):
            add(path, "Expected a list of dataset labels.")
            continue
        if len(group) < 2:
            add(path, "A correlative group names at least two datasets.")
            continue
        if len(set(group)) != len(group):
            add(path, "Names a dataset more than once.")
            continue
        unknown = [member for member in group if member not in dataset_ids]
        if unknown:
            shown = ", ".join(repr(member[:40]) for member in unknown[:5])
            add(path, f"Names datasets that the study does not list: {shown}.")
            continue
        if not_images & set(group):
            shown = ", ".join(repr(member) for member in group if member in not_images)
            add(path, f"Names data that is not images, which is registered with no image: {shown}.")
            continue
        groups.add(tuple(sorted(group)))
    return tuple(sorted(groups))
