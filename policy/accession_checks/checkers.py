"""One checker per archive: which public endpoint it asks (docs/accession-checks.md; the shapes in
shared/reference/accession-apis.md) and how it reads the answer into an `Entry`, or None for an entry the archive
does not show (not public yet, or mistyped). Any other answer raises `ArchiveUnavailable`.

A checker is given an accession already checked against its archive's format, so every URL is built from a known
host and a value of known characters."""

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from policy.accession_checks.transport import ArchiveUnavailable, Transport
from policy.engine.archives import ARCHIVES

EBI = "https://www.ebi.ac.uk"
# ENA is not a step of any plan (ArrayExpress passes raw reads on to it), so its accession format lives here.
ENA_ACCESSION = re.compile(r"PRJ(?:EB|NA|DB)[0-9]{1,9}|(?:ERP|SRP|DRP)[0-9]{1,9}", re.IGNORECASE)
# Accessions as the archives' cross-references and links write them, found in any text (a URL, a name): every
# archive's format but the PDB's, whose four characters would match pieces of any text.
CITED_ACCESSION = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    + "|".join(f"(?:{archive.accession.pattern})" for code, archive in ARCHIVES.items() if code != "pdb")
    + f"|(?:{ENA_ACCESSION.pattern}))(?![0-9])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry as its archive describes it: released, or shown with its status and the date it is to be released
    (an EMDB entry on hold)."""

    title: str = ""
    released: str = ""
    status: str = ""
    cites: tuple[str, ...] = ()
    public: bool = True


@dataclass(frozen=True, slots=True)
class Checker:
    archive: str
    endpoint: str  # what docs/accession-checks.md names; "{accession}" stands for the value sent
    read: Callable[[str, Transport], Entry | None]
    refers_to: frozenset[str] = frozenset()  # archives whose accessions the entry's cross-references name


def date_read(value) -> str:
    """An archive's date as ISO (YYYY-MM-DD): ISO text with or without a time, YYYYMMDD, or epoch milliseconds;
    "" for anything else."""
    if isinstance(value, bool) or value in (None, ""):
        return ""
    if isinstance(value, int | float):
        try:
            return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return ""
    text = str(value).strip()
    for candidate, layout in ((text[:10], "%Y-%m-%d"), (text[:8], "%Y%m%d"), (text[:10], "%d/%m/%Y")):
        try:
            return datetime.datetime.strptime(candidate, layout).date().isoformat()
        except ValueError:
            continue
    return ""


def cited_in(texts: Iterable) -> tuple[str, ...]:
    """The accessions named in `texts` (names, URLs), canonical, each once, in order."""
    found: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            continue
        for match in CITED_ACCESSION.findall(text):
            accession = match.upper()
            if accession not in found:
                found.append(accession)
    return tuple(found)


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _mapping(value) -> Mapping:
    if not isinstance(value, Mapping):
        raise ArchiveUnavailable("unexpected answer")
    return value


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _get(transport: Transport, url: str):
    """The JSON at url, or None where the archive does not show the entry."""
    answer = transport(url)
    return None if answer.not_found else answer.json()


# --- EMPIAR: {"EMPIAR-N": {title, release_date, cross_references: [{name}], biostudies_references: [{name}]}}
def _empiar(accession: str, transport: Transport) -> Entry | None:
    document = _get(transport, f"{EBI}/empiar/api/entry/{accession.removeprefix('EMPIAR-')}")
    if not document:
        return None
    entry = _mapping(_mapping(document).get(accession))
    references = [*_list(entry.get("cross_references")), *_list(entry.get("biostudies_references"))]
    return Entry(
        title=_text(entry.get("title")),
        released=date_read(entry.get("release_date")),
        status=_text(entry.get("status")),
        cites=cited_in(item.get("name") for item in references if isinstance(item, Mapping)),
    )


# --- EMDB: {emdb_id, admin: {title, current_status: {code}, key_dates: {map_release}}, crossreferences: {…}}
EMDB_RELEASED = "REL"


def _emdb(accession: str, transport: Transport) -> Entry | None:
    document = _get(transport, f"{EBI}/emdb/api/entry/{accession}")
    if not document:
        return None
    admin = _mapping(_mapping(document).get("admin"))
    status = _text(_mapping(admin.get("current_status") or {}).get("code"))
    release = date_read(_mapping(admin.get("key_dates") or {}).get("map_release"))
    if status != EMDB_RELEASED:
        # On hold (HPUB, HOLD) or withdrawn: not public; the title of an unreleased entry is not shown.
        return Entry(released=release, status=status, public=False)
    references = _mapping(document.get("crossreferences") or {})
    pdb = _list(_mapping(references.get("pdb_list") or {}).get("pdb_reference"))
    return Entry(
        title=_text(admin.get("title")),
        released=release,
        status=status,
        cites=tuple(
            _text(item.get("pdb_id")).upper() for item in pdb if isinstance(item, Mapping) and item.get("pdb_id")
        ),
    )


# --- PDB (PDBe): status {id: [{status_code, since}]}, then summary {id: [{title, release_date, related_structures}]}
def _pdb(accession: str, transport: Transport) -> Entry | None:
    if accession.startswith("pdb_"):
        if not accession.startswith("pdb_0000"):
            raise ArchiveUnavailable("extended PDB IDs are not read by PDBe's API yet")
        accession = accession.removeprefix("pdb_0000").upper()
    key = accession.lower()
    status_document = _get(transport, f"{EBI}/pdbe/api/pdb/entry/status/{key}")
    if not status_document:
        return None
    status = _mapping(next(iter(_list(_mapping(status_document).get(key))), {}))
    if status.get("status_code") != "REL":
        return None
    summary_document = _get(transport, f"{EBI}/pdbe/api/pdb/entry/summary/{key}")
    summary = _mapping(next(iter(_list(_mapping(summary_document or {}).get(key))), {}))
    related = _list(summary.get("related_structures"))
    return Entry(
        title=_text(summary.get("title")),
        released=date_read(summary.get("release_date") or status.get("since")),
        status="REL",
        cites=cited_in(item.get("accession") for item in related if isinstance(item, Mapping)),
    )


# --- BioStudies (BioImage Archive, ArrayExpress): PageTab {accno, attributes, section: {attributes, links}}
def _attribute(attributes, name: str) -> str:
    for attribute in _list(attributes):
        if isinstance(attribute, Mapping) and str(attribute.get("name", "")).lower() == name.lower():
            return _text(attribute.get("value"))
    return ""


def _links(section: Mapping) -> list[str]:
    """The URLs of a PageTab section's links (a link, or a table of them) and of its subsections', recursively."""
    urls: list[str] = []
    for item in _list(section.get("links")):
        for link in item if isinstance(item, list) else [item]:
            if isinstance(link, Mapping):
                urls.append(_text(link.get("url")))
    for subsection in _list(section.get("subsections")):
        for item in subsection if isinstance(subsection, list) else [subsection]:
            if isinstance(item, Mapping):
                urls += _links(item)
    return urls


def _biostudies(accession: str, transport: Transport) -> Entry | None:
    document = _get(transport, f"{EBI}/biostudies/api/v1/studies/{quote(accession)}")
    if not document:
        return None
    study = _mapping(document)
    section = _mapping(study.get("section") or {})
    title = _attribute(study.get("attributes"), "Title") or _attribute(section.get("attributes"), "Title")
    cited = [accession for accession in cited_in(_links(section)) if accession != study.get("accno")]
    return Entry(
        title=title, released=date_read(_attribute(study.get("attributes"), "ReleaseDate")), cites=tuple(cited)
    )


# --- ENA: a JSON array of studies, [] when private or unknown
ENA_FIELDS = "study_accession,secondary_study_accession,study_title,first_public"


def _ena(accession: str, transport: Transport) -> Entry | None:
    query = quote(f'study_accession="{accession}" OR secondary_study_accession="{accession}"')
    url = f"{EBI}/ena/portal/api/search?result=study&query={query}&fields={ENA_FIELDS}&format=json"
    rows = _get(transport, url)
    if not isinstance(rows, list):
        if rows is None:
            return None
        raise ArchiveUnavailable("unexpected answer")
    study = next((row for row in rows if isinstance(row, Mapping)), None)
    if study is None:
        return None
    return Entry(title=_text(study.get("study_title")), released=date_read(study.get("first_public")))


# --- PRIDE: status as plain text (PUBLIC, PRIVATE, NOT_FOUND), then the project {title, publicationDate}
def _pride(accession: str, transport: Transport) -> Entry | None:
    answer = transport(f"{EBI}/pride/ws/archive/v3/status/{accession}")
    if answer.not_found:
        return None
    status = answer.text().strip('"').upper()
    if status == "NOT_FOUND":
        return None
    if status == "PRIVATE":  # submitted, not yet released
        return Entry(status=status, public=False)
    if status != "PUBLIC":
        raise ArchiveUnavailable("unexpected answer")
    project = _mapping(_get(transport, f"{EBI}/pride/ws/archive/v3/projects/{accession}") or {})
    return Entry(title=_text(project.get("title")), released=date_read(project.get("publicationDate")), status=status)


# --- MetaboLights: {"content": {studyIdentifier, title, studyStatus, publicReleaseDate}}
def _metabolights(accession: str, transport: Transport) -> Entry | None:
    document = _get(transport, f"{EBI}/metabolights/ws/studies/public/study/{accession}")
    content = _mapping(document).get("content") if document else None
    if not isinstance(content, Mapping) or not content:
        return None
    return Entry(
        title=_text(content.get("title")),
        released=date_read(content.get("publicReleaseDate")),
        status=_text(content.get("studyStatus")),
    )


# --- EGA: the public metadata of released studies (EGAS) and datasets (EGAD)
def _ega(accession: str, transport: Transport) -> Entry | None:
    kind = "studies" if accession.startswith("EGAS") else "datasets"
    document = _get(transport, f"https://metadata.ega-archive.org/{kind}/{accession}")
    if not document:
        return None
    record = _mapping(document)
    return Entry(title=_text(record.get("title")), released=date_read(record.get("released_date")))


CHECKERS: dict[str, Checker] = {
    checker.archive: checker
    for checker in (
        Checker("empiar", f"{EBI}/empiar/api/entry/{{number}}", _empiar, frozenset({"emdb", "bia"})),
        Checker("emdb", f"{EBI}/emdb/api/entry/{{accession}}", _emdb, frozenset({"pdb"})),
        Checker(
            "pdb",
            f"{EBI}/pdbe/api/pdb/entry/status/{{id}}, then …/entry/summary/{{id}}",
            _pdb,
            frozenset({"emdb"}),
        ),
        Checker(
            "bia",
            f"{EBI}/biostudies/api/v1/studies/{{accession}}",
            _biostudies,
            frozenset({"empiar", "emdb", "arrayexpress", "pride", "metabolights", "ega", "bia"}),
        ),
        Checker(
            "arrayexpress",
            f"{EBI}/biostudies/api/v1/studies/{{accession}}",
            _biostudies,
            frozenset({"bia"}),
        ),
        Checker("ena", f"{EBI}/ena/portal/api/search?result=study&query=study_accession=…", _ena),
        Checker("pride", f"{EBI}/pride/ws/archive/v3/status/{{accession}}, then …/v3/projects/{{accession}}", _pride),
        Checker("metabolights", f"{EBI}/metabolights/ws/studies/public/study/{{accession}}", _metabolights),
        Checker("ega", "https://metadata.ega-archive.org/studies/{EGAS…} or /datasets/{EGAD…}", _ega),
    )
}
