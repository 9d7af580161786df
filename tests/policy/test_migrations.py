import copy
import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from policy.engine import plan_for
from policy.models import Result
from policy.results import answers_digest

BEFORE = [("policy", "0001_initial")]
AFTER = [("policy", "0002_result_texts_archives")]


def migrate(targets: list[tuple[str, str]] | None = None) -> None:
    """Migrate to `targets`, or to the latest migrations (which a page needs before it renders)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


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
    migrate()
    assert client.get(reverse("result", args=[result.pk])).status_code == 200


STORED_V1 = json.loads((Path(__file__).parent / "fixtures" / "stored_results_v1.json").read_text())["results"]
STORED_V2 = json.loads((Path(__file__).parent / "fixtures" / "stored_results_v2.json").read_text())["results"]


def _lines(contents: list[dict]) -> list[str]:
    return [
        f"{content['datasets'][0]}: {content['what']}"
        if content["what"] != "correlation information"
        else f"correlation information for {', '.join(content['datasets'])}"
        for content in contents
    ]


@pytest.mark.django_db(transaction=True)
def test_results_stored_in_the_first_plan_shape_are_restructured_without_changing_their_advice(client):
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    OldResult = executor.loader.project_state(AFTER).apps.get_model("policy", "Result")
    for index, stored in enumerate(STORED_V1):
        OldResult.objects.create(
            id=f"{index:02d}".ljust(22, "V"),
            answers=stored["answers"],
            plan=stored["plan"],
            texts=stored["texts"],
            policy_version=stored["plan"]["policy_version"],
            answers_digest=answers_digest(stored["answers"]),
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("policy", "0003_plan_shape_v2")])

    compared = 0
    for index, stored in enumerate(STORED_V1):
        old, new = stored["plan"], Result.objects.get(pk=f"{index:02d}".ljust(22, "V")).plan
        assert new["answers_version"] == 1
        assert [(d["archive"], d["datasets"], d["route"], d["reasons"]) for d in new["depositions"]] == [
            (d["archive"], d["datasets"], d["route"], d["reasons"]) for d in old["depositions"]
        ]
        assert [_lines(d["contents"]) for d in new["depositions"]] == [d["contents"] for d in old["depositions"]]
        assert [{k: v for k, v in item.items() if k not in ("in", "cites")} for item in new["linking"]] == old[
            "linking"
        ]
        assert (new["notes"], new["contacts"]) == (old["notes"], old["contacts"])
        # Where today's engine still routes the same answers the same way, the keys and links agree with it.
        current = plan_for(stored["answers"])
        if [(d["archive"], d["datasets"]) for d in current["depositions"]] == [
            (d["archive"], d["datasets"]) for d in old["depositions"]
        ]:
            assert [d["key"] for d in new["depositions"]] == [d["key"] for d in current["depositions"]]
            if [i["contents"] for i in current["linking"]] == [i["contents"] for i in old["linking"]]:
                assert [(i["in"], i["cites"]) for i in new["linking"]] == [
                    (i["in"], i["cites"]) for i in current["linking"]
                ]
            compared += 1
    assert compared >= len(STORED_V1) // 2
    migrate()
    for index, stored in enumerate(STORED_V1):
        response = client.get(reverse("result", args=[f"{index:02d}".ljust(22, "V")]))
        assert response.status_code == 200, stored["name"]


@pytest.mark.django_db(transaction=True)
def test_results_stored_without_words_get_the_words_their_page_showed_and_keep_those_they_have(client):
    migrate([("policy", "0003_plan_shape_v2")])
    OldResult = (
        MigrationExecutor(connection)
        .loader.project_state([("policy", "0003_plan_shape_v2")])
        .apps.get_model("policy", "Result")
    )
    # A result as the engine of November 2026 made it, with the words it collected then (the migration's frozen
    # words); today's engine words differ.
    [stored] = [stored for stored in STORED_V2 if stored["name"] == "full-study"]
    full_study, plan = stored["answers"], stored["plan"]
    stored_words = copy.deepcopy(stored["texts"])
    stored_words["clauses"] = {
        clause_id: {key: value for key, value in clause.items() if key not in ("source_url", "verbatim")}
        for clause_id, clause in stored_words["clauses"].items()
    }
    stored_words["archives"] = {
        **stored_words["archives"],
        "bia": {"name": "Old name", "url": "u", "accession_example": "x"},
    }
    for result_id, texts in (("W" * 22, {}), ("T" * 22, stored_words)):
        OldResult.objects.create(
            id=result_id,
            answers=full_study,
            plan=plan,
            texts=texts,
            policy_version=f"2026-11+{result_id[0]}",
            answers_digest=answers_digest(full_study),
        )

    migrate()

    without, with_words = Result.objects.get(pk="W" * 22), Result.objects.get(pk="T" * 22)
    expected = stored["texts"]
    assert without.texts == expected
    assert with_words.texts["archives"]["bia"]["name"] == "Old name"
    assert with_words.texts["clauses"] == expected["clauses"]
    assert (without.plan, with_words.plan) == (plan, plan)
    for result in (without, with_words):
        assert client.get(reverse("result", args=[result.pk])).status_code == 200
