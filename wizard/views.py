"""The depositor's wizard: the steps through formtools (wizard/steps.py), small views for the datasets.

Steps (one URL each, /study/<step>/): publication, datasets (the add-another list; each dataset is added or
changed on its own page, /study/datasets/new/ and /study/datasets/<label>/change/), correlations (only for
two or more datasets) and check. Every view reads and writes the study through wizard.study, and every view of a
study in progress stands behind one guard, `study_required`: no study in the session, a form of a study replaced
since (another window's "Start again"), and a step not reached yet each have their own answer.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from policy.engine import InvalidAnswers, answers_validate, plan_for
from policy.engine.clauses import BEYOND_POLICY_CLAUSES, POLICY_CLAUSES
from policy.engine.questions import MAX_DATASETS
from policy.presenters.plan import plan_present
from policy.results import result_find, texts_collect
from policy.stored_result import stored_result_read
from wizard import content
from wizard.forms import MEDICAL_IMAGING_CONFIRMED, DatasetForm
from wizard.htmx import page_render
from wizard.presenters import (
    dataset_list,
    dataset_question_blocks,
    dataset_removal,
    dataset_removed_words,
    new_dataset_blocks,
)
from wizard.refused import refused_find, refused_forget, refused_keep
from wizard.steps import StudyWizard, returning_to_check
from wizard.study import (
    CHECK,
    DATASETS,
    PUBLICATION,
    STUDY_ID_PATTERN,
    Draft,
    dataset_find,
    dataset_remove,
    dataset_save,
    step_reachable,
    step_url,
    study_answers,
    study_datasets,
    study_find,
    study_in_progress,
    study_load,
    study_next_url,
    study_nothing_deposited,
    study_offer,
    study_start,
)

# The form field that names the study a page belongs to (wizard/includes/form_fields.html).
STUDY_FIELD = "study"
ADD_ANOTHER = "add_another"


def study_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The one guard in front of every view of a study in progress: the answer for a request the study cannot
    take, else the view's. No study (the session ended); a form posted from a page of a study replaced since; a
    step not reached yet (or an unknown one, or formtools' `done`): to the first unanswered step.

    The step a view belongs to is the URL's (`step`), else the datasets step: a dataset's pages, and the page
    that follows them when none can be deposited."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        draft = study_find(request.session)
        if draft is None:
            return redirect("wizard-session-ended")
        if request.method == "POST" and request.POST.get(STUDY_FIELD) != draft["id"]:
            return page_render(
                request,
                "wizard/study_replaced.html",
                {"title": "This page was of a study you have replaced", "next_url": study_next_url(draft)},
                status=409,
            )
        step = kwargs.get("step", DATASETS)
        if not step_reachable(draft, step):
            if request.method == "POST":
                # A form of a page shown before another window changed the study (a forged one too): nothing of it
                # is kept, and the page it is sent on to says so, above the question now due.
                notice = content.CHANGED_ELSEWHERE_NO_PLAN if step == CHECK else content.CHANGED_ELSEWHERE
                messages.info(request, notice)
            return redirect(study_next_url(draft))
        return view(request, *args, **kwargs)

    return guarded


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    draft = study_find(request.session)
    in_progress = study_in_progress(draft)
    return render(
        request,
        "wizard/start.html",
        {"in_progress": in_progress, "continue_url": study_next_url(draft) if in_progress else ""},
    )


@require_safe
def policy_text(request: HttpRequest) -> HttpResponse:
    """The policy the advice follows, clause by clause in its own words, and apart from it the archives' facts."""
    return render(
        request,
        "wizard/policy.html",
        {"policy_clauses": POLICY_CLAUSES, "beyond_policy_clauses": BEYOND_POLICY_CLAUSES},
    )


@require_safe
def wizard_begin(request: HttpRequest) -> HttpResponse:
    """/study/ (older links): the study in progress where it stands, or the first question of a new one."""
    draft = study_find(request.session)
    if not study_in_progress(draft):
        return redirect("wizard-step", PUBLICATION)
    return redirect(study_next_url(draft))


@require_POST
def wizard_restart(request: HttpRequest) -> HttpResponse:
    study_start(session=request.session)
    return redirect("wizard-step", PUBLICATION)


@require_safe
def session_ended(request: HttpRequest) -> HttpResponse:
    return page_render(request, "wizard/session_ended.html", {"title": "Your answers could not be found"})


