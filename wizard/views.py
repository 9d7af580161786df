"""The depositor's wizard: a formtools NamedUrlSessionWizardView for the steps, small views for the datasets.

Steps (one URL each, /study/<step>/): publication, datasets (the add-another list; each dataset is added or
changed on its own page, /study/datasets/new/ and /study/datasets/<label>/change/), correlations (only for
two or more datasets) and check. The URL names the step: a POST never trusts formtools' posted
`current_step`, and a step not yet reached redirects to the first unanswered one.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe
from formtools.wizard.views import NamedUrlSessionWizardView

from config.ratelimits import result_creation_count
from policy.engine import InvalidAnswers, answers_validate
from policy.engine.clauses import BEYOND_POLICY_CLAUSES, POLICY_CLAUSES
from policy.engine.questions import MAX_DATASETS
from policy.engine.questions import PUBLICATION as PUBLICATION_QUESTION
from policy.results import result_create, result_find
from wizard import content
from wizard.forms import CheckForm, CorrelationsForm, DatasetForm, DatasetsForm, PublicationForm
from wizard.htmx import page_render
from wizard.presenters import (
    check_answers,
    correlation_blocks,
    dataset_card,
    dataset_page_blocks,
    error_links,
    question_block,
)
from wizard.study import (
    CHECK,
    CORRELATIONS,
    DATASETS,
    PUBLICATION,
    STORAGE_PREFIX,
    correlations_asked,
    correlations_step_data,
    dataset_find,
    dataset_labels,
    dataset_remove,
    dataset_save,
    step_reachable,
    study_all_patient_medical,
    study_answers,
    study_datasets,
    study_first_unanswered,
    study_in_progress,
    study_load,
    study_start,
    study_started,
    study_steps,
    study_storage,
    study_submitted,
    study_submitted_mark,
)


def step_url(step: str) -> str:
    return reverse("wizard-step", args=[step])


def returning_to_check(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "wizard/start.html", {"in_progress": study_in_progress(request)})


@require_safe
def policy_text(request: HttpRequest) -> HttpResponse:
    """The policy the advice follows, clause by clause in its own words, and apart from it the archives' facts."""
    return render(
        request,
        "wizard/policy.html",
        {"policy_clauses": POLICY_CLAUSES, "beyond_policy_clauses": BEYOND_POLICY_CLAUSES},
    )


@require_GET
def wizard_begin(request: HttpRequest) -> HttpResponse:
    """ "Start now": carries on with a study in progress (another tab's, too) rather than wiping it."""
    storage = study_storage(request)
    if not study_started(storage) or study_submitted(storage):
        study_start(storage)
    return redirect(step_url(study_first_unanswered(storage)))


@require_POST
def wizard_restart(request: HttpRequest) -> HttpResponse:
    study_start(study_storage(request))
    return redirect(step_url(PUBLICATION))


@require_safe
def session_ended(request: HttpRequest) -> HttpResponse:
    return page_render(request, "wizard/session_ended.html", {"title": "Your answers could not be found"})


@require_safe
def cannot_deposit(request: HttpRequest) -> HttpResponse:
    storage = study_storage(request)
    if not study_started(storage):
        return redirect("wizard-session-ended")
    if not study_all_patient_medical(storage):
        return redirect(step_url(study_first_unanswered(storage)))
    return page_render(
        request,
        "wizard/cannot_deposit.html",
        {"title": "Your images cannot be deposited at EMBL-EBI", "back_url": step_url(CHECK)},
    )


@require_http_methods(["GET", "POST"])
def wizard_prefill(request: HttpRequest, result_id: str) -> HttpResponse:
    """ "Change answers" from a result: its answers become a fresh study, shown on check your answers."""
    result = result_find(result_id=result_id)
    if result is None:
        raise Http404("No result has this link.")
    try:
        # Answers stored under an earlier contract version are loaded as today's questions ask them.
        answers = answers_validate(result.answers).answers()
    except InvalidAnswers:
        # Made with questions that have changed since: nothing to prefill honestly.
        return render(request, "wizard/prefill_outdated.html", {"result": result}, status=409)
    storage = study_storage(request)
    if request.method == "GET" and study_started(storage) and not study_submitted(storage):
        # Any site can make a browser follow a link; only the depositor's own (CSRF-checked) POST may replace
        # a study they have not finished.
        return page_render(
            request,
            "wizard/prefill_confirm.html",
            {
                "title": "Replace the study you are working on?",
                "result": result,
                "back_url": step_url(study_first_unanswered(storage)),
            },
        )
    study_load(storage, answers=answers)
    return redirect(step_url(CHECK))


