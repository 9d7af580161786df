"""The result page and its downloads. Thin: the result presenter shapes the stored result, templates lay it out.

Each view is a plain function of (request, result_id), so that decorators (HTTP methods, rate limits, caching
headers) apply to it as to any Django view; `result_required` finds the result once for all of them.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST, require_safe

from config.ratelimits import results_ratelimit
from policy.api import result_not_found
from policy.engine import InvalidAnswers
from policy.exports import download_filename, result_as_json, template_render
from policy.http_cache import result_conditional
from policy.kit.page import kit_build
from policy.kit_context import kit_context
from policy.markdown import result_markdown
from policy.models import Result
from policy.presenters.result import result_page
from policy.results import result_create, result_find, result_policy_change, result_url

RESULT_MISSING_TEMPLATE = "policy/result_missing.html"


def result_missing(request: HttpRequest) -> HttpResponse:
    """The same page for every id that leads nowhere, so ids cannot be probed."""
    return render(request, RESULT_MISSING_TEMPLATE, status=404)


def result_required(missing: Callable[[HttpRequest], HttpResponse]):
    """The view gets the stored result in place of its id; an id that leads nowhere gets `missing`."""

    def decorator(view):
        @wraps(view)
        def found(request: HttpRequest, result_id: str, *args, **kwargs) -> HttpResponse:
            result = result_find(result_id=result_id)
            if result is None:
                return missing(request)
            return view(request, result, *args, **kwargs)

        return found

    return decorator


def downloaded(response: HttpResponse, *, result_id: str, name: str) -> HttpResponse:
    """Saved, not opened in the tab, under the one naming pattern of every download: `<id>-<name>`."""
    response["Content-Disposition"] = f'attachment; filename="{download_filename(result_id=result_id, name=name)}"'
    return response


@require_safe
@result_conditional
@result_required(result_missing)
def result_show(request: HttpRequest, result: Result) -> HttpResponse:
    url = result_url(request, result)
    context = {
        "result": result,
        "share_url": url,
        # Built only if the template renders it: a page served from the cache of rendered pages costs nothing.
        "page": SimpleLazyObject(lambda: result_page(result=result, url=url)),
        "policy_change": result_policy_change(result=result),
        # The kit's accessions come in the query string: its section is rendered outside the cached fragments.
        **kit_context(request=request, result=result),
    }
    return render(request, "policy/result.html", context)


@results_ratelimit
@require_POST
@result_required(result_missing)
def result_update(request: HttpRequest, result: Result) -> HttpResponse:
    """The stored answers planned under the current policy: a new result, the old one untouched."""
    try:
        updated, _ = result_create(answers=result.answers)
    except InvalidAnswers:
        return redirect("start")
    return redirect("result", result_id=updated.id)


@require_safe
@result_conditional
@result_required(lambda request: result_not_found())
def result_json(request: HttpRequest, result: Result) -> HttpResponse:
    response = JsonResponse(result_as_json(result=result, url=result_url(request, result)))
    return downloaded(response, result_id=result.id, name="plan.json")


@require_safe
@result_conditional
@result_required(result_missing)
def result_markdown_show(request: HttpRequest, result: Result) -> HttpResponse:
    page = result_page(result=result, url=result_url(request, result))
    kit = kit_build(plan=result.plan, answers=result.answers, query={})
    response = HttpResponse(result_markdown(page=page, kit=kit), content_type="text/markdown; charset=utf-8")
    return downloaded(response, result_id=result.id, name="plan.md")


@require_safe
@result_conditional
@result_required(result_missing)
def result_template(request: HttpRequest, result: Result, slug: str) -> HttpResponse:
    page = result_page(result=result, url=result_url(request, result))
    template = next((template for template in page.templates if template.slug == slug), None)
    if template is None:
        return result_missing(request)
    response = HttpResponse(
        template_render(template=template, plan=page.plan), content_type="text/tab-separated-values; charset=utf-8"
    )
    return downloaded(response, result_id=result.id, name=template.filename)
