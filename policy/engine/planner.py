"""Turns a validated Study into the deposition plan: plain, JSON-able, deterministic data."""

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from policy.engine.answers import Study, answers_validate
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_QUESTIONS
from policy.engine.rules import (
    ARCHIVE_ORDER,
    ARCHIVES,
    BIA_CONTACT,
    BIA_IMAGING_ROUTE,
    BIA_SUBMISSION_REASON,
    CORRELATION_BIA_PLACEMENT_REASON,
    CORRELATION_CROSS_REFERENCE_REASONS,
    CORRELATION_PROTOCOL_REASON,
    CORRELATION_WITH_3D_REASONS,
    CORRELATION_WITHOUT_3D_REASONS,
    DATASET_RULES,
    EMDB_EMPIAR_CROSS_REFERENCE_REASONS,
    EMPIAR_RAW_REASON,
    EMPIAR_WITHOUT_EMDB_REASON,
    MOVABLE_REASON,
    NO_PUBLICATION_REASONS,
    OMICS_LINK_REASONS,
    ORDER_REASONS,
    PATIENT_IN_CORRELATION_REASON,
    PATIENT_INSTEAD,
    PATIENT_REASONS,
    PRESUBMISSION_CONTACT,
    QUERIES_REASON,
    ROUTES,
    SCREEN_CONTACT_REASON,
    SCREEN_IDR_REASON,
    ST_METADATA_REASON,
    THREE_D_EM_XM,
    Reason,
)
from policy.engine.version import POLICY_VERSION

# A dataset's placements depend on its answers alone, never on its label or the rest of the study, and valid
# answers take a few hundred combinations: computing each combination once keeps planning fast.
SIGNATURE_FIELDS = tuple(question.field for question in DATASET_QUESTIONS if question.field != "id")


@functools.cache
def _placements_for(signature: tuple) -> tuple[tuple[str, str, bool, tuple[Reason, ...]], ...]:
    answers = dict(zip(SIGNATURE_FIELDS, signature, strict=True))
    return tuple(
        (placement.route, placement.contents, placement.optional, rule.reasons)
        for rule in DATASET_RULES
        if rule.applies.matches(answers)
        for placement in rule.places
    )


def dataset_placements(dataset: Mapping[str, Any]) -> tuple[tuple[str, str, bool, tuple[Reason, ...]], ...]:
    """(route key, contents, optional, reasons) for each place the routing table sends this dataset's data."""
    return _placements_for(tuple(map(dataset.get, SIGNATURE_FIELDS)))


OMICS_ARCHIVES = frozenset({"arrayexpress", "pride", "metabolights", "ena"})
LINK_KIND_ORDER = {"omics_link": 0, "correlation": 1, "cross_reference": 2}


def plan_for(answers: Any) -> dict:
    """Validate the answers (raises InvalidAnswers) and return the deposition plan."""
    return plan_build(study=answers_validate(answers))


def plan_build(*, study: Study) -> dict:
    refused = [dataset["id"] for dataset in study.datasets if dataset["patient_identifiable"]]
    accepted = [dataset for dataset in study.datasets if not dataset["patient_identifiable"]]

    depositions = _Depositions()
    for dataset in accepted:
        for route_key, contents, optional, reasons in dataset_placements(dataset):
            depositions.place(dataset["id"], route_key, contents, reasons, optional=optional)

    linking: list[dict] = []
    notes: list[dict] = []
    _omics_links_add(accepted, depositions, linking)
    _emdb_empiar_cross_references_add(accepted, depositions, linking)
    _correlations_add(study, set(refused), depositions, linking, notes)
    _study_notes_add(study, accepted, depositions, notes)
    depositions.add_archive_advice()

    has_screen = any(dataset["modality"] == "high_content_screening" for dataset in study.datasets)
    return {
        "policy_version": POLICY_VERSION,
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "depositions": depositions.ordered(),
        "linking": sorted(linking, key=lambda item: (LINK_KIND_ORDER[item["kind"]], item["datasets"])),
        "not_accepted": [
            {"dataset": dataset_id, "reasons": _reasons(PATIENT_REASONS), "instead": PATIENT_INSTEAD}
            for dataset_id in refused
        ],
        "notes": notes,
        "contacts": [PRESUBMISSION_CONTACT, BIA_CONTACT] if has_screen else [PRESUBMISSION_CONTACT],
    }


def _reasons(reasons: Iterable[Reason]) -> list[dict]:
    unique: dict[Reason, None] = dict.fromkeys(reasons)
    return [{"clause": clause, "why": why} for clause, why in unique]


def _linking_item(
    *, kind: str, performed_in: dict, cites: Iterable[dict], datasets: list[str], contents: list[str], reasons
) -> dict:
    return {
        "kind": kind,
        "archive": performed_in["archive"],
        "in": performed_in["key"],
        "cites": [deposition["key"] for deposition in cites],
        "datasets": datasets,
        "contents": contents,
        "reasons": _reasons(reasons),
    }


