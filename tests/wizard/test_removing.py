"""Removing a dataset: asked first (a page without JavaScript, the list with htmx), naming its place in correlative
groups; once removed, the list says what went."""

import pytest

from tests.builders import FIB, LM, SXT
from tests.wizard.journeys import correlations_answer, dataset_post, form_post, study_started, text

pytestmark = pytest.mark.django_db

IN_THE_LIST = {"HX-Request": "true", "HX-Target": "dataset-list"}


def labels(client) -> list[str]:
    return [dataset["id"] for dataset in client.session["study"]["answers"]["datasets"]]


def test_remove_is_a_link_to_a_question_that_removes_nothing(client):
    study_started(client, datasets=[LM, FIB])
    page = text(client.get("/study/datasets/"))
    assert '<a href="/study/datasets/lm/remove/"' in page
    revision = client.session["study"]["revision"]

    response = client.get("/study/datasets/lm/remove/")

    page = text(response)
    assert response.status_code == 200
    assert "<title>Are you sure you want to remove lm? – depositwizard</title>" in page
    assert '<h1 class="heading-xl" tabindex="-1">Are you sure you want to remove lm?</h1>' in page
    assert "lm: Light microscopy." in page
    assert "It is in no correlative group." in page
    assert 'action="/study/datasets/lm/remove/"' in page
    assert "Yes, remove lm" in page
    assert '<a href="/study/datasets/" class="remove-confirmation__keep">No, keep lm</a>' in page
    assert labels(client) == ["lm", "fib"]
    assert client.session["study"]["revision"] == revision


@pytest.mark.parametrize(
    ("groups", "named"),
    [
        (
            [["lm", "fib", "sxt"]],
            ["It is also in correlative group 1, with fib and sxt: that group will keep fib and sxt."],
        ),
        (
            [["fib", "sxt"], ["lm", "fib"]],
            ["It is also in correlative group 2, with fib: that group will go, as one dataset is not a group."],
        ),
        (
            [["lm", "sxt"], ["lm", "fib", "sxt"]],
            [
                "It is also in correlative group 1, with sxt: that group will go, as one dataset is not a group.",
                "It is also in correlative group 2, with fib and sxt: that group will keep fib and sxt.",
            ],
        ),
    ],
)
def test_the_question_names_each_group_the_dataset_is_in_and_what_becomes_of_it(client, groups, named):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, groups)
    page = text(client.get("/study/datasets/lm/remove/"))
    for line in named:
        assert line in page
    assert "It is in no correlative group." not in page


def test_while_the_groups_are_asked_again_it_names_the_groups_kept_for_them(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [["lm", "fib"]])
    dataset_post(client, SXT)  # the correlations are asked again, the group kept for the page to start from
    page = text(client.get("/study/datasets/fib/remove/"))
    assert "It is also in correlative group 1, with lm: that group will go" in page


def test_yes_removes_it_and_the_list_says_what_went(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "fib"], ["lm", "sxt"]])

    response = form_post(client, "/study/datasets/lm/remove/")

    assert response["Location"] == "/study/datasets/"
    assert labels(client) == ["fib", "sxt"]
    page = text(client.get("/study/datasets/"))
    assert 'class="notification-banner notification-banner--success" role="alert"' in page
    assert "lm was removed from your study, and from correlative groups 1 and 2." in page
    # Said once: the next page has no notice.
    assert "was removed from your study" not in text(client.get("/study/datasets/"))


def test_a_dataset_in_no_group_is_said_removed(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/remove/")
    assert "lm was removed from your study." in text(client.get("/study/datasets/"))


def test_a_dataset_no_longer_in_the_study_goes_back_to_the_list(client):
    """A replayed "Yes" (a double click), or a question left open while another window removed it."""
    study_started(client, datasets=[LM, FIB])
    form_post(client, "/study/datasets/lm/remove/")
    text(client.get("/study/datasets/"))
    revision = client.session["study"]["revision"]
    assert form_post(client, "/study/datasets/lm/remove/")["Location"] == "/study/datasets/"
    assert client.get("/study/datasets/lm/remove/")["Location"] == "/study/datasets/"
    assert client.session["study"]["revision"] == revision
    assert "was removed" not in text(client.get("/study/datasets/"))


def test_with_htmx_the_question_comes_in_the_list_under_its_row(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [["lm", "fib"]])
    page = text(client.get("/study/datasets/"))
    assert 'hx-get="/study/datasets/lm/remove/" hx-target="#dataset-list"' in page

    response = client.get("/study/datasets/lm/remove/", headers=IN_THE_LIST)

    page = text(response)
    assert page.lstrip().startswith('<div id="dataset-list">')
    assert "HX-Push-Url" not in response
    assert '<h2 class="heading-m" id="remove-question" tabindex="-1" data-focus-after-swap>' in page
    assert "Are you sure you want to remove lm?" in page
    assert "It is also in correlative group 1, with fib: that group will go" in page
    assert 'hx-post="/study/datasets/lm/remove/" hx-target="#dataset-list"' in page
    assert 'hx-get="/study/datasets/" hx-target="#dataset-list"' in page
    # Focus goes to the question, not to the count above it.
    assert page.count("data-focus-after-swap") == 1
    assert labels(client) == ["lm", "fib"]


def test_with_htmx_yes_swaps_the_list_with_its_notice(client):
    study_started(client, datasets=[LM, FIB])
    response = form_post(client, "/study/datasets/fib/remove/", headers=IN_THE_LIST, follow=True)
    page = text(response)
    assert page.lstrip().startswith('<div id="dataset-list">')
    assert "fib was removed from your study." in page
    assert "You have added 1 dataset." in page
    assert "HX-Push-Url" not in response


def test_the_question_outside_the_list_is_a_whole_region_for_htmx(client):
    """From the list above a new dataset's page, "Remove" opens the question in the wizard region, with its URL."""
    study_started(client, datasets=[LM])
    page = text(client.get("/study/datasets/new/"))
    assert '<a href="/study/datasets/lm/remove/">Remove' in page
    response = client.get("/study/datasets/lm/remove/", headers={"HX-Request": "true", "HX-Target": "wizard"})
    assert response["HX-Push-Url"] == "/study/datasets/lm/remove/"
    assert "<h1" in text(response)
    assert "hx-post" not in text(response)
