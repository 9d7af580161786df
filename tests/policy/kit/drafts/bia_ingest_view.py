"""How the BioImage Archive's ingest reads a PageTab submission's contacts and links: a re-implementation, for the
tests, of bia-integrator's `bia-ingest/bia_ingest/biostudies/common/study.py` (`get_affiliation`, `get_contributor`,
`sanitise_affiliation_attribute`, `get_external_references`, `sanitise_link_and_link_type`) and the helpers it calls
in `submission_parsing_utils.py` (`find_sections_recursive`, `case_insensitive_get`), as of commit
ad647bc399a4eebf41d359a49b921d1b873f21bd of github.com/BioImage-Archive/bia-integrator (Apache-2.0). Read there,
written here in our words; nothing is copied.

What it keeps of their reading:
- contacts are the sections of type `author` (any case, anywhere under the study); each `affiliation` attribute
  marked as a reference names the accno of a section of type `organisation` or `organization`, whose Name, RORID,
  Address and Website become the affiliation; a reference to no such section is an ingest error;
- links are the study section's own `links` (a nested list flattened); each needs a `url`; a url that is not an
  address (no `scheme://`) needs a `Type` attribute (any case) among the allowed link types, whose URL template
  turns the accession into an address, else ingest refuses the submission.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

# bia-ingest/bia_ingest/biostudies/common/constants.py at the commit above: ALLOWED_LINK_TYPES (the lower-cased
# values of LINKTYPE_DISPLAY) and, for those we write or the example holds, URL_TEMPLATES. The same list is in
# ro-crate-ingest/ro_crate_ingest/biostudies_to_ro_crate/biostudies/constants.py.
ALLOWED_LINK_TYPES = frozenset(
    {
        *("array design", "arrayexpress", "bioproject", "biosamples", "biostudies", "chebi", "chemagora"),
        *("compound", "dbsnp", "doi", "ega", "emdb", "empiar", "ena", "ensembl", "expression atlas"),
        *("expression atlas (single cell)", "external", "geo", "http", "https", "idr", "intact", "interpro"),
        *("nct", "nucleotide", "omim", "pdbe", "pfam", "pride", "pubmed", "rfam", "rnacentral", "sourcedata"),
        *("taxonomy", "uniprot"),
    }
)
URL_TEMPLATES = {
    "arrayexpress": "https://www.ebi.ac.uk/arrayexpress/experiments/{0}",
    "biostudies": "https://www.ebi.ac.uk/biostudies/studies/{0}",
    "ega": "https://www.ebi.ac.uk/ega/studies/{0}",
    "empiar": "https://www.ebi.ac.uk/empiar/{0}/",
    "emdb": "https://www.ebi.ac.uk/emdb/{0}",
    "ena": "https://www.ebi.ac.uk/ena/browser/view/{0}",
    "pdbe": "https://www.ebi.ac.uk/pdbe-srv/view/entry/{0}/summary",
    "pride": "https://www.ebi.ac.uk/pride/archive/projects/{0}",
}
ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class IngestRefused(ValueError):
    """What the BIA's ingest raises or records as an error for the submission."""


@dataclass(frozen=True, slots=True)
class Affiliation:
    display_name: str | None
    rorid: str | None
    address: str | None
    website: str | None


@dataclass(frozen=True, slots=True)
class Contributor:
    display_name: str | None
    contact_email: str | None
    orcid: str | None
    role: tuple[str, ...]
    affiliation: tuple[Affiliation, ...]


@dataclass(frozen=True, slots=True)
class ExternalReference:
    link: str
    link_type: str | None
    description: str | None


def _flattened(items: list) -> Iterator[Mapping]:
    for item in items:
        if isinstance(item, list):
            yield from item
        else:
            yield item


def sections_of_type(section: Mapping, *kinds: str) -> list[Mapping]:
    """Every section of these types (any case) in the tree under `section`, itself included."""
    wanted = {kind.lower() for kind in kinds}
    found = [section] if section.get("type", "").lower() in wanted else []
    for subsection in _flattened(section.get("subsections", [])):
        found += sections_of_type(subsection, *kinds)
    return found


def _get(attributes: list[Mapping], name: str) -> str | None:
    """The first attribute of this name, any case (case_insensitive_get on attributes_to_dict)."""
    return next((item["value"] for item in attributes if item["name"].lower() == name.lower()), None)


def affiliations(document: Mapping) -> dict[str, Affiliation]:
    return {
        section.get("accno", ""): Affiliation(
            *(_get(section.get("attributes", []), name) for name in ("Name", "RORID", "Address", "Website"))
        )
        for section in sections_of_type(document["section"], "organisation", "organization")
    }


def contributors(document: Mapping) -> list[Contributor]:
    by_accno = affiliations(document)
    found = []
    for section in sections_of_type(document["section"], "author"):
        attributes = section.get("attributes", [])
        resolved = []
        for item in attributes:
            if item["name"] != "affiliation":
                continue
            for reference in (part.strip() for part in item["value"].split(",")):
                if reference not in by_accno:
                    raise IngestRefused(f"Cannot find author's referenced affiliation: {reference}")
                resolved.append(by_accno[reference])
        role = _get(attributes, "Role") or ""
        found.append(
            Contributor(
                _get(attributes, "Name"),
                _get(attributes, "E-mail"),
                _get(attributes, "ORCID"),
                tuple(part.strip(" ") for part in role.split(",")),
                tuple(resolved),
            )
        )
    return found


def external_references(document: Mapping) -> list[ExternalReference]:
    found = []
    for link in _flattened(document["section"].get("links", [])):
        url = link.get("url")
        if url is None:
            continue
        attributes = link.get("attributes", [])
        link_type = _get(attributes, "type")
        url = url.strip().replace(" ", "")
        if not ADDRESS.match(url):
            kind = (link_type or "").strip().lower()
            if kind not in ALLOWED_LINK_TYPES:
                raise IngestRefused(f"link_type not allowed: {link_type}.")
            if kind not in URL_TEMPLATES:
                raise IngestRefused(f"no URL template for link_type: {link_type}.")
            url = URL_TEMPLATES[kind].format(url)
        found.append(ExternalReference(url, link_type, _get(attributes, "description")))
    return found
