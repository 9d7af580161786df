"""The project's URLs plus views that fail on purpose, to reach the 400, 403 and 500 handlers."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def suspicious(request):
    raise SuspiciousOperation("tampered")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    *urlpatterns,
    path("faulty/400/", suspicious),
    path("faulty/403/", forbidden),
    path("faulty/500/", broken),
    path("api/faulty/400/", suspicious),
    path("api/faulty/403/", forbidden),
    path("api/faulty/500/", broken),
]
