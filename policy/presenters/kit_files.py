"""The one list of the kit's downloads: each file the kit makes for a stored result, written once (its address, the
name it is saved under, its media type, how it is made and what the page says to do with it). One view serves
them all (`policy.views.kit.kit_file`); a new archive's draft is one more entry."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from policy.engine.archives import ARCHIVES
from policy.kit.accessions.entered import AccessionsEntered
from policy.kit.drafts.bia_outline import bia_outline_zip
from policy.kit.drafts.empiar_bundle import empiar_bundle_zip
from policy.kit.drafts.empiar_draft import EmpiarDraft, empiar_drafts
from policy.kit.drafts.onedep_handoff import onedep_handoffs
from policy.kit.drafts.pagetab import pagetab_drafts, pagetab_json
from policy.kit.drafts.st_sheet import st_datasets, st_sheet_tsv
from policy.stored_result import StoredResult

JSON = "application/json; charset=utf-8"
ZIP = "application/zip"
TSV = "text/tab-separated-values; charset=utf-8"
# The line break and indentation that follow a draft's instructions in its list item (templates/policy/_kit_step.html).
AFTER = "\n        "

Made = tuple[str, str | bytes] | None  # the name the file is saved under (after the result id) and its body


def json_text(document: Any) -> str:
    """A download's JSON as a person reads it: indented, non-ASCII kept."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class KitFile:
    """One kind of file the kit makes for a stored result."""

    url_name: str  # its address (policy/urls.py), given the result id and `part`
    media_type: str
    # The file for the accessions typed and the URL's part (a dataset, a step, a hand-off), or None where the plan
    # has no such file.
    made: Callable[[StoredResult, AccessionsEntered, Any], Made]
    link_text: str = "{title}"  # the link's words on the page, from the download's title and dataset
    # What the page says to do with it, after its link (HTML; see `instructions_html`).
    instructions: Callable[["StepDownload"], SafeString] | None = None


@dataclass(frozen=True, slots=True)
class StepDownload:
    """A download the kit makes for one step, as its "Before you start" list offers it."""

    kind: str  # a key of KIT_FILES
    title: str
    url: str  # with the valid accessions typed in
    dataset: str = ""
    choices: tuple[str, ...] = ()  # what the depositor must check in the draft
    links: tuple[tuple[str, str], ...] = ()  # other addresses its instructions name, by kind

    @property
    def entry(self) -> KitFile:
        return KIT_FILES[self.kind]

    @property
    def link_text(self) -> str:
        return self.entry.link_text.format(title=self.title, dataset=self.dataset)

    @property
    def instructions(self) -> SafeString:
        instructions = self.entry.instructions
        return instructions(self) if instructions is not None else SafeString(AFTER)


def _empiar_draft_of(stored: StoredResult, accessions: AccessionsEntered, dataset: str) -> EmpiarDraft | None:
    drafts = empiar_drafts(stored=stored, accessions=accessions)
    return next((draft for draft in drafts if draft.dataset == dataset), None)


def _empiar_draft(stored: StoredResult, accessions: AccessionsEntered, dataset: str) -> Made:
    draft = _empiar_draft_of(stored, accessions, dataset)
    return (f"empiar-{dataset}.json", json_text(draft.document)) if draft is not None else None


def _empiar_bundle(stored: StoredResult, accessions: AccessionsEntered, dataset: str) -> Made:
    draft = _empiar_draft_of(stored, accessions, dataset)
    return (f"empiar-{dataset}.zip", empiar_bundle_zip(draft=draft, stored=stored)) if draft is not None else None


def _onedep_handoff(stored: StoredResult, accessions: AccessionsEntered, slug: str) -> Made:
    handoffs = onedep_handoffs(stored=stored, accessions=accessions)
    handoff = next((handoff for handoff in handoffs if handoff.slug == slug), None)
    return (handoff.filename, json_text(handoff.document)) if handoff is not None else None


