"""The stored plan as steps a depositor can act on, in the words the result stored (Result.texts).

Each deposition becomes a step holding everything needed to do it: what to deposit, where the submission
starts, the linking done in it and the earlier steps whose accessions it cites (by number), the later steps
that cite it, the accession to note, one sentence of why and the policy's words. A clause's words are quoted
once, where the page first cites it; later reasons link to that quote. Built in the page's reading order, so
"first" means first on the page (and in the Markdown export, which keeps the same order).
"""

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

from policy.engine.plan import Cited, Deposition, Linking
from policy.engine.rules import placement_whys, route_whys
from policy.presenters.wording import marks_worded, terms_explained
from policy.stored_result import ArchiveWords, StoredResult
from policy.wording import list_text


@dataclass(frozen=True, slots=True)
class Quote:
    clause_id: str
    title: str
    text: str  # empty for a clause the result's words do not hold
    source: str  # the archive's page, or where this service's own advice comes from
    source_url: str  # the archive's page, or the clause's entry on this service's policy page
    beyond_policy: bool
    verbatim: bool  # False: the policy restated (its table's rows), not quoted

    @property
    def external(self) -> bool:
        """Whether the words come from another site's page (an archive's guidance)."""
        return self.source_url.startswith("http")

    @property
    def anchor(self) -> str:
        return "quote-" + re.sub(r"[^A-Za-z0-9]+", "-", self.clause_id).strip("-")


@dataclass(frozen=True, slots=True)
class Reason:
    why: str
    quote: Quote
    quoted_here: bool  # the first reason on the page citing this clause shows its words; the others link there


@dataclass(frozen=True, slots=True)
class Content:
    datasets: tuple[str, ...]
    what: str
    optional: bool

    def __str__(self) -> str:
        return f"{', '.join(self.datasets)}: {self.what}{' (optional)' if self.optional else ''}"


@dataclass(frozen=True, slots=True)
class StepRef:
    """Another step, as a step names it: "step 2 (EMDB: cryo-et)"."""

    number: int
    archive: ArchiveWords
    datasets: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"step-{self.number}"

    @property
    def link(self) -> SafeString:
        """The step as a link to its section: "step 2"."""
        return format_html('<a href="#{}">step {}</a>', self.anchor, self.number)

    @property
    def citation(self) -> SafeString:
        """The step and what it deposits, linked: "step 2 (EMDB: cryo-et)"."""
        return format_html("{} ({}: {})", self.link, self.archive.name, ", ".join(self.datasets))


