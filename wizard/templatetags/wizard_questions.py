"""{% question block %}: one question block (wizard.presenters.QuestionBlock), rendered once per process; {%
new_dataset_questions %}: a new dataset's questions, the same for every depositor, rendered once per process.

A block is plain, frozen data (words, choices, the answer shown, its error), so the same block always renders the
same HTML: the wizard's pages, which are mostly questions, then cost little more than their layout. Under DEBUG
every block is rendered afresh, so that an edited template shows at once.
"""

from functools import cache, lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from wizard.presenters import QuestionBlock, new_dataset_blocks

register = template.Library()
TEMPLATE = "wizard/includes/question.html"
# The questions and follow-up groups of a dataset's page (wizard/dataset.html).
DATASET_QUESTIONS_TEMPLATE = "wizard/dataset.html#questions"


def _render(block: QuestionBlock, as_heading: bool) -> SafeString:
    return mark_safe(render_to_string(TEMPLATE, {"question": block, "as_heading": as_heading}))


# Bounded: a block holds what a depositor typed (a label) or was told (an error), so they are not all alike.
_render_cached = lru_cache(maxsize=4096)(_render)


@register.simple_tag
def question(block: QuestionBlock, *, as_heading: bool = False) -> SafeString:
    return (_render if settings.DEBUG else _render_cached)(block, as_heading)


def _new_dataset_render() -> SafeString:
    return mark_safe(render_to_string(DATASET_QUESTIONS_TEMPLATE, new_dataset_blocks()))


_new_dataset_render_cached = cache(_new_dataset_render)


@register.simple_tag
def new_dataset_questions() -> SafeString:
    """Every question of a new dataset's page, unanswered: the page of each depositor who adds a dataset."""
    return (_new_dataset_render if settings.DEBUG else _new_dataset_render_cached)()
