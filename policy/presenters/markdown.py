"""The plan as Markdown, for a ticket or a lab notebook: the result page's content in the page's order, from the
same presenter (policy.presenters.result.ResultPage), so the two never disagree."""

from policy.presenters.kit import Kit, PreparationView, StepKit
from policy.presenters.plan import LinkTask, Reason
from policy.presenters.result import PageStep, ResultPage
from policy.presenters.wording import count_text
from policy.wording import list_text

# Three spaces nest a Markdown list under "1. " as well as under "- ".
INDENT = "   "


def _reasons(page: ResultPage, reasons: tuple[Reason, ...], indent: str = INDENT) -> list[str]:
    lines = []
    for reason in reasons:
        quote = reason.quote
        source = f"{quote.title}, {page.absolute(quote.source_url)}" if quote.source_url else quote.title
        if quote.beyond_policy:
            source += " (from the archive's own pages, not the policy)" if quote.external else f" ({quote.source})"
        lines.append(f"{indent}- {reason.why} ({source})")
        if quote.text and reason.quoted_here:
            lines.append(f"{indent}  > {quote.text}")
    return lines


def _cites(refs) -> str:
    return list_text([f"step {ref.number} ({ref.archive.name}: {', '.join(ref.datasets)})" for ref in refs])


def _task(task: LinkTask) -> list[str]:
    return [f"{INDENT}- {task.kind_label}: {content}" for content in task.contents]


def _source(line: PreparationView) -> str:
    marker = "beyond the policy: " if line.beyond_policy else ""
    return f"({marker}{line.source_title}, {line.source_url})"


def _before_you_start(kit_step: StepKit) -> list[str]:
    if not kit_step.preparations:
        return []
    lines = ["- Before you start:"]
    lines += [f"{INDENT}- [ ] {line.topic}: {line.text} {_source(line)}" for line in kit_step.preparations]
    return lines


def _statement(kit: Kit) -> list[str]:
    lines = ["## Data availability statement", "", kit.statement.text, ""]
    if kit.statement.references:
        lines += ["For the reference list:", ""]
        lines += [f"- {reference}" for reference in kit.statement.references]
        lines.append("")
    return lines


def _before_you_start_anything(kit: Kit) -> list[str]:
    """The study-wide list, as the page shows it before the steps."""
    if not kit.study.count:
        return []
    lines = ["## Before you start anything", ""]
    lines += [f"- [ ] {line.text} {_source(line)}" for line in (*kit.study.accounts, *kit.study.people)]
    for step in kit.study.transfers:
        how = " ".join(f"{line.text} {_source(line)}" for line in step.lines)
        how = how or "uploaded through the archive's own submission tool (the step's Start link)."
        lines.append(f"- [ ] Step {step.number}, {step.archive_name} ({', '.join(step.datasets)}): {how}")
    return [*lines, ""]


def _step(page: ResultPage, item: PageStep) -> list[str]:
    step = item.step
    lines = [f"### Step {step.number}: {step.title}", ""]
    lines += [f"- Deposit {content}" for content in step.contents]
    lines += _before_you_start(item.kit)
    lines.append(f"- Start the submission: {step.submit_url} ({step.route})")
    if step.cites:
        lines.append(f"- Cite the accessions from {_cites(step.cites)}.")
    if step.tasks:
        lines.append("- Linking to do in this submission:")
        lines += [line for task in step.tasks for line in _task(task)]
    if item.file_lists:
        lines.append("- Starter file lists, one per study component:")
        lines += [f"{INDENT}- {page.template_url(template)}" for template in item.file_lists]
    if step.archive.accession_example:
        citing = _cites(step.cited_by)
        verb = "cites" if len(step.cited_by) == 1 else "cite"
        later = f" {citing[:1].upper()}{citing[1:]} {verb} it." if step.cited_by else ""
        lines.append(f"- Note the accession you receive (it looks like {step.archive.accession_example}).{later}")
    lines.append(f"- Why: {step.why}".rstrip())
    lines += [f"{INDENT}- {list_text(part.datasets)}: {part.text}" for part in step.why_parts]
    lines += _reasons(page, step.all_reasons)
    return [*lines, ""]


def result_markdown(*, page: ResultPage) -> str:
    plan = page.plan
    lines = [
        "# Deposition plan",
        "",
        f"Link: {page.url}",
        f"Made on {page.created_at:%-d %B %Y} under the policy “Image archiving at EBI”, {page.edition} edition "
        f"(version {page.policy_version}).",
        "",
        page.lede,
        "",
    ]
    if plan.steps:
        lines += [f"## Steps ({count_text(len(plan.steps), 'deposition')})", ""]
        lines += [f"{step.number}. [ ] {step.title}: {step.summary}" for step in plan.steps]
        lines.append("")
        lines += _before_you_start_anything(page.kit)
        for item in page.steps:
            lines += _step(page, item)
    if plan.loose_linking:
        lines += ["## Linking information", ""]
        for task in plan.loose_linking:
            lines.append(f"- {task.kind_label} ({', '.join(task.datasets)}), in {task.archive.name}")
            lines += _task(task)
            lines += _reasons(page, task.reasons)
        lines.append("")
    if plan.refused:
        lines += ["## Cannot be deposited at EBI", ""]
        for refused in plan.refused:
            lines.append(f"- {refused.title}: {refused.why}")
            if refused.instead:
                lines.append(f"{INDENT}- What to do instead: {refused.instead}")
            lines += _reasons(page, refused.reasons)
        lines.append("")
    lines += _statement(page.kit)
    if page.templates:
        lines += ["## Files to prepare", ""]
        lines += [f"- {template.title}: {page.template_url(template)}" for template in page.templates]
        lines.append("")
    if plan.notes:
        lines += ["## Notes", ""]
        for note in plan.notes:
            lines.append(f"- {note.text}")
            lines += _reasons(page, note.reasons)
        lines.append("")
    answers = page.answers
    lines += ["## Your answers", ""]
    lines += [f"- {row.key} {row.value}" for row in answers.study_rows]
    for dataset in answers.datasets:
        lines.append(f"- Dataset {dataset.dataset}")
        lines += [f"{INDENT}- {row.key} {row.value}" for row in dataset.rows]
    lines += [f"- {row.key}: {row.value}" for row in answers.correlation_rows]
    lines += ["", "## Contacts", ""]
    lines += [f"- {contact}" for contact in plan.contacts]
    return "\n".join(lines) + "\n"