@dataclass(frozen=True, slots=True)
class LinkTask:
    """Linking information (an image-omics link, correlation information or an accession cross-reference),
    done in the step whose deposition carries it."""

    kind: str
    kind_label: str
    archive: ArchiveWords
    datasets: tuple[str, ...]
    contents: tuple[str, ...]
    cites: tuple[StepRef, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class WhyLine:
    """One sentence of a step's why: what it explains (the datasets it is about, named where the step holds
    several; none for a sentence about the whole step) and the sentence, in the result's words."""

    datasets: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    key: str  # the plan's deposition key ("emdb:tomo", "bia-imaging"): what per-step additions match on
    archive: ArchiveWords
    datasets: tuple[str, ...]
    contents: tuple[Content, ...]
    route: str
    submit_url: str
    tasks: tuple[LinkTask, ...]
    cited_by: tuple[StepRef, ...]
    why_lines: tuple[WhyLine, ...]
    reasons: tuple[Reason, ...]

    @property
    def why(self) -> str:
        """The sentences about the whole step (those of a step of one dataset); `why_parts` names the rest."""
        return " ".join(line.text for line in self.why_lines if not line.datasets)

    @property
    def why_parts(self) -> tuple[WhyLine, ...]:
        """The sentences each about some of the datasets of a step holding several, in the step's order."""
        return tuple(line for line in self.why_lines if line.datasets)

    @property
    def title(self) -> str:
        return f"{self.archive.name}: deposit {list_text(self.datasets)}"

    @property
    def summary(self) -> str:
        """What the step deposits, in a few words, for the list of steps."""
        return "; ".join(dict.fromkeys(content.what for content in self.contents))

    @property
    def cites(self) -> tuple[StepRef, ...]:
        """The earlier steps whose accessions this one cites, each once, in step order."""
        refs = {ref.number: ref for task in self.tasks for ref in task.cites}
        return tuple(refs[number] for number in sorted(refs))

    @property
    def all_reasons(self) -> tuple[Reason, ...]:
        return self.reasons + tuple(reason for task in self.tasks for reason in task.reasons)


@dataclass(frozen=True, slots=True)
class Refused:
    dataset: str
    why: str
    instead: str
    reasons: tuple[Reason, ...]
    # "dataset": none of it is accepted; "images": its images are not, the rest of it is planned. Plans made
    # before contract 3 refused whole datasets only, and have no scope.
    scope: str = "dataset"

    @property
    def title(self) -> str:
        if self.scope == "images":
            return f"The images of {self.dataset} cannot be deposited at EBI"
        return f"{self.dataset} cannot be deposited at EBI"

    @property
    def short(self) -> str:
        return f"{self.dataset}: {'images ' if self.scope == 'images' else ''}not accepted at EBI"


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    steps: tuple[Step, ...]
    refused: tuple[Refused, ...]
    notes: tuple[Note, ...]
    contacts: tuple[str, ...]
    # Linking whose deposition the plan does not list: shown apart, so that no advice is lost.
    loose_linking: tuple[LinkTask, ...] = ()

    @property
    def linking(self) -> tuple[LinkTask, ...]:
        return tuple(task for step in self.steps for task in step.tasks) + self.loose_linking


class _Words:
    """The result's stored words, and what the page has shown of them so far (in reading order)."""

    def __init__(self, stored: StoredResult) -> None:
        self.stored = stored
        self.texts = stored.texts
        self.quoted: set[str] = set()
        self.explained: set[str] = set()

    def archive(self, code: str) -> ArchiveWords:
        return self.stored.archive(code)

    def link_kind(self, kind: str) -> str:
        return self.texts.get("link_kinds", {}).get(kind, kind.replace("_", " ").capitalize())

    def text(self, text: str) -> str:
        return terms_explained(text, self.explained)

    def reasons(self, cited: tuple[Cited, ...]) -> tuple[Reason, ...]:
        reasons = []
        for reason in cited:
            clause_id = reason.clause
            reasons.append(Reason(self.text(reason.why), self._quote(clause_id), clause_id not in self.quoted))
            self.quoted.add(clause_id)
        return tuple(reasons)

    def _quote(self, clause_id: str) -> Quote:
        stored = self.texts.get("clauses", {}).get(clause_id)
        if stored is None:
            return Quote(clause_id, clause_id, "", "", "", clause_id.startswith("beyond-policy:"), False)
        return Quote(
            clause_id=clause_id,
            title=stored["title"],
            text=self.text(marks_worded(stored["text"])),
            source=stored["source"],
            source_url=stored["source_url"],
            beyond_policy=stored["beyond_policy"],
            verbatim=stored["verbatim"],
        )


def _why_lines(deposition: Deposition, words: _Words) -> tuple[WhyLine, ...]:
    """One sentence for each part of a deposition (a dataset's data, the correlation information), each taken from
    the reasons the plan stored: the one the routing table gives for that part. Parts explained alike share their
    sentence; the step's first reason, the one sentence it always had, leads when no part gives it. Where the
    stored reasons hold no sentence for a part (a plan stored by an earlier release, whose parts the table no longer
    names), the step keeps that one sentence."""
    if not deposition.reasons:
        return ()
    first = deposition.reasons[0]
    stored = {(reason.clause, reason.why): reason for reason in deposition.reasons}
    parts: dict[Cited, list[str]] = {}
    for content in deposition.contents:
        candidates = placement_whys(route_key=deposition.route_key, contents=content.what)
        if not candidates and len(deposition.contents) == 1:
            # The only data of a step whose words have changed since: the route's own reason, where it gave one.
            found = [reason for reason in route_whys(route_key=deposition.route_key) if reason in stored]
            candidates = tuple(found) if len(found) == 1 else ()
        reason = next((stored[candidate] for candidate in candidates if candidate in stored), None)
        if reason is None:
            return (WhyLine((), words.text(first.why)),)
        datasets = parts.setdefault(reason, [])
        datasets += [dataset for dataset in content.datasets if dataset not in datasets]
    # Named where the step holds several datasets explained differently; one sentence for them all needs no names.
    several = len(deposition.datasets) > 1 and len(parts) > 1
    lead = () if first in parts else (WhyLine((), words.text(first.why)),)
    return lead + tuple(
        WhyLine(tuple(datasets) if several else (), words.text(reason.why)) for reason, datasets in parts.items()
    )


def plan_present(*, stored: StoredResult) -> Plan:
    """The plan's steps, refusals and notes, in the order the page reads them."""
    plan = stored.plan
    words = _Words(stored)
    numbers = stored.numbers
    refs = {
        deposition.key: StepRef(numbers[deposition.key], words.archive(deposition.archive), deposition.datasets)
        for deposition in plan.depositions
    }
    tasks_in: dict[str, list[Linking]] = {}
    for item in plan.linking:
        tasks_in.setdefault(item.performed_in if item.performed_in in refs else "", []).append(item)

    def task(item: Linking, contents: tuple[str, ...]) -> LinkTask:
        return LinkTask(
            kind=item.kind,
            kind_label=words.link_kind(item.kind),
            archive=words.archive(item.archive),
            datasets=item.datasets,
            contents=contents,
            cites=tuple(refs[key] for key in item.cites if key in refs),
            reasons=words.reasons(item.reasons),
        )

    def contents_of(item: Linking) -> tuple[str, ...]:
        return tuple(words.text(content) for content in item.contents)

    steps = []
    for deposition in plan.depositions:
        key = deposition.key
        number = numbers[key]
        # In the page's order: the linking done here (in the step's list), one sentence of why, then the reasons
        # (the deposition's, then its linking's).
        items = tasks_in.get(key, [])
        task_contents = [contents_of(item) for item in items]
        why_lines = _why_lines(deposition, words)
        reasons = words.reasons(deposition.reasons)
        citing = {
            refs[item.performed_in].number: refs[item.performed_in]
            for item in plan.linking
            if key in item.cites and item.performed_in in refs
        }
        steps.append(
            Step(
                number=number,
                key=key,
                archive=refs[key].archive,
                datasets=refs[key].datasets,
                contents=tuple(
                    Content(content.datasets, content.what, content.optional) for content in deposition.contents
                ),
                route=deposition.route,
                submit_url=deposition.submit_url,
                tasks=tuple(task(item, contents) for item, contents in zip(items, task_contents, strict=True)),
                cited_by=tuple(ref for ref_number, ref in sorted(citing.items()) if ref_number != number),
                why_lines=why_lines,
                reasons=reasons,
            )
        )
    loose_linking = tuple(task(item, contents_of(item)) for item in tasks_in.get("", []))
    refused = tuple(
        Refused(
            dataset=item.dataset,
            why=words.text(item.reasons[0].why) if item.reasons else "",
            # Plans made before refusals said what to do instead (migration 0003 left it empty) point to the contact.
            instead=item.instead
            or f"Ask {plan.contacts[0]} what to do with these images; the rest of the plan still applies.",
            reasons=words.reasons(item.reasons),
            scope=item.scope,
        )
        for item in plan.not_accepted
    )
    notes = tuple(Note(text=words.text(note.text), reasons=words.reasons(note.reasons)) for note in plan.notes)
    return Plan(
        steps=tuple(steps),
        refused=refused,
        notes=notes,
        contacts=plan.contacts,
        loose_linking=loose_linking,
    )
