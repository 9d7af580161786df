"""Error responses: pages in the site's style for people, JSON in the API's error shape under /api/.

Wired up in config/urls.py (handler400 … handler500) and settings.CSRF_FAILURE_VIEW. A 429 arrives here as
django-ratelimit's Ratelimited (a PermissionDenied); a database that cannot be reached arrives in the 500
handler as OperationalError or InterfaceError and becomes a 503 that tells the person to come back later.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django_ratelimit.exceptions import Ratelimited

from config.ratelimits import ResultsCapped
from policy.engine.answers import ROOT
from policy.engine.archives import PRESUBMISSION_CONTACT

API_PREFIX = "/api/"
RATE_LIMIT_RETRY_SECONDS = 60
DATABASE_RETRY_SECONDS = 30

API_MESSAGES = {
    400: "The request could not be understood.",
    403: "This request is not allowed.",
    404: "There is no API endpoint at this address.",
    429: f"Too many requests from your address: wait {RATE_LIMIT_RETRY_SECONDS} seconds and try again.",
    500: f"Something went wrong on our side. Try again later, or write to {PRESUBMISSION_CONTACT}.",
    503: f"The service cannot reach its database. Try again in a few minutes, or write to {PRESUBMISSION_CONTACT}.",
}


def error_respond(
    request: HttpRequest,
    *,
    status: int,
    template_name: str,
    with_request_context: bool = True,
    api_message: str = "",
    context: dict | None = None,
) -> HttpResponse:
    """A JSON error for API paths, otherwise the HTML page. Without request context (500, 503) the page
    renders without context processors, which may be what failed."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"errors": {ROOT: [api_message or API_MESSAGES[status]]}}, status=status)
    context = {"contact_address": PRESUBMISSION_CONTACT, **(context or {})}
    body = render_to_string(template_name, context, request=request if with_request_context else None)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_respond(request, status=400, template_name="errors/400.html")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if isinstance(exception, ResultsCapped):
        return results_capped(request, retry_after=exception.retry_after)
    if isinstance(exception, Ratelimited):
        return too_many_requests(request)
    return error_respond(request, status=403, template_name="errors/403.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_respond(request, status=403, template_name="errors/csrf.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_respond(request, status=404, template_name="errors/404.html")


def too_many_requests(request: HttpRequest) -> HttpResponse:
    response = error_respond(request, status=429, template_name="errors/429.html")
    response["Retry-After"] = str(RATE_LIMIT_RETRY_SECONDS)
    return response


def results_capped(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    """A day's new results from this address are stored: when the next may be, and what still works."""
    hours = max(1, round(retry_after / 3600))
    wait = f"about {hours} hour{'s' if hours != 1 else ''}"
    api_message = (
        f"Too many new plans stored from your address today: try again in {wait}. Plans stored before are "
        "still answered, and POST /api/v1/plan computes a plan without storing it."
    )
    response = error_respond(
        request, status=429, template_name="errors/429_stored.html", api_message=api_message, context={"wait": wait}
    )
    response["Retry-After"] = str(retry_after)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its `except` block, so the exception being handled is still at hand.
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = error_respond(request, status=503, template_name="errors/503.html", with_request_context=False)
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        return response
    return error_respond(request, status=500, template_name="errors/500.html", with_request_context=False)
