"""The wizard's own words: error messages, page titles and which questions have a longer explanation.

Questions, hints and choices come from policy.engine; this module only holds presentation.
"""

REQUIRED_MESSAGES = {
    "publication": "Select yes if the image data is associated with a publication",
    "id": "Enter a short label for the dataset",
    "modality": "Select how these images were made",
    "em_method": "Select the electron microscopy method",
    "volume_em_method": "Select the volume EM method",
    "ed_map": "Select yes if you computed a 3D map from the diffraction data",
    "xray_method": "Select the X-ray method",
    "segmentations": "Select whether you will deposit segmentations or annotations, and where",
    "data_type": "Select the kind of data",
    "tilt_series": "Select yes if you will deposit the raw tilt series",
    "tomograms": "Select how many tomograms you reconstructed",
    "dimensionality": "Select whether the images are 2D or 3D",
    "omics_type": "Select the kind of omics data",
    "omics_repository_fits": "Select yes if the omics data fits an existing omics repository",
    "screen_type": "Select the kind of screen",
    "subtomogram_average": "Select yes if you computed a subtomogram average",
    "atomic_model": "Select yes if you built an atomic model into the map",
    "human_controlled_access": "Select yes if the raw sequencing reads must stay under controlled access",
    "medical_imaging": "Select yes if this is medical imaging of people",
    "human_tissue": "Select yes if the data comes from samples taken from human participants",
    "human_data_open": "Select yes if the participants consented to open release of this dataset's data",
}

# The wizard's question (GOV.UK error pattern) when microscopy or spatial omics is answered "medical imaging".
MEDICAL_IMAGING_CONFIRM = (
    "Check this answer: microscopy of tissue taken from people, such as histology or whole-slide images of biopsies, "
    "is not medical imaging. Select no, then answer yes to samples from human participants. If this really is "
    "medical imaging of people (patients or healthy volunteers), save again: its images will not be planned for "
    "any archive at EMBL-EBI."
)

# Said on every page that adds a dataset, the first one too, and on the list: correlative images are two datasets.
DATASET_MEANING = (
    "A dataset is the images made with one imaging method: correlative light and electron microscopy are two."
)
DATASET_MISSING = "This dataset is no longer in your study"
# Check your answers names each answer by a short name (its question in full is on the dataset's page), so that
# the long human-data questions do not repeat in every card. A question without one is named by its text.
SHORT_NAMES = {
    "publication": "Associated with a publication",
    "modality": "Imaging method",
    "em_method": "Electron microscopy method",
    "volume_em_method": "Volume EM method",
    "ed_map": "3D map from the diffraction data",
    "xray_method": "X-ray method",
    "segmentations": "Segmentations or annotations",
    "data_type": "Kind of data",
    "tilt_series": "Raw tilt series deposited",
    "tomograms": "Reconstructed tomograms",
    "subtomogram_average": "Subtomogram average",
    "atomic_model": "Atomic model",
    "dimensionality": "2D or 3D",
    "omics_type": "Omics data",
    "omics_repository_fits": "Fits an omics repository",
    "screen_type": "Kind of screen",
    "medical_imaging": "Medical imaging of people",
    "human_tissue": "Samples from human participants",
    "human_data_open": "Consent to open release of the data",
    "human_controlled_access": "Raw reads under controlled access",
}
# Without JavaScript every follow-up shows, captioned with what it is for in a few words: the answer it follows
# most closely ("For" its label, or these words), or the caption of its own below. With JavaScript the caption is
# hidden: the follow-up shows only when it is asked.
CONDITION_WORDS = {
    ("em_method", "cryo_et"): "cryo-ET",
    ("em_method", "single_particle"): "single-particle cryo-EM",
    ("em_method", "volume_em"): "volume EM",
    ("em_method", "microed"): "microED",
    ("dimensionality", "3d"): "3D X-ray images",
    ("human_tissue", True): "human samples",
}
CAPTIONS = {
    "human_controlled_access": "If yes above, for human sequencing reads",
}
# Choices that say how much of a dataset there is, or what else is deposited with it, not how it was made: left out
# of its summary (the add-another list, the correlation page's hints), where "…cryo-ET, Many" would not say many of
# what.
NOT_IN_SUMMARY = frozenset({"tomograms", "segmentations"})
LABEL_INVALID = "Use 1 to 40 letters, digits, hyphens or underscores, with no spaces"
LABEL_TAKEN = "Another dataset is already labelled {label}: choose a different label"
DATASETS_NONE = "Add at least one dataset"
DATASETS_TOO_MANY = "A study can have at most 50 datasets: remove some before you continue"
DATASETS_LIMIT_REACHED = "You have added 50 datasets, the most one study can have"
CORRELATED_REQUIRED = "Select yes if any of these datasets were imaged on the same sample and registered together"
CORRELATED_QUESTION = "Were any of these datasets imaged on the same sample and registered together?"
CORRELATED_HINT = (
    "For example, light microscopy and FIB-SEM of the same cells, with the transformations that map one onto "
    "the other. These are correlative groups."
)
CORRELATIONS_WHY = (
    "Your study has {count} datasets that can be deposited: the plan says how to link those registered together."
)
CORRELATIONS_REASKED = "Since you answered this question you {changes}: check the correlative groups again."
CORRELATIONS_DROPPED = "The group of {group} was dropped: {gone} {reason}."
CORRELATIONS_NOT_OFFERED = (
    "{labels} cannot be in a group: no EMBL-EBI archive accepts medical imaging of people, so it is not deposited."
)
GROUP_TOO_SMALL = "A correlative group needs at least two datasets: tick another, or none"
GROUPS_NONE = "Tick at least two datasets that were registered together, or answer no"
GROUP_UNKNOWN_LABEL = "Tick only the datasets listed"
ANSWERS_CHANGED = "Your answers changed in another window, so no plan was made: check them again"
ANSWERS_CHANGED_NAMED = "Your answers changed in another window ({changes}), so no plan was made: check them again"
# The notice on the page a form is sent on to when its step is no longer open: another window changed the study
# since its page was shown (a "Get your deposition plan" from a Check page, or any other step's form).
CHANGED_ELSEWHERE_NO_PLAN = (
    "Your study was changed in another window after this Check your answers page was shown, so no plan was made "
    "yet. Answer this question, then get your plan from Check your answers."
)
CHANGED_ELSEWHERE = (
    "Your study was changed in another window after that page was shown, so nothing you sent from it was kept. "
    "Answer this question as your study is now."
)

