"""The production settings pass Django's deployment checks and send the HTTPS headers and cookies."""

import pytest

from tests.config.production import django_probe, django_run, production_env


def test_the_deployment_checks_pass_with_production_settings(tmp_path):
    completed = django_run(
        """
        import sys
        from django.core.management import execute_from_command_line
        execute_from_command_line(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
        """,
        production_env(tmp_path),
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory):
    return django_probe(
        """
        from django.conf import settings
        from django.core.management import call_command
        call_command("collectstatic", "--no-input", verbosity=0)
        plain = client.get("/")
        secure = client.get("/", secure=True)
        static = client.get("/static/css/app.css", secure=True)
        csrf_cookie = secure.cookies[settings.CSRF_COOKIE_NAME]
        print(json.dumps({
            "plain": {"status": plain.status_code, "location": plain.get("Location")},
            "secure": {"status": secure.status_code, "headers": dict(secure.headers)},
            "static": {"status": static.status_code, "headers": dict(static.headers)},
            "csrf_cookie": {"name": csrf_cookie.key, **{key: csrf_cookie[key] for key in csrf_cookie.keys()}},
            "session_cookie": {
                "name": settings.SESSION_COOKIE_NAME,
                "secure": settings.SESSION_COOKIE_SECURE,
                "httponly": settings.SESSION_COOKIE_HTTPONLY,
                "samesite": settings.SESSION_COOKIE_SAMESITE,
            },
        }))
        """,
        production_env(tmp_path_factory.mktemp("production")),
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


def test_the_csrf_cookie_is_secure_host_only_httponly_and_samesite(production_responses):
    cookie = production_responses["csrf_cookie"]
    assert cookie["name"].startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]


def test_the_session_cookie_is_secure_host_only_httponly_and_samesite(production_responses):
    cookie = production_responses["session_cookie"]
    assert cookie == {"name": "__Host-sessionid", "secure": True, "httponly": True, "samesite": "Lax"}
