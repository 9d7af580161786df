"""Error pages in the site's style for people, JSON errors for the API."""

import re

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.config.urls_faulty")]

CONTACT = "image-presubmission@ebi.ac.uk"
PAGES = {
    400: ("/faulty/400/", "Sorry, there is a problem with your request"),
    403: ("/faulty/403/", "You cannot use this page"),
    404: ("/no-such-page/", "Page not found"),
    500: ("/faulty/500/", "Sorry, there is a problem with the service"),
}


def client() -> Client:
    return Client(raise_request_exception=False)


def main_text(page: str) -> str:
    main = page.split('<main class="main" id="main-content">', 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", main)


@pytest.mark.parametrize("status", PAGES)
def test_each_error_page_is_in_the_site_style_with_the_contact_address(status):
    path, heading = PAGES[status]
    response = client().get(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f"<title>{heading} – depositwizard</title>" in page
    assert f'<h1 class="heading-xl">{heading}</h1>' in main_text(page)
    assert f'href="mailto:{CONTACT}"' in main_text(page)
    assert 'class="skip-link"' in page  # the layout of every other page


def test_an_error_page_tells_nothing_about_the_failure():
    page = client().get("/faulty/500/").content.decode()
    assert "a bug" not in page
    assert "Traceback" not in page


@pytest.mark.parametrize("status", PAGES)
def test_api_paths_get_json_errors(status):
    path = {404: "/api/v1/no-such-endpoint"}.get(status, f"/api/faulty/{status}/")
    response = client().get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    [messages] = response.json()["errors"].values()
    assert messages[0]


def test_a_bad_host_header_gets_the_400_page():
    response = client().get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.content.decode()


@pytest.mark.parametrize(
    "result_id", ["AAAAAAAAAAAAAAAAAAAAAA", "x", "not a valid id at all, far too long for any result", "%00"]
)
def test_unknown_and_malformed_result_ids_get_the_same_404(result_id):
    reference = client().get("/r/AAAAAAAAAAAAAAAAAAAAAB/")
    response = client().get(f"/r/{result_id}/")
    assert response.status_code == reference.status_code == 404
    assert main_text(response.content.decode()) == main_text(reference.content.decode())
