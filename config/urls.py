from django.contrib import admin
from django.urls import include, path

from config.signin import admin_login

urlpatterns = [
    path("", include("wizard.urls")),
    path("", include("policy.urls")),
    # Before the admin's own: its sign-in, slowed down for an account under attack.
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
