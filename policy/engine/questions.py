"""The answers contract (version 4) as data: each question, when it is asked and what it accepts.

The API validates against these, the wizard builds its pages from them and the rules match on the same
conditions, so a question is described once.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policy.engine.vocabulary import (
    DATA_TYPE,
    DIMENSIONALITY,
    EM_METHOD,
    MODALITY,
    OMICS_TYPE,
    SCREEN_TYPE,
    SEGMENTATIONS,
    TOMOGRAMS,
    VOLUME_EM_METHOD,
    XRAY_METHOD,
    Enumeration,
)

ANSWERS_CONTRACT_VERSION = 4
# Answers without an "answers_version" are version 1 (what every client sent before version 2 existed). Each
# earlier version is read as the next one by its translation: policy/engine/contract_v1.py, contract_v2.py,
# contract_v3.py; what a version never asked is "not asked" (policy/engine/not_asked.py).
ANSWERS_CONTRACT_VERSIONS = (1, 2, 3, 4)
MAX_DATASETS = 50
# Anchored: the wizard's RegexValidator searches (it does not fullmatch), and must refuse exactly what the engine does.
DATASET_ID_PATTERN = re.compile(r"\A[A-Za-z0-9_-]{1,40}\Z")
# A label names folders in the BIA's file lists and cells of the sheets people open in a spreadsheet, which reads a
# cell beginning with one of these as a formula. Refused here, so that every file writes the label as it is (of
# them, the pattern lets only the hyphen through).
FORMULA_STARTS = ("=", "+", "-", "@")
LABEL_FORMULA_START = (
    "Begin the label with a letter, digit or underscore: a spreadsheet reads one beginning with a hyphen as a formula"
)


ANSWER_TYPES = (str, bool)


@dataclass(frozen=True, slots=True)
class When:
    """A condition on one dataset's answers: each named field holds one of the listed values."""

    conditions: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    _lookup: tuple[tuple[str, frozenset], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lookup", tuple((name, frozenset(values)) for name, values in self.conditions))

    def matches(self, dataset: Mapping[str, Any]) -> bool:
        for name, accepted in self._lookup:
            value = dataset.get(name)
            # None, where a rule lists it, stands for a question not answered (an earlier contract version never
            # asked it). Answers are strings or booleans; `1 in {True}` holds in Python, so check the type first.
            if value is None:
                if None not in accepted:
                    return False
            elif value.__class__ not in ANSWER_TYPES or value not in accepted:
                return False
        return True

    def describe(self) -> str:
        if not self.conditions:
            return "always"
        return " and ".join(
            f"{name} is {' or '.join(str(option) for option in accepted)}" for name, accepted in self.conditions
        )


def when(**conditions: Any) -> When:
    """when(modality="electron_microscopy", em_method=("cryo_et", "volume_em"))"""
    return When(
        tuple((name, value if isinstance(value, tuple) else (value,)) for name, value in sorted(conditions.items()))
    )


@dataclass(frozen=True, slots=True)
class AnyOf:
    """A condition met when any of its alternatives is: a question asked of different kinds of data (3D EM and 3D
    X-ray imaging alike)."""

    alternatives: tuple[When, ...]
    # Every field any alternative names, with every value any of them accepts: what the answer may depend on and
    # which kinds of data it may concern, for the readers that ask only that.
    conditions: tuple[tuple[str, tuple[Any, ...]], ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        merged: dict[str, dict[Any, None]] = {}
        for alternative in self.alternatives:
            for name, values in alternative.conditions:
                merged.setdefault(name, {}).update(dict.fromkeys(values))
        object.__setattr__(self, "conditions", tuple((name, tuple(values)) for name, values in merged.items()))

    def matches(self, dataset: Mapping[str, Any]) -> bool:
        return any(alternative.matches(dataset) for alternative in self.alternatives)

    def describe(self) -> str:
        return " or ".join(f"({alternative.describe()})" for alternative in self.alternatives)


def any_of(*alternatives: When) -> AnyOf:
    return AnyOf(alternatives)


Condition = When | AnyOf


def alternatives_of(condition: Condition) -> tuple[When, ...]:
    """A condition as the alternatives any of which it accepts: a When is its own only one."""
    return condition.alternatives if isinstance(condition, AnyOf) else (condition,)


ALWAYS = When()
REQUIRED = object()


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    kind: str  # "id" | "choice" | "boolean"
    text: str
    hint: str
    asked_when: Condition = ALWAYS
    allowed_when: Condition | None = None  # defaults to asked_when
    enumeration: Enumeration | None = None
    default: Any = field(default=REQUIRED)
    # Derived once, because validation consults them for every dataset of every study.
    allowed: Condition = field(init=False, repr=False, compare=False)
    depends_on: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        allowed = self.allowed_when or self.asked_when
        object.__setattr__(self, "allowed", allowed)
        object.__setattr__(
            self, "depends_on", frozenset(name for name, _ in allowed.conditions + self.asked_when.conditions)
        )

    def is_required_for(self, dataset: Mapping[str, Any]) -> bool:
        return self.default is REQUIRED and self.asked_when.matches(dataset)

    def as_dict(self) -> dict:
        return {
            "field": self.field,
            "type": self.kind,
            "question": self.text,
            "hint": self.hint,
            "asked_when": self.asked_when.describe(),
            "allowed_when": self.allowed.describe(),
            "required": self.default is REQUIRED,
            "default": None if self.default is REQUIRED else self.default,
            "choices": self.enumeration.name if self.enumeration else None,
        }


PUBLICATION = Question(
    field="publication",
    kind="boolean",
    text="Is the image data associated with a publication?",
    hint="A published paper or a preprint. Data without one can often still be archived: we will tell you whom to ask.",
    default=True,
)

# Sequencing reads of human participants' samples, bound for an omics repository: spatial sequencing, and sequencing
# that is not images.
HUMAN_SEQUENCING_READS = (
    {
        "modality": "spatial_omics",
        "omics_repository_fits": True,
        "omics_type": ("transcriptomics", "epigenomics"),
        "human_tissue": True,
    },
    {"modality": "non_image", "data_type": "sequencing", "human_tissue": True},
)

DATASET_QUESTIONS: tuple[Question, ...] = (
    Question(
        field="id",
        kind="id",
        text="Give the dataset a short label",
        hint="Up to 40 letters, digits, hyphens or underscores, unique in your study, not starting with a hyphen, for "
        "example lm or fib-sem.",
    ),
    Question(
        field="modality",
        kind="choice",
        enumeration=MODALITY,
        text="How were these images made?",
        hint="Choose the imaging modality of this dataset.",
    ),
    Question(
        field="em_method",
        kind="choice",
        enumeration=EM_METHOD,
        asked_when=when(modality="electron_microscopy"),
        text="Which electron microscopy method did you use?",
        hint="Volume EM includes SBF-SEM, FIB-SEM, serial-section TEM and array tomography.",
    ),
    Question(
        field="volume_em_method",
        kind="choice",
        enumeration=VOLUME_EM_METHOD,
        asked_when=when(modality="electron_microscopy", em_method="volume_em"),
        text="Which volume EM method did you use?",
        hint="EMPIAR records it as the entry's experiment type.",
    ),
    Question(
        field="ed_map",
        kind="boolean",
        asked_when=when(modality="electron_microscopy", em_method="microed"),
        text="Did you compute a 3D map from the diffraction data?",
        hint="A map made from the diffraction data goes to EMDB, beside the structure factors and model in the PDB.",
    ),
    Question(
        field="tilt_series",
        kind="boolean",
        asked_when=when(modality="electron_microscopy", em_method="cryo_et"),
        text="Will you deposit the raw tilt series?",
        hint="The tilt series are the raw images recorded while tilting the sample, before reconstruction.",
    ),
    Question(
        field="tomograms",
        kind="choice",
        enumeration=TOMOGRAMS,
        asked_when=when(modality="electron_microscopy", em_method="cryo_et"),
        text="How many tomograms did you reconstruct?",
        hint="The plan says which of them go where. If you are unsure whether you have many, EMDB can advise.",
    ),
    Question(
        field="subtomogram_average",
        kind="boolean",
        asked_when=when(modality="electron_microscopy", em_method="cryo_et"),
        text="Did you compute a subtomogram average?",
        hint="A map averaged from many copies of a structure picked out of the tomograms.",
    ),
    Question(
        field="atomic_model",
        kind="boolean",
        asked_when=when(modality="electron_microscopy", em_method=("single_particle", "cryo_et", "microed")),
        text="Did you build an atomic model into the map?",
        hint=(
            "Coordinates of the molecule fitted to your cryo-EM map or, for cryo-ET, your subtomogram average; for "
            "microED, the model refined against the structure factors."
        ),
    ),
    Question(
        field="dimensionality",
        kind="choice",
        enumeration=DIMENSIONALITY,
        asked_when=when(modality="xray_imaging"),
        allowed_when=ALWAYS,
        text="Are the images 2D or 3D?",
        hint="Soft and hard X-ray tomography produce 3D volumes.",
    ),
    Question(
        field="xray_method",
        kind="choice",
        enumeration=XRAY_METHOD,
        asked_when=when(modality="xray_imaging", dimensionality="3d"),
        text="Which X-ray method did you use?",
        hint="EMPIAR records soft X-ray tomography and hard X-ray tomography or micro-CT as different experiments.",
    ),
    Question(
        field="segmentations",
        kind="choice",
        enumeration=SEGMENTATIONS,
        asked_when=any_of(
            when(modality="electron_microscopy", em_method=("cryo_et", "volume_em")),
            when(modality="xray_imaging", dimensionality="3d"),
        ),
        text="Will you deposit segmentations or annotations of these 3D images?",
        hint="For example segmentation masks, meshes or labelled organelles made from the volumes.",
    ),
    Question(
        field="omics_type",
        kind="choice",
        enumeration=OMICS_TYPE,
        asked_when=when(modality="spatial_omics"),
        text="What kind of omics data goes with the images?",
        hint="Choose the readout that the spatial data is paired with.",
    ),
    Question(
        field="omics_repository_fits",
        kind="boolean",
        asked_when=when(modality="spatial_omics"),
        text="Does the omics data fit an existing omics repository?",
        hint=(
            "Sequencing-based spatial transcriptomics (for example Visium) fits ArrayExpress, and "
            "mass-spectrometry proteomics fits PRIDE. Imaging-based readouts do not: MERFISH, or proteomics by "
            "CODEX (PhenoCycler), IMC, MIBI or CyCIF, produce images. Answer no, and they stay with the images in "
            "the BioImage Archive."
        ),
    ),
    Question(
        field="screen_type",
        kind="choice",
        enumeration=SCREEN_TYPE,
        asked_when=when(modality="high_content_screening"),
        text="What kind of screen is it?",
        hint="The BioImage Archive has metadata templates for different screen types.",
    ),
    Question(
        field="data_type",
        kind="choice",
        enumeration=DATA_TYPE,
        asked_when=when(modality="non_image"),
        text="What kind of data is it?",
        hint=(
            "Data of the study that is not images, such as cross-linking mass spectrometry beside a cryo-EM "
            "structure, or single-cell sequencing beside imaging: the plan names its repository and the depositions "
            "that cite it."
        ),
    ),
    Question(
        field="medical_imaging",
        kind="boolean",
        text="Is this medical imaging of people (patients or healthy volunteers), such as MRI, CT or ultrasound?",
        hint=(
            "Clinical or research, identifiable or not. Histology and whole-slide images of biopsies are microscopy, "
            "not medical imaging: answer no, then the next question."
        ),
        default=False,
    ),
    Question(
        field="human_tissue",
        kind="boolean",
        text=(
            "Does the data come from samples taken from human participants, such as tissue sections, biopsies or "
            "primary cells?"
        ),
        hint=(
            "Its images and any other data. Established cell lines, such as HeLa or HEK293, do not count. Medical "
            "imaging is the question above."
        ),
        default=False,
    ),
    Question(
        field="human_data_open",
        kind="boolean",
        asked_when=when(human_tissue=True),
        text=(
            "Did the participants consent (or an ethics committee approve) to open public release of the data of "
            "this dataset, its images and any omics or other data, and of the metadata of their samples?"
        ),
        hint=(
            "Every EMBL-EBI archive the plan could name here releases data and sample metadata openly, to anyone. "
            "Without that consent nothing of this dataset goes to them: the plan says where it can go instead and "
            "whom to ask."
        ),
    ),
    Question(
        field="human_controlled_access",
        kind="boolean",
        # The second half of the consent decision: without consent to open release the reads go to the EGA
        # whatever the answer (rules.CONTROLLED_SEQUENCING), so it is asked only after a "yes", and still accepted
        # (with no effect) where an API client answered it after a "no".
        asked_when=any_of(*(when(**reads, human_data_open=True) for reads in HUMAN_SEQUENCING_READS)),
        allowed_when=any_of(*(when(**reads) for reads in HUMAN_SEQUENCING_READS)),
        text="Must the raw sequencing reads still stay under controlled access?",
        hint=(
            "Answer yes if, despite that consent, the reads must not be released openly: they then go to the "
            "European Genome-phenome Archive (EGA), and ArrayExpress can take processed data only, if its curators "
            "approve."
        ),
    ),
)

DATASET_QUESTIONS_BY_FIELD: dict[str, Question] = {question.field: question for question in DATASET_QUESTIONS}
STUDY_FIELDS = ("answers_version", "answers_given_in", "publication", "datasets", "correlations")


def questions_asked_for(dataset: Mapping[str, Any]) -> tuple[Question, ...]:
    """The questions the wizard asks about one dataset, given the answers so far, in asking order."""
    return tuple(question for question in DATASET_QUESTIONS if question.asked_when.matches(dataset))
