"""What any page may show without its view passing it: the address for questions about where to deposit, and the
archives' facts (policy.engine.archives), so that no template writes them again. The 500 and 503 pages render
without context processors; config/errors.py passes them the address itself."""

from django.http import HttpRequest

from policy.engine.archives import ARCHIVES, PRESUBMISSION_CONTACT


def archive_facts(request: HttpRequest) -> dict:
    return {"contact_address": PRESUBMISSION_CONTACT, "archive_facts": ARCHIVES}