class _Depositions:
    """Gathers placements into separate depositions: one per route, and per dataset where the route says."""

    def __init__(self) -> None:
        self._by_key: dict[str, dict] = {}
        self._of_dataset: dict[str, list[dict]] = {}

    def place(
        self, dataset_id: str, route_key: str, contents: str, reasons: Iterable[Reason], *, optional: bool = False
    ) -> dict:
        deposition = self._deposition(route_key, dataset_id)
        if dataset_id not in deposition["datasets"]:
            deposition["datasets"].append(dataset_id)
            self._of_dataset.setdefault(dataset_id, []).append(deposition)
        deposition["contents"].append({"datasets": [dataset_id], "what": contents, "optional": optional})
        deposition["reasons"].extend(reasons)
        return deposition

    def bia_imaging(self) -> dict:
        return self._deposition(BIA_IMAGING_ROUTE, "")

    def archives_of(self, dataset_id: str) -> set[str]:
        return {deposition["archive"] for deposition in self._of_dataset.get(dataset_id, ())}

    def of(self, dataset_id: str, archive: str) -> list[dict]:
        """The depositions that carry this dataset's data to this archive."""
        return [deposition for deposition in self._of_dataset.get(dataset_id, ()) if deposition["archive"] == archive]

    def _deposition(self, route_key: str, dataset_id: str) -> dict:
        route = ROUTES[route_key]
        key = f"{route_key}:{dataset_id}" if route.per_dataset else route_key
        deposition = self._by_key.get(key)
        if deposition is None:
            deposition = {
                "key": key,
                "archive": route.archive,
                "route": route.how,
                "submit_url": route.submit_url,
                "datasets": [],
                "contents": [],
                "reasons": [],
                "_route_key": route_key,
            }
            self._by_key[key] = deposition
        return deposition

    def add_archive_advice(self) -> None:
        for deposition in self._by_key.values():
            if deposition["archive"] == "empiar":
                deposition["reasons"].append(EMPIAR_RAW_REASON)
                if "emdb" not in self.archives_of(deposition["datasets"][0]):
                    deposition["reasons"].append(EMPIAR_WITHOUT_EMDB_REASON)
            elif deposition["_route_key"] == BIA_IMAGING_ROUTE:
                deposition["reasons"].append(BIA_SUBMISSION_REASON)

    def archives(self) -> set[str]:
        return {deposition["archive"] for deposition in self._by_key.values()}

    def ordered(self) -> list[dict]:
        def order(deposition: dict) -> tuple:
            # Within the BioImage Archive, the imaging submission that carries the linking information is last.
            return (
                ARCHIVE_ORDER.index(deposition["archive"]),
                deposition["_route_key"] == BIA_IMAGING_ROUTE,
                deposition["key"],
            )

        return [
            {
                key: value
                for key, value in {**deposition, "reasons": _reasons(deposition["reasons"])}.items()
                if key != "_route_key"
            }
            for deposition in sorted(self._by_key.values(), key=order)
        ]


def _omics_links_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    for dataset in accepted:
        for code in sorted(depositions.archives_of(dataset["id"]) & OMICS_ARCHIVES):
            archive = ARCHIVES[code]
            contents = [
                f"In the BioImage Archive submission for {dataset['id']}, cite the {archive.name} accession "
                f"of its omics data (e.g. {archive.accession_example}).",
                "Describe the same samples with the same identifiers in both submissions.",
            ]
            reasons = list(OMICS_LINK_REASONS)
            if code == "arrayexpress":
                contents.append("Fill the shared spatial transcriptomics metadata table (Sample ID, Slide ID …).")
                reasons.append(ST_METADATA_REASON)
            linking.append(
                _linking_item(
                    kind="omics_link",
                    performed_in=depositions.of(dataset["id"], "bia")[0],
                    cites=depositions.of(dataset["id"], code),
                    datasets=[dataset["id"]],
                    contents=contents,
                    reasons=reasons,
                )
            )


def _emdb_empiar_cross_references_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    for dataset in accepted:
        if {"emdb", "empiar"} <= depositions.archives_of(dataset["id"]):
            linking.append(
                _linking_item(
                    kind="cross_reference",
                    performed_in=depositions.of(dataset["id"], "empiar")[0],
                    cites=depositions.of(dataset["id"], "emdb"),
                    datasets=[dataset["id"]],
                    contents=[
                        f"In the EMPIAR entry for {dataset['id']}, cite the EMDB accession(s) (e.g. "
                        f"{ARCHIVES['emdb'].accession_example}) of the entries made from the same data.",
                    ],
                    reasons=EMDB_EMPIAR_CROSS_REFERENCE_REASONS,
                )
            )


