"""One database backend's benchmark (bench/run calls it once for SQLite, once for PostgreSQL).

Starts a temporary production deployment (tests/config/deployment.py: migrate, collectstatic, gunicorn with
gunicorn.conf.py and production settings on 127.0.0.1, plain HTTP: DJANGO_SECURE=0), measures every page with wrk,
then at a fixed rate, weighs the pages in chromium, and writes the figures as JSON.
"""

import argparse
import contextlib
import dataclasses
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from bench.wrk import HOST, Request, WrkResult, fixed_rate_run, wrk_run
from tests.config.deployment import (
    Gunicorn,
    gunicorn_start,
    gunicorn_stop,
    manage,
    production_environment,
    static_collect,
)

REPOSITORY = Path(__file__).resolve().parent.parent

BENCH_DIR = REPOSITORY / "bench"
ANSWERS_FILE = BENCH_DIR / "answers.json"
WIZARD_SESSIONS = 64
BENCH_RATE_LIMIT = "100000000/m"
# What bench/run (or the person running the bench) sets for the deployment: the database and Redis it started,
# and any gunicorn setting to try.
PASSED_ON = ("DATABASE_URL", "REDIS_URL", "GUNICORN_", "WEB_CONCURRENCY")


def bench_environment(folder: Path, **overrides: str) -> dict[str, str]:
    return production_environment(
        folder,
        **{name: value for name, value in os.environ.items() if name.startswith(PASSED_ON)},
        DJANGO_SECURE="0",
        DJANGO_ALLOWED_HOSTS=HOST,
        # The rate limits stay on (their cost is measured) but so high that the load generator never meets them.
        DJANGO_RATELIMIT_API=BENCH_RATE_LIMIT,
        DJANGO_RATELIMIT_RESULTS=BENCH_RATE_LIMIT,
        DJANGO_RATELIMIT_READS=BENCH_RATE_LIMIT,
        DJANGO_RATELIMIT_STORED=BENCH_RATE_LIMIT,
        **overrides,
    )


