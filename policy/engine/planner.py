"""Turns a validated Study into the deposition plan (policy.engine.plan): deterministic, typed data."""

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from policy.engine import rules
from policy.engine.answers import Study, answers_validate
from policy.engine.archives import ARCHIVES
from policy.engine.plan import Plan, plan_as_json, plan_from_json
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_QUESTIONS
from policy.engine.rules import ARCHIVE_ORDER, BIA_IMAGING_ROUTE, EMDB_AVERAGE_ROUTE, ROUTES, Reason
from policy.engine.version import POLICY_VERSION

# A dataset's placements depend on its answers alone, never on its label or the rest of the study, and valid
# answers take a few hundred combinations: computing each combination once keeps planning fast.
SIGNATURE_FIELDS = tuple(question.field for question in DATASET_QUESTIONS if question.field != "id")


PlacementFound = tuple[str, str, bool, tuple[Reason, ...]]
# Why a placement is withheld: medical imaging of people; data from people without consent to open release (no,
# or not asked in the answers' contract version; "medical": the data comes with medical imaging of people, which
# no human-samples question covered).
MEDICAL_IMAGING, NO_CONSENT, CONSENT_NOT_ASKED, WITH_MEDICAL_IMAGING = "medical", "no", "not_asked", "with_medical"


@dataclass(frozen=True, slots=True)
class Withheld:
    """A placement the routing table makes that the plan leaves out, and why."""

    archive: str
    contents: str
    images: bool
    cause: str


@functools.cache
def _placements_for(signature: tuple) -> tuple[tuple[PlacementFound, ...], tuple[Withheld, ...]]:
    answers = dict(zip(SIGNATURE_FIELDS, signature, strict=True))
    medical = answers["medical_imaging"] is True
    # Data derived from people goes to an archive that releases it openly only with their consent to open release.
    consent_missing = _consent_missing(answers)
    placed: list[PlacementFound] = []
    withheld: list[Withheld] = []
    for rule in rules.DATASET_RULES:
        if not rule.applies.matches(answers):
            continue
        for placement in rule.places:
            archive = rules.ROUTES[placement.route].archive
            if medical and placement.images:
                withheld.append(Withheld(archive, placement.contents, True, MEDICAL_IMAGING))
            elif consent_missing and archive not in rules.CONTROLLED_ACCESS_ARCHIVES:
                withheld.append(Withheld(archive, placement.contents, placement.images, consent_missing))
            else:
                placed.append((placement.route, placement.contents, placement.optional, rule.reasons))
    return tuple(placed), tuple(withheld)


def _consent_missing(answers: Mapping[str, Any]) -> str:
    """Why data of this dataset derived from people may not be released openly, or "" when it may."""
    if answers["human_tissue"] is True:
        consent = answers.get("human_data_open")
        return "" if consent is True else NO_CONSENT if consent is False else CONSENT_NOT_ASKED
    return WITH_MEDICAL_IMAGING if answers["medical_imaging"] is True else ""


def dataset_refused(dataset: Mapping[str, Any]) -> bool:
    """Whether the dataset's images are refused whatever else is answered: medical imaging of people, which no EBI
    resource accepts (the policy's background). The wizard asks it of a dataset as saved, where an answer not
    given yet counts as no. The dataset's other data (sequencing reads) keeps its route (`dataset_placements`)."""
    return dataset.get("medical_imaging") is True


def dataset_correlatable(dataset: Mapping[str, Any]) -> bool:
    """Whether a correlative group may name the dataset: images not refused whatever else is answered. Data that is
    not images is registered with no image."""
    return not dataset_refused(dataset) and dataset.get("modality") != NON_IMAGE


def dataset_placements(dataset: Mapping[str, Any]) -> tuple[PlacementFound, ...]:
    """(route key, contents, optional, reasons) for each place the routing table sends this dataset's data."""
    return _placements_for(tuple(map(dataset.get, SIGNATURE_FIELDS)))[0]