def _correlations_add(
    study: Study, refused: set[str], depositions: _Depositions, linking: list[dict], notes: list[dict]
) -> None:
    if not study.correlations:
        return
    by_id = {dataset["id"]: dataset for dataset in study.datasets}
    protocol_noted = False
    for group in study.correlations:
        members = [dataset_id for dataset_id in group if dataset_id not in refused]
        left_out = [dataset_id for dataset_id in group if dataset_id in refused]
        if left_out:
            outcome = (
                f"the correlation of {', '.join(members)} is still deposited"
                if len(members) >= 2
                else "no correlation information from this group can be deposited"
            )
            notes.append(
                {
                    "text": f"{', '.join(left_out)} cannot be deposited, so {outcome}.",
                    "reasons": _reasons([PATIENT_IN_CORRELATION_REASON]),
                }
            )
        if len(members) < 2:
            continue

        with_3d = [m for m in members if any(condition.matches(by_id[m]) for condition in THREE_D_EM_XM)]
        bia = depositions.bia_imaging()
        bia["contents"].append({"datasets": members, "what": "correlation information", "optional": False})
        bia["reasons"].append(CORRELATION_BIA_PLACEMENT_REASON)
        linking.append(
            _linking_item(
                kind="correlation",
                performed_in=bia,
                cites=(),
                datasets=members,
                contents=[
                    f"Registrations and transformations that map {', '.join(members)} into a shared physical "
                    "coordinate space, with a description of how they were made.",
                    "Deposit them as the correlation component of the BioImage Archive submission.",
                ],
                reasons=CORRELATION_WITH_3D_REASONS if with_3d else CORRELATION_WITHOUT_3D_REASONS,
            )
        )

        elsewhere = {
            code: [m for m in members if code in depositions.archives_of(m)] for code in ARCHIVE_ORDER if code != "bia"
        }
        elsewhere = {code: ids for code, ids in elsewhere.items() if ids}
        if elsewhere:
            linking.append(
                _linking_item(
                    kind="cross_reference",
                    performed_in=bia,
                    cites=[
                        deposition
                        for code, ids in elsewhere.items()
                        for m in ids
                        for deposition in depositions.of(m, code)
                    ],
                    datasets=members,
                    contents=[
                        f"In the BioImage Archive submission, cite the {ARCHIVES[code].name} accession(s) of "
                        f"{', '.join(ids)} (e.g. {ARCHIVES[code].accession_example})."
                        for code, ids in elsewhere.items()
                    ],
                    reasons=CORRELATION_CROSS_REFERENCE_REASONS,
                )
            )
        if with_3d and not protocol_noted:
            protocol_noted = True
            notes.append(
                {
                    "text": "For a worked protocol of correlative deposition, see Iudin et al 2021 "
                    "(https://pubmed.ncbi.nlm.nih.gov/33490973/); where it says BioStudies, use the "
                    "BioImaging template.",
                    "reasons": _reasons([CORRELATION_PROTOCOL_REASON]),
                }
            )


def _study_notes_add(study: Study, accepted: list[Mapping], depositions: _Depositions, notes: list[dict]) -> None:
    if not study.publication:
        notes.insert(
            0,
            {
                "text": f"This data is not associated with a publication: contact {PRESUBMISSION_CONTACT} "
                "before you deposit it.",
                "reasons": _reasons(NO_PUBLICATION_REASONS),
            },
        )
    if not accepted:
        notes.insert(
            0,
            {
                "text": f"None of this study's datasets can be deposited at EBI. For advice, contact "
                f"{PRESUBMISSION_CONTACT}.",
                "reasons": _reasons([PATIENT_REASONS[0], QUERIES_REASON]),
            },
        )

    archives = depositions.archives()
    order_reasons = [
        reason
        for reason, relevant in zip(
            ORDER_REASONS,
            (
                "bia" in archives and len(archives) > 1,
                bool(archives & OMICS_ARCHIVES),
                {"emdb", "empiar"} <= archives,
            ),
            strict=True,
        )
        if relevant
    ]
    if order_reasons:
        notes.append(
            {
                "text": "Deposit in the order listed: each later deposition cites the accessions of earlier ones.",
                "reasons": _reasons(order_reasons),
            }
        )
    if any(dataset["modality"] == "high_content_screening" for dataset in accepted):
        notes.append(
            {
                "text": f"Before preparing a screen submission, ask {BIA_CONTACT} for the metadata template "
                "of your screen type. Once archived, a screen may also be offered to the Image Data "
                "Resource (IDR), which curates screens.",
                "reasons": _reasons([SCREEN_CONTACT_REASON, SCREEN_IDR_REASON]),
            }
        )
    notes.append(
        {
            "text": "EBI may move image data between its archives; the accessions you receive stay valid.",
            "reasons": _reasons([MOVABLE_REASON]),
        }
    )
