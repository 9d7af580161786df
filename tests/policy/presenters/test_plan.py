import copy

import pytest
from hypothesis import HealthCheck, given, settings

from policy.engine import answers_validate, plan_for
from policy.engine.rules import placement_whys
from policy.presenters.plan import plan_present
from policy.results import texts_collect
from policy.stored_result import stored_result_read
from tests.strategies import studies


def present(answers: dict, **texts_changes):
    plan = plan_for(answers)
    texts = texts_collect(plan=plan, answers=answers_validate(answers).answers())
    texts.update(texts_changes)
    stored = stored_result_read(plan=plan, answers=answers, texts=texts)
    return plan, plan_present(stored=stored)


def all_reasons(shown):
    """Every reason in the page's reading order."""
    reasons = [reason for step in shown.steps for reason in step.all_reasons]
    reasons += [reason for task in shown.loose_linking for reason in task.reasons]
    reasons += [reason for refused in shown.refused for reason in refused.reasons]
    reasons += [reason for note in shown.notes for reason in note.reasons]
    return reasons


def test_steps_are_the_plans_depositions_numbered_from_one_with_their_submission_links(five_dataset_study):
    plan, shown = present(five_dataset_study)

    assert [(step.number, step.key, step.archive.code, step.submit_url) for step in shown.steps] == [
        (number, deposition["key"], deposition["archive"], deposition["submit_url"])
        for number, deposition in enumerate(plan["depositions"], start=1)
    ]
    assert all(step.submit_url.startswith("https://") for step in shown.steps)


def test_the_steps_numbers_are_the_one_numbering_of_the_stored_plan(full_study):
    plan, shown = present(full_study)

    assert [step.key for step in shown.steps] == [deposition["key"] for deposition in plan["depositions"]]
    assert [step.number for step in shown.steps] == list(range(1, len(plan["depositions"]) + 1))


def test_each_step_names_the_earlier_steps_it_cites_and_the_later_ones_citing_it(five_dataset_study):
    _, shown = present(five_dataset_study)

    by_title = {step.title: step for step in shown.steps}
    cites = {title: [ref.number for ref in step.cites] for title, step in by_title.items()}
    cited_by = {title: [ref.number for ref in step.cited_by] for title, step in by_title.items()}
    assert cites == {
        "ArrayExpress: deposit visium": [],
        "EMDB: deposit cryo-et": [],
        "EMPIAR: deposit cryo-et": [2],
        "EMPIAR: deposit fib-sem": [],
        "BioImage Archive: deposit lm and visium": [1, 4],
    }
    assert cited_by == {
        "ArrayExpress: deposit visium": [5],
        "EMDB: deposit cryo-et": [3],
        "EMPIAR: deposit cryo-et": [],
        "EMPIAR: deposit fib-sem": [5],
        "BioImage Archive: deposit lm and visium": [],
    }


def test_linking_is_done_in_the_step_the_plan_says_and_nothing_is_left_apart(five_dataset_study):
    plan, shown = present(five_dataset_study)

    done = [(step.key, task.kind, task.datasets) for step in shown.steps for task in step.tasks]
    assert sorted(done) == sorted((item["in"], item["kind"], tuple(item["datasets"])) for item in plan["linking"])
    assert shown.loose_linking == ()


def test_linking_in_a_deposition_the_plan_does_not_list_is_shown_apart(five_dataset_study):
    plan = plan_for(five_dataset_study)
    texts = texts_collect(plan=plan, answers=five_dataset_study)
    plan = copy.deepcopy(plan)
    plan["linking"][0]["in"] = "retired-route"

    shown = plan_present(stored=stored_result_read(plan=plan, answers=five_dataset_study, texts=texts))

    assert [task.kind for task in shown.loose_linking] == [plan["linking"][0]["kind"]]
    assert len(shown.linking) == len(plan["linking"])


def test_a_clauses_words_are_quoted_once_where_the_page_first_cites_it(five_dataset_study):
    _, shown = present(five_dataset_study)

    reasons = all_reasons(shown)
    clauses = [reason.quote.clause_id for reason in reasons]
    assert len(clauses) > len(set(clauses))  # the plan cites some clauses more than once
    assert [reason.quote.clause_id for reason in reasons if reason.quoted_here] == list(dict.fromkeys(clauses))


