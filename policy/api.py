"""The JSON API: the engine over HTTP.

CSRF-exempt on purpose: these endpoints read no cookie or session and change no user's state, so a
cross-site request can gain nothing a direct one could not.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from policy.engine import POLICY_VERSION, InvalidAnswers, plan_for
from policy.engine.answers import ROOT
from policy.engine.catalogue import policy_describe
from policy.json_body import BodyRejected, json_body_read


def errors_response(status: int, errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status)


@csrf_exempt
@require_POST
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


@require_GET
def policy_show(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(policy_describe())
    response["ETag"] = f'"{POLICY_VERSION}"'
    return response
