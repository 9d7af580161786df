from policy.engine import plan_for
from policy.engine.clauses import CLAUSES
from policy.presenters.checklist import ContentView, checklist_build, dataset_contents


def test_stored_words_win_over_the_current_engines(full_study):
    plan = plan_for(full_study)
    texts = {
        "clauses": {"rule-1": {"title": "Old title", "text": "Old words.", "source": "old", "beyond_policy": False}},
        "archives": {"empiar": {"name": "Old EMPIAR", "url": "https://old.example/", "accession_example": "E-1"}},
    }

    checklist = checklist_build(plan=plan, texts=texts)

    empiar = next(step for step in checklist.steps if step.archive.code == "empiar")
    rule_1 = next(reason for reason in empiar.reasons if reason.clause_id == "rule-1")
    assert empiar.archive.name == "Old EMPIAR"
    assert (rule_1.title, rule_1.quote) == ("Old title", "Old words.")
    table = next(reason for reason in empiar.reasons if reason.clause_id == "table-volume-em-xm")
    assert table.quote == CLAUSES["table-volume-em-xm"].text


def test_a_clause_unknown_to_the_stored_words_and_the_engine_still_shows_its_reason():
    plan = {
        "depositions": [
            {
                "key": "bia-imaging",
                "archive": "bia",
                "datasets": ["a"],
                "contents": [{"datasets": ["a"], "what": "images", "optional": False}],
                "route": "r",
                "submit_url": "https://www.ebi.ac.uk/biostudies/submissions/",
                "reasons": [{"clause": "retired-clause", "why": "It was so."}],
            }
        ],
        "linking": [],
        "not_accepted": [],
        "notes": [],
        "contacts": [],
    }

    reason = checklist_build(plan=plan, texts={}).steps[0].reasons[0]

    assert (reason.title, reason.why, reason.quote) == ("retired-clause", "It was so.", "")


def test_steps_are_numbered_from_one_in_plan_order(full_study):
    plan = plan_for(full_study)

    steps = checklist_build(plan=plan, texts={}).steps

    assert [step.number for step in steps] == list(range(1, len(plan["depositions"]) + 1))
    assert [step.archive.code for step in steps] == [d["archive"] for d in plan["depositions"]]


def test_dataset_contents_picks_what_one_dataset_alone_deposits():
    contents = (
        ContentView(("lm",), "light microscopy images", optional=False),
        ContentView(("st",), "spatial data", optional=False),
        ContentView(("a", "b"), "correlation information", optional=False),
    )

    assert dataset_contents(contents, "lm") == "light microscopy images"
    assert dataset_contents(contents, "a") == ""
