"""A BioImage Archive submission per BioImage Archive step, in PageTab JSON (the BioStudies format that the
submission tool uploads through "Submit PageTab"), with the BioImages.v5 template's exact field names.

What the answers and the plan determine is filled in: a study component per dataset and one per correlation, each
with its Associations and its own file list (policy/kit/drafts/file_lists.py, the same lists the result page offers);
a Biosample, Specimen and Image acquisition per dataset the submission describes, the imaging method as an FBbi term
where the modality determines it; an Image correlation per correlation; an Image analysis where the images come
with segmentations; a link per deposition the submission cites, with the accessions typed so far. Everything else
(title, description, keywords, licence, release date, contact, funding, organism, protocols, instruments) is a
value starting with PLACEHOLDER, for the depositor to fill in; the tool refuses the release date until it is a date.

Layout follows the BIA's own examples (bia-integrator's test submissions): the release date, the collection and
the template on the submission; the study as its root section, with its links; the contact (an `author` section
referring to an `organisation` section), publication, funding and REMBI sections as the study's subsections;
Associations inside each study component, naming sections by their titles. Contacts and links take the shapes the
BIA's ingest reads (docs/kit.md).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass

from policy.engine.archives import ARCHIVES, archive_short_name
from policy.engine.questions import PUBLICATION
from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.accessions.links import accession_url
from policy.kit.drafts.bia_template_v5 import (
    ASSOCIATIONS,
    STUDY,
    STUDY_COMPONENT,
    TEMPLATE_COLLECTION,
    TEMPLATE_NAME,
)
from policy.kit.drafts.file_lists import BiaStep, FileList, bia_steps
from policy.kit.scripts.empiar_submit import PLACEHOLDER
from policy.stored_result import StoredResult


@dataclass(frozen=True, slots=True)
class OntologyTerm:
    label: str
    term_id: str
    ontology: str
    source: str  # where the id and label were read


FBBI_SOURCE = (
    "foundingGIDE/fbbi (the FBbi ontology's repository), src/ontology/reports/synonyms.tsv at commit "
    "755db496639348e697b18e214df07f6eeea8e879"
)
# Only where the answers determine the method, at the level they determine it: light microscopy of whatever kind,
# electron microscopy of whatever kind (2D EM may be TEM or SEM; volume EM, described here when correlated, may be
# SBF-SEM, FIB-SEM or serial-section TEM). Screens, spatial omics, X-ray and other imaging do not say which method.
IMAGING_METHODS: dict[str, OntologyTerm] = {
    "light_microscopy": OntologyTerm("light microscopy", "FBbi:00000345", "FBbi", FBBI_SOURCE),
    "electron_microscopy": OntologyTerm("electron microscopy", "FBbi:00000256", "FBbi", FBBI_SOURCE),
}
ANALYSED_MODALITIES = ("spatial_omics",)  # the plan deposits their segmentations with the images
RELEASE_DATE = f"{PLACEHOLDER}: release date as YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class PageTabDraft:
    step: int
    key: str
    document: dict

    @property
    def filename(self) -> str:
        return f"bia-step-{self.step}.pagetab.json"


def _attribute(name: str, value: str, *, term: OntologyTerm | None = None) -> dict:
    attribute: dict = {"name": name, "value": value}
    if term is not None:
        attribute["valqual"] = [{"name": "Ontology", "value": term.ontology}, {"name": "TermId", "value": term.term_id}]
    return attribute


def _fill(what: str) -> str:
    return f"{PLACEHOLDER}: {what}"


def _section(
    kind: str,
    accno: str,
    attributes: list[dict],
    subsections: list[dict] | None = None,
    links: list[dict] | None = None,
) -> dict:
    section: dict = {"type": kind, "accno": accno, "attributes": attributes}
    if links:
        section["links"] = links
    if subsections:
        section["subsections"] = subsections
    return section


@dataclass(frozen=True, slots=True)
class _Described:
    """The REMBI sections that describe one dataset, by their titles (what Associations name)."""

    biosample: str
    specimen: str
    acquisition: str
    analysis: str = ""


def _dataset_sections(dataset_id: str, dataset: Mapping) -> tuple[list[dict], _Described]:
    described = _Described(
        biosample=f"Biosample of {dataset_id}",
        specimen=f"Specimen of {dataset_id}",
        acquisition=f"Image acquisition of {dataset_id}",
        analysis=f"Image analysis of {dataset_id}" if dataset.get("modality") in ANALYSED_MODALITIES else "",
    )
    term = IMAGING_METHODS.get(dataset.get("modality", ""))
    method = (
        _attribute("Imaging method", term.label, term=term)
        if term is not None
        else _attribute("Imaging method", _fill("imaging method, as an FBbi term"))
    )
    sections = [
        _section(
            "Biosample",
            f"Biosample-{dataset_id}",
            [
                _attribute("Title", described.biosample),
                _attribute("Organism", _fill("organism, as its NCBITaxon name")),
                _attribute("Biological entity", _fill(f"what is imaged in {dataset_id}")),
            ],
        ),
        _section(
            "Specimen",
            f"Specimen-{dataset_id}",
            [
                _attribute("Title", described.specimen),
                _attribute("Sample preparation protocol", _fill(f"how the samples of {dataset_id} were prepared")),
            ],
        ),
        _section(
            "Image acquisition",
            f"Image-acquisition-{dataset_id}",
            [
                _attribute("Title", described.acquisition),
                _attribute("Imaging instrument", _fill(f"the instrument that imaged {dataset_id}")),
                _attribute("Image acquisition parameters", _fill(f"the acquisition parameters of {dataset_id}")),
                method,
            ],
        ),
    ]
    if described.analysis:
        sections.append(
            _section(
                "Image analysis",
                f"Image-analysis-{dataset_id}",
                [
                    _attribute("Title", described.analysis),
                    _attribute("Image analysis overview", _fill(f"how the segmentations of {dataset_id} were made")),
                ],
            )
        )
    return sections, described


def _associations(described: _Described, correlation: str = "") -> dict:
    attributes = [
        _attribute("Biosample", described.biosample),
        _attribute("Specimen", described.specimen),
        _attribute("Image acquisition", described.acquisition),
    ]
    if correlation:
        attributes.append(_attribute("Image correlation", correlation))
    if described.analysis:
        attributes.append(_attribute("Image analysis", described.analysis))
    return {"type": ASSOCIATIONS, "attributes": attributes}


def _component(file_list: FileList, described: dict[str, _Described], correlation: str = "") -> dict:
    rows = [_associations(described[dataset], correlation) for dataset in file_list.datasets]
    description = (
        f"{file_list.description} between {', '.join(file_list.datasets)}"
        if file_list.correlation
        else file_list.description or _fill(f"what the images of {file_list.component} show")
    )
    return _section(
        STUDY_COMPONENT,
        f"Study-component-{file_list.component}",
        [
            _attribute("Name", file_list.component),
            _attribute("Description", description),
            _attribute("File List", file_list.filename),
        ],
        rows,
    )


def _correlation_section(file_list: FileList) -> tuple[dict, str]:
    title = f"Image correlation of {', '.join(file_list.datasets)}"
    section = _section(
        "Image correlation",
        f"Image-correlation-{file_list.component}",
        [
            _attribute("Title", title),
            _attribute(
                "Spatial and temporal alignment",
                _fill(f"how {', '.join(file_list.datasets)} were registered to one another"),
            ),
        ],
    )
    return section, title


def _link(archive_code: str, accession: str, description: str, *, checked: bool) -> dict:
    """A study link as the BIA's ingest reads it: an accession with a link type it allows (which it turns into an
    address), else a checked accession's resolvable address; the submission tool's link editor shows either. A
    placeholder stays as it is, for the depositor to replace."""
    archive = ARCHIVES.get(archive_code)
    link_type = archive.bia_link_type if archive is not None else ""
    if link_type:
        return {"url": accession, "attributes": [_attribute("Type", link_type), _attribute("Description", description)]}
    url = (accession_url(archive=archive_code, accession=accession) if checked else "") or accession
    return {"url": url, "attributes": [_attribute("Description", description)]}


def _links(key: str, stored: StoredResult, accessions: AccessionsEntered) -> list[dict]:
    """A link per accession the submission cites: typed in, or a placeholder naming the step it comes from."""
    numbers = stored.numbers
    cited = list(
        dict.fromkeys(cited for item in stored.plan.linking if item.performed_in == key for cited in item.cites)
    )
    links = []
    for cited_key in cited:
        if cited_key not in stored.depositions:
            continue
        deposition = stored.depositions[cited_key]
        archive = archive_short_name(code=deposition.archive)
        what = f"{archive} entry of {', '.join(deposition.datasets)} (step {numbers[cited_key]})"
        typed = accessions.of(cited_key)
        if not typed:
            placeholder = _fill(f"{archive} accession of step {numbers[cited_key]}")
            links.append(_link(deposition.archive, placeholder, what, checked=False))
        links += [_link(deposition.archive, accession, what, checked=True) for accession in typed]
    return links


# The accno by which the contact's `affiliation` names its organisation, as the submission tool numbers them.
ORGANISATION_ACCNO = "o1"


def _study_sections(answers: Mapping) -> list[dict]:
    """The contact, as the BIA's ingest and the submission tool read one: an `author` section whose `affiliation`
    refers to an `organisation` section (the tool shows them as the template's Contact table); the publication
    and the funding, as the template's tables."""
    affiliation = {"name": "affiliation", "value": ORGANISATION_ACCNO, "reference": True}
    sections = [
        _section(
            "author",
            "author-1",
            [
                _attribute("Name", _fill("full name")),
                _attribute("E-mail", _fill("e-mail address")),
                _attribute("Role", "corresponding author"),
                _attribute("ORCID", _fill("ORCID iD, e.g. 0000-0002-1825-0097")),
                affiliation,
            ],
        ),
        _section(
            "organisation",
            ORGANISATION_ACCNO,
            [
                _attribute("Name", _fill("the contact's organisation")),
                _attribute("RORID", _fill("its ROR ID, e.g. https://ror.org/02catss52")),
            ],
        ),
    ]
    if answers.get("publication", PUBLICATION.default):
        sections.append(
            _section(
                "Publication",
                "Publication-1",
                [
                    _attribute("Title", _fill("title of the publication")),
                    _attribute("Authors", _fill("authors of the publication")),
                    _attribute("DOI", _fill("DOI")),
                    _attribute("Year", _fill("year of publication")),
                ],
            )
        )
    sections.append(
        _section(
            "Funding",
            "Funding-1",
            [_attribute("Agency", _fill("funding agency")), _attribute("grant_id", _fill("grant number"))],
        )
    )
    return sections


def pagetab_build(*, step: BiaStep, stored: StoredResult, accessions: AccessionsEntered) -> PageTabDraft:
    described: dict[str, _Described] = {}
    rembi: list[dict] = []
    # Every dataset a component names is described once, those of correlations deposited elsewhere included:
    # their Associations need a biosample, specimen and acquisition too.
    for file_list in step.file_lists:
        for dataset_id in file_list.datasets:
            if dataset_id not in described:
                sections, described[dataset_id] = _dataset_sections(dataset_id, stored.datasets.get(dataset_id, {}))
                rembi += sections
    components = []
    for file_list in step.file_lists:
        if file_list.correlation:
            section, title = _correlation_section(file_list)
            rembi.append(section)
            components.append(_component(file_list, described, title))
        else:
            components.append(_component(file_list, described))
    study = _section(
        STUDY,
        "Study",
        [
            _attribute("Title", _fill("title of the study, at least 25 characters")),
            _attribute("Description", _fill("description of the study")),
            _attribute("Keywords", _fill("keyword")),
            _attribute("License", _fill("CC0 or CC BY 4.0")),
        ],
        [*_study_sections(stored.answers), *rembi, *components],
        _links(step.key, stored, accessions),
    )
    document = {
        "type": "submission",
        "attributes": [
            _attribute("ReleaseDate", RELEASE_DATE),
            _attribute("AttachTo", TEMPLATE_COLLECTION),
            _attribute("Template", TEMPLATE_NAME),
        ],
        "section": study,
    }
    return PageTabDraft(step.number, step.key, document)


def pagetab_drafts(*, stored: StoredResult, accessions: AccessionsEntered) -> tuple[PageTabDraft, ...]:
    """A PageTab submission for each BioImage Archive step of the plan, with the accessions typed so far."""
    return tuple(pagetab_build(step=step, stored=stored, accessions=accessions) for step in bia_steps(stored=stored))


def pagetab_json(*, draft: PageTabDraft) -> str:
    """The submission as the file the depositor uploads: JSON, indented, non-ASCII kept as it is."""
    return json.dumps(draft.document, indent=2, ensure_ascii=False) + "\n"
