"""The plan as a machine-actionable data management plan: RDA DMP Common Standard, JSON schema 1.2, so that DMP
tools (DMPTool, DMPonline, Argos, the Data Stewardship Wizard) can import it.

One `dataset` per dataset of the study, with `personal_data` and `sensitive_data`; one `distribution` per
deposition of that dataset, whose `host` is the archive; none for a dataset that is not deposited. Accessions typed
back in become the dataset's identifiers. The fields the DMP tools import (the contact with an affiliation, the
project, each dataset's title, description and keywords, each distribution) hold what the plan knows; what it
cannot know (who the contact is, the project's title) is a value starting with PLACEHOLDER, which a DMP tool imports
as text that says what to write there, never as a person or a project it would take for real.
"""

import json
from collections.abc import Mapping
from datetime import datetime

from policy.accession_checks.states import Checks
from policy.engine.plan import Deposition, Refusal
from policy.engine.vocabulary import ENUMERATIONS
from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.accessions.links import accession_url
from policy.kit.scripts.empiar_submit import PLACEHOLDER
from policy.stored_result import StoredResult

LANGUAGE = "eng"
CONTROLLED_ACCESS = {"ega"}
# Registry records of a host that we can cite, as schema 1.2's `host.host_id`: EMPIAR's FAIRsharing record
# (https://bioregistry.io/empiar), written as a FAIRsharing DOI as the standard's maintainers advise
# (RDA-DMP-Common-Standard issue 144). Other archives get one when a record is checked for them.
HOST_IDS = {"empiar": ({"identifier": "https://doi.org/10.25504/FAIRsharing.dff3ef", "type": "doi"},)}
# The licence under which an archive releases what it holds, where the archive states one: EMPIAR, CC0
# (https://empiar.org/policies, policy/sources/ebi-archive-facts.md).
LICENCES = {"empiar": "https://creativecommons.org/publicdomain/zero/1.0/"}
UNKNOWN = "unknown"
# Schema 1.2 requires a contact with an e-mail address; the wizard does not know the depositor. A reserved domain
# (RFC 2606) that reaches no one.
PLACEHOLDER_MAILBOX = "fill-in@example.org"
# The contact as the DMP tools import it: DMPTool's API wants an affiliation; the Data Stewardship Wizard makes the
# contact a contributor, so its name says what to write rather than naming someone.
CONTACT = {
    "name": f"{PLACEHOLDER}: name of the person responsible for this plan",
    "mbox": PLACEHOLDER_MAILBOX,
    "contact_id": {"identifier": f"{PLACEHOLDER}: their ORCID iD", "type": "other"},
    "affiliation": [
        {
            "name": f"{PLACEHOLDER}: their organisation",
            # "other", not "ror": importers check a ror identifier's form, which a placeholder is not.
            "affiliation_id": {"identifier": f"{PLACEHOLDER}: its ROR ID", "type": "other"},
        }
    ],
}
LABELS = {enumeration.name: enumeration for enumeration in ENUMERATIONS}
# The answers that say what a dataset's data is, as keywords and in the project's description.
DESCRIBING_FIELDS = (
    "modality",
    "em_method",
    "volume_em_method",
    "xray_method",
    "omics_type",
    "data_type",
    "screen_type",
    "dimensionality",
)
CONTROLLED_ACCESS_TEXT = (
    "The sequencing data is deposited in the EGA under controlled access: researchers request access to the "
    "dataset from its Data Access Committee."
)


def _label(field: str, value: str, texts: Mapping) -> str:
    stored = texts.get("labels", {}).get(field, {}).get(value)
    if stored is not None:
        return stored
    enumeration = LABELS.get(field)
    try:
        return enumeration.label(value) if enumeration is not None else value
    except KeyError:
        return value


def _medical_imaging(dataset: Mapping) -> bool:
    # Answers contract v3 names it `medical_imaging`; results stored under v1 and v2 hold `patient_medical`.
    return dataset.get("medical_imaging") is True or dataset.get("patient_medical") is True


def _privacy(dataset: Mapping) -> str:
    """`personal_data` and `sensitive_data` of a dataset, the same for every dataset of the same kind: "yes" for
    data about people (medical imaging, data from samples of human participants), whatever the consent (consent to
    open release does not make data anonymous); "no" for the rest."""
    return "yes" if _human(dataset) else "no"


