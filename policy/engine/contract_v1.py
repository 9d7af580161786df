"""Version 1 of the answers contract, read as version 2.

Version 1 asked whether images were "patient-identifiable"; version 2 asks whether they are medical imaging of
patients at all, and asks about subtomogram averages, atomic models, human samples and controlled access,
which version 1 never asked. A version 1 answer says nothing about those, so it maps to "no" (the default
version 1 itself assumed). Answers without "answers_version" are version 1: every client, stored result and
prefill link made before version 2 sent none.
"""

from collections.abc import Mapping
from typing import Any

from policy.engine.translation import Translation

# The follow-up questions version 2 requires of an EM method that version 1 answered without them.
NEW_FOLLOW_UPS = {
    "cryo_et": {"subtomogram_average": False, "atomic_model": False},
    "single_particle": {"atomic_model": False},
}


def _follow_ups_assumed(dataset: Mapping[str, Any]) -> Mapping[str, Any]:
    em_method = dataset.get("em_method")
    # Untrusted: em_method may be a list or an object, which no dict lookup may take.
    if dataset.get("modality") == "electron_microscopy" and isinstance(em_method, str):
        return NEW_FOLLOW_UPS.get(em_method, {})
    return {}


FROM_V1 = Translation(
    version=1,
    renamed={"patient_identifiable": "patient_medical"},
    new_fields=frozenset(
        {"patient_medical", "subtomogram_average", "atomic_model", "human_tissue", "human_controlled_access"}
    ),
    assumed=_follow_ups_assumed,
)


def answers_version_of(answers: dict) -> Any:
    return answers.get("answers_version", 1)
