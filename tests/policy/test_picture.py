from policy.engine import plan_for
from policy.picture import plan_picture
from policy.presenters.checklist import checklist_build


def picture_of(answers: dict):
    plan = plan_for(answers)
    dataset_ids = sorted(dataset["id"] for dataset in answers["datasets"])
    return plan, plan_picture(checklist=checklist_build(plan=plan, texts={}), dataset_ids=dataset_ids)


def test_one_arrow_per_dataset_and_archive_it_goes_to(full_study):
    plan, picture = picture_of(full_study)

    pairs = {(dataset, d["archive"]) for d in plan["depositions"] for dataset in d["datasets"]}
    assert len(picture.arrows) == len(pairs)
    assert [box.full_label for box in picture.archives] == [
        "ArrayExpress",
        "EMDB",
        "EMPIAR",
        "BioImage Archive",
    ]


def test_arrows_run_from_dataset_boxes_to_archive_boxes(full_study):
    _, picture = picture_of(full_study)

    for arrow in picture.arrows:
        starts = [box for box in picture.datasets if box.right == arrow.x1 and box.y <= arrow.y1 <= box.bottom]
        ends = [box for box in picture.archives if box.x - 8 == arrow.x2 and box.y <= arrow.y2 <= box.bottom]
        assert len(starts) == 1
        assert len(ends) == 1
        assert not starts[0].crossed_out


def test_each_linking_item_has_a_dashed_line_to_every_archive_it_ties(full_study):
    plan, picture = picture_of(full_study)

    correlation = next(i for i, item in enumerate(plan["linking"]) if item["kind"] == "correlation")
    link_box = picture.links[correlation]
    ends = [dash for dash in picture.dashes if link_box.y <= dash.y2 <= link_box.bottom]
    tied = {next(box.full_label for box in picture.archives if box.y <= dash.y1 <= box.bottom) for dash in ends}
    assert tied == {"BioImage Archive", "EMPIAR"}
    assert len(picture.links) == len(plan["linking"])


def test_refused_datasets_are_crossed_out_and_listed_last(full_study):
    _, picture = picture_of(full_study)

    assert picture.datasets[-1].full_label == "scan"
    assert picture.datasets[-1].crossed_out
    assert [box.crossed_out for box in picture.datasets].count(True) == 1
    assert "scan cannot be deposited at EBI (crossed out)." in picture.description


def test_the_words_say_what_the_picture_shows(full_study):
    _, picture = picture_of(full_study)

    assert "spa goes to EMDB and EMPIAR." in picture.description
    assert (
        "Correlation information for fib-sem and lm ties together BioImage Archive and EMPIAR." in picture.description
    )


def test_long_labels_are_shortened_to_fit_and_kept_whole_for_the_tooltip():
    label = "a-very-long-dataset-label-of-forty-chars"
    _, picture = picture_of({"datasets": [{"id": label, "modality": "light_microscopy"}]})

    box = picture.datasets[0]
    assert box.full_label == label
    assert box.label.endswith("…")
    assert len(box.label) < len(label)


def test_the_picture_is_as_tall_as_its_longest_column(full_study, light_only_study):
    _, small = picture_of(light_only_study)
    _, large = picture_of(full_study)

    assert small.height < large.height
    assert all(box.bottom <= large.height for box in large.datasets + large.archives + large.links)
