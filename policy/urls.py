from django.urls import path

from policy import api, views

urlpatterns = [
    path("api/v1/plan", api.plan_compute, name="api-plan"),
    path("api/v1/policy", api.policy_show, name="api-policy"),
    path("r/<str:result_id>/", views.result_show, name="result"),
]