@require_safe
@study_required
def cannot_deposit(request: HttpRequest) -> HttpResponse:
    draft = study_find(request.session)
    if not study_nothing_deposited(draft):
        return redirect(study_next_url(draft))
    try:
        answers = answers_validate(study_answers(draft)).answers()
    except InvalidAnswers:
        return redirect(study_next_url(draft))
    plan = plan_for(answers)
    stored = stored_result_read(plan=plan, answers=answers, texts=texts_collect(plan=plan, answers=answers))
    return page_render(
        request,
        "wizard/cannot_deposit.html",
        {
            "title": "Nothing of this study can be deposited at EMBL-EBI",
            "back_url": step_url(draft, CHECK),
            "refused": plan_present(stored=stored).refused,
        },
    )


@require_http_methods(["GET", "POST"])
def wizard_prefill(request: HttpRequest, result_id: str) -> HttpResponse:
    """ "Change answers" from a result: its answers become a fresh study, shown on check your answers."""
    result = result_find(result_id=result_id)
    if result is None:
        raise Http404("No result has this link.")
    try:
        # Answers stored under an earlier contract version are loaded as today's questions ask them. What that
        # version never asked (policy/engine/not_asked.py) is left unanswered, for the wizard to ask.
        answers = answers_validate(result.answers).answers()
    except InvalidAnswers:
        # Made with questions that have changed since: nothing to prefill honestly.
        return render(request, "wizard/prefill_outdated.html", {"result": result}, status=409)
    draft = study_find(request.session)
    if request.method == "GET" and study_in_progress(draft):
        # Any site can make a browser follow a link; only the depositor's own (CSRF-checked) POST may replace
        # a study they have not finished.
        return page_render(
            request,
            "wizard/prefill_confirm.html",
            {
                "title": "Replace the study you are working on?",
                "result": result,
                "back_url": study_next_url(draft),
            },
        )
    study_load(session=request.session, answers=answers)
    return redirect("wizard-step", CHECK)


# --- Datasets -----------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@study_required
def dataset_add(request: HttpRequest) -> HttpResponse:
    draft = study_find(request.session)
    if len(study_datasets(draft)) >= MAX_DATASETS:
        return page_render(
            request,
            "wizard/dataset_limit.html",
            {"title": content.DATASETS_LIMIT_REACHED, "back_url": step_url(draft, DATASETS)},
        )
    return _dataset_edit(request, draft, dataset=None)


@require_http_methods(["GET", "POST"])
@study_required
def dataset_change(request: HttpRequest, label: str) -> HttpResponse:
    draft = study_find(request.session)
    dataset = dataset_find(draft, label=label)
    if dataset is None:
        # A Change link to a dataset removed or renamed since (often in another window): say so, never silently
        # show the list.
        return page_render(
            request,
            "wizard/dataset_missing.html",
            {
                "title": content.DATASET_MISSING,
                "label": label,
                "datasets_url": step_url(draft, DATASETS),
                "back_url": step_url(draft, DATASETS),
            },
            status=404,
        )
    return _dataset_edit(request, draft, dataset=dataset)


@require_http_methods(["GET", "POST"])
@study_required
def dataset_remove_view(request: HttpRequest, label: str) -> HttpResponse:
    """ "Remove": a GET asks (a page; with htmx, the same words in the list), the POST removes and the list says
    what went. A dataset no longer in the study (a replayed POST, another window) leaves the list as it is."""
    draft = study_find(request.session)
    dataset = dataset_find(draft, label=label)
    if dataset is None:
        return redirect("wizard-step", DATASETS)
    if request.method == "POST":
        removed = dataset_removed_words(draft, label=label)
        dataset_remove(session=request.session, label=label)
        messages.success(request, removed)
        return redirect("wizard-step", DATASETS)
    removal = dataset_removal(draft, dataset)
    return page_render(
        request,
        "wizard/dataset_remove.html",
        {
            **dataset_list(draft),
            "study": draft,
            "removal": removal,
            "title": removal.question,
            "back_url": removal.keep_url,
        },
        partials={"dataset-list": "dataset-list"},
    )


