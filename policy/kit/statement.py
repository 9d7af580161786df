"""The data availability statement: one paragraph for the manuscript naming each archive and its accessions, with
placeholders for those not known yet, in the words journals ask for ("… have been deposited in … under accession
code …")."""

from collections.abc import Mapping
from dataclasses import dataclass

from policy.kit.accessions import AccessionsEntered

# The archives as a manuscript names them: the full name, with the short one readers search for.
ARCHIVE_NAMES_IN_PRINT = {
    "bia": "the BioImage Archive",
    "empiar": "the Electron Microscopy Public Image Archive (EMPIAR)",
    "emdb": "the Electron Microscopy Data Bank (EMDB)",
    "pdb": "the Protein Data Bank (PDB)",
    "arrayexpress": "ArrayExpress",
    "pride": "the PRIDE database",
    "metabolights": "MetaboLights",
    "ega": "the European Genome-phenome Archive (EGA)",
}
# How a placeholder names what is missing, so that it cannot be mistaken for an accession.
ARCHIVE_SHORT_NAMES = {
    "bia": "BioImage Archive",
    "empiar": "EMPIAR",
    "emdb": "EMDB",
    "pdb": "PDB",
    "arrayexpress": "ArrayExpress",
    "pride": "PRIDE",
    "metabolights": "MetaboLights",
    "ega": "EGA",
}
CONTROLLED_ACCESS_ARCHIVES = {"ega": "under controlled access, through the study's Data Access Committee"}


@dataclass(frozen=True, slots=True)
class StatementPart:
    """One sentence, with whether its accessions are all known (the page marks the others)."""

    text: str
    complete: bool


@dataclass(frozen=True, slots=True)
class Statement:
    parts: tuple[StatementPart, ...]

    @property
    def text(self) -> str:
        return " ".join(part.text for part in self.parts)

    @property
    def complete(self) -> bool:
        return all(part.complete for part in self.parts)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _contents_text(deposition: Mapping) -> str:
    # Contents of the same datasets read as one phrase: "raw tilt series and the remaining tomograms (cryo-et)".
    groups: dict[tuple[str, ...], list[str]] = {}
    for item in deposition["contents"]:
        groups.setdefault(tuple(item["datasets"]), []).append(item["what"])
    described = [f"{_join(whats)} ({', '.join(datasets)})" for datasets, whats in groups.items()]
    text = _join(described) or f"the data ({', '.join(deposition['datasets'])})"
    return text[:1].upper() + text[1:]


def _accessions_text(archive: str, accessions: tuple[str, ...]) -> str:
    if not accessions:
        return f"accession code [{ARCHIVE_SHORT_NAMES.get(archive, archive)} accession]"
    label = "accession code" if len(accessions) == 1 else "accession codes"
    return f"{label} {_join(list(accessions))}"


def _deposition_sentence(deposition: Mapping, accessions: tuple[str, ...]) -> StatementPart:
    archive = deposition["archive"]
    where = ARCHIVE_NAMES_IN_PRINT.get(archive, archive)
    under = _accessions_text(archive, accessions)
    sentence = f"{_contents_text(deposition)} have been deposited in {where} under {under}"
    if archive in CONTROLLED_ACCESS_ARCHIVES:
        sentence += f", where they are available {CONTROLLED_ACCESS_ARCHIVES[archive]}"
    return StatementPart(sentence + ".", complete=bool(accessions))


def _not_deposited_sentence(dataset: str) -> StatementPart:
    return StatementPart(
        f"[Say how readers can access {dataset}, which cannot be deposited at EBI, for example: available from "
        "the corresponding author on request, under a data access agreement.]",
        complete=False,
    )


def statement_build(*, plan: Mapping, accessions: AccessionsEntered) -> Statement:
    """The statement for this plan, with the accessions typed so far."""
    parts = [_deposition_sentence(deposition, accessions.of(deposition["key"])) for deposition in plan["depositions"]]
    parts += [_not_deposited_sentence(refused["dataset"]) for refused in plan["not_accepted"]]
    return Statement(tuple(parts))
