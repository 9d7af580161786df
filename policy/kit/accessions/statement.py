"""The data availability statement: one paragraph for the manuscript naming each archive and its accessions, each
accession with its resolvable link, and a reference-list entry per deposited dataset, in the words journals ask
for ("… have been deposited in … under accession code …").

Each placement of the plan reads in print as its own short noun phrase (PRINT_PHRASES), so checklist wording
("(required)", "each as an EMDB entry of its own") never reaches the manuscript. Optional placements appear only
once the depositor confirms them: an optional item counts as confirmed when its step has an accession typed.
Restricted data gets a wording journals accept: the legal or ethical reason it is restricted (never an archive's
scope), who grants access and how, and first the option of another repository. Data is described, never named by
the depositor's labels: where the plan cannot describe it, the label stands in square brackets, a placeholder.
"""

import re
from dataclasses import dataclass

from policy.accession_checks.states import AccessionCheck, Checks, CheckState
from policy.engine.archives import archive_in_print, archive_short_name
from policy.engine.plan import SCOPE_IMAGES, Content, Deposition, Refusal
from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.accessions.links import accession_url
from policy.stored_result import StoredResult
from policy.wording import list_text

# Archives whose data is released only under controlled access: why, who grants access and how
# (beyond-policy:ega-controlled-access).
CONTROLLED_ACCESS_ARCHIVES = {
    "ega": (
        "{They} available under controlled access, as the participants' consent requires: researchers request "
        "access to each dataset, by its EGAD accession, from the Data Access Committee that controls it, which "
        "grants access under its data access agreement."
    ),
}
# The legal or ethical reason for restricting data the plan does not deposit: known when the participants did not
# consent to open release; otherwise the depositor's to state (an archive's scope is no reason a journal accepts).
NO_OPEN_CONSENT_IN_PRINT = "the participants did not consent to their open release, which protects their privacy"
REASON_PLACEHOLDER = (
    "[the legal or ethical reason, e.g. the participants' consent does not cover open release of their data]"
)
# Refusals by the clause of their first reason, for plans stored before refusals named their causes.
NO_CONSENT_CLAUSES = {
    "beyond-policy:consent-open-release",
    "beyond-policy:bia-open-access",
    "beyond-policy:arrayexpress-st",
    "beyond-policy:empiar-raw",
    "beyond-policy:empiar-cc0",
    "beyond-policy:emdb-hold",
}
ACCESS_PLACEHOLDERS = (
    "access is granted by [the body that decides on access, e.g. the institution's data access committee], on "
    "request to [a contact that outlives the project, e.g. the committee's e-mail address], under [the data access "
    "agreement or ethics approval that governs them]"
)
REFERENCE_PLACEHOLDERS = "[Authors]. [Year]. [Title of the dataset]."
PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")


@dataclass(frozen=True, slots=True)
class PrintPhrase:
    """A placement as a noun phrase for prose: its text for several entries and, where it differs, for one."""

    many: str
    plural: bool = True
    one: str = ""  # when the step has exactly one accession, e.g. "a representative tomogram"
    one_plural: bool = False
    several_entries: bool = False  # one accession per entry, several entries (tomograms): placeholders say "codes"

    def form(self, entries: int) -> tuple[str, bool]:
        if entries == 1 and self.one:
            return self.one, self.one_plural
        return self.many, self.plural


