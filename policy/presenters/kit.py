"""The kit as the result page shows it: what the study needs before anything, for each step what to prepare (with
the source of each line) and the downloads made for it; the accessions form's fields; progress and the data
availability statement.

Built on the presented plan (`policy.presenters.plan.Plan`), whose steps are numbered once: a step's kit has the
number and key of the step it belongs to, and the result page's steps carry it (`ResultPage.steps`)."""

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from policy.engine.archives import archive_short_name
from policy.engine.clauses import CLAUSES
from policy.kit.accessions.entered import ACCESSION_FORMATS, AccessionField, AccessionsEntered, accessions_parse
from policy.kit.accessions.progress import Progress, progress_build
from policy.kit.accessions.statement import Statement, statement_build
from policy.kit.advice.before_you_start import preparations_for
from policy.kit.advice.study_preparation import study_preparation_build
from policy.kit.drafts.empiar_draft import EmpiarDraft, empiar_drafts
from policy.kit.drafts.onedep_handoff import OnedepHandoff, onedep_handoffs
from policy.kit.drafts.st_sheet import st_datasets
from policy.presenters.kit_files import KIT_FILES, StepDownload
from policy.presenters.plan import Plan, Step, plan_present
from policy.stored_result import StoredResult

EMPIAR_DRAFT = "empiar"
BIA_OUTLINE = "bia-outline"
BIA_PAGETAB = "bia-pagetab"
ST_SHEET = "st-metadata"
ONEDEP_HANDOFF = "onedep"


@dataclass(frozen=True, slots=True)
class PreparationView:
    topic: str
    text: str
    source_title: str
    source_url: str
    beyond_policy: bool


@dataclass(frozen=True, slots=True)
class StepTransferView:
    number: int
    archive_name: str
    datasets: tuple[str, ...]
    lines: tuple[PreparationView, ...]


@dataclass(frozen=True, slots=True)
class StudyPreparationView:
    """“Before you start anything”, as the page shows it."""

    accounts: tuple[PreparationView, ...]
    people: tuple[PreparationView, ...]
    transfers: tuple[StepTransferView, ...]

    @property
    def count(self) -> int:
        return len(self.accounts) + len(self.people) + len(self.transfers)


@dataclass(frozen=True, slots=True)
class StepKit:
    step: Step  # the presented step this kit belongs to
    preparations: tuple[PreparationView, ...]
    drafts: tuple[StepDownload, ...]

    @property
    def number(self) -> int:
        return self.step.number

    @property
    def key(self) -> str:
        return self.step.key


@dataclass(frozen=True, slots=True)
class AccessionInput:
    field: AccessionField
    number: int
    archive_name: str
    datasets: tuple[str, ...]
    example: str
    describe: str


@dataclass(frozen=True, slots=True)
class Kit:
    stored: StoredResult  # the stored result, read once
    plan: Plan  # the presented plan the kit was built on: the page's steps, numbered once
    study: StudyPreparationView
    steps: tuple[StepKit, ...]
    inputs: tuple[AccessionInput, ...]
    accessions: AccessionsEntered
    progress: Progress
    statement: Statement

    @property
    def error_links(self) -> tuple[tuple[str, str], ...]:
        """(input id, message) for each wrong field, for the error summary."""
        wrong = (item for item in self.inputs if item.field.error)
        return tuple((f"accession-{item.number}", f"Step {item.number}: {item.field.error}") for item in wrong)

    @property
    def empiar_drafts(self) -> tuple[StepDownload, ...]:
        return tuple(draft for step in self.steps for draft in step.drafts if draft.kind == EMPIAR_DRAFT)


def _preparation_view(line) -> PreparationView:
    clause = CLAUSES.get(line.clause)
    return PreparationView(
        line.topic,
        line.text,
        clause.title if clause else line.clause,
        clause.source_url if clause else "",
        line.clause.startswith("beyond-policy:"),
    )


class _Addresses:
    """The kit's addresses for one result, each with the valid accessions typed in."""

    def __init__(self, result_id: str, query: str) -> None:
        self.result_id = result_id
        self.query = f"?{query}" if query else ""

    def of(self, kind: str, *part) -> str:
        return reverse(KIT_FILES[kind].url_name, args=[self.result_id, *part]) + self.query


