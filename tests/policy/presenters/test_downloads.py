import csv
import io
import json
import re

import pytest
from django.urls import reverse

from policy.engine import plan_for
from policy.engine.archives import ARCHIVES
from policy.engine.questions import DATASET_QUESTIONS_BY_FIELD
from policy.engine.vocabulary import SCREEN_TYPE
from policy.models import Result
from policy.results import result_create

pytestmark = pytest.mark.django_db


def tsv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter="\t"))


def tsv_header(response) -> list[str]:
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter="\t"))


def template_response(client, result, slug, query=None):
    return client.get(reverse("result-template", args=[result.pk, slug]), query or {})


def test_the_json_export_is_the_stored_answers_and_the_apis_plan(client, full_study):
    result, _ = result_create(answers=full_study)

    response = client.get(reverse("result-json", args=[result.pk]))
    api = client.get(reverse("api-plans-show", args=[result.pk]))

    body = json.loads(response.content)
    assert response.status_code == 200
    assert body == api.json()
    assert body["plan"] == plan_for(full_study)
    assert body["answers"] == result.answers


def test_the_json_export_of_an_unknown_id_is_a_json_404(client):
    response = client.get("/r/AAAAAAAAAAAAAAAAAAAAAA.json")

    assert response.status_code == 404
    assert response.json() == {"errors": {"id": ["No stored plan has this id."]}}


def test_the_markdown_export_is_the_plan_in_the_pages_order(client, full_study):
    result, _ = result_create(answers=full_study)

    response = client.get(reverse("result-markdown", args=[result.pk]))

    text = response.content.decode()
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert text.startswith("# Deposition plan\n")
    assert headings == ["Steps (6 depositions)", "Before you start anything", "Cannot be deposited at EBI",
                        "Data availability statement",
                        "Files to prepare", "Notes", "Your answers", "Contacts"]  # fmt: skip
    steps = re.findall(r"^(\d+)\. \[ \] (.+?):", text, flags=re.M)
    assert steps == [
        (str(number), ARCHIVES[deposition["archive"]].name)
        for number, deposition in enumerate(result.plan["depositions"], start=1)
    ]
    sections = re.findall(r"^### Step (\d+): ", text, flags=re.M)
    assert sections == [str(number) for number in range(1, len(result.plan["depositions"]) + 1)]
    for deposition in result.plan["depositions"]:
        assert f"- Start the submission: {deposition['submit_url']} ({deposition['route']})\n" in text
    assert f"http://testserver/r/{result.pk}/" in text
    assert "November 2026 edition" in text
    assert result.policy_version in text
    assert "- scan cannot be deposited at EBI: " in text
    assert f"   - What to do instead: {result.plan['not_accepted'][0]['instead']}\n" in text
    assert f"   - {DATASET_QUESTIONS_BY_FIELD['screen_type'].text} {SCREEN_TYPE.label('genetic')}\n" in text
    assert "(from the archive's own pages, not the policy)" in text
    assert f"- Accessions of each deposition: http://testserver/r/{result.pk}/accessions.tsv\n" in text
    for contact in result.plan["contacts"]:
        assert f"- {contact}" in text


