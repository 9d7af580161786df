import re

import pytest
from hypothesis import HealthCheck, given, settings

from bench.plans import single_dataset_answers
from policy.engine.archives import ARCHIVES
from policy.engine.rules import DATASET_RULES
from policy.kit.accessions.entered import accessions_parse
from policy.kit.accessions.links import accession_url
from policy.kit.accessions.statement import PRINT_PHRASES, statement_build
from policy.stored_result import StoredResult, stored_result_read
from tests.policy.kit.conftest import planned
from tests.strategies import studies

NOTHING_TYPED = {}
FIVE_TYPED = {
    "arrayexpress:visium": "E-MTAB-1234",
    "emdb:cryo-et": "EMD-1111 EMD-2222",
    "empiar:cryo-et": "EMPIAR-10999",
    "empiar:fib-sem": "EMPIAR-11000",
    "bia-imaging": "S-BIAD2000",
}
URL = re.compile(r"https://\S+?(?=\)|\s|$)")
PARENTHESISED = re.compile(r"\(([^()]*)\)")
ABBREVIATIONS = {"EMDB", "EMPIAR", "PDB", "EGA"}
CHECKLIST_WORDS = ("required", "each as", "e.g.", "for example", "fill", "say how", " ask ")
# One accession per archive and index, each matching its archive's format, so that every link is distinct.
ACCESSION_OF = {
    "bia": lambda n: f"S-BIAD{100 + n}",
    "empiar": lambda n: f"EMPIAR-{10000 + n}",
    "emdb": lambda n: f"EMD-{1000 + n}",
    "pdb": lambda n: f"{n % 9 + 1}AB{chr(65 + n % 26)}",
    "arrayexpress": lambda n: f"E-MTAB-{n + 1}",
    "pride": lambda n: f"PXD{n:06d}",
    "metabolights": lambda n: f"MTBLS{n + 1}",
    "ega": lambda n: f"EGAD{n:011d}",
}
GENERATED = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def deposition_parts(statement) -> list:
    """The sentences of depositions made, without the two options offered for data not deposited."""
    return [part for part in statement.parts if not part.text.startswith("[Either:]")]


def statement_of(stored: StoredResult, query: dict):
    return statement_build(stored=stored, accessions=accessions_parse(stored=stored, query=query))


def typed_for_every_step(stored: StoredResult) -> dict[str, str]:
    return {
        deposition.key: ACCESSION_OF[deposition.archive](number)
        for number, deposition in enumerate(stored.plan.depositions)
        if deposition.archive in ACCESSION_OF
    }


def test_five_dataset_study_statement_names_each_archive_with_placeholders_until_accessions_arrive(
    five_dataset_study,
):
    stored = planned(five_dataset_study)

    statement = statement_of(stored, NOTHING_TYPED)

    assert not statement.complete
    assert " ".join(part.text for part in deposition_parts(statement)).count("been deposited in") == len(
        stored.plan.depositions
    )
    for name in ("ArrayExpress", "(EMDB)", "(EMPIAR)", "the BioImage Archive"):
        assert name in statement.text
    assert "under accession code [ArrayExpress accession]." in statement.text
    assert "The raw tilt series have been deposited in the Electron Microscopy Public" in statement.text
    assert "Representative tomograms have been deposited in the Electron Microscopy Data" in statement.text
    assert "tomograms, each as" not in statement.text
    assert "further tomograms" not in statement.text  # optional, not confirmed
    assert URL.findall(statement.text) == []
    assert len(statement.references) == len(stored.plan.depositions)


