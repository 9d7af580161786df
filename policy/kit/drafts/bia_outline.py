"""The BioImage Archive submission outline: for each BioImage Archive step, its study components (one per dataset,
one per correlation), each with the REMBI sections to fill and its own file list, of the one design the result
page and the PageTab download share (policy/kit/drafts/file_lists.py). Delivered as one zip."""

import io
import zipfile
from dataclasses import dataclass

from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.accessions.progress import citations_by_step, progress_build
from policy.kit.drafts.file_lists import FileList, bia_steps, file_list_tsv
from policy.kit.drafts.pagetab import PageTabDraft, pagetab_drafts, pagetab_json
from policy.stored_result import StoredResult

STUDY_SECTIONS = ("Study: title, description, authors and affiliations, funding, licence, related publication",)
COMPONENT_SECTIONS = ("Study component", "Biosample", "Specimen", "Image acquisition", "Image analysis (if any)")
CORRELATION_SECTIONS = ("Study component", "Image correlation")
# A fixed time inside the zip, so the same plan always gives the same bytes.
ZIP_TIMESTAMP = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class StudyComponent:
    name: str
    datasets: tuple[str, ...]
    sections: tuple[str, ...]
    file_list: FileList


@dataclass(frozen=True, slots=True)
class BiaStepOutline:
    step: int
    key: str
    folder: str
    components: tuple[StudyComponent, ...]


def bia_outlines(*, stored: StoredResult) -> tuple[BiaStepOutline, ...]:
    return tuple(
        BiaStepOutline(
            step=step.number,
            key=step.key,
            folder=f"step-{step.number}-{step.key.replace(':', '-')}",
            components=tuple(
                StudyComponent(
                    name=file_list.component,
                    datasets=file_list.datasets,
                    sections=CORRELATION_SECTIONS if file_list.correlation else COMPONENT_SECTIONS,
                    file_list=file_list,
                )
                for file_list in step.file_lists
            ),
        )
        for step in bia_steps(stored=stored)
    )


def _readme(outline: BiaStepOutline, cites: list[str], pagetab: PageTabDraft) -> str:
    lines = [
        f"# BioImage Archive submission outline, step {outline.step}",
        "",
        "Fill these sections in the BioStudies submission tool (BioImaging template). REMBI: "
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8606015",
        "",
        f"Or fill every “FILL IN” of `{pagetab.filename}` (the same submission in PageTab JSON), upload your data and "
        "the file lists of this folder under their names, and submit it through “Submit PageTab”.",
        "",
        "## Study",
        "",
        *(f"- {section}" for section in STUDY_SECTIONS),
    ]
    if cites:
        lines += ["- Related submissions to cite:", *(f"  - {citation}" for citation in cites)]
    for component in outline.components:
        datasets = ", ".join(f"`{dataset}`" for dataset in component.datasets)
        lines += ["", f"## Study component `{component.name}` ({datasets})", ""]
        lines += [f"- [ ] {section}" for section in component.sections]
        lines.append(
            f"- [ ] File list: `{component.file_list.filename}` (one row per file; first column header `Files`)"
        )
    return "\n".join(lines) + "\n"


def bia_outline_zip(*, stored: StoredResult, accessions: AccessionsEntered) -> bytes:
    """The outlines of every BioImage Archive step as one zip: a folder per step with README.md, the step's PageTab
    submission and a file list per study component, with the accessions typed so far."""
    citations = citations_by_step(progress=progress_build(stored=stored, accessions=accessions))
    pagetabs = {draft.key: draft for draft in pagetab_drafts(stored=stored, accessions=accessions)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for outline in bia_outlines(stored=stored):
            pagetab = pagetabs[outline.key]
            readme = _readme(outline, list(citations.get(outline.key, [])), pagetab)
            _write(archive, f"{outline.folder}/README.md", readme)
            _write(archive, f"{outline.folder}/{pagetab.filename}", pagetab_json(draft=pagetab))
            for component in outline.components:
                _write(
                    archive,
                    f"{outline.folder}/{component.file_list.filename}",
                    file_list_tsv(file_list=component.file_list),
                )
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, text.encode())
