"""The four steps (publication, datasets, correlations, check) through django-formtools: the one module that meets
formtools, and what formtools does here and what it does not.

formtools does, through the extension points its documentation names:
- keep the steps and which of them are asked (`form_list`; `condition_dict`: correlations only for two or more
  datasets that can be deposited), and build a step's form with its prefix (`publication-…`), its initial values
  from the draft (`get_form_initial`) and its own arguments (`get_form_kwargs`);
- on a POST, refuse one without its management form (400; each step's page posts formtools' own,
  `wizard.management_form`, which its documentation says must be used), validate the step's form, hand a
  valid one's answers to the storage (`process_step`), and redirect to the next step at its URL (`get_step_url`).
  Which step is next is `get_next_step`: public, and what the documented `wizard.steps.next` reads, but not in the
  documentation's list of hooks, so pinned like `render_done` below;
- render a step (`get_template_names`, `get_context_data`; `render_to_response` sends it through `page_render`).

formtools does not, here:
- decide the step: the URL does (`StudyStorage.current_step`), so a forged or stale management form
  (`study-current_step`) changes nothing;
- keep step data: the draft (`wizard/study.py`) holds the answers themselves. A step's form is filled from it, never
  from replayed POST data, and nothing else of a POST is kept;
- finish: formtools would redirect the last step's POST to a `done` URL and, on that GET, replay every step's
  stored POST data through its form. Here the check step's valid POST submits (`render_done`, a hook outside
  formtools' documentation; tests/wizard/test_steps.py pins formtools 2.7 calling it for the last step only, and
  everything else this module relies on beyond the documentation);
- guard: `wizard.views.study_required` stands in front of it (no study, a form of a replaced study, a step not
  reached yet, formtools' `done` URL);
- the datasets' own pages (plain views in `wizard/views.py`), files, or "previous step" buttons (no page posts
  `wizard_goto_step`; a forged one only redirects to that step's URL, where the guard decides).
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from formtools.wizard.views import NamedUrlWizardView

from config.ratelimits import result_creation_count, result_store_count
from policy.engine import InvalidAnswers
from policy.results import result_create
from wizard import content
from wizard.forms import CheckForm, CorrelationsForm, DatasetsForm, PublicationForm
from wizard.htmx import page_render
from wizard.presenters import STEP_PAGES
from wizard.study import (
    CHECK,
    CORRELATIONS,
    DATASETS,
    PUBLICATION,
    Draft,
    correlations_asked,
    correlations_review,
    datasets_offered,
    step_url,
    study_answer,
    study_answers,
    study_changes,
    study_datasets,
    study_find,
    study_first_unanswered,
    study_next_url,
    study_nothing_deposited,
    study_submitted_mark,
    study_unanswered,
)


def returning_to_check(request: HttpRequest) -> bool:
    """A change made from Check your answers (its Change links carry `?return=check`, a flag, never a URL)."""
    return request.GET.get("return") == "check"


class StudyStorage:
    """The storage backend formtools asks for (`storage_name`), answered from the draft, member by member.

    Not a subclass of formtools' `BaseStorage`: that class is undocumented, and keeps the step, each step's POST data
    and files in a `data` dict of its own, none of which the draft is. Every member below is one that formtools 2.7
    reads or sets in this wizard (tests/wizard/test_steps.py lists them); one it does not have would be an
    AttributeError, never a silent default.
    """

    def __init__(self, prefix: str, request: HttpRequest, file_storage: object = None):
        self.request = request

    @property
    def current_step(self) -> str | None:
        """The URL's step. formtools sets the one a posted management form names ("the form was refreshed"), which
        here does nothing: a forged or stale one cannot make it render (or 500 on) a step the URL does not name."""
        return self.request.resolver_match.kwargs.get("step")

    @current_step.setter
    def current_step(self, step: str) -> None:
        pass

    # What formtools fills a step's form with on a GET: nothing, for the step's form is filled from the draft
    # (StudyWizard.get_form_initial), never from replayed POST data.
    current_step_data = None
    current_step_files = None

    # formtools adds these to every step's context: the wizard's get_context_data gives the draft's own instead.
    extra_data: Mapping[str, Any] = MappingProxyType({})

    def set_step_data(self, step: str, cleaned_data: Mapping[str, Any]) -> None:
        """A valid step's answers, in the contract's shape (StudyWizard.process_step), written into the draft."""
        study_answer(session=self.request.session, answers=cleaned_data)

    def set_step_files(self, step: str, files: Mapping[str, Any] | None) -> None:
        if files:
            raise ValueError("The study's answers have no files.")

    def update_response(self, response: HttpResponse) -> None:
        """formtools' chance to add to every response (cookies, deleting kept files): nothing to add, as the
        session middleware saves the draft and no file is kept."""


class StudyWizard(NamedUrlWizardView):
    form_list = [
        (PUBLICATION, PublicationForm),
        (DATASETS, DatasetsForm),
        (CORRELATIONS, CorrelationsForm),
        (CHECK, CheckForm),
    ]
    condition_dict = {CORRELATIONS: lambda wizard: correlations_asked(wizard.draft)}
    storage_name = f"{StudyStorage.__module__}.{StudyStorage.__qualname__}"

    @property
    def draft(self) -> Draft:
        return study_find(self.request.session)

    def get_prefix(self, request, *args, **kwargs) -> str:
        return "study"

    def get_template_names(self) -> list[str]:
        return [f"wizard/step_{self.steps.current}.html"]

    def get_form_initial(self, step: str) -> dict:
        draft = self.draft
        review = correlations_review(draft)
        if step == CORRELATIONS and review is not None:
            # Asked again: the earlier answer where it still applies (the groups that still make sense, or "no");
            # none chosen for the depositor where every group was dropped.
            if review["groups"] or review.get("answered_no"):
                return self.form_list[step].initial_from({"correlations": review["groups"]})
            return {}
        return self.form_list[step].initial_from(draft["answers"])

    def get_form_kwargs(self, step: str | None = None) -> dict:
        draft = self.draft
        if step == DATASETS:
            return {"datasets": study_datasets(draft)}
        if step == CORRELATIONS:
            return {"labels": [dataset["id"] for dataset in datasets_offered(study_datasets(draft))]}
        if step == CHECK:
            return {
                "revision": draft["revision"],
                "changes_since": lambda shown: study_changes(draft, shown=shown),
            }
        return {}

    def process_step(self, form) -> dict:
        """A valid step's answers, in the contract's shape, for the storage to write into the draft."""
        return form.answers

    def get_next_step(self, step: str | None = None) -> str | None:
        """Where a valid step leads: after a change made from Check your answers, back there (or to a question the
        change made necessary); otherwise the next step asked, as formtools counts them."""
        if returning_to_check(self.request):
            return study_first_unanswered(self.draft)
        return super().get_next_step(step)

    def get_step_url(self, step: str) -> str:
        """Where a step is answered (the datasets step of a study without any: the first dataset's page)."""
        return step_url(self.draft, step)

    def render_done(self, form, **kwargs) -> HttpResponse:
        """The check step's valid POST, its revision current: the answers the depositor confirmed. formtools would
        redirect to its `done` URL and replay each step's stored POST data through its form there; the draft holds
        the answers themselves, which result_create validates (once)."""
        return self.done([form], **kwargs)

    def done(self, form_list, **kwargs) -> HttpResponse:
        result_creation_count(self.request)
        draft = self.draft
        if study_nothing_deposited(draft):
            return redirect("wizard-cannot-deposit")
        if study_unanswered(draft):
            return redirect(study_next_url(draft))
        try:
            result, _created = result_create(
                answers=study_answers(draft), before_storing=lambda: result_store_count(self.request)
            )
        except InvalidAnswers:
            return redirect(study_next_url(draft))
        # The answers stay in the session, so a replayed final POST or the back button finds them; the same
        # answers give the same stored result.
        study_submitted_mark(session=self.request.session, result_id=result.id)
        return redirect("result", result.id)

    def get_context_data(self, form, **kwargs) -> dict:
        context = super().get_context_data(form=form, **kwargs)
        draft = self.draft
        step = self.steps.current
        steps = list(self.get_form_list())
        returning = returning_to_check(self.request)
        errors = form.visible_errors()
        title = content.STEP_TITLES[step]
        index = steps.index(step)
        context.update(
            STEP_PAGES[step](form, draft=draft, errors=errors),
            study=draft,
            step=step,
            title=f"Error: {title}" if errors else title,
            heading=title,
            returning=returning,
            form_action=self.request.get_full_path(),
            back_url=step_url(draft, CHECK)
            if returning
            else (step_url(draft, steps[index - 1]) if index else reverse("start")),
        )
        return context

    def render_to_response(self, context, **response_kwargs) -> HttpResponse:
        template_name = self.get_template_names()[0]
        return page_render(self.request, template_name, context, partials={"dataset-list": "dataset-list"})
