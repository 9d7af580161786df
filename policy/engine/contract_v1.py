"""Version 1 of the answers contract, read as version 2.

Version 1 asked whether images were "patient-identifiable"; version 2 asks whether they are medical imaging of
patients at all, and asks about subtomogram averages, atomic models, human samples and controlled access, which
version 1 never asked. A version 1 "yes" (images that identify patients) is read as medical imaging, which no
archive at EBI accepts; a "no" says nothing about whether the images are medical imaging, so it answers nothing
and the question is "not asked" (planned as an unanswered question is: not medical imaging). Answers without
"answers_version" are version 1: every client, stored result and prefill link made before version 2 sent none.
"""

from collections.abc import Mapping
from typing import Any

from policy.engine.translation import Translation

NOT_IDENTIFIABLE_ANSWERS_NOTHING = frozenset({"patient_medical"})


def _not_identifiable_unanswered(dataset: Mapping[str, Any]) -> frozenset[str]:
    return NOT_IDENTIFIABLE_ANSWERS_NOTHING if dataset.get("patient_identifiable") is False else frozenset()


FROM_V1 = Translation(
    version=1,
    renamed={"patient_identifiable": "patient_medical"},
    new_fields=frozenset(
        {"patient_medical", "subtomogram_average", "atomic_model", "human_tissue", "human_controlled_access"}
    ),
    unanswered=_not_identifiable_unanswered,
)


def answers_version_of(answers: dict) -> Any:
    return answers.get("answers_version", 1)