def dataset_withheld(dataset: Mapping[str, Any]) -> tuple[Withheld, ...]:
    """What of this dataset the routing table places that the plan leaves out: medical imaging, or data from people
    without consent to its open release."""
    return _placements_for(tuple(map(dataset.get, SIGNATURE_FIELDS)))[1]


ROUTE_ORDER = {route_key: index for index, route_key in enumerate(ROUTES)}
NON_IMAGE = "non_image"
OMICS_ARCHIVES = frozenset({"arrayexpress", "pride", "metabolights", "ega"})
LINK_KIND_ORDER = {"omics_link": 0, "correlation": 1, "cross_reference": 2}


def plan_for(answers: Any) -> dict:
    """Validate the answers (raises InvalidAnswers) and return the deposition plan, as JSON."""
    return plan_as_json(plan_build(study=answers_validate(answers)))


def plan_build(*, study: Study) -> Plan:
    not_accepted: list[dict] = []
    depositions = _Depositions()
    accepted = []
    unplaced = []  # neither refused nor placed: data that is not images and fits no repository the plan names
    for dataset in study.datasets:
        placements = dataset_placements(dataset)
        if withheld := dataset_withheld(dataset):
            not_accepted.append(_refusal(dataset["id"], withheld, placements))
        if not placements:
            if not withheld:
                unplaced.append(dataset)
            continue
        accepted.append(dataset)
        for route_key, contents, optional, reasons in placements:
            depositions.place(dataset["id"], route_key, contents, reasons, optional=optional)

    linking: list[dict] = []
    notes: list[dict] = []
    _omics_links_add(accepted, depositions, linking)
    _emdb_empiar_cross_references_add(accepted, depositions, linking)
    _pdb_emdb_cross_references_add(accepted, depositions, linking)
    _correlations_add(study, {item["dataset"]: item for item in not_accepted}, depositions, linking, notes)
    _annotation_links_add(accepted, depositions, linking)
    _non_image_links_add(accepted, depositions, linking)
    empiar_without_emdb = depositions.add_archive_advice(accepted)
    empiar_asked = _dataset_notes_add(study, accepted, unplaced, empiar_without_emdb, notes)
    bia_bound = [dataset for dataset in accepted if "bia" in depositions.archives_of(dataset["id"])]
    _study_notes_add(study, accepted, not_accepted, bia_bound, linking, notes)

    for item in not_accepted:
        others = any(dataset["id"] != item["dataset"] for dataset in accepted)
        item["instead"] = item["instead"].format(rest=rules.REST_OF_THE_STUDY if others else "")
    contacts = [rules.PRESUBMISSION_CONTACT]
    if any(dataset["modality"] == "high_content_screening" for dataset in study.datasets):
        contacts.append(rules.BIA_CONTACT)
    if empiar_without_emdb or empiar_asked:
        contacts.append(rules.EMPIAR_HELP_CONTACT)
    if depositions.on_route(rules.ARRAYEXPRESS_PROCESSED_ROUTE):
        contacts.append(rules.ANNOTARE_CONTACT)
    # The plan as it is stored, read by the one reader of every stored plan.
    return plan_from_json(
        {
            "policy_version": POLICY_VERSION,
            "answers_version": ANSWERS_CONTRACT_VERSION,
            "depositions": depositions.ordered(),
            "linking": sorted(linking, key=lambda item: (LINK_KIND_ORDER[item["kind"]], item["datasets"])),
            "not_accepted": not_accepted,
            "notes": notes,
            "contacts": contacts,
        }
    )


