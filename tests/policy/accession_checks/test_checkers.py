"""Each archive's checker on its recorded answers, in the three states: public (with title, release date and the
entries it cites), unknown (not public yet, or mistyped) and malformed (never sent)."""

import json

import pytest
from django.core.cache import caches
from hypothesis import given
from hypothesis import strategies as st

from policy.accession_checks.checkers import CHECKERS, cited_in, date_read
from policy.accession_checks.run import accession_check
from policy.accession_checks.states import CheckState
from policy.accession_checks.transport import HttpAnswer
from tests.policy.accession_checks.recorded import ARCHIVES, STATES, ReplayTransport, answer_of, recording

PUBLIC = {
    "empiar": ("Beta-galactosidase in complex with a cell-permeant inhibitor: raw movies", "2016-03-01", ("EMD-5995",)),
    "emdb": ("Beta-galactosidase in complex with a cell-permeant inhibitor", "2014-05-07", ("3J7H",)),
    "pdb": (
        "Structure of beta-galactosidase at 3.2-A resolution obtained by cryo-electron microscopy",
        "2014-05-07",
        ("EMD-5995",),
    ),
    "bia": ("Correlative light and electron microscopy of example cells", "2021-10-05", ("EMPIAR-10002",)),
    "arrayexpress": ("Spatial transcriptomics of example tissue", "2023-02-01", ("PRJEB57654", "S-BIAD287")),
    "ena": ("Spatial transcriptomics of example tissue: raw reads", "2023-02-01", ()),
    "pride": ("Proteomics of example tissue sections", "2019-06-03", ()),
    "metabolights": ("Mass-spectrometry imaging of example tissue", "2020-04-15", ()),
    "ega": ("Human thymus spatial atlas: sequencing data", "2024-05-20", ()),
}


def test_every_archive_has_a_checker_and_three_recordings():
    assert set(CHECKERS) == set(ARCHIVES) == set(PUBLIC)
    for archive in ARCHIVES:
        for state in STATES:
            assert recording(archive, state)["responses"], (archive, state)


@pytest.mark.parametrize("archive", ARCHIVES)
def test_public_entry_reads_as_public_with_title_date_and_citations(archive, replay):
    recorded = recording(archive, "public")
    check = accession_check(archive=archive, value=recorded["accession"], transport=replay)
    assert check.state is CheckState.PUBLIC
    assert (check.title, check.released, check.cites) == PUBLIC[archive]
    assert replay.asked == [response["url"] for response in recorded["responses"]]


@pytest.mark.parametrize("archive", ARCHIVES)
def test_unknown_entry_reads_as_not_public(archive, replay):
    recorded = recording(archive, "unknown")
    check = accession_check(archive=archive, value=recorded["accession"], transport=replay)
    assert check.state is CheckState.NOT_PUBLIC
    assert (check.title, check.released, check.cites) == ("", "", ())
    assert replay.asked == [response["url"] for response in recorded["responses"]]


@pytest.mark.parametrize("archive", ARCHIVES)
def test_malformed_accession_is_never_sent(archive, replay):
    check = accession_check(archive=archive, value=recording(archive, "malformed")["accession"], transport=replay)
    assert check.state is CheckState.MALFORMED
    assert replay.asked == []


@pytest.mark.parametrize("archive", ARCHIVES)
def test_archives_answer_to_a_malformed_value_reads_as_not_found(archive):
    """Should a value the format lets through be refused by the archive, it reads as "not public, or mistyped"."""
    recorded = recording(archive, "malformed")
    transport = ReplayTransport({response["url"]: answer_of(response) for response in recorded["responses"]})
    assert CHECKERS[archive].read(recorded["accession"], transport) is None


def test_accession_is_checked_in_its_canonical_form(replay):
    check = accession_check(archive="emdb", value="emd-5995", transport=replay)
    assert (check.accession, check.state) == ("EMD-5995", CheckState.PUBLIC)


def test_emdb_entry_on_hold_is_not_public_and_says_when_it_is_to_be_released():
    document = recording("emdb", "public")["responses"][0]["body"]
    document["admin"]["current_status"]["code"] = "HPUB"
    document["admin"]["key_dates"]["map_release"] = "2027-05-07"
    transport = ReplayTransport(
        {"https://www.ebi.ac.uk/emdb/api/entry/EMD-5995": HttpAnswer(200, json.dumps(document).encode())}
    )
    check = accession_check(archive="emdb", value="EMD-5995", transport=transport)
    assert (check.state, check.title, check.released, check.status) == (CheckState.NOT_PUBLIC, "", "2027-05-07", "HPUB")
    assert check.summary == "not public yet: to be released on 2027-05-07"


def test_private_pride_project_is_not_public_and_known_to_exist():
    url = "https://www.ebi.ac.uk/pride/ws/archive/v3/status/PXD012345"
    transport = ReplayTransport({url: HttpAnswer(200, b"PRIVATE", "text/plain")})
    check = accession_check(archive="pride", value="PXD012345", transport=transport)
    assert (check.state, check.summary) == (CheckState.NOT_PUBLIC, "not public yet (PRIVATE)")


def test_extended_pdb_id_with_a_short_form_is_asked_by_it(replay):
    check = accession_check(archive="pdb", value="pdb_00003j7h", transport=replay)
    assert (check.accession, check.state) == ("pdb_00003j7h", CheckState.PUBLIC)


def test_extended_pdb_id_without_a_short_form_cannot_be_checked(replay):
    check = accession_check(archive="pdb", value="pdb_10003j7h", transport=replay)
    assert check.state is CheckState.UNCHECKED
    assert replay.asked == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-03-01", "2016-03-01"),
        ("2016-03-01T00:00:00Z", "2016-03-01"),
        ("20140507", "2014-05-07"),
        ("01/03/2016", "2016-03-01"),
        (1456790400000, "2016-03-01"),
        ("soon", ""),
        (None, ""),
        (True, ""),
        (10**30, ""),
    ],
)
def test_date_read_gives_iso_or_nothing(value, expected):
    assert date_read(value) == expected


def test_cited_in_finds_accessions_in_names_and_urls_once():
    texts = ["EMD-5995", "https://www.ebi.ac.uk/empiar/EMPIAR-10002/", "emd-5995", "XEMD-1234", None, "1ABC"]
    assert cited_in(texts) == ("EMD-5995", "EMPIAR-10002")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@given(archive=st.sampled_from(ARCHIVES), document=JSON, status=st.sampled_from([200, 404, 500]))
def test_any_answer_reads_as_one_of_the_states(archive, document, status):
    """Whatever JSON an archive sends, the check ends in a state: never an exception."""
    caches["accessions"].clear()
    answer = HttpAnswer(status, json.dumps(document).encode())
    check = accession_check(
        archive=archive, value=recording(archive, "public")["accession"], transport=lambda url: answer
    )
    assert check.state in {CheckState.PUBLIC, CheckState.NOT_PUBLIC, CheckState.UNCHECKED}
