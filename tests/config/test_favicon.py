"""Browsers ask every site for /favicon.ico: it is served (public/, WhiteNoise's root files), never a 404 page."""

from django.test import Client


def test_the_favicon_is_served_at_the_root():
    response = Client().get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")


def test_it_is_not_served_under_static_too():
    assert Client().get("/static/favicon.ico").status_code == 404