def _refusal(dataset_id: str, withheld: tuple[Withheld, ...], placements: tuple[PlacementFound, ...]) -> dict:
    """What of the dataset is not deposited, why, and what to do instead ("{rest}" is filled in once the plan knows
    whether anything of the study is deposited). "scope": "dataset" when none of it is deposited, "images" when its
    images are not and the rest of it is."""
    causes = dict.fromkeys(item.cause for item in withheld)
    reasons: list[Reason] = []
    instead: list[str] = []
    if MEDICAL_IMAGING in causes:
        reasons += rules.MEDICAL_IMAGING_REASONS
        instead.append(rules.MEDICAL_IMAGING_INSTEAD)
    closed = [item.archive for item in withheld if item.cause != MEDICAL_IMAGING]
    if closed:
        cause = next(cause for cause in causes if cause != MEDICAL_IMAGING)
        reasons.append(rules.HUMAN_DATA_CLOSED_WHY[cause])
        reasons += [rules.HUMAN_DATA_CLOSED_REASONS[code] for code in ARCHIVE_ORDER if code in closed]
        instead.append(rules.HUMAN_DATA_CLOSED_INSTEAD[cause])
    if any(rules.ROUTES[route].archive in rules.CONTROLLED_ACCESS_ARCHIVES for route, *_ in placements):
        instead.append(rules.READS_UNDER_CONTROLLED_ACCESS)
    reasons.append(rules.HUMAN_DATA_CONTACT_REASON)
    return {
        "dataset": dataset_id,
        "scope": "images" if placements else "dataset",
        "causes": list(causes),
        "withheld": list(dict.fromkeys(item.contents for item in withheld)),
        "reasons": _reasons(reasons),
        "instead": " ".join([*instead, "{rest}" + rules.HUMAN_DATA_CONTACT_INSTEAD]),
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

    def on_route(self, route_key: str) -> bool:
        return any(deposition["_route_key"] == route_key for deposition in self._by_key.values())

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

    def add_archive_advice(self, accepted: list[Mapping]) -> list[tuple[str, Reason]]:
        """Adds each archive's advice to its depositions; returns the datasets whose EMPIAR entry has no EMDB
        entry to tie to (cryo-ET, microED), which EMPIAR must be asked about first, each with why."""
        by_id = {dataset["id"]: dataset for dataset in accepted}
        empiar_without_emdb: list[tuple[str, Reason]] = []
        for deposition in self._by_key.values():
            archive = deposition["archive"]
            if archive == "empiar":
                dataset = by_id[deposition["datasets"][0]]
                deposition["reasons"] += [
                    rules.EMPIAR_RAW_REASON,
                    rules.EMPIAR_CC0_REASON,
                    rules.EMPIAR_TRANSFER_REASON,
                    rules.EMPIAR_RELEASE_REASON,
                ]
                if "emdb" in self.archives_of(dataset["id"]):
                    continue
                if any(condition.matches(dataset) for condition in rules.EMPIAR_WITHOUT_EMDB):
                    deposition["reasons"].append(rules.EMPIAR_WITHOUT_EMDB_REASON)
                else:
                    reason = (
                        rules.MICROED_WITHOUT_EMDB_REASON
                        if dataset.get("em_method") == "microed"
                        else rules.CRYO_ET_WITHOUT_EMDB_REASON
                    )
                    deposition["reasons"].append(reason)
                    empiar_without_emdb.append((dataset["id"], reason))
            elif archive == "bia":
                if deposition["_route_key"] == BIA_IMAGING_ROUTE:
                    deposition["reasons"].append(rules.BIA_SUBMISSION_REASON)
                deposition["reasons"].append(rules.BIA_TRANSFER_REASON)
            elif archive == "arrayexpress":
                deposition["reasons"].append(rules.ARRAYEXPRESS_RELEASE_REASON)
            elif archive in ("emdb", "pdb"):
                deposition["reasons"].append(rules.WWPDB_PREPRINT_REASON)
        return empiar_without_emdb

    def ordered_raw(self) -> list[dict]:
        """The depositions as built (route keys kept), in plan order."""
        return sorted(self._by_key.values(), key=self._order)

    @staticmethod
    def _order(deposition: dict) -> tuple:
        # Within the BioImage Archive, the imaging submission that carries the linking information is last.
        return (
            ARCHIVE_ORDER.index(deposition["archive"]),
            deposition["_route_key"] == BIA_IMAGING_ROUTE,
            ROUTE_ORDER[deposition["_route_key"]],
            deposition["key"],
        )

    def ordered(self) -> list[dict]:
        """The depositions in the order to deposit, as a plan stores them."""
        return [
            {
                **{name: value for name, value in deposition.items() if name != "_route_key"},
                "reasons": _reasons(deposition["reasons"]),
            }
            for deposition in self.ordered_raw()
        ]


def _omics_links_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    for dataset in accepted:
        images = depositions.of(dataset["id"], "bia")
        if not images:  # images of human samples without consent to open release: nothing to link them from
            continue
        for code in sorted(depositions.archives_of(dataset["id"]) & OMICS_ARCHIVES):
            if all(_all_optional(d) for d in depositions.of(dataset["id"], code)):
                continue
            archive = ARCHIVES[code]
            contents = [
                f"In the BioImage Archive submission for {dataset['id']}, cite the {archive.name} accession "
                f"of its omics data (e.g. {archive.accession_example}).",
                "Describe the same samples with the same identifiers in both submissions.",
            ]
            reasons = list(rules.OMICS_LINK_REASONS)
            if dataset["omics_type"] == "transcriptomics":
                contents.append("Fill the shared spatial transcriptomics metadata table (Sample ID, Slide ID …).")
                reasons.append(rules.ST_METADATA_REASON)
            linking.append(
                _linking_item(
                    kind="omics_link",
                    performed_in=images[0],
                    # ArrayExpress's optional processed-data step beside EGA is not cited: it may never be made.
                    cites=[d for d in depositions.of(dataset["id"], code) if not _all_optional(d)],
                    datasets=[dataset["id"]],
                    contents=contents,
                    reasons=reasons,
                )
            )


def _all_optional(deposition: dict) -> bool:
    return all(content["optional"] for content in deposition["contents"])


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
                    reasons=rules.EMDB_EMPIAR_CROSS_REFERENCE_REASONS,
                )
            )


