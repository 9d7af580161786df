"""Admin sign-in resists guessing: failed sign-ins are counted per address and per account, past the limit sign-in
is paused with a clear page, and a superuser can unlock an account. Across two servers: test_two_hosts.py."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

LIMIT = 3
PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def helpdesk():
    return get_user_model().objects.create_user("jdoe", password=PASSWORD, is_staff=True)


def sign_in(username: str, password: str, *, address: str = "192.0.2.10"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_the_right_password_signs_in(helpdesk):
    assert signed_in(sign_in("jdoe", PASSWORD))


def test_a_wrong_password_below_the_limit_gets_the_usual_form(helpdesk):
    response = sign_in("jdoe", "guess")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_past_the_limit_even_the_right_password_gets_the_paused_page(helpdesk):
    for attempt in range(LIMIT):
        sign_in("jdoe", f"guess {attempt}")

    response = sign_in("jdoe", PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.content.decode()
    assert "<title>Sign-in paused – depositwizard</title>" in page
    assert f"Signing in has failed {LIMIT} times" in page
    assert "paused for both for 15 minutes" in page
    assert "ask an administrator of this service to unlock your account" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page


def test_guesses_from_many_addresses_pause_the_account(helpdesk):
    for attempt in range(LIMIT):
        sign_in("jdoe", "guess", address=f"198.51.100.{attempt}")

    assert sign_in("jdoe", PASSWORD, address="203.0.113.1").status_code == 429
    get_user_model().objects.create_user("other", password=PASSWORD, is_staff=True)
    assert signed_in(sign_in("other", PASSWORD, address="203.0.113.1"))


def test_guesses_at_many_accounts_pause_the_address(helpdesk):
    for attempt in range(LIMIT):
        sign_in(f"account-{attempt}", "guess", address="198.51.100.7")

    assert sign_in("jdoe", PASSWORD, address="198.51.100.7").status_code == 429
    assert signed_in(sign_in("jdoe", PASSWORD, address="198.51.100.8"))


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(helpdesk, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = Client(REMOTE_ADDR="10.0.0.2")
    for attempt in range(LIMIT):
        balancer.post(
            LOGIN, {"username": f"account-{attempt}", "password": "guess"}, HTTP_X_FORWARDED_FOR="198.51.100.7"
        )

    locked = balancer.post(
        LOGIN, {"username": "jdoe", "password": PASSWORD, "next": "/admin/"}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    other = balancer.post(
        LOGIN, {"username": "jdoe", "password": PASSWORD, "next": "/admin/"}, HTTP_X_FORWARDED_FOR="198.51.100.8"
    )

    assert locked.status_code == 429
    assert signed_in(other)


def test_the_right_password_before_the_limit_forgives_the_failures(helpdesk):
    for attempt in range(LIMIT - 1):
        sign_in("jdoe", f"guess {attempt}")
    assert signed_in(sign_in("jdoe", PASSWORD))

    for attempt in range(LIMIT - 1):
        sign_in("jdoe", f"guess {attempt}")
    assert signed_in(sign_in("jdoe", PASSWORD))


def test_a_superuser_unlocks_an_account_by_deleting_its_access_attempts(helpdesk):
    for attempt in range(LIMIT):
        sign_in("jdoe", f"guess {attempt}")
    assert sign_in("jdoe", PASSWORD).status_code == 429
    superuser = Client()
    superuser.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))

    listing = superuser.get("/admin/axes/accessattempt/", {"q": "jdoe"})
    assert "jdoe" in listing.content.decode()
    selected = [str(pk) for pk in AccessAttempt.objects.filter(username="jdoe").values_list("pk", flat=True)]
    confirmed = superuser.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": selected, "post": "yes"}
    )

    assert confirmed.status_code == 302
    assert signed_in(sign_in("jdoe", PASSWORD))


def test_the_helpdesk_cannot_see_or_clear_access_attempts(helpdesk):
    call_command("helpdesk_account", "viewer")
    viewer = Client()
    viewer.force_login(get_user_model().objects.get(username="viewer"))

    assert viewer.get("/admin/axes/accessattempt/").status_code == 403


def test_the_unlock_command_for_operators(helpdesk):
    for attempt in range(LIMIT):
        sign_in("jdoe", f"guess {attempt}")

    call_command("axes_reset_username", "jdoe")

    assert signed_in(sign_in("jdoe", PASSWORD))