def test_statement_carries_the_accessions_typed_each_with_its_link_and_is_complete_once_all_are_known(
    five_dataset_study,
):
    stored = planned(five_dataset_study)

    statement = statement_of(stored, FIVE_TYPED)

    assert "ArrayExpress under accession code E-MTAB-1234 (https://identifiers.org/arrayexpress:E-MTAB-1234)." in (
        statement.text
    )
    assert (
        "(EMDB) under accession codes EMD-1111 (https://identifiers.org/emdb:EMD-1111) and EMD-2222 "
        "(https://identifiers.org/emdb:EMD-2222)." in statement.text
    )
    assert "(EMPIAR) under accession code EMPIAR-10999 (https://doi.org/10.6019/EMPIAR-10999)." in statement.text
    assert "The raw tilt series and further tomograms have" in statement.text  # confirmed by the accession
    assert "the BioImage Archive under accession code S-BIAD2000 (https://identifiers.org/biostudies:S-BIAD2000)." in (
        statement.text
    )
    assert [part.complete for part in statement.parts] == [True] * 5 + [False]  # the patient dataset's sentence
    assert (
        "[Authors]. [Year]. [Title of the dataset]. EMPIAR. EMPIAR-10999. https://doi.org/10.6019/EMPIAR-10999"
        in statement.references
    )
    assert len(statement.references) == 6  # one per EMDB entry


def test_data_that_cannot_be_deposited_gets_the_reason_who_grants_access_and_how(five_dataset_study):
    stored = planned(five_dataset_study)

    sentence = statement_of(stored, NOTHING_TYPED).parts[-1].text

    # First another repository, then the restriction: the reason is the depositor's (legal or ethical), never
    # an archive's scope, and the label is a placeholder, never a noun.
    assert sentence.startswith("[Either:] [a description of the mri data, e.g. the brain MRI scans] have been")
    assert "[Or:] [a description of the mri data, e.g. the brain MRI scans] are not publicly available" in sentence
    assert "because [the legal or ethical reason" in sentence
    assert "granted by [" in sentence
    assert "on request to [" in sentence
    assert "archive" not in sentence.lower().split("[or:]")[1]
    assert "corresponding author" not in sentence


def test_controlled_access_data_says_why_and_that_the_data_access_committee_grants_access():
    stored = planned(
        {
            "answers_version": 2,
            "datasets": [
                {
                    "id": "visium",
                    "modality": "spatial_omics",
                    "omics_type": "transcriptomics",
                    "omics_repository_fits": True,
                    "human_tissue": True,
                    "human_controlled_access": True,
                }
            ],
        }
    )

    text = statement_of(stored, NOTHING_TYPED).text

    assert "The human sequencing data have been deposited in the European Genome-phenome Archive" in text
    assert "They are available under controlled access, as the participants' consent requires" in text
    assert "request access to each dataset, by its EGAD accession, from the Data Access Committee" in text
    assert text.count("controlled access") == 1


