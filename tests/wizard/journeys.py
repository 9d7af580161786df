"""Drive the wizard with the Django test client, as a depositor's browser would without JavaScript."""

from collections.abc import Mapping
from typing import Any

from django.test import Client

from policy.engine.questions import questions_asked_for

NO_BY_DEFAULT = ("patient_medical", "human_tissue", "subtomogram_average", "atomic_model")


def form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def dataset_post(client: Client, dataset: Mapping[str, Any], *, url: str = "/study/datasets/new/"):
    """Post every question asked for the dataset (none other), as the dataset page would."""
    # Questions a test's dataset leaves out are answered "no", as the contract's defaults would.
    dataset = {**dict.fromkeys(NO_BY_DEFAULT, False), **dataset}
    data = {question.field: form_value(dataset[question.field]) for question in questions_asked_for(dataset)}
    return client.post(url, data)


def study_enter(client: Client, answers: Mapping[str, Any]):
    """Answer every step for a valid study; returns the final response (the redirect to the result)."""
    assert client.get("/study/").status_code == 302
    client.post("/study/publication/", {"publication-publication": form_value(answers.get("publication", True))})
    for dataset in answers["datasets"]:
        response = dataset_post(client, dataset)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert client.post("/study/datasets/", {}).status_code == 302
    if len(answers["datasets"]) >= 2:
        data = {"correlations-correlated": "yes" if answers.get("correlations") else "no"}
        for number, group in enumerate(answers.get("correlations", []), start=1):
            data[f"correlations-group_{number}"] = list(group)
        response = client.post("/study/correlations/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
    return client.post("/study/check/", {})
