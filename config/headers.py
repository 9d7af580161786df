"""Headers Django's SecurityMiddleware does not set, on every response (static files and error pages included),
and the one that keeps results out of search engines (docs/security.md, "Headers")."""

from django.http import HttpRequest, HttpResponse

# Other sites may not load anything of this one (a result's JSON, its pages) as a resource of theirs.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# No page here uses any of these features: nothing on the site, injected or not, may ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# A result's link is a secret that its holder may paste anywhere: what it leads to is never indexed.
UNLISTED_PATHS = ("/r/", "/kit/", "/api/v1/plans/", "/study/from/")
ROBOTS_NOINDEX = "noindex, nofollow, noarchive"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(UNLISTED_PATHS):
            response.headers.setdefault("X-Robots-Tag", ROBOTS_NOINDEX)
        return response
