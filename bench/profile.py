"""Profile one page in-process with pyinstrument, under production settings on a throwaway SQLite database:

    .venv/bin/python -m bench.profile /r/RESULT/          # RESULT: replaced by a stored result for answers.json
    .venv/bin/python -m bench.profile /api/v1/plan --post-json bench/answers.json
    .venv/bin/python -m bench.profile /study/datasets/new/ --depositor   # a started study, publication answered

Prints the time per request and where it goes (no server, no network: the view, middleware and templates).
"""

import argparse
import contextlib
import json
import os
import re
import tempfile
import time
from pathlib import Path

from tests.config.deployment import production_environment

REPOSITORY = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--post-json", type=Path, help="POST this JSON file instead of a GET")
    parser.add_argument("--depositor", action="store_true", help="start a study and answer the first question")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--all", action="store_true", help="show library frames too")
    parser.add_argument("--time-only", action="store_true", help="no profiler: CPU time per request only")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="depositwizard-profile-") as folder:
        profile(arguments, Path(folder))


def app_in_process(folder: Path) -> None:
    """The app in this process, with the deployment's settings as bench/run's servers have them (SQLite in
    `folder`), migrated, its static files collected."""
    os.environ.clear()
    os.environ.update(production_environment(folder, DJANGO_SECURE="0"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def profile(arguments: argparse.Namespace, folder: Path) -> None:
    app_in_process(folder)
    from django.test import Client
    from django.urls import reverse
    from pyinstrument import Profiler

    from policy.results import result_create

    result, _ = result_create(answers=json.loads((REPOSITORY / "bench/answers.json").read_text()))
    path = arguments.path.replace("RESULT", result.pk)
    client = Client(HTTP_HOST="127.0.0.1")
    if arguments.depositor:
        question = reverse("wizard-step", args=["publication"])
        offered = re.search(r'name="study" value="([^"]+)"', client.get(question).content.decode()).group(1)
        answer = {"study": offered, "study-current_step": "publication"}
        client.post(question, {**answer, "publication-publication": "yes"})

    def request():
        if arguments.post_json:
            return client.post(path, arguments.post_json.read_bytes(), content_type="application/json")
        return client.get(path)

    status = request().status_code
    for _ in range(50):
        request()
    profiler = Profiler(interval=0.0002)
    started, cpu_started = time.perf_counter(), time.process_time()
    with contextlib.nullcontext() if arguments.time_only else profiler:
        for _ in range(arguments.requests):
            request()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{path}: status {status}, {elapsed / arguments.requests * 1000:.2f} ms per request in-process, "
        f"{cpu / arguments.requests * 1000:.2f} ms of it on the CPU"
    )
    if not arguments.time_only:
        print(profiler.output_text(color=False, show_all=arguments.all))


if __name__ == "__main__":
    main()
