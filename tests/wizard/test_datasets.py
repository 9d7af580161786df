"""The datasets: the add-another list, and each dataset's page with every follow-up on it (conditional reveal)."""

import re
from html import escape
from html.parser import HTMLParser

import pytest

from policy.engine.questions import (
    DATASET_QUESTIONS,
    DATASET_QUESTIONS_BY_FIELD,
    LABEL_FORMULA_START,
    alternatives_of,
)
from policy.engine.vocabulary import EM_METHOD, MODALITY
from tests.builders import CRYO_ET, FIB, LM, SXT, dataset_as_stored
from tests.wizard.journeys import (
    DATASET_ADD,
    correlations_answer,
    dataset_data,
    dataset_post,
    form_post,
    step_post,
    study_started,
    text,
)
from wizard import content

pytestmark = pytest.mark.django_db


def answers(client) -> dict:
    return client.session["study"]["answers"]


def test_the_dataset_page_asks_every_question_with_the_engines_words(client):
    study_started(client)
    page = text(client.get(DATASET_ADD))
    for question in DATASET_QUESTIONS:
        assert question.text in page
        assert f'id="question-{question.field}"' in page
    for choice in MODALITY.choices + EM_METHOD.choices:
        assert choice.label in page
        assert escape(choice.hint) in page
    assert "SBF-SEM" in page
    assert "EMPIAR-10310" in page


