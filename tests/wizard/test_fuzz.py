"""Whatever a client posts to any wizard URL, the answer is a page or a redirect, never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policy.engine.questions import DATASET_QUESTIONS
from tests.wizard.journeys import study_started

pytestmark = pytest.mark.django_db

URLS = [
    "/study/publication/",
    "/study/datasets/",
    "/study/correlations/",
    "/study/check/",
    "/study/done/",
    "/study/datasets/new/",
    "/study/datasets/lm/change/",
    "/study/datasets/lm/remove/",
]
FIELDS = [question.field for question in DATASET_QUESTIONS] + [
    "study",
    "add_another",
    "publication-publication",
    "correlations-correlated",
    "correlations-group_1",
    "correlations-group_2",
    "correlations-group_100",
    "correlations-group_101",
    "correlations-add_group",
    "study-current_step",
    "check-revision",
    "wizard_goto_step",
]
values = st.one_of(
    st.sampled_from(["yes", "no", "lm", "fib", "electron_microscopy", "cryo_et", "many", "", "check", "done"]),
    st.text(max_size=50),
)
posts = st.dictionaries(st.sampled_from(FIELDS), st.one_of(values, st.lists(values, max_size=3)), max_size=8)


def posted(data: dict, field: str) -> str:
    """A field's value as the form reads it: the last of several values, without surrounding spaces."""
    value = data.get(field)
    if isinstance(value, list):
        value = value[-1] if value else None
    return (value or "").strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(URLS), data=posts, htmx=st.booleans(), own_study=st.booleans())
@example(url="/study/publication/", data={"study-current_step": [""]}, htmx=False, own_study=True)
def test_no_post_is_a_server_error(url, data, htmx, own_study):
    """200 or a redirect; 400 for a step's form without formtools' management form; 409 for another study's."""
    client = study_started(
        Client(),
        datasets=[
            {"id": "lm", "modality": "light_microscopy"},
            {"id": "fib", "modality": "electron_microscopy", "em_method": "volume_em"},
        ],
    )
    if own_study:
        data = {**data, "study": client.session["study"]["id"]}
    headers = {"HX-Request": "true", "HX-Target": "wizard"} if htmx else {}
    response = client.post(url, data, headers=headers)
    assert response.status_code in {200, 302, 400, 409}
    if response.status_code == 400:
        assert not posted(data, "study-current_step")
    if data.get("study") != client.session["study"]["id"]:
        assert response.status_code in {302, 409}
    assert client.get("/study/check/").status_code in {200, 302}