def _dataset_pages_guard(request: HttpRequest, storage) -> HttpResponse | None:
    if not study_started(storage):
        return redirect("wizard-session-ended")
    if not step_reachable(storage, DATASETS):
        return redirect(step_url(study_first_unanswered(storage)))
    return None


@require_http_methods(["GET", "POST"])
def dataset_add(request: HttpRequest) -> HttpResponse:
    storage = study_storage(request)
    if guard := _dataset_pages_guard(request, storage):
        return guard
    return _dataset_edit(request, storage, dataset=None)


@require_http_methods(["GET", "POST"])
def dataset_change(request: HttpRequest, label: str) -> HttpResponse:
    storage = study_storage(request)
    if guard := _dataset_pages_guard(request, storage):
        return guard
    dataset = dataset_find(storage, label=label)
    if dataset is None:
        return redirect(step_url(DATASETS))
    return _dataset_edit(request, storage, dataset=dataset)


@require_http_methods(["GET", "POST"])
def dataset_remove_view(request: HttpRequest, label: str) -> HttpResponse:
    storage = study_storage(request)
    if guard := _dataset_pages_guard(request, storage):
        return guard
    if request.method == "POST":
        dataset_remove(storage, label=label)
    return redirect(step_url(DATASETS))


def _dataset_already_added(storage, data) -> bool:
    """A replayed "add" (a double click, a resent form) of a dataset stored just as posted: nothing to do."""
    replay = DatasetForm(data)
    return replay.is_valid() and dataset_find(storage, label=replay.dataset["id"]) == replay.dataset


def _dataset_edit(request: HttpRequest, storage, *, dataset: dict | None) -> HttpResponse:
    adding = dataset is None
    if adding and len(study_datasets(storage)) >= MAX_DATASETS:
        return page_render(
            request,
            "wizard/dataset_limit.html",
            {"title": content.DATASETS_LIMIT_REACHED, "back_url": step_url(DATASETS)},
        )
    labels_taken = [label for label in dataset_labels(storage) if adding or label != dataset["id"]]
    errors: dict[str, list[str]] = {}
    if request.method == "GET":
        form = DatasetForm(dataset=dataset, labels_taken=labels_taken)
    else:
        form = DatasetForm(request.POST, labels_taken=labels_taken)
        if "preview" not in request.POST:
            if form.is_valid():
                dataset_save(storage, dataset=form.dataset, replacing=None if adding else dataset["id"])
                if returning_to_check(request):
                    return redirect(step_url(study_first_unanswered(storage)))
                return redirect(step_url(DATASETS))
            if adding and _dataset_already_added(storage, request.POST):
                return redirect(step_url(DATASETS))
            errors = form.visible_errors()
    title = "Add a dataset" if adding else f"Change dataset {dataset['id']}"
    context = {
        **dataset_page_blocks(form, errors=errors),
        "title": f"Error: {title}" if errors else title,
        "heading": title,
        "back_url": step_url(CHECK) if returning_to_check(request) else step_url(DATASETS),
        "form_action": request.get_full_path(),
    }
    return page_render(
        request,
        "wizard/dataset.html",
        context,
        partials={"follow-up-questions": "follow-ups", "dataset-editor": "editor"},
    )


