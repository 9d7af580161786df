"""“Before you start anything”: what the whole study needs ready before its first deposition, at the top of the
plan: an account (and a token where a tool needs one) at each archive the plan uses, the people's ORCID iDs, and
for each step how much data travels and how. Each line cites its source, like a step's own list.

The per-step lines come from `before_you_start` (one source: a step's transfer advice is written once, there);
this module adds what concerns the study as a whole.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.kit.advice.before_you_start import TRANSFER, Preparation, preparations_for
from policy.kit.drafts.empiar_bundle import API_TOKEN_URL
from policy.stored_result import step_numbers

ACCOUNTS = "Accounts"
PEOPLE = "People"

# The account each archive's submission starts from, and the tokens its tools need.
ACCOUNT_LINES: dict[str, tuple[Preparation, ...]] = {
    "bia": (
        Preparation(
            ACCOUNTS,
            "BioImage Archive: a BioStudies account (register once); the submission and its uploads are made from it.",
            "beyond-policy:bia-submission",
        ),
    ),
    "empiar": (
        Preparation(
            ACCOUNTS,
            f"EMPIAR, to submit with empiar-depositor: an API token, which you generate at {API_TOKEN_URL}, and the "
            "Aspera transfer password, which the EMPIAR team provides; ask for the password a few days ahead.",
            "beyond-policy:empiar-depositor",
        ),
    ),
    "emdb": (
        Preparation(
            ACCOUNTS,
            "EMDB and PDB: wwPDB OneDep needs no account; a deposition is opened with your e-mail and the ORCID iDs "
            "given access to it. To open it with the kit's onedep_deposit.py (onedep-lib), the refresh token of the "
            "token pair OneDep issues for its API.",
            "beyond-policy:onedep-api",
        ),
    ),
    "arrayexpress": (
        Preparation(
            ACCOUNTS,
            "ArrayExpress: an Annotare account, where the submission is made.",
            "beyond-policy:arrayexpress-submission",
        ),
    ),
    "pride": (
        Preparation(ACCOUNTS, "PRIDE: an account for the PRIDE Submission tool.", "beyond-policy:pride-submission"),
    ),
    "ega": (
        Preparation(
            ACCOUNTS,
            "EGA: a submitter account for a submitter your organisation authorises, a signed Data Processing "
            "Agreement and a Data Access Committee; allow weeks for these.",
            "beyond-policy:ega-submission",
        ),
    ),
}
# PDB models are deposited in the same OneDep system as EMDB maps: one line for both.
ACCOUNT_LINES["pdb"] = ACCOUNT_LINES["emdb"]


@dataclass(frozen=True, slots=True)
class StepTransfer:
    """How one step's data travels."""

    number: int
    archive: str
    datasets: tuple[str, ...]
    lines: tuple[Preparation, ...]  # the step's own transfer advice; none where its archive's upload is all there is


@dataclass(frozen=True, slots=True)
class StudyPreparation:
    accounts: tuple[Preparation, ...]  # in the order the plan first uses each archive
    people: tuple[Preparation, ...]
    transfers: tuple[StepTransfer, ...]

    @property
    def count(self) -> int:
        return len(self.accounts) + len(self.people) + len(self.transfers)


def _people(archives: set[str]) -> tuple[Preparation, ...]:
    lines = []
    if "empiar" in archives:
        lines.append(
            Preparation(
                PEOPLE,
                "EMPIAR: the authors, the corresponding author and the principal investigator, with their details.",
                "beyond-policy:empiar-deposition-schema",
            )
        )
    if archives & {"emdb", "pdb"}:
        lines.append(
            Preparation(
                PEOPLE,
                "OneDep: the ORCID iD of everyone who will work on the EMDB and PDB depositions.",
                "beyond-policy:onedep-api",
            )
        )
    return tuple(lines)


def study_preparation_build(*, plan: Mapping, answers: Mapping) -> StudyPreparation:
    """What the study needs before its first step, for the archives this plan uses."""
    archives = list(dict.fromkeys(deposition["archive"] for deposition in plan["depositions"]))
    accounts: list[Preparation] = []
    for archive in archives:
        accounts += [line for line in ACCOUNT_LINES.get(archive, ()) if line not in accounts]
    numbers = step_numbers(plan=plan)
    transfers = tuple(
        StepTransfer(
            number=numbers[deposition["key"]],
            archive=deposition["archive"],
            datasets=tuple(deposition["datasets"]),
            lines=tuple(
                line
                for line in preparations_for(deposition=deposition, plan=plan, answers=answers)
                if line.topic == TRANSFER
            ),
        )
        for deposition in plan["depositions"]
    )
    return StudyPreparation(accounts=tuple(accounts), people=_people(set(archives)), transfers=transfers)
