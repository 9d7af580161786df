"""The deposition kit's downloads and the accession checks. Thin: policy.kit builds everything from the stored
plan and answers; the accessions live only in the query string, so the stored result never changes."""

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
from policy.kit.drafts.onedep_handoff import SCRIPT_NAME
from policy.models import Result
from policy.presenters.accession_checks import accession_checks_present
from policy.presenters.kit_files import KIT_FILES
from policy.stored_result import result_read
from policy.views.http_cache import result_conditional
from policy.views.kit_context import accessions_link, result_madmp
from policy.views.lookup import downloaded, result_missing, result_required

ACCESSION_CHECKS_PAGE = "policy/accession_checks.html"
ONEDEP_SCRIPT = Path(__file__).resolve().parents[1] / "kit" / "scripts" / SCRIPT_NAME


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
def kit_file(request: HttpRequest, result: Result, file: str, part: str | int = "") -> HttpResponse:
    """Any of the kit's downloads (`file`: its entry in KIT_FILES; `part`: the dataset, step or hand-off the URL
    names), with the accessions typed in the query string."""
    entry = KIT_FILES[file]
    stored = result_read(result)
    made = entry.made(stored, accessions_parse(stored=stored, query=request.GET), part)
    if made is None:
        return result_missing(request)
    name, body = made
    return downloaded(HttpResponse(body, content_type=entry.media_type), result_id=result.id, name=name)


@require_safe
def kit_onedep_script(request: HttpRequest) -> HttpResponse:
    """The script every OneDep hand-off names: the same file for every plan."""
    response = HttpResponse(ONEDEP_SCRIPT.read_bytes(), content_type="text/x-python; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{SCRIPT_NAME}"'
    return response


@require_safe
@result_conditional
@result_required(result_missing)
def kit_madmp(request: HttpRequest, result: Result) -> HttpResponse:
    response = JsonResponse(result_madmp(request=request, result=result), json_dumps_params={"ensure_ascii": False})
    return downloaded(response, result_id=result.id, name="madmp.json")