def _human(dataset: Mapping) -> bool:
    return _medical_imaging(dataset) or dataset.get("human_tissue") is True


def _consent_text(dataset: Mapping) -> str:
    """What the answers say about one dataset of data about people, for `ethical_issues_description`."""
    name = dataset["id"]
    if _medical_imaging(dataset):
        return f"{name}: medical imaging of people, which no EMBL-EBI archive accepts; it is not deposited there."
    parts = [f"{name}: samples from human participants"]
    data_open = dataset.get("human_data_open")
    if data_open is True:
        parts.append("the participants consented to open release of the data and their sample metadata")
    elif data_open is False:
        parts.append("the participants did not consent to open release of the data, which no open archive receives")
    else:
        parts.append(
            "whether the participants consented to open release of the data was not asked in the version of the "
            "questions these answers were given in"
        )
    controlled = dataset.get("human_controlled_access")
    if controlled is True:
        parts.append("the sequencing data stays under controlled access, since consent does not cover its open release")
    elif controlled is False:
        parts.append("the participants consented to open release of the sequencing data")
    return "; ".join(parts) + "."


def _identifier(archive: str, accession: str) -> dict:
    """An accession as an identifier: its DOI or resolvable link where it has one (policy.kit.accessions.links, the
    statement's links), else the accession itself."""
    url = accession_url(archive=archive, accession=accession)
    if not url:
        return {"identifier": accession, "type": "other"}
    return {"identifier": url, "type": "doi" if url.startswith("https://doi.org/") else "url"}


def _released(archive: str, accessions: tuple[str, ...], checks: Checks) -> list[str]:
    """The dates the archive gave for these accessions' release, where it answered that they are public."""
    answers = [(checks or {}).get((archive, accession)) for accession in accessions]
    return sorted(check.released for check in answers if check is not None and check.public and check.released)


def _distribution(
    deposition: Deposition,
    dataset_id: str,
    stored: StoredResult,
    accessions: tuple[str, ...],
    created: datetime,
    checks: Checks,
) -> dict:
    code = deposition.archive
    archive = stored.archive(code)
    what = "; ".join(item.what for item in deposition.contents if dataset_id in item.datasets)
    accession_text = f"Accession: {', '.join(accessions)}." if accessions else "Accession: not yet known."
    host: dict = {"title": archive.name, "url": archive.url or deposition.submit_url}
    if code in HOST_IDS:
        host["host_id"] = [dict(item) for item in HOST_IDS[code]]
    distribution: dict = {
        "title": f"{archive.name}: {what or dataset_id}",
        "description": f"Deposited through: {deposition.route}. {accession_text}",
        "data_access": "shared" if code in CONTROLLED_ACCESS else "open",
        "host": host,
    }
    access_url = accession_url(archive=code, accession=accessions[0]) if accessions else ""
    if access_url:
        distribution["access_url"] = access_url
    if code in LICENCES:
        # The licence applies from release: the date the archive gave, once checked; until then the schema's required
        # start date is the plan's date (docs/kit.md).
        start = next(iter(_released(code, accessions, checks)), created.date().isoformat())
        distribution["license"] = [{"license_ref": LICENCES[code], "start_date": start}]
    return distribution


