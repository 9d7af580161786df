"""The result page and its downloads. Thin: the result presenter shapes the stored result, templates lay it out;
`policy.views.lookup` finds the result."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST, require_safe

from config.ratelimits import result_store_count, results_ratelimit
from policy.engine import InvalidAnswers
from policy.kit.accessions.entered import accessions_parse
from policy.models import Result
from policy.presenters.downloads import result_as_json, template_filename, template_render
from policy.presenters.kit import kit_build
from policy.presenters.markdown import result_markdown
from policy.presenters.result import result_page
from policy.results import result_create, result_policy_change, result_url
from policy.stored_result import result_read
from policy.views.http_cache import result_conditional
from policy.views.kit_context import kit_context
from policy.views.lookup import downloaded, result_missing, result_not_found, result_required


@require_safe
@result_conditional
@result_required(result_missing)
def result_show(request: HttpRequest, result: Result) -> HttpResponse:
    url = result_url(request, result)
    # The kit's accessions come in the query string: its section is rendered outside the cached fragments.
    kit = kit_context(request=request, result=result)
    context = {
        "result": result,
        "share_url": url,
        # Built only if the template renders it: a page served from the cache of rendered pages costs no more than
        # the kit its accessions section needs.
        "page": SimpleLazyObject(lambda: result_page(result=result, url=url, kit=kit["kit"])),
        "policy_change": result_policy_change(result=result),
        **kit,
    }
    response = render(request, "policy/result.html", context)
    if request.htmx:
        # The accessions form asks htmx for the whole page: the address bar shows its link with the valid
        # accessions, as the page's own links carry them.
        response["HX-Push-Url"] = kit["kit_link"]
    return response


@results_ratelimit
@require_POST
@result_required(result_missing)
def result_update(request: HttpRequest, result: Result) -> HttpResponse:
    """The stored answers planned under the current policy: a new result, the old one untouched."""
    try:
        updated, _ = result_create(answers=result.answers, before_storing=lambda: result_store_count(request))
    except InvalidAnswers:
        return redirect("start")
    return redirect("result", result_id=updated.id)


@require_safe
@result_conditional
@result_required(lambda request: result_not_found())
def result_json(request: HttpRequest, result: Result) -> HttpResponse:
    accessions = accessions_parse(stored=result_read(result), query=request.GET)
    response = JsonResponse(result_as_json(result=result, url=result_url(request, result), accessions=accessions))
    return downloaded(response, result_id=result.id, name="plan.json")


@require_safe
@result_conditional
@result_required(result_missing)
def result_markdown_show(request: HttpRequest, result: Result) -> HttpResponse:
    kit = kit_build(stored=result_read(result), query=request.GET)
    page = result_page(result=result, url=result_url(request, result), kit=kit)
    response = HttpResponse(result_markdown(page=page), content_type="text/markdown; charset=utf-8")
    return downloaded(response, result_id=result.id, name="plan.md")


@require_safe
@result_conditional
@result_required(result_missing)
def result_template(request: HttpRequest, result: Result, slug: str) -> HttpResponse:
    kit = kit_build(stored=result_read(result), query=request.GET)
    page = result_page(result=result, url=result_url(request, result), kit=kit)
    template = next((template for template in page.templates if template.slug == slug), None)
    if template is None:
        return result_missing(request)
    # The accessions table fills in the accessions typed so far, and says so in its name.
    response = HttpResponse(
        template_render(template=template, plan=page.plan, accessions=page.kit.accessions),
        content_type="text/tab-separated-values; charset=utf-8",
    )
    return downloaded(
        response, result_id=result.id, name=template_filename(template=template, accessions=page.kit.accessions)
    )
