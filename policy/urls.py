from django.urls import path

from policy import api, views

urlpatterns = [
    path("api/v1/plan", api.plan_compute, name="api-plan"),
    path("api/v1/plans", api.plan_store, name="api-plans"),
    path("api/v1/plans/<str:result_id>", api.plan_stored_show, name="api-plans-show"),
    path("api/v1/policy", api.policy_show, name="api-policy"),
    path("r/<str:result_id>/", views.result_show, name="result"),
    path("r/<str:result_id>/update/", views.result_update, name="result-update"),
    path("r/<str:result_id>.json", views.result_json, name="result-json"),
    path("r/<str:result_id>.md", views.result_markdown_show, name="result-markdown"),
    path("r/<str:result_id>/<slug:slug>.tsv", views.result_template, name="result-template"),
]
