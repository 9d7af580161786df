"""A stored result as the kit and the presenters read it (below both), once per request: its plan typed, its steps
numbered, its datasets indexed, its archives in the words it stored."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from policy.engine.plan import Deposition, Plan, plan_from_json
from policy.models import Result


@dataclass(frozen=True, slots=True)
class ArchiveWords:
    """An archive in the words a result stored (Result.texts), not the engine's row (policy.engine.archives): a
    stored plan keeps naming its archives as it did when it was made."""

    code: str
    name: str
    url: str
    accession_example: str


@dataclass(frozen=True, slots=True)
class StoredResult:
    plan: Plan
    answers: Mapping[str, Any]  # in the contract version they name
    texts: Mapping[str, Any]  # the engine's words as they were when the result was made
    # Each deposition's step number, by its key: the plan's steps are numbered here alone, from 1 in the order the
    # plan lists its depositions (the page, the Markdown, the kit and its downloads all count so).
    numbers: Mapping[str, int]
    depositions: Mapping[str, Deposition]  # by key, in plan order
    datasets: Mapping[str, Mapping[str, Any]]  # the answers' datasets, by id, in the answers' order
    id: str = ""  # the result's id ("" for a plan not stored)

    def datasets_of(self, deposition: Deposition) -> tuple[Mapping[str, Any], ...]:
        """The answers of the datasets a deposition carries."""
        return tuple(self.datasets[dataset] for dataset in deposition.datasets if dataset in self.datasets)

    def route_of(self, key: str) -> str:
        """The route of the deposition with this key ("" for a key the plan does not list)."""
        deposition = self.depositions.get(key)
        return deposition.route_key if deposition is not None else ""

    def depositions_to(self, archive: str) -> tuple[Deposition, ...]:
        return tuple(deposition for deposition in self.plan.depositions if deposition.archive == archive)

    def archive(self, code: str) -> ArchiveWords:
        """An archive as the result's words name it (its code alone if they do not)."""
        stored = self.texts.get("archives", {}).get(code, {})
        return ArchiveWords(code, stored.get("name", code), stored.get("url", ""), stored.get("accession_example", ""))


def stored_result_read(
    *, plan: Mapping[str, Any], answers: Mapping[str, Any], texts: Mapping[str, Any], result_id: str = ""
) -> StoredResult:
    """A plan and answers as a result stores them, read once."""
    typed = plan_from_json(plan)
    return StoredResult(
        plan=typed,
        answers=answers,
        texts=texts,
        numbers={deposition.key: number for number, deposition in enumerate(typed.depositions, start=1)},
        depositions={deposition.key: deposition for deposition in typed.depositions},
        datasets={dataset["id"]: dataset for dataset in answers["datasets"]},
        id=result_id,
    )


def result_read(result: Result) -> StoredResult:
    return stored_result_read(plan=result.plan, answers=result.answers, texts=result.texts, result_id=result.id)
