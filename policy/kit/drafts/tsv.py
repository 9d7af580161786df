"""Tab-separated text that spreadsheets open safely: every cell that a spreadsheet would read as a formula is
neutralised, whoever typed it."""

import csv
import io
from collections.abc import Iterable, Sequence

# Cells starting with these are formulas (or become one) in Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def tsv_cell(value: str) -> str:
    """The cell as written: a leading apostrophe makes a formula-like value plain text in every spreadsheet."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def tsv_render(*, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow([tsv_cell(name) for name in header])
    writer.writerows([tsv_cell(str(cell)) for cell in row] for row in rows)
    return buffer.getvalue()
