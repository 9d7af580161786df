"""The plan as a machine-actionable data management plan: RDA DMP Common Standard, JSON schema 1.2, so that DMP
tools (DMPTool, DMPonline, Argos, the Data Stewardship Wizard) can import it.

One `dataset` per dataset of the study, with `personal_data` and `sensitive_data`; one `distribution` per
deposition of that dataset, whose `host` is the archive.
"""

from collections.abc import Mapping
from datetime import datetime

from policy.engine.vocabulary import ENUMERATIONS
from policy.kit.accessions import AccessionsEntered
from policy.presenters.plan import archive_present

LANGUAGE = "eng"
CONTROLLED_ACCESS = {"ega"}
# Registry identifiers we can cite, written into the host's description (schema 1.2 has no field for them).
HOST_REGISTRY_IDS = {"empiar": "FAIRsharing.dff3ef"}  # https://bioregistry.io/empiar
PLACEHOLDER = "FILL IN"
LABELS = {enumeration.name: enumeration for enumeration in ENUMERATIONS}


def _label(field: str, value: str, texts: Mapping) -> str:
    stored = texts.get("labels", {}).get(field, {}).get(value)
    if stored is not None:
        return stored
    enumeration = LABELS.get(field)
    try:
        return enumeration.label(value) if enumeration is not None else value
    except KeyError:
        return value


# Answers that say a dataset holds data about people.
PERSONAL_DATA_ANSWERS = ("medical_imaging", "human_controlled_access")


def _personal(dataset: Mapping) -> str:
    return "yes" if any(dataset.get(name) is True for name in PERSONAL_DATA_ANSWERS) else "no"


def _distribution(deposition: Mapping, dataset_id: str, texts: Mapping, accessions: tuple[str, ...]) -> dict:
    archive = archive_present(code=deposition["archive"], texts=texts)
    what = "; ".join(item["what"] for item in deposition["contents"] if dataset_id in item["datasets"])
    accession_text = f"Accession: {', '.join(accessions)}." if accessions else "Accession: not yet known."
    host = {"title": archive.name, "url": archive.url or deposition.get("submit_url", "")}
    if deposition["archive"] in HOST_REGISTRY_IDS:
        host["description"] = f"FAIRsharing: {HOST_REGISTRY_IDS[deposition['archive']]}"
    return {
        "title": f"{archive.name}: {what or dataset_id}",
        "description": f"Deposited through: {deposition['route']}. {accession_text}",
        "data_access": "shared" if deposition["archive"] in CONTROLLED_ACCESS else "open",
        "host": host,
    }


def _dataset(dataset: Mapping, plan: Mapping, texts: Mapping, accessions: AccessionsEntered) -> dict:
    dataset_id = dataset["id"]
    personal = _personal(dataset)
    entry = {
        "title": f"{dataset_id}: {_label('modality', dataset['modality'], texts)}",
        "dataset_id": {"identifier": dataset_id, "type": "other"},
        "type": "image",
        "personal_data": personal,
        "sensitive_data": personal,
        "distribution": [
            _distribution(deposition, dataset_id, texts, accessions.of(deposition["key"]))
            for deposition in plan["depositions"]
            if dataset_id in deposition["datasets"]
        ],
    }
    refused = next((item for item in plan["not_accepted"] if item["dataset"] == dataset_id), None)
    if refused is not None:
        entry["description"] = "This dataset cannot be deposited at EBI."
        if refused.get("instead"):
            entry["security_and_privacy"] = [{"title": "Not deposited at EBI", "description": refused["instead"]}]
    return entry


def madmp_build(
    *, url: str, created: datetime, plan: Mapping, answers: Mapping, texts: Mapping, accessions: AccessionsEntered
) -> dict:
    """The maDMP document of a stored result (`url`: its permanent link, the DMP's identifier)."""
    stamp = created.isoformat()
    personal = any(_personal(dataset) == "yes" for dataset in answers["datasets"])
    dmp = {
        "title": "Deposition plan for the images behind a publication, at EMBL-EBI",
        "description": f"Where and how to deposit each dataset, made by depositwizard under policy version "
        f"{plan['policy_version']}. The full plan, with the reasons for each step: {url}",
        "language": LANGUAGE,
        "created": stamp,
        "modified": stamp,
        "dmp_id": {"identifier": url, "type": "url"},
        "contact": {
            "name": f"{PLACEHOLDER}: the person to contact about this plan",
            "mbox": "fill-in@example.org",
            "contact_id": {"identifier": f"{PLACEHOLDER}: their ORCID iD", "type": "orcid"},
        },
        "ethical_issues_exist": "yes" if personal else "unknown",
        "dataset": [_dataset(dataset, plan, texts, accessions) for dataset in answers["datasets"]],
    }
    if personal:
        dmp["ethical_issues_description"] = (
            "The study includes data about people (patient medical imaging, or human data under controlled access): "
            "see each dataset's personal_data and sensitive_data."
        )
    return {"dmp": dmp}
