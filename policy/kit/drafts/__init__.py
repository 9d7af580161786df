"""Drafts for each archive's own tools: the EMPIAR deposition and its bundle, the BioImage Archive's PageTab
submission, outline and file lists, the OneDep hand-off, the spatial-transcriptomics sheet."""
