"""Full pages for browsers, template partials for htmx: one template per page, one response helper."""

from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

# The partial every wizard template defines: what sits inside the wizard region (#wizard).
CONTENT = "content"


def is_htmx(request: HttpRequest) -> bool:
    # A history restore wants the whole page, although htmx sends it with HX-Request too.
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def page_render(
    request: HttpRequest,
    template_name: str,
    context: Mapping,
    *,
    partials: Mapping[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the page, or for htmx the partial that the request's target (HX-Target) names.

    Content swaps push the page's URL, so the address bar always shows the step being shown.
    """
    if not is_htmx(request):
        response = render(request, template_name, context, status=status)
    else:
        partial = (partials or {}).get(request.headers.get("HX-Target", ""), CONTENT)
        response = render(request, f"{template_name}#{partial}", {**context, "htmx": True}, status=status)
        if partial == CONTENT:
            response["HX-Push-Url"] = request.get_full_path()
    patch_vary_headers(response, ("HX-Request", "HX-Target", "HX-History-Restore-Request"))
    return response
