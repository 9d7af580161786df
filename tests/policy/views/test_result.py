import re
from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from policy.engine import plan_for
from policy.engine.archives import ARCHIVES
from policy.engine.clauses import CLAUSES, Clause
from policy.engine.vocabulary import EM_METHOD, MODALITY, SCREEN_TYPE
from policy.models import Result
from policy.presenters.result import result_page
from policy.results import answers_digest, result_create, texts_collect

pytestmark = pytest.mark.django_db

NEW_VERSION = "2027-01+0000000000"


def page_of(client, result) -> str:
    response = client.get(reverse("result", args=[result.pk]))
    assert response.status_code == 200
    return response.content.decode()


def assert_text_in(html: str, text: str) -> None:
    assert escape(text) in html


def task_list(html: str) -> list[tuple[str, str, str]]:
    """(number, title, the section it links to) of each step in the task list at the top."""
    return [
        (number, title, href)
        for href, number, title in re.findall(
            r'<a class="task-list__link" href="#(step-\d+)"><span class="task-list__number">(\d+)\.</span> ([^<]+)</a>',
            html,
        )
    ]


def section(html: str, anchor: str) -> str:
    """One step's section of the page."""
    return re.search(rf'<section class="step[^"]*" id="{anchor}".*?</section>', html, flags=re.S).group(0)


def without_policy_change_banner(html: str) -> str:
    """The page without the banner, whitespace between tags aside."""
    return re.sub(r"\s+", " ", re.sub(r'<div class="notification-banner".*?</div>', "", html, flags=re.S))