def _dataset(
    dataset: Mapping, stored: StoredResult, accessions: AccessionsEntered, created: datetime, checks: Checks
) -> dict:
    dataset_id = dataset["id"]
    texts = stored.texts
    depositions = [deposition for deposition in stored.plan.depositions if dataset_id in deposition.datasets]
    typed = [
        (deposition.archive, accession) for deposition in depositions for accession in accessions.of(deposition.key)
    ]
    privacy = _privacy(dataset)
    entry: dict = {
        "title": f"{dataset_id}: {_label('modality', dataset['modality'], texts)}",
        # The first accession the dataset received identifies it; until then, the depositor's label.
        "dataset_id": _identifier(*typed[0]) if typed else {"identifier": dataset_id, "type": "other"},
        # The kind of data: images, or for data that is not images the kind the answers name.
        "type": dataset.get("data_type", "data") if dataset["modality"] == "non_image" else "image",
        "keyword": _keywords(dataset, texts),
        "personal_data": privacy,
        "sensitive_data": privacy,
    }
    if depositions:
        archives = dict.fromkeys(stored.archive(deposition.archive).name for deposition in depositions)
        entry["description"] = f"Deposited at EMBL-EBI in {', '.join(archives)}."
    released = sorted(
        date
        for deposition in depositions
        for date in _released(deposition.archive, accessions.of(deposition.key), checks)
    )
    if released:
        entry["issued"] = released[0]  # the first release of the dataset's data, as the archives answered
    if len(typed) > 1:
        entry["alternate_identifier"] = [_identifier(archive, accession) for archive, accession in typed[1:]]
    if depositions:
        entry["distribution"] = [
            _distribution(deposition, dataset_id, stored, accessions.of(deposition.key), created, checks)
            for deposition in depositions
        ]
    security: list[dict] = []
    if _human(dataset):
        security.append({"title": "Consent", "description": _consent_text(dataset)})
    if any(deposition.archive in CONTROLLED_ACCESS for deposition in depositions):
        security.append({"title": "Controlled access", "description": CONTROLLED_ACCESS_TEXT})
    refused = next((item for item in stored.plan.not_accepted if item.dataset == dataset_id), None)
    if refused is not None:
        entry["description"] = _not_deposited_text(refused, deposited=entry.get("description", ""))
        if refused.instead:
            security.append({"title": "Not deposited at EMBL-EBI", "description": refused.instead})
    if security:
        entry["security_and_privacy"] = security
    return entry


def _not_deposited_text(refused: Refusal, *, deposited: str) -> str:
    """Which part of the dataset is not deposited, after where the rest is (`deposited`, empty when nowhere)."""
    if not deposited:
        return "This dataset is not deposited at EMBL-EBI."
    withheld = "; ".join(refused.withheld) or "its images"
    return f"{deposited} Not deposited at EMBL-EBI: {withheld}."


def _keywords(dataset: Mapping, texts: Mapping) -> list[str]:
    """What the answers say a dataset's data is, in their words."""
    return [_label(field, dataset[field], texts) for field in DESCRIBING_FIELDS if isinstance(dataset.get(field), str)]


def _described(dataset: Mapping, texts: Mapping) -> str:
    return f"{dataset['id']} ({'; '.join(_keywords(dataset, texts))})"


def _project(answers: Mapping, texts: Mapping) -> dict:
    datasets = answers["datasets"]
    publication = "a publication" if answers.get("publication") is True else "no publication yet"
    return {
        "title": f"{PLACEHOLDER}: title of the project",
        "description": f"A study with {len(datasets)} image dataset{'s' if len(datasets) != 1 else ''} and "
        f"{publication}: {', '.join(_described(dataset, texts) for dataset in datasets)}.",
    }


def madmp_build(
    *, url: str, created: datetime, stored: StoredResult, accessions: AccessionsEntered, checks: Checks = None
) -> dict:
    """The maDMP document of a stored result (`url`: its permanent link, the DMP's identifier); with `checks` (what
    the archives answered about the accessions, by archive and accession), the dates of release they gave."""
    answers = stored.answers
    stamp = created.isoformat()
    human = [dataset for dataset in answers["datasets"] if _human(dataset)]
    about = "the images behind a publication" if answers.get("publication") is True else "a study's images"
    dmp = {
        "title": f"Deposition plan for {about}, at EMBL-EBI",
        "description": f"Where and how to deposit each dataset, made by depositwizard under policy version "
        f"{stored.plan.policy_version}. The full plan, with the reasons for each step: {url}",
        "language": LANGUAGE,
        "created": stamp,
        "modified": stamp,
        "dmp_id": {"identifier": url, "type": "url"},
        "contact": json.loads(json.dumps(CONTACT)),
        "project": [_project(answers, stored.texts)],
        "ethical_issues_exist": "yes" if human else UNKNOWN,
        "dataset": [_dataset(dataset, stored, accessions, created, checks) for dataset in answers["datasets"]],
    }
    if human:
        dmp["ethical_issues_description"] = "The study includes data about people. " + " ".join(
            _consent_text(dataset) for dataset in human
        )
    return {"dmp": dmp}
