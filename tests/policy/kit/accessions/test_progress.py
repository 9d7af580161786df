import csv
import io

from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.progress import progress_build
from policy.presenters.downloads import ACCESSIONS_TEMPLATE, template_render
from policy.presenters.plan import plan_present
from policy.stored_result import StoredResult
from tests.policy.kit.conftest import planned


def filled_accessions(stored: StoredResult, query: dict) -> str:
    """The accessions template as the kit downloads it, in the words a result stores."""
    return template_render(
        template=ACCESSIONS_TEMPLATE,
        plan=plan_present(stored=stored),
        accessions=accessions_parse(stored=stored, query=query),
    )


def progress_of(answers: dict, query: dict):
    stored = planned(answers)
    return progress_build(stored=stored, accessions=accessions_parse(stored=stored, query=query))


def test_with_nothing_typed_no_step_is_done_and_the_next_is_the_first(five_dataset_study):
    progress = progress_of(five_dataset_study, {})

    assert progress.done_count == 0
    assert progress.next_step.key == "arrayexpress:visium"
    assert progress.next_step_links == ()


def test_the_next_step_shows_what_it_must_cite_with_the_accessions_typed(five_dataset_study):
    progress = progress_of(five_dataset_study, {"arrayexpress:visium": "E-MTAB-1234", "emdb:cryo-et": "EMD-1111"})

    assert progress.done_count == 2
    assert progress.next_step.key == "empiar:cryo-et"
    (link,) = progress.next_step_links
    assert link.ready
    assert [citation.text for citation in link.cites] == ["EMDB EMD-1111 (cryo-et)"]


def test_a_citation_of_a_step_not_done_says_so(five_dataset_study):
    progress = progress_of(five_dataset_study, {"arrayexpress:visium": "E-MTAB-1234"})

    bia_links = [link for link in progress.links if link.step == 5 and link.cites]
    texts = [citation.text for link in bia_links for citation in link.cites]
    assert "ArrayExpress E-MTAB-1234 (visium)" in texts
    assert "EMPIAR accession of step 4, not entered yet (fib-sem)" in texts
    assert not all(link.ready for link in bia_links)


def test_the_filled_accessions_table_has_a_row_per_dataset_of_each_step_and_the_correlation(five_dataset_study):
    text = filled_accessions(planned(five_dataset_study), query={"emdb:cryo-et": "EMD-1111", "bia-imaging": "S-BIAD9"})

    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), dialect="excel-tab"))
    assert [(row["Step"], row["Dataset"], row["Accession"]) for row in rows] == [
        ("1", "visium", ""),
        ("2", "cryo-et", "EMD-1111"),
        ("3", "cryo-et", ""),
        ("4", "fib-sem", ""),
        ("5", "lm", "S-BIAD9"),
        ("5", "visium", "S-BIAD9"),
        ("5", "correlation (fib-sem, lm)", "S-BIAD9"),
    ]


def test_the_table_opens_in_a_spreadsheet_as_utf_8_and_writes_labels_as_they_are():
    stored = planned({"datasets": [{"id": "lm_2-1", "modality": "light_microscopy"}]})

    text = filled_accessions(stored, query={})

    assert text.startswith("\ufeffStep\t")
    rows = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), dialect="excel-tab")
    assert [row["Dataset"] for row in rows] == ["lm_2-1"]
