from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from policy.results import result_find


@require_GET
def result_show(request: HttpRequest, result_id: str) -> HttpResponse:
    result = result_find(result_id=result_id)
    if result is None:
        raise Http404("No result has this link.")
    return render(request, "policy/result.html", {"result": result, "plan": result.plan})