HUMAN_VISIUM_CORRELATED = {
    "answers_version": 4,
    "publication": True,
    "datasets": [
        {"id": "lm", "modality": "light_microscopy"},
        {"id": "fib-sem", "modality": "electron_microscopy", "em_method": "volume_em"},
        {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics", "omics_repository_fits": True,
         "human_tissue": True, "human_data_open": True, "human_controlled_access": True},
    ],
    "correlations": [["fib-sem", "lm", "visium"]],
}  # fmt: skip


def step_of(shown, key: str):
    return next(step for step in shown.steps if step.key == key)


def test_each_steps_why_begins_with_the_sentence_it_always_had_its_first_reason(five_dataset_study):
    plan, shown = present(five_dataset_study)

    assert [step.why_lines[0].text for step in shown.steps] == [d["reasons"][0]["why"] for d in plan["depositions"]]


def test_a_step_of_several_datasets_says_why_for_each_and_for_their_correlation():
    plan, shown = present(HUMAN_VISIUM_CORRELATED)

    bia = step_of(shown, "bia-imaging")
    stored = [reason["why"] for reason in next(d for d in plan["depositions"] if d["key"] == "bia-imaging")["reasons"]]
    assert [(part.datasets, part.text) for part in bia.why_parts] == [
        (("lm",), "Light microscopy, super-resolution included, goes to the BioImage Archive."),
        (("visium",), "Spatial data (images, segmentations) is centralised in the BioImage Archive."),
        (("fib-sem", "lm", "visium"), "The BioImage Archive submission carries the correlation information."),
    ]
    assert all(part.text in stored for part in bia.why_parts)
    assert bia.why == ""  # every sentence is about some of its datasets, each named


def test_the_ega_steps_why_says_it_is_about_consent():
    _, shown = present(HUMAN_VISIUM_CORRELATED)

    ega = step_of(shown, "ega:visium")
    assert ega.why_parts == ()  # one dataset: its step's title names it
    assert ega.why.startswith("The omics data goes to the relevant omics repository. ")
    assert "consent" in ega.why
    # The participants consented to open release of the rest: the reads go to EGA for their controlled access.
    assert "without consent" not in ega.why
    assert ega.why.endswith("the reads that must stay under controlled access go to EGA.")


def test_datasets_explained_alike_share_one_sentence_without_names():
    two_light = {
        "answers_version": 4,
        "datasets": [{"id": "lm1", "modality": "light_microscopy"}, {"id": "lm2", "modality": "light_microscopy"}],
    }
    _, shown = present(two_light)

    (bia,) = shown.steps
    assert bia.why_parts == ()
    assert bia.why == "Light microscopy, super-resolution included, goes to the BioImage Archive."


def test_a_step_whose_data_the_table_no_longer_names_keeps_its_one_sentence():
    plan = plan_for(HUMAN_VISIUM_CORRELATED)
    texts = texts_collect(plan=plan, answers=answers_validate(HUMAN_VISIUM_CORRELATED).answers())
    plan = copy.deepcopy(plan)
    bia = next(d for d in plan["depositions"] if d["key"] == "bia-imaging")
    bia["contents"][1]["what"] = "words of an earlier release"

    shown = plan_present(stored=stored_result_read(plan=plan, answers=HUMAN_VISIUM_CORRELATED, texts=texts))

    step = step_of(shown, "bia-imaging")
    assert step.why == bia["reasons"][0]["why"]
    assert step.why_parts == ()


def test_the_only_data_of_a_step_in_earlier_words_is_explained_by_its_routes_reason():
    plan = plan_for(HUMAN_VISIUM_CORRELATED)
    texts = texts_collect(plan=plan, answers=answers_validate(HUMAN_VISIUM_CORRELATED).answers())
    plan = copy.deepcopy(plan)
    ega = next(d for d in plan["depositions"] if d["key"] == "ega:visium")
    ega["contents"][0]["what"] = "the human sequencing data, under controlled access"

    shown = plan_present(stored=stored_result_read(plan=plan, answers=HUMAN_VISIUM_CORRELATED, texts=texts))

    assert step_of(shown, "ega:visium").why == " ".join(reason["why"] for reason in ega["reasons"][:2])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studies())
