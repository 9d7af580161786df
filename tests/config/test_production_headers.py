"""The production settings pass Django's deployment checks and send the HTTPS headers and cookies."""

import pytest

from tests.config.production import django_probe, django_run, production_env


def test_the_deployment_checks_pass_with_production_settings(tmp_path, production_static):
    completed = django_run(
        """
        import sys
        from django.core.management import execute_from_command_line
        execute_from_command_line(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
        """,
        production_env(tmp_path, static_root=production_static, DJANGO_SITE_URL="https://wizard.example.org"),
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory, production_static):
    return django_probe(
        """
        import re
        from django.conf import settings
        from django.core.management import call_command
        call_command("migrate", "--no-input", verbosity=0)
        plain = client.get("/")
        secure = client.get("/", secure=True)
        # The wizard's first question holds a form (the CSRF cookie); its answer starts the study (the session
        # cookie).
        question = client.get("/study/publication/", secure=True)
        offered = re.search(r'name="study" value="([^"]+)"', question.content.decode()).group(1)
        begin = client.post(
            "/study/publication/",
            {"study": offered, "study-current_step": "publication", "publication-publication": "yes"},
            secure=True,
        )
        static = client.get("/static/css/app.css", secure=True)

        def cookie_shown(cookie):
            return {"name": cookie.key, **{key: cookie[key] for key in cookie.keys()}}

        print(json.dumps({
            "plain": {"status": plain.status_code, "location": plain.get("Location")},
            "secure": {"status": secure.status_code, "headers": dict(secure.headers)},
            "static": {"status": static.status_code, "headers": dict(static.headers)},
            "csrf_cookie": cookie_shown(question.cookies[settings.CSRF_COOKIE_NAME]),
            "session_cookie": cookie_shown(begin.cookies[settings.SESSION_COOKIE_NAME]),
        }))
        """,
        production_env(tmp_path_factory.mktemp("production"), static_root=production_static),
    )


def test_plain_http_is_redirected_to_https(production_responses):
    plain = production_responses["plain"]
    assert plain["status"] == 301
    assert plain["location"].startswith("https://")


@pytest.mark.parametrize("kind", ["secure", "static"])
def test_https_responses_carry_hsts_of_at_least_a_year(production_responses, kind):
    response = production_responses[kind]
    assert response["status"] == 200
    directives = [part.strip() for part in response["headers"]["Strict-Transport-Security"].split(";")]
    max_age = int(directives[0].removeprefix("max-age="))
    assert max_age >= 365 * 24 * 60 * 60
    assert "includeSubDomains" in directives


@pytest.mark.parametrize("cookie", ["csrf_cookie", "session_cookie"])
def test_cookies_are_secure_host_only_httponly_and_samesite(production_responses, cookie):
    cookie = production_responses[cookie]
    assert cookie["name"].startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]
