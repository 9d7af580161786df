"""The context the result page's kit includes need, shared by the result page and the accessions fragment."""

from urllib.parse import urlencode

from django.http import HttpRequest

from policy.kit.page import kit_build
from policy.models import Result
from policy.results import result_url


def kit_context(*, request: HttpRequest, result: Result) -> dict:
    """What the result page's kit includes need: the kit, and the query string of the valid accessions."""
    kit = kit_build(plan=result.plan, answers=result.answers, query=request.GET)
    query = urlencode(kit.accessions.query())
    link = result_url(request, result) + (f"?{query}" if query else "")
    return {"kit": kit, "kit_query": query, "kit_link": link}
