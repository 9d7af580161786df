"""Security headers on every kind of response, and pages that a strict Content-Security-Policy can allow."""

import json
from html.parser import HTMLParser

import pytest
from django.test import Client

from policy.results import result_create

pytestmark = pytest.mark.django_db

RESPONSES = {
    "html page": ("get", "/", None),
    "json": ("get", "/api/v1/policy", None),
    "json error": ("post", "/api/v1/plan", "{}"),
    "html 404": ("get", "/no-such-page/", None),
    "json 404": ("get", "/api/v1/no-such-endpoint", None),
    "unknown result": ("get", "/r/AAAAAAAAAAAAAAAAAAAAAA/", None),
    "static file": ("get", "/static/css/app.css", None),
}


def response_for(kind: str):
    method, path, body = RESPONSES[kind]
    client = Client()
    if method == "post":
        return client.post(path, data=body, content_type="application/json")
    return client.get(path)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("kind", RESPONSES)
def test_every_kind_of_response_carries_an_enforced_strict_csp(kind):
    response = response_for(kind)
    assert "Content-Security-Policy-Report-Only" not in response
    policy = csp_directives(response["Content-Security-Policy"])
    assert policy["default-src"] in (["'none'"], ["'self'"])
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    for values in policy.values():
        assert "'unsafe-inline'" not in values
        assert "'unsafe-eval'" not in values
        assert "*" not in values


@pytest.mark.parametrize("kind", RESPONSES)
def test_every_kind_of_response_carries_the_other_security_headers(kind):
    response = response_for(kind)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "path", ["/r/{id}/", "/r/{id}.json", "/r/{id}/kit/bia-step-1.pagetab.json", "/api/v1/plans/{id}"]
)
def test_a_result_and_its_downloads_are_never_indexed(path):
    result, _ = result_create(answers={"datasets": [{"id": "lm", "modality": "light_microscopy"}]})

    response = Client().get(path.format(id=result.pk))

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"


def test_the_start_page_may_be_indexed():
    assert "X-Robots-Tag" not in Client().get("/")


@pytest.mark.parametrize("kind", [kind for kind in RESPONSES if kind != "static file"])
def test_every_page_and_api_response_refuses_framing(kind):
    assert response_for(kind)["X-Frame-Options"] == "DENY"


class InlineCodeFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block: inline scripts, styles and handlers."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.htmx_configs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name in attributes:
            if name == "style" or name.startswith(("on", "hx-on", "data-hx-on")):
                self.problems.append(f"{name}= on <{tag}>")
        if tag == "meta" and attributes.get("name") == "htmx-config":
            self.htmx_configs.append(json.loads(attributes["content"]))


def page_parsed(path: str) -> InlineCodeFinder:
    finder = InlineCodeFinder()
    finder.feed(Client().get(path).content.decode())
    return finder


@pytest.mark.parametrize("path", ["/", "/study/publication/", "/no-such-page/"])
def test_pages_have_nothing_inline_for_the_csp_to_block(path):
    assert page_parsed(path).problems == []


@pytest.mark.parametrize("path", ["/", "/study/publication/", "/no-such-page/"])
def test_htmx_is_told_not_to_inject_styles_or_evaluate_strings(path):
    # htmx reads the first htmx-config tag only: a second one would be silently ignored.
    [config] = page_parsed(path).htmx_configs
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    assert config["historyCacheSize"] == 0


def test_the_stylesheet_carries_the_htmx_indicator_styles_htmx_no_longer_injects():
    css = b"".join(Client().get("/static/css/app.css").streaming_content).decode()
    assert ".htmx-request .htmx-indicator" in css


def test_a_post_without_a_csrf_token_gets_the_friendly_403_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/")
    response = client.post("/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Your answer could not be sent – depositwizard</title>" in page
    assert "reload the page" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page
