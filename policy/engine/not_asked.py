"""Answers a contract version never asked: derived, never stored.

A study given in an earlier version of the answers contract is translated into today's (`Translation`); the
fields a version never asked are the `new_fields` of every translation from that version onward, and the
follow-ups added to version 4 after its release (`ADDED_TO_VERSION_4`). Where the
translated answers do not answer such a field, the question was not asked: the answers show it as "Not asked in
this version" (never as a "Yes" or "No" nobody gave), the plan reads it as an unanswered question, and "Change
answers" leaves it unanswered, for the wizard to ask. The canonical answers name the version they were given in
("answers_given_in") and leave those fields out, so the same derivation holds for a stored result forever.
"""

from collections.abc import Mapping
from typing import Any

from policy.engine.contract_v1 import FROM_V1, answers_version_of
from policy.engine.contract_v2 import FROM_V2
from policy.engine.contract_v3 import FROM_V3
from policy.engine.questions import DATASET_QUESTIONS

# The translation from version n to n + 1, for n = 1, 2, …
TRANSLATIONS = (FROM_V1, FROM_V2, FROM_V3)
# Follow-ups added to version 4 after it was released: answers given in version 4 without them were written before
# they existed, so each is "not asked" there too, like a field an earlier version never asked. Those asked only
# after an answer new with them (`ed_map` of microED, `data_type` of data that is not images) are required as usual.
ADDED_TO_VERSION_4 = frozenset({"volume_em_method", "xray_method", "segmentations"})
GIVEN_IN = "answers_given_in"
NOT_ASKED = "Not asked in this version"


def fields_never_asked(*, version: int) -> frozenset[str]:
    """Today's fields that answers given in `version` could not have answered."""
    return ADDED_TO_VERSION_4.union(*(translation.new_fields for translation in TRANSLATIONS[version - 1 :]))


def answers_given_in(answers: Mapping[str, Any]) -> Any:
    """The contract version whose questions the depositor answered: canonical answers translated from an earlier
    version name it; any other answers were given in the version they name."""
    return answers.get(GIVEN_IN, answers_version_of(answers))


def dataset_not_asked(*, dataset: Mapping[str, Any], given_in: int) -> tuple[str, ...]:
    """The questions today's contract asks of this dataset that the version it was given in never asked and its
    answers leave unanswered, in asking order."""
    never = fields_never_asked(version=given_in)
    return tuple(
        question.field
        for question in DATASET_QUESTIONS
        if question.field in never and question.field not in dataset and question.asked_when.matches(dataset)
    )


def answers_not_asked(*, answers: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """For canonical answers (a stored result's), each dataset's label -> its questions never asked."""
    given_in = answers_given_in(answers)
    if given_in.__class__ is not int:
        return {}
    return {
        dataset["id"]: fields
        for dataset in answers.get("datasets", [])
        if (fields := dataset_not_asked(dataset=dataset, given_in=given_in))
    }
