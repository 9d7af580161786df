"""The kit on the result page and its downloads, opened as their consumers open them."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from policy.kit.drafts.bia_template_v5 import pagetab_template_problems
from policy.kit.drafts.empiar_draft import PLACEHOLDER
from policy.results import result_create
from tests.policy.conftest import FIVE_DATASET_STUDY
from tests.policy.kit.conftest import empiar_validator, madmp_validator, pagetab_validator

pytestmark = pytest.mark.django_db

TYPED = {"arrayexpress:visium": "E-MTAB-1234", "emdb:cryo-et": "EMD-1111 EMD-2222"}


@pytest.fixture
def result():
    stored, _ = result_create(answers=FIVE_DATASET_STUDY)
    return stored


def page(client, result, query=None):
    response = client.get(reverse("result", args=[result.pk]), query or {})
    assert response.status_code == 200
    return response.content.decode()


def attachment_name(response) -> str:
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    return disposition.split('filename="', 1)[1].rstrip('"')


def test_each_step_has_its_before_you_start_list_and_drafts(client, result):
    html = page(client, result)

    assert html.count("Before you start this step") == len(result.plan["depositions"])
    assert reverse("kit-empiar-draft", args=[result.pk, "cryo-et"]) in html
    assert reverse("kit-empiar-bundle", args=[result.pk, "fib-sem"]) in html
    assert html.count('Token: create an API token at <a href="https://empiar.org/deposition/api_token">') == 2
    assert "<code>export EMPIAR_TRANSFER_PASS=…</code>" in html
    assert reverse("kit-bia-outline", args=[result.pk]) in html
    assert reverse("kit-st-sheet", args=[result.pk]) in html
    assert "https://www.emdataresource.org/hold_policy.html" in html


def test_without_accessions_the_statement_has_placeholders_and_no_step_is_done(client, result):
    html = page(client, result)

    assert "Progress: 0 of 5 steps done" in html
    assert "under accession code [ArrayExpress accession]" in html
    assert 'name="emdb:cryo-et"' in html


def test_accessions_in_the_query_string_fill_the_statement_progress_and_next_citations(client, result):
    html = page(client, result, TYPED)

    assert "Progress: 2 of 5 steps done" in html
    assert "ArrayExpress under accession code E-MTAB-1234 (https://identifiers.org/arrayexpress:E-MTAB-1234)." in html
    assert "under accession codes EMD-1111 (https://identifiers.org/emdb:EMD-1111) and EMD-2222" in html
    assert "[Title of the dataset]. EMDB. EMD-2222. https://identifiers.org/emdb:EMD-2222</li>" in html
    assert "Next, step 3: what it must cite" in html
    assert "EMDB EMD-1111, EMD-2222 (cryo-et)" in html
    assert "?arrayexpress%3Avisium=E-MTAB-1234&amp;emdb%3Acryo-et=EMD-1111+EMD-2222#statement" in html


def test_a_wrong_accession_is_named_in_the_error_summary_and_at_its_field(client, result):
    html = page(client, result, {"empiar:fib-sem": "EMD-1234"})

    assert "There is a problem" in html
    assert 'href="#accession-4"' in html
    assert "is not an accession of this archive: expected EMPIAR- followed by five or more digits" in html
    assert 'value="EMD-1234"' in html
    assert "Progress: 0 of 5 steps done" in html


def test_what_is_typed_is_escaped_everywhere_it_is_shown(client, result):
    html = page(client, result, {"bia-imaging": '"><script>alert(1)</script>'})

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_stored_result_never_changes_when_accessions_are_typed(client, result):
    before = (result.plan, result.answers)

    page(client, result, TYPED)

    result.refresh_from_db()
    assert (result.plan, result.answers) == before


def test_htmx_gets_the_whole_page_with_every_link_following_and_the_address_bar_the_result_link(client, result):
    response = client.get(reverse("result", args=[result.pk]), TYPED, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    query = "arrayexpress%3Avisium=E-MTAB-1234&amp;emdb%3Acryo-et=EMD-1111+EMD-2222"
    assert response.status_code == 200
    assert '<main class="main" id="main-content">' in html
    assert "Progress: 2 of 5 steps done" in html
    assert f'{reverse("kit-pagetab", args=[result.pk, 5])}?{query}"' in html
    assert f'{reverse("result-madmp", args=[result.pk])}?{query}"' in html
    assert response["HX-Push-Url"].endswith(
        f"/r/{result.pk}/?arrayexpress%3Avisium=E-MTAB-1234&emdb%3Acryo-et=EMD-1111+EMD-2222"
    )


def test_the_accessions_form_asks_htmx_for_the_whole_page_and_pushes_its_address(client, result):
    html = page(client, result)
    form = html[html.index('<form method="get" action="/r/') :]
    form = form[: form.index(">")]

    assert f'hx-get="{reverse("result", args=[result.pk])}"' in form
    assert 'hx-select="#main-content"' in form
    assert 'hx-target="#main-content"' in form
    assert 'hx-push-url="true"' in form
    assert "hx-on" not in html


def test_the_empiar_draft_downloads_as_json_that_validates_with_the_accessions_typed(client, result):
    response = client.get(reverse("kit-empiar-draft", args=[result.pk, "cryo-et"]), TYPED)

    document = json.load(io.BytesIO(response.content))
    assert attachment_name(response) == f"{result.pk}-empiar-cryo-et.json"
    assert list(empiar_validator().iter_errors(document)) == []
    assert document["cross_references"] == [{"name": "EMD-1111"}, {"name": "EMD-2222"}]


def test_the_empiar_bundle_downloads_as_a_zip_whose_json_carries_the_accessions_typed(client, result):
    response = client.get(reverse("kit-empiar-bundle", args=[result.pk, "cryo-et"]), TYPED)

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert attachment_name(response) == f"{result.pk}-empiar-cryo-et.zip"
    assert response["Content-Type"] == "application/zip"
    assert sorted(archive.namelist()) == [
        "empiar-cryo-et/README.md",
        "empiar-cryo-et/deposition.json",
        "empiar-cryo-et/empiar_submit.py",
    ]
    document = json.loads(archive.read("empiar-cryo-et/deposition.json"))
    assert list(empiar_validator().iter_errors(document)) == []
    assert document["cross_references"] == [{"name": "EMD-1111"}, {"name": "EMD-2222"}]


def test_typed_accessions_reach_the_bundle_links_of_the_step_and_the_accessions_section(client, result):
    html = page(client, result, TYPED)

    bundle = reverse("kit-empiar-bundle", args=[result.pk, "cryo-et"])
    # in step 3's kit and in the accessions section
    assert html.count(f"{bundle}?arrayexpress%3Avisium=E-MTAB-1234&amp;emdb%3Acryo-et=EMD-1111+EMD-2222") == 2


def test_the_bia_outline_downloads_as_a_zip_of_readme_and_file_lists(client, result):
    response = client.get(reverse("kit-bia-outline", args=[result.pk]), TYPED)

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert attachment_name(response) == f"{result.pk}-bia-outline.zip"
    assert archive.testzip() is None
    assert "step-5-bia-imaging/bia-step-5-file-list-correlation.tsv" in archive.namelist()
    pagetab = json.loads(archive.read("step-5-bia-imaging/bia-step-5.pagetab.json"))
    assert pagetab == json.loads(client.get(reverse("kit-pagetab", args=[result.pk, 5]), TYPED).content)
    readme = archive.read("step-5-bia-imaging/README.md").decode()
    assert "ArrayExpress E-MTAB-1234 (visium)" in readme


def test_the_bia_step_links_its_pagetab_submission_with_the_accessions_typed(client, result):
    html = page(client, result, TYPED)

    url = reverse("kit-pagetab", args=[result.pk, 5])
    assert f'href="{url}?arrayexpress%3Avisium=E-MTAB-1234&amp;emdb%3Acryo-et=EMD-1111+EMD-2222"' in html
    assert f'href="{reverse("kit-pagetab", args=[result.pk, 4])}' not in html


def test_the_pagetab_submission_downloads_as_json_that_validates_with_the_accessions_typed(client, result):
    response = client.get(reverse("kit-pagetab", args=[result.pk, 5]), TYPED)

    document = json.load(io.BytesIO(response.content))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert attachment_name(response) == f"{result.pk}-bia-step-5.pagetab.json"
    assert list(pagetab_validator().iter_errors(document)) == []
    assert pagetab_template_problems(document=document, placeholder=PLACEHOLDER) == []
    assert document["section"]["links"][0]["url"] == "E-MTAB-1234"


def test_a_step_that_is_not_a_bioimage_archive_submission_has_no_pagetab(client, result):
    assert client.get(reverse("kit-pagetab", args=[result.pk, 4])).status_code == 404
    assert client.get(reverse("kit-pagetab", args=[result.pk, 9])).status_code == 404


def test_the_st_sheet_and_the_filled_accessions_table_open_as_tab_separated_text(client, result):
    sheet = client.get(reverse("kit-st-sheet", args=[result.pk]))
    table = client.get(reverse("result-template", args=[result.pk, "accessions"]), TYPED)
    empty = client.get(reverse("result-template", args=[result.pk, "accessions"]))

    sheet_rows = list(csv.reader(io.StringIO(sheet.content.decode("utf-8-sig")), dialect="excel-tab"))
    table_rows = list(csv.DictReader(io.StringIO(table.content.decode("utf-8-sig")), dialect="excel-tab"))
    assert attachment_name(sheet) == f"{result.pk}-st-metadata.tsv"
    assert attachment_name(table) == f"{result.pk}-accessions-filled-in.tsv"
    assert attachment_name(empty) == f"{result.pk}-accessions.tsv"
    assert sheet_rows[0][1:3] == ["Sample ID", "Slide ID"]
    assert [row["Accession"] for row in table_rows][:2] == ["E-MTAB-1234", "EMD-1111 EMD-2222"]


def test_the_madmp_export_validates_and_the_api_gives_the_same_document(client, result):
    export = client.get(reverse("result-madmp", args=[result.pk]))
    api = client.get(reverse("api-plans-show", args=[result.pk]), {"format": "madmp"})

    document = json.loads(export.content)
    assert attachment_name(export) == f"{result.pk}-madmp.json"
    assert list(madmp_validator().iter_errors(document)) == []
    assert api.json() == document
    assert document["dmp"]["dmp_id"]["identifier"].endswith(f"/r/{result.pk}/")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("kit-empiar-draft", ["lm"]),
        ("kit-empiar-draft", ["nope"]),
        ("kit-empiar-bundle", ["lm"]),
        ("kit-empiar-bundle", ["nope"]),
    ],
)
def test_a_draft_the_plan_does_not_offer_is_not_found(client, result, name, args):
    assert client.get(reverse(name, args=[result.pk, *args])).status_code == 404


def test_a_plan_without_bioimage_archive_or_spatial_transcriptomics_offers_neither_download(client):
    stored, _ = result_create(
        answers={"datasets": [{"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"}]}
    )

    assert client.get(reverse("kit-bia-outline", args=[stored.pk])).status_code == 404
    assert client.get(reverse("kit-st-sheet", args=[stored.pk])).status_code == 404


def test_unknown_ids_are_not_found_for_every_kit_address(client):
    unknown = "AAAAAAAAAAAAAAAAAAAAAA"
    for name, args in [
        ("kit-bia-outline", []),
        ("kit-st-sheet", []),
        ("kit-empiar-draft", ["x"]),
        ("kit-empiar-bundle", ["x"]),
        ("kit-onedep-handoff", ["emdb-x"]),
        ("result-madmp", []),
    ]:
        assert client.get(reverse(name, args=[unknown, *args])).status_code == 404, name


def test_the_json_and_markdown_exports_carry_the_typed_accessions(client, result):
    exported = client.get(reverse("result-json", args=[result.pk]), TYPED).json()
    text = client.get(reverse("result-markdown", args=[result.pk]), TYPED).content.decode()

    assert exported["accessions"] == {"arrayexpress:visium": ["E-MTAB-1234"], "emdb:cryo-et": ["EMD-1111", "EMD-2222"]}
    assert client.get(reverse("result-json", args=[result.pk])).json()["accessions"] == {}
    assert "ArrayExpress under accession code E-MTAB-1234" in text


def test_the_markdown_export_lists_what_to_prepare_for_each_step(client, result):
    text = client.get(reverse("result-markdown", args=[result.pk])).content.decode()

    assert text.count("- Before you start:") == len(result.plan["depositions"])
    assert "- [ ] Release: A map may be held for at most one year" in text


def test_before_you_start_anything_comes_first_and_each_steps_list_before_its_start_link(client, result):
    html = page(client, result)

    study = html.index('id="before-you-start"')
    assert study < html.index('<figure class="plan-picture"')
    assert study < html.index('id="step-1"')
    assert (
        "API token, which you generate at https://empiar.org/deposition/api_token"
        in html[study : html.index('id="step-1"')]
    )
    for number in range(1, len(result.plan["depositions"]) + 1):
        section = html[html.index(f'id="step-{number}"') :]
        assert section.index(f'id="before-step-{number}"') < section.index('class="step__start"')


def test_every_kit_link_on_the_page_carries_the_typed_accessions(client, result):
    html = page(client, result, TYPED)
    query = "arrayexpress%3Avisium=E-MTAB-1234&amp;emdb%3Acryo-et=EMD-1111+EMD-2222"

    for name, args in [
        ("kit-empiar-draft", ["cryo-et"]),
        ("kit-empiar-draft", ["fib-sem"]),
        ("kit-onedep-handoff", ["emdb-cryo-et"]),
        ("kit-bia-outline", []),
        ("kit-st-sheet", []),
        ("result-template", ["accessions"]),
        ("result-madmp", []),
        ("result-markdown", []),
        ("result-json", []),
    ]:
        assert f'{reverse(name, args=[result.pk, *args])}?{query}"' in html, name
    assert f"{reverse('result', args=[result.pk])}?{query}#statement" in html


def test_the_tracker_is_open_once_an_accession_is_typed(client, result):
    closed = page(client, result)
    typed = page(client, result, {"emdb:cryo-et": "EMD-1111"})
    wrong = page(client, result, {"emdb:cryo-et": "EMD-1"})

    assert '<details class="details fold" id="kit">' in closed
    assert '<details class="details fold" id="kit" open>' in typed
    assert '<details class="details fold" id="kit" open>' in wrong


def test_one_accession_typed_for_two_steps_is_shown_with_a_warning(client, result):
    html = page(client, result, {"empiar:cryo-et": "EMPIAR-10164", "empiar:fib-sem": "EMPIAR\u201310164"})

    assert "data-accession-warning" in html
    assert "Also given for an earlier step: EMPIAR-10164" in html
    assert "There is a problem" not in html


def test_the_onedep_handoff_downloads_with_the_typed_accessions_and_its_script_is_served(client):
    stored, _ = result_create(
        answers={
            "answers_version": 2,
            "datasets": [
                {"id": "et", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True,
                 "tomograms": "few", "subtomogram_average": True, "atomic_model": True}
            ]
        }
    )  # fmt: skip

    handoff = client.get(reverse("kit-onedep-handoff", args=[stored.pk, "emdb-et"]), {"emdb-average:et": "EMD-4321"})
    script = client.get(reverse("kit-onedep-script"))

    document = json.loads(handoff.content)
    assert attachment_name(handoff) == f"{stored.pk}-onedep-emdb-et.json"
    assert document["em_subtype"] == "tomography"
    assert document["in_the_web_interface"]["related_depositions"] == [{"archive": "EMDB", "accession": "EMD-4321"}]
    assert attachment_name(script) == "onedep_deposit.py"
    assert b"def main(" in script.content
    assert client.get(reverse("kit-onedep-handoff", args=[stored.pk, "pdb-et"])).status_code == 404


def test_the_markdown_export_puts_preparation_first(client, result):
    text = client.get(reverse("result-markdown", args=[result.pk])).content.decode()

    assert text.index("## Before you start anything") < text.index("### Step 1:")
    assert "- [ ] EMPIAR, to submit with empiar-depositor: an API token" in text
    step = text[text.index("### Step 1:") : text.index("### Step 2:")]
    assert step.index("- Before you start:") < step.index("- Start the submission:")
