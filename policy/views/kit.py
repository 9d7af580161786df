"""The deposition kit's downloads. Thin: policy.kit builds everything from the stored
plan and answers; the accessions live only in the query string, so the stored result never changes."""

from pathlib import Path

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from policy.kit.accessions.entered import accessions_parse
from policy.kit.drafts.onedep_handoff import SCRIPT_NAME
from policy.models import Result
from policy.presenters.kit_files import KIT_FILES
from policy.stored_result import result_read
from policy.views.http_cache import result_conditional
from policy.views.kit_context import result_madmp
from policy.views.lookup import downloaded, result_missing, result_required

ONEDEP_SCRIPT = Path(__file__).resolve().parents[1] / "kit" / "scripts" / SCRIPT_NAME


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
