"""Two hosts behind one load balancer, proven: two gunicorn servers (two workers each) on free ports of
127.0.0.1, sharing one PostgreSQL database (the suite's) and one Redis (the test's own, which it stops).

Runs in the suite's PostgreSQL run: two hosts cannot share an SQLite file.
"""

import json
import threading
from urllib.parse import quote

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection

from policy.models import Result
from tests.builders import LIGHT_MICROSCOPY
from tests.config.deployment import gunicorn_start, gunicorn_stop, production_environment
from tests.config.plain_browser import PlainBrowser
from tests.config.servers import RedisServer

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_HOST = "depositwizard.test"
API_LIMIT = 10
SIGNIN_LIMIT = 3
PASSWORD = "correct horse battery staple"


def database_url() -> str:
    database = connection.settings_dict
    credentials = quote(database["USER"]) + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    return f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


@pytest.fixture(scope="module")
def shared_redis(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_database(django_db_setup) -> str:
    """The suite's test database, as the servers' DATABASE_URL."""
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run only: two hosts share one PostgreSQL database, never an SQLite file")
    return database_url()


@pytest.fixture(scope="module")
def hosts(shared_database, production_static, shared_redis):
    """The two servers, for every test here; each test's data is removed after it (transactional_db)."""
    environment = {
        "DJANGO_SECURE": "0",
        "DJANGO_ALLOWED_HOSTS": PUBLIC_HOST,
        "DATABASE_URL": shared_database,
        "REDIS_URL": shared_redis.url,
        # One Redis for both here (it never evicts: no memory cap); production gives the counts one of their own.
        "REDIS_LIMITS_URL": shared_redis.url,
        # A busy machine may keep Redis waiting longer than production's half second; the outage here is a
        # stopped Redis, which refuses at once.
        "REDIS_TIMEOUT_SECONDS": "5",
        "WEB_CONCURRENCY": "2",
        # Behind the load balancer (127.0.0.1 here): each scenario below is a client address of its own.
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        # Per day, so that no counting window ends during the test.
        "DJANGO_RATELIMIT_API": f"{API_LIMIT}/d",
        "DJANGO_SIGNIN_FAILURE_LIMIT": str(SIGNIN_LIMIT),
    }
    folder = production_static.parent
    started = [
        gunicorn_start(production_environment(folder, **environment), log=folder / f"host-{number}.log")
        for number in range(2)
    ]
    yield [server.port for server in started]
    for server in started:
        gunicorn_stop(server)


def browser(hosts: list[int], address: str) -> PlainBrowser:
    return PlainBrowser(hosts, headers={"Host": PUBLIC_HOST, "X-Forwarded-For": address})


def study_to_check_answers(depositor: PlainBrowser, label: str):
    """From "Start now" to "Check your answers", one light-microscopy dataset (the other questions on its page are
    yes-or-no ones, which the plain browser answers "no")."""
    page = depositor.submit(depositor.get("/study/"), {"publication": "yes"})
    # The dataset's "Save and continue" goes on to Check your answers (no list page between).
    page = depositor.submit(depositor.get("/study/datasets/new/"), {"id": label, **LIGHT_MICROSCOPY})
    assert page.url == "/study/check/", page.body[:500]
    return page


def test_one_journey_spans_both_hosts_and_its_result_is_the_same_on_each(hosts):
    depositor = browser(hosts, "198.51.100.1")

    check = study_to_check_answers(depositor, "confocal")
    result = depositor.submit(check, {})

    assert result.status == 200
    assert result.url.startswith("/r/")
    assert {port for port, *_ in depositor.visits} == set(hosts)
    assert [port for port, *_ in depositor.visits] == [hosts[number % 2] for number in range(len(depositor.visits))]
    assert all(status < 400 for *_, status in depositor.visits)
    on_each = [depositor.request("GET", result.url, headers={"Accept-Encoding": "gzip"}) for _ in hosts]
    assert on_each[0].headers["etag"] == on_each[1].headers["etag"]
    assert on_each[0].body == on_each[1].body
    # A validator from one host is good on the other: a 304 without rendering.
    revalidated = depositor.request(
        "GET", result.url, headers={"Accept-Encoding": "gzip", "If-None-Match": on_each[0].headers["etag"]}
    )
    assert revalidated.status == 304


def test_the_same_answers_submitted_on_both_at_once_store_one_result(hosts):
    depositors = [browser([port], f"198.51.100.{2 + number}") for number, port in enumerate(hosts)]
    checks = [study_to_check_answers(depositor, "at-once") for depositor in depositors]
    api_body = json.dumps({"datasets": [{"id": "api-at-once", "modality": "light_microscopy"}]}).encode()
    api_clients = [browser([port], "198.51.100.4") for port in hosts]
    start = threading.Barrier(4)
    outcomes: dict[str, object] = {}

    def submit(name, depositor, page):
        start.wait()
        outcomes[name] = depositor.submit(page, {}, follow=False)

    def store(name, client):
        start.wait()
        outcomes[name] = client.request(
            "POST", "/api/v1/plans", body=api_body, headers={"Content-Type": "application/json"}
        )

    threads = [
        threading.Thread(target=submit, args=(f"wizard {number}", depositor, check))
        for number, (depositor, check) in enumerate(zip(depositors, checks, strict=True))
    ]
    threads += [threading.Thread(target=store, args=(f"api {number}", api)) for number, api in enumerate(api_clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    wizard = [outcomes["wizard 0"], outcomes["wizard 1"]]
    assert [page.status for page in wizard] == [302, 302]
    assert wizard[0].headers["location"] == wizard[1].headers["location"]
    api = [outcomes["api 0"], outcomes["api 1"]]
    assert sorted(page.status for page in api) == [200, 201]
    assert json.loads(api[0].body)["id"] == json.loads(api[1].body)["id"]
    assert Result.objects.count() == 2


def test_the_api_limit_holds_across_both_hosts(hosts):
    client = browser(hosts, "198.51.100.5")

    statuses = [
        client.request("POST", "/api/v1/plan", body=b"{}", headers={"Content-Type": "application/json"}).status
        for _ in range(2 * API_LIMIT)
    ]

    assert statuses == [400] * API_LIMIT + [429] * API_LIMIT
    assert {port for port, *_ in client.visits} == set(hosts)


def test_sign_in_guessing_is_paused_on_both_hosts_and_a_superuser_unlocks_it(hosts):
    helpdesk = get_user_model()(username="jdoe", is_staff=True)
    # Hashed as production verifies it (the suite's own fast hasher is not among its hashers), cheaply.
    helpdesk.password = PBKDF2PasswordHasher().encode(PASSWORD, "two-hosts-salt", iterations=1000)
    helpdesk.save()

    def sign_in(password: str, address: str) -> int:
        person = browser(hosts, address)
        page = person.get("/admin/login/?next=/admin/")
        return person.submit(page, {"username": "jdoe", "password": password}, follow=False).status

    owner_before = sign_in(PASSWORD, "192.0.2.60")
    guesses = [sign_in(f"guess {number}", "203.0.113.1") for number in range(SIGNIN_LIMIT)]
    paused = [sign_in(PASSWORD, "203.0.113.1"), sign_in(PASSWORD, "203.0.113.1")]
    owner_during = sign_in(PASSWORD, "192.0.2.60")
    call_command("axes_reset_username", "jdoe")
    unlocked = sign_in(PASSWORD, "203.0.113.1")

    # The guess that reaches the limit is the first to be refused, on whichever host; the owner, from their own
    # address, signs in all along.
    assert guesses == [200] * (SIGNIN_LIMIT - 1) + [429]
    assert paused == [429, 429]
    assert owner_before == owner_during == unlocked == 302


def test_with_redis_stopped_both_hosts_keep_answering_and_readyz_says_why(hosts, shared_redis):
    before = browser(hosts, "198.51.100.6")
    result = before.submit(study_to_check_answers(before, "before-outage"), {})
    shared_redis.stop()

    during = browser(hosts, "198.51.100.7")
    probes = [during.request("GET", path) for path in ("/healthz", "/healthz", "/readyz", "/readyz")]
    outcome = during.submit(study_to_check_answers(during, "during-outage"), {})
    old_result = [during.request("GET", result.url) for _ in hosts]
    api = [
        during.request("POST", "/api/v1/plan", body=b"{}", headers={"Content-Type": "application/json"}) for _ in hosts
    ]
    shared_redis.start()
    after = [during.request("GET", "/readyz") for _ in hosts]

    assert [probe.status for probe in probes] == [200, 200, 503, 503]
    assert json.loads(probes[2].body)["checks"] == {"database": "ok", "redis": "unreachable"}
    assert outcome.status == 200
    assert outcome.url.startswith("/r/")
    assert all(status < 500 for _, _, path, status in during.visits if path != "/readyz")
    assert [page.status for page in old_result] == [200, 200]
    assert [page.status for page in api] == [400, 400]
    assert [page.status for page in after] == [200, 200]
    assert redis.Redis.from_url(shared_redis.url).ping()