def test_the_markdown_export_names_what_each_step_cites_and_quotes_each_clause_once(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    text = client.get(reverse("result-markdown", args=[result.pk])).content.decode()

    step_3 = text[text.index("### Step 3: ") : text.index("### Step 4: ")]
    assert "- Cite the accessions from step 2 (EMDB: cryo-et).\n" in step_3
    assert (
        "Step 5 (BioImage Archive: lm, visium) cites it." in text[text.index("### Step 1: ") : text.index("### Step 2")]
    )
    quotes = re.findall(r"^ +> (.+)$", text, flags=re.M)
    assert len(quotes) == len(set(quotes))
    assert "(policy version" not in text.splitlines()[3]


def test_the_markdown_export_carries_the_statement_with_the_accessions_in_its_link(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)
    url = reverse("result-markdown", args=[result.pk])

    before = client.get(url).content.decode()
    after = client.get(url, {"empiar:fib-sem": "EMPIAR-11000"}).content.decode()

    statement = before[before.index("## Data availability statement") : before.index("## Files to prepare")]
    assert "under accession code [EMPIAR accession]." in statement
    assert "- [Authors]. [Year]. [Title of the dataset]. EMDB. [EMDB accession].\n" in statement
    assert (
        "(fib-sem) have been deposited in the Electron Microscopy Public Image Archive (EMPIAR) under accession "
        "code EMPIAR-11000 (https://doi.org/10.6019/EMPIAR-11000)."
    ) in after
    assert (
        "- [Authors]. [Year]. [Title of the dataset]. EMPIAR. EMPIAR-11000. https://doi.org/10.6019/EMPIAR-11000"
        in after
    )


def test_the_accessions_template_lists_every_deposited_dataset_with_an_empty_accession(client, full_study):
    result, _ = result_create(answers=full_study)

    response = template_response(client, result, "accessions")

    rows = tsv_rows(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    assert f'filename="{result.pk}-accessions.tsv"' in response["Content-Disposition"]
    datasets = [row for row in rows if not row["Dataset"].startswith("correlation")]
    assert [(row["Step"], row["Dataset"], row["Archive"]) for row in datasets] == [
        (str(number), dataset, ARCHIVES[deposition["archive"]].name)
        for number, deposition in enumerate(result.plan["depositions"], start=1)
        for dataset in deposition["datasets"]
    ]
    assert {row["Accession"] for row in rows} == {""}
    assert {row["Accession example"] for row in rows if row["Archive"] == "EMPIAR"} == {"EMPIAR-10002"}
    assert "scan" not in {row["Dataset"] for row in rows}


def test_the_accessions_template_has_a_row_for_the_correlation_component_with_its_steps_accession(client, full_study):
    result, _ = result_create(answers=full_study)
    bia = next(n for n, d in enumerate(result.plan["depositions"], start=1) if d["key"] == "bia-imaging")

    rows = tsv_rows(template_response(client, result, "accessions", query={"bia-imaging": "S-BIAD77"}))

    (row,) = [row for row in rows if row["Dataset"].startswith("correlation")]
    assert (row["Step"], row["Dataset"], row["Archive"]) == (str(bia), "correlation (fib-sem, lm)", "BioImage Archive")
    assert row["Contents"].startswith("the correlation component")
    assert row["Accession"] == "S-BIAD77"


def test_the_registrations_template_has_a_row_per_correlated_pair(client, full_study):
    full_study["datasets"].append({"id": "xray", "modality": "xray_imaging", "dimensionality": "3d"})
    full_study["correlations"] = [["lm", "fib-sem", "xray"]]
    result, _ = result_create(answers=full_study)

    rows = tsv_rows(template_response(client, result, "registrations"))

    assert [(row["Source dataset"], row["Target dataset"]) for row in rows] == [
        ("fib-sem", "lm"),
        ("fib-sem", "xray"),
        ("lm", "xray"),
    ]
    assert rows[0]["Source archive"] == "EMPIAR"
    assert rows[0]["Target archive"] == "BioImage Archive"
    assert {row["Transform file"] for row in rows} == {""}


def test_each_bia_study_component_has_a_file_list_starting_with_files_and_a_starter_row(client, full_study):
    result, _ = result_create(answers=full_study)
    step = len(result.plan["depositions"])

    lists = {
        component: tsv_rows(template_response(client, result, f"bia-step-{step}-file-list-{component}"))
        for component in ("lm", "visium", "correlation")
    }

    assert {component: rows[0]["Files"] for component, rows in lists.items()} == {
        "lm": "lm/",
        "visium": "visium/",
        "correlation": "correlation/",
    }
    assert lists["correlation"][0]["Description"] == "registrations and transformations"


def test_a_screens_file_list_has_plate_well_field_and_the_screen_columns(client, full_study):
    result, _ = result_create(answers=full_study)
    screen_step = next(
        number for number, d in enumerate(result.plan["depositions"], start=1) if d["datasets"] == ["screen"]
    )

    response = template_response(client, result, f"bia-step-{screen_step}-file-list-screen")

    assert tsv_header(response) == ["Files", "Plate", "Well", "Field", "Gene", "Description"]


def test_the_page_lists_a_steps_file_lists_as_one_entry_with_their_columns_once(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = client.get(reverse("result", args=[result.pk])).content.decode()

    entry = html.split('id="file-lists-step-5"', 1)[1].split("</li>", 1)[0]
    for component in ("lm", "visium", "correlation"):
        slug = f"bia-step-5-file-list-{component}"
        assert f'href="{reverse("result-template", args=[result.pk, slug])}"' in entry
    assert entry.count("<dt>Files</dt>") == 1
    assert 'href="#file-lists-step-5"' in html


def test_templates_the_plan_does_not_call_for_are_not_found(client, light_only_study, full_study):
    light_only, _ = result_create(answers=light_only_study)
    full, _ = result_create(answers=full_study)
    emdb_step = next(n for n, d in enumerate(full.plan["depositions"], start=1) if d["archive"] == "emdb")

    assert template_response(client, light_only, "accessions").status_code == 404
    assert template_response(client, light_only, "registrations").status_code == 404
    assert template_response(client, light_only, "bia-step-1-file-list-confocal").status_code == 200
    assert template_response(client, full, f"bia-step-{emdb_step}-file-list-spa").status_code == 404
    assert template_response(client, full, "anything-else").status_code == 404


@pytest.mark.parametrize(
    ("url_name", "extra_args", "filename"),
    [
        ("result-markdown", [], "plan.md"),
        ("result-json", [], "plan.json"),
        ("result-template", ["accessions"], "accessions.tsv"),
        ("result-template", ["registrations"], "registrations.tsv"),
        ("result-template", ["bia-step-6-file-list-lm"], "bia-step-6-file-list-lm.tsv"),
    ],
)
def test_every_export_downloads_as_an_attachment_named_id_dash_name(client, full_study, url_name, extra_args, filename):
    result, _ = result_create(answers=full_study)

    response = client.get(reverse(url_name, args=[result.pk, *extra_args]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{result.pk}-{filename}"'


@pytest.mark.django_db
def test_a_stored_label_beginning_with_a_hyphen_is_the_same_folder_in_the_file_list_as_in_the_pagetab(client):
    """A result stored before such labels were refused: its file list and PageTab still agree."""
    made, _ = result_create(answers={"datasets": [{"id": "xcmd", "modality": "light_microscopy"}]})
    stored = {name: getattr(made, name) for name in ("answers", "plan", "texts", "archives")}
    result = Result.objects.create(
        **json.loads(json.dumps(stored).replace("xcmd", "-cmd")), policy_version="2026-11+old", answers_digest="0" * 64
    )

    listed = client.get(reverse("result-template", args=[result.pk, "bia-step-1-file-list--cmd"]))
    pagetab = client.get(reverse("kit-pagetab", args=[result.pk, 1])).json()

    rows = list(csv.reader(io.StringIO(listed.content.decode()), dialect="excel-tab"))
    components = [item for item in pagetab["section"]["subsections"] if item["type"] == "Study Component"]
    assert [row[0] for row in rows[1:]] == ["-cmd/"]
    assert components[0]["attributes"][0] == {"name": "Name", "value": "-cmd"}