def _pdb_emdb_cross_references_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    for dataset in accepted:
        models = depositions.of(dataset["id"], "pdb")
        if not models:
            continue
        maps = depositions.of(dataset["id"], "emdb")
        if not maps:  # a microED model without a map of the diffraction data
            continue
        # A cryo-ET model is fitted to the subtomogram average, not to a tomogram.
        fitted_to = [m for m in maps if m["key"].startswith(EMDB_AVERAGE_ROUTE)] or maps
        the_map = "made from the same diffraction data" if dataset.get("em_method") == "microed" else "it is fitted to"
        linking.append(
            _linking_item(
                kind="cross_reference",
                performed_in=models[0],
                cites=fitted_to,
                datasets=[dataset["id"]],
                contents=[
                    f"In the OneDep deposition of {dataset['id']}'s model, name the EMDB entry of the map "
                    f"{the_map} "
                    f"(e.g. {ARCHIVES['emdb'].accession_example}) as a related deposition, or deposit map and model in "
                    "one session.",
                ],
                reasons=(
                    rules.PDB_DIFFRACTION_EMDB_CROSS_REFERENCE_REASONS
                    if dataset.get("em_method") == "microed"
                    else rules.PDB_EMDB_CROSS_REFERENCE_REASONS
                ),
            )
        )


