"""Admin sign-in resists guessing and cannot be turned against staff: failed sign-ins pause an account from an
address (and an address guessing at many accounts), never the owner from theirs; guesses from many addresses slow
the account down for new addresses; a superuser can unlock an account. Across two servers: test_two_hosts.py."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from config.signin import SIGNED_IN_AT, signin_wait_seconds
from policy.results import result_create

pytestmark = pytest.mark.django_db

LIMIT = 3
PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"
OWNER = "192.0.2.10"


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def helpdesk():
    return get_user_model().objects.create_user("jdoe", password=PASSWORD, is_staff=True)


def sign_in(username: str, password: str, *, address: str = OWNER):
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
    assert "sign-in from your address is paused for 15 minutes" in page
    assert "ask an administrator of this service to unlock your account" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page


def test_guesses_from_other_addresses_never_lock_the_owner_out(helpdesk):
    assert signed_in(sign_in("jdoe", PASSWORD, address=OWNER))
    for address in range(5):
        for attempt in range(LIMIT + 1):
            sign_in("jdoe", f"guess {attempt}", address=f"198.51.100.{address}")

    assert sign_in("jdoe", PASSWORD, address="198.51.100.0").status_code == 429
    assert signed_in(sign_in("jdoe", PASSWORD, address=OWNER))


def test_guesses_from_many_addresses_slow_the_account_down_from_new_addresses(helpdesk):
    for address in range(LIMIT):
        sign_in("jdoe", "guess", address=f"198.51.100.{address}")

    slowed = sign_in("jdoe", PASSWORD, address="203.0.113.1")

    assert slowed.status_code == 429
    assert 0 < int(slowed["Retry-After"]) <= 60
    assert "<title>Sign-in slowed down – depositwizard</title>" in slowed.content.decode()
    # A refused attempt is not counted: it neither adds a failure nor starts the wait again.
    assert AccessAttempt.objects.filter(username="jdoe").count() == LIMIT
    other = get_user_model().objects.create_user("other", password=PASSWORD, is_staff=True)
    assert signed_in(sign_in(other.username, PASSWORD, address="203.0.113.1"))


def test_the_wait_doubles_with_each_failure_up_to_a_minute(helpdesk, settings):
    waits = []
    for address in range(LIMIT + 8):
        AccessAttempt.objects.filter(username="jdoe").update(attempt_time=timezone.now() - timedelta(minutes=2))
        sign_in("jdoe", "guess", address=f"198.51.100.{address}")
        waits.append(signin_wait_seconds(username="jdoe", address="203.0.113.1"))

    assert waits[: LIMIT - 1] == [0] * (LIMIT - 1)
    assert waits[LIMIT - 1 : LIMIT + 3] == [1, 2, 4, 8]
    assert waits[-1] == settings.SIGNIN_SLOWDOWN_MAX_SECONDS == 60


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


@pytest.mark.parametrize("password", ["a", "short pass", "123456789012345", "password1234"])
def test_a_weak_staff_password_is_refused(helpdesk, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=helpdesk)


def test_a_long_uncommon_password_is_accepted(helpdesk):
    validate_password(PASSWORD, user=helpdesk)


def admin_session(client: Client) -> dict:
    assert signed_in(client.post(LOGIN, {"username": "jdoe", "password": PASSWORD, "next": "/admin/"}))
    client.get("/admin/")
    return client.session


def test_a_staff_session_ends_after_half_an_hour_without_an_admin_request(helpdesk):
    client = Client(REMOTE_ADDR=OWNER)
    session = admin_session(client)

    assert session.get_expiry_age() == 30 * 60
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60


def test_a_staff_session_ends_eight_hours_after_signing_in_whatever_the_activity(helpdesk):
    client = Client(REMOTE_ADDR=OWNER)
    session = admin_session(client)
    session[SIGNED_IN_AT] = (timezone.now() - timedelta(hours=8, minutes=1)).timestamp()
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


def test_a_result_page_never_reads_the_staff_session(helpdesk):
    result, _ = result_create(answers={"datasets": [{"id": "lm", "modality": "light_microscopy"}]})
    client = Client(REMOTE_ADDR=OWNER)
    admin_session(client)

    response = client.get(f"/r/{result.pk}/")

    assert "Cookie" not in response.get("Vary", "")
