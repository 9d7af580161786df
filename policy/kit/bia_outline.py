"""The BioImage Archive submission outline: for each BioImage Archive step, one study component per dataset (and
one for the correlation information where there is some), each with the REMBI sections to fill and its own file
list (first column header Files); for screens, the screen template's columns. Delivered as one zip."""

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from policy.kit.tsv import tsv_render

STUDY_SECTIONS = ("Study: title, description, authors and affiliations, funding, licence, related publication",)
COMPONENT_SECTIONS = ("Study component", "Biosample", "Specimen", "Image acquisition", "Image analysis (if any)")
CORRELATION_SECTIONS = ("Study component", "Image correlation")
FILE_LIST_COLUMNS = ("Files", "Description")
SCREEN_COLUMNS = {"compound": "Compound", "genetic": "Gene", "other": "Condition"}
SCREEN_FILE_LIST_COLUMNS = ("Files", "Plate", "Well", "Field")
CORRELATION_COMPONENT = "correlation"
# A fixed time inside the zip, so the same plan always gives the same bytes.
ZIP_TIMESTAMP = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class StudyComponent:
    name: str
    datasets: tuple[str, ...]
    sections: tuple[str, ...]
    file_list: str  # the file list's name inside the step's folder
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BiaStepOutline:
    step: int
    key: str
    folder: str
    components: tuple[StudyComponent, ...]


def _columns(dataset: Mapping) -> tuple[str, ...]:
    screen_type = dataset.get("screen_type")
    if dataset.get("modality") == "high_content_screening" and screen_type in SCREEN_COLUMNS:
        return (*SCREEN_FILE_LIST_COLUMNS, SCREEN_COLUMNS[screen_type], "Description")
    return FILE_LIST_COLUMNS


def bia_outlines(*, plan: Mapping, answers: Mapping) -> tuple[BiaStepOutline, ...]:
    by_id = {dataset["id"]: dataset for dataset in answers["datasets"]}
    outlines = []
    for number, deposition in enumerate(plan["depositions"], start=1):
        if deposition["archive"] != "bia":
            continue
        components = [
            StudyComponent(
                name=dataset_id,
                datasets=(dataset_id,),
                sections=COMPONENT_SECTIONS,
                file_list=f"file-list-{dataset_id}.tsv",
                columns=_columns(by_id.get(dataset_id, {})),
            )
            for dataset_id in deposition["datasets"]
        ]
        correlated = [
            item for item in plan["linking"] if item["kind"] == "correlation" and item["in"] == deposition["key"]
        ]
        for index, item in enumerate(correlated, start=1):
            name = CORRELATION_COMPONENT if len(correlated) == 1 else f"{CORRELATION_COMPONENT}-{index}"
            components.append(
                StudyComponent(
                    name=name,
                    datasets=tuple(item["datasets"]),
                    sections=CORRELATION_SECTIONS,
                    file_list=f"file-list-{name}.tsv",
                    columns=FILE_LIST_COLUMNS,
                )
            )
        outlines.append(
            BiaStepOutline(
                step=number,
                key=deposition["key"],
                folder=f"step-{number}-{deposition['key'].replace(':', '-')}",
                components=tuple(components),
            )
        )
    return tuple(outlines)


def _readme(outline: BiaStepOutline, cites: list[str]) -> str:
    lines = [
        f"# BioImage Archive submission outline, step {outline.step}",
        "",
        "Fill these sections in the BioStudies submission tool (BioImaging template). REMBI: "
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8606015",
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
        lines.append(f"- [ ] File list: `{component.file_list}` (one row per file; first column header `Files`)")
    return "\n".join(lines) + "\n"


def bia_outline_zip(*, plan: Mapping, answers: Mapping, citations: Mapping[str, list[str]]) -> bytes:
    """The outlines of every BioImage Archive step as one zip: a folder per step with README.md and a file list per
    study component. `citations`: deposition key -> the accessions (or placeholders) its submission cites."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for outline in bia_outlines(plan=plan, answers=answers):
            _write(archive, f"{outline.folder}/README.md", _readme(outline, list(citations.get(outline.key, []))))
            for component in outline.components:
                _write(
                    archive,
                    f"{outline.folder}/{component.file_list}",
                    tsv_render(header=component.columns, rows=[]),
                )
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, text.encode())