def _correlations_add(
    study: Study, refused: Mapping[str, dict], depositions: _Depositions, linking: list[dict], notes: list[dict]
) -> None:
    """Correlation information for each group; `refused` maps each dataset whose images are not accepted to its
    refusal, and those are left out of their group."""
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
            clauses = dict.fromkeys(refused[dataset_id]["reasons"][0]["clause"] for dataset_id in left_out)
            notes.append(
                {
                    "text": f"The images of {', '.join(left_out)} cannot be deposited at EBI, so {outcome}.",
                    "reasons": _reasons((clause, rules.REFUSED_IN_CORRELATION_WHY) for clause in clauses),
                }
            )
        if len(members) < 2:
            continue

        with_3d = [m for m in members if any(condition.matches(by_id[m]) for condition in rules.THREE_D_EM_XM)]
        bia = depositions.bia_imaging()
        bia["contents"].append({"datasets": members, "what": rules.CORRELATION_CONTENTS, "optional": False})
        bia["reasons"].append(rules.CORRELATION_BIA_PLACEMENT_REASON)
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
                reasons=rules.CORRELATION_WITH_3D_REASONS if with_3d else rules.CORRELATION_WITHOUT_3D_REASONS,
            )
        )

        # Members deposited anywhere but this submission: EMPIAR, EMDB, a screen's own BioImage Archive submission.
        elsewhere = [
            deposition
            for member in members
            for code in ARCHIVE_ORDER
            for deposition in depositions.of(member, code)
            if deposition is not bia
        ]
        if elsewhere:
            linking.append(
                _linking_item(
                    kind="cross_reference",
                    performed_in=bia,
                    cites=elsewhere,
                    datasets=members,
                    contents=[
                        f"In the BioImage Archive submission, cite the {ARCHIVES[deposition['archive']].name} "
                        f"accession of {_cited_what(deposition, by_id)} (e.g. "
                        f"{ARCHIVES[deposition['archive']].accession_example})."
                        for deposition in elsewhere
                    ],
                    reasons=_cross_reference_reasons(elsewhere),
                )
            )
        if with_3d and not protocol_noted:
            protocol_noted = True
            notes.append(
                {
                    "text": "For a worked protocol of correlative deposition, see Iudin et al 2021 "
                    "(https://pubmed.ncbi.nlm.nih.gov/33490973/); where it says BioStudies, use the "
                    "BioImaging template.",
                    "reasons": _reasons([rules.CORRELATION_PROTOCOL_REASON]),
                }
            )


def _cited_what(deposition: dict, by_id: Mapping[str, Mapping]) -> str:
    """The datasets a deposition holds, and what of them where one dataset has several EMDB entries (a cryo-ET
    dataset's tomograms and its subtomogram average), so that the lines citing them can be told apart."""
    labels = ", ".join(deposition["datasets"])
    if deposition["_route_key"] == EMDB_AVERAGE_ROUTE:
        return f"{labels}'s subtomogram average"
    if deposition["archive"] == "emdb" and by_id[deposition["datasets"][0]].get("em_method") == "cryo_et":
        return f"{labels}'s tomograms"
    return labels


def _annotation_links_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    """Segmentations deposited in the BioImage Archive without their images cite the entries that hold them."""
    for dataset in accepted:
        if dataset.get("segmentations") != "bia_annotations":
            continue
        images = [d for code in ("emdb", "empiar") for d in depositions.of(dataset["id"], code)]
        linking.append(
            _linking_item(
                kind="cross_reference",
                performed_in=depositions.bia_imaging(),
                cites=images,
                datasets=[dataset["id"]],
                contents=[
                    f"In the BioImage Archive submission, cite the {ARCHIVES[image['archive']].name} accession of "
                    f"{_cited_what(image, {dataset['id']: dataset})} (e.g. "
                    f"{ARCHIVES[image['archive']].accession_example}): the segmentations annotate its images."
                    for image in images
                ],
                reasons=rules.ANNOTATION_CROSS_REFERENCE_REASONS,
            )
        )


IMAGE_AND_STRUCTURE_ARCHIVES = frozenset({"emdb", "pdb", "empiar", "bia"})


def _non_image_links_add(accepted: list[Mapping], depositions: _Depositions, linking: list[dict]) -> None:
    """Each image or structure deposition of the study cites the repositories of its data that is not images, which
    come earlier in the plan."""
    cited = [
        deposition
        for dataset in accepted
        if dataset["modality"] == NON_IMAGE
        for code in ARCHIVE_ORDER
        for deposition in depositions.of(dataset["id"], code)
        if not _all_optional(deposition)
    ]
    if not cited:
        return
    for deposition in depositions.ordered_raw():
        if deposition["archive"] not in IMAGE_AND_STRUCTURE_ARCHIVES:
            continue
        where = f"the {ARCHIVES[deposition['archive']].name} deposition of {', '.join(deposition['datasets'])}"
        if deposition["_route_key"] == BIA_IMAGING_ROUTE:
            where = "the BioImage Archive submission"
        linking.append(
            _linking_item(
                kind="cross_reference",
                performed_in=deposition,
                cites=cited,
                datasets=list(
                    dict.fromkeys([*deposition["datasets"], *(d for other in cited for d in other["datasets"])])
                ),
                contents=[
                    f"In {where}, cite the {ARCHIVES[other['archive']].name} accession of "
                    f"{', '.join(other['datasets'])} (e.g. {ARCHIVES[other['archive']].accession_example}) as the "
                    "study's related data."
                    for other in cited
                ],
                reasons=rules.NON_IMAGE_CITED_REASONS,
            )
        )


