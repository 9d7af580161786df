"""Links verified both ways: for each linking item of the plan (an entry that must cite others), whether the
entries as the archives show them do cite each other. A link is confirmed when either side's public entry names
the other (some archives record a relation on one side only: a PDB model's EMDB map lists the model); it is
warned about when a side that is public, and whose references name such entries, names none of them."""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.accession_checks.checkers import CHECKERS
from policy.accession_checks.states import AccessionCheck
from policy.engine.plan import Plan


@dataclass(frozen=True, slots=True)
class LinkWarning:
    step: int  # the step whose entry should carry the link
    accession: str
    cited_step: int
    cited: str

    @property
    def text(self) -> str:
        return (
            f"{self.accession} (step {self.step}) does not cite {self.cited} (step {self.cited_step}), as the plan "
            "says it must; ask the archive to add the cross-reference."
        )


def _names(check: AccessionCheck | None, other_archive: str, other: str) -> bool | None:
    """Whether a public entry names `other`; None when it cannot tell (not public, or references of another kind)."""
    if check is None or not check.public or other_archive not in CHECKERS[check.archive].refers_to:
        return None
    return other in check.cites


def link_warnings(
    *,
    plan: Plan,
    typed: Mapping[str, tuple[str, ...]],
    checks: Mapping[tuple[str, str], AccessionCheck],
    steps: Mapping[str, int],
) -> tuple[LinkWarning, ...]:
    """The links of `plan` that the archives' answers (`checks`, by (archive, accession)) contradict, for the
    accessions typed per deposition key (`typed`); steps numbered by `steps`."""
    archives = {deposition.key: deposition.archive for deposition in plan.depositions}
    warnings: list[LinkWarning] = []
    for item in plan.linking:
        carrier = item.performed_in
        for cited_key in item.cites:
            if carrier not in archives or cited_key not in archives:
                continue
            for accession in typed.get(carrier, ()):
                for cited in typed.get(cited_key, ()):
                    forward = _names(checks.get((archives[carrier], accession)), archives[cited_key], cited)
                    backward = _names(checks.get((archives[cited_key], cited)), archives[carrier], accession)
                    if (forward, backward) in {(False, None), (None, False), (False, False)}:
                        warning = LinkWarning(steps[carrier], accession, steps[cited_key], cited)
                        if warning not in warnings:
                            warnings.append(warning)
    return tuple(warnings)
