from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wizard.urls")),
    path("", include("policy.urls")),
    path("admin/", admin.site.urls),
]
