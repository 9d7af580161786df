"""The kit for a request: the result page's kit context and the maDMP export (shared by the page's download and
the API)."""

from urllib.parse import urlencode

from django.http import HttpRequest

from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.madmp import madmp_build
from policy.models import Result
from policy.presenters.kit import kit_build
from policy.results import result_url
from policy.stored_result import result_read


def kit_context(*, request: HttpRequest, result: Result) -> dict:
    """What the result page's kit includes need: the kit, and the query string of the valid accessions."""
    kit = kit_build(stored=result_read(result), query=request.GET)
    query = urlencode(kit.accessions.query())
    link = result_url(request, result) + (f"?{query}" if query else "")
    return {"kit": kit, "kit_query": query, "kit_link": link}


def result_madmp(*, request: HttpRequest, result: Result) -> dict:
    stored = result_read(result)
    return madmp_build(
        url=result_url(request, result),
        created=result.created_at,
        stored=stored,
        accessions=accessions_parse(stored=stored, query=request.GET),
    )