def test_every_part_of_every_step_today_has_its_sentence_naming_its_datasets(answers):
    plan, shown = present(answers)

    for step, deposition in zip(shown.steps, plan["depositions"], strict=True):
        stored = {reason["why"] for reason in deposition["reasons"]}
        assert {line.text for line in step.why_lines} <= stored
        if step.why_parts:
            named = {dataset for part in step.why_parts for dataset in part.datasets}
            assert named == {dataset for content in deposition["contents"] for dataset in content["datasets"]}
        # No part fell back to the step's one sentence: each is explained by a reason of its own.
        wanted = {
            reason
            for content in deposition["contents"]
            for reason in placement_whys(route_key=deposition["key"].split(":")[0], contents=content["what"])
        }
        assert {line.text for line in step.why_lines} >= {why for _, why in wanted} & stored


def test_rembi_is_explained_where_the_page_first_uses_it(light_only_study):
    _, shown = present(light_only_study)

    texts = [reason.why for reason in all_reasons(shown)] + [r.quote.text for r in all_reasons(shown)]
    using = [text for text in texts if "REMBI" in text]
    assert len(using) >= 2
    assert "REMBI, the Recommended Metadata for Biological Images" in using[0]
    assert not any("Recommended Metadata" in text for text in using[1:])


def test_the_policys_marks_are_followed_by_words(five_dataset_study):
    _, shown = present(five_dataset_study)

    quotes = {reason.quote.clause_id: reason.quote.text for reason in all_reasons(shown) if reason.quoted_here}
    assert "BioImage Archive ✅ accepted, EMPIAR ❌ not accepted" in quotes["table-light-microscopy"]
    assert "EMPIAR (✅) accepted in part" in quotes["table-cryo-et"]


def test_the_stored_words_are_shown_not_the_engines(five_dataset_study):
    plan = plan_for(five_dataset_study)
    texts = texts_collect(plan=plan, answers=five_dataset_study)
    texts["archives"]["empiar"] = {**texts["archives"]["empiar"], "name": "Old EMPIAR"}
    texts["clauses"]["rule-1"] = {**texts["clauses"]["rule-1"], "title": "Old title", "text": "Old words."}

    shown = plan_present(stored=stored_result_read(plan=plan, answers=five_dataset_study, texts=texts))

    empiar = next(step for step in shown.steps if step.archive.code == "empiar")
    rule_1 = next(reason for reason in empiar.reasons if reason.quote.clause_id == "rule-1")
    assert empiar.archive.name == "Old EMPIAR"
    assert (rule_1.quote.title, rule_1.quote.text) == ("Old title", "Old words.")


def test_a_clause_the_words_do_not_hold_still_shows_its_reason(five_dataset_study):
    plan = copy.deepcopy(plan_for(five_dataset_study))
    plan["depositions"][0]["reasons"] = [{"clause": "retired-clause", "why": "It was so."}]

    stored = stored_result_read(plan=plan, answers=five_dataset_study, texts={})

    reason = plan_present(stored=stored).steps[0].reasons[0]

    assert (reason.why, reason.quote.title, reason.quote.text) == ("It was so.", "retired-clause", "")


@pytest.mark.parametrize(
    ("instead", "shown"),
    [
        ("Keep them.", "Keep them."),
        ("", "Ask image-presubmission@ebi.ac.uk what to do with these images; the rest of the plan still applies."),
    ],
)
def test_a_refused_dataset_says_what_to_do_instead(five_dataset_study, instead, shown):
    plan = copy.deepcopy(plan_for(five_dataset_study))
    plan["not_accepted"][0]["instead"] = instead

    refused = plan_present(stored=stored_result_read(plan=plan, answers=five_dataset_study, texts={})).refused

    assert [(item.dataset, item.instead) for item in refused] == [("mri", shown)]
    assert refused[0].why == plan["not_accepted"][0]["reasons"][0]["why"]
