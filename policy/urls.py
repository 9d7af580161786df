from django.urls import path

from policy import api, kit_views, views

urlpatterns = [
    path("api/v1/plan", api.plan_compute, name="api-plan"),
    path("api/v1/plans", api.plan_store, name="api-plans"),
    path("api/v1/plans/<str:result_id>", api.plan_stored_show, name="api-plans-show"),
    path("api/v1/policy", api.policy_show, name="api-policy"),
    path("r/<str:result_id>/", views.result_show, name="result"),
    path("r/<str:result_id>/update/", views.result_update, name="result-update"),
    # Before ".json": the id converter would otherwise take "<id>.madmp" as an id.
    path("r/<str:result_id>.madmp.json", kit_views.kit_madmp, name="result-madmp"),
    path("r/<str:result_id>.json", views.result_json, name="result-json"),
    path("r/<str:result_id>.md", views.result_markdown_show, name="result-markdown"),
    path("r/<str:result_id>/<slug:slug>.tsv", views.result_template, name="result-template"),
    path("r/<str:result_id>/kit/accessions/", kit_views.kit_accessions, name="kit-accessions"),
    path("r/<str:result_id>/kit/accessions.tsv", kit_views.kit_accessions_tsv, name="kit-accessions-tsv"),
    path("r/<str:result_id>/kit/empiar-<slug:dataset>.json", kit_views.kit_empiar_draft, name="kit-empiar-draft"),
    path("r/<str:result_id>/kit/bia-outline.zip", kit_views.kit_bia_outline, name="kit-bia-outline"),
    path("r/<str:result_id>/kit/st-metadata.tsv", kit_views.kit_st_sheet, name="kit-st-sheet"),
]
