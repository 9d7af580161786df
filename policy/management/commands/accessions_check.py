"""The helpdesk's view of a depositor's accessions: what the archives say about each one typed for a stored plan,
with the same code as the result page's checks (policy/presenters/accession_checks.py)."""

import json
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policy.kit.accessions.entered import accessions_parse
from policy.presenters.accession_checks import accession_checks_present
from policy.results import result_find
from policy.stored_result import result_read


def _result_and_query(link: str, pairs: list[str]) -> tuple[str, dict[str, str]]:
    """A plan's link as the depositor shares it (/r/<id>?<step>=<accessions>…), or its id; then KEY=VALUES pairs."""
    parts = urlsplit(link)
    result_id = parts.path.rstrip("/").rpartition("/")[2] if parts.path else link
    query = dict(parse_qsl(parts.query))
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals:
            raise CommandError(f"Not KEY=ACCESSIONS: {pair!r}", returncode=2)
        query[key] = value
    return result_id, query


class Command(BaseCommand):
    help = (
        "Check the accessions typed for a stored plan against the archives' public APIs. Give the plan's link as "
        "the depositor shares it (accessions in its query string), or its id followed by STEP_KEY=ACCESSIONS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("link", help="the plan's link (https://…/r/<id>?…) or its id")
        parser.add_argument("pairs", nargs="*", help="STEP_KEY=ACCESSIONS, e.g. emdb:cryo-et=EMD-1234")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the checks as JSON")

    def handle(self, *args, link: str, pairs: list[str], as_json: bool, **options) -> None:
        if not settings.ACCESSION_CHECKS:
            raise CommandError("Accession checks are off (DEPOSITWIZARD_ACCESSION_CHECKS=0).", returncode=1)
        result_id, query = _result_and_query(link, pairs)
        result = result_find(result_id=result_id)
        if result is None:
            raise CommandError(f"No stored plan has the id {result_id!r}.", returncode=2)
        stored = result_read(result)
        accessions = accessions_parse(stored=stored, query=query)
        checks = accession_checks_present(stored=stored, accessions=accessions)
        if as_json:
            self._json_write(checks)
            return
        if not checks.rows:
            self.stdout.write("No accessions typed for this plan.")
        for row in checks.rows:
            check = row.check
            line = f"Step {row.step} · {row.archive_name} · {check.accession} · {check.summary}"
            self.stdout.write(line + (f" · “{check.title}”" if check.title else ""))
        for warning in checks.warnings:
            self.stdout.write(f"Warning: {warning.text}")

    def _json_write(self, checks) -> None:
        document = {
            "accessions": [
                {"step": row.step, "key": row.key, **row.check.as_cached(), "summary": row.check.summary}
                for row in checks.rows
            ],
            "warnings": [warning.text for warning in checks.warnings],
        }
        self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
