import pytest

from policy.engine import plan_for
from policy.presenters.picture import BOX_HEIGHT, NARROW, WIDE, plan_picture
from policy.presenters.plan import plan_present
from policy.results import texts_collect
from policy.stored_result import stored_result_read


def picture_of(answers: dict):
    plan = plan_for(answers)
    shown = plan_present(
        stored=stored_result_read(plan=plan, answers=answers, texts=texts_collect(plan=plan, answers=answers))
    )
    dataset_ids = sorted(dataset["id"] for dataset in answers["datasets"])
    return plan, plan_picture(plan=shown, dataset_ids=dataset_ids)


def test_one_arrow_per_dataset_and_archive_it_goes_to_in_both_layouts(full_study):
    plan, picture = picture_of(full_study)

    pairs = {(dataset, d["archive"]) for d in plan["depositions"] for dataset in d["datasets"]}
    for layout in (picture.wide, picture.narrow):
        assert len(layout.arrows) == len(pairs)
        assert [box.full_label for box in layout.archives] == ["ArrayExpress", "EMDB", "EMPIAR", "BioImage Archive"]


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_arrows_run_from_dataset_boxes_to_archive_boxes(full_study, layout):
    _, pictures = picture_of(full_study)
    picture = getattr(pictures, layout)

    for arrow in picture.arrows:
        starts = [
            box for box in picture.datasets if box.right == arrow.x1 and box.y <= arrow.y1 <= (box.y + BOX_HEIGHT)
        ]
        ends = [box for box in picture.archives if box.x - 8 == arrow.x2 and box.y <= arrow.y2 <= (box.y + BOX_HEIGHT)]
        assert len(starts) == 1
        assert len(ends) == 1
        assert not starts[0].refused


def test_each_linking_item_has_a_dashed_line_to_every_archive_it_ties_in_the_wide_layout(full_study):
    plan, picture = picture_of(full_study)

    correlation = next(box for box in picture.wide.links if box.full_label.startswith("Correlation information"))
    ends = [dash for dash in picture.wide.dashes if correlation.y <= dash.y2 <= (correlation.y + BOX_HEIGHT)]
    tied = {
        next(box.full_label for box in picture.wide.archives if box.y <= dash.y1 <= (box.y + BOX_HEIGHT))
        for dash in ends
    }
    assert tied == {"BioImage Archive", "EMPIAR"}
    assert len(picture.wide.links) == len(plan["linking"])


def test_the_narrow_layout_leaves_linking_to_the_steps_and_its_caption_says_so(full_study):
    _, picture = picture_of(full_study)

    assert (picture.narrow.links, picture.narrow.dashes) == ((), ())
    assert [heading.text for heading in picture.narrow.headings] == ["Datasets", "Archives"]
    assert "archive they go to (right)" in picture.narrow.caption
    assert "The linking items are in the steps that do them." in picture.narrow.caption
    assert [heading.text for heading in picture.wide.headings] == ["Datasets", "Archives", "Linking"]
    assert "(middle)" in picture.wide.caption
    assert "linking item (right)" in picture.wide.caption


def test_without_linking_the_wide_caption_has_no_middle_column(light_only_study):
    _, picture = picture_of(light_only_study)

    assert picture.wide.caption == "Your datasets (left) with an arrow to each archive they go to (right)."
    assert [heading.text for heading in picture.wide.headings] == ["Datasets", "Archives"]


def test_refused_datasets_are_marked_in_words_listed_last_and_not_struck_through(full_study):
    _, picture = picture_of(full_study)

    for layout, words in ((picture.wide, "not accepted at EBI"), (picture.narrow, "not accepted")):
        refused = layout.datasets[-1]
        assert (refused.full_label, refused.label, refused.sublabel) == ("scan", "scan", words)
        assert [box.refused for box in layout.datasets].count(True) == 1
        assert "red dashed box cannot be deposited" in layout.caption
    assert "scan cannot be deposited at EBI." in picture.description


def test_the_words_say_what_the_picture_shows(full_study):
    _, picture = picture_of(full_study)

    assert "spa goes to EMDB and EMPIAR." in picture.description
    assert (
        "Correlation information for fib-sem and lm ties together BioImage Archive and EMPIAR." in picture.description
    )


@pytest.mark.parametrize("layout", [WIDE, NARROW])
def test_long_labels_are_shortened_to_fit_and_kept_whole_for_the_tooltip(layout):
    label = "a-very-long-dataset-label-of-forty-chars"
    _, picture = picture_of({"datasets": [{"id": label, "modality": "light_microscopy"}]})

    box = getattr(picture, layout.name).datasets[0]
    assert box.full_label == label
    assert box.label.endswith("…")
    assert len(box.label) * layout.character_width <= box.width - 16


@pytest.mark.parametrize("layout", [WIDE, NARROW])
def test_the_refused_datasets_words_fit_its_box(layout):
    bold_character_width = layout.sublabel_font_size * 0.6  # a generous average for bold Arial
    assert len(layout.refused_label) * bold_character_width <= layout.dataset_width - 16


def test_archive_names_fit_the_narrow_layout_whole(full_study):
    _, picture = picture_of(full_study)

    assert [box.label for box in picture.narrow.archives] == [box.full_label for box in picture.narrow.archives]


@pytest.mark.parametrize("layout", [WIDE, NARROW])
def test_an_archive_name_too_long_for_its_box_is_its_own_abbreviation_never_cut(layout):
    human_reads = {
        "answers_version": 4,
        "datasets": [
            {"id": "visium", "modality": "spatial_omics", "omics_type": "transcriptomics",
             "omics_repository_fits": True, "human_tissue": True, "human_data_open": False},
        ],
    }  # fmt: skip
    _, picture = picture_of(human_reads)

    (ega,) = [box for box in getattr(picture, layout.name).archives if "EGA" in box.full_label]
    assert ega.full_label == "European Genome-phenome Archive (EGA)"
    assert ega.label == "EGA"
    assert all(not box.label.endswith("…") for box in getattr(picture, layout.name).archives)


def test_the_picture_is_as_tall_as_its_longest_column(full_study, light_only_study):
    _, small = picture_of(light_only_study)
    _, large = picture_of(full_study)

    assert small.wide.height < large.wide.height
    assert all(
        (box.y + BOX_HEIGHT) <= large.wide.height
        for box in large.wide.datasets + large.wide.archives + large.wide.links
    )
