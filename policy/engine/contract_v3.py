"""Version 3 of the answers contract, read as version 4.

Version 3 asked whether the participants who gave human samples consented to open release of the *images* and
of their samples' metadata; version 4 asks about open release of all of the dataset's data (images, omics and any
other data) and of its samples' metadata. For a dataset whose data is its images, the two questions are the same
question and the answer is kept. A spatial-omics dataset whose omics data goes to an omics repository has data
the version 3 question did not cover: its answer is "not asked", and no open archive receives that dataset's data.
"""

from collections.abc import Mapping
from typing import Any

from policy.engine.translation import Translation

CONSENT_COVERED_THE_IMAGES_ONLY = frozenset({"human_data_open"})


def _omics_consent_unanswered(dataset: Mapping[str, Any]) -> frozenset[str]:
    has_omics_data = dataset.get("modality") == "spatial_omics" and dataset.get("omics_repository_fits") is True
    # Only an answer is left out: a value of the wrong type stays, for validation to refuse.
    answered = isinstance(dataset.get("human_images_open"), bool)
    return CONSENT_COVERED_THE_IMAGES_ONLY if has_omics_data and answered else frozenset()


FROM_V3 = Translation(
    version=3,
    renamed={"human_images_open": "human_data_open"},
    # The methods (microED, the volume EM and X-ray method, segmentations, data that is not images) are new too.
    new_fields=frozenset(
        {"human_data_open", "ed_map", "volume_em_method", "xray_method", "segmentations", "data_type"}
    ),
    unanswered=_omics_consent_unanswered,
)
