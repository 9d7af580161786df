"""The JSON API: the engine over HTTP.

CSRF-exempt on purpose: these endpoints read no cookie or session and change no user's state (storing a
plan changes nobody's: the same answers always give the same public result), so a cross-site request can
gain nothing a direct one could not.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from config.ratelimits import api_ratelimit, result_store_count, results_ratelimit
from policy.engine import POLICY_VERSION, InvalidAnswers, plan_for
from policy.engine.answers import ROOT
from policy.engine.catalogue import policy_describe
from policy.engine.plan import PLAN_SCHEMA
from policy.kit.accessions.entered import accessions_parse
from policy.presenters.downloads import result_as_json
from policy.results import result_create, result_find, result_url
from policy.stored_result import result_read
from policy.views.http_cache import result_conditional
from policy.views.json_body import BodyRejected, json_body_read
from policy.views.kit_context import result_madmp
from policy.views.lookup import errors_response, result_not_found

MADMP_FORMAT = "madmp"  # ?format=madmp: the stored plan as an RDA maDMP (policy/kit/accessions/madmp.py)


def api_methods(*methods: str) -> Callable:
    """Django's require_http_methods for the API: a method not allowed is a 405 in JSON, like every API error."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs):
            if request.method not in methods:
                response = errors_response(405, {"method": [f"Use {' or '.join(methods)}."]})
                response["Allow"] = ", ".join(methods)
                return response
            return view(request, *args, **kwargs)

        return checked

    return decorator


@csrf_exempt
@api_ratelimit
@api_methods("POST")
def plan_compute(request: HttpRequest) -> JsonResponse:
    try:
        answers = json_body_read(request)
    except BodyRejected as rejected:
        return errors_response(rejected.status, {ROOT: [rejected.message]})
    try:
        plan = plan_for(answers)
    except InvalidAnswers as invalid:
        return errors_response(400, invalid.errors)
    return JsonResponse(plan)


@csrf_exempt
@api_ratelimit
@results_ratelimit
@api_methods("POST")
def plan_store(request: HttpRequest) -> JsonResponse:
    """Compute and store a plan: 201 with its permanent link, or 200 with the same link for answers stored
    before under this policy version."""
    try:
        answers = json_body_read(request)
    except BodyRejected as rejected:
        return errors_response(rejected.status, {ROOT: [rejected.message]})
    try:
        result, created = result_create(answers=answers, before_storing=lambda: result_store_count(request))
    except InvalidAnswers as invalid:
        return errors_response(400, invalid.errors)
    url = result_url(request, result)
    response = JsonResponse({"id": result.id, "url": url, "plan": result.plan}, status=201 if created else 200)
    if created:
        response["Location"] = url
    return response


@api_ratelimit
@api_methods("GET", "HEAD")
@result_conditional
def plan_stored_show(request: HttpRequest, result_id: str) -> JsonResponse:
    result = result_find(result_id=result_id)
    if result is None:
        return result_not_found()
    if request.GET.get("format") == MADMP_FORMAT:
        return JsonResponse(result_madmp(request=request, result=result), json_dumps_params={"ensure_ascii": False})
    accessions = accessions_parse(stored=result_read(result), query=request.GET)
    return JsonResponse(result_as_json(result=result, url=result_url(request, result), accessions=accessions))


@api_ratelimit
@api_methods("GET", "HEAD")
def plan_schema_show(request: HttpRequest) -> JsonResponse:
    """The JSON Schema of a plan, as POST /api/v1/plan answers it and every stored result holds it."""
    response = JsonResponse(PLAN_SCHEMA)
    response["ETag"] = f'"{POLICY_VERSION}"'
    return response


@api_ratelimit
@api_methods("GET", "HEAD")
def policy_show(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(policy_describe())
    response["ETag"] = f'"{POLICY_VERSION}"'
    return response