def _downloads(
    step: Step,
    empiar: dict[str, EmpiarDraft],
    onedep: dict[str, OnedepHandoff],
    st: tuple[str, ...],
    addresses: _Addresses,
) -> tuple[StepDownload, ...]:
    downloads: list[StepDownload] = []
    archive = step.archive.code
    if archive == "empiar" and step.key in empiar:
        draft = empiar[step.key]
        downloads.append(
            StepDownload(
                EMPIAR_DRAFT,
                f"EMPIAR deposition draft for {draft.dataset}",
                addresses.of(EMPIAR_DRAFT, draft.dataset),
                draft.dataset,
                draft.choices,
                links=(("json", addresses.of("empiar-json", draft.dataset)),),
            )
        )
    if step.key in onedep:
        handoff = onedep[step.key]
        title = f"OneDep hand-off for {handoff.dataset} ({handoff.document['em_subtype']})"
        url = addresses.of(ONEDEP_HANDOFF, handoff.slug)
        downloads.append(
            StepDownload(ONEDEP_HANDOFF, title, url, handoff.dataset, links=(("script", reverse("kit-onedep-script")),))
        )
    if archive == "bia":
        url = addresses.of(BIA_PAGETAB, step.number)
        downloads.append(StepDownload(BIA_PAGETAB, "BioImage Archive submission in PageTab JSON", url))
        title = "BioImage Archive submission outline: study components and file lists"
        downloads.append(StepDownload(BIA_OUTLINE, title, addresses.of(BIA_OUTLINE)))
    # The shared table is the BioImage Archive's and ArrayExpress's; EGA's own sample records hold donor attributes.
    if archive in {"bia", "arrayexpress"} and any(dataset in st for dataset in step.datasets):
        downloads.append(StepDownload(ST_SHEET, "Spatial-transcriptomics metadata sheet", addresses.of(ST_SHEET)))
    return tuple(downloads)


def kit_build(*, stored: StoredResult, query: Mapping[str, str]) -> Kit:
    """The kit of a stored result, on its presented plan (`plan_present`), with the accessions typed in `query`
    (untrusted). Its steps are the plan's; the drafts' builders read the deposition each step names by its key."""
    plan = plan_present(stored=stored)
    accessions = accessions_parse(stored=stored, query=query)
    empiar = {draft.deposition_key: draft for draft in empiar_drafts(stored=stored, accessions=accessions)}
    onedep = {handoff.deposition_key: handoff for handoff in onedep_handoffs(stored=stored, accessions=accessions)}
    st = st_datasets(stored=stored)
    addresses = _Addresses(stored.id, urlencode(accessions.query()))
    steps = tuple(
        StepKit(
            step=step,
            preparations=tuple(
                _preparation_view(line)
                for line in preparations_for(deposition=stored.depositions[step.key], stored=stored)
            ),
            drafts=_downloads(step, empiar, onedep, st, addresses),
        )
        for step in plan.steps
    )
    inputs = tuple(
        AccessionInput(
            field=accessions.fields[step.key],
            number=step.number,
            archive_name=archive_short_name(code=step.archive.code),
            datasets=step.datasets,
            example=ACCESSION_FORMATS[step.archive.code].example,
            describe=ACCESSION_FORMATS[step.archive.code].describe,
        )
        for step in plan.steps
        if step.archive.code in ACCESSION_FORMATS
    )
    study = study_preparation_build(stored=stored)
    return Kit(
        stored=stored,
        plan=plan,
        study=StudyPreparationView(
            accounts=tuple(_preparation_view(line) for line in study.accounts),
            people=tuple(_preparation_view(line) for line in study.people),
            transfers=tuple(
                StepTransferView(
                    number=item.number,
                    archive_name=archive_short_name(code=item.archive),
                    datasets=item.datasets,
                    lines=tuple(_preparation_view(line) for line in item.lines),
                )
                for item in study.transfers
            ),
        ),
        steps=steps,
        inputs=inputs,
        accessions=accessions,
        progress=progress_build(stored=stored, accessions=accessions),
        statement=statement_build(stored=stored, accessions=accessions),
    )