def _dataset_edit(request: HttpRequest, draft: Draft, *, dataset: dict | None) -> HttpResponse:
    adding = dataset is None
    labels_taken = [item["id"] for item in study_datasets(draft) if adding or item["id"] != dataset["id"]]
    errors: dict[str, list[str]] = {}
    refused = refused_find(session=request.session, draft=draft, path=request.path) if request.method == "GET" else None
    if refused is not None:
        # A Reload after a refused save: what was typed, with its errors.
        form = DatasetForm(refused, labels_taken=labels_taken)
        errors = form.errors
    elif request.method == "GET":
        form = None if adding else DatasetForm(dataset=dataset, labels_taken=labels_taken)
    else:
        form = DatasetForm(request.POST, labels_taken=labels_taken)
        if form.is_valid():
            refused_forget(session=request.session)
            draft = dataset_save(
                session=request.session, dataset=form.dataset, replacing=None if adding else dataset["id"]
            )
            return redirect(_dataset_saved_url(request, draft, adding=adding))
        if adding and _dataset_already_added(draft, request.POST):
            return redirect(_dataset_saved_url(request, draft, adding=adding))
        errors = form.errors
        refused_keep(
            session=request.session,
            draft=draft,
            path=request.path,
            data=request.POST,
            fields=[*form.fields, MEDICAL_IMAGING_CONFIRMED],
        )
    # The label of a dataset already added, most often this page's own after "Save and add another dataset" and
    # Back (without JavaScript the browser shows the form as it was sent): offer that dataset's own page.
    taken = (
        form.labels_taken[form.data.get("id", "").strip().casefold()]
        if adding and form is not None and form.has_error("id", "taken")
        else ""
    )
    title = "Add a dataset" if adding else f"Change dataset {dataset['id']}"
    returning = returning_to_check(request)
    context = {
        **(new_dataset_blocks() if form is None else dataset_question_blocks(form, errors=errors)),
        **(dataset_list(draft) if adding else {}),
        "study": draft,
        "adding": adding,
        # A new dataset's page, before any answer: its questions are every depositor's (wizard_questions).
        "unanswered": form is None,
        "title": f"Error: {title}" if errors else title,
        "heading": title,
        "back_url": _dataset_back_url(draft, returning=returning, adding=adding),
        "form_action": request.get_full_path(),
        "taken": taken,
        "taken_change_url": reverse("wizard-dataset-change", args=[taken]) if taken else "",
        # Saving again keeps a questioned "medical imaging: yes" (forms.DatasetForm.clean).
        "medical_imaging_confirmed": form is not None and form.medical_imaging_confirmation_kept,
    }
    return page_render(request, "wizard/dataset.html", context)


def _dataset_saved_url(request: HttpRequest, draft: Draft, *, adding: bool) -> str:
    if adding and ADD_ANOTHER in request.POST:
        return request.get_full_path()
    if adding or returning_to_check(request):
        return study_next_url(draft)
    return step_url(draft, DATASETS)


def _dataset_back_url(draft: Draft, *, returning: bool, adding: bool) -> str:
    if returning:
        return step_url(draft, CHECK)
    if adding and not study_datasets(draft):
        return step_url(draft, PUBLICATION)
    return reverse("wizard-step", args=[DATASETS])


def _dataset_already_added(draft: Draft, data) -> bool:
    """A replayed "add" (a double click, a resent form) of a dataset stored just as posted: nothing to do."""
    replay = DatasetForm(data)
    return replay.is_valid() and dataset_find(draft, label=replay.dataset["id"]) == replay.dataset


# --- The steps ----------------------------------------------------------------------------------------------------

study_wizard = study_required(StudyWizard.as_view(url_name="wizard-step"))


@require_http_methods(["GET", "POST"])
def study_step(request: HttpRequest, step: str) -> HttpResponse:
    """One step of the wizard. The first question offers a study (a new visitor's, or a new one after the plan),
    kept once its answer is saved: its page posts the offered id, which starts the study then. Any other step
    needs the study in progress, reached that far."""
    draft = study_find(request.session)
    if step == PUBLICATION and not study_in_progress(draft):
        posted = request.POST.get(STUDY_FIELD, "")
        if request.method == "GET":
            study_offer(session=request.session)
        elif STUDY_ID_PATTERN.fullmatch(posted) and (draft is None or posted != draft["id"]):
            study_offer(session=request.session, study_id=posted)
    return study_wizard(request, step=step)
