"""The clauses reasons cite: each beyond-policy fact names its page and says, in its title, what it is cited for."""

from collections import Counter

import pytest

from policy.engine.clauses import BEYOND_POLICY_CLAUSES, CLAUSES

OWN_ADVICE = {
    "beyond-policy:deposition-order",
    "beyond-policy:consent-open-release",
    "beyond-policy:related-data-links",
}


def test_every_beyond_policy_title_is_its_own():
    repeated = [title for title, count in Counter(c.title for c in BEYOND_POLICY_CLAUSES).items() if count > 1]

    assert repeated == []


@pytest.mark.parametrize("clause", [c for c in BEYOND_POLICY_CLAUSES if c.id not in OWN_ADVICE], ids=lambda c: c.id)
def test_every_beyond_policy_fact_cites_a_page(clause):
    assert clause.source.startswith(("https://", "http://"))


@pytest.mark.parametrize(
    ("clause_id", "not_said"),
    [
        ("beyond-policy:bia-scope", "De-identification"),  # the BIA's page does not say it
        ("beyond-policy:omics-repositories", "no specific linking guidance"),  # a research note, not the page
        ("beyond-policy:ega", "not to ArrayExpress"),  # Annotare takes processed data only
        ("beyond-policy:human-samples", "consent"),  # a study page gives no guidance
        ("beyond-policy:arrayexpress-st", "metadata table"),  # another page's fact
    ],
)
def test_a_fact_says_no_more_than_its_page(clause_id, not_said):
    assert not_said not in CLAUSES[clause_id].text
