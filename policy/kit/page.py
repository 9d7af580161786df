"""The kit as the result page shows it: what the study needs before anything, for each step what to prepare (with
the source of each line) and the drafts to download; the accessions form's fields; progress and the data
availability statement."""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.archives import archive_short_name
from policy.engine.clauses import CLAUSES
from policy.kit.accessions import ACCESSION_FORMATS, AccessionField, AccessionsEntered, accessions_parse
from policy.kit.before_you_start import preparations_for
from policy.kit.empiar_draft import EmpiarDraft, empiar_drafts
from policy.kit.onedep_handoff import OnedepHandoff, onedep_handoffs
from policy.kit.progress import Progress, progress_build
from policy.kit.st_sheet import st_datasets
from policy.kit.statement import Statement, statement_build
from policy.kit.study_preparation import study_preparation_build

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
class Draft:
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
    number: int
    key: str
    preparations: tuple[PreparationView, ...]
    drafts: tuple[Draft, ...]


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
    study: StudyPreparationView
    steps: tuple[StepKit, ...]
    inputs: tuple[AccessionInput, ...]
    accessions: AccessionsEntered
    progress: Progress
    statement: Statement

    def step(self, number: int) -> StepKit | None:
        return next((step for step in self.steps if step.number == number), None)

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
    def empiar_drafts(self) -> tuple[Draft, ...]:
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


def _drafts(
    deposition: Mapping, empiar: dict[str, EmpiarDraft], onedep: dict[str, OnedepHandoff], st: tuple[str, ...]
) -> tuple[Draft, ...]:
    drafts: list[Draft] = []
    archive = deposition["archive"]
    if archive == "empiar" and deposition["key"] in empiar:
        draft = empiar[deposition["key"]]
        drafts.append(Draft(EMPIAR_DRAFT, f"EMPIAR deposition draft for {draft.dataset}", draft.dataset, draft.choices))
    if deposition["key"] in onedep:
        handoff = onedep[deposition["key"]]
        title = f"OneDep hand-off for {handoff.dataset} ({handoff.document['em_subtype']})"
        drafts.append(Draft(ONEDEP_HANDOFF, title, handoff.dataset, slug=handoff.slug))
    if archive == "bia":
        drafts.append(Draft(BIA_PAGETAB, "BioImage Archive submission in PageTab JSON"))
        drafts.append(Draft(BIA_OUTLINE, "BioImage Archive submission outline: study components and file lists"))
    # The shared table is the BioImage Archive's and ArrayExpress's; EGA's own sample records hold donor attributes.
    if archive in {"bia", "arrayexpress"} and any(dataset in st for dataset in deposition["datasets"]):
        drafts.append(Draft(ST_SHEET, "Spatial-transcriptomics metadata sheet"))
    return tuple(drafts)


def kit_build(*, plan: Mapping, answers: Mapping, query: Mapping[str, str]) -> Kit:
    """The kit of a stored plan, with the accessions typed in `query` (untrusted)."""
    accessions = accessions_parse(plan=plan, query=query)
    empiar = {draft.deposition_key: draft for draft in empiar_drafts(plan=plan, answers=answers, accessions=accessions)}
    onedep = {item.deposition_key: item for item in onedep_handoffs(plan=plan, answers=answers, accessions=accessions)}
    st = st_datasets(answers=answers, plan=plan)
    steps = tuple(
        StepKit(
            number=number,
            key=deposition["key"],
            preparations=tuple(
                _preparation_view(line) for line in preparations_for(deposition=deposition, plan=plan, answers=answers)
            ),
            drafts=_drafts(deposition, empiar, onedep, st),
        )
        for number, deposition in enumerate(plan["depositions"], start=1)
    )
    inputs = tuple(
        AccessionInput(
            field=accessions.fields[deposition["key"]],
            number=number,
            archive_name=archive_short_name(code=deposition["archive"]),
            datasets=tuple(deposition["datasets"]),
            example=ACCESSION_FORMATS[deposition["archive"]].example,
            describe=ACCESSION_FORMATS[deposition["archive"]].describe,
        )
        for number, deposition in enumerate(plan["depositions"], start=1)
        if deposition["archive"] in ACCESSION_FORMATS
    )
    study = study_preparation_build(plan=plan, answers=answers)
    return Kit(
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
        progress=progress_build(plan=plan, accessions=accessions),
        statement=statement_build(plan=plan, accessions=accessions),
    )
