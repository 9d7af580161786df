import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from policy.engine import plan_for
from policy.models import Result
from policy.results import answers_digest

BEFORE = [("policy", "0001_initial")]
AFTER = [("policy", "0002_result_texts_archives")]


@pytest.mark.django_db(transaction=True)
def test_results_stored_before_0002_keep_their_plan_gain_archives_and_still_render(client, full_study):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    OldResult = executor.loader.project_state(BEFORE).apps.get_model("policy", "Result")
    plan = plan_for(full_study)
    OldResult.objects.create(
        id="A" * 22,
        answers=full_study,
        plan=plan,
        policy_version="2026-11+old",
        answers_digest=answers_digest(full_study),
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    result = Result.objects.get(pk="A" * 22)
    assert result.plan == plan
    assert result.archives == ",arrayexpress,emdb,empiar,bia,"
    assert result.texts == {}
    assert client.get(reverse("result", args=[result.pk])).status_code == 200