def test_the_task_list_names_every_step_in_the_plans_order_and_links_its_section(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    assert task_list(html) == [
        ("1", "ArrayExpress: deposit visium", "step-1"),
        ("2", "EMDB: deposit cryo-et", "step-2"),
        ("3", "EMPIAR: deposit cryo-et", "step-3"),
        ("4", "EMPIAR: deposit fib-sem", "step-4"),
        ("5", "BioImage Archive: deposit lm and visium", "step-5"),
    ]
    assert all(f'<section class="step" id="step-{number}"' in html for number in range(1, 6))
    assertInHTML('<a class="task-list__link" href="#not-accepted-mri">mri: not accepted at EBI</a>', html, count=1)


def test_each_step_links_its_submission_and_says_what_to_deposit_and_which_accession_to_note(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    for number, deposition in enumerate(result.plan["depositions"], start=1):
        step = section(html, f"step-{number}")
        archive = ARCHIVES[deposition["archive"]]
        assertInHTML(
            f'<a href="{deposition["submit_url"]}" class="step__start">Start the {archive.name} submission</a>', step
        )
        assert_text_in(step, deposition["route"])
        for content in deposition["contents"]:
            assert_text_in(step, content["what"][1:])
        assertInHTML(f"<code>{archive.accession_example}</code>", step)


def test_each_step_names_what_it_cites_from_earlier_steps_and_which_later_steps_cite_it(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    empiar_tomograms, imaging = section(html, "step-3"), section(html, "step-5")
    assertInHTML('<dd>The accession from <a href="#step-2">step 2</a> (EMDB: cryo-et).</dd>', empiar_tomograms, count=1)
    assertInHTML(
        '<dd>The accessions from <a href="#step-1">step 1</a> (ArrayExpress: visium) and <a href="#step-4">step 4</a> '
        "(EMPIAR: fib-sem).</dd>",
        imaging,
        count=1,
    )
    assert "cites it" in section(html, "step-2")
    assertInHTML('<a href="#step-3">step 3</a>', section(html, "step-2"))
    assert "<dt>Cite</dt>" not in section(html, "step-1")


def test_reasons_quote_the_clause_and_mark_advice_beyond_the_policy(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    assert_text_in(html, CLAUSES["rule-1"].text)
    assert_text_in(html, CLAUSES["beyond-policy:emdb-onedep"].text)
    beyond = re.findall(r'<li class="reason reason--beyond-policy">(.*?)</li>', html, flags=re.S)
    policy = re.findall(r'<li class="reason">(.*?)</li>', html, flags=re.S)
    assert beyond
    assert policy
    assert all("Beyond the policy" in reason for reason in beyond)
    assert not any("Beyond the policy" in reason for reason in policy)
    assert any(CLAUSES["beyond-policy:emdb-onedep"].source in reason for reason in beyond)


def test_linking_is_in_the_step_that_does_it_and_has_no_section_of_its_own(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    for item in result.plan["linking"]:
        number = next(n for n, d in enumerate(result.plan["depositions"], start=1) if d["key"] == item["in"])
        for content in item["contents"]:
            assert_text_in(section(html, f"step-{number}"), content)
    assert 'id="linking"' not in html


def test_a_quote_is_shown_once_and_referred_to_after_that(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    quoted = re.findall(r'<blockquote class="reason__quote" id="(quote-[^"]+)">', html)
    referred = re.findall(r'<a href="#(quote-[^"]+)">quoted above</a>', html)
    assert len(quoted) == len(set(quoted))
    assert referred
    assert all(html.index(f'id="{anchor}"') < html.index(f'href="#{anchor}"') for anchor in referred)
    assert html.count(escape(CLAUSES["note-2-tomograms"].text)) == 1


def test_reasons_are_folded_under_the_why_which_keeps_the_first_reason(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    for number, deposition in enumerate(result.plan["depositions"], start=1):
        step = section(html, f"step-{number}")
        why = step[step.index("<strong>Why:</strong>") : step.index("<summary>Why, with the policy’s words")]
        assert escape(deposition["reasons"][0]["why"]) in why
        assert step.count("<summary>Why, with the policy’s words</summary>") == 1
        assert "<details open" not in step


def test_refused_datasets_say_why_and_what_to_do_instead_and_the_rest_of_the_plan_stays(client, five_dataset_study):
    result, _ = result_create(answers=five_dataset_study)

    html = page_of(client, result)

    refused = section(html, "not-accepted-mri")
    assert "mri cannot be deposited at EBI" in refused
    assert_text_in(refused, result.plan["not_accepted"][0]["instead"])
    assert_text_in(refused, CLAUSES["background-patient"].text)
    assert len(task_list(html)) == len(result.plan["depositions"])


def test_a_study_with_nothing_depositable_still_explains_why(client):
    result, _ = result_create(answers={"datasets": [{"id": "mri", "modality": "other", "patient_identifiable": True}]})

    html = page_of(client, result)

    assert task_list(html) == []
    assert "mri cannot be deposited at EBI" in html
    assert_text_in(html, result.plan["notes"][0]["text"])
    assert result.plan["notes"][0]["text"].startswith("Nothing of this study can be deposited at EBI")


def test_the_answers_are_shown_with_the_vocabularys_labels(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    answers = html[html.index('<details class="details fold answers" id="answers">') : html.index('id="contacts"')]
    assert MODALITY.label("electron_microscopy") in answers
    assert EM_METHOD.label("single_particle") in answers
    assert SCREEN_TYPE.label("genetic") in answers
    assert "single_particle" not in answers
    assertInHTML('<h4 class="summary-card__title">fib-sem</h4>', answers)
    assertInHTML(
        '<tr class="summary-list__row"><th class="summary-list__key" scope="row">Correlative group 1</th>'
        '<td class="summary-list__value">fib-sem, lm, scan</td></tr>',
        answers,
    )


def test_the_page_shows_the_policys_edition_date_contacts_and_a_visible_link(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    link = f"http://testserver/r/{result.pk}/"
    assertInHTML(f'<a href="{link}" class="link--url" data-share-link>{link}</a>', html)
    assertInHTML(
        '<button type="button" class="button button--secondary button--small" data-copy-link hidden>Copy link</button>',
        html,
    )
    made = re.search(r'<p class="body-s result-made">(.*?)</p>', html).group(1)
    assert made == (
        f"Made on {result.created_at:%-d %B %Y} under the policy “Image archiving at EBI”, November 2026 edition."
    )
    lead = re.search(r'<p class="lead">(.*?)</p>', html).group(1)
    assert lead.startswith("Make these 6 depositions in this order: later steps cite the accessions of earlier ones.")
    assert html.count(result.policy_version) == 1  # the fingerprint only in the page's last line
    assert html.index(result.policy_version) > html.index('id="contacts"')
    for contact in result.plan["contacts"]:
        assertInHTML(f'<a href="mailto:{contact}">{contact}</a>', html)
    assert 'src="/static/js/app.js"' in html


def test_steps_that_cite_nothing_are_not_said_to(client):
    result, _ = result_create(
        answers={
            "datasets": [
                {"id": "lm", "modality": "light_microscopy"},
                {"id": "em", "modality": "electron_microscopy", "em_method": "volume_em"},
            ]
        }
    )

    html = page_of(client, result)

    assertInHTML('<p class="lead">Make these 2 depositions in this order.</p>', html)


def test_a_single_deposition_is_one_deposition(client, light_only_study):
    result, _ = result_create(answers=light_only_study)

    html = page_of(client, result)

    assertInHTML('<p class="lead">Make this one deposition.</p>', html)
    assert "1 depositions" not in html


def test_change_answers_opens_the_wizard_prefilled_with_this_results_answers(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)
    prefill = reverse("wizard-prefill", args=[result.pk])

    assertInHTML(f'<a href="{prefill}" class="button button--secondary button--small">Change answers</a>', html)
    assert html.count(f'href="{prefill}"') == 2  # at the top, and under the answers


def test_the_page_links_its_downloads(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    for name in ("result-json", "result-markdown"):
        assert f'href="{reverse(name, args=[result.pk])}"' in html
    for slug in ("accessions", "registrations", "bia-step-5-file-list-screen", "bia-step-6-file-list-correlation"):
        assert f'href="{reverse("result-template", args=[result.pk, slug])}"' in html


def test_each_bioimage_archive_step_links_a_starter_file_list_per_study_component(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    for number, deposition in enumerate(result.plan["depositions"], start=1):
        for dataset in deposition["datasets"]:
            file_list = reverse("result-template", args=[result.pk, f"bia-step-{number}-file-list-{dataset}"])
            assert (f'href="{file_list}"' in section(html, f"step-{number}")) == (deposition["archive"] == "bia")


def test_the_picture_is_server_rendered_svg_in_two_layouts_with_a_text_alternative(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert [re.search(r'plan-picture__svg--(\w+)"', svg).group(1) for svg in svgs] == ["wide", "narrow"]
    for svg in svgs:
        assert 'role="img"' in svg
        assert "scan cannot be deposited at EBI." in svg
        assert "plan-picture__box--refused" in svg
        assert "<script" not in svg
    assert svgs[0].count('class="plan-picture__dash"') >= len(result.plan["linking"])
    assert 'class="plan-picture__dash"' not in svgs[1]
    assert "style=" not in html


def test_downloads_and_the_policys_links_are_marked_as_downloads_and_sources(client, full_study):
    result, _ = result_create(answers=full_study)

    html = page_of(client, result)

    for name in ("result-json", "result-markdown"):
        assert f'<a href="{reverse(name, args=[result.pk])}" download>' in html
    assert f'<a href="/policy/#rule-1">{CLAUSES["rule-1"].title}</a>' in html


def test_the_result_page_is_one_query(client, full_study, django_assert_num_queries):
    result, _ = result_create(answers=full_study)

    with django_assert_num_queries(1):
        client.get(reverse("result", args=[result.pk]))


@pytest.mark.parametrize("result_id", ["A" * 22, "short", "x" * 40, "not%20an%20id", "-_-_-_-_-_-_-_-_-_-_-_"])
def test_unknown_and_malformed_ids_get_the_same_helpful_404(client, result_id):
    reference = client.get(reverse("result", args=["B" * 22]))

    response = client.get(f"/r/{result_id}/")

    assert response.status_code == 404
    assert response.content == reference.content
    assertContains(response, "We cannot find a plan at this link", status_code=404)


def test_a_stored_result_renders_identically_under_a_new_policy_version(client, full_study, monkeypatch):
    result, _ = result_create(answers=full_study)
    before = page_of(client, result)

    monkeypatch.setattr("policy.results.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setattr("policy.engine.planner.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setitem(CLAUSES, "rule-1", Clause("rule-1", "Rule 1, reworded", "EMPIAR takes other things now."))
    monkeypatch.setitem(ARCHIVES, "bia", replace(ARCHIVES["bia"], name="Renamed Archive", url="https://example.org/"))
    after = page_of(client, Result.objects.get(pk=result.pk))

    assert after == before
    assert "Renamed Archive" not in after


def test_a_changed_plan_shows_a_banner_and_otherwise_the_same_page(client, full_study, monkeypatch):
    result, _ = result_create(answers=full_study)
    before = page_of(client, result)
    assertNotContains(client.get(reverse("result", args=[result.pk])), "The policy has changed")

    monkeypatch.setattr("policy.results.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setattr("policy.engine.planner.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setattr("policy.engine.rules.PRESUBMISSION_CONTACT", "new-contact@ebi.ac.uk")
    after = page_of(client, Result.objects.get(pk=result.pk))

    assert "The policy has changed since this plan was made" in after
    assert f'action="{reverse("result-update", args=[result.pk])}"' in after
    assert without_policy_change_banner(after) == without_policy_change_banner(before)
    assert "new-contact@ebi.ac.uk" not in without_policy_change_banner(after)


def test_the_updated_plan_is_a_new_result_and_the_old_one_is_untouched(client, full_study, monkeypatch):
    result, _ = result_create(answers=full_study)
    monkeypatch.setattr("policy.results.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setattr("policy.engine.planner.POLICY_VERSION", NEW_VERSION)
    monkeypatch.setattr("policy.engine.rules.PRESUBMISSION_CONTACT", "new-contact@ebi.ac.uk")

    response = client.post(reverse("result-update", args=[result.pk]))

    updated = Result.objects.exclude(pk=result.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("result", args=[updated.pk])
    assert updated.policy_version == NEW_VERSION
    assert "new-contact@ebi.ac.uk" in updated.plan["contacts"]
    assert Result.objects.get(pk=result.pk).plan == result.plan
    assert "The policy has changed" not in page_of(client, updated)


def test_answers_the_current_policy_rejects_get_a_banner_to_start_again(client, light_only_study):
    old_answers = {"publication": True, "datasets": [{"id": "a", "modality": "holography"}]}
    plan = plan_for(light_only_study)
    result = Result.objects.create(
        answers=old_answers,
        plan=plan,
        texts=texts_collect(plan=plan, answers=old_answers),
        policy_version="2025-01+0123456789",
        answers_digest=answers_digest(old_answers),
    )

    html = page_of(client, result)

    assert "The current policy asks different questions" in html
    assert f'href="{reverse("start")}"' in html
    assert reverse("result-update", args=[result.pk]) not in html
    assert "holography" in html
    assert client.post(reverse("result-update", args=[result.pk]))["Location"] == reverse("start")


PAGES_CACHE_IN_PRODUCTION = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "result-page-test",
    "TIMEOUT": None,
}


@pytest.fixture
def pages_cached(settings):
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "pages": PAGES_CACHE_IN_PRODUCTION}
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_cached_result_page_is_the_page_rendered_afresh(client, full_study, settings):
    result, _ = result_create(answers=full_study)
    afresh = page_of(client, result)
    settings.CACHES = {**settings.CACHES, "pages": PAGES_CACHE_IN_PRODUCTION}

    first, cached = page_of(client, result), page_of(client, result)

    assert first == afresh
    assert cached == afresh


def test_result_page_is_rendered_once_per_process_and_link(client, full_study, pages_cached):
    result, _ = result_create(answers=full_study)

    page_of(client, result)
    page_of(client, result)
    client.get(reverse("result", args=[result.pk]), HTTP_HOST="localhost")

    # Two fragments (before and after the accessions section, which varies with its query string), each once per
    # link: testserver and localhost.
    keys = [key for key in pages_cached._cache if "result-page" in key]
    assert len(keys) == 4
    assert len([key for key in keys if "result-page-end" in key]) == 2


def test_a_page_served_from_the_cache_builds_nothing(client, full_study, pages_cached, monkeypatch):
    result, _ = result_create(answers=full_study)
    built = []

    def result_page_counted(**kwargs):
        built.append(kwargs["result"].pk)
        return result_page(**kwargs)

    monkeypatch.setattr("policy.views.result.result_page", result_page_counted)

    first, cached = page_of(client, result), page_of(client, result)

    assert cached == first
    assert built == [result.pk]
