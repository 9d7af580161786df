"""Rate limits per client address (django-ratelimit), at the rates in settings.RATELIMIT_RATES.

The rate is looked up on each request, so that settings (and tests) can change it without re-importing views.
Over the limit, django-ratelimit raises Ratelimited, which config.errors answers with a 429.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage, is_ratelimited
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
        candidate = _address_normalise(forwarded[-proxies])
        if candidate is not None:
            return candidate
    remote = request.META.get("REMOTE_ADDR", "")
    return _address_normalise(remote) or remote


def _address_normalise(text: str) -> str | None:
    """The address in one spelling; an IPv4 client seen through IPv6 ("::ffff:192.0.2.1") as its IPv4 address,
    which django-ratelimit would otherwise cut to its /64 network ("::"), one bucket for every such client."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


# Every call to the JSON API.
api_ratelimit = ratelimit(group="api", key="ip", rate=rate_for, method=ratelimit.ALL)
# Every look-up of typed accessions in the archives (each may send requests to them).
checks_ratelimit = ratelimit(group="checks", key="ip", rate=rate_for, method=ratelimit.ALL)
# Every request that may store a new result (the wizard's final POST, POST /api/v1/plans).
results_ratelimit = ratelimit(group="results", key="ip", rate=rate_for, method=ratelimit.UNSAFE)


# Every GET of a result's page or download: served from the cache when it can be, but its query strings are
# endless and each is rendered, so every address has an allowance.
READ_PATHS = ("/r/", "/kit/")


class ResultReadsLimitMiddleware:
    """The `reads` limit on GET and HEAD under READ_PATHS, per client address, before any view runs: the result
    views move and change, the paths stay (docs/security.md, "Rate limits")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        reading = request.method in {"GET", "HEAD"} and request.path.startswith(READ_PATHS)
        if reading and is_ratelimited(
            request, group="reads", key="ip", rate=rate_for, method=ratelimit.ALL, increment=True
        ):
            raise Ratelimited
        return self.get_response(request)


def result_creation_count(request: HttpRequest) -> None:
    """Counts a request against the `results` limit (the same count as results_ratelimit), raising Ratelimited
    past it: for a view where only one branch stores a result, such as the wizard's final step."""
    if is_ratelimited(request, group="results", key="ip", rate=rate_for, method=ratelimit.UNSAFE, increment=True):
        raise Ratelimited


class ResultsCapped(Ratelimited):
    """Past the `stored` cap: no new result from this address until its window ends, retry_after seconds on."""

    def __init__(self, retry_after: int):
        super().__init__()
        self.retry_after = retry_after


def result_store_count(request: HttpRequest) -> None:
    """Counts a new result about to be stored against the `stored` cap (a day's results per address), raising
    ResultsCapped past it. Only new results count: the same answers again are answered with the result stored
    before, cap or not (policy.results.result_create)."""
    usage = get_usage(request, group="stored", key="ip", rate=rate_for, method=ratelimit.ALL, increment=True)
    if usage is not None and usage["should_limit"]:
        raise ResultsCapped(retry_after=max(1, usage["time_left"]))
