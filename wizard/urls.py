from django.urls import path

from wizard import views

urlpatterns = [
    path("", views.start, name="start"),
]
