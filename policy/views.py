"""The result page and its downloads. Thin: presenters shape the stored plan, templates lay it out."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from config.ratelimits import results_ratelimit
from policy.api import result_not_found
from policy.engine import InvalidAnswers
from policy.exports import (
    download_filename,
    result_as_json,
    result_markdown,
    steps_with_file_lists,
    template_render,
    templates_offered,
)
from policy.kit.page import kit_build
from policy.kit_context import kit_context
from policy.picture import plan_picture
from policy.presenters.answers import answers_present
from policy.presenters.checklist import checklist_build
from policy.results import result_create, result_find, result_policy_change, result_url

RESULT_MISSING_TEMPLATE = "policy/result_missing.html"


def result_missing(request: HttpRequest) -> HttpResponse:
    """The same page for every id that leads nowhere, so ids cannot be probed."""
    return render(request, RESULT_MISSING_TEMPLATE, status=404)


def _downloaded(response: HttpResponse, *, result_id: str, name: str) -> HttpResponse:
    """Saved, not opened in the tab, under the one naming pattern of every download: `<id>-<name>`."""
    response["Content-Disposition"] = f'attachment; filename="{download_filename(result_id=result_id, name=name)}"'
    return response


@require_safe
def result_show(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    checklist = checklist_build(plan=result.plan, texts=result.texts)
    templates = templates_offered(checklist=checklist, answers=result.answers)
    context = {
        "result": result,
        "share_url": result_url(request, result),
        "checklist": checklist,
        "steps": steps_with_file_lists(checklist=checklist, templates=templates),
        "answers": answers_present(
            answers=result.answers,
            words=result.texts,
            refused=[item["dataset"] for item in result.plan["not_accepted"]],
        ),
        "picture": plan_picture(checklist=checklist, dataset_ids=[d["id"] for d in result.answers["datasets"]]),
        "templates": templates,
        "policy_change": result_policy_change(result=result),
        **kit_context(request=request, result=result),
    }
    return render(request, "policy/result.html", context)


@results_ratelimit
@require_POST
def result_update(request: HttpRequest, result_id: str) -> HttpResponse:
    """The stored answers planned under the current policy: a new result, the old one untouched."""
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    try:
        updated, _ = result_create(answers=result.answers)
    except InvalidAnswers:
        return redirect("start")
    return redirect("result", result_id=updated.id)


@require_safe
def result_json(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_not_found()
    response = JsonResponse(result_as_json(result=result, url=result_url(request, result)))
    return _downloaded(response, result_id=result.id, name="plan.json")


@require_safe
def result_markdown_show(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    checklist = checklist_build(plan=result.plan, texts=result.texts)
    markdown = result_markdown(
        result=result,
        url=result_url(request, result),
        checklist=checklist,
        answers=answers_present(
            answers=result.answers,
            words=result.texts,
            refused=[item["dataset"] for item in result.plan["not_accepted"]],
        ),
        templates=[
            (template, request.build_absolute_uri(reverse("result-template", args=[result.id, template.slug])))
            for template in templates_offered(checklist=checklist, answers=result.answers)
        ],
        kit=kit_build(plan=result.plan, answers=result.answers, query={}),
    )
    response = HttpResponse(markdown, content_type="text/markdown; charset=utf-8")
    return _downloaded(response, result_id=result.id, name="plan.md")


@require_safe
def result_template(request: HttpRequest, result_id: str, slug: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_missing(request)
    checklist = checklist_build(plan=result.plan, texts=result.texts)
    for template in templates_offered(checklist=checklist, answers=result.answers):
        if template.slug == slug:
            response = HttpResponse(
                template_render(template=template, checklist=checklist),
                content_type="text/tab-separated-values; charset=utf-8",
            )
            return _downloaded(response, result_id=result.id, name=template.filename)
    return result_missing(request)
