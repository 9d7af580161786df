"""Sign-in throttling for the admin (django-axes, docs/deploying.md "Sign-in throttling"): the page a person
sees when sign-in is paused."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from policy.engine.archives import PRESUBMISSION_CONTACT


def signin_locked(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None):
    """axes' AXES_LOCKOUT_CALLABLE: 429, how long to wait, and who can unlock the account sooner."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": seconds // 60,
        "contact_address": PRESUBMISSION_CONTACT,
    }
    response = render(request, "errors/signin_locked.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
