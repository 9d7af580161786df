"""The kit as the result page shows it: what the study needs before anything, for each step what to prepare (with
the source of each line) and the downloads made for it; the accessions form's fields; progress and the data
availability statement.

Built on the presented plan (`policy.presenters.plan.Plan`), whose steps are numbered once: a step's kit has the
number and key of the step it belongs to, and the result page's steps carry it (`ResultPage.steps`)."""

from collections.abc import Mapping
from dataclasses import dataclass

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
from policy.presenters.plan import Plan, Step

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
class KitDownload:
    """A file the kit makes for a step (a draft to fill, a sheet, an outline), as its "Before you start" list
    offers it."""

    kind: str  # EMPIAR_DRAFT, BIA_PAGETAB, BIA_OUTLINE, ST_SHEET or ONEDEP_HANDOFF
    title: str
    dataset: str = ""  # the EMPIAR draft's dataset
    choices: tuple[str, ...] = ()
    slug: str = ""  # the OneDep hand-off's step


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
    drafts: tuple[KitDownload, ...]

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
    def warning_links(self) -> tuple[tuple[str, str], ...]:
        """(input id, message) for each field whose accessions deserve a second look."""
        warned = (item for item in self.inputs if item.field.warning)
        return tuple((f"accession-{item.number}", f"Step {item.number}: {item.field.warning}") for item in warned)

    @property
    def empiar_drafts(self) -> tuple[KitDownload, ...]:
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


def _downloads(
    step: Step, empiar: dict[str, EmpiarDraft], onedep: dict[str, OnedepHandoff], st: tuple[str, ...]
) -> tuple[KitDownload, ...]:
    downloads: list[KitDownload] = []
    archive = step.archive.code
    if archive == "empiar" and step.key in empiar:
        draft = empiar[step.key]
        downloads.append(
            KitDownload(EMPIAR_DRAFT, f"EMPIAR deposition draft for {draft.dataset}", draft.dataset, draft.choices)
        )
    if step.key in onedep:
        handoff = onedep[step.key]
        title = f"OneDep hand-off for {handoff.dataset} ({handoff.document['em_subtype']})"
        downloads.append(KitDownload(ONEDEP_HANDOFF, title, handoff.dataset, slug=handoff.slug))
    if archive == "bia":
        downloads.append(KitDownload(BIA_PAGETAB, "BioImage Archive submission in PageTab JSON"))
        downloads.append(
            KitDownload(BIA_OUTLINE, "BioImage Archive submission outline: study components and file lists")
        )
    # The shared table is the BioImage Archive's and ArrayExpress's; EGA's own sample records hold donor attributes.
    if archive in {"bia", "arrayexpress"} and any(dataset in st for dataset in step.datasets):
        downloads.append(KitDownload(ST_SHEET, "Spatial-transcriptomics metadata sheet"))
    return tuple(downloads)


def kit_build(*, plan: Plan, stored_plan: Mapping, answers: Mapping, query: Mapping[str, str]) -> Kit:
    """The kit of `plan` (`stored_plan` as `plan_present` shows it), with the accessions typed in `query`
    (untrusted). Its steps are the plan's, numbered there; the drafts' builders read the stored deposition each
    step names by its key."""
    accessions = accessions_parse(plan=stored_plan, query=query)
    empiar_made = empiar_drafts(plan=stored_plan, answers=answers, accessions=accessions)
    empiar = {draft.deposition_key: draft for draft in empiar_made}
    onedep_made = onedep_handoffs(plan=stored_plan, answers=answers, accessions=accessions)
    onedep = {handoff.deposition_key: handoff for handoff in onedep_made}
    st = st_datasets(answers=answers, plan=stored_plan)
    depositions = {deposition["key"]: deposition for deposition in stored_plan["depositions"]}
    steps = tuple(
        StepKit(
            step=step,
            preparations=tuple(
                _preparation_view(line)
                for line in preparations_for(deposition=depositions[step.key], plan=stored_plan, answers=answers)
            ),
            drafts=_downloads(step, empiar, onedep, st),
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
    study = study_preparation_build(plan=stored_plan, answers=answers)
    return Kit(
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
        progress=progress_build(plan=stored_plan, accessions=accessions),
        statement=statement_build(plan=stored_plan, accessions=accessions),
    )
