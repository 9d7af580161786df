"""A dataset's form the server refused, kept for its page: a Reload (or any GET of that page) shows what was typed,
with the errors, with or without JavaScript.

    session["refused_form"] = {"study": "k3J9...", "revision": 4, "path": "/study/datasets/new/", "data": {...}}

Kept until the page's answers are saved, or the study changes (its revision): a form refused before another change
would be judged against answers that are no longer there. Only the form's own fields are kept, never its CSRF token.
"""

from collections.abc import Iterable, Mapping

from django.contrib.sessions.backends.base import SessionBase

from wizard.study import Draft

SESSION_KEY = "refused_form"


def refused_keep(*, session: SessionBase, draft: Draft, path: str, data: Mapping[str, str], fields: Iterable[str]):
    session[SESSION_KEY] = {
        "study": draft["id"],
        "revision": draft["revision"],
        "path": path,
        "data": {name: data[name] for name in fields if name in data},
    }


def refused_find(*, session: SessionBase, draft: Draft, path: str) -> dict[str, str] | None:
    """What was posted to this page and refused, while the study is as it was then."""
    kept = session.get(SESSION_KEY)
    if kept is None or (kept["study"], kept["revision"], kept["path"]) != (draft["id"], draft["revision"], path):
        return None
    return dict(kept["data"])


def refused_forget(*, session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)
