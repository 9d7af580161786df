"""The archives' facts, one row per archive: the one place a name, an address, an accession's shape or a contact
is written. The vocabulary's choices, the routes, the plans' words, the kit, the statement, the accession checks,
the error pages and the wizard all read them here.

Each row says where its facts come from: the policy (policy/sources/image-archiving-at-ebi.md) or the archives'
own pages (policy/sources/ebi-archive-facts.md), most through the clause that quotes them (clauses.py). Results
keep the words they were stored with (Result.texts), so changing a row changes new plans only.
"""

import re
from dataclasses import dataclass, field

# The policy's "Queries" clause: the address for every question about where images go.
PRESUBMISSION_CONTACT = "image-presubmission@ebi.ac.uk"


@dataclass(frozen=True, slots=True)
class AccessionFormat:
    pattern: str  # matched case-insensitively, in ASCII only, against the whole of one accession
    example: str  # in canonical form
    looks: str  # what it looks like, for the message when a value does not match; "{example}" stands for it
    clause: str  # where the format comes from
    lowercase_prefix: str = ""  # a prefix written in lower case (the extended PDB ID's "pdb_")
    compiled: re.Pattern[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # ASCII only: in Unicode mode IGNORECASE matches the dotted and dotless I (U+0130, U+0131) as I, and the
        # Kelvin sign as K, so look-alike letters would pass as an accession and reach every download.
        object.__setattr__(self, "compiled", re.compile(self.pattern, re.IGNORECASE | re.ASCII))

    @property
    def describe(self) -> str:
        return self.looks.format(example=self.example)

    def canonical(self, value: str) -> str | None:
        if self.compiled.fullmatch(value) is None:
            return None
        if self.lowercase_prefix and value.lower().startswith(self.lowercase_prefix):
            return value.lower()
        return value.upper()


@dataclass(frozen=True, slots=True)
class Archive:
    code: str
    name: str  # as a plan names it (a step's title, "cite the … accession")
    short_name: str  # the vocabulary's label; what a placeholder and a reference-list entry call it
    in_print: str  # as a manuscript's data availability statement names it: the full name, with its article
    url: str  # the archive's home page
    submit_url: str  # where a depositor starts a submission (ebi-archive-facts.md, "Where each submission starts")
    accession: AccessionFormat
    source: str  # where the row's facts come from
    contact: str = ""  # the archive's own address for depositors, where a source gives one
    # Where an accession resolves, for print: (what the accession starts with, the address with "{accession}" in it),
    # the first that fits wins; "{lower}" is the accession in lower case.
    links: tuple[tuple[str, str], ...] = ()
    # The link type a BioImage Archive submission gives an accession of this archive: one the BIA's ingest allows
    # (BIA_LINK_TYPES_SOURCE), which turns the accession into an address. "" where it allows none: the link is then
    # the accession's resolvable address.
    bia_link_type: str = ""
    # Where a depositor generates the API token the archive's own submission tool needs, where it has one.
    api_token_url: str = ""

    @property
    def accession_example(self) -> str:
        return self.accession.example

    def accession_url(self, accession: str) -> str:
        """The link for a checked, canonical accession of this archive, or "" where none fits."""
        for start, address in self.links:
            if accession.startswith(start):
                return address.format(accession=accession, lower=accession.lower())
        return ""


ONEDEP_URL = "https://deposit.wwpdb.org/deposition/"
BIA_LINK_TYPES_SOURCE = (
    "BioImage-Archive/bia-integrator, bia-ingest/bia_ingest/biostudies/common/constants.py (ALLOWED_LINK_TYPES, "
    "URL_TEMPLATES), commit ad647bc399a4eebf41d359a49b921d1b873f21bd"
)
EMPIAR_SCHEMA = "beyond-policy:empiar-deposition-schema"


# EMPIAR entries have DataCite DOIs (10.6019/EMPIAR-N). PDB entries have wwPDB DOIs (10.2210/pdbXXXX/pdb) while their
# IDs have four characters; extended IDs (pdb_0000XXXX) resolve on wwPDB's entry page, which the DOIs also lead to.
# The other archives resolve through identifiers.org's compact identifiers, the form journals recommend for data
# citation (https://docs.identifiers.org/pages/resolving_mechanisms).
def _identifiers_org(prefix: str, start: str = "") -> tuple[str, str]:
    return (start, f"https://identifiers.org/{prefix}:{{accession}}")


# In the order the vocabulary offers them (the order to deposit in is a rule: rules.ARCHIVE_ORDER).
ARCHIVES: dict[str, Archive] = {
    archive.code: archive
    for archive in (
        Archive(
            "bia",
            "BioImage Archive",
            "BioImage Archive",
            "the BioImage Archive",
            "https://www.ebi.ac.uk/bioimage-archive/",
            "https://www.ebi.ac.uk/biostudies/submissions/",
            # The example is the policy's first (its examples table, light microscopy); the S-BSST prefix is in
            # its correlative row.
            AccessionFormat(
                r"S-(?:BIAD|BSST)[0-9]{1,9}",
                "S-BIAD287",
                "S-BIAD or S-BSST followed by digits, e.g. {example}",
                "table-correlative",
            ),
            links=(_identifiers_org("biostudies"),),
            source="the policy (examples table, note 1 for the contact); ebi-archive-facts.md (submission: "
            "https://www.ebi.ac.uk/bioimage-archive/submit/)",
            contact="bioimage-archive@ebi.ac.uk",
            bia_link_type="biostudies",
        ),
        Archive(
            "empiar",
            "EMPIAR",
            "EMPIAR",
            "the Electron Microscopy Public Image Archive (EMPIAR)",
            "https://www.ebi.ac.uk/empiar/",
            "https://empiar.org/deposition",
            # The example is the policy's (its examples table, cryo-EM).
            AccessionFormat(
                r"EMPIAR-[0-9]{5,9}",
                "EMPIAR-10002",
                "EMPIAR- followed by five or more digits, e.g. {example}",
                EMPIAR_SCHEMA,
            ),
            links=(("", "https://doi.org/10.6019/{accession}"),),
            source="the policy (examples table); ebi-archive-facts.md (https://empiar.org/deposition/manual, "
            "the empiar-depositor schema, contact: https://www.ebi.ac.uk/empiar/faq); the API token page: "
            "empiar-depositor's own documentation",
            contact="empiar-help@ebi.ac.uk",
            bia_link_type="empiar",
            api_token_url="https://empiar.org/deposition/api_token",
        ),
        Archive(
            "emdb",
            "EMDB",
            "EMDB",
            "the Electron Microscopy Data Bank (EMDB)",
            "https://www.ebi.ac.uk/emdb/",
            ONEDEP_URL,
            AccessionFormat(
                r"EMD-[0-9]{4,9}", "EMD-12345", "EMD- followed by four or more digits, e.g. {example}", EMPIAR_SCHEMA
            ),
            links=(_identifiers_org("emdb"),),
            source="ebi-archive-facts.md (https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general, "
            "the empiar-depositor schema for the accession)",
            bia_link_type="emdb",
        ),
        Archive(
            "arrayexpress",
            "ArrayExpress",
            "ArrayExpress",
            "ArrayExpress",
            "https://www.ebi.ac.uk/biostudies/arrayexpress",
            "https://www.ebi.ac.uk/fg/annotare/",
            AccessionFormat(
                r"E-MTAB-[0-9]{1,9}",
                "E-MTAB-12345",
                "E-MTAB- followed by digits, e.g. {example}",
                "beyond-policy:arrayexpress-accession",
            ),
            links=(_identifiers_org("arrayexpress"),),
            source="ebi-archive-facts.md (Annotare; https://www.ebi.ac.uk/arrayexpress/help/accession_codes.html; "
            "contact: https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html)",
            contact="annotare@ebi.ac.uk",
            bia_link_type="arrayexpress",
        ),
        Archive(
            "pride",
            "PRIDE",
            "PRIDE",
            "the PRIDE database",
            "https://www.ebi.ac.uk/pride/",
            "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
            AccessionFormat(
                r"PXD[0-9]{6}",
                "PXD012345",
                "PXD followed by six digits, e.g. {example}",
                "beyond-policy:pride-submission",
            ),
            links=(_identifiers_org("pride.project"),),
            source="ebi-archive-facts.md (https://www.ebi.ac.uk/pride/markdownpage/submitdatapage)",
            bia_link_type="pride",
        ),
        Archive(
            "metabolights",
            "MetaboLights",
            "MetaboLights",
            "MetaboLights",
            "https://www.ebi.ac.uk/metabolights/",
            "https://www.ebi.ac.uk/metabolights/editor/console",
            AccessionFormat(
                r"MTBLS[0-9]{1,9}",
                "MTBLS1234",
                "MTBLS followed by digits, e.g. {example}",
                "beyond-policy:metabolights-accession",
            ),
            links=(_identifiers_org("metabolights"),),
            source="ebi-archive-facts.md (the Online Editor: https://github.com/EBI-Metabolights/guides; the "
            "accession: https://pmc.ncbi.nlm.nih.gov/articles/PMC3531110)",
        ),
        Archive(
            "ega",
            "European Genome-phenome Archive (EGA)",
            "EGA",
            "the European Genome-phenome Archive (EGA)",
            "https://ega-archive.org/",
            # EGA's page of the Submitter Portal, which links the portal itself (ebi-archive-facts.md, 2026-12-05).
            "https://ega-archive.org/submission/tools/submitter-portal",
            # The example is a published dataset (a human thymus atlas whose images are in the BioImage Archive).
            AccessionFormat(
                r"EGA[SD][0-9]{11}",
                "EGAD00001015384",
                "EGAS (study) or EGAD (dataset) followed by eleven digits, e.g. {example}",
                "beyond-policy:ega-controlled-access",
            ),
            # EGA studies (EGAS…) and datasets (EGAD…) are two namespaces.
            links=(_identifiers_org("ega.study", "EGAS"), _identifiers_org("ega.dataset", "EGAD")),
            source="ebi-archive-facts.md (https://ega-archive.org/submission/, the Submitter Portal's page)",
            bia_link_type="ega",
        ),
        Archive(
            "pdb",
            "PDB",
            "PDB",
            "the Protein Data Bank (PDB)",
            "https://www.ebi.ac.uk/pdbe/",
            ONEDEP_URL,
            # wwPDB's own examples (its PDB ID FAQ: 1abc, pdb_00001abc).
            AccessionFormat(
                r"[0-9][A-Z0-9]{3}|pdb_[A-Z0-9]{8}",
                "1ABC",
                "four characters starting with a digit (e.g. {example}), or pdb_ and eight letters or digits "
                "(e.g. pdb_00001abc)",
                "beyond-policy:pdb-ids",
                lowercase_prefix="pdb_",
            ),
            links=(
                ("pdb_", "https://www.wwpdb.org/pdb?id={accession}"),
                ("", "https://doi.org/10.2210/pdb{lower}/pdb"),
            ),
            source="ebi-archive-facts.md (http://www.wwpdb.org/deposition/faq, "
            "https://www.wwpdb.org/documentation/pdb-id-extension-faq)",
            bia_link_type="pdbe",
        ),
    )
}


def archive_short_name(*, code: str) -> str:
    """The archive's short name; its code for one this table does not know (a plan newer or older than it)."""
    archive = ARCHIVES.get(code)
    return archive.short_name if archive is not None else code


def archive_in_print(*, code: str) -> str:
    """The archive as a manuscript names it; its code for one this table does not know."""
    archive = ARCHIVES.get(code)
    return archive.in_print if archive is not None else code
