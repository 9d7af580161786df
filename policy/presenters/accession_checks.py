"""What the archives say about the accessions typed for a stored plan: a row per typed value, step by step, and
the links the answers contradict. Shared by the result page's checks fragment and the helpdesk's command."""

from dataclasses import dataclass

from policy.accession_checks.links import LinkWarning, link_warnings
from policy.accession_checks.run import checks_run
from policy.accession_checks.states import AccessionCheck
from policy.accession_checks.transport import Transport
from policy.engine.archives import archive_short_name
from policy.kit.accessions.entered import (
    MAX_ACCESSIONS_PER_DEPOSITION,
    SEPARATORS,
    AccessionsEntered,
    accession_normalise,
)
from policy.stored_result import StoredResult


@dataclass(frozen=True, slots=True)
class CheckedAccession:
    step: int
    key: str
    archive_name: str
    check: AccessionCheck


@dataclass(frozen=True, slots=True)
class AccessionChecks:
    rows: tuple[CheckedAccession, ...]
    warnings: tuple[LinkWarning, ...]

    @property
    def by_accession(self) -> dict[tuple[str, str], AccessionCheck]:
        """Each check by (archive, canonical accession): what the statement reads."""
        return {(row.check.archive, row.check.accession): row.check for row in self.rows}

    @property
    def steps(self) -> tuple[tuple[int, tuple[CheckedAccession, ...]], ...]:
        """(step number, its rows), in step order: what is shown beside each step's field."""
        numbers = dict.fromkeys(row.step for row in self.rows)
        return tuple((number, tuple(row for row in self.rows if row.step == number)) for number in numbers)


def _values(typed: str) -> list[str]:
    """The values of a field as typed (a wrong one included, so that it reads as malformed), each once."""
    values = [value for value in SEPARATORS.split(accession_normalise(typed).strip()) if value]
    return list(dict.fromkeys(values))[:MAX_ACCESSIONS_PER_DEPOSITION]


def accession_checks_present(
    *, stored: StoredResult, accessions: AccessionsEntered, transport: Transport | None = None
) -> AccessionChecks:
    """The checks of every value typed for the stored plan, each archive asked side by side."""
    steps = stored.numbers
    archives = {key: deposition.archive for key, deposition in stored.depositions.items()}
    typed = {
        key: tuple(_values(field.typed)) for key, field in accessions.fields.items() if field.typed and key in archives
    }
    checks = checks_run(
        accessions=[(archives[key], value) for key, values in typed.items() for value in values], transport=transport
    )
    rows = tuple(
        CheckedAccession(steps[key], key, archive_short_name(code=archives[key]), checks[(archives[key], value)])
        for key, values in typed.items()
        for value in values
    )
    valid = {key: accessions.of(key) for key in typed}
    checked = AccessionChecks(rows, ())
    warnings = link_warnings(plan=stored.plan, typed=valid, checks=checked.by_accession, steps=steps)
    return AccessionChecks(rows, warnings)
