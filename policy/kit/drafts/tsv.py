"""Tab-separated text, each cell written as it is.

No cell needs a formula guard: every cell is our own text, a checked accession, or a dataset label, which the answers
refuse when it begins with a character a spreadsheet reads as a formula (policy.engine.questions.FORMULA_STARTS).
So a label is the same in every file: a folder in a BIA file list is the name its PageTab gives.
"""

import csv
import io
from collections.abc import Iterable, Sequence

# Excel opens a UTF-8 file as UTF-8 only when it starts with a byte-order mark ("5 µm" otherwise reads "5 Âµm").
BYTE_ORDER_MARK = "\ufeff"


def tsv_render(*, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A file that tools read (a BIA file list): plain UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows([str(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def tsv_for_spreadsheets(*, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A file that people open in a spreadsheet: UTF-8 with a byte-order mark."""
    return BYTE_ORDER_MARK + tsv_render(header=header, rows=rows)
