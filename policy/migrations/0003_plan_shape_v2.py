"""Stored plans take the shape of answers contract 2's plans, so presenters read one shape only.

What each result advises does not change: the same depositions, datasets, words and reasons, only structured
(deposition keys and submission links, contents as {datasets, what}, linking items naming the deposition
they are done in and the ones they cite). Self-contained on purpose: a migration must keep working whatever
later becomes of the app's code.
"""

from django.db import migrations

SUBMIT_URLS = {
    "bia": "https://www.ebi.ac.uk/biostudies/submissions/",
    "empiar": "https://empiar.org/deposition",
    "emdb": "https://deposit.wwpdb.org/deposition/",
    "arrayexpress": "https://www.ebi.ac.uk/fg/annotare/",
    "pride": "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
    "metabolights": "https://www.ebi.ac.uk/metabolights/",
    "ena": "https://www.ebi.ac.uk/ena/submit/",
}
OMICS_ARCHIVES = {"arrayexpress", "pride", "metabolights", "ena"}
CORRELATION_PREFIX = "correlation information for "
SCREEN_ROUTES = (("compound-screen", "bia-screen-compound"), ("genetic", "bia-screen-genetic"))


def deposition_key(deposition: dict) -> str:
    archive, datasets = deposition["archive"], deposition["datasets"]
    if archive != "bia":
        return f"{archive}:{datasets[0]}"
    if "BioImaging" in deposition["route"]:
        return "bia-imaging"
    route = next((key for words, key in SCREEN_ROUTES if words in deposition["route"]), "bia-screen-other")
    return f"{route}:{datasets[0]}"


def content_structured(line: str, datasets: list[str]) -> dict:
    if line.startswith(CORRELATION_PREFIX):
        members = line.removeprefix(CORRELATION_PREFIX).split(", ")
        return {"datasets": members, "what": "correlation information", "optional": False}
    for dataset in datasets:
        if line.startswith(f"{dataset}: "):
            return {"datasets": [dataset], "what": line.removeprefix(f"{dataset}: "), "optional": False}
    return {"datasets": [], "what": line, "optional": False}


def plan_shape_v2(plan: dict) -> dict:
    if "answers_version" in plan:
        return plan
    depositions = []
    for old in plan["depositions"]:
        deposition = {
            "key": deposition_key(old),
            "archive": old["archive"],
            "route": old["route"],
            "submit_url": SUBMIT_URLS.get(old["archive"], ""),
            "datasets": old["datasets"],
            "contents": [content_structured(line, old["datasets"]) for line in old["contents"]],
            "reasons": old["reasons"],
        }
        depositions.append(deposition)

    def keys_of(dataset: str, archives) -> list[str]:
        return [d["key"] for d in depositions if dataset in d["datasets"] and d["archive"] in archives]

    def performed_in(item: dict) -> str:
        # Linking was done in the BioImage Archive's imaging submission, or in a dataset's EMPIAR entry.
        return "bia-imaging" if item["archive"] == "bia" else keys_of(item["datasets"][0], {item["archive"]})[0]

    linking = []
    for old in plan["linking"]:
        if old["kind"] == "omics_link":
            cites = keys_of(old["datasets"][0], OMICS_ARCHIVES)
        elif old["kind"] == "cross_reference" and old["archive"] == "empiar":
            cites = keys_of(old["datasets"][0], {"emdb"})
        elif old["kind"] == "cross_reference":
            others = set(SUBMIT_URLS) - {"bia"}
            cites = [key for member in old["datasets"] for key in keys_of(member, others)]
        else:
            cites = []
        linking.append(
            {
                "kind": old["kind"],
                "archive": old["archive"],
                "in": performed_in(old),
                "cites": cites,
                "datasets": old["datasets"],
                "contents": old["contents"],
                "reasons": old["reasons"],
            }
        )
    return {
        "policy_version": plan["policy_version"],
        "answers_version": 1,
        "depositions": depositions,
        "linking": linking,
        # Plans of this age said what to do instead in their notes, not per refused dataset.
        "not_accepted": [{**item, "instead": ""} for item in plan["not_accepted"]],
        "notes": plan["notes"],
        "contacts": plan["contacts"],
    }


def plans_upgrade(apps, schema_editor):
    Result = apps.get_model("policy", "Result")
    for result_id, plan in Result.objects.values_list("id", "plan").iterator():
        upgraded = plan_shape_v2(plan)
        if upgraded is not plan:
            Result.objects.filter(pk=result_id).update(plan=upgraded)


class Migration(migrations.Migration):
    dependencies = [("policy", "0002_result_texts_archives")]

    operations = [migrations.RunPython(plans_upgrade, migrations.RunPython.noop, elidable=True)]
