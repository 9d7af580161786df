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
    assert statement.text.count("been deposited in") == len(stored.plan.depositions)
    for name in ("ArrayExpress", "(EMDB)", "(EMPIAR)", "the BioImage Archive"):
        assert name in statement.text
    assert "under accession code [ArrayExpress accession]." in statement.text
    assert "The raw tilt series (cryo-et) have been deposited in the Electron Microscopy Public" in statement.text
    assert "Representative tomograms (cryo-et) have been deposited in the Electron Microscopy Data" in statement.text
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
    assert "The raw tilt series and further tomograms (cryo-et)" in statement.text  # confirmed by the accession
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

    assert sentence.startswith("The mri data are not publicly available because they are medical images of people")
    assert "granted by [" in sentence
    assert "on request to [" in sentence
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

    assert "The human sequencing data (visium) have been deposited in the European Genome-phenome Archive" in text
    assert "did not consent to open release, they are available under controlled access" in text
    assert "Data Access Committee, which grants access" in text
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
            "The cryo-EM map (spa) has been deposited",
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
            "A representative tomogram (t) has been deposited",
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
            "The atomic model (t) has been deposited",
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
            "The subtomogram average (t) has been deposited",
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
            "The correlation information (a, b) has been deposited in the BioImage Archive",
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
    labels = set(stored.datasets)

    for query in (NOTHING_TYPED, typed_for_every_step(stored)):
        statement = statement_of(stored, query)
        deposited = " ".join(part.text for part in statement.parts if "been deposited" in part.text)
        assert _parenthesised_is_labels_links_or_abbreviations(deposited, labels) == []
        for word in CHECKLIST_WORDS:
            assert word not in deposited.lower()


@GENERATED
@given(studies())
def test_every_generated_statement_agrees_verb_and_subject(answers):
    stored = planned(answers)

    for query in (NOTHING_TYPED, typed_for_every_step(stored)):
        accessions = accessions_parse(stored=stored, query=query)
        statement = statement_build(stored=stored, accessions=accessions)
        sentences = [part.text for part in statement.parts if "been deposited" in part.text]
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

    assert part.text.startswith(
        "The tissue images are not publicly available because the participants did not consent to their open release"
    )
