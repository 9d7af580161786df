"""Rate limits: a client over the limit gets 429 with a clear message; other clients are not affected.

The limits are lowered here to a handful of requests; the real ones (settings.RATELIMIT_RATES) are far above
what a person or the rest of the suite sends.
"""

import pytest
from django.test import Client, RequestFactory

from config.ratelimits import client_address
from policy.models import Result
from policy.results import result_create
from tests.builders import LM
from tests.wizard.journeys import (
    check_confirm,
    dataset_post,
    publication_answer,
    step_post,
    study_enter,
    study_started,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.config.urls_faulty")]


@pytest.fixture
def tiny_limits(settings):
    # Counted per day, not per minute: django-ratelimit's windows are fixed, so a test on a busy machine that
    # straddles the end of a minute would start counting again halfway.
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "api": "3/d", "results": "2/d"}


def api_call(client: Client):
    return client.post("/api/v1/plan", data="{}", content_type="application/json")


def test_the_api_answers_429_in_json_past_its_limit(tiny_limits):
    client = Client()
    assert [api_call(client).status_code for _ in range(3)] == [400, 400, 400]
    response = api_call(client)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "60"
    [messages] = response.json()["errors"].values()
    assert "Too many requests" in messages[0]


def test_every_api_endpoint_counts_against_one_limit(tiny_limits):
    client = Client()
    for _ in range(3):
        client.get("/api/v1/policy")
    assert api_call(client).status_code == 429


def test_another_address_keeps_its_own_allowance(tiny_limits):
    for _ in range(4):
        api_call(Client(REMOTE_ADDR="192.0.2.1"))
    assert api_call(Client(REMOTE_ADDR="192.0.2.2")).status_code == 400


def test_a_person_past_the_result_limit_gets_the_429_page_and_keeps_their_answers(tiny_limits):
    client = Client()
    study_enter(client, {"datasets": [LM]})
    assert check_confirm(client).status_code == 302  # the same answers again: the same result
    response = check_confirm(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "<title>Too many requests – depositwizard</title>" in page
    assert "Wait a minute" in page
    assert "mailto:image-presubmission@ebi.ac.uk" in page
    assert "lm" in client.get("/study/check/").content.decode()


def test_answering_the_questions_never_counts_against_the_result_limit(tiny_limits):
    client = Client()
    client.get("/study/publication/")
    for _ in range(5):
        publication_answer(client)
    assert dataset_post(client, LM).status_code == 302
    assert step_post(client, "datasets").status_code == 302
    assert check_confirm(client).status_code == 302


def test_storing_plans_through_the_api_shares_the_result_limit_with_the_wizard(tiny_limits):
    client = Client()
    study_enter(client, {"datasets": [LM]})
    body = '{"datasets": [{"id": "lm", "modality": "light_microscopy"}]}'
    assert client.post("/api/v1/plans", data=body, content_type="application/json").status_code == 200
    response = client.post("/api/v1/plans", data=body, content_type="application/json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"


def test_behind_a_trusted_proxy_clients_are_told_apart_by_their_forwarded_address(tiny_limits, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    load_balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(4):
        api_call(Client(**load_balancer, HTTP_X_FORWARDED_FOR="198.51.100.7"))
    assert api_call(Client(**load_balancer, HTTP_X_FORWARDED_FOR="198.51.100.7")).status_code == 429
    assert api_call(Client(**load_balancer, HTTP_X_FORWARDED_FOR="198.51.100.8")).status_code == 400


def test_a_client_cannot_escape_its_limit_by_forging_forwarded_addresses(tiny_limits, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for forged in range(4):
        api_call(Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"203.0.113.{forged}, 198.51.100.7"))
    response = api_call(Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7"))
    assert response.status_code == 429


@pytest.mark.parametrize("forwarded", ["", "not an address", "1.2.3.4, , ", "::1]"])
def test_a_malformed_forwarded_header_falls_back_to_the_connection_address(tiny_limits, settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    response = api_call(Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded))
    assert response.status_code == 400


@pytest.fixture
def tiny_reads(settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "reads": "3/d"}


@pytest.mark.parametrize("path", ["/r/{id}/", "/r/{id}.json", "/r/{id}/kit/bia-step-1.pagetab.json", "/r/unknown-id/"])
def test_reading_results_is_limited_per_address(tiny_reads, path):
    result, _ = result_create(answers={"datasets": [LM]})
    url = path.format(id=result.pk)
    reader = Client(REMOTE_ADDR="192.0.2.30")

    statuses = [reader.get(url).status_code for _ in range(4)]

    assert statuses[3] == 429
    assert reader.get(url)["Retry-After"] == "60"
    assert Client(REMOTE_ADDR="192.0.2.31").get(url).status_code == statuses[0]


def test_the_wizard_is_not_counted_as_reading_results(tiny_reads):
    client = Client()
    for _ in range(5):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("seen", "counted"),
    [
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("::FFFF:192.0.2.1", "192.0.2.1"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0::1", "2001:db8::1"),
        ("192.0.2.1", "192.0.2.1"),
    ],
)
def test_an_address_is_counted_in_one_spelling(seen, counted, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(RequestFactory().get("/", REMOTE_ADDR=seen)) == counted
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=seen)) == counted


def test_ipv4_clients_seen_through_ipv6_keep_allowances_of_their_own(tiny_limits):
    for _ in range(4):
        api_call(Client(REMOTE_ADDR="::ffff:192.0.2.1"))

    assert api_call(Client(REMOTE_ADDR="::ffff:192.0.2.1")).status_code == 429
    assert api_call(Client(REMOTE_ADDR="::ffff:192.0.2.2")).status_code == 400


@pytest.fixture
def tiny_daily_cap(settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "stored": "2/d"}


def plan_store(client: Client, label: str):
    body = {"datasets": [{"id": label, "modality": "light_microscopy"}]}
    return client.post("/api/v1/plans", data=body, content_type="application/json")


def test_new_results_are_capped_per_address_and_day_with_when_to_come_back(tiny_daily_cap):
    client = Client(REMOTE_ADDR="192.0.2.40")
    assert [plan_store(client, label).status_code for label in ("a", "b")] == [201, 201]

    capped = plan_store(client, "c")

    assert capped.status_code == 429
    assert 0 < int(capped["Retry-After"]) <= 24 * 60 * 60
    [message] = capped.json()["errors"]["answers"]
    assert message.startswith("Too many new plans stored from your address today: try again in about")
    assert Result.objects.count() == 2
    assert plan_store(Client(REMOTE_ADDR="192.0.2.41"), "c").status_code == 201


def test_past_the_cap_a_plan_stored_before_gets_its_same_answer(tiny_daily_cap):
    client = Client(REMOTE_ADDR="192.0.2.40")
    first = plan_store(client, "a")
    plan_store(client, "b")
    assert plan_store(client, "c").status_code == 429

    again = plan_store(client, "a")

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


def test_past_the_cap_the_wizard_says_when_to_come_back_and_keeps_the_answers(tiny_daily_cap):
    for label in ("a", "b"):
        plan_store(Client(), label)
    client = Client()
    study_started(client, datasets=[LM])

    response = check_confirm(client)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 60
    page = response.content.decode()
    assert "<title>Too many plans today – depositwizard</title>" in page
    assert "Your answers are kept" in page
    assert "lm" in client.get("/study/check/").content.decode()
