"""A stored result as both the kit and the presenters read it (below both): its steps numbered once, its archives
in the words it stored."""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ArchiveWords:
    """An archive in the words a result stored (Result.texts), not the engine's row (policy.engine.archives): a
    stored plan keeps naming its archives as it did when it was made."""

    code: str
    name: str
    url: str
    accession_example: str


def step_numbers(*, plan: Mapping) -> dict[str, int]:
    """Each deposition's step number, by its key: the stored plan's steps are numbered here alone, from 1 in the
    order the plan lists its depositions (the page, the Markdown, the kit and its downloads all count so)."""
    return {deposition["key"]: number for number, deposition in enumerate(plan["depositions"], start=1)}


def archive_present(*, code: str, texts: dict) -> ArchiveWords:
    """An archive as a result's words name it (its code alone if they do not)."""
    stored = texts.get("archives", {}).get(code, {})
    return ArchiveWords(code, stored.get("name", code), stored.get("url", ""), stored.get("accession_example", ""))