# Removing a dataset: the question (a page without JavaScript, in the list with it), what goes with the dataset,
# and the notice once it is removed.
REMOVE_QUESTION = "Are you sure you want to remove {label}?"
REMOVE_GROUP_KEPT = "It is also in correlative group {number}, with {others}: that group will keep {others}."
REMOVE_GROUP_DROPPED = (
    "It is also in correlative group {number}, with {others}: that group will go, as one dataset is not a group."
)
REMOVE_NO_GROUP = "It is in no correlative group."
REMOVED = "{label} was removed from your study."
REMOVED_WITH_GROUPS = "{label} was removed from your study, and from {groups}."

# What a modality's group of follow-ups says before its questions (by the modality's value): said once, here.
GROUP_NOTES = {
    "non_image": (
        "Data that is not images goes to its own repository (ArrayExpress, PRIDE, MetaboLights, or EGA for human "
        "sequencing under controlled access), never to the BioImage Archive; the study's image and structure "
        "depositions cite it."
    ),
    "spatial_omics": (
        "Where the tissue images go: the images and segmentations go to the BioImage Archive, linked to the omics "
        "data. For sequencing-based spatial transcriptomics, ArrayExpress also takes the raw tissue images with the "
        "reads, so those go to both."
    ),
}

# Questions whose page carries a longer explanation: templates/wizard/explanations/<field>.html.
EXPLAINED_FIELDS = frozenset(
    {"modality", "em_method", "tilt_series", "tomograms", "dimensionality", "omics_repository_fits", "screen_type"}
)

STEP_TITLES = {
    "publication": "Is the image data associated with a publication?",
    "datasets": "The datasets in your study",
    "correlations": "Correlative groups",
    "check": "Check your answers before getting your plan",
}


def required_message(field: str) -> str:
    return REQUIRED_MESSAGES.get(field, "Answer this question")


def short_name(field: str, text: str) -> str:
    return SHORT_NAMES.get(field, text)


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "imaging method", but "EM method" and "2D or 3D" as they are."""
    first_word = name.split(" ", 1)[0]
    return name if first_word[1:2].isupper() or first_word[:1].isdigit() else name[:1].lower() + name[1:]