# Keyed by the plan's contents ("what"), which stored plans keep forever: old wordings stay here for them.
PRINT_PHRASES: dict[str, PrintPhrase] = {
    "light microscopy images": PrintPhrase("light microscopy images"),
    "2D electron micrographs": PrintPhrase("2D electron micrographs"),
    "screen images, with plate, well and compound for each file": PrintPhrase("compound screen images"),
    "screen images, with plate, well and gene for each file": PrintPhrase("genetic screen images"),
    "screen images, with plate, well and condition for each file": PrintPhrase("screen images"),
    "images": PrintPhrase("images"),
    "2D X-ray images": PrintPhrase("2D X-ray images"),
    "raw images (unaligned movies or micrographs) underpinning the 3D map": PrintPhrase(
        "the raw cryo-EM images underlying the map"
    ),
    "the 3D map, with its half-maps (required) and an image": PrintPhrase(
        "the cryo-EM maps", one="the cryo-EM map", one_plural=False
    ),
    "raw tilt series": PrintPhrase("the raw tilt series"),
    "all the tomograms, each as an EMDB entry of its own": PrintPhrase(
        "the tomograms", one="the tomogram", one_plural=False, several_entries=True
    ),
    "one or a few representative tomograms, each as an EMDB entry of its own": PrintPhrase(
        "representative tomograms", one="a representative tomogram", one_plural=False, several_entries=True
    ),
    "the remaining tomograms": PrintPhrase("further tomograms"),
    "the subtomogram average, with its half-maps (required) and an image": PrintPhrase(
        "the subtomogram average", plural=False
    ),
    "the atomic model fitted to the map": PrintPhrase("the atomic model", plural=False),
    "the volume EM image stacks (SBF-SEM, FIB-SEM, serial-section TEM or array tomography)": PrintPhrase(
        "the volume electron microscopy image stacks"
    ),
    "the X-ray tomography data (soft or hard X-ray)": PrintPhrase("the X-ray tomography data"),
    "spatial data: images and segmentations": PrintPhrase("the spatial omics images and segmentations"),
    "the spatial transcriptomics sequencing data": PrintPhrase("the spatial transcriptomics sequencing data"),
    "the raw high-resolution tissue images that go with the sequencing data": PrintPhrase(
        "the matching high-resolution tissue images"
    ),
    "the spatial epigenomics or functional genomics sequencing data": PrintPhrase(
        "the spatial functional genomics sequencing data"
    ),
    "the human sequencing data, under controlled access": PrintPhrase("the human sequencing data"),
    "the human sequencing data (raw reads), under controlled access": PrintPhrase("the human sequencing data"),
    "processed data only (no raw reads, no donor attributes: those stay in EGA)": PrintPhrase(
        "the processed spatial transcriptomics data"
    ),
    "processed data only, without the raw reads (those go to EGA)": PrintPhrase(
        "the processed spatial transcriptomics data"
    ),
    "the mass-spectrometry proteomics data": PrintPhrase("the mass-spectrometry proteomics data"),
    "the spatial proteomics data": PrintPhrase("the spatial proteomics data"),
    "the spatial metabolomics data": PrintPhrase("the spatial metabolomics data"),
    "all the data: images, segmentations and the omics data": PrintPhrase(
        "the images, segmentations and spatial omics data"
    ),
    "correlation information": PrintPhrase("the correlation information", plural=False),
    "the raw diffraction images": PrintPhrase("the raw electron diffraction images"),
    "the 3D map from the diffraction data, with an image": PrintPhrase(
        "the 3D map from the electron diffraction data", plural=False
    ),
    "the atomic model and its structure factors": PrintPhrase("the atomic model and structure factors"),
    "segmentations and annotations of the 3D images": PrintPhrase("segmentations of the 3D images"),
    "segmentations and annotations of the 3D images (without the images)": PrintPhrase(
        "segmentations of the 3D images"
    ),
    "the sequencing data": PrintPhrase("the sequencing data"),
    "the mass-spectrometry proteomics data (cross-linking MS included)": PrintPhrase(
        "the mass-spectrometry proteomics data"
    ),
    "the metabolomics data": PrintPhrase("the metabolomics data"),
}
# A placement this module does not know yet (a newer plan than the code) still reads as prose.
PRINT_PHRASE_OTHERWISE = PrintPhrase("the data")
# Phrases too general to tell the reader which data is meant: the depositor describes it instead.
UNDESCRIBED = {"images", "the data"}


@dataclass(frozen=True, slots=True)
class StatementPart:
    """One sentence (or two, for controlled access), with whether its accessions are all known."""

    text: str
    complete: bool


@dataclass(frozen=True, slots=True)
class Statement:
    parts: tuple[StatementPart, ...]
    references: tuple[str, ...]  # one reference-list entry per deposited dataset

    @property
    def text(self) -> str:
        return " ".join(part.text for part in self.parts)

    @property
    def complete(self) -> bool:
        return all(part.complete for part in self.parts)

    @property
    def placeholders(self) -> int:
        """How many parts in square brackets are left to replace, in the statement and its references."""
        return len(PLACEHOLDER.findall(self.text)) + sum(len(PLACEHOLDER.findall(entry)) for entry in self.references)


def _subject(contents: list[Content], entries: int) -> tuple[str, bool]:
    """(noun phrase, plural) for the contents deposited: phrases of the same datasets read as one group."""
    groups: dict[tuple[str, ...], list[str]] = {}
    plural = False
    for item in contents:
        text, item_plural = PRINT_PHRASES.get(item.what, PRINT_PHRASE_OTHERWISE).form(entries)
        plural = plural or item_plural
        phrases = groups.setdefault(item.datasets, [])
        if text not in phrases:
            phrases.append(text)
    phrases = list(dict.fromkeys(phrase for group in groups.values() for phrase in group))
    plural = plural or len(phrases) > 1
    return _capitalised(list_text(phrases)), plural


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cited(archive: str, accession: str, check: AccessionCheck | None) -> str:
    if check is not None and check.state is CheckState.NOT_PUBLIC:
        # Its link leads nowhere until release: what the archive answered instead.
        return (
            f"{accession} (will be released on {check.released})" if check.released else f"{accession} (not yet public)"
        )
    url = accession_url(archive=archive, accession=accession)
    return f"{accession} ({url})" if url else accession


