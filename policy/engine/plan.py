"""The plan's shape: frozen dataclasses the planner builds, and the one translation between them and the JSON a
stored result keeps (`plan_as_json`, `plan_from_json`).

`plan_from_json` reads every plan ever stored: the current shape, and plan shape v2 as migration 0003 left the
first results (refusals without a scope, an empty `instead`). It never changes what a plan says; a stored plan's
JSON is served as it was stored, and the typed plan is what code reads.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# What a refusal leaves out: the whole dataset, or only its images (the rest of it is planned). Plans stored
# before refusals had a scope refused whole datasets.
SCOPE_DATASET = "dataset"
SCOPE_IMAGES = "images"


@dataclass(frozen=True, slots=True)
class Cited:
    """One reason of the plan: the clause it cites and one sentence of why."""

    clause: str
    why: str


@dataclass(frozen=True, slots=True)
class Content:
    """What a deposition carries: data of these datasets (correlation information names them all)."""

    datasets: tuple[str, ...]
    what: str
    optional: bool = False  # the policy says the data "can" go there, not that it must


@dataclass(frozen=True, slots=True)
class Deposition:
    """One submission to one archive, through one route."""

    key: str  # "emdb:tomo", "bia-imaging": the route key, then the dataset where the route takes one per dataset
    archive: str
    route: str  # the route's words: the submission system and template
    submit_url: str
    datasets: tuple[str, ...]
    contents: tuple[Content, ...]
    reasons: tuple[Cited, ...]

    @property
    def route_key(self) -> str:
        """The routing table's route (policy.engine.rules.ROUTES) this deposition takes: its key's first part. A
        result stored by an earlier release may name a route the table no longer has."""
        return self.key.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Linking:
    """Linking information (an image-omics link, correlation information, an accession cross-reference), done in
    one deposition (`performed_in`) and citing the accessions of others (`cites`)."""

    kind: str
    archive: str
    performed_in: str  # a deposition's key
    cites: tuple[str, ...]  # deposition keys
    datasets: tuple[str, ...]
    contents: tuple[str, ...]
    reasons: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Refusal:
    """A dataset, or its images, that no EBI archive accepts, and what to do instead."""

    dataset: str
    scope: str  # SCOPE_DATASET or SCOPE_IMAGES
    reasons: tuple[Cited, ...]
    instead: str  # empty in plans stored before refusals said what to do instead


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    reasons: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    policy_version: str
    answers_version: int
    depositions: tuple[Deposition, ...]  # in the order to deposit
    linking: tuple[Linking, ...]
    not_accepted: tuple[Refusal, ...]
    notes: tuple[Note, ...]
    contacts: tuple[str, ...]


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


STRINGS = _array({"type": "string"})
CITED_SCHEMA = _array(
    {
        "type": "object",
        "properties": {"clause": {"type": "string"}, "why": {"type": "string"}},
        "required": ["clause", "why"],
        "additionalProperties": False,
    }
)
# The plan as a result stores it and the API answers it: every plan ever stored fits (tests/policy/engine/test_plan.py
# checks the current engine's and every earlier stored shape), and GET /api/v1/plan-schema serves it.
PLAN_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "depositwizard deposition plan",
    "type": "object",
    "properties": {
        "policy_version": {"type": "string", "description": "the policy's edition and the engine's fingerprint"},
        "answers_version": {"type": "integer", "description": "the answers contract the plan was made under"},
        "depositions": _array(
            {
                "type": "object",
                "description": "one submission, in the order to deposit",
                "properties": {
                    "key": {"type": "string", "description": "the route, then the dataset where it takes one each"},
                    "archive": {"type": "string"},
                    "route": {"type": "string"},
                    "submit_url": {"type": "string"},
                    "datasets": STRINGS,
                    "contents": _array(
                        {
                            "type": "object",
                            "properties": {
                                "datasets": STRINGS,
                                "what": {"type": "string"},
                                "optional": {"type": "boolean"},
                            },
                            "required": ["datasets", "what", "optional"],
                            "additionalProperties": False,
                        }
                    ),
                    "reasons": CITED_SCHEMA,
                },
                "required": ["key", "archive", "route", "submit_url", "datasets", "contents", "reasons"],
                "additionalProperties": False,
            }
        ),
        "linking": _array(
            {
                "type": "object",
                "properties": {
                    "kind": {"enum": ["omics_link", "correlation", "cross_reference"]},
                    "archive": {"type": "string"},
                    "in": {"type": "string", "description": "the key of the deposition that carries it"},
                    "cites": {**STRINGS, "description": "the keys of the depositions whose accessions it cites"},
                    "datasets": STRINGS,
                    "contents": STRINGS,
                    "reasons": CITED_SCHEMA,
                },
                "required": ["kind", "archive", "in", "cites", "datasets", "contents", "reasons"],
                "additionalProperties": False,
            }
        ),
        "not_accepted": _array(
            {
                "type": "object",
                "properties": {
                    "dataset": {"type": "string"},
                    "scope": {"enum": [SCOPE_DATASET, SCOPE_IMAGES], "description": "absent: the dataset"},
                    "reasons": CITED_SCHEMA,
                    "instead": {"type": "string", "description": "absent or empty in plans stored before it"},
                },
                "required": ["dataset", "reasons"],
                "additionalProperties": False,
            }
        ),
        "notes": _array(
            {
                "type": "object",
                "properties": {"text": {"type": "string"}, "reasons": CITED_SCHEMA},
                "required": ["text", "reasons"],
                "additionalProperties": False,
            }
        ),
        "contacts": STRINGS,
    },
    "required": ["policy_version", "answers_version", "depositions", "linking", "not_accepted", "notes", "contacts"],
    "additionalProperties": False,
}


def _cited_as_json(reasons: tuple[Cited, ...]) -> list[dict]:
    return [{"clause": reason.clause, "why": reason.why} for reason in reasons]


def _cited_from_json(reasons: list[Mapping]) -> tuple[Cited, ...]:
    return tuple(Cited(reason["clause"], reason["why"]) for reason in reasons)


def plan_as_json(plan: Plan) -> dict:
    """The plan as a result stores it and the API answers it."""
    return {
        "policy_version": plan.policy_version,
        "answers_version": plan.answers_version,
        "depositions": [
            {
                "key": deposition.key,
                "archive": deposition.archive,
                "route": deposition.route,
                "submit_url": deposition.submit_url,
                "datasets": list(deposition.datasets),
                "contents": [
                    {"datasets": list(content.datasets), "what": content.what, "optional": content.optional}
                    for content in deposition.contents
                ],
                "reasons": _cited_as_json(deposition.reasons),
            }
            for deposition in plan.depositions
        ],
        "linking": [
            {
                "kind": item.kind,
                "archive": item.archive,
                "in": item.performed_in,
                "cites": list(item.cites),
                "datasets": list(item.datasets),
                "contents": list(item.contents),
                "reasons": _cited_as_json(item.reasons),
            }
            for item in plan.linking
        ],
        "not_accepted": [
            {
                "dataset": refusal.dataset,
                "scope": refusal.scope,
                "reasons": _cited_as_json(refusal.reasons),
                "instead": refusal.instead,
            }
            for refusal in plan.not_accepted
        ],
        "notes": [{"text": note.text, "reasons": _cited_as_json(note.reasons)} for note in plan.notes],
        "contacts": list(plan.contacts),
    }


def plan_from_json(stored: Mapping[str, Any]) -> Plan:
    """The typed plan of a plan as stored, whichever release stored it."""
    return Plan(
        policy_version=stored["policy_version"],
        answers_version=stored["answers_version"],
        depositions=tuple(
            Deposition(
                key=item["key"],
                archive=item["archive"],
                route=item["route"],
                submit_url=item["submit_url"],
                datasets=tuple(item["datasets"]),
                contents=tuple(
                    Content(tuple(content["datasets"]), content["what"], content["optional"])
                    for content in item["contents"]
                ),
                reasons=_cited_from_json(item["reasons"]),
            )
            for item in stored["depositions"]
        ),
        linking=tuple(
            Linking(
                kind=item["kind"],
                archive=item["archive"],
                performed_in=item["in"],
                cites=tuple(item["cites"]),
                datasets=tuple(item["datasets"]),
                contents=tuple(item["contents"]),
                reasons=_cited_from_json(item["reasons"]),
            )
            for item in stored["linking"]
        ),
        not_accepted=tuple(
            Refusal(
                dataset=item["dataset"],
                scope=item.get("scope", SCOPE_DATASET),
                reasons=_cited_from_json(item["reasons"]),
                instead=item.get("instead", ""),
            )
            for item in stored["not_accepted"]
        ),
        notes=tuple(Note(note["text"], _cited_from_json(note["reasons"])) for note in stored["notes"]),
        contacts=tuple(stored["contacts"]),
    )
