"""“Before you start anything”: what the whole study needs ready before its first deposition, at the top of the
plan: an account (and a token where a tool needs one) at each archive the plan uses, the people's ORCID iDs, and
for each step how much data travels and how. Each line cites its source, like a step's own list.

The per-step lines come from `before_you_start` (one source: a step's transfer advice is written once, there);
this module adds what concerns the study as a whole.
"""

from dataclasses import dataclass

from policy.engine.archives import ARCHIVES
from policy.kit.advice.before_you_start import TRANSFER, Preparation, preparations_for
from policy.stored_result import StoredResult

ACCOUNTS = "Accounts"
EMPIAR_TOKEN_PAGE = ARCHIVES["empiar"].api_token_url
PEOPLE = "People"

ONEDEP_WEB = Preparation(
    ACCOUNTS,
    "EMDB and PDB, through OneDep's web interface: no account; the deposition ID and password arrive by e-mail (or "
    "sign in with your ORCID iD). The first time, the contact author verifies their e-mail address before creating "
    "a deposition.",
    "beyond-policy:onedep-web",
)
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
            "EMPIAR, to deposit through its web interface: an EMPIAR user account (register once), or sign in with "
            "your ORCID iD.",
            "beyond-policy:empiar-account",
        ),
        Preparation(
            ACCOUNTS,
            f"EMPIAR, to submit with empiar-depositor: an API token, which you generate at {EMPIAR_TOKEN_PAGE}, and "
            "the Aspera transfer password, which the EMPIAR team provides; ask for the password a few days ahead.",
            "beyond-policy:empiar-depositor",
        ),
    ),
    "emdb": (
        ONEDEP_WEB,
        Preparation(
            ACCOUNTS,
            "EMDB and PDB, to deposit with this kit's OneDep script: an API key, which you generate in OneDep after "
            "signing in with your ORCID iD (onedep-lib takes it as a token pair and needs its refresh token, "
            "ONEDEP_REFRESH_TOKEN).",
            "beyond-policy:onedep-api-key",
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
    "metabolights": (
        Preparation(
            ACCOUNTS,
            "MetaboLights: a MetaboLights account, from which the study is made and submitted in the Online Editor.",
            "beyond-policy:metabolights-editor",
        ),
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
# PDB models are deposited in the same OneDep system as EMDB maps: the web route's line serves both. The script's
# key only where an EMDB step has a hand-off file.
ACCOUNT_LINES["pdb"] = (ONEDEP_WEB,)


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


def study_preparation_build(*, stored: StoredResult) -> StudyPreparation:
    """What the study needs before its first step, for the archives this plan uses."""
    archives = list(dict.fromkeys(deposition.archive for deposition in stored.plan.depositions))
    accounts: list[Preparation] = []
    for archive in archives:
        accounts += [line for line in ACCOUNT_LINES.get(archive, ()) if line not in accounts]
    transfers = tuple(
        StepTransfer(
            number=stored.numbers[deposition.key],
            archive=deposition.archive,
            datasets=deposition.datasets,
            lines=tuple(
                line for line in preparations_for(deposition=deposition, stored=stored) if line.topic == TRANSFER
            ),
        )
        for deposition in stored.plan.depositions
    )
    return StudyPreparation(accounts=tuple(accounts), people=_people(set(archives)), transfers=transfers)