def result_stored(environment: dict[str, str]) -> tuple[str, str]:
    """A stored result for the bench's study, made the way the app makes them, and the database's version."""
    program = (
        "import django, json; django.setup()\n"
        "from policy.results import result_create\n"
        f"result, _ = result_create(answers=json.load(open({str(ANSWERS_FILE)!r})))\n"
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('select sqlite_version()' if connection.vendor == 'sqlite' else 'show server_version')\n"
        "    print(result.pk, connection.vendor, cursor.fetchone()[0])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program],
        env=environment,
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result_id, vendor, version = completed.stdout.strip().split(maxsplit=2)
    return result_id, f"{vendor} {version}"


@dataclasses.dataclass
class Deployment:
    folder: Path
    environment: dict[str, str]
    result_id: str
    database: str
    servers: list[Gunicorn]

    @property
    def port(self) -> int:
        return self.servers[0].port


@contextlib.contextmanager
def deployment(logs: Path, *, servers: int = 1, **overrides: str) -> Iterator[Deployment]:
    """A fresh deployment with one stored result for answers.json, and `servers` gunicorn servers sharing it (two
    hosts need PostgreSQL), each logging to `logs`-N.gunicorn.log; the servers then in `servers` are stopped and
    everything removed on leaving."""
    with tempfile.TemporaryDirectory(prefix="depositwizard-bench-") as temporary:
        folder = Path(temporary)
        environment = bench_environment(folder, **overrides)
        django_configure(environment)
        manage(environment, "migrate", "--no-input", "-v0")
        static_collect(environment)
        result_id, database = result_stored(environment)
        deployed = Deployment(folder, environment, result_id, database, [])
        try:
            for number in range(servers):
                deployed.servers.append(gunicorn_start(environment, log=Path(f"{logs}-{number}.gunicorn.log")))
            yield deployed
        finally:
            for server in deployed.servers:
                gunicorn_stop(server)


def gunicorn_described(environment: dict[str, str]) -> str:
    """The workers gunicorn.conf.py gives on this machine, as the report shows them."""
    program = (
        "import runpy\n"
        "config = runpy.run_path('gunicorn.conf.py')\n"
        "print(config['workers'], config['worker_class'], config['threads'])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], env=environment, cwd=REPOSITORY, capture_output=True, text=True, check=True
    )
    workers, worker_class, threads = completed.stdout.split()
    overridden = environment.get("GUNICORN_CMD_ARGS")
    described = f"gunicorn.conf.py: {workers} {worker_class} workers x {threads} threads"
    return described + (f", GUNICORN_CMD_ARGS={overridden!r}" if overridden else "")


def http_request(
    port: int, method: str, path: str, *, body: bytes = b"", headers: dict | None = None
) -> tuple[int, dict[str, str], list[str], bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    cookies = [value.split(";", 1)[0] for name, value in response.getheaders() if name.lower() == "set-cookie"]
    return response.status, dict(response.getheaders()), cookies, content


def static_file_path(port: int) -> str:
    status, _, _, page = http_request(port, "GET", "/")
    assert status == 200, f"GET / answered {status}"
    return re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page).group(1).decode()


def csrf_token(page: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()


def study_id(page: bytes) -> str:
    """The study a wizard page belongs to, which its forms post back (wizard/includes/form_fields.html)."""
    return re.search(rb'name="study" value="([^"]+)"', page).group(1).decode()


def depositor_session(port: int) -> tuple[str, str, str]:
    """A new depositor who pressed "Start now" and answered the publication question: their cookies, CSRF token
    and study, so that every wizard page is reachable and every form accepted."""
    question = reverse("wizard-step", args=["publication"])
    status, _, cookies, page = http_request(port, "GET", question)
    assert status == 200, f"{question} answered {status}"
    token, study = csrf_token(page), study_id(page)
    # The session (its cookie) starts with the first answer saved: the question's page only offers a study.
    status, _, session_cookies, _ = answer_publication(port, "; ".join(cookies), publication_answer_body(token, study))
    assert status == 302, f"answering the publication question answered {status}"
    return "; ".join([*cookies, *session_cookies]), token, study


def publication_answer_body(token: str, study: str, answer: str = "yes") -> str:
    return urlencode(
        {
            "csrfmiddlewaretoken": token,
            "study": study,
            "study-current_step": "publication",
            "publication-publication": answer,
        }
    )


def answer_publication(port: int, cookie: str, body: str):
    return http_request(
        port,
        "POST",
        reverse("wizard-step", args=["publication"]),
        body=body.encode(),
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )


def sessions_file_write(path: Path, sessions: list[tuple[str, str, str]]) -> None:
    """One depositor a line: cookie, then two answers that differ, so that each POST changes the study (and
    writes the session) as a depositor's answer would; an unchanged answer writes nothing."""
    path.write_text(
        "".join(
            f"{cookie}\t{publication_answer_body(token, study, 'no')}\t{publication_answer_body(token, study)}\n"
            for cookie, token, study in sessions
        )
    )


@dataclasses.dataclass
class Target:
    path: str
    page: bool = False  # an HTML page a depositor loads: weighed in chromium, read in the fixed-rate run
    script: str | None = None
    env: dict[str, str] = dataclasses.field(default_factory=dict)
    cookie: str = ""  # one depositor's session, for the pages that need one outside wrk
    headers: dict[str, str] = dataclasses.field(default_factory=dict)  # more request headers for wrk


def wizard_targets(port: int, folder: Path) -> dict[str, Target]:
    """Many depositors, each with a session of their own: wrk takes them in turn (`sessions.lua`)."""
    sessions = [depositor_session(port) for _ in range(WIZARD_SESSIONS)]
    sessions_file = folder / "sessions.tsv"
    sessions_file_write(sessions_file, sessions)
    question = reverse("wizard-step", args=["publication"])
    dataset_question = reverse("wizard-dataset-add")
    cookie = sessions[0][0]
    for path in (question, dataset_question):
        status, _, _, _ = http_request(port, "GET", path, headers={"Cookie": cookie})
        assert status == 200, f"GET {path} answered {status}"

    def with_sessions(method: str) -> dict:
        return {"script": "sessions.lua", "env": {"BENCH_SESSIONS_FILE": str(sessions_file), "BENCH_METHOD": method}}

    return {
        "question page (GET)": Target(question, page=True, cookie=cookie, **with_sessions("GET")),
        "dataset question page (GET)": Target(dataset_question, page=True, cookie=cookie, **with_sessions("GET")),
        "answer a question (POST)": Target(question, **with_sessions("POST")),
    }


def targets_build(port: int, result_id: str, folder: Path) -> dict[str, Target]:
    """Name -> target, in the order of the report: the pages, the API, then the static file."""
    return {
        "start page (GET /)": Target("/", page=True),
        **wizard_targets(port, folder),
        "result page (GET)": Target(reverse("result", args=[result_id]), page=True),
        "POST /api/v1/plan": Target(
            reverse("api-plan"), script="post_json.lua", env={"BENCH_BODY_FILE": str(ANSWERS_FILE)}
        ),
        "static file (WhiteNoise)": Target(static_file_path(port)),
    }


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(status.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += children.get(pid, [])
    return tree


def server_cpu_seconds(master: int) -> float:
    """The CPU time gunicorn has used so far: the master's, its live workers', and that of the workers it has
    recycled (the master's cutime and cstime)."""

    def ticks(pid: int, last_field: int) -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11 : last_field - 2])  # utime (field 14) onwards

    try:
        used = ticks(master, 17) + sum(ticks(pid, 15) for pid in process_tree(master)[1:])
    except FileNotFoundError:  # a worker recycled between listing and reading: its time is in cutime next time
        return server_cpu_seconds(master)
    return used / os.sysconf("SC_CLK_TCK")


def median_run(rounds: list[WrkResult]) -> WrkResult:
    return sorted(rounds, key=lambda run: run.requests_per_second)[len(rounds) // 2]


def fixed_rate_requests(targets: dict[str, Target]) -> list[Request]:
    """Each page a depositor loads, then the API, in turn."""
    requests = [
        Request("GET", target.path, (("Cookie", target.cookie),) if target.cookie else ())
        for target in targets.values()
        if target.page
    ]
    requests.append(
        Request("POST", reverse("api-plan"), (("Content-Type", "application/json"),), ANSWERS_FILE.read_bytes())
    )
    return requests


def django_configure(environment: dict[str, str]) -> None:
    """The bench names pages by their URL names, as the app does (settings only: no database from here)."""
    os.environ.update(environment)
    import django

    django.setup()


def reverse(name: str, args: list | None = None) -> str:
    from django.urls import reverse as django_reverse

    return django_reverse(name, args=args)


def wrk_options(description: str) -> argparse.ArgumentParser:
    """The options bench/run passes to measure.py and hosts.py alike."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seconds", type=int, default=10, help="each wrk measurement")
    parser.add_argument("--warmup", type=int, default=3, help="a wrk run before each measurement, not counted")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each target; the median counts")
    parser.add_argument("--connections", type=int, default=16, help="in all, shared by the servers measured")
    parser.add_argument("--threads", type=int, default=2)
    return parser


def wrk_arguments(target: Target, port: int, connections: int, threads: int, seconds: int) -> dict:
    return {
        "port": port,
        "path": target.path,
        "seconds": seconds,
        "connections": connections,
        "threads": threads,
        "script": target.script,
        "env": {**os.environ, **target.env},
        # What a load balancer passes every host: one public name (a result's link, and so its ETag, is built
        # from it).
        "headers": {"Host": HOST, **target.headers},
    }


def main() -> None:
    parser = wrk_options(__doc__)
    parser.add_argument("--backend", required=True)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--rate-seconds", type=int, default=60)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    arguments = parser.parse_args()

    with deployment(arguments.out.with_suffix("")) as deployed:
        port = deployed.port
        targets = targets_build(port, deployed.result_id, deployed.folder)
        load_before = os.getloadavg()
        runs: dict[str, list] = {name: [] for name in targets}
        # Rounds over every target in turn, so that the static file and the pages share whatever else the
        # machine is doing; each target's figure is its median round.
        for _ in range(arguments.rounds):
            for name, target in targets.items():
                measured = wrk_arguments(target, port, arguments.connections, arguments.threads, arguments.seconds)
                wrk_run(**{**measured, "seconds": arguments.warmup})
                cpu_before = server_cpu_seconds(deployed.servers[0].process.pid)
                run = wrk_run(**measured)
                cpu = server_cpu_seconds(deployed.servers[0].process.pid) - cpu_before
                runs[name].append(dataclasses.replace(run, server_cpu_ms=cpu * 1000 / max(run.requests, 1)))
                print(f"{arguments.backend}: {name}: {runs[name][-1].requests_per_second:.0f} req/s", flush=True)
        figures = {name: dataclasses.asdict(median_run(rounds)) for name, rounds in runs.items()}
        raw_output = "\n\n".join(
            f"== {name}, round {number}\n$ {run.command}\n{run.output}"
            for name, rounds in runs.items()
            for number, run in enumerate(rounds, 1)
        )
        arguments.out.with_suffix(".wrk.log").write_text(raw_output)
        fixed_rate = fixed_rate_run(
            port=port, requests=fixed_rate_requests(targets), rate=arguments.rate, seconds=arguments.rate_seconds
        )
        print(f"{arguments.backend}: fixed rate: p95 {fixed_rate.p95_ms:.1f} ms", flush=True)
        weights = {}
        if Path(arguments.chromium).exists():
            from bench.weight import pages_weigh

            pages = {name: (target.path, target.cookie) for name, target in targets.items() if target.page}
            weighed = pages_weigh(base_url=f"http://{HOST}:{port}", pages=pages, chromium=arguments.chromium)
            weights = {name: dataclasses.asdict(weight) for name, weight in weighed.items()}
        load_after = os.getloadavg()
    for figure in figures.values():
        del figure["output"]
    arguments.out.write_text(
        json.dumps(
            {
                "backend": arguments.backend,
                "database": deployed.database,
                "settings": {
                    "seconds": arguments.seconds,
                    "warmup": arguments.warmup,
                    "connections": arguments.connections,
                    "threads": arguments.threads,
                    "rounds": arguments.rounds,
                    "rate": arguments.rate,
                    "rate_seconds": arguments.rate_seconds,
                    "rate_limits": BENCH_RATE_LIMIT,
                },
                "gunicorn": gunicorn_described(deployed.environment),
                "load_average_before": load_before,
                "load_average_after": load_after,
                "wrk": figures,
                "fixed_rate": dataclasses.asdict(fixed_rate),
                "weights": weights,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
