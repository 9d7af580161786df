"""The policy described for tools: version, clauses, vocabulary and questions, so they can build a form."""

from policy.engine.archives import ARCHIVES
from policy.engine.clauses import CLAUSES
from policy.engine.questions import (
    ANSWERS_CONTRACT_VERSION,
    ANSWERS_CONTRACT_VERSIONS,
    DATASET_QUESTIONS,
    MAX_DATASETS,
    PUBLICATION,
)
from policy.engine.rules import ARCHIVE_ORDER
from policy.engine.version import POLICY_VERSION
from policy.engine.vocabulary import ENUMERATIONS


def policy_describe() -> dict:
    return {
        "policy_version": POLICY_VERSION,
        "answers_contract_version": ANSWERS_CONTRACT_VERSION,
        # Answers without "answers_version" are read as version 1.
        "answers_contract_versions_accepted": list(ANSWERS_CONTRACT_VERSIONS),
        "max_datasets": MAX_DATASETS,
        "clauses": [clause.as_dict() for clause in CLAUSES.values()],
        "vocabulary": {enumeration.name: enumeration.as_dict()["choices"] for enumeration in ENUMERATIONS},
        "questions": {
            "study": [PUBLICATION.as_dict()],
            "dataset": [question.as_dict() for question in DATASET_QUESTIONS],
        },
        "archives": [
            {"code": a.code, "name": a.name, "url": a.url, "accession_example": a.accession_example}
            for a in map(ARCHIVES.get, ARCHIVE_ORDER)
        ],
    }
