"""Accessions typed back in by the depositor: the parsing of untrusted input
into checked accessions per deposition, with a message per field.

The stored plan never changes: accessions live only in the query string of the page that shows them.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from policy.engine.archives import ARCHIVES, AccessionFormat
from policy.stored_result import StoredResult

MAX_FIELD_LENGTH = 200  # a field holds a few accessions, each at most 14 characters
MAX_ACCESSIONS_PER_DEPOSITION = 10  # e.g. a handful of representative tomograms, one EMDB entry each
SEPARATORS = re.compile(r"[\s,;]+")
# What word processors and web pages put where an accession has a hyphen: the hyphen, non-breaking hyphen, figure
# dash, en and em dashes, horizontal bar, minus sign and the small and full-width hyphen-minus.
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
# Invisible characters that come along with a copied accession: zero-width space and joiners, word joiner, BOM.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


# Each archive's accession format (policy.engine.archives); an archive without one takes no accessions.
ACCESSION_FORMATS: dict[str, AccessionFormat] = {code: archive.accession for code, archive in ARCHIVES.items()}


def accession_normalise(raw: str) -> str:
    """Typed or pasted text with look-alike characters made plain: compatibility forms (full-width letters,
    no-break spaces) folded, Unicode dashes made hyphens, invisible characters dropped."""
    return unicodedata.normalize("NFKC", raw).translate(DASHES).translate(INVISIBLE)


@dataclass(frozen=True, slots=True)
class AccessionField:
    """One deposition's field of the form: what was typed (to show it again), what it holds, what is wrong, and
    what deserves a second look (a warning: the accessions still count)."""

    key: str
    archive: str
    typed: str = ""
    accessions: tuple[str, ...] = ()
    error: str = ""
    warning: str = ""


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


def _field_parse(key: str, archive: str, raw: str) -> AccessionField:
    if len(raw) > MAX_FIELD_LENGTH:
        too_long = f"Too long: at most {MAX_FIELD_LENGTH} characters."
        return AccessionField(key, archive, raw[:MAX_FIELD_LENGTH], error=too_long)
    typed = raw
    values = [value for value in SEPARATORS.split(accession_normalise(raw).strip()) if value]
    if not values:
        return AccessionField(key, archive)
    if len(values) > MAX_ACCESSIONS_PER_DEPOSITION:
        return AccessionField(
            key, archive, typed, error=f"At most {MAX_ACCESSIONS_PER_DEPOSITION} accessions for one deposition."
        )
    accession_format = ACCESSION_FORMATS[archive]
    accessions: list[str] = []
    for value in values:
        shown = value if len(value) <= 20 else f"{value[:20]}…"
        odd = next((character for character in value if not character.isascii()), None)
        if odd is not None:
            return AccessionField(key, archive, typed, error=_odd_character_message(shown, odd))
        canonical = accession_format.canonical(value)
        if canonical is None:
            expected = f"“{shown}” is not an accession of this archive: expected {accession_format.describe}."
            return AccessionField(key, archive, typed, error=expected)
        if canonical not in accessions:
            accessions.append(canonical)
    return AccessionField(key, archive, typed, tuple(accessions))


def _odd_character_message(shown: str, odd: str) -> str:
    name = unicodedata.name(odd, "an unnamed character").lower()
    return (
        f"“{shown}” has “{odd}” ({name}, U+{ord(odd):04X}), which is not a plain letter or digit: type the accession"
        " in plain letters and digits (A to Z, 0 to 9)."
    )


def accessions_parse(*, stored: StoredResult, query: Mapping[str, str]) -> AccessionsEntered:
    """Read the accessions typed for each deposition of the plan from untrusted query parameters (deposition key
    -> text). Parameters that name no deposition are ignored; an archive without a known format takes none."""
    fields: dict[str, AccessionField] = {}
    for deposition in stored.plan.depositions:
        key, archive = deposition.key, deposition.archive
        raw = query.get(key, "")
        if archive not in ACCESSION_FORMATS or not isinstance(raw, str):
            fields[key] = AccessionField(key, archive)
            continue
        fields[key] = _field_parse(key, archive, raw)
    return AccessionsEntered(_duplicates_warned(fields, stored.numbers))


def _duplicates_warned(fields: dict[str, AccessionField], steps: Mapping[str, int]) -> dict[str, AccessionField]:
    """Each deposition gets accessions of its own: one typed for two steps is most likely pasted twice. The later
    field says so; the accession still counts for both, since only the depositor knows which step is wrong."""
    first_step: dict[str, int] = {}
    warned: dict[str, AccessionField] = {}
    for key, item in fields.items():
        repeated = [accession for accession in item.accessions if accession in first_step]
        if repeated:
            earlier = ", ".join(f"{accession} (step {first_step[accession]})" for accession in repeated)
            warning = f"Also given for an earlier step: {earlier}. Each deposition has accessions of its own."
            item = AccessionField(item.key, item.archive, item.typed, item.accessions, item.error, warning)
        for accession in item.accessions:
            first_step.setdefault(accession, steps[key])
        warned[key] = item
    return warned
