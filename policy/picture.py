"""The plan as a picture: datasets on the left, archives in the middle, linking items on the right.

An arrow for each dataset a deposition carries, a dashed line from each linking item to the archives it
ties together, refused datasets crossed out. Pure geometry for a dumb SVG template, plus the same picture
in words for its text alternative.
"""

from dataclasses import dataclass

from policy.presenters.checklist import Checklist

BOX_HEIGHT = 44
ROW_HEIGHT = 60
TOP = 40
DATASET_X, DATASET_WIDTH = 4, 170
ARCHIVE_X, ARCHIVE_WIDTH = 264, 200
LINK_X, LINK_WIDTH = 550, 246
WIDTH = LINK_X + LINK_WIDTH + 4
CHARACTER_WIDTH = 8.5  # a generous average for 15px Arial, so labels stay inside their boxes


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    width: int
    label: str
    sublabel: str
    full_label: str
    crossed_out: bool = False

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
        return self.y + 36

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + BOX_HEIGHT


@dataclass(frozen=True, slots=True)
class Line:
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True, slots=True)
class Picture:
    width: int
    height: int
    datasets: tuple[Box, ...]
    archives: tuple[Box, ...]
    links: tuple[Box, ...]
    arrows: tuple[Line, ...]
    dashes: tuple[Line, ...]
    description: tuple[str, ...]

    @property
    def dataset_heading_x(self) -> int:
        return DATASET_X

    @property
    def archive_heading_x(self) -> int:
        return ARCHIVE_X

    @property
    def link_heading_x(self) -> int:
        return LINK_X


def _short(text: str, width: int) -> str:
    fits = int((width - 16) / CHARACTER_WIDTH)
    return text if len(text) <= fits else text[: fits - 1] + "…"


def _spread(box: Box, count: int, index: int) -> int:
    """The y of the index-th of count line ends meeting one side of a box, spread so they stay apart."""
    return box.y + round(BOX_HEIGHT * (index + 1) / (count + 1))


def _list_text(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def plan_picture(*, checklist: Checklist, dataset_ids: list[str]) -> Picture:
    refused = {item.dataset for item in checklist.not_accepted}
    archive_names = {step.archive.code: step.archive.name for step in checklist.steps}
    archive_names.update({item.archive.code: item.archive.name for item in checklist.linking})
    archive_order = list(dict.fromkeys([step.archive.code for step in checklist.steps]))
    archive_order += [item.archive.code for item in checklist.linking if item.archive.code not in archive_order]

    # One arrow per (dataset, archive), in plan order.
    pairs = list(dict.fromkeys((dataset, step.archive.code) for step in checklist.steps for dataset in step.datasets))
    destinations: dict[str, list[str]] = {}
    for dataset, code in pairs:
        destinations.setdefault(dataset, []).append(code)
    link_archives = [
        list(dict.fromkeys([item.archive.code] + [code for d in item.datasets for code in destinations.get(d, [])]))
        for item in checklist.linking
    ]

    # Datasets in the order of the archives they go to, refused ones last, so that arrows cross less.
    rows_of_datasets = sorted(
        dataset_ids,
        key=lambda dataset: (
            min((archive_order.index(code) for code in destinations.get(dataset, [])), default=len(archive_order)),
            dataset,
        ),
    )

    def row_y(index: int) -> int:
        return TOP + index * ROW_HEIGHT

    datasets = tuple(
        Box(
            DATASET_X,
            row_y(index),
            DATASET_WIDTH,
            _short(dataset, DATASET_WIDTH),
            "not accepted at EBI" if dataset in refused else "",
            dataset,
            crossed_out=dataset in refused,
        )
        for index, dataset in enumerate(rows_of_datasets)
    )
    archives = tuple(
        Box(ARCHIVE_X, row_y(index), ARCHIVE_WIDTH, _short(archive_names[code], ARCHIVE_WIDTH), "", archive_names[code])
        for index, code in enumerate(archive_order)
    )
    links = tuple(
        Box(
            LINK_X,
            row_y(index),
            LINK_WIDTH,
            _short(item.kind_label, LINK_WIDTH),
            _short(", ".join(item.datasets), int(LINK_WIDTH * 1.2)),
            f"{item.kind_label}: {', '.join(item.datasets)}",
        )
        for index, item in enumerate(checklist.linking)
    )
    dataset_box = dict(zip(rows_of_datasets, datasets, strict=True))
    archive_box = dict(zip(archive_order, archives, strict=True))

    arrows_in = {code: [pair for pair in pairs if pair[1] == code] for code in archive_order}
    arrows = tuple(
        Line(
            dataset_box[dataset].right,
            _spread(dataset_box[dataset], len(destinations[dataset]), destinations[dataset].index(code)),
            ARCHIVE_X - 8,
            _spread(archive_box[code], len(arrows_in[code]), arrows_in[code].index((dataset, code))),
        )
        for dataset, code in pairs
        if dataset in dataset_box
    )
    dashes_in = {code: [] for code in archive_order}
    for index, codes in enumerate(link_archives):
        for code in codes:
            dashes_in[code].append(index)
    dashes = tuple(
        Line(
            archive_box[code].right,
            _spread(archive_box[code], len(dashes_in[code]), dashes_in[code].index(index)),
            LINK_X,
            _spread(links[index], len(codes), position),
        )
        for index, codes in enumerate(link_archives)
        for position, code in enumerate(codes)
    )

    description = [
        f"{dataset} goes to {_list_text([archive_names[code] for code in destinations[dataset]])}."
        for dataset in rows_of_datasets
        if dataset in destinations
    ]
    description += [
        f"{item.kind_label} for {_list_text(list(item.datasets))} ties together "
        f"{_list_text([archive_names[code] for code in codes])}."
        for item, codes in zip(checklist.linking, link_archives, strict=True)
    ]
    description += [
        f"{dataset} cannot be deposited at EBI (crossed out)." for dataset in rows_of_datasets if dataset in refused
    ]

    rows = max(len(datasets), len(archives), len(links), 1)
    return Picture(
        width=WIDTH,
        height=TOP + rows * ROW_HEIGHT - (ROW_HEIGHT - BOX_HEIGHT) + 4,
        datasets=datasets,
        archives=archives,
        links=links,
        arrows=arrows,
        dashes=dashes,
        description=tuple(description),
    )
