"""Every stored result holds all the words its page shows (Result.texts), so presenters read those alone.

Results stored before 0002 kept no words: they get the engine's words as of this release (frozen in
_words_2026_11.py, the words their pages showed until now). Results stored since hold clauses without the
source_url and verbatim that plan shape v2 added: these follow from what each clause already holds. Nothing
else of a result changes. Self-contained on purpose: a migration must keep working whatever later becomes of
the app's code.
"""

from django.db import migrations

from policy.migrations._words_2026_11 import WORDS

POLICY_PAGE_PATH = "/policy/"
SECTIONS = ("depositions", "linking", "not_accepted", "notes")


def _clause_complete(clause_id: str, clause: dict) -> dict:
    beyond_policy = clause.get("beyond_policy", clause_id.startswith("beyond-policy:"))
    return {
        **clause,
        # An archive's page where the clause has one; otherwise its entry on this service's policy page.
        "source_url": clause.get("source_url")
        or (clause["source"] if clause["source"].startswith("http") else f"{POLICY_PAGE_PATH}#{clause_id}"),
        # Only the policy's own words are quoted verbatim; its examples table is restated, not quoted.
        "verbatim": clause.get("verbatim", not beyond_policy and not clause_id.startswith("table-")),
    }


def _words_of(plan: dict, answers: dict) -> dict:
    cited = dict.fromkeys(
        reason["clause"] for section in SECTIONS for item in plan.get(section, []) for reason in item["reasons"]
    )
    archives = dict.fromkeys(
        item["archive"] for section in ("depositions", "linking") for item in plan.get(section, [])
    )
    labels: dict[str, dict[str, str]] = {}
    for field, known in WORDS["labels"].items():
        given = sorted({dataset[field] for dataset in answers.get("datasets", []) if dataset.get(field) in known})
        if given:
            labels[field] = {value: known[value] for value in given}
    return {
        "clauses": {clause_id: WORDS["clauses"][clause_id] for clause_id in cited if clause_id in WORDS["clauses"]},
        "archives": {code: WORDS["archives"][code] for code in archives if code in WORDS["archives"]},
        "link_kinds": {
            item["kind"]: WORDS["link_kinds"][item["kind"]]
            for item in plan.get("linking", [])
            if item["kind"] in WORDS["link_kinds"]
        },
        "questions": WORDS["questions"],
        "labels": labels,
    }


def texts_complete(texts: dict, *, plan: dict, answers: dict) -> dict:
    """The result's words with whatever they lack filled in; words it holds are kept as they are."""
    frozen = _words_of(plan, answers)
    completed = {key: texts.get(key, frozen[key]) for key in frozen}
    completed["clauses"] = {
        clause_id: _clause_complete(clause_id, clause) for clause_id, clause in completed["clauses"].items()
    }
    return {**texts, **completed}


def results_texts_complete(apps, schema_editor):
    Result = apps.get_model("policy", "Result")
    for result_id, texts, plan, answers in Result.objects.values_list("id", "texts", "plan", "answers").iterator():
        completed = texts_complete(texts or {}, plan=plan, answers=answers)
        if completed != texts:
            Result.objects.filter(pk=result_id).update(texts=completed)


class Migration(migrations.Migration):
    dependencies = [("policy", "0003_plan_shape_v2")]

    operations = [migrations.RunPython(results_texts_complete, migrations.RunPython.noop, elidable=True)]
