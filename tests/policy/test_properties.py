"""Whatever valid study is planned, its picture and its exports hold together."""

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings

from policy.engine import answers_validate, plan_for
from policy.presenters.answers import answers_present
from policy.presenters.downloads import template_render, templates_offered
from policy.presenters.picture import BOX_HEIGHT, plan_picture
from policy.presenters.plan import plan_present
from policy.results import result_create, texts_collect
from policy.stored_result import stored_result_read
from tests.strategies import studies


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(studies())
# Data that is not images and fits no repository the plan names: neither placed nor refused, still described.
@example({"answers_version": 4, "datasets": [{"id": "0", "modality": "non_image", "data_type": "other"}]})
def test_the_picture_draws_every_dataset_archive_and_link_inside_its_frame(answers):
    plan = plan_for(answers)
    canonical = answers_validate(answers).answers()
    texts = texts_collect(plan=plan, answers=canonical)
    shown = plan_present(stored=stored_result_read(plan=plan, answers=canonical, texts=texts))

    pictures = plan_picture(plan=shown, dataset_ids=[dataset["id"] for dataset in canonical["datasets"]])

    for picture in (pictures.wide, pictures.narrow):
        boxes = picture.datasets + picture.archives + picture.links
        assert sorted(box.full_label for box in picture.datasets) == sorted(d["id"] for d in canonical["datasets"])
        assert len(picture.arrows) == len(
            {(dataset, d["archive"]) for d in plan["depositions"] for dataset in d["datasets"]}
        )
        assert all(
            box.x >= 0 and box.right <= picture.width and (box.y + BOX_HEIGHT) <= picture.height for box in boxes
        )
        for line in picture.arrows + picture.dashes:
            assert all(0 <= x <= picture.width for x in (line.x1, line.x2))
            assert all(0 <= y <= picture.height for y in (line.y1, line.y2))
    assert len(pictures.wide.links) == len(plan["linking"])
    assert len(pictures.description) >= len(canonical["datasets"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(studies())
def test_every_template_offered_is_a_rectangular_tsv_and_every_answer_has_a_row(answers):
    plan = plan_for(answers)
    canonical = answers_validate(answers).answers()
    texts = texts_collect(plan=plan, answers=canonical)
    stored = stored_result_read(plan=plan, answers=canonical, texts=texts)
    shown = plan_present(stored=stored)

    for template in templates_offered(plan=shown, stored=stored):
        # Read as a spreadsheet reads it: UTF-8 after the byte-order mark of the files people open.
        text = template_render(template=template, plan=shown).removeprefix("\ufeff")
        rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
        assert rows[0] == [name for name, _ in template.columns]
        assert len(rows) >= 2
        assert {len(row) for row in rows} == {len(template.columns)}

    summary = answers_present(answers=canonical, words=texts)
    for dataset, shown in zip(canonical["datasets"], summary.datasets, strict=True):
        assert len(shown.rows) == len(dataset) - 1  # every answered field but the label


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(studies())
def test_every_valid_study_stores_and_renders_its_page_and_downloads(client, answers):
    result, _ = result_create(answers=answers)

    page = client.get(reverse("result", args=[result.pk]))
    markdown = client.get(reverse("result-markdown", args=[result.pk]))

    assert page.status_code == 200
    assert markdown.status_code == 200
    html = page.content.decode()
    assert html.count('<section class="step" id="step-') == len(result.plan["depositions"])
    assert html.count('class="task-list__link" href="#step-') == len(result.plan["depositions"])
    assert markdown.content.decode().count(". [ ] ") == len(result.plan["depositions"])