def _pagetab(stored: StoredResult, accessions: AccessionsEntered, step: int) -> Made:
    draft = next((draft for draft in pagetab_drafts(stored=stored, accessions=accessions) if draft.step == step), None)
    return (draft.filename, pagetab_json(draft=draft)) if draft is not None else None


def _bia_outline(stored: StoredResult, accessions: AccessionsEntered, part: Any) -> Made:
    if not stored.depositions_to("bia"):
        return None
    return "bia-outline.zip", bia_outline_zip(stored=stored, accessions=accessions)


def _st_sheet(stored: StoredResult, accessions: AccessionsEntered, part: Any) -> Made:
    return ("st-metadata.tsv", st_sheet_tsv(stored=stored)) if st_datasets(stored=stored) else None


def _empiar_instructions(download: StepDownload) -> SafeString:
    choices = format_html_join(" ", "{}", ((choice,) for choice in download.choices))
    return format_html(
        ": <code>deposition.json</code> to fill (every “FILL IN”, the e-mail, the country AQ, counts 0, EMD-0000…; "
        'also <a href="{}" download>as JSON alone</a>) and <code>empiar_submit.py</code>, which refuses to run while '
        "a placeholder is left or an image set’s folder is missing, then uploads with empiar-depositor and stops "
        "before the final submit."
        '\n        <ol class="list list--number" data-empiar-how>'
        '\n          <li>Token: create an API token at <a href="{}">{}</a>.</li>'
        "\n          <li>Transfer password: ask the EMPIAR team ({}), then <code>export EMPIAR_TRANSFER_PASS=…</code>; "
        "it is neither the token nor your EMPIAR password.</li>"
        "\n          <li>Run <code>python empiar_submit.py --data &lt;folder&gt; --ascp &lt;path of ascp&gt;</code> "
        "(or <code>--globus &lt;endpoint UUID&gt;</code>), then review the entry on empiar.org and submit it "
        "there.</li>"
        "\n        </ol>"
        "\n        {}{}",
        dict(download.links)["json"],
        ARCHIVES["empiar"].api_token_url,
        ARCHIVES["empiar"].api_token_url.removeprefix("https://"),
        ARCHIVES["empiar"].contact,
        "Check: " if download.choices else "",
        format_html("{}{}", choices, AFTER),
    )


def _onedep_instructions(download: StepDownload) -> SafeString:
    return format_html(
        ': the EM subtype and the files OneDep requires; fill it, then <a href="{}" download>onedep_deposit.py</a> '
        "checks it with onedep-lib and, with --deposit, opens the deposition.{}",
        dict(download.links)["script"],
        AFTER,
    )


def _pagetab_instructions(download: StepDownload) -> SafeString:
    return format_html(
        ": fill every “FILL IN” (release date, study, contact, and each organism, protocol and instrument), upload "
        "your data and this step’s file lists under the names it gives, then use “Submit PageTab” in the BioStudies "
        "submission tool.{}",
        AFTER,
    )


def _st_instructions(download: StepDownload) -> SafeString:
    return SafeString(
        ": every field of the shared table, with which are required and the table's examples, and a row per dataset"
    )


KIT_FILES: dict[str, KitFile] = {
    "empiar": KitFile(
        "kit-empiar-bundle",
        ZIP,
        _empiar_bundle,
        link_text="EMPIAR submission bundle for {dataset} (zip)",
        instructions=_empiar_instructions,
    ),
    "empiar-json": KitFile("kit-empiar-draft", JSON, _empiar_draft),
    "onedep": KitFile("kit-onedep-handoff", JSON, _onedep_handoff, "{title} (JSON)", _onedep_instructions),
    "bia-pagetab": KitFile("kit-pagetab", JSON, _pagetab, "{title}", _pagetab_instructions),
    "bia-outline": KitFile("kit-bia-outline", ZIP, _bia_outline, "{title} (zip)"),
    "st-metadata": KitFile("kit-st-sheet", TSV, _st_sheet, "{title} (TSV)", _st_instructions),
}
