"""One resolvable link per accession, for print (the data availability statement and its references) and for any
file that carries an accession as an address. Where each archive's accessions resolve is a fact of the archive
(policy.engine.archives)."""

from policy.engine.archives import ARCHIVES


def accession_url(*, archive: str, accession: str) -> str:
    """The link for a checked, canonical accession (policy.kit.accessions.entered), or "" for an archive we cannot
    link."""
    row = ARCHIVES.get(archive)
    return row.accession_url(accession) if row is not None else ""
