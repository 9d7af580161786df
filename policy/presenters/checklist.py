"""Presenters: pure functions turning a stored plan, its answers and its quoted texts into what pages show.

They read the words a result stored when it was made (Result.texts) first and the current engine only for
what an older result did not store, so a stored result keeps showing what it showed.
"""

from dataclasses import dataclass, field

from policy.engine.clauses import CLAUSES
from policy.engine.rules import ARCHIVES
from policy.engine.vocabulary import LINK_KIND


@dataclass(frozen=True, slots=True)
class ArchiveView:
    code: str
    name: str
    url: str
    accession_example: str


@dataclass(frozen=True, slots=True)
class ReasonView:
    clause_id: str
    title: str
    quote: str
    source: str
    why: str
    beyond_policy: bool


@dataclass(frozen=True, slots=True)
class ContentView:
    """What of which datasets a deposition holds."""

    datasets: tuple[str, ...]
    what: str
    optional: bool

    def __str__(self) -> str:
        optional = " (optional)" if self.optional else ""
        return f"{', '.join(self.datasets)}: {self.what}{optional}"


@dataclass(frozen=True, slots=True)
class ChecklistStep:
    number: int
    key: str
    archive: ArchiveView
    datasets: tuple[str, ...]
    contents: tuple[ContentView, ...]
    submit_url: str
    route: str
    reasons: tuple[ReasonView, ...]


@dataclass(frozen=True, slots=True)
class LinkingItem:
    kind: str
    kind_label: str
    archive: ArchiveView
    datasets: tuple[str, ...]
    contents: tuple[str, ...]
    reasons: tuple[ReasonView, ...]


@dataclass(frozen=True, slots=True)
class RefusedDataset:
    dataset: str
    reasons: tuple[ReasonView, ...]
    instead: str  # what to do instead; "" for plans made before it was said per dataset


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    reasons: tuple[ReasonView, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    steps: tuple[ChecklistStep, ...]
    linking: tuple[LinkingItem, ...]
    not_accepted: tuple[RefusedDataset, ...]
    notes: tuple[Note, ...]
    contacts: tuple[str, ...]
    archives_used: tuple[ArchiveView, ...] = field(default=())


def archive_view(code: str, texts: dict) -> ArchiveView:
    stored = texts.get("archives", {}).get(code)
    if stored is not None:
        return ArchiveView(code, stored["name"], stored["url"], stored["accession_example"])
    current = ARCHIVES.get(code)
    if current is not None:
        return ArchiveView(code, current.name, current.url, current.accession_example)
    return ArchiveView(code, code, "", "")


def reason_view(reason: dict, texts: dict) -> ReasonView:
    clause_id = reason["clause"]
    stored = texts.get("clauses", {}).get(clause_id)
    if stored is not None:
        return ReasonView(
            clause_id, stored["title"], stored["text"], stored["source"], reason["why"], stored["beyond_policy"]
        )
    current = CLAUSES.get(clause_id)
    if current is not None:
        return ReasonView(clause_id, current.title, current.text, current.source, reason["why"], current.beyond_policy)
    return ReasonView(clause_id, clause_id, "", "", reason["why"], clause_id.startswith("beyond-policy:"))


def _reasons(item: dict, texts: dict) -> tuple[ReasonView, ...]:
    return tuple(reason_view(reason, texts) for reason in item["reasons"])


def link_kind_label(kind: str, texts: dict) -> str:
    stored = texts.get("link_kinds", {}).get(kind)
    if stored is not None:
        return stored
    try:
        return LINK_KIND.label(kind)
    except KeyError:
        return kind.replace("_", " ").capitalize()


def checklist_build(*, plan: dict, texts: dict) -> Checklist:
    steps = tuple(
        ChecklistStep(
            number=number,
            key=deposition["key"],
            archive=archive_view(deposition["archive"], texts),
            datasets=tuple(deposition["datasets"]),
            contents=tuple(
                ContentView(tuple(content["datasets"]), content["what"], content["optional"])
                for content in deposition["contents"]
            ),
            submit_url=deposition["submit_url"],
            route=deposition["route"],
            reasons=_reasons(deposition, texts),
        )
        for number, deposition in enumerate(plan["depositions"], start=1)
    )
    linking = tuple(
        LinkingItem(
            kind=item["kind"],
            kind_label=link_kind_label(item["kind"], texts),
            archive=archive_view(item["archive"], texts),
            datasets=tuple(item["datasets"]),
            contents=tuple(item["contents"]),
            reasons=_reasons(item, texts),
        )
        for item in plan["linking"]
    )
    archives_used = tuple(archive_view(code, texts) for code in dict.fromkeys(step.archive.code for step in steps))
    return Checklist(
        steps=steps,
        linking=linking,
        not_accepted=tuple(
            RefusedDataset(dataset=item["dataset"], reasons=_reasons(item, texts), instead=item["instead"])
            for item in plan["not_accepted"]
        ),
        notes=tuple(Note(text=note["text"], reasons=_reasons(note, texts)) for note in plan["notes"]),
        contacts=tuple(plan["contacts"]),
        archives_used=archives_used,
    )


def dataset_contents(contents: tuple[ContentView, ...], dataset: str) -> str:
    """What of one dataset (alone) a deposition holds."""
    return "; ".join(content.what for content in contents if content.datasets == (dataset,))
