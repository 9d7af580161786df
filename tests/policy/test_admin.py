import datetime
import re

import pytest
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from policy.models import Result
from policy.results import result_create

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:policy_result_changelist")


@pytest.fixture
def helpdesk_client(client):
    call_command("helpdesk_account", "helpdesk", "--email", "help@example.org", stdout=None)
    client.force_login(get_user_model().objects.get(username="helpdesk"))
    return client


@pytest.fixture
def three_results(full_study, light_only_study):
    """An EMPIAR plan, a BioImage-Archive-only plan and an older one under another policy version."""
    empiar, _ = result_create(
        answers={"datasets": [{"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"}]}
    )
    light, _ = result_create(answers=light_only_study)
    older, _ = result_create(answers=full_study)
    # Results refuse updates through their own queryset on purpose; back-dating one for the test goes around it.
    QuerySet.update(
        Result.objects.filter(pk=older.pk),
        policy_version="2025-01+0123456789",
        created_at=timezone.now() - datetime.timedelta(days=60),
    )
    return empiar, light, Result.objects.get(pk=older.pk)


def admin_url(view: str, pk: str) -> str:
    # As the admin's own links do: an id such as "W_3A1b" would otherwise be read back as "W:1b".
    return reverse(f"admin:policy_result_{view}", args=[quote(pk)])


def listed_ids(response) -> list[str]:
    # The admin quotes "_" in primary keys within its URLs.
    return [unquote(pk) for pk in re.findall(r'href="/admin/policy/result/([^/"]+)/change/', response.content.decode())]


def test_the_helpdesk_account_is_staff_with_view_permission_only(helpdesk_client):
    user = get_user_model().objects.get(username="helpdesk")

    assert user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()
    assert user.email == "help@example.org"
    assert user.get_all_permissions() == {"policy.view_result"}


def test_running_the_command_again_updates_the_same_account(helpdesk_client):
    call_command("helpdesk_account", "helpdesk", stdout=None)

    assert get_user_model().objects.filter(username="helpdesk").count() == 1


def test_results_are_listed_newest_first(helpdesk_client, three_results):
    empiar, light, older = three_results

    response = helpdesk_client.get(CHANGELIST)

    assert response.status_code == 200
    assert listed_ids(response) == [light.pk, empiar.pk, older.pk]


@pytest.mark.parametrize("form", ["{id}", "  {id} ", "https://deposit.example.org/r/{id}/", "/r/{id}.json"])
def test_search_finds_a_result_by_id_or_by_its_link(helpdesk_client, three_results, form):
    _, light, _ = three_results

    response = helpdesk_client.get(CHANGELIST, {"q": form.format(id=light.pk)})

    assert listed_ids(response) == [light.pk]


def test_search_by_part_of_an_id_finds_nothing(helpdesk_client, three_results):
    _, light, _ = three_results

    assert listed_ids(helpdesk_client.get(CHANGELIST, {"q": light.pk[:10]})) == []
    assert listed_ids(helpdesk_client.get(CHANGELIST, {"q": "' OR 1=1 --"})) == []


def test_results_filter_by_archive(helpdesk_client, three_results):
    empiar, _, older = three_results

    response = helpdesk_client.get(CHANGELIST, {"archive": "empiar"})

    assert set(listed_ids(response)) == {empiar.pk, older.pk}
    assert listed_ids(helpdesk_client.get(CHANGELIST, {"archive": "emdb"})) == [older.pk]


def test_results_filter_by_policy_version_and_date(helpdesk_client, three_results):
    empiar, light, older = three_results

    by_version = helpdesk_client.get(CHANGELIST, {"policy_version": older.policy_version})
    since_last_week = helpdesk_client.get(
        CHANGELIST, {"created_at__gte": (timezone.now() - datetime.timedelta(days=7)).isoformat()}
    )

    assert listed_ids(by_version) == [older.pk]
    assert listed_ids(since_last_week) == [light.pk, empiar.pk]


def test_a_result_opens_read_only_with_its_public_link(helpdesk_client, three_results):
    _, light, _ = three_results
    change_url = admin_url("change", light.pk)

    page = helpdesk_client.get(change_url)
    post = helpdesk_client.post(change_url, {"policy_version": "forged"})

    assert page.status_code == 200
    assert f'href="/r/{light.pk}/"' in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert post.status_code == 403
    assert Result.objects.get(pk=light.pk).policy_version == light.policy_version


def test_the_helpdesk_can_neither_add_nor_delete(helpdesk_client, three_results):
    _, light, _ = three_results

    assert helpdesk_client.get(reverse("admin:policy_result_add")).status_code == 403
    assert helpdesk_client.post(admin_url("delete", light.pk), {"post": "yes"}).status_code == 403
    assert Result.objects.filter(pk=light.pk).exists()


def test_a_superuser_may_delete_a_result(client, three_results):
    _, light, _ = three_results
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))

    response = client.post(admin_url("delete", light.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Result.objects.filter(pk=light.pk).exists()


def test_people_who_are_not_staff_are_sent_to_log_in(client, three_results):
    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("result_id", ["W_3A261Yj0Lg-abcdefghij", "x_5Fy_2Fz_22abcdefghijk", "-_-_0123456789abcdefgh"])
def test_an_id_that_reads_as_an_admin_escape_still_opens_and_deletes(client, light_only_study, monkeypatch, result_id):
    monkeypatch.setattr("policy.models.secrets.token_urlsafe", lambda nbytes: result_id)
    result, _ = result_create(answers=light_only_study)
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))

    page = client.get(admin_url("change", result.pk))
    found = client.get(CHANGELIST, {"q": f"https://deposit.example.org/r/{result.pk}/"})
    deleted = client.post(admin_url("delete", result.pk), {"post": "yes"})

    assert result.pk == result_id
    assert page.status_code == 200
    assert f'href="/r/{result_id}/"' in page.content.decode()
    assert listed_ids(found) == [result_id]
    assert deleted.status_code == 302
    assert not Result.objects.filter(pk=result_id).exists()
