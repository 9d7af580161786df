"""The result page's size on screen and on paper, measured in Chromium: the five-dataset study of issue 11 (its
plan must be short enough to read and print) and the single-dataset plan (one printed page).

Heights are the page's scroll height with every <details> closed, as the page opens. Printing is Chromium's
own (page.pdf, A4, the print stylesheet); the PDF's text tells which page each line landed on.
"""

import io
import re

import pytest
from playwright.sync_api import Page, expect

from policy.engine import plan_for
from policy.results import result_create
from tests.policy.conftest import FIVE_DATASET_STUDY, LIGHT_ONLY_STUDY

pytestmark = pytest.mark.django_db(transaction=True)

# 5,069 px measured with a sentence of why for each part of a step (4,989 with one per step).
FIVE_DATASET_HEIGHT_AT_1280 = 5_100
FIVE_DATASET_HEIGHT_AT_320 = 12_000
FIVE_DATASET_PRINTED_PAGES = 5
SMALLEST_LABEL_PX = 12

# The rendered size of each label of the picture shown: its font size scaled as the SVG is drawn.
PICTURE_LABEL_SIZES = """
() => [...document.querySelectorAll(".plan-picture__svg")]
  .filter((svg) => getComputedStyle(svg).display !== "none")
  .flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map((text) => ({
      text: text.textContent,
      layout: svg.classList.contains("plan-picture__svg--wide") ? "wide" : "narrow",
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
    }));
  })
"""
# The lines of every heading shown (a step's "Step N" is a line of its own, above its title).
HEADING_LINES = """
() => [...document.querySelectorAll("h1, h2, h3, h4")]
  .filter((element) => element.offsetParent !== null)
  .flatMap((element) => element.innerText.split("\\n"))
  .map((line) => line.replace(/\\s+/g, " ").trim())
  .filter((line) => line)
"""


def opened(page: Page, answers: dict, *, width: int) -> Page:
    result, _ = result_create(answers=answers)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"/r/{result.id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Where and how to deposit your images")
    return page


def height(page: Page) -> int:
    assert page.locator("details[open]").count() == 0
    return page.evaluate("document.documentElement.scrollHeight")


def printed_lines(page: Page) -> list[list[str]]:
    """Each A4 page's lines of text, top to bottom, as Chromium prints the page."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [
        [" ".join(line.split()) for line in sheet.extract_text().splitlines() if line.strip()] for sheet in pdf.pages
    ]


@pytest.fixture
def wide_page(js_page):
    return opened(js_page, FIVE_DATASET_STUDY, width=1280)


def test_the_five_dataset_plan_is_at_most_5100_px_tall_at_1280_px(wide_page):
    assert height(wide_page) <= FIVE_DATASET_HEIGHT_AT_1280


def test_the_five_dataset_plan_is_at_most_12000_px_tall_at_320_px(js_page):
    page = opened(js_page, FIVE_DATASET_STUDY, width=320)

    assert height(page) <= FIVE_DATASET_HEIGHT_AT_320


@pytest.mark.parametrize(("width", "layout"), [(320, "narrow"), (375, "narrow"), (736, "narrow"), (1280, "wide")])
def test_the_pictures_labels_are_at_least_12_px_at_every_width(js_page, width, layout):
    page = opened(js_page, FIVE_DATASET_STUDY, width=width)

    labels = page.evaluate(PICTURE_LABEL_SIZES)

    assert {label["layout"] for label in labels} == {layout}
    assert "mri" in {label["text"] for label in labels}
    smallest = min(labels, key=lambda label: label["px"])
    assert smallest["px"] >= SMALLEST_LABEL_PX, smallest


def test_the_five_dataset_plan_prints_on_at_most_5_a4_pages(wide_page):
    assert len(printed_lines(wide_page)) <= FIVE_DATASET_PRINTED_PAGES


def is_heading(line: str, heading_lines: list[str]) -> bool:
    """A heading's line, or the start or end of one that wrapped on paper."""
    return line in heading_lines or (len(line) >= 12 and any(line in heading for heading in heading_lines))


def test_no_printed_page_ends_with_a_heading(wide_page):
    heading_lines = wide_page.evaluate(HEADING_LINES)

    sheets = printed_lines(wide_page)

    assert {"Step 1", "ArrayExpress: deposit visium", "What cannot be deposited at EBI"} <= set(heading_lines)
    stranded = [(n, lines[-1]) for n, lines in enumerate(sheets[:-1], start=1) if is_heading(lines[-1], heading_lines)]
    assert stranded == []


def test_each_step_prints_whole_on_one_page(wide_page):
    steps = wide_page.locator("section.step").evaluate_all(
        """(sections) => sections.map((section) => ({
            label: section.querySelector(".step__number")?.textContent.trim() ?? "",
            why: section.querySelector(".step__why").textContent.replace(/\\s+/g, " ").trim(),
        }))"""
    )

    sheets = printed_lines(wide_page)

    def sheet_of(pattern: str, start: int = 0) -> int:
        return next(
            n for n, lines in enumerate(sheets) if n >= start and any(re.search(pattern, line) for line in lines)
        )

    numbered = [step for step in steps if step["label"]]
    assert len(numbered) == len(plan_for(FIVE_DATASET_STUDY)["depositions"])  # mri's section has no number
    for step in numbered:
        first = sheet_of(rf"^{step['label']}$")
        # The why sentence closes the step's printed section; its first words are on one line.
        assert sheet_of(re.escape(" ".join(step["why"].split()[:4])), start=first) == first, step["label"]


def test_the_single_dataset_plan_prints_on_one_page(js_page):
    page = opened(js_page, LIGHT_ONLY_STUDY, width=1280)

    assert len(printed_lines(page)) == 1
