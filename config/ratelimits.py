"""Rate limits per client address (django-ratelimit), at the rates in settings.RATELIMIT_RATES.

The rate is looked up on each request, so that settings (and tests) can change it without re-importing views.
Over the limit, django-ratelimit raises Ratelimited, which config.errors answers with a 429.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited


def rate_for(group: str, request: HttpRequest) -> str:
    return settings.RATELIMIT_RATES[group]


def client_address(request: HttpRequest) -> str:
    """The address of the client, as the nearest of TRUSTED_PROXY_COUNT proxies saw it.

    Each proxy appends the address it received the request from to X-Forwarded-For, so only the last
    TRUSTED_PROXY_COUNT entries are trustworthy: anything before them the client may have written itself.
    Without trusted proxies, or with a header that does not fit, the connection's own address counts. Also
    django-axes' client address (config.signin), which asks on requests made in-process too, where there is none.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        candidate = forwarded[-proxies]
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR", "")


# Every call to the JSON API.
api_ratelimit = ratelimit(group="api", key="ip", rate=rate_for, method=ratelimit.ALL)
# Every look-up of typed accessions in the archives (each may send requests to them).
checks_ratelimit = ratelimit(group="checks", key="ip", rate=rate_for, method=ratelimit.ALL)
# Every request that may store a new result (the wizard's final POST, POST /api/v1/plans).
results_ratelimit = ratelimit(group="results", key="ip", rate=rate_for, method=ratelimit.UNSAFE)


def result_creation_count(request: HttpRequest) -> None:
    """Counts a request against the `results` limit (the same count as results_ratelimit), raising Ratelimited
    past it: for a view where only one branch stores a result, such as the wizard's final step."""
    if is_ratelimited(request, group="results", key="ip", rate=rate_for, method=ratelimit.UNSAFE, increment=True):
        raise Ratelimited
