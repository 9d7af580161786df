import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy.kit.accessions.entered import (
    ACCESSION_FORMATS,
    MAX_ACCESSIONS_PER_DEPOSITION,
    MAX_FIELD_LENGTH,
    accessions_parse,
)
from tests.policy.conftest import FIVE_DATASET_STUDY
from tests.policy.kit.conftest import planned

VALID = [
    ("bia", "S-BIAD1257", "S-BIAD1257"),
    ("bia", "s-biad17", "S-BIAD17"),
    ("bia", "S-BSST729", "S-BSST729"),
    ("empiar", "EMPIAR-10164", "EMPIAR-10164"),
    ("empiar", "empiar-10453", "EMPIAR-10453"),
    ("emdb", "EMD-8000", "EMD-8000"),
    ("emdb", "emd-12345", "EMD-12345"),
    ("pdb", "7abc", "7ABC"),
    ("pdb", "1A2B", "1A2B"),
    ("pdb", "PDB_00001abc", "pdb_00001abc"),
    ("arrayexpress", "E-MTAB-12345", "E-MTAB-12345"),
    ("pride", "PXD012345", "PXD012345"),
    ("metabolights", "MTBLS1", "MTBLS1"),
    ("ega", "EGAD00001015384", "EGAD00001015384"),
    ("ega", "egas00001000123", "EGAS00001000123"),
]
INVALID = [
    ("bia", "S-BIAD"),
    ("bia", "BIAD1257"),
    ("bia", "S-EPMC6266652"),
    ("bia", "EMPIAR-10164"),
    ("empiar", "EMPIAR-1"),
    ("empiar", "EMPIAR10164"),
    ("empiar", "EMD-8000"),
    ("emdb", "EMD-123"),
    ("emdb", "EMDB-8000"),
    ("emdb", "8000"),
    ("pdb", "abcd"),
    ("pdb", "7abcd"),
    ("pdb", "pdb_0001abc"),
    ("pdb", "EMD-8000"),
    ("arrayexpress", "E-GEOD-123"),
    ("arrayexpress", "E-MTAB-"),
    ("arrayexpress", "PXD012345"),
    ("pride", "PXD12345"),
    ("pride", "PXD0123456"),
    ("metabolights", "MTBLS"),
    ("metabolights", "MTBL1234"),
    ("ega", "EGAD0000101538"),
    ("ega", "EGAF00001015384"),
    ("ega", "E-MTAB-12345"),
]


@pytest.mark.parametrize(("archive", "typed", "canonical"), VALID)
def test_accession_of_its_archive_is_accepted_in_canonical_form(archive, typed, canonical):
    assert ACCESSION_FORMATS[archive].canonical(typed) == canonical


@pytest.mark.parametrize(("archive", "typed"), INVALID)
def test_value_that_is_not_an_accession_of_the_archive_is_refused(archive, typed):
    assert ACCESSION_FORMATS[archive].canonical(typed) is None


@pytest.mark.parametrize("archive", sorted(ACCESSION_FORMATS))
def test_each_archives_example_is_one_of_its_accessions_and_no_other_archives(archive):
    example = ACCESSION_FORMATS[archive].example

    accepted_by = {code for code in ACCESSION_FORMATS if ACCESSION_FORMATS[code].canonical(example)}

    assert accepted_by == {archive}


def test_accessions_are_read_per_deposition_with_a_message_per_wrong_field(five_dataset_study):
    stored = planned(five_dataset_study)

    entered = accessions_parse(
        stored=stored,
        query={
            "arrayexpress:visium": " e-mtab-1234 ",
            "emdb:cryo-et": "EMD-1111, EMD-2222;EMD-1111",
            "empiar:fib-sem": "EMPIAR-1",
            "not-a-step": "S-BIAD1",
        },
    )

    assert entered.of("arrayexpress:visium") == ("E-MTAB-1234",)
    assert entered.of("emdb:cryo-et") == ("EMD-1111", "EMD-2222")
    assert entered.of("empiar:fib-sem") == ()
    assert set(entered.errors) == {"empiar:fib-sem"}
    assert "EMPIAR-1" in entered.errors["empiar:fib-sem"]
    assert "EMPIAR- followed by five or more digits" in entered.errors["empiar:fib-sem"]
    assert entered.fields["empiar:fib-sem"].typed == "EMPIAR-1"
    assert "not-a-step" not in entered.fields
    assert entered.query() == {"arrayexpress:visium": "E-MTAB-1234", "emdb:cryo-et": "EMD-1111 EMD-2222"}


def test_a_field_longer_than_the_limit_is_refused_and_shown_cut(five_dataset_study):
    stored = planned(five_dataset_study)

    entered = accessions_parse(stored=stored, query={"bia-imaging": "S-BIAD1 " * 100})

    assert entered.of("bia-imaging") == ()
    assert f"at most {MAX_FIELD_LENGTH} characters" in entered.errors["bia-imaging"]
    assert len(entered.fields["bia-imaging"].typed) == MAX_FIELD_LENGTH


def test_too_many_accessions_for_one_deposition_are_refused(five_dataset_study):
    stored = planned(five_dataset_study)
    typed = " ".join(f"EMD-{1000 + n}" for n in range(MAX_ACCESSIONS_PER_DEPOSITION + 1))

    entered = accessions_parse(stored=stored, query={"emdb:cryo-et": typed})

    assert entered.of("emdb:cryo-et") == ()
    assert "At most" in entered.errors["emdb:cryo-et"]


