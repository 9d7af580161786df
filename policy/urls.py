from django.urls import path

from policy.views import api, kit, result

urlpatterns = [
    path("api/v1/plan", api.plan_compute, name="api-plan"),
    path("api/v1/plans", api.plan_store, name="api-plans"),
    path("api/v1/plans/<str:result_id>", api.plan_stored_show, name="api-plans-show"),
    path("api/v1/policy", api.policy_show, name="api-policy"),
    path("api/v1/plan-schema", api.plan_schema_show, name="api-plan-schema"),
    path("r/<str:result_id>/", result.result_show, name="result"),
    path("r/<str:result_id>/update/", result.result_update, name="result-update"),
    # Before ".json": the id converter would otherwise take "<id>.madmp" as an id.
    path("r/<str:result_id>.madmp.json", kit.kit_madmp, name="result-madmp"),
    path("r/<str:result_id>.json", result.result_json, name="result-json"),
    path("r/<str:result_id>.md", result.result_markdown_show, name="result-markdown"),
    path("r/<str:result_id>/<slug:slug>.tsv", result.result_template, name="result-template"),
    path("r/<str:result_id>/kit/accessions/checks/", kit.kit_accession_checks, name="kit-accession-checks"),
    # The kit's downloads, each an entry of policy.presenters.kit_files.KIT_FILES, all served by one view.
    path(
        "r/<str:result_id>/kit/empiar-<slug:part>.json", kit.kit_file, {"file": "empiar-json"}, name="kit-empiar-draft"
    ),
    path("r/<str:result_id>/kit/empiar-<slug:part>.zip", kit.kit_file, {"file": "empiar"}, name="kit-empiar-bundle"),
    path("r/<str:result_id>/kit/onedep-<slug:part>.json", kit.kit_file, {"file": "onedep"}, name="kit-onedep-handoff"),
    path("kit/onedep_deposit.py", kit.kit_onedep_script, name="kit-onedep-script"),
    path("r/<str:result_id>/kit/bia-outline.zip", kit.kit_file, {"file": "bia-outline"}, name="kit-bia-outline"),
    path(
        "r/<str:result_id>/kit/bia-step-<int:part>.pagetab.json",
        kit.kit_file,
        {"file": "bia-pagetab"},
        name="kit-pagetab",
    ),
    path("r/<str:result_id>/kit/st-metadata.tsv", kit.kit_file, {"file": "st-metadata"}, name="kit-st-sheet"),
]