def _accessions_text(archive: str, accessions: tuple[str, ...], checks: Checks, *, several_entries: bool) -> str:
    if not accessions:
        # The placeholder names what is missing by the archive's short name, so that it cannot be mistaken for an
        # accession; a step of several entries awaits several.
        if several_entries:
            return f"accession codes [{archive_short_name(code=archive)} accessions]"
        return f"accession code [{archive_short_name(code=archive)} accession]"
    label = "accession code" if len(accessions) == 1 else "accession codes"
    cited = [_cited(archive, accession, (checks or {}).get((archive, accession))) for accession in accessions]
    return f"{label} {list_text(cited)}"


def _deposition_sentence(
    deposition: Deposition, contents: list[Content], accessions: tuple[str, ...], checks: Checks, malformed: bool
) -> StatementPart:
    archive = deposition.archive
    subject, plural = _subject(contents, len(accessions))
    # Once checked, a step whose accession is malformed reads as still to come: nothing says it was deposited.
    verb = "will be" if checks is not None and malformed else ("have been" if plural else "has been")
    where = archive_in_print(code=archive)
    several = any(PRINT_PHRASES.get(item.what, PRINT_PHRASE_OTHERWISE).several_entries for item in contents)
    text = (
        f"{subject} {verb} deposited in {where} under "
        f"{_accessions_text(archive, accessions, checks, several_entries=several)}."
    )
    if archive in CONTROLLED_ACCESS_ARCHIVES:
        text += " " + CONTROLLED_ACCESS_ARCHIVES[archive].format(They="They are" if plural else "It is")
    return StatementPart(text, complete=bool(accessions))


def _references(deposition: Deposition, accessions: tuple[str, ...]) -> list[str]:
    archive = deposition.archive
    name = archive_short_name(code=archive)
    if not accessions:
        return [f"{REFERENCE_PLACEHOLDERS} {name}. [{name} accession]."]
    entries = []
    for accession in accessions:
        url = accession_url(archive=archive, accession=accession)
        entries.append(f"{REFERENCE_PLACEHOLDERS} {name}. {accession}." + (f" {url}" if url else ""))
    return entries


def _withheld_text(refused: Refusal) -> str:
    """The data the plan does not deposit, described as the plan's placements read in print; a placeholder
    naming the depositor's label where the plan cannot describe it."""
    phrases = []
    for what in refused.withheld:
        phrase = PRINT_PHRASES.get(what, PRINT_PHRASE_OTHERWISE).many
        if phrase in UNDESCRIBED:
            continue
        phrases.append(phrase if phrase.startswith("the ") else f"the {phrase}")
    if not phrases:
        what = "images" if refused.scope == SCOPE_IMAGES else "data"
        return f"[a description of the {refused.dataset} {what}, e.g. the brain MRI scans]"
    return list_text(list(dict.fromkeys(phrases)))


def _restriction_reason(refused: Refusal) -> str:
    causes = refused.causes
    if not causes:  # a plan stored before refusals named their causes
        first = refused.reasons[0].clause if refused.reasons else ""
        causes = ("no",) if first in NO_CONSENT_CLAUSES else ()
    return NO_OPEN_CONSENT_IN_PRINT if causes == ("no",) else REASON_PLACEHOLDER


def _not_deposited_sentence(refused: Refusal) -> StatementPart:
    """Two options for the depositor to keep one of: another repository, or the restriction and access."""
    data = _capitalised(_withheld_text(refused))
    return StatementPart(
        f"[Either:] {data} have been deposited in [another repository] under accession code [accession]. [Or:] "
        f"{data} are not publicly available because {_restriction_reason(refused)}; {ACCESS_PLACEHOLDERS}.",
        complete=False,
    )


def deposited_contents(*, deposition: Deposition, accessions: AccessionsEntered) -> list[Content]:
    """What the statement says this deposition holds: its contents, the optional ones only once confirmed (the
    step has an accession typed)."""
    confirmed = bool(accessions.of(deposition.key))
    return [item for item in deposition.contents if not item.optional or confirmed]


def statement_build(*, stored: StoredResult, accessions: AccessionsEntered, checks: Checks = None) -> Statement:
    """The statement for this plan, with the accessions typed so far; with `checks` (what the archives answered, by
    archive and accession), as they stand there."""
    parts: list[StatementPart] = []
    references: list[str] = []
    for deposition in stored.plan.depositions:
        contents = deposited_contents(deposition=deposition, accessions=accessions)
        if not contents:
            continue  # an optional step not confirmed
        typed = accessions.of(deposition.key)
        field = accessions.fields.get(deposition.key)
        malformed = field is not None and bool(field.error)
        parts.append(_deposition_sentence(deposition, contents, typed, checks, malformed))
        references += _references(deposition, typed)
    parts += [_not_deposited_sentence(refused) for refused in stored.plan.not_accepted]
    return Statement(tuple(parts), tuple(references))