class StudyWizard(NamedUrlSessionWizardView):
    form_list = [
        (PUBLICATION, PublicationForm),
        (DATASETS, DatasetsForm),
        (CORRELATIONS, CorrelationsForm),
        (CHECK, CheckForm),
    ]
    condition_dict = {CORRELATIONS: lambda wizard: correlations_asked(wizard.storage)}
    storage_name = "wizard.study.StudySessionStorage"

    def get_prefix(self, request, *args, **kwargs) -> str:
        return STORAGE_PREFIX

    def get_template_names(self) -> list[str]:
        return [f"wizard/step_{self.steps.current}.html"]

    def get_form_kwargs(self, step=None) -> dict:
        if step == DATASETS:
            return {"datasets": study_datasets(self.storage)}
        if step == CORRELATIONS:
            return {"labels": dataset_labels(self.storage)}
        return {}

    def _step_guard(self, step: str) -> HttpResponse | None:
        if step not in self.get_form_list() or not step_reachable(self.storage, step):
            return redirect(step_url(study_first_unanswered(self.storage)))
        return None

    def get(self, request: HttpRequest, *args, step: str | None = None, **kwargs) -> HttpResponse:
        if not study_started(self.storage):
            if step != PUBLICATION:
                return redirect("wizard-session-ended")
            study_start(self.storage)
        if guard := self._step_guard(step):
            return guard
        self.storage.current_step = step
        return self.render(self.get_form(step, data=self.storage.get_step_data(step)))

    def post(self, request: HttpRequest, *args, step: str | None = None, **kwargs) -> HttpResponse:
        # formtools would take the step from the posted management form (a forged one can 500); the URL decides.
        if not study_started(self.storage):
            return redirect("wizard-session-ended")
        if guard := self._step_guard(step):
            return guard
        self.storage.current_step = step
        form = self.get_form(step, data=request.POST)
        if isinstance(form, CorrelationsForm) and form.add_group_requested:
            return self.render(form)
        if not form.is_valid():
            return self.render(form, show_errors=True)
        if step == CHECK:
            return self.render_done(form, **kwargs)
        self.storage.set_step_data(step, self.process_step(form))
        return redirect(step_url(self._step_after(step)))

    def process_step(self, form) -> dict:
        if isinstance(form, CorrelationsForm):
            return correlations_step_data(correlated=form.cleaned_data["correlated"], groups=form.groups)
        prefix = f"{form.prefix}-"
        return {key: form.data.getlist(key) for key in form.data if key.startswith(prefix)}

    def _step_after(self, step: str) -> str:
        first_unanswered = study_first_unanswered(self.storage)
        steps = study_steps(self.storage)
        if returning_to_check(self.request) or steps.index(step) + 1 > steps.index(first_unanswered):
            return first_unanswered
        return steps[steps.index(step) + 1]

    def render_done(self, form, **kwargs) -> HttpResponse:
        """Submit the study. The stored answers are checked again by the engine, never trusted."""
        result_creation_count(self.request)
        answers = study_answers(self.storage)
        try:
            answers_validate(answers)
        except InvalidAnswers:
            return redirect(step_url(study_first_unanswered(self.storage)))
        if study_all_patient_medical(self.storage):
            return redirect("wizard-cannot-deposit")
        return self.done([form], answers=answers)

    def done(self, form_list, *, answers: dict, **kwargs) -> HttpResponse:
        # The answers stay in the session, so a replayed final POST or the back button finds them; the same
        # answers give the same stored result.
        result, _created = result_create(answers=answers)
        study_submitted_mark(self.storage, result_id=result.id)
        return redirect(reverse("result", args=[result.id]))

    def render(self, form=None, **kwargs) -> HttpResponse:
        form = form or self.get_form()
        context = self.get_context_data(form=form, **kwargs)
        return page_render(
            self.request,
            self.get_template_names()[0],
            context,
            partials={"dataset-list": "dataset-list"},
        )

    def get_context_data(self, form, show_errors: bool = False, **kwargs) -> dict:
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        steps = study_steps(self.storage)
        index = steps.index(step)
        errors = form.errors if show_errors else {}
        returning = returning_to_check(self.request)
        title = content.STEP_TITLES[step]
        context.update(
            step=step,
            title=f"Error: {title}" if errors else title,
            heading=title,
            returning=returning,
            form_action=self.request.get_full_path(),
            back_url=step_url(CHECK) if returning else (step_url(steps[index - 1]) if index else reverse("start")),
        )
        context.update(getattr(self, f"_context_{step}")(form, errors))
        return context

    def _context_publication(self, form, errors) -> dict:
        block = question_block(form, PUBLICATION_QUESTION, errors=errors)
        return {"publication_block": block, "error_links": error_links([block])}

    def _context_datasets(self, form, errors) -> dict:
        datasets = study_datasets(self.storage)
        return {
            "cards": [dataset_card(dataset, returning=False) for dataset in datasets],
            "limit_reached": len(datasets) >= MAX_DATASETS,
            "max_datasets": MAX_DATASETS,
            "error_links": error_links([], errors.get("__all__", []), first_id="add-dataset"),
        }

    def _context_correlations(self, form, errors) -> dict:
        blocks = correlation_blocks(form, errors=errors)
        return {**blocks, "error_links": error_links([blocks["correlated"], *blocks["groups"]])}

    def _context_check(self, form, errors) -> dict:
        return {
            "answers": check_answers(study_answers(self.storage)),
            "all_patient_medical": study_all_patient_medical(self.storage),
            "error_links": [],
        }
