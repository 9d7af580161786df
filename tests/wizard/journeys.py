"""Drive the wizard with the Django test client, as a depositor's browser would without JavaScript.

Every wizard form posts the study its page shows (`study`) and, on a step, formtools' management form: these
helpers add both, as the page would.
"""

import re
from collections.abc import Mapping
from typing import Any

from django.test import Client

from tests.builders import dataset_as_stored

DATASET_ADD = "/study/datasets/new/"


def form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def text(response) -> str:
    return response.content.decode()


def study_id(client: Client) -> str:
    """The study in progress, or before the first answer the study the first question offers (its page's form
    posts it; the session keeps nothing until then)."""
    if "study" in client.session:
        return client.session["study"]["id"]
    return offered_study_id(client.get("/study/publication/"))


def offered_study_id(response) -> str:
    return re.search(r'<input type="hidden" name="study" value="([^"]+)">', text(response)).group(1)


def form_post(client: Client, url: str, data: Mapping[str, Any] | None = None, **kwargs):
    """POST as a page of the study in progress would."""
    return client.post(url, {"study": study_id(client), **(data or {})}, **kwargs)


def step_post(client: Client, step: str, data: Mapping[str, Any] | None = None, *, query: str = "", **kwargs):
    """POST a step's form, with formtools' management form ("study-current_step")."""
    url = f"/study/{step}/" + (f"?{query}" if query else "")
    return form_post(client, url, {"study-current_step": step, **(data or {})}, **kwargs)


def publication_answer(client: Client, publication: bool = True):
    return step_post(client, "publication", {"publication-publication": form_value(publication)})


def dataset_data(dataset: Mapping[str, Any]) -> dict:
    """Every question asked for the dataset (none other), as its page posts them."""
    return {field: form_value(value) for field, value in dataset_as_stored(dataset).items()}


def dataset_post(
    client: Client, dataset: Mapping[str, Any], *, url: str = DATASET_ADD, add_another: bool = False, **kwargs
):
    """ "Save and continue" (or "Save and add another dataset") on a dataset's page."""
    data = {**dataset_data(dataset), **({"add_another": "1"} if add_another else {})}
    return form_post(client, url, data, **kwargs)


def correlations_answer(client: Client, groups: list[list[str]], *, query: str = ""):
    data: dict[str, Any] = {"correlations-correlated": "yes" if groups else "no"}
    for number, group in enumerate(groups, start=1):
        data[f"correlations-group_{number}"] = list(group)
    return step_post(client, "correlations", data, query=query)


def check_confirm(client: Client, *, revision: int | None = None):
    """ "Get your deposition plan", from the Check page as last shown (its revision), or an older one."""
    shown = client.session["study"]["revision"] if revision is None else revision
    return step_post(client, "check", {"check-revision": shown})


def study_started(client: Client, *, datasets=(), publication: bool = True) -> Client:
    """A depositor who pressed "Start now", answered the publication question and added these datasets."""
    assert client.get("/study/publication/").status_code == 200
    assert publication_answer(client, publication).status_code == 302
    for dataset in datasets:
        response = dataset_post(client, dataset)
        assert response.status_code == 302, response.content.decode()[:2000]
    return client


def study_enter(client: Client, answers: Mapping[str, Any]):
    """Answer every step for a valid study; returns the final response (the redirect to the result)."""
    study_started(client, datasets=answers["datasets"], publication=answers.get("publication", True))
    if len(answers["datasets"]) >= 2:
        response = correlations_answer(client, answers.get("correlations", []))
        assert response.status_code == 302, response.content.decode()[:2000]
    return check_confirm(client)
