"""The one lookup of a stored result, shared by the pages, the downloads and the API; and what each answers for
an id that leads nowhere.

Each view is a plain function of (request, result_id), so that decorators (HTTP methods, rate limits, caching
headers) apply to it as to any Django view; `result_required` finds the result once for all of them.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from policy.presenters.downloads import download_filename
from policy.results import result_find

RESULT_MISSING_TEMPLATE = "policy/result_missing.html"


def result_missing(request: HttpRequest) -> HttpResponse:
    """The same page for every id that leads nowhere, so ids cannot be probed."""
    return render(request, RESULT_MISSING_TEMPLATE, status=404)


def errors_response(status: int, errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status)


def result_not_found() -> JsonResponse:
    """The same answer for every id that leads nowhere, so ids cannot be probed."""
    return errors_response(404, {"id": ["No stored plan has this id."]})


def result_required(missing: Callable[[HttpRequest], HttpResponse]):
    """The view gets the stored result in place of its id; an id that leads nowhere gets `missing`."""

    def decorator(view):
        @wraps(view)
        def found(request: HttpRequest, result_id: str, *args, **kwargs) -> HttpResponse:
            result = result_find(result_id=result_id)
            if result is None:
                return missing(request)
            return view(request, result, *args, **kwargs)

        return found

    return decorator


def downloaded(response: HttpResponse, *, result_id: str, name: str) -> HttpResponse:
    """Saved, not opened in the tab, under the one naming pattern of every download: `<id>-<name>`."""
    response["Content-Disposition"] = f'attachment; filename="{download_filename(result_id=result_id, name=name)}"'
    return response
