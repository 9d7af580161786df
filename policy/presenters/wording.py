"""Small wording rules the result page and its exports share: counts, the policy's edition, its marks (lists:
policy/wording.py)."""

import re
from datetime import date

# The policy's examples table marks each archive ✅, ❌ or (✅): a missing emoji font shows an empty box, so each
# mark is followed by its meaning in words.
MARK_WORDS = (("(✅)", "(✅) accepted in part"), ("✅", "✅ accepted"), ("❌", "❌ not accepted"))
MARKS = re.compile("|".join(re.escape(mark) for mark, _ in MARK_WORDS))
EDITION = re.compile(r"(\d{4})-(\d{2})")

# Terms a depositor may not know, explained where the page first uses them (ebi-archive-facts.md).
TERMS = {"REMBI": "REMBI, the Recommended Metadata for Biological Images"}


def count_text(count: int, singular: str, plural: str = "") -> str:
    """ "1 deposition", "5 depositions"."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def marks_worded(text: str) -> str:
    words = dict(MARK_WORDS)
    return MARKS.sub(lambda match: words[match.group(0)], text)


def edition_text(policy_version: str) -> str:
    """The policy's edition as people say it ("November 2026") from a version like "2026-11+c8fe75dc66"; the
    fingerprint after "+" identifies the engine, for the JSON and the page's footer, not for reading."""
    match = EDITION.match(policy_version)
    if match is None:
        return policy_version
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return policy_version
    return date(year, month, 1).strftime("%B %Y")


def terms_explained(text: str, explained: set[str]) -> str:
    """The text with each term not yet explained on the page spelled out at its first use; `explained` is the
    page's record of terms already spelled out, updated in place."""
    for term, explanation in TERMS.items():
        if term in explained or not re.search(rf"\b{term}\b", text):
            continue
        explained.add(term)
        text = re.sub(rf"\b{term}\b", explanation, text, count=1)
    return text
