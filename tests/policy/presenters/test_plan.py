import copy

import pytest

from policy.engine import answers_validate, plan_for
from policy.presenters.plan import plan_present
from policy.results import texts_collect
from policy.stored_result import stored_result_read


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


def test_each_step_has_one_sentence_of_why_its_first_reason(five_dataset_study):
    plan, shown = present(five_dataset_study)

    assert [step.why for step in shown.steps] == [d["reasons"][0]["why"] for d in plan["depositions"]]


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
