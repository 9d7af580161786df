from django.urls import path

from wizard import views

urlpatterns = [
    path("", views.start, name="start"),
    path("policy/", views.policy_text, name="policy-text"),
    path("study/", views.wizard_begin, name="wizard-begin"),
    path("study/restart/", views.wizard_restart, name="wizard-restart"),
    path("study/session-ended/", views.session_ended, name="wizard-session-ended"),
    path("study/cannot-deposit/", views.cannot_deposit, name="wizard-cannot-deposit"),
    path("study/from/<str:result_id>/", views.wizard_prefill, name="wizard-prefill"),
    path("study/datasets/new/", views.dataset_add, name="wizard-dataset-add"),
    path("study/datasets/<str:label>/change/", views.dataset_change, name="wizard-dataset-change"),
    path("study/datasets/<str:label>/remove/", views.dataset_remove_view, name="wizard-dataset-remove"),
    path("study/<str:step>/", views.study_step, name="wizard-step"),
]
