"""The deposition kit's downloads and the accessions fragment. Thin: policy.kit builds everything from the stored
plan and answers; the accessions live only in the query string, so the stored result never changes."""

import json
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config.ratelimits import checks_ratelimit
from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.statement import statement_build
from policy.kit.drafts.bia_outline import bia_outline_zip
from policy.kit.drafts.empiar_bundle import empiar_bundle_zip
from policy.kit.drafts.empiar_draft import empiar_drafts
from policy.kit.drafts.onedep_handoff import SCRIPT_NAME, onedep_handoffs
from policy.kit.drafts.pagetab import pagetab_drafts, pagetab_json
from policy.kit.drafts.st_sheet import st_datasets, st_sheet_tsv
from policy.models import Result
from policy.presenters.accession_checks import accession_checks_present
from policy.presenters.downloads import ACCESSIONS_TEMPLATE, template_render
from policy.presenters.kit import kit_build
from policy.stored_result import result_read
from policy.views.http_cache import result_conditional
from policy.views.kit_context import accessions_link, kit_context, result_madmp
from policy.views.lookup import downloaded, result_missing, result_required

ACCESSIONS_SECTION = "policy/_kit_accessions.html"
ACCESSION_CHECKS_PAGE = "policy/accession_checks.html"
TSV = "text/tab-separated-values; charset=utf-8"
JSON = "application/json; charset=utf-8"
ONEDEP_SCRIPT = Path(__file__).resolve().parents[1] / "kit" / "scripts" / SCRIPT_NAME


def _json_text(document) -> str:
    """A download's JSON as a person reads it: indented, non-ASCII kept."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@require_safe
@result_conditional
@result_required(result_missing)
def kit_accessions(request: HttpRequest, result: Result) -> HttpResponse:
    """The accessions section alone, for htmx; the address bar shows the result page with the same query."""
    context = {"result": result, **kit_context(request=request, result=result)}
    response = render(request, ACCESSIONS_SECTION, context)
    response["HX-Push-Url"] = context["kit_link"]
    return response


@require_safe
@checks_ratelimit
@never_cache
@result_required(result_missing)
def kit_accession_checks(request: HttpRequest, result: Result) -> HttpResponse:
    """What the archives say about the accessions typed (the query string): the page, or for htmx its partial that
    fills the result page's placeholders. The result page itself never waits for an archive."""
    if not settings.ACCESSION_CHECKS:
        raise Http404("Accession checks are off.")
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    checks = accession_checks_present(stored=stored, accessions=accessions)
    context = {
        "result": result,
        "kit_link": accessions_link(request=request, result=result, accessions=accessions),
        "checks": checks,
        "statement": statement_build(stored=stored, accessions=accessions, checks=checks.by_accession),
        "htmx": bool(request.htmx),
    }
    template = f"{ACCESSION_CHECKS_PAGE}#checks" if request.htmx else ACCESSION_CHECKS_PAGE
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_safe
@result_conditional
@result_required(result_missing)
def kit_empiar_draft(request: HttpRequest, result: Result, dataset: str) -> HttpResponse:
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    for draft in empiar_drafts(stored=stored, accessions=accessions):
        if draft.dataset == dataset:
            response = HttpResponse(_json_text(draft.document), content_type=JSON)
            return downloaded(response, result_id=result.id, name=f"empiar-{dataset}.json")
    return result_missing(request)


@require_safe
@result_conditional
@result_required(result_missing)
def kit_pagetab(request: HttpRequest, result: Result, step: int) -> HttpResponse:
    """A BioImage Archive step's submission in PageTab JSON, with the accessions typed in the query string."""
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    for draft in pagetab_drafts(stored=stored, accessions=accessions):
        if draft.step == step:
            body = pagetab_json(draft=draft)
            return downloaded(HttpResponse(body, content_type=JSON), result_id=result.id, name=draft.filename)
    return result_missing(request)


@require_safe
@result_conditional
@result_required(result_missing)
def kit_empiar_bundle(request: HttpRequest, result: Result, dataset: str) -> HttpResponse:
    """The EMPIAR step's bundle: the draft, the script that refuses its placeholders, and a README."""
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    for draft in empiar_drafts(stored=stored, accessions=accessions):
        if draft.dataset == dataset:
            body = empiar_bundle_zip(draft=draft, stored=stored)
            response = HttpResponse(body, content_type="application/zip")
            return downloaded(response, result_id=result.id, name=f"empiar-{dataset}.zip")
    return result_missing(request)


@require_safe
@result_conditional
@result_required(result_missing)
def kit_onedep_handoff(request: HttpRequest, result: Result, slug: str) -> HttpResponse:
    stored = result_read(result)
    accessions = accessions_parse(stored=stored, query=request.GET)
    for handoff in onedep_handoffs(stored=stored, accessions=accessions):
        if handoff.slug == slug:
            response = HttpResponse(_json_text(handoff.document), content_type=JSON)
            return downloaded(response, result_id=result.id, name=handoff.filename)
    return result_missing(request)


@require_safe
def kit_onedep_script(request: HttpRequest) -> HttpResponse:
    """The script every OneDep hand-off names: the same file for every plan."""
    response = HttpResponse(ONEDEP_SCRIPT.read_bytes(), content_type="text/x-python; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{SCRIPT_NAME}"'
    return response


@require_safe
@result_conditional
@result_required(result_missing)
def kit_bia_outline(request: HttpRequest, result: Result) -> HttpResponse:
    stored = result_read(result)
    if not stored.depositions_to("bia"):
        return result_missing(request)
    body = bia_outline_zip(stored=stored, accessions=accessions_parse(stored=stored, query=request.GET))
    return downloaded(HttpResponse(body, content_type="application/zip"), result_id=result.id, name="bia-outline.zip")


@require_safe
@result_conditional
@result_required(result_missing)
def kit_st_sheet(request: HttpRequest, result: Result) -> HttpResponse:
    stored = result_read(result)
    if not st_datasets(stored=stored):
        return result_missing(request)
    body = st_sheet_tsv(stored=stored)
    return downloaded(HttpResponse(body, content_type=TSV), result_id=result.id, name="st-metadata.tsv")


@require_safe
@result_conditional
@result_required(result_missing)
def kit_accessions_tsv(request: HttpRequest, result: Result) -> HttpResponse:
    """The accessions template of the result page, with the accessions typed so far filled in."""
    kit = kit_build(stored=result_read(result), query=request.GET)
    body = template_render(template=ACCESSIONS_TEMPLATE, plan=kit.plan, accessions=kit.accessions)
    return downloaded(HttpResponse(body, content_type=TSV), result_id=result.id, name=ACCESSIONS_TEMPLATE.filename)


@require_safe
@result_conditional
@result_required(result_missing)
def kit_madmp(request: HttpRequest, result: Result) -> HttpResponse:
    response = JsonResponse(result_madmp(request=request, result=result), json_dumps_params={"ensure_ascii": False})
    return downloaded(response, result_id=result.id, name="madmp.json")