def _cross_reference_reasons(cited: list[dict]) -> list[Reason]:
    """Why the submission holding the correlation information cites each of these depositions: rule 3 for
    EMPIAR's side of a correlative study, the screen's own template for a screen, the spatial-omics link for
    omics data."""
    archives = {deposition["archive"] for deposition in cited}
    reasons: list[Reason] = []
    if archives - {"bia"} - OMICS_ARCHIVES:
        reasons += rules.CORRELATION_CROSS_REFERENCE_REASONS
    if "bia" in archives:
        reasons += rules.SCREEN_CROSS_REFERENCE_REASONS
    if archives & OMICS_ARCHIVES:
        reasons.append(rules.OMICS_LINK_REASONS[0])
    return reasons


def _note(text: str, reasons: Iterable[Reason]) -> dict:
    return {"text": text, "reasons": _reasons(reasons)}


def _labels(datasets: list[Mapping]) -> str:
    return ", ".join(dataset["id"] for dataset in datasets)


def _dataset_notes_add(
    study: Study,
    accepted: list[Mapping],
    unplaced: list[Mapping],
    empiar_without_emdb: list[tuple[str, Reason]],
    notes: list[dict],
) -> bool:
    """Advice about some datasets that no deposition step carries: what to ask, what to confirm. Returns whether
    EMPIAR's team is named as the one to ask."""
    for dataset_id, reason in empiar_without_emdb:
        notes.append(_note(f"{dataset_id}: {reason[1]}", [reason]))
    microed = [d for d in accepted if d.get("em_method") == "microed"]
    if microed:
        notes.append(
            _note(
                f"{_labels(microed)}: 3D electron diffraction (microED) has no line in the policy, so this plan "
                "follows "
                "EMPIAR's, EMDB's and the wwPDB's own pages, and never the BioImage Archive. Ask "
                f"{rules.EMPIAR_HELP_CONTACT} about the diffraction images before depositing them.",
                rules.MICROED_REASONS,
            )
        )
    non_image_other = [d for d in unplaced if d["modality"] == NON_IMAGE]
    if non_image_other:
        notes.append(
            _note(
                f"{_labels(non_image_other)}: ask {rules.PRESUBMISSION_CONTACT} which repository takes this data, then "
                "cite its accession in the study's image and structure depositions.",
                rules.NON_IMAGE_OTHER_REASONS,
            )
        )
    without_tilt_series = [d for d in accepted if d.get("em_method") == "cryo_et" and d["tilt_series"] is False]
    if without_tilt_series:
        notes.append(
            _note(
                f"{_labels(without_tilt_series)}: EMDB strongly encourages depositing the raw tilt series in EMPIAR "
                "as well; if you can, add them to the plan.",
                [rules.TILT_SERIES_ENCOURAGED_REASON],
            )
        )
    omics_other = [d for d in accepted if d.get("omics_type") == "other" and d["omics_repository_fits"]]
    if omics_other:
        notes.append(
            _note(
                f"{_labels(omics_other)}: ask {rules.PRESUBMISSION_CONTACT} which repository takes the omics data "
                "before you deposit it; the images go to the BioImage Archive as planned. If no omics repository "
                "fits, deposit the omics data with the images.",
                rules.OMICS_OTHER_REASONS,
            )
        )
    imaging_based_st = [
        d for d in accepted if d.get("omics_type") == "transcriptomics" and d["omics_repository_fits"] is False
    ]
    if imaging_based_st:
        notes.append(
            _note(
                f"{_labels(imaging_based_st)}: fill the shared spatial transcriptomics metadata table (Sample ID, "
                "Slide ID …) for the BioImage Archive submission; it applies to imaging-based spatial "
                "transcriptomics too.",
                [rules.ST_METADATA_REASON],
            )
        )
    human_samples = [d for d in accepted if d["human_tissue"] and d.get("human_data_open") is True]
    if human_samples:
        notes.append(
            _note(
                f"{_labels(human_samples)}: the archives planned here release the data and its sample metadata to "
                "everyone. Deposit this data from human participants only as their consent to open release allows, "
                "with nothing in it that identifies anyone. Ask "
                f"{rules.PRESUBMISSION_CONTACT} if you are unsure.",
                rules.HUMAN_SAMPLES_REASONS,
            )
        )
    slides = [d for d in human_samples if d["modality"] in rules.WHOLE_SLIDE_MODALITIES]
    if slides:
        notes.append(_note(f"{_labels(slides)}: {rules.WHOLE_SLIDE_REASON[1]}", [rules.WHOLE_SLIDE_REASON]))
    # EMPIAR's own condition for the 3D modalities EMDB does not cover: a generic "no publication" note is not enough.
    without_publication = [
        d
        for d in accepted
        if not study.publication
        and any(condition.matches(d) for condition in rules.EMPIAR_WITHOUT_EMDB)
        and not any(d.get(name) in methods for name, methods in rules.METHODS_OUTSIDE_EMPIAR_PUBLICATION.items())
    ]
    if without_publication:
        notes.append(
            _note(
                f"{_labels(without_publication)}: EMPIAR takes 3D SEM and soft X-ray tomography data only when it is "
                "directly related to a publication or part of a community initiative, such as benchmarking data. "
                f"Ask {rules.EMPIAR_HELP_CONTACT} before depositing it.",
                [rules.EMPIAR_PUBLICATION_REASON],
            )
        )
    return bool(without_publication or microed)


