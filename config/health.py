"""Health endpoints for load balancers and deploys: GET /healthz (the process answers) and GET /readyz (the
database and, when configured, Redis answer), docs/deploying.md "Health endpoints".

Answered by a middleware near the top of the stack, before the host check, the HTTPS redirect, sessions and
rate limits: a load balancer probes each host by its own address, over plain HTTP, many times a minute, and
none of that may turn a probe away or cost more than it must. gunicorn leaves successful probes out of its
access log (config/gunicorn_logging.py).
"""

from collections.abc import Callable

from django.core.cache import caches
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse

from config.cache import SharedCache

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
HEALTH_PATHS = (LIVENESS_PATH, READINESS_PATH)


def _probe_response(status: int, body: dict) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def liveness_show(request: HttpRequest) -> HttpResponse:
    """The process is up and answering: nothing else is asked."""
    return _probe_response(200, {"status": "ok"})


def _database_answers() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _shared_caches() -> list[SharedCache]:
    return [cache for cache in caches.all() if isinstance(cache, SharedCache)]


def readiness_show(request: HttpRequest) -> HttpResponse:
    """200 when the database and, when configured, Redis answer; 503 naming what does not."""
    checks = {"database": "ok" if _database_answers() else "unreachable"}
    shared = _shared_caches()
    if shared:
        checks["redis"] = "ok" if all(cache.reachable() for cache in shared) else "unreachable"
    ready = all(outcome == "ok" for outcome in checks.values())
    return _probe_response(200 if ready else 503, {"status": "ready" if ready else "unavailable", "checks": checks})


PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    LIVENESS_PATH: liveness_show,
    READINESS_PATH: readiness_show,
}


class HealthMiddleware:
    """Answers the probes itself; every other request goes on down the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return probe(request)
