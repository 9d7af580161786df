"""The kit for a request: the result page's kit context and the maDMP export (shared by the page's download and
the API)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest

from policy.accession_checks.run import checks_cached
from policy.kit.accessions.entered import AccessionsEntered, accessions_parse
from policy.kit.accessions.madmp import madmp_build
from policy.models import Result
from policy.presenters.kit import kit_build
from policy.results import result_url
from policy.stored_result import result_read


def accessions_link(*, request: HttpRequest, result: Result, accessions: AccessionsEntered) -> str:
    """The result page's link carrying the valid accessions typed."""
    query = urlencode(accessions.query())
    return result_url(request, result) + (f"?{query}" if query else "")


def kit_context(*, request: HttpRequest, result: Result) -> dict:
    """What the result page's kit includes need: the kit, the query string of the valid accessions, and whether
    and what to check with the archives."""
    kit = kit_build(stored=result_read(result), query=request.GET)
    query = urlencode(kit.accessions.query())
    link = accessions_link(request=request, result=result, accessions=kit.accessions)
    # What was typed, wrong values included (they read as malformed), for the archives' checks.
    typed = {key: field.typed for key, field in kit.accessions.fields.items() if field.typed}
    return {
        "kit": kit,
        "kit_query": query,
        "kit_link": link,
        "checks_on": settings.ACCESSION_CHECKS,
        "checks_query": urlencode(typed),
    }


def result_madmp(*, request: HttpRequest, result: Result) -> dict:
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    # The dates the archives gave, as far as the page's checks left them in the cache: a download never waits.
    typed = [
        (deposition.archive, accession)
        for deposition in stored.plan.depositions
        for accession in accessions.of(deposition.key)
    ]
    checks = checks_cached(accessions=typed) if settings.ACCESSION_CHECKS else None
    return madmp_build(
        url=result_url(request, result), created=result.created_at, stored=stored, accessions=accessions, checks=checks
    )
