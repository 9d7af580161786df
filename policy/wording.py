"""Words every room that writes sentences shares (the kit, the presenters, the wizard): written once, below them all."""

from collections.abc import Sequence


def list_text(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
