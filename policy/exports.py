"""What a result can be downloaded as: JSON, a Markdown checklist and the linking-file templates (TSV)."""

import csv
import io
from dataclasses import dataclass
from itertools import combinations

from policy.kit.page import Kit, StepKit
from policy.models import Result
from policy.presenters.answers import Answers
from policy.presenters.checklist import Checklist, ChecklistStep, dataset_contents

# The planner names the correlation it adds to the BioImage Archive imaging submission with these words.
# Three spaces nest a Markdown list under "1. " as well as under "- ".
INDENT = "   "
SCREEN_COLUMNS = {"compound": "Compound", "genetic": "Gene", "other": "Condition"}


@dataclass(frozen=True, slots=True)
class Template:
    """A linking-file template the result page offers, with what each column is for."""

    slug: str
    title: str
    purpose: str
    columns: tuple[tuple[str, str], ...]
    step: int | None = None

    @property
    def filename(self) -> str:
        return f"{self.slug}.tsv"


def download_filename(*, result_id: str, name: str) -> str:
    """Every download of a result is named `<id>-<name>`: `<id>-plan.md`, `<id>-plan.json`, `<id>-accessions.tsv`."""
    return f"{result_id}-{name}"


def result_as_json(*, result: Result, url: str) -> dict:
    """The stored result as the API and the .json export give it: the answers and the plan as stored."""
    return {
        "id": result.id,
        "url": url,
        "created_at": result.created_at.isoformat(),
        "policy_version": result.policy_version,
        "answers": result.answers,
        "plan": result.plan,
    }


def _tsv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


