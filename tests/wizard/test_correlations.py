"""Correlative groups: asked for two or more datasets, the groups revealed by "Yes"."""

import pytest

from tests.builders import FIB, LM, SXT
from tests.wizard.journeys import (
    correlations_answer,
    dataset_post,
    form_post,
    step_post,
    study_started,
    text,
)

pytestmark = pytest.mark.django_db


def test_correlations_are_asked_only_for_two_or_more_datasets(client):
    study_started(client, datasets=[LM])
    assert step_post(client, "datasets")["Location"] == "/study/check/"
    dataset_post(client, FIB)
    assert step_post(client, "datasets")["Location"] == "/study/correlations/"


def test_the_groups_name_each_dataset_with_how_it_was_made_and_wait_for_yes(client):
    study_started(client, datasets=[LM, FIB])
    page = text(client.get("/study/correlations/"))
    assert "registered together" in page
    assert 'value="lm"' in page
    assert "Electron microscopy, Volume EM" in page
    assert 'class="conditional correlation-groups conditional--hidden"' in page
    assert 'data-reveal-when="correlations-correlated=yes"' in page
    assert "Only if you answered yes" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select yes if any of these datasets"),
        ({"correlations-correlated": "yes"}, "Tick at least two datasets"),
        ({"correlations-correlated": "yes", "correlations-group_1": ["lm"]}, "needs at least two datasets"),
        ({"correlations-correlated": "yes", "correlations-group_1": ["lm", "ghost"]}, "Tick only the datasets listed"),
        ({"correlations-correlated": "perhaps"}, "Select one of the options offered"),
    ],
)
def test_correlations_bad_input(client, data, message):
    study_started(client, datasets=[LM, FIB])
    response = step_post(client, "correlations", data)
    assert response.status_code == 200
    assert message in text(response)


def test_add_another_group_and_overlapping_groups(client):
    study_started(client, datasets=[LM, FIB, SXT])
    response = step_post(
        client,
        "correlations",
        {"correlations-correlated": "yes", "correlations-group_1": ["lm", "fib"], "correlations-add_group": "1"},
    )
    assert response.status_code == 200
    assert "Correlative group 2" in text(response)
    assert "error-summary" not in text(response)
    assert "<title>Error" not in text(response)
    assert "correlations" not in client.session["study"]["answers"]
    assert correlations_answer(client, [["lm", "fib"], ["lm", "sxt"]])["Location"] == "/study/check/"
    assert client.session["study"]["answers"]["correlations"] == [["lm", "fib"], ["lm", "sxt"]]
    page = text(client.get("/study/correlations/"))
    assert "Correlative group 2" in page
    assert 'class="conditional correlation-groups"' in page


def test_answering_no_forgets_ticked_groups(client):
    study_started(client, datasets=[LM, FIB])
    step_post(client, "correlations", {"correlations-correlated": "no", "correlations-group_1": ["lm", "fib"]})
    assert client.session["study"]["answers"]["correlations"] == []


def test_a_stale_tab_cannot_store_groups_naming_a_dataset_another_tab_removed(client):
    """Two tabs share one study; each POST is judged against the study as it is now."""
    study_started(client, datasets=[LM, FIB, SXT])
    form_post(client, "/study/datasets/sxt/remove/")  # the other tab
    response = correlations_answer(client, [["lm", "sxt"]])
    assert response.status_code == 200
    assert "Tick only the datasets listed" in text(response)
