"""Where a depositor stands, from the accessions typed so far: which steps are done, what the next step must cite
(the plan's linking items with the real accessions filled in) and the filled accessions table."""

from dataclasses import dataclass

from policy.engine.archives import archive_short_name
from policy.kit.accessions.entered import ACCESSION_FORMATS, AccessionsEntered
from policy.stored_result import StoredResult


@dataclass(frozen=True, slots=True)
class StepProgress:
    number: int
    key: str
    archive: str
    datasets: tuple[str, ...]
    accessions: tuple[str, ...]
    accepts_accessions: bool  # False for an archive whose accession format we do not know

    @property
    def done(self) -> bool:
        return bool(self.accessions)


@dataclass(frozen=True, slots=True)
class Citation:
    """An accession that a linking item cites: known, or still to come from an earlier step."""

    step: int
    archive: str
    datasets: tuple[str, ...]
    accessions: tuple[str, ...]

    @property
    def text(self) -> str:
        name = archive_short_name(code=self.archive)
        if self.accessions:
            return f"{name} {', '.join(self.accessions)} ({', '.join(self.datasets)})"
        return f"{name} accession of step {self.step}, not entered yet ({', '.join(self.datasets)})"


@dataclass(frozen=True, slots=True)
class FilledLink:
    kind: str
    step: int  # the step whose submission carries the item
    datasets: tuple[str, ...]
    contents: tuple[str, ...]
    cites: tuple[Citation, ...]

    @property
    def ready(self) -> bool:
        return all(citation.accessions for citation in self.cites)


@dataclass(frozen=True, slots=True)
class Progress:
    steps: tuple[StepProgress, ...]
    links: tuple[FilledLink, ...]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def next_step(self) -> StepProgress | None:
        return next((step for step in self.steps if not step.done), None)

    @property
    def next_step_links(self) -> tuple[FilledLink, ...]:
        following = self.next_step
        return tuple(link for link in self.links if following is not None and link.step == following.number)


def progress_build(*, stored: StoredResult, accessions: AccessionsEntered) -> Progress:
    numbers = stored.numbers
    steps = tuple(
        StepProgress(
            number=numbers[deposition.key],
            key=deposition.key,
            archive=deposition.archive,
            datasets=deposition.datasets,
            accessions=accessions.of(deposition.key),
            accepts_accessions=deposition.archive in ACCESSION_FORMATS,
        )
        for deposition in stored.plan.depositions
    )
    by_key = {step.key: step for step in steps}
    links = tuple(
        FilledLink(
            kind=item.kind,
            step=numbers[item.performed_in],
            datasets=item.datasets,
            contents=item.contents,
            cites=tuple(
                Citation(by_key[key].number, by_key[key].archive, by_key[key].datasets, by_key[key].accessions)
                for key in item.cites
                if key in by_key
            ),
        )
        for item in stored.plan.linking
        if item.performed_in in numbers
    )
    return Progress(steps=steps, links=links)


def citations_by_step(*, progress: Progress) -> dict[str, list[str]]:
    """Deposition key -> what its submission cites (accessions, or which step's accession is still to come)."""
    key_of = {step.number: step.key for step in progress.steps}
    cited: dict[str, list[str]] = {}
    for link in progress.links:
        texts = cited.setdefault(key_of[link.step], [])
        texts.extend(citation.text for citation in link.cites if citation.text not in texts)
    return {key: texts for key, texts in cited.items() if texts}
