import pytest
from django.template import Context, Template
from django.utils.html import format_html


def rendered(source: str, **context) -> str:
    return Template("{% load policy_words %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"), (["<b>"], "&lt;b&gt;")],
)
def test_list_text_lists_the_items_escaped(items, text):
    assert rendered("{{ items|list_text }}", items=items) == text


def test_list_text_lists_an_attribute_and_keeps_safe_html_as_it_is():
    class Ref:
        def __init__(self, number: int) -> None:
            self.number = number
            self.link = format_html('<a href="#step-{}">step {}</a>', number, number)

    refs = [Ref(1), Ref(2)]

    assert rendered('{{ refs|list_text:"number" }}', refs=refs) == "1 and 2"
    assert (
        rendered('{{ refs|list_text:"link" }}', refs=refs)
        == '<a href="#step-1">step 1</a> and <a href="#step-2">step 2</a>'
    )
