"""The result page's accession checks: the page renders at once and never asks an archive; the checks arrive after
(htmx, or a plain link without JavaScript), each state beside its field, links verified, the statement as the
archives answered. With checks off nothing is asked and the page says so."""

import pytest
from django.urls import reverse

from policy.results import result_create
from tests.policy.accession_checks.recorded import FailingTransport
from tests.policy.conftest import FIVE_DATASET_STUDY
from tests.policy.kit.conftest import madmp_validator

pytestmark = pytest.mark.django_db

# Step 2 EMDB (unknown), step 3 EMPIAR (public, cites EMD-5995 only), step 4 EMPIAR (malformed).
TYPED = {"emdb:cryo-et": "EMD-99999", "empiar:cryo-et": "EMPIAR-10002", "empiar:fib-sem": "EMPIAR-12"}
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "accession-checks"}


@pytest.fixture
def result():
    stored, _ = result_create(answers=FIVE_DATASET_STUDY)
    return stored


def page(client, result, query) -> str:
    response = client.get(reverse("result", args=[result.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def checks(client, result, query, **headers):
    return client.get(reverse("kit-accession-checks", args=[result.pk]), query, **headers)


def test_page_renders_without_asking_and_links_the_checks_for_htmx_and_without_it(
    client, result, settings, monkeypatch
):
    settings.ACCESSION_CHECKS = True
    transport = FailingTransport(AssertionError("the result page asked an archive"))
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: transport)

    html = page(client, result, TYPED)

    assert transport.asked == []
    url = reverse("kit-accession-checks", args=[result.pk])
    assert f'hx-get="{url}?' in html
    assert 'hx-trigger="load"' in html
    assert f'<a href="{url}?' in html  # the same checks without JavaScript
    assert "EMPIAR-12" in html.split(f'hx-get="{url}?')[1].split('"')[0]  # the malformed value is checked too
    for number in (2, 3, 4):
        assert f'id="accession-{number}-check"' in html
    assert 'id="accession-1-check"' not in html  # nothing typed for step 1


def test_fragment_shows_each_state_beside_its_field(client, result, archives_replayed):
    html = checks(client, result, TYPED, **HTMX).content.decode()

    step_2, step_3, step_4 = (html.split(f'id="accession-{n}-check"')[1].split("</div>")[0] for n in (2, 3, 4))
    assert 'hx-swap-oob="true"' in html
    assert "EMD-99999</strong> not public yet, or mistyped" in step_2
    assert "EMPIAR-10002</strong> public since 2016-03-01" in step_3
    assert "Beta-galactosidase in complex with a cell-permeant inhibitor: raw movies" in step_3
    assert "EMPIAR-12</strong> not an accession of this archive: not checked" in step_4
    assert not any("EMPIAR-12" in url for url in archives_replayed.asked)


def test_fragment_warns_of_an_empiar_entry_lacking_the_typed_emdb_accession(client, result, archives_replayed):
    html = checks(client, result, TYPED, **HTMX).content.decode()

    assert "EMPIAR-10002 (step 3) does not cite EMD-99999 (step 2), as the plan says it must" in html


def test_fragment_statement_says_what_the_archives_answered(client, result, archives_replayed):
    html = checks(client, result, TYPED, **HTMX).content.decode()

    statement = html.split('id="statement-text"')[1].split("</blockquote>")[0]
    assert "under accession code EMD-99999 (not yet public)" in statement
    assert "EMPIAR-10002 (https://doi.org/10.6019/EMPIAR-10002)" in statement
    # Step 4's accession is malformed: its data is not said to have been deposited.
    fib_sem = statement.split("The volume electron microscopy image stacks")[1].split(".")[0]
    assert fib_sem.startswith(" will be deposited in")
    assert "[EMPIAR accession]" in statement


def test_without_javascript_the_checks_are_a_page_of_their_own(client, result, archives_replayed):
    response = checks(client, result, TYPED)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html
    assert "Step 3 (EMPIAR)" in html
    assert "public since 2016-03-01" in html
    assert "does not cite EMD-99999" in html
    assert "under accession code EMD-99999 (not yet public)" in html
    assert "hx-swap-oob" not in html
    assert "no-cache" in response["Cache-Control"]


def test_archive_failing_or_stalled_leaves_the_page_as_it_is_and_the_check_says_so(
    client, result, settings, monkeypatch, stalled
):
    settings.ACCESSION_CHECKS = True
    settings.ACCESSION_CHECKS_DEADLINE_SECONDS = 0.2
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: stalled)

    html = page(client, result, TYPED)
    assert stalled.asked == []  # the page itself never waits for an archive

    fragment = checks(client, result, {"emdb:cryo-et": "EMD-99999"}, **HTMX).content.decode()
    assert "could not check (the archive answered too slowly)" in fragment
    assert "under accession code EMD-99999 (https://identifiers.org/emdb:EMD-99999)" in fragment
    assert 'id="accession-2-check"' in html


def test_checks_off_ask_nothing_and_the_page_says_so(client, result, settings):
    settings.ACCESSION_CHECKS = False

    html = page(client, result, TYPED)

    assert "checks are off" in html
    assert "kit/accessions/checks/" not in html
    assert '-check"' not in html
    assert checks(client, result, TYPED).status_code == 404


def test_nothing_typed_nothing_to_check(client, result, settings):
    settings.ACCESSION_CHECKS = True
    html = page(client, result, {})
    assert "kit/accessions/checks/" not in html
    assert "checks are off" not in html


def test_checks_are_rate_limited_per_client(client, result, archives_replayed, settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "checks": "2/m"}
    statuses = [checks(client, result, TYPED, **HTMX).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_madmp_gives_the_release_dates_the_checks_found_without_asking_again(client, result, archives_replayed):
    checks(client, result, TYPED, **HTMX)
    asked = len(archives_replayed.asked)

    document = client.get(reverse("result-madmp", args=[result.pk]), TYPED).json()

    assert len(archives_replayed.asked) == asked  # the download read the cache only
    assert not list(madmp_validator().iter_errors(document))
    cryo_et = next(item for item in document["dmp"]["dataset"] if item["title"].startswith("cryo-et"))
    assert cryo_et["issued"] == "2016-03-01"
    empiar = next(item for item in cryo_et["distribution"] if item["host"]["title"] == "EMPIAR")
    assert empiar["license"][0]["start_date"] == "2016-03-01"
    fib_sem = next(item for item in document["dmp"]["dataset"] if item["title"].startswith("fib-sem"))
    assert "issued" not in fib_sem


def test_madmp_without_checks_has_no_release_dates(client, result, settings):
    settings.ACCESSION_CHECKS = False
    document = client.get(reverse("result-madmp", args=[result.pk]), TYPED).json()
    assert all("issued" not in item for item in document["dmp"]["dataset"])
