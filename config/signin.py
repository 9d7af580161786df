"""Sign-in for the admin (docs/deploying.md, "Sign-in throttling"): the page a person sees when sign-in is paused,
the slow-down of an account under attack, and the short, idle-ending sessions of staff.

django-axes pauses sign-in for an account *from an address* (and an address that guesses at many accounts): the
owner of an account, from their own address, is never locked out by someone else's guesses. Guesses spread over
many addresses are slowed down per account instead: past AXES_FAILURE_LIMIT failures for an account, each attempt
from an address it has never signed in from must wait, twice as long after each further failure, up to
SIGNIN_SLOWDOWN_MAX_SECONDS.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from config.ratelimits import client_address
from policy.engine.archives import PRESUBMISSION_CONTACT

SIGNED_IN_AT = "staff_signed_in_at"
ADMIN_PREFIX = "/admin/"


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


def signin_wait_seconds(*, username: str, address: str) -> int:
    """How long an attempt to sign in as `username` from `address` must still wait: 0 from an address the account
    has signed in from, or below AXES_FAILURE_LIMIT recent failures for the account."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if AccessLog.objects.filter(username=username, ip_address=address).exists():
        return 0
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    failures = recent["failures"] or 0
    if failures < settings.AXES_FAILURE_LIMIT:
        return 0
    pause = min(2 ** (failures - settings.AXES_FAILURE_LIMIT), settings.SIGNIN_SLOWDOWN_MAX_SECONDS)
    waited = (timezone.now() - recent["last"]).total_seconds()
    return max(0, int(pause - waited + 0.999))


def admin_login(request: HttpRequest, **kwargs) -> HttpResponse:
    """The admin's sign-in, slowed down for an account under attack (an attempt that must wait is not counted)."""
    username = request.POST.get("username", "") if request.method == "POST" else ""
    credentials = {"username": username}
    if username and not AxesProxyHandler.is_locked(request, credentials):
        seconds = signin_wait_seconds(username=username, address=client_address(request))
        if seconds:
            context = {"seconds": seconds, "contact_address": PRESUBMISSION_CONTACT}
            response = render(request, "errors/signin_slowed.html", context, status=429)
            response["Retry-After"] = str(seconds)
            return response
    return admin.site.login(request, **kwargs)


class StaffSessionMiddleware:
    """Short staff sessions, on the admin's pages only (elsewhere nobody's session is read for it): a session that
    signed in more than STAFF_SESSION_MAX ago is signed out, whatever its activity; the others are saved on each
    admin request with an expiry of STAFF_SESSION_IDLE, so that they end after that long without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_path = request.path.startswith(ADMIN_PREFIX)
        if admin_path and request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT, timezone.now().timestamp())
            if timezone.now().timestamp() - signed_in_at > settings.STAFF_SESSION_MAX.total_seconds():
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        response = self.get_response(request)
        if admin_path and request.user.is_authenticated:
            request.session.setdefault(SIGNED_IN_AT, timezone.now().timestamp())
            request.session.set_expiry(int(settings.STAFF_SESSION_IDLE.total_seconds()))
        return response
