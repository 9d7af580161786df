import pytest

from policy.presenters.wording import count_text, edition_text, marks_worded, terms_explained
from policy.wording import list_text


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 depositions"), (1, "1 deposition"), (2, "2 depositions"), (5, "5 depositions")]
)
def test_counts_agree_with_their_noun(count, text):
    assert count_text(count, "deposition") == text


@pytest.mark.parametrize(
    ("items", "text"), [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")]
)
def test_lists_read_as_a_sentence(items, text):
    assert list_text(items) == text


@pytest.mark.parametrize(
    ("version", "text"),
    [
        ("2026-11+c8fe75dc66", "November 2026"),
        ("2027-01+0000000000", "January 2027"),
        ("2026-13+x", "2026-13+x"),
        ("unversioned", "unversioned"),
    ],
)
def test_the_policy_version_reads_as_its_edition(version, text):
    assert edition_text(version) == text


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("BioImage Archive ✅, EMPIAR ❌.", "BioImage Archive ✅ accepted, EMPIAR ❌ not accepted."),
        ("EMPIAR (✅).", "EMPIAR (✅) accepted in part."),
        ("No marks.", "No marks."),
    ],
)
def test_the_policys_marks_are_followed_by_their_meaning(quote, text):
    assert marks_worded(quote) == text


def test_a_term_is_explained_once_at_its_first_use():
    explained: set[str] = set()

    first = terms_explained("Fill the BioImaging (REMBI) template.", explained)
    again = terms_explained("REMBI again.", explained)

    assert first == "Fill the BioImaging (REMBI, the Recommended Metadata for Biological Images) template."
    assert again == "REMBI again."
    assert terms_explained("PREMBIA is another word.", set()) == "PREMBIA is another word."
