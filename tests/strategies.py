"""The one set of Hypothesis strategies for valid studies, drawn from the answers contract itself
(policy/engine/questions.py), for the engine's, the API's and the wizard's tests alike.

Each dataset draws a modality, then answers every question the contract asks of it, and (unless `as_asked`) sometimes
the optional ones it allows, so the generator follows the contract as it changes. `as_asked` draws a study as the
wizard asks it: every question asked answered, no other, the publication question too.
"""

from hypothesis import assume
from hypothesis import strategies as st

from policy.engine import InvalidAnswers, answers_validate
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_QUESTIONS, Question

# Valid labels: the contract's pattern, not beginning with a hyphen (policy.engine.questions.FORMULA_STARTS).
LABELS = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,11}", fullmatch=True)


def _value(question: Question) -> st.SearchStrategy:
    if question.kind == "boolean":
        return st.booleans()
    return st.sampled_from(question.enumeration.values)


@st.composite
def dataset_fields(draw, *, as_asked: bool = False) -> dict:
    fields: dict = {}
    for question in DATASET_QUESTIONS:
        if question.field == "id":
            continue
        if as_asked:
            answered = question.asked_when.matches(fields)
        else:
            answered = question.is_required_for(fields) or (question.allowed.matches(fields) and draw(st.booleans()))
        if answered:
            fields[question.field] = draw(_value(question))
    return fields


def _is_valid(answers: dict) -> bool:
    try:
        answers_validate(answers)
    except InvalidAnswers:
        return False
    return True


@st.composite
def studies(draw, *, max_datasets: int = 8, as_asked: bool = False) -> dict:
    # Unique regardless of case, as the contract wants them.
    labels = draw(st.lists(LABELS, min_size=1, max_size=max_datasets, unique_by=str.casefold))
    answers: dict = {
        "answers_version": ANSWERS_CONTRACT_VERSION,
        "datasets": [{"id": label, **draw(dataset_fields(as_asked=as_asked))} for label in labels],
    }
    # Data that is not images is registered with no image: no correlative group names it.
    images = [dataset["id"] for dataset in answers["datasets"] if dataset["modality"] != "non_image"]
    if len(images) >= 2:
        groups = draw(st.lists(st.lists(st.sampled_from(images), min_size=2, max_size=4, unique=True), max_size=3))
        if groups:
            answers["correlations"] = groups
    if as_asked or draw(st.booleans()):
        answers["publication"] = draw(st.booleans())
    # A few combinations are invalid by design (a cryo-ET dataset with nothing to deposit, a dimensionality
    # that contradicts the EM method): those are not studies.
    assume(_is_valid(answers))
    return answers
