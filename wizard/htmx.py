"""Full pages for browsers, template partials for htmx: one template per page, one response helper.

django-htmx (its middleware sets `request.htmx`) reads the request's headers and writes the response's; this
module only chooses between the page and a partial.
"""

from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url, replace_url, reswap, retarget

# The partial every wizard template defines: what sits inside the wizard region (#wizard).
CONTENT = "content"
WIZARD_REGION = "wizard"


def page_render(
    request: HttpRequest,
    template_name: str,
    context: Mapping,
    *,
    partials: Mapping[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the page, or for htmx the partial that the request's target (HX-Target) names (the page, for an
    error status).

    Content swaps push the page's URL, so the address bar always shows the page being shown, and Reload or Back
    come back to it. A history restore wants the whole page, although htmx sends it with HX-Request too.
    """
    htmx = request.htmx
    # An error page (a replaced study's 409) is swapped into <body> whole (base.html's htmx-config), whatever the
    # request's target: it is sent whole, with its header, skip link, <main> and footer, never a bare fragment.
    if not htmx or htmx.history_restore_request or status >= 400:
        response = render(request, template_name, context, status=status)
    else:
        partial = (partials or {}).get(htmx.target, CONTENT)
        response = render(
            request, f"{template_name}#{partial}", {**context, "htmx": True, "partial": partial}, status=status
        )
        if partial == CONTENT:
            # A new history entry for a new page (the next dataset's form too, although its URL is the same); the
            # same form re-shown with its errors replaces its own.
            url = request.get_full_path()
            shown_again = request.method == "POST" and htmx.current_url_abs_path == url
            (replace_url if shown_again else push_url)(response, url)
            if htmx.target != WIZARD_REGION:
                # A fragment's request ended on another page (a saved dataset, an ended session): show that page.
                retarget(response, f"#{WIZARD_REGION}")
                reswap(response, "innerHTML show:window:top")
    patch_vary_headers(response, ("HX-Request", "HX-Target", "HX-History-Restore-Request"))
    return response
