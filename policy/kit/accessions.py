"""Accessions typed back in by the depositor: each archive's accession pattern, and the parsing of untrusted input
into checked accessions per deposition, with a message per field.

The stored plan never changes: accessions live only in the query string of the page that shows them.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

MAX_FIELD_LENGTH = 200  # a field holds a few accessions, each at most 14 characters
MAX_ACCESSIONS_PER_DEPOSITION = 10  # e.g. a handful of representative tomograms, one EMDB entry each
SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True, slots=True)
class AccessionFormat:
    archive: str
    pattern: re.Pattern[str]  # matched case-insensitively against the whole of one accession
    example: str
    describe: str  # what it looks like, for the message when a value does not match
    clause: str  # where the format comes from
    lowercase_prefix: str = ""  # a prefix written in lower case (the extended PDB ID's "pdb_")

    def canonical(self, value: str) -> str | None:
        if self.pattern.fullmatch(value) is None:
            return None
        if self.lowercase_prefix and value.lower().startswith(self.lowercase_prefix):
            return value.lower()
        return value.upper()


def _format(archive: str, pattern: str, example: str, describe: str, clause: str, **extra) -> AccessionFormat:
    return AccessionFormat(archive, re.compile(pattern, re.IGNORECASE), example, describe, clause, **extra)


ACCESSION_FORMATS: dict[str, AccessionFormat] = {
    item.archive: item
    for item in (
        _format(
            "bia",
            r"S-(?:BIAD|BSST)[0-9]{1,9}",
            "S-BIAD1257",
            "S-BIAD or S-BSST followed by digits, e.g. S-BIAD1257",
            "table-correlative",
        ),
        _format(
            "empiar",
            r"EMPIAR-[0-9]{5,9}",
            "EMPIAR-10164",
            "EMPIAR- followed by five or more digits, e.g. EMPIAR-10164",
            "beyond-policy:empiar-deposition-schema",
        ),
        _format(
            "emdb",
            r"EMD-[0-9]{4,9}",
            "EMD-12345",
            "EMD- followed by four or more digits, e.g. EMD-12345",
            "beyond-policy:empiar-deposition-schema",
        ),
        _format(
            "pdb",
            r"[0-9][A-Z0-9]{3}|pdb_[A-Z0-9]{8}",
            "7ABC",
            "four characters starting with a digit (e.g. 7ABC), or pdb_ and eight letters or digits "
            "(e.g. pdb_00007abc)",
            "beyond-policy:pdb-ids",
            lowercase_prefix="pdb_",
        ),
        _format(
            "arrayexpress",
            r"E-MTAB-[0-9]{1,9}",
            "E-MTAB-12345",
            "E-MTAB- followed by digits, e.g. E-MTAB-12345",
            "beyond-policy:arrayexpress-accession",
        ),
        _format(
            "pride",
            r"PXD[0-9]{6}",
            "PXD012345",
            "PXD followed by six digits, e.g. PXD012345",
            "beyond-policy:pride-submission",
        ),
        _format(
            "metabolights",
            r"MTBLS[0-9]{1,9}",
            "MTBLS1234",
            "MTBLS followed by digits, e.g. MTBLS1234",
            "beyond-policy:metabolights-accession",
        ),
        _format(
            "ega",
            r"EGA[SD][0-9]{11}",
            "EGAD00001015384",
            "EGAS (study) or EGAD (dataset) followed by eleven digits, e.g. EGAD00001015384",
            "beyond-policy:ega-controlled-access",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class AccessionField:
    """One deposition's field of the form: what was typed (to show it again), what it holds, what is wrong."""

    key: str
    archive: str
    typed: str = ""
    accessions: tuple[str, ...] = ()
    error: str = ""


@dataclass(frozen=True, slots=True)
class AccessionsEntered:
    fields: dict[str, AccessionField] = field(default_factory=dict)  # by deposition key, in plan order

    @property
    def errors(self) -> dict[str, str]:
        return {key: item.error for key, item in self.fields.items() if item.error}

    def of(self, key: str) -> tuple[str, ...]:
        """The valid accessions of a deposition (none while its field is empty or wrong)."""
        item = self.fields.get(key)
        return item.accessions if item is not None and not item.error else ()

    def query(self) -> dict[str, str]:
        """The valid accessions as query parameters, in plan order: what a shared link carries."""
        return {key: " ".join(self.of(key)) for key in self.fields if self.of(key)}


def accession_check(*, archive: str, value: str) -> str | None:
    """The canonical accession, or None when `value` is not one of this archive's."""
    accession_format = ACCESSION_FORMATS.get(archive)
    return accession_format.canonical(value) if accession_format is not None else None


def _field_parse(key: str, archive: str, raw: str) -> AccessionField:
    if len(raw) > MAX_FIELD_LENGTH:
        too_long = f"Too long: at most {MAX_FIELD_LENGTH} characters."
        return AccessionField(key, archive, raw[:MAX_FIELD_LENGTH], error=too_long)
    typed = raw
    values = [value for value in SEPARATORS.split(raw.strip()) if value]
    if not values:
        return AccessionField(key, archive)
    if len(values) > MAX_ACCESSIONS_PER_DEPOSITION:
        return AccessionField(
            key, archive, typed, error=f"At most {MAX_ACCESSIONS_PER_DEPOSITION} accessions for one deposition."
        )
    accession_format = ACCESSION_FORMATS[archive]
    accessions: list[str] = []
    for value in values:
        canonical = accession_format.canonical(value)
        if canonical is None:
            shown = value if len(value) <= 20 else f"{value[:20]}…"
            expected = f"“{shown}” is not an accession of this archive: expected {accession_format.describe}."
            return AccessionField(key, archive, typed, error=expected)
        if canonical not in accessions:
            accessions.append(canonical)
    return AccessionField(key, archive, typed, tuple(accessions))


def accessions_parse(*, plan: Mapping, query: Mapping[str, str]) -> AccessionsEntered:
    """Read the accessions typed for each deposition of the plan from untrusted query parameters (deposition key
    -> text). Parameters that name no deposition are ignored; an archive without a known format takes none."""
    fields: dict[str, AccessionField] = {}
    for deposition in plan["depositions"]:
        key, archive = deposition["key"], deposition["archive"]
        raw = query.get(key, "")
        if archive not in ACCESSION_FORMATS or not isinstance(raw, str):
            fields[key] = AccessionField(key, archive)
            continue
        fields[key] = _field_parse(key, archive, raw)
    return AccessionsEntered(fields)
