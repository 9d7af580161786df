"""Full pages for browsers, template partials for htmx: one template per page, one response helper."""

from collections.abc import Mapping
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

# The partial every wizard template defines: what sits inside the wizard region (#wizard).
CONTENT = "content"
WIZARD_REGION = "wizard"


def is_htmx(request: HttpRequest) -> bool:
    # A history restore wants the whole page, although htmx sends it with HX-Request too.
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def _current_url(request: HttpRequest) -> str:
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    return f"{current.path}?{current.query}" if current.query else current.path


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
        target = request.headers.get("HX-Target", "")
        partial = (partials or {}).get(target, CONTENT)
        response = render(
            request, f"{template_name}#{partial}", {**context, "htmx": True, "partial": partial}, status=status
        )
        if partial == CONTENT:
            # A new history entry for a new page; the same page again (re-shown with errors) replaces its own.
            history = "HX-Replace-Url" if _current_url(request) == request.get_full_path() else "HX-Push-Url"
            response[history] = request.get_full_path()
            if target != WIZARD_REGION:
                # A fragment's request ended on another page (a saved dataset, an ended session): show that page.
                response["HX-Retarget"] = f"#{WIZARD_REGION}"
                response["HX-Reswap"] = "innerHTML show:window:top"
    patch_vary_headers(response, ("HX-Request", "HX-Target", "HX-History-Restore-Request"))
    return response