class Blocks(HTMLParser):
    """Each question block and follow-up group of a page, with its attributes and the groups around it."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self, page: str):
        super().__init__()
        self.open: list[tuple[str, dict]] = []
        self.found: dict[str, tuple[dict, list[dict]]] = {}
        self.order: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if attrs.get("id", "").startswith(("question-", "follow-ups-")):
            self.found[attrs["id"]] = (attrs, [a for t, a in self.open if t == "details"])
            self.order.append(attrs["id"])
        if tag not in self.VOID:
            self.open.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def conditions(self, block_id: str) -> list[dict[str, list[str]]]:
        """The answers that reveal a block, alternative by alternative (data-reveal-when's "/"): each of its own
        with its group's, where the group names one kind of data (a group of several says only which of its
        questions reveal it)."""
        attrs, groups = self.found[block_id]
        common: dict[str, list[str]] = {}
        for group in groups:
            if "/" not in group.get("data-reveal-when", "/"):
                common.update(reveal_parsed(group["data-reveal-when"]))
        own = attrs.get("data-reveal-when")
        return [{**common, **reveal_parsed(alternative)} for alternative in own.split("/")] if own else [common]

    def hidden(self, block_id: str) -> bool:
        attrs, groups = self.found[block_id]
        return any("conditional--hidden" in item.get("class", "") for item in (*groups, attrs))

    def folded(self, block_id: str) -> bool:
        return any("open" not in group for group in self.found[block_id][1])


def reveal_parsed(alternative: str) -> dict[str, list[str]]:
    """ "modality=electron_microscopy;em_method=cryo_et|volume_em" as {"modality": [...], "em_method": [...]}."""
    pairs = [condition.split("=") for condition in alternative.split(";")]
    return {name: values.split("|") for name, values in pairs}


def form_choice(value) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else value


@pytest.mark.parametrize(
    "question", [q for q in DATASET_QUESTIONS if q.asked_when.conditions], ids=lambda question: question.field
)
def test_each_follow_up_is_revealed_by_the_answers_it_follows_and_says_so(client, question):
    """Shown without JavaScript (folded in its modality's group), hidden until then with it."""
    study_started(client)
    page = text(client.get(DATASET_ADD))
    blocks = Blocks(page)
    block_id = f"question-{question.field}"
    assert blocks.hidden(block_id)
    assert blocks.conditions(block_id) == [
        {name: [form_choice(value) for value in values] for name, values in alternative.conditions}
        for alternative in alternatives_of(question.asked_when)
    ]
    for name, values in question.asked_when.conditions:
        parent = DATASET_QUESTIONS_BY_FIELD[name]
        if parent.kind == "choice":
            assert all(parent.enumeration.label(value) in page for value in values)


def test_the_follow_up_groups_come_under_how_the_images_were_made_then_the_other_questions(client):
    study_started(client)
    blocks = Blocks(text(client.get(DATASET_ADD)))
    groups = [index for index, block_id in enumerate(blocks.order) if block_id.startswith("follow-ups-")]
    always = [f"question-{question.field}" for question in DATASET_QUESTIONS if not question.asked_when.conditions]
    modality = always.index("question-modality")
    # The label and how the images were made, then that answer's groups of follow-ups, then the other questions
    # every dataset answers, each follow-up of theirs under them.
    assert blocks.order[: modality + 1] == always[: modality + 1]
    assert groups[0] == modality + 1
    after = [block_id for block_id in blocks.order[groups[-1] :] if not blocks.found[block_id][1]][1:]
    assert [block_id for block_id in after if block_id in always] == always[modality + 1 :]


def test_controlled_access_comes_right_under_the_consent_it_completes_outside_the_groups(client):
    study_started(client)
    blocks = Blocks(text(client.get(DATASET_ADD)))
    consent = blocks.order.index("question-human_data_open")
    assert blocks.order[consent + 1] == "question-human_controlled_access"
    attrs, groups = blocks.found["question-human_controlled_access"]
    assert groups == []  # in no modality's group: the page reveals it with the answers it follows, modality too
    assert "modality=spatial_omics" in attrs["data-reveal-when"]
    assert "human_data_open=yes" in attrs["data-reveal-when"]


def test_follow_ups_are_grouped_under_the_modality_they_follow_in_its_order(client):
    study_started(client)
    page = text(client.get(DATASET_ADD))
    blocks = Blocks(page)
    groups = [block_id.removeprefix("follow-ups-") for block_id in blocks.order if block_id.startswith("follow-ups-")]
    # A follow-up of a question asked after the groups (controlled access, under the consent) is in none of them.
    every_dataset = [q.field for q in DATASET_QUESTIONS if "modality" not in dict(q.asked_when.conditions)]
    after_the_groups = set(every_dataset[every_dataset.index("modality") + 1 :])
    followed = {
        "-".join(values)
        for q in DATASET_QUESTIONS
        if after_the_groups.isdisjoint(dict(q.asked_when.conditions))
        for name, values in q.asked_when.conditions
        if name == "modality"
    }
    assert set(groups) == followed
    # Each kind of data in the order offered; a question asked of several (AnyOf) in a group after the first's.
    first_kinds = [MODALITY.values.index(group.split("-")[0]) for group in groups]
    assert first_kinds == sorted(first_kinds)
    for group_key in groups:
        title = " or ".join(MODALITY.label(value) for value in group_key.split("-"))
        assert f"{title}: more questions</summary>" in page
        group, _ = blocks.found[f"follow-ups-{group_key}"]
        assert "open" not in group, group_key  # folded on a new dataset's page
        assert blocks.hidden(f"follow-ups-{group_key}")
    # The answer that reveals a group, or a question, names it for screen readers (aria-controls, set by app.js).
    assert 'value="electron_microscopy" data-aria-controls="follow-ups-electron_microscopy"' in page
    assert re.search(r'value="cryo_et" data-aria-controls="question-tilt_series question-tomograms ', page)


def test_a_changed_datasets_follow_ups_start_revealed(client):
    study_started(client, datasets=[CRYO_ET])
    blocks = Blocks(text(client.get("/study/datasets/cryo-et/change/")))
    for field in ("em_method", "tilt_series", "tomograms"):
        assert not blocks.hidden(f"question-{field}"), field
        assert not blocks.folded(f"question-{field}"), field
    assert blocks.hidden("question-omics_type")
    assert blocks.folded("question-omics_type")


def test_a_group_with_an_error_opens_without_javascript(client):
    study_started(client)
    response = form_post(client, DATASET_ADD, {"id": "em", "modality": "electron_microscopy"})
    blocks = Blocks(text(response))
    assert not blocks.folded("question-em_method")
    assert blocks.folded("question-omics_type")


def test_a_dataset_with_its_follow_ups_is_one_post(client):
    study_started(client)
    response = dataset_post(client, CRYO_ET)
    assert response["Location"] == "/study/check/"
    assert answers(client)["datasets"] == [dataset_as_stored(CRYO_ET)]


def test_a_follow_up_left_unanswered_is_an_error(client):
    study_started(client)
    response = form_post(client, DATASET_ADD, {"id": "em", "modality": "electron_microscopy"})
    assert "Select the electron microscopy method" in text(response)
    assert "<title>Error: " in text(response)
    assert 'href="#id_em_method-0"' in text(response)


def test_cryo_et_with_nothing_to_deposit_is_refused_by_the_engine(client):
    study_started(client)
    response = dataset_post(client, {**CRYO_ET, "tilt_series": False, "tomograms": "none"})
    assert response.status_code == 200
    assert "needs tilt series, tomograms or a subtomogram average" in text(response)


def test_modality_not_offered_is_refused(client):
    study_started(client)
    response = form_post(
        client, DATASET_ADD, {"id": "x", "modality": "telepathy", "medical_imaging": "no", "human_tissue": "no"}
    )
    assert "Select one of the options offered" in text(response)


def test_an_answer_to_a_follow_up_not_asked_is_neither_judged_nor_kept(client):
    study_started(client)
    response = form_post(
        client,
        DATASET_ADD,
        {**dataset_data(LM), "em_method": "cryo_et", "tomograms": "not-a-choice", "tilt_series": "perhaps"},
    )
    assert response["Location"] == "/study/check/"
    assert answers(client)["datasets"] == [{**LM, "medical_imaging": False, "human_tissue": False}]


@pytest.mark.parametrize("label", ["", "has space", "x" * 41, "ünïcode", "a/b", "my dataset #1", "lm#"])
def test_invalid_labels_are_refused(client, label):
    study_started(client)
    response = dataset_post(client, {**LM, "id": label})
    assert response.status_code == 200
    assert "error-summary" in text(response)
    if label.strip():
        # The form's own words, never the engine's: both refuse with one anchored pattern.
        assert content.LABEL_INVALID in text(response)


def test_a_label_beginning_with_a_hyphen_is_refused_saying_why(client):
    study_started(client)
    response = dataset_post(client, {**LM, "id": "-lm"})

    assert "error-summary" in text(response)
    assert LABEL_FORMULA_START in text(response)
    assert content.LABEL_INVALID not in text(response)


def test_duplicate_labels_are_refused(client):
    study_started(client, datasets=[LM])
    response = dataset_post(client, {"id": "lm", "modality": "other"})
    assert "Another dataset is already labelled lm" in text(response)


def test_labels_differing_only_in_case_are_refused(client):
    # A and a name the same file on macOS and Windows: their BioImage Archive file lists would overwrite each other.
    study_started(client, datasets=[LM])
    response = dataset_post(client, {"id": "LM", "modality": "other"})
    page = text(response)
    assert "Another dataset is already labelled lm" in page
    assert '<a href="/study/datasets/lm/change/">change lm</a>' in page


def test_adding_the_same_dataset_twice_is_a_replay_not_an_error(client):
    study_started(client, datasets=[LM])
    assert dataset_post(client, LM)["Location"] == "/study/check/"
    assert len(answers(client)["datasets"]) == 1


def test_save_and_add_another_opens_the_next_datasets_page_under_the_list(client):
    study_started(client)
    response = dataset_post(client, LM, add_another=True)
    assert response["Location"] == DATASET_ADD
    page = text(client.get(DATASET_ADD))
    assert "You have added 1 dataset." in page
    assert 'id="dataset-lm"' in page
    assert "Save and add another dataset" in page


def test_the_first_datasets_page_goes_back_to_the_publication_question_and_later_ones_to_the_list(client):
    study_started(client)
    assert 'href="/study/publication/" class="back-link"' in text(client.get(DATASET_ADD))
    dataset_post(client, LM)
    assert 'href="/study/datasets/" class="back-link"' in text(client.get(DATASET_ADD))


def test_save_and_continue_goes_to_the_correlations_once_there_are_two(client):
    study_started(client, datasets=[LM])
    assert dataset_post(client, FIB)["Location"] == "/study/correlations/"


def test_the_list_summarises_each_dataset(client):
    study_started(client, datasets=[SXT])
    page = text(client.get("/study/datasets/"))
    assert "X-ray imaging, 3D images" in page


def test_the_list_requires_a_dataset_to_continue(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/remove/")
    page = client.get("/study/datasets/")
    assert "You have not added any datasets yet" in text(page)
    response = step_post(client, "datasets")
    assert "Add at least one dataset" in text(response)
    assert 'href="#add-dataset"' in text(response)


def test_at_most_fifty_datasets(client):
    study_started(client, datasets=[{"id": f"d{number}", "modality": "light_microscopy"} for number in range(50)])
    page = text(client.get("/study/datasets/"))
    assert "You have added 50 datasets" in page
    assert "Add another dataset" not in page
    response = dataset_post(client, {"id": "one-more", "modality": "light_microscopy"})
    assert "the most one study can have" in text(response)
    assert len(answers(client)["datasets"]) == 50


def test_change_a_dataset_keeps_its_place_and_renames_it_in_groups(client):
    study_started(client, datasets=[LM, FIB])
    correlations_answer(client, [["lm", "fib"]])
    assert 'value="lm"' in text(client.get("/study/datasets/lm/change/"))
    response = dataset_post(client, {**LM, "id": "confocal"}, url="/study/datasets/lm/change/")
    assert response["Location"] == "/study/datasets/"
    assert [dataset["id"] for dataset in answers(client)["datasets"]] == ["confocal", "fib"]
    assert answers(client)["correlations"] == [["confocal", "fib"]]


def test_change_an_unknown_dataset_says_it_is_no_longer_in_the_study(client):
    study_started(client, datasets=[LM])
    response = client.get("/study/datasets/nope/change/")
    assert response.status_code == 404
    assert "This dataset is no longer in your study" in text(response)
    assert "no dataset labelled “nope”" in text(response)
    assert 'href="/study/datasets/"' in text(response)


def test_remove_a_dataset_takes_it_out_of_its_groups(client):
    study_started(client, datasets=[LM, FIB, SXT])
    correlations_answer(client, [["lm", "fib", "sxt"]])
    assert client.get("/study/datasets/sxt/remove/").status_code == 200  # asks first (test_removing.py)
    assert len(answers(client)["datasets"]) == 3
    assert form_post(client, "/study/datasets/sxt/remove/")["Location"] == "/study/datasets/"
    # Asked again (see test_correlations.py), starting from the group as it still makes sense.
    assert "correlations" not in answers(client)
    assert client.session["study"]["correlations_review"]["groups"] == [["lm", "fib"]]
    correlations_answer(client, [["lm", "fib"]])
    assert answers(client)["correlations"] == [["lm", "fib"]]


def test_removing_down_to_one_dataset_drops_the_correlations_step(client):
    study_started(client, datasets=[LM, FIB])
    assert client.get("/study/check/")["Location"] == "/study/correlations/"
    form_post(client, "/study/datasets/fib/remove/")
    assert client.get("/study/check/").status_code == 200
    assert client.get("/study/correlations/")["Location"] == "/study/check/"


def test_a_stale_tab_continuing_an_emptied_list_is_told_to_add_a_dataset(client):
    study_started(client, datasets=[LM])
    form_post(client, "/study/datasets/lm/remove/")  # the other tab
    assert "Add at least one dataset" in text(step_post(client, "datasets"))
    assert client.get("/study/check/")["Location"] == "/study/datasets/new/"


def test_the_label_field_lets_the_browser_restore_it_on_back(client):
    study_started(client)
    assert "autocomplete=" not in text(client.get(DATASET_ADD))


def test_the_spatial_omics_group_says_once_where_the_tissue_images_go(client):
    study_started(client)
    page = text(client.get(DATASET_ADD))
    note = content.GROUP_NOTES["spatial_omics"]
    assert page.count(note) == 1
    assert note in page.split('id="follow-ups-spatial_omics"')[1].split("</details>")[0]


def test_a_group_of_several_kinds_of_data_opens_only_with_a_question_it_asks(client):
    """Segmentations are asked of cryo-ET and volume EM, and of 3D X-ray: their group never opens empty."""
    study_started(client)
    group = "follow-ups-electron_microscopy-xray_imaging"
    single_particle = {"id": "spa", "modality": "electron_microscopy", "em_method": "single_particle"}
    page = text(form_post(client, DATASET_ADD, single_particle))
    assert Blocks(page).hidden(group)
    for asked in (
        {**single_particle, "em_method": "volume_em"},
        {"id": "x", "modality": "xray_imaging", "dimensionality": "3d"},
    ):
        blocks = Blocks(text(form_post(client, DATASET_ADD, asked)))
        assert not blocks.hidden(group)
        assert not blocks.hidden("question-segmentations")
    attrs, _ = Blocks(page).found[group]
    assert attrs["data-reveal-when"] == (
        "modality=electron_microscopy;em_method=cryo_et|volume_em/modality=xray_imaging;dimensionality=3d"
    )


def test_the_human_samples_question_says_what_counts_and_the_examples_agree():
    hint = DATASET_QUESTIONS_BY_FIELD["human_tissue"].hint
    assert "cell lines" in hint
    assert "Medical imaging" in hint
    # "Other imaging" names the ultrasound the archives take, and where MRI, CT and ultrasound of people belong:
    # here, with the medical-imaging question to follow.
    other = next(choice for choice in MODALITY.choices if choice.value == "other")
    assert "ultrasound of animals" in other.hint
    assert "MRI, CT or ultrasound of people" in other.hint
    assert "medical imaging of people" in other.hint


def test_a_taken_label_on_the_add_page_offers_that_datasets_change_page(client):
    """Back after "Save and add another dataset" shows the form as it was sent: correcting it offers its page."""
    study_started(client, datasets=[LM])
    response = dataset_post(client, {**LM, "modality": "other"})
    page = text(response)
    assert "Another dataset is already labelled lm" in page
    assert '<a href="/study/datasets/lm/change/">change lm</a>' in page
