"""The one design of a BioImage Archive file list, for the result page's starter file lists and the submission
downloads (PageTab, outline) alike: a BioImage Archive step has one study component per dataset it deposits and
one per correlation it carries, and each component its own file list, as the archive asks ("one file list per
study component", beyond-policy:bia-file-list).

A file list's columns: Files first (the archive requires it), then for screens Plate, Well, Field and the screen
template's column (Compound, Gene or Condition), then Description. One starter row per component names the
folder its files go in and what goes there, for the depositor to replace with one row per file.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.plan import Deposition
from policy.kit.drafts.tsv import tsv_render
from policy.stored_result import StoredResult

CORRELATION_COMPONENT = "correlation"
FILES_COLUMN = (
    "Files",
    "the path of each file in your upload, one row per file (the archive requires this header first)",
)
DESCRIPTION_COLUMN = ("Description", "what the file shows")
SCREEN_COLUMNS = (("Plate", "the plate"), ("Well", "the well"), ("Field", "the field of view"))
# The screen template's column for each kind of screen (the answers' screen_type).
SCREEN_TYPE_COLUMNS = {"compound": "Compound", "genetic": "Gene", "other": "Condition"}
CORRELATION_DESCRIPTION = "registrations and transformations"


@dataclass(frozen=True, slots=True)
class FileList:
    """One study component's file list."""

    step: int  # the plan's step that submits it
    component: str  # the study component's name: a dataset label, or "correlation" ("correlation-2" …)
    correlation: bool  # the component carries correlation information between `datasets`
    datasets: tuple[str, ...]
    description: str  # what the component holds, from the plan's words
    columns: tuple[tuple[str, str], ...]  # (header, what goes in it)
    rows: tuple[tuple[str, ...], ...]  # starter rows

    @property
    def slug(self) -> str:
        return f"bia-step-{self.step}-file-list-{self.component}"

    @property
    def filename(self) -> str:
        """The name a submission's File List attribute gives it: the download's name without the result id."""
        return f"{self.slug}.tsv"

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


@dataclass(frozen=True, slots=True)
class BiaStep:
    """A BioImage Archive step of the plan, with its study components' file lists."""

    number: int
    key: str
    datasets: tuple[str, ...]
    file_lists: tuple[FileList, ...]


def _columns(dataset: Mapping) -> tuple[tuple[str, str], ...]:
    screen_column = SCREEN_TYPE_COLUMNS.get(dataset.get("screen_type", ""))
    if dataset.get("modality") == "high_content_screening" and screen_column:
        screened = (screen_column, f"the {screen_column.lower()} in the well")
        return (FILES_COLUMN, *SCREEN_COLUMNS, screened, DESCRIPTION_COLUMN)
    return (FILES_COLUMN, DESCRIPTION_COLUMN)


def _what_of(deposition: Deposition, dataset: str) -> str:
    """What of one dataset, alone, the deposition takes (the plan's words)."""
    return "; ".join(item.what for item in deposition.contents if item.datasets == (dataset,))


def _starter_row(component: str, width: int, description: str) -> tuple[str, ...]:
    return (f"{component}/", *([""] * (width - 2)), description)


def _file_list(
    step: int, component: str, correlation: bool, datasets: tuple[str, ...], description: str, columns
) -> FileList:
    row = _starter_row(component, len(columns), description)
    return FileList(step, component, correlation, datasets, description, columns, (row,))


def _correlation_name(index: int, count: int, taken: set[str]) -> str:
    """ "correlation" (numbered when there are several), made distinct from the step's dataset labels."""
    name = CORRELATION_COMPONENT if count == 1 else f"{CORRELATION_COMPONENT}-{index}"
    while name in taken:
        name = f"{name}-links"
    return name


def bia_steps(*, stored: StoredResult) -> tuple[BiaStep, ...]:
    """Every BioImage Archive step of the plan, in plan order, with a file list per study component."""
    steps = []
    for deposition in stored.depositions_to("bia"):
        number = stored.numbers[deposition.key]
        file_lists = [
            _file_list(
                number,
                dataset,
                False,
                (dataset,),
                _what_of(deposition, dataset),
                _columns(stored.datasets.get(dataset, {})),
            )
            for dataset in deposition.datasets
        ]
        correlated = [
            item for item in stored.plan.linking if item.kind == "correlation" and item.performed_in == deposition.key
        ]
        for index, item in enumerate(correlated, start=1):
            name = _correlation_name(index, len(correlated), set(deposition.datasets))
            columns = (FILES_COLUMN, DESCRIPTION_COLUMN)
            file_lists.append(_file_list(number, name, True, item.datasets, CORRELATION_DESCRIPTION, columns))
        steps.append(BiaStep(number, deposition.key, deposition.datasets, tuple(file_lists)))
    return tuple(steps)


def file_list_tsv(*, file_list: FileList) -> str:
    return tsv_render(header=file_list.header, rows=file_list.rows)
