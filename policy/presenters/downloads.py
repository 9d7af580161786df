"""What a result can be downloaded as: JSON, the plan in Markdown and the templates of files to prepare (TSV)."""

from dataclasses import dataclass
from itertools import combinations

from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.drafts.file_lists import FileList, bia_steps, file_list_tsv
from policy.kit.drafts.tsv import tsv_for_spreadsheets
from policy.models import Result
from policy.presenters.plan import Plan, Step
from policy.stored_result import StoredResult

CORRELATION_COMPONENT = "the correlation component: registrations and transformations between the datasets"


@dataclass(frozen=True, slots=True)
class Template:
    """A linking-file template the result page offers, with what each column is for."""

    slug: str
    title: str
    purpose: str
    columns: tuple[tuple[str, str], ...]
    step: int | None = None
    # A BioImage Archive study component's file list (policy/kit/drafts/file_lists.py).
    file_list: FileList | None = None

    @property
    def filename(self) -> str:
        return f"{self.slug}.tsv"


def template_filename(*, template: Template, accessions: AccessionsEntered) -> str:
    """A template's download name, saying what it holds: the accessions table with accessions typed in is the
    filled one, so that it is never mistaken for the empty table."""
    if template.slug == ACCESSIONS_TEMPLATE.slug and accessions.query():
        return f"{template.slug}-filled-in.tsv"
    return template.filename


def download_filename(*, result_id: str, name: str) -> str:
    """Every download of a result is named `<id>-<name>`: `<id>-plan.md`, `<id>-plan.json`, `<id>-accessions.tsv`."""
    return f"{result_id}-{name}"


def result_as_json(*, result: Result, url: str, accessions: AccessionsEntered) -> dict:
    """The stored result as the API and the .json export give it: the answers and the plan as stored, and the valid
    accessions typed in the request's query string, by deposition key (the page's link carries them)."""
    return {
        "id": result.id,
        "url": url,
        "created_at": result.created_at.isoformat(),
        "policy_version": result.policy_version,
        "answers": result.answers,
        "plan": result.plan,
        "accessions": {key: list(accessions.of(key)) for key in accessions.query()},
    }


ACCESSIONS_TEMPLATE = Template(
    slug="accessions",
    title="Accessions of each deposition",
    purpose="Every dataset with the archive it goes to, in the order of the steps. Fill in the accession as each "
    "deposition is made: the linking steps cite these accessions.",
    columns=(
        ("Step", "the step of the plan that deposits it"),
        ("Dataset", "your label for the dataset"),
        ("Archive", "where that step deposits it"),
        ("Contents", "what of the dataset goes there"),
        ("Accession example", "what the archive's accessions look like"),
        ("Accession", "empty: write the accession you receive"),
    ),
)
REGISTRATIONS_TEMPLATE = Template(
    slug="registrations",
    title="Registrations between correlative datasets",
    purpose="One row for each pair of datasets imaged from the same sample. Describe the transform that maps the "
    "source into the target's coordinate space; the transform files go in the BioImage Archive submission as "
    "its correlation component. Delete the pairs you did not register directly.",
    columns=(
        ("Source dataset", "the dataset whose images are transformed"),
        ("Source archive", "where the source images are deposited"),
        ("Target dataset", "the dataset whose coordinate space they are mapped into"),
        ("Target archive", "where the target images are deposited"),
        ("Transform file", "empty: the path of the transform file in your BioImage Archive upload"),
        ("Transform type", "empty: e.g. affine, rigid, landmark-based, elastic"),
        ("Software", "empty: the software (and version) that made the transform"),
        ("Description", "empty: how the registration was made"),
    ),
)


@dataclass(frozen=True, slots=True)
class FilesEntry:
    """An entry of the result page's files to prepare: a template, or a BioImage Archive step's file lists."""

    anchor: str
    title: str
    purpose: str
    columns: tuple[tuple[str, str], ...]
    downloads: tuple[Template, ...]


FILE_LISTS_PURPOSE = (
    "One file list per study component ({components}). Replace each example row with one row per file you upload; "
    "folder names are not shown to users, so write what paths mean in the columns. The step's PageTab submission "
    "names each list as it is downloaded, without the result id in front."
)


