"""The wording rules templates share, as filters."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from policy.wording import list_text as words_listed

register = template.Library()


@register.filter
def list_text(items, attribute: str = "") -> SafeString:
    """{{ refs|list_text:"link" }}: "a", "a and b", "a, b and c" of each item (or of its `attribute`), escaped unless
    it is already safe HTML."""
    words = [conditional_escape(getattr(item, attribute) if attribute else item) for item in items]
    return mark_safe(words_listed(words))
