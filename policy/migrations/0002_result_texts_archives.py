from django.db import migrations, models


def archives_fill(apps, schema_editor):
    # Self-contained on purpose: a migration must keep working whatever later becomes of the app's code.
    Result = apps.get_model("policy", "Result")
    for result_id, plan in Result.objects.values_list("id", "plan").iterator():
        codes = dict.fromkeys(deposition["archive"] for deposition in (plan or {}).get("depositions", []))
        Result.objects.filter(pk=result_id).update(archives=f",{','.join(codes)}," if codes else "")


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="result",
            name="texts",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="The engine's words the page quotes (clauses, archives, questions, answer labels) as "
                "they were when the result was made, so the page keeps showing them after the policy changes.",
            ),
        ),
        migrations.AddField(
            model_name="result",
            name="archives",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The archive codes the plan deposits to, between commas (“,bia,empiar,”), for the "
                "helpdesk filter.",
                max_length=200,
            ),
        ),
        migrations.RunPython(archives_fill, migrations.RunPython.noop, elidable=True),
    ]
