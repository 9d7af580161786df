"""Version 2 of the answers contract, read as version 3.

Version 2 asked whether images were medical imaging of *patients*; version 3 asks about medical imaging of
people, patients or healthy volunteers, so a version 2 "yes" is a version 3 "yes", and a version 2 "no" keeps
the plan it had. Version 2 never asked whether the participants who gave human samples consented to open
release of their images: it planned those images for open archives and stated that condition beside them. Its
answers are read as "yes" (the plan version 2 made, which still states the condition), and the wizard asks the
question again when a stored version 2 study is loaded into it (`answers_as_given`).
"""

from collections.abc import Mapping
from typing import Any

from policy.engine.translation import Translation

# What version 3 asks that version 2 answered without asking: filled in as version 2 planned, never shown as if
# the depositor had said it (answers_as_given).
ASSUMED = {"human_images_open": True}


def _consent_assumed(dataset: Mapping[str, Any]) -> Mapping[str, Any]:
    return ASSUMED if dataset.get("human_tissue") is True else {}


FROM_V2 = Translation(
    version=2,
    renamed={"patient_medical": "medical_imaging"},
    new_fields=frozenset({"medical_imaging", "human_images_open"}),
    assumed=_consent_assumed,
)


def answers_as_given(*, answers: dict, given_in: Any) -> dict:
    """Canonical version 3 answers without what the translation from `given_in` (an earlier version) assumed:
    what the depositor really said, for a form that asks the rest again."""
    if given_in not in (1, 2):
        return answers
    datasets = [{name: value for name, value in d.items() if name not in ASSUMED} for d in answers["datasets"]]
    return {**answers, "datasets": datasets}