@given(st.dictionaries(st.sampled_from(["bia-imaging", "emdb:cryo-et", "x"]), st.text(max_size=300)))
def test_any_typed_text_gives_valid_accessions_or_a_message(query):
    stored = planned(FIVE_DATASET_STUDY)
    archive_of = {deposition.key: deposition.archive for deposition in stored.plan.depositions}

    entered = accessions_parse(stored=stored, query=query)

    for key, item in entered.fields.items():
        assert len(item.typed) <= MAX_FIELD_LENGTH
        assert not (item.error and item.accessions)
        for accession in item.accessions:
            assert ACCESSION_FORMATS[archive_of[key]].canonical(accession) == accession


PASTED = [
    ("emdb", "EMD\u20101234", "EMD-1234"),  # hyphen
    ("emdb", "EMD\u20131234", "EMD-1234"),  # en dash
    ("emdb", "EMD\u20141234", "EMD-1234"),  # em dash
    ("emdb", "EMD\u22121234", "EMD-1234"),  # minus sign
    ("empiar", "EMPIAR\u201110164", "EMPIAR-10164"),  # non-breaking hyphen
    ("arrayexpress", "E\u2013MTAB\u201312345", "E-MTAB-12345"),
    ("bia", "\ufeffS-BIAD\u200b1257", "S-BIAD1257"),  # BOM and zero-width space from a copied cell
    ("bia", "\uff33-\uff22\uff29\uff21\uff24\uff11", "S-BIAD1"),  # full-width letters and digits
]


@pytest.mark.parametrize(("archive", "typed", "canonical"), PASTED)
def test_accession_pasted_with_look_alike_characters_is_read_as_typed_plainly(archive, typed, canonical):
    key = {"emdb": "emdb:cryo-et", "empiar": "empiar:cryo-et", "arrayexpress": "arrayexpress:visium"}
    stored = planned(FIVE_DATASET_STUDY)
    field_key = key.get(archive, "bia-imaging")

    entered = accessions_parse(stored=stored, query={field_key: typed})

    assert entered.of(field_key) == (canonical,)
    assert entered.errors == {}


def test_no_break_and_thin_spaces_separate_accessions():
    stored = planned(FIVE_DATASET_STUDY)

    entered = accessions_parse(stored=stored, query={"emdb:cryo-et": "EMD-1111\u00a0EMD-2222\u2009EMD-3333"})

    assert entered.of("emdb:cryo-et") == ("EMD-1111", "EMD-2222", "EMD-3333")


def test_a_wrong_value_is_quoted_normalised_so_the_message_shows_what_was_checked():
    stored = planned(FIVE_DATASET_STUDY)

    entered = accessions_parse(stored=stored, query={"emdb:cryo-et": "EMDB\u20131234"})

    assert "“EMDB-1234”" in entered.errors["emdb:cryo-et"]


def test_one_accession_given_for_two_steps_is_kept_with_a_warning_on_the_later_step():
    stored = planned(FIVE_DATASET_STUDY)
    keys = [deposition.key for deposition in stored.plan.depositions]
    first, later = keys.index("empiar:cryo-et") + 1, keys.index("empiar:fib-sem") + 1
    assert first < later

    entered = accessions_parse(
        stored=stored, query={"empiar:cryo-et": "EMPIAR-10164", "empiar:fib-sem": "empiar-10164"}
    )

    assert entered.of("empiar:cryo-et") == entered.of("empiar:fib-sem") == ("EMPIAR-10164",)
    assert {key: item.warning for key, item in entered.fields.items() if item.warning} == {
        "empiar:fib-sem": f"Also given for an earlier step: EMPIAR-10164 (step {first}). "
        "Each deposition has accessions of its own."
    }
    assert entered.errors == {}


def test_different_accessions_for_each_step_give_no_warning():
    stored = planned(FIVE_DATASET_STUDY)

    entered = accessions_parse(
        stored=stored, query={"empiar:cryo-et": "EMPIAR-10164", "empiar:fib-sem": "EMPIAR-10165"}
    )

    assert not any(item.warning for item in entered.fields.values())


HOMOGLYPHS = [
    ("empiar", "empiar:cryo-et", "EMP\u0130AR-10002", "\u0130", "latin capital letter i with dot above, U+0130"),
    ("bia", "bia-imaging", "S-B\u0130AD1", "\u0130", "latin capital letter i with dot above, U+0130"),
    ("bia", "bia-imaging", "s-b\u0131ad1", "\u0131", "latin small letter dotless i, U+0131"),
    ("emdb", "emdb:cryo-et", "EMD-1234\u0307", "\u0307", "combining dot above, U+0307"),
]


@pytest.mark.parametrize(("archive", "key", "typed", "odd", "named"), HOMOGLYPHS)
def test_a_look_alike_letter_is_refused_with_a_message_naming_it(archive, key, typed, odd, named):
    stored = planned(FIVE_DATASET_STUDY)

    entered = accessions_parse(stored=stored, query={key: typed})

    assert ACCESSION_FORMATS[archive].canonical(typed) is None
    assert entered.of(key) == ()
    assert f"has “{odd}” ({named})" in entered.errors[key]
    assert "plain letters and digits" in entered.errors[key]


def test_the_pdb_id_with_a_dotless_i_is_no_pdb_id():
    assert ACCESSION_FORMATS["pdb"].canonical("1\u0131AB") is None
    assert ACCESSION_FORMATS["pdb"].canonical("1IAB") == "1IAB"