def _file_list_template(file_list: FileList) -> Template:
    what = "correlation information" if file_list.correlation else "images"
    return Template(
        slug=file_list.slug,
        title=f"BioImage Archive file list for {file_list.component} (step {file_list.step})",
        purpose=f"The file list of the study component {file_list.component}: the {what} of "
        f"{', '.join(file_list.datasets)}.",
        columns=file_list.columns,
        step=file_list.step,
        file_list=file_list,
    )


def file_lists_anchor(step: int) -> str:
    return f"file-lists-step-{step}"


def files_to_prepare(*, templates: tuple[Template, ...]) -> tuple[FilesEntry, ...]:
    """The templates as the result page lists them: a BioImage Archive step's file lists as one entry, their
    columns told once."""
    entries: list[FilesEntry] = []
    by_step: dict[int, list[Template]] = {}
    for template in templates:
        if template.file_list is None:
            entries.append(
                FilesEntry(f"template-{template.slug}", template.title, template.purpose, template.columns, (template,))
            )
        else:
            by_step.setdefault(template.file_list.step, []).append(template)
    for step, lists in by_step.items():
        columns = tuple(dict.fromkeys(column for template in lists for column in template.columns))
        components = ", ".join(template.file_list.component for template in lists if template.file_list)
        entries.append(
            FilesEntry(
                file_lists_anchor(step),
                f"BioImage Archive file lists for step {step}",
                FILE_LISTS_PURPOSE.format(components=components),
                columns,
                tuple(lists),
            )
        )
    return tuple(entries)


def templates_offered(*, plan: Plan, stored: StoredResult) -> tuple[Template, ...]:
    """The templates this plan calls for: accessions when it has linking items, registrations for correlative
    studies, a file list for each study component of each BioImage Archive submission (`plan` presents the plan
    `stored` holds)."""
    offered: list[Template] = []
    if plan.linking:
        offered.append(ACCESSIONS_TEMPLATE)
    if any(item.kind == "correlation" for item in plan.linking):
        offered.append(REGISTRATIONS_TEMPLATE)
    offered += [_file_list_template(file_list) for step in bia_steps(stored=stored) for file_list in step.file_lists]
    return tuple(offered)


def _what_of(step: Step, dataset: str) -> str:
    """What of one dataset, alone, the step deposits."""
    return "; ".join(content.what for content in step.contents if content.datasets == (dataset,))


def _accessions_rows(plan: Plan, accessions: AccessionsEntered | None) -> list[list[str]]:
    def entered(step: Step) -> str:
        return " ".join(accessions.of(step.key)) if accessions else ""

    rows = []
    for step in plan.steps:
        row = [str(step.number), "", step.archive.name, "", step.archive.accession_example, entered(step)]
        rows += [[row[0], dataset, row[2], _what_of(step, dataset), *row[4:]] for dataset in step.datasets]
        # The correlation component is part of the same submission, so it shares the step's accession.
        rows += [
            [row[0], f"correlation ({', '.join(task.datasets)})", row[2], CORRELATION_COMPONENT, *row[4:]]
            for task in step.tasks
            if task.kind == "correlation"
        ]
    return rows


def _registrations_rows(plan: Plan) -> list[list[str]]:
    archives_of: dict[str, list[str]] = {}
    for step in plan.steps:
        for dataset in step.datasets:
            archives_of.setdefault(dataset, []).append(step.archive.name)

    def archives(dataset: str) -> str:
        return "; ".join(dict.fromkeys(archives_of.get(dataset, [])))

    return [
        [source, archives(source), target, archives(target), "", "", "", ""]
        for item in plan.linking
        if item.kind == "correlation"
        for source, target in combinations(item.datasets, 2)
    ]


def template_render(*, template: Template, plan: Plan, accessions: AccessionsEntered | None = None) -> str:
    """The template as a TSV file; the accessions one with the `accessions` typed so far filled in (the kit's)."""
    header = [name for name, _ in template.columns]
    if template.slug == ACCESSIONS_TEMPLATE.slug:
        return tsv_for_spreadsheets(header=header, rows=_accessions_rows(plan, accessions))
    if template.slug == REGISTRATIONS_TEMPLATE.slug:
        return tsv_for_spreadsheets(header=header, rows=_registrations_rows(plan))
    if template.file_list is not None:
        return file_list_tsv(file_list=template.file_list)
    raise ValueError(f"no rows for the template {template.slug!r}")
