"""The deposition kit's downloads and the accessions fragment. Thin: policy.kit builds everything from the stored
plan and answers; the accessions live only in the query string, so the stored result never changes."""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from policy.http_cache import result_conditional
from policy.kit.accessions import accessions_parse
from policy.kit.bia_outline import bia_outline_zip
from policy.kit.empiar_draft import empiar_drafts
from policy.kit.progress import accessions_tsv, citations_by_step, progress_build
from policy.kit.st_sheet import st_datasets, st_sheet_tsv
from policy.kit_context import kit_context, result_madmp
from policy.results import result_find
from policy.views import result_missing

ACCESSIONS_TEMPLATE = "policy/_kit_accessions.html"


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@result_conditional
def kit_accessions(request: HttpRequest, result_id: str) -> HttpResponse:
    """The accessions section alone, for htmx; the address bar shows the result page with the same query."""
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    context = {"result": result, **kit_context(request=request, result=result)}
    response = render(request, ACCESSIONS_TEMPLATE, context)
    response["HX-Push-Url"] = context["kit_link"]
    return response


@require_safe
@result_conditional
def kit_empiar_draft(request: HttpRequest, result_id: str, dataset: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    accessions = accessions_parse(plan=result.plan, query=request.GET)
    for draft in empiar_drafts(plan=result.plan, answers=result.answers, accessions=accessions):
        if draft.dataset == dataset:
            body = json.dumps(draft.document, indent=2, ensure_ascii=False) + "\n"
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            return _attachment(response, f"{result.id}-empiar-{dataset}.json")
    return result_missing(request)


@require_safe
@result_conditional
def kit_bia_outline(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None or not any(item["archive"] == "bia" for item in result.plan["depositions"]):
        return result_missing(request)
    progress = progress_build(plan=result.plan, accessions=accessions_parse(plan=result.plan, query=request.GET))
    body = bia_outline_zip(plan=result.plan, answers=result.answers, citations=citations_by_step(progress=progress))
    return _attachment(HttpResponse(body, content_type="application/zip"), f"{result.id}-bia-outline.zip")


@require_safe
@result_conditional
def kit_st_sheet(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None or not st_datasets(answers=result.answers, plan=result.plan):
        return result_missing(request)
    body = st_sheet_tsv(answers=result.answers, plan=result.plan)
    response = HttpResponse(body, content_type="text/tab-separated-values; charset=utf-8")
    return _attachment(response, f"{result.id}-st-metadata.tsv")


@require_safe
@result_conditional
def kit_accessions_tsv(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    body = accessions_tsv(plan=result.plan, accessions=accessions_parse(plan=result.plan, query=request.GET))
    response = HttpResponse(body, content_type="text/tab-separated-values; charset=utf-8")
    return _attachment(response, f"{result.id}-accessions.tsv")


@require_safe
@result_conditional
def kit_madmp(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    response = JsonResponse(result_madmp(request=request, result=result), json_dumps_params={"ensure_ascii": False})
    return _attachment(response, f"{result.id}.madmp.json")
