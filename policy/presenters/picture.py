"""The plan as a picture: an arrow from each dataset to each archive it goes to and, on wide screens, a dashed
line from each linking item to the archives it ties together.

Two layouts of the same plan, because one drawing cannot be read at every width: the wide one (datasets,
archives, linking: three columns, 800 units across) is drawn at full size from 737 px up; the narrow one
(datasets and archives only, 300 units across) is drawn at about its own size on a phone, so its labels stay
12 px or more at 320 px. Refused datasets are drawn in a red dashed box with "not accepted at EBI" under the
label, never struck through. Pure geometry for a dumb SVG template, plus the same picture in words.
"""

import re
from dataclasses import dataclass

from policy.presenters.plan import Plan
from policy.wording import list_text

BOX_HEIGHT = 44
ROW_HEIGHT = 60
TOP = 40
ARROW_GAP = 8  # between an arrowhead's tip and the archive box it points at


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    dataset_x: int
    dataset_width: int
    archive_x: int
    archive_width: int
    link_x: int  # 0: no linking column
    link_width: int
    font_size: int
    sublabel_font_size: int  # the smaller, bold words under a label
    refused_label: str  # under a refused dataset's label, as much as its box holds
    images_refused_label: str  # under the label of a dataset whose images alone are refused

    @property
    def width(self) -> int:
        return (self.link_x + self.link_width if self.link_x else self.archive_x + self.archive_width) + 4

    @property
    def character_width(self) -> float:
        return self.font_size * 0.57  # a generous average for Arial, so labels stay inside their boxes


WIDE = Layout(
    "wide",
    4,
    170,
    264,
    200,
    550,
    246,
    font_size=15,
    sublabel_font_size=12,
    refused_label="not accepted at EBI",
    images_refused_label="images not accepted",
)
NARROW = Layout(
    "narrow",
    2,
    116,
    152,
    144,
    0,
    0,
    font_size=14,
    sublabel_font_size=13,
    refused_label="not accepted",
    images_refused_label="no images",
)


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    width: int
    label: str
    sublabel: str
    full_label: str
    refused: bool = False

    @property
    def height(self) -> int:
        return BOX_HEIGHT

    @property
    def text_x(self) -> int:
        return self.x + 10

    @property
    def label_y(self) -> int:
        return self.y + (19 if self.sublabel else 27)

    @property
    def sublabel_y(self) -> int:
        return self.y + 37

    @property
    def right(self) -> int:
        return self.x + self.width


@dataclass(frozen=True, slots=True)
class Line:
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True, slots=True)
class Heading:
    x: int
    text: str


@dataclass(frozen=True, slots=True)
class Picture:
    layout: str  # "wide" or "narrow"
    width: int
    height: int
    font_size: int
    sublabel_font_size: int
    headings: tuple[Heading, ...]
    datasets: tuple[Box, ...]
    archives: tuple[Box, ...]
    links: tuple[Box, ...]
    arrows: tuple[Line, ...]
    dashes: tuple[Line, ...]
    caption: str


@dataclass(frozen=True, slots=True)
class PlanPicture:
    wide: Picture
    narrow: Picture
    description: tuple[str, ...]


def _short(text: str, width: int, layout: Layout) -> str:
    fits = int((width - 16) / layout.character_width)
    return text if len(text) <= fits else text[: fits - 1] + "…"


# A name that gives its own abbreviation: "European Genome-phenome Archive (EGA)".
ABBREVIATED = re.compile(r"\((?P<abbreviation>[A-Z][A-Za-z-]*)\)$")


def _name_fitted(name: str, width: int, layout: Layout) -> str:
    """An archive's name in its box: whole where it fits, else the abbreviation it gives itself, else cut short
    (its box's tooltip and the picture in words keep it whole)."""
    fits = int((width - 16) / layout.character_width)
    abbreviated = ABBREVIATED.search(name)
    if len(name) > fits and abbreviated:
        return abbreviated.group("abbreviation")
    return _short(name, width, layout)


def _spread(box: Box, count: int, index: int) -> int:
    """The y of the index-th of count line ends meeting one side of a box, spread so they stay apart."""
    return box.y + round(BOX_HEIGHT * (index + 1) / (count + 1))


def _row_y(index: int) -> int:
    return TOP + index * ROW_HEIGHT


def _caption(*, links: bool, refused: bool, images_refused: bool, linking_elsewhere: bool) -> str:
    if links:
        caption = (
            "Your datasets (left) with an arrow to each archive they go to (middle), and a dashed line from each "
            "linking item (right) to the archives it ties together."
        )
    else:
        caption = "Your datasets (left) with an arrow to each archive they go to (right)."
    if linking_elsewhere:
        caption += " The linking items are in the steps that do them."
    if refused:
        caption += " A dataset in a red dashed box cannot be deposited at EBI."
    if images_refused:
        caption += " Under a dataset whose images cannot be deposited at EBI, the box says so."
    return caption