@pytest.mark.parametrize(
    ("answers", "query", "expected"),
    [
        (
            {
                "answers_version": 2,
                "datasets": [
                    {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"}
                    | {"atomic_model": False}
                ],
            },
            {"emdb:spa": "EMD-1234"},
            "The cryo-EM map has been deposited",
        ),
        (
            {
                "answers_version": 2,
                "datasets": [
                    {"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True}
                    | {"tomograms": "many", "subtomogram_average": True, "atomic_model": True}
                ],
            },
            {"emdb:t": "EMD-1234"},
            "A representative tomogram has been deposited",
        ),
        (
            {
                "answers_version": 2,
                "datasets": [
                    {"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True}
                    | {"tomograms": "many", "subtomogram_average": True, "atomic_model": True}
                ],
            },
            {},
            "The atomic model has been deposited",
        ),
        (
            {
                "answers_version": 2,
                "datasets": [
                    {"id": "t", "modality": "electron_microscopy", "em_method": "cryo_et", "tilt_series": True}
                    | {"tomograms": "few", "subtomogram_average": True, "atomic_model": False}
                ],
            },
            {},
            "The subtomogram average has been deposited",
        ),
        (
            {
                "answers_version": 2,
                "datasets": [
                    {"id": "a", "modality": "electron_microscopy", "em_method": "volume_em"},
                    {"id": "b", "modality": "xray_imaging", "dimensionality": "3d"},
                ],
                "correlations": [["a", "b"]],
            },
            {},
            "The correlation information has been deposited in the BioImage Archive",
        ),
    ],
    ids=["one-map", "one-representative-tomogram", "model", "average", "correlation-alone"],
)
def test_a_single_thing_takes_has(answers, query, expected):
    stored = planned(answers)

    assert expected in statement_of(stored, query).text


def test_every_placement_of_the_rules_has_a_phrase_for_print():
    placements = {placement.contents for rule in DATASET_RULES for placement in rule.places}

    assert placements - set(PRINT_PHRASES) == set()


@pytest.mark.parametrize("answers", single_dataset_answers(), ids=lambda answers: str(answers["datasets"][0]))
def test_every_single_dataset_study_gets_one_sentence_per_deposition_or_refusal(answers):
    stored = planned(answers)

    statement = statement_of(stored, NOTHING_TYPED)

    required = [item for item in stored.plan.depositions if any(not c.optional for c in item.contents)]
    assert all(part.text.startswith("[Either:]") for part in statement.parts[len(required) :])
    assert len(statement.parts) == len(required) + len(stored.plan.not_accepted)
    for part, deposition in zip(statement.parts, required, strict=False):
        assert ARCHIVES[deposition.archive].in_print in part.text
        assert re.search(r"under accession codes? \[[^\]]+ accessions?\]\.", part.text)


def _parenthesised_is_labels_links_or_abbreviations(text: str, labels: set[str]) -> list[str]:
    wrong = []
    for inside in PARENTHESISED.findall(text):
        if inside in ABBREVIATIONS or URL.fullmatch(inside):
            continue
        if set(inside.split(", ")) <= labels:
            continue
        wrong.append(inside)
    return wrong


@GENERATED
@given(studies())
def test_no_generated_statement_carries_checklist_text(answers):
    stored = planned(answers)

    for query in (NOTHING_TYPED, typed_for_every_step(stored)):
        statement = statement_of(stored, query)
        deposited = " ".join(part.text for part in deposition_parts(statement))
        assert _parenthesised_is_labels_links_or_abbreviations(deposited, set()) == []
        for word in CHECKLIST_WORDS:
            assert word not in deposited.lower()


@GENERATED
@given(studies())
def test_every_generated_statement_agrees_verb_and_subject(answers):
    stored = planned(answers)

    for query in (NOTHING_TYPED, typed_for_every_step(stored)):
        accessions = accessions_parse(stored=stored, query=query)
        statement = statement_build(stored=stored, accessions=accessions)
        sentences = [part.text for part in deposition_parts(statement)]
        for sentence in sentences:
            subject = sentence.split(" been deposited", 1)[0]
            subject, verb = subject.rsplit(" ", 1)
            singular_phrases = {
                form
                for phrase in PRINT_PHRASES.values()
                for form, plural in ((phrase.many, phrase.plural), (phrase.one, phrase.one_plural))
                if form and not plural
            }
            bare = PARENTHESISED.sub("", subject).strip().lower()
            expected = "has" if bare in {phrase.lower() for phrase in singular_phrases} else "have"
            assert verb == expected, sentence


@GENERATED
@given(studies())
def test_every_typed_accession_has_exactly_one_link_in_the_statement_and_in_the_references(answers):
    stored = planned(answers)
    typed = typed_for_every_step(stored)

    statement = statement_of(stored, typed)

    archive_of = {deposition.key: deposition.archive for deposition in stored.plan.depositions}
    urls = [accession_url(archive=archive_of[key], accession=accession) for key, accession in typed.items()]
    assert sorted(URL.findall(statement.text)) == sorted(urls)
    assert sorted(url for entry in statement.references for url in URL.findall(entry)) == sorted(urls)


@GENERATED
@given(studies())
def test_optional_items_are_absent_until_their_step_is_confirmed(answers):
    stored = planned(answers)
    typed = typed_for_every_step(stored)

    before, after = statement_of(stored, NOTHING_TYPED).text, statement_of(stored, typed).text

    for deposition in stored.plan.depositions:
        required = {PRINT_PHRASES[item.what].many for item in deposition.contents if not item.optional}
        for item in deposition.contents:
            phrase = PRINT_PHRASES[item.what].many
            if item.optional and phrase not in required:
                assert phrase not in before.lower()
                assert phrase in after.lower()


def test_images_refused_for_want_of_consent_to_open_release_say_so_and_name_the_images_alone():
    plan = {
        "policy_version": "2026-11+0000000000",
        "answers_version": 3,
        "depositions": [],
        "linking": [],
        "not_accepted": [
            {
                "dataset": "tissue",
                "scope": "images",
                "reasons": [{"clause": "beyond-policy:bia-open-access", "why": "The BioImage Archive is open access."}],
            }
        ],
        "notes": [],
        "contacts": [],
    }
    stored = stored_result_read(plan=plan, answers={"datasets": []}, texts={})

    (part,) = statement_of(stored, NOTHING_TYPED).parts

    assert (
        "[Or:] [a description of the tissue images, e.g. the brain MRI scans] are not publicly available because the "
        "participants did not consent to their open release, which protects their privacy;"
    ) in part.text


def relabelled(answers: dict) -> dict:
    """The same study with labels no sentence could contain by chance."""
    names = {dataset["id"]: f"zqlabel{number}" for number, dataset in enumerate(answers["datasets"])}
    return {
        **answers,
        "datasets": [{**dataset, "id": names[dataset["id"]]} for dataset in answers["datasets"]],
        **(
            {"correlations": [[names[member] for member in group] for group in answers["correlations"]]}
            if "correlations" in answers
            else {}
        ),
    }


OUTSIDE_BRACKETS = re.compile(r"\[[^\[\]]*\]")
SCOPE_WORDS = ("archive", "accepts", "scope", "ebi")


@GENERATED
@given(studies())
def test_no_statement_names_a_dataset_by_its_label_or_gives_an_archive_as_the_reason(answers):
    stored = planned(relabelled(answers))

    for query in (NOTHING_TYPED, typed_for_every_step(stored)):
        statement = statement_of(stored, query)
        assert "zqlabel" not in OUTSIDE_BRACKETS.sub("", statement.text)
        for part in statement.parts:
            if part.text.startswith("[Either:]"):
                restriction = part.text.split("[Or:]", 1)[1]
                reason = restriction.split(" because ", 1)[1].split(";", 1)[0]
                assert not any(word in reason.lower() for word in SCOPE_WORDS), reason
                assert "access is granted by [" in restriction


def test_the_statement_counts_the_parts_left_to_replace():
    stored = planned({"answers_version": 4, "datasets": [{"id": "lm", "modality": "light_microscopy"}]})

    assert statement_of(stored, NOTHING_TYPED).placeholders == 5  # the accession and the reference's four
    assert statement_of(stored, {"bia-imaging": "S-BIAD2000"}).placeholders == 3  # the reference's authors, year, title


SPA_AND_XL_MS = {
    "answers_version": 4,
    "datasets": [
        {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle", "atomic_model": True},
        {"id": "xlms", "modality": "non_image", "data_type": "proteomics"},
    ],
}


def test_data_that_is_not_images_has_its_sentence_in_the_statement():
    stored = planned(SPA_AND_XL_MS)

    waiting = statement_of(stored, NOTHING_TYPED).text
    typed = statement_of(stored, {"pride:xlms": "PXD012345"}).text

    assert "The mass-spectrometry proteomics data have been deposited in" in waiting
    assert "under accession code [PRIDE accession]." in waiting
    assert "PRIDE database under accession code PXD012345 (https://identifiers.org/pride.project:PXD012345)" in typed
    assert "BioImage Archive" not in typed
