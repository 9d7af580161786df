"""Accessions typed back in, and what follows from them: links to the archives' entries, progress through the
steps, the data availability statement and the machine-actionable DMP."""
