"""Engine throughput: plans per second on one core, validation included.

Plans every valid single-dataset study (every combination of answers the contract allows) and 10,000
random studies of up to 8 datasets (fixed seed), and prints plans per second for each set and overall.
Run: .venv/bin/python -m bench.plans [--studies N] [--seed S] [--repeat R] [--json]
"""

import argparse
import json
import random
import time

from policy.engine import InvalidAnswers, answers_validate, plan_for
from policy.engine.questions import ANSWERS_CONTRACT_VERSION, DATASET_QUESTIONS, Question
from policy.engine.vocabulary import MODALITY

TARGET_PLANS_PER_SECOND = 20_000


def _values(question: Question) -> list:
    return [True, False] if question.kind == "boolean" else list(question.enumeration.values)


def single_dataset_answers() -> list[dict]:
    """Every valid single-dataset study: each modality with every combination of the answers it allows,
    optional answers both given and left out."""
    follow_ups = [question for question in DATASET_QUESTIONS if question.field not in {"id", "modality"}]
    studies = []
    for modality in MODALITY.values:
        partial = [{"id": "d", "modality": modality}]
        for question in follow_ups:
            grown = []
            for fields in partial:
                if not question.allowed.matches(fields):
                    grown.append(fields)
                    continue
                if not question.is_required_for(fields):
                    grown.append(fields)
                grown.extend({**fields, question.field: value} for value in _values(question))
            partial = grown
        for fields in partial:
            answers = {"answers_version": ANSWERS_CONTRACT_VERSION, "datasets": [fields]}
            try:
                answers_validate(answers)
            except InvalidAnswers:
                continue
            studies.append(answers)
    return studies


def random_studies(count: int, *, seed: int, max_datasets: int = 8) -> list[dict]:
    rng = random.Random(seed)
    singles = [answers["datasets"][0] for answers in single_dataset_answers()]
    studies = []
    for _ in range(count):
        size = rng.randint(1, max_datasets)
        datasets = [{**rng.choice(singles), "id": f"d{index}"} for index in range(size)]
        answers: dict = {"answers_version": ANSWERS_CONTRACT_VERSION, "datasets": datasets}
        # Data that is not images is registered with no image: no correlative group names it.
        labels = [dataset["id"] for dataset in datasets if dataset["modality"] != "non_image"]
        if len(labels) >= 2 and rng.random() < 0.5:
            answers["correlations"] = [
                rng.sample(labels, rng.randint(2, min(len(labels), 4))) for _ in range(rng.randint(1, 2))
            ]
        studies.append(answers)
    return studies


def plans_per_second(studies: list[dict], *, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for answers in studies:
            plan_for(answers)
        best = min(best, time.perf_counter() - started)
    return len(studies) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timed passes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    singles = single_dataset_answers()
    many = random_studies(options.studies, seed=options.seed)
    single_rate = plans_per_second(singles, repeat=options.repeat)
    random_rate = plans_per_second(many, repeat=options.repeat)
    overall = (len(singles) + len(many)) / (len(singles) / single_rate + len(many) / random_rate)
    figures = {
        "single_dataset_studies": len(singles),
        "single_dataset_plans_per_second": round(single_rate),
        "random_studies": len(many),
        "random_study_plans_per_second": round(random_rate),
        "overall_plans_per_second": round(overall),
        "target_plans_per_second": TARGET_PLANS_PER_SECOND,
    }
    if options.json:
        print(json.dumps(figures))
        return
    print(f"{len(singles):>6} single-dataset studies:      {single_rate:>10,.0f} plans/s")
    print(f"{len(many):>6} random studies (1-8 datasets): {random_rate:>10,.0f} plans/s")
    verdict = "meets" if overall >= TARGET_PLANS_PER_SECOND else "MISSES"
    print(f"overall: {overall:,.0f} plans/s ({verdict} the target of {TARGET_PLANS_PER_SECOND:,})")


if __name__ == "__main__":
    main()
