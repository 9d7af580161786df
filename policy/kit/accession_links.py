"""One resolvable link per accession, for print (the data availability statement and its references) and for any
file that carries an accession as an address.

EMPIAR entries have DataCite DOIs (10.6019/EMPIAR-N). PDB entries have wwPDB DOIs (10.2210/pdbXXXX/pdb) while
their IDs have four characters; extended IDs (pdb_0000XXXX) resolve on wwPDB's entry page, which the DOIs also
lead to. The other archives resolve through identifiers.org's compact identifiers, the form journals recommend
for data citation (https://docs.identifiers.org/pages/resolving_mechanisms).
"""

IDENTIFIERS_ORG_PREFIXES = {
    "bia": "biostudies",
    "emdb": "emdb",
    "arrayexpress": "arrayexpress",
    "pride": "pride.project",
    "metabolights": "metabolights",
}
# EGA studies (EGAS…) and datasets (EGAD…) are two namespaces.
EGA_PREFIXES = {"EGAS": "ega.study", "EGAD": "ega.dataset"}
EXTENDED_PDB_PREFIX = "pdb_"


def accession_url(*, archive: str, accession: str) -> str:
    """The link for a checked, canonical accession (policy.kit.accessions), or "" for an archive we cannot link."""
    if archive == "empiar":
        return f"https://doi.org/10.6019/{accession}"
    if archive == "pdb":
        if accession.startswith(EXTENDED_PDB_PREFIX):
            return f"https://www.wwpdb.org/pdb?id={accession}"
        return f"https://doi.org/10.2210/pdb{accession.lower()}/pdb"
    if archive == "ega":
        prefix = EGA_PREFIXES.get(accession[:4])
        return f"https://identifiers.org/{prefix}:{accession}" if prefix else ""
    prefix = IDENTIFIERS_ORG_PREFIXES.get(archive)
    return f"https://identifiers.org/{prefix}:{accession}" if prefix else ""