def _study_notes_add(
    study: Study,
    accepted: list[Mapping],
    not_accepted: list[dict],
    bia_bound: list[Mapping],
    linking: list[dict],
    notes: list[dict],
) -> None:
    # Rule 2 speaks of imaging data associated with a publication: its note concerns what goes to the BioImage
    # Archive, never what goes to EMPIAR or EMDB (EMPIAR's own condition is a note of its own).
    if not study.publication and bia_bound:
        notes.insert(
            0,
            _note(
                f"{_labels(bia_bound)}: this data is not associated with a publication: contact "
                f"{rules.PRESUBMISSION_CONTACT} before you deposit it in the BioImage Archive.",
                rules.NO_PUBLICATION_REASONS,
            ),
        )
    if not accepted:
        notes.insert(
            0,
            _note(
                f"Nothing of this study can be deposited at EBI. For advice, contact {rules.PRESUBMISSION_CONTACT}.",
                [
                    *((item["reasons"][0]["clause"], item["reasons"][0]["why"]) for item in not_accepted),
                    rules.QUERIES_REASON,
                ],
            ),
        )
    if any(item["cites"] for item in linking):
        notes.append(
            _note(
                "Deposit in the order listed: a later deposition cites the accessions of earlier ones.",
                [rules.ORDER_REASON],
            )
        )
    if any(dataset["modality"] == "high_content_screening" for dataset in accepted):
        notes.append(
            _note(
                f"Before preparing a screen submission, ask {rules.BIA_CONTACT} for the metadata template of your "
                "screen type. Once archived, a screen may also be offered to the Image Data Resource (IDR), which "
                "curates screens.",
                [rules.SCREEN_CONTACT_REASON, rules.SCREEN_IDR_REASON],
            )
        )
    notes.append(
        _note(
            "EBI may move image data between its archives; the accessions you receive stay valid.",
            [rules.MOVABLE_REASON],
        )
    )
