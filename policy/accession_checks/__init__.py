"""Typed accessions checked against the archives' public read APIs: is the entry public, under which title, since
when, and which other entries does it cite.

Pure of views: `checks_run` takes (archive, accession) pairs and answers an `AccessionCheck` for each, through the
shared cache, a circuit breaker per archive and an HTTP transport with short timeouts and a cap on what it reads.
`link_warnings` reads the answers against the plan's linking items. Each archive's reading of its API is one
checker (`checkers.py`). docs/accession-checks.md says which endpoints are called and what is cached for how long.
"""