class _Drawing:
    """What both layouts draw: the datasets in rows, the archives, the arrows and the linking items."""

    def __init__(self, plan: Plan, dataset_ids: list[str]) -> None:
        # Red only where nothing of the dataset is deposited; a dataset whose images alone are refused keeps its
        # arrows and says so under its label.
        self.refused = {item.dataset for item in plan.refused if item.scope == "dataset"}
        self.images_refused = {item.dataset for item in plan.refused if item.scope == "images"}
        self.linking = plan.linking
        self.archive_names = {step.archive.code: step.archive.name for step in plan.steps}
        self.archive_names.update({item.archive.code: item.archive.name for item in self.linking})
        self.archive_order = list(dict.fromkeys(step.archive.code for step in plan.steps))
        self.archive_order += [
            code for code in dict.fromkeys(item.archive.code for item in self.linking) if code not in self.archive_order
        ]
        # One arrow per (dataset, archive), in plan order.
        self.pairs = list(
            dict.fromkeys((dataset, step.archive.code) for step in plan.steps for dataset in step.datasets)
        )
        self.destinations: dict[str, list[str]] = {}
        for dataset, code in self.pairs:
            self.destinations.setdefault(dataset, []).append(code)
        self.link_archives = [
            list(
                dict.fromkeys(
                    [item.archive.code] + [code for d in item.datasets for code in self.destinations.get(d, [])]
                )
            )
            for item in self.linking
        ]
        # Datasets in the order of the archives they go to, refused ones last, so that arrows cross less.
        self.dataset_rows = sorted(
            dataset_ids,
            key=lambda dataset: (
                min(
                    (self.archive_order.index(code) for code in self.destinations.get(dataset, [])),
                    default=len(self.archive_order),
                ),
                dataset,
            ),
        )

    def picture(self, layout: Layout) -> Picture:
        datasets = tuple(
            Box(
                layout.dataset_x,
                _row_y(index),
                layout.dataset_width,
                _short(dataset, layout.dataset_width, layout),
                layout.refused_label
                if dataset in self.refused
                else layout.images_refused_label
                if dataset in self.images_refused
                else "",
                dataset,
                refused=dataset in self.refused,
            )
            for index, dataset in enumerate(self.dataset_rows)
        )
        archives = tuple(
            Box(
                layout.archive_x,
                _row_y(index),
                layout.archive_width,
                _name_fitted(self.archive_names[code], layout.archive_width, layout),
                "",
                self.archive_names[code],
            )
            for index, code in enumerate(self.archive_order)
        )
        dataset_box = dict(zip(self.dataset_rows, datasets, strict=True))
        archive_box = dict(zip(self.archive_order, archives, strict=True))
        arrows_in = {code: [pair for pair in self.pairs if pair[1] == code] for code in self.archive_order}
        arrows = tuple(
            Line(
                dataset_box[dataset].right,
                _spread(dataset_box[dataset], len(self.destinations[dataset]), self.destinations[dataset].index(code)),
                layout.archive_x - ARROW_GAP,
                _spread(archive_box[code], len(arrows_in[code]), arrows_in[code].index((dataset, code))),
            )
            for dataset, code in self.pairs
            if dataset in dataset_box
        )
        links, dashes = self._links(layout, archive_box) if layout.link_x else ((), ())
        headings = [Heading(layout.dataset_x, "Datasets"), Heading(layout.archive_x, "Archives")]
        if links:
            headings.append(Heading(layout.link_x, "Linking"))
        rows = max(len(datasets), len(archives), len(links), 1)
        return Picture(
            layout=layout.name,
            width=layout.width,
            height=TOP + rows * ROW_HEIGHT - (ROW_HEIGHT - BOX_HEIGHT) + 4,
            font_size=layout.font_size,
            sublabel_font_size=layout.sublabel_font_size,
            headings=tuple(headings),
            datasets=datasets,
            archives=archives,
            links=links,
            arrows=arrows,
            dashes=dashes,
            caption=_caption(
                links=bool(links),
                refused=bool(self.refused),
                images_refused=bool(self.images_refused),
                linking_elsewhere=bool(self.linking) and not links,
            ),
        )

    def _links(self, layout: Layout, archive_box: dict[str, Box]) -> tuple[tuple[Box, ...], tuple[Line, ...]]:
        links = tuple(
            Box(
                layout.link_x,
                _row_y(index),
                layout.link_width,
                _short(item.kind_label, layout.link_width, layout),
                _short(", ".join(item.datasets), int(layout.link_width * 1.2), layout),
                f"{item.kind_label}: {', '.join(item.datasets)}",
            )
            for index, item in enumerate(self.linking)
        )
        dashes_in: dict[str, list[int]] = {code: [] for code in self.archive_order}
        for index, codes in enumerate(self.link_archives):
            for code in codes:
                dashes_in[code].append(index)
        dashes = tuple(
            Line(
                archive_box[code].right,
                _spread(archive_box[code], len(dashes_in[code]), dashes_in[code].index(index)),
                layout.link_x,
                _spread(links[index], len(codes), position),
            )
            for index, codes in enumerate(self.link_archives)
            for position, code in enumerate(codes)
        )
        return links, dashes

    def description(self) -> tuple[str, ...]:
        names = self.archive_names
        sentences = [
            f"{dataset} goes to {list_text([names[code] for code in self.destinations[dataset]])}."
            for dataset in self.dataset_rows
            if dataset in self.destinations
        ]
        sentences += [
            f"{item.kind_label} for {list_text(item.datasets)} ties together "
            f"{list_text([names[code] for code in codes])}."
            for item, codes in zip(self.linking, self.link_archives, strict=True)
        ]
        sentences += [
            f"{dataset} cannot be deposited at EBI." for dataset in self.dataset_rows if dataset in self.refused
        ]
        sentences += [
            f"The images of {dataset} cannot be deposited at EBI."
            for dataset in self.dataset_rows
            if dataset in self.images_refused
        ]
        # Neither placed nor refused: data that is not images and fits no repository the plan names (a note says
        # whom to ask).
        sentences += [
            f"{dataset} goes to no archive of this plan: its note says whom to ask."
            for dataset in self.dataset_rows
            if dataset not in self.destinations and dataset not in self.refused
        ]
        return tuple(sentences)


def plan_picture(*, plan: Plan, dataset_ids: list[str]) -> PlanPicture:
    drawing = _Drawing(plan, dataset_ids)
    return PlanPicture(wide=drawing.picture(WIDE), narrow=drawing.picture(NARROW), description=drawing.description())