ACCESSIONS_TEMPLATE = Template(
    slug="accessions",
    title="Accessions of each deposition",
    purpose="Every dataset with the archive it goes to, in checklist order. Fill in the accession as each "
    "deposition is made: the linking steps cite these accessions.",
    columns=(
        ("Step", "the checklist step that deposits it"),
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


def _file_list_template(step: ChecklistStep, answers: dict) -> Template:
    columns = [
        ("Files", "the path of each file in your upload, one row per file (the archive requires this header first)"),
        ("Dataset", "your label for the dataset the file belongs to"),
        ("Description", "what the file shows"),
    ]
    screen_column = _screen_column(step, answers)
    if screen_column:
        columns += [("Plate", "the plate"), ("Well", "the well"), ("Field", "the field of view")]
        columns.append((screen_column, f"the {screen_column.lower()} in the well"))
    return Template(
        slug=f"bia-file-list-step-{step.number}",
        title=f"BioImage Archive file list for step {step.number}",
        purpose="A starter file list for this BioImage Archive submission. Replace each example row with one row "
        "per file you upload; folder names are not shown to users, so write what paths mean in the columns.",
        columns=tuple(columns),
        step=step.number,
    )


def _screen_column(step: ChecklistStep, answers: dict) -> str:
    by_id = {dataset["id"]: dataset for dataset in answers["datasets"]}
    for dataset_id in step.datasets:
        screen_type = by_id.get(dataset_id, {}).get("screen_type")
        if screen_type in SCREEN_COLUMNS:
            return SCREEN_COLUMNS[screen_type]
    return ""


def templates_offered(*, checklist: Checklist, answers: dict) -> tuple[Template, ...]:
    """The templates this plan calls for: accessions when it has linking items, registrations for correlative
    studies, a file list for each BioImage Archive submission."""
    offered: list[Template] = []
    if checklist.linking:
        offered.append(ACCESSIONS_TEMPLATE)
    if any(item.kind == "correlation" for item in checklist.linking):
        offered.append(REGISTRATIONS_TEMPLATE)
    offered += [_file_list_template(step, answers) for step in checklist.steps if step.archive.code == "bia"]
    return tuple(offered)


def _accessions_rows(checklist: Checklist) -> list[list[str]]:
    return [
        [
            str(step.number),
            dataset,
            step.archive.name,
            dataset_contents(step.contents, dataset),
            step.archive.accession_example,
            "",
        ]
        for step in checklist.steps
        for dataset in step.datasets
    ]


def _registrations_rows(checklist: Checklist) -> list[list[str]]:
    archives_of: dict[str, list[str]] = {}
    for step in checklist.steps:
        for dataset in step.datasets:
            archives_of.setdefault(dataset, []).append(step.archive.name)

    def archives(dataset: str) -> str:
        return "; ".join(dict.fromkeys(archives_of.get(dataset, [])))

    return [
        [source, archives(source), target, archives(target), "", "", "", ""]
        for item in checklist.linking
        if item.kind == "correlation"
        for source, target in combinations(item.datasets, 2)
    ]


def _file_list_rows(step: ChecklistStep, checklist: Checklist, width: int) -> list[list[str]]:
    blank = [""] * (width - 3)
    rows = [[f"{dataset}/", dataset, dataset_contents(step.contents, dataset), *blank] for dataset in step.datasets]
    if any(len(content.datasets) > 1 for content in step.contents):
        rows += [
            ["correlation/", ", ".join(item.datasets), "registrations and transformations", *blank]
            for item in checklist.linking
            if item.kind == "correlation"
        ]
    return rows


def steps_with_file_lists(
    *, checklist: Checklist, templates: tuple[Template, ...]
) -> list[tuple[ChecklistStep, Template | None]]:
    """Each checklist step with the starter file list offered for it, if any."""
    by_step = {template.step: template for template in templates if template.step is not None}
    return [(step, by_step.get(step.number)) for step in checklist.steps]


def template_render(*, template: Template, checklist: Checklist) -> str:
    header = [name for name, _ in template.columns]
    if template.slug == ACCESSIONS_TEMPLATE.slug:
        return _tsv(header, _accessions_rows(checklist))
    if template.slug == REGISTRATIONS_TEMPLATE.slug:
        return _tsv(header, _registrations_rows(checklist))
    step = next(step for step in checklist.steps if step.number == template.step)
    return _tsv(header, _file_list_rows(step, checklist, len(header)))


def _reasons_markdown(reasons) -> list[str]:
    lines = []
    for reason in reasons:
        marker = " (beyond the policy)" if reason.beyond_policy else ""
        lines.append(f"{INDENT}- Why{marker}: {reason.why} ({reason.title})")
        if reason.quote:
            lines.append(f"{INDENT}  > {reason.quote}")
    return lines


def _before_you_start_markdown(kit_step: StepKit | None) -> list[str]:
    if kit_step is None or not kit_step.preparations:
        return []
    lines = [f"{INDENT}- Before you start:"]
    for line in kit_step.preparations:
        marker = "beyond the policy: " if line.beyond_policy else ""
        lines.append(f"{INDENT}  - [ ] {line.topic}: {line.text} ({marker}{line.source_title}, {line.source_url})")
    return lines


def result_markdown(
    *,
    result: Result,
    url: str,
    checklist: Checklist,
    answers: Answers,
    templates: list[tuple[Template, str]],
    kit: Kit | None = None,
) -> str:
    lines = [
        "# Deposition plan",
        "",
        f"Link: {url}",
        f"Policy version: {result.policy_version}, made on {result.created_at:%d %B %Y}.",
        "",
    ]
    if checklist.steps:
        lines += ["## Depositions, in this order", ""]
        for step in checklist.steps:
            lines.append(f"{step.number}. [ ] {step.archive.name} ({step.archive.url}): {', '.join(step.datasets)}")
            lines += [f"{INDENT}- Deposit: {content}" for content in step.contents]
            lines.append(f"{INDENT}- How: {step.route}")
            if step.archive.accession_example:
                lines.append(
                    f"{INDENT}- Note the accession you receive (it looks like {step.archive.accession_example}): "
                    "later steps cite it."
                )
            lines += _reasons_markdown(step.reasons)
            lines += _before_you_start_markdown(kit.step(step.number) if kit else None)
        lines.append("")
    if checklist.linking:
        lines += ["## Linking information", ""]
        for item in checklist.linking:
            lines.append(f"- [ ] {item.kind_label} ({', '.join(item.datasets)}), deposited in {item.archive.name}")
            lines += [f"{INDENT}- {content}" for content in item.contents]
            lines += _reasons_markdown(item.reasons)
        lines.append("")
    if checklist.not_accepted:
        lines += ["## Cannot be deposited at EBI", ""]
        for refused in checklist.not_accepted:
            lines.append(f"- {refused.dataset}")
            if refused.instead:
                lines.append(f"{INDENT}- Instead: {refused.instead}")
            lines += _reasons_markdown(refused.reasons)
        lines.append("")
    if templates:
        lines += ["## Files to prepare", ""]
        lines += [
            f"- {template.title}: {template_url}\n{INDENT}{template.purpose}" for template, template_url in templates
        ]
        lines.append("")
    if checklist.notes:
        lines += ["## Notes", ""]
        for note in checklist.notes:
            lines.append(f"- {note.text}")
            lines += _reasons_markdown(note.reasons)
        lines.append("")
    lines += ["## Your answers", ""]
    lines += [f"- {row.key} {row.value}" for row in answers.study_rows]
    for dataset in answers.datasets:
        lines.append(f"- Dataset {dataset.dataset}")
        lines += [f"{INDENT}- {row.key} {row.value}" for row in dataset.rows]
    lines += [f"- {row.key}: {row.value}" for row in answers.correlation_rows]
    lines += ["", "## Contacts", ""]
    lines += [f"- {contact}" for contact in checklist.contacts]
    return "\n".join(lines) + "\n"
