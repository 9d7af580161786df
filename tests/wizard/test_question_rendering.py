"""wizard_questions: what is rendered once per process is what the page would render afresh."""

from django.template.loader import render_to_string
from django.test import override_settings

from wizard.presenters import new_dataset_blocks

PAGE = "wizard/dataset.html#content"


def new_dataset_page(*, unanswered: bool) -> str:
    return render_to_string(PAGE, {**new_dataset_blocks(), "adding": True, "unanswered": unanswered})


@override_settings(DEBUG=False)
def test_a_new_datasets_questions_rendered_once_are_those_the_page_renders_itself():
    once = new_dataset_page(unanswered=True)

    assert once == new_dataset_page(unanswered=False)
    assert 'id="question-modality"' in once
    # Served from the process's copy the second time, the same again.
    assert new_dataset_page(unanswered=True) == once
