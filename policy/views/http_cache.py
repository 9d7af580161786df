"""Conditional GET for a stored result's page and downloads (docs/deploying.md, "Caching headers").

A stored result never changes, so what its URLs show changes only with the release that renders it, with the
current policy version (the page's "the policy has changed" banner), with the link it shows (host and scheme)
and with the query string (the deposition kit's accessions). All of that goes into the ETag, the same on every
host of a release. A request that brings it back in If-None-Match gets a 304 after one indexed query (the
result must still exist: a superuser may delete one), before anything is loaded or rendered; any other request
costs the view what it always did.

A URL without a query string that answers 200 for everyone alike is kept whole in the `pages` cache under its
ETag (docs/deploying.md, "Redis"): the next request for it, from anyone, costs the cache lookup and the one
indexed query. A URL with a query string is never kept: nobody's made-up query strings can grow the cache.

Browsers revalidate every time (max-age=0); shared caches (a CDN) may keep a response for
settings.RESULT_SHARED_CACHE_SECONDS. A response made for one visitor (a page with a CSRF-protected form, such
as the banner's "See the updated plan", or one that read the session) is private to that browser, with a weak
ETag (its token differs from one response to the next). A 304 says what the 200 said: a client that holds the
weak form of the ETag was sent the private response.

Compressed here, not by GZipMiddleware: Django's gzip pads each body with random bytes against BREACH and then
weakens the ETag. These bodies reflect nothing a third party sends, so they are compressed deterministically
and the gzip representation keeps a strong ETag of its own ("…-gzip"), as RFC 9110 asks of a strong validator.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, parse_etags, patch_cache_control, patch_vary_headers
from django.utils.text import compress_string

from config.release import release_fingerprint
from policy.engine import version
from policy.results import result_exists, site_address

GZIP = "gzip"


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def result_etag(*, request: HttpRequest, encoding: str | None) -> str:
    """The strong validator of what this URL shows now, quoted: the same on every host of a release."""
    parts = (site_address(request) + request.get_full_path(), version.POLICY_VERSION, release_fingerprint())
    tag = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f'"{tag}-{encoding}"' if encoding else f'"{tag}"'


def _whole_key(etag: str) -> str:
    """The key of a whole response: its ETag names the URL, the encoding, the policy version and the release."""
    return f"whole:{etag.strip(chr(34))}"


def _made_for_this_visitor(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or bool(session is not None and session.accessed)


def _validators_set(response: HttpResponse, *, etag: str, personal: bool) -> None:
    if personal:
        response["ETag"] = f"W/{etag}"
        patch_cache_control(response, private=True, no_cache=True)
    else:
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.RESULT_SHARED_CACHE_SECONDS)
    patch_vary_headers(response, ("Accept-Encoding",))


def _compress(response: HttpResponse) -> None:
    response.content = compress_string(response.content)
    response["Content-Length"] = str(len(response.content))
    response["Content-Encoding"] = GZIP


def result_conditional(view):
    """Wraps a view of one stored result, called as view(request, result_id, ...); unknown ids pass through."""

    @wraps(view)
    def conditional_view(request: HttpRequest, result_id: str, *args, **kwargs) -> HttpResponse:
        encoding = GZIP if _accepts_gzip(request) else None
        etag = result_etag(request=request, encoding=encoding)
        held = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
        # Only a validator this URL gave counts ("*" would vouch for a template slug that does not exist).
        revalidating = etag in held or f"W/{etag}" in held
        if (revalidating or "HTTP_IF_MATCH" in request.META) and result_exists(result_id=result_id):
            precondition = get_conditional_response(request, etag=etag)
            if precondition is not None:
                # 304, or 412 for a failed If-Match (which no cache may keep).
                if precondition.status_code == 304:
                    _validators_set(precondition, etag=etag, personal=f"W/{etag}" in held)
                return precondition
        whole = not request.META.get("QUERY_STRING")
        if whole:
            kept = caches["pages"].get(_whole_key(etag))
            if kept is not None and result_exists(result_id=result_id):
                response = HttpResponse(kept["content"], headers=kept["headers"])
                _validators_set(response, etag=etag, personal=False)
                return response
        response = view(request, result_id, *args, **kwargs)
        if response.status_code != 200:
            return response
        if encoding:
            _compress(response)
        personal = _made_for_this_visitor(request)
        if whole and not personal and not response.streaming:
            caches["pages"].set(_whole_key(etag), {"content": response.content, "headers": dict(response.items())})
        _validators_set(response, etag=etag, personal=personal)
        return response

    return conditional_view
