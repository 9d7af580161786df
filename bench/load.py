"""The load test (bash bench/load runs it): 64 connections for 60 s over the wizard's pages, result pages and the API at
once, against gunicorn with production settings on 127.0.0.1. Counts responses by status class and socket
errors, samples the memory of gunicorn's processes every second, and writes the "Load" section of
bench/RESULTS.md (and the figures as JSON under bench/out/).

Passes (exit 0) only with zero 5xx, zero connection errors and memory flat (the last tenth of the run within
MEMORY_GROWTH_ALLOWED of the first tenth after warm-up).
"""

import argparse
import json
import os
import re
import statistics
import sys
import threading
from pathlib import Path

from bench.measure import (
    ANSWERS_FILE,
    BENCH_RATE_LIMIT,
    deployment,
    depositor_session,
    gunicorn_described,
    http_request,
    process_tree,
    reverse,
    sessions_file_write,
)
from bench.report import section_write
from bench.wrk import wrk_run

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "RESULTS.md"
SESSIONS = 256
MEMORY_GROWTH_ALLOWED = 0.10


def mix_build(result_id: str) -> list[tuple[str, str, str]]:
    """What one round of the mix requests: a depositor's pages and answers, a shared plan, the API."""
    question = reverse("wizard-step", args=["publication"])
    return [
        ("GET", "/", "plain"),
        ("GET", question, "session"),
        ("POST", question, "session"),
        ("GET", reverse("wizard-step", args=["datasets"]), "session"),
        ("GET", reverse("wizard-dataset-add"), "session"),
        ("GET", reverse("result", args=[result_id]), "plain"),
        ("POST", reverse("api-plan"), "json"),
        ("POST", reverse("api-plans"), "json"),
        ("GET", reverse("api-plans-show", args=[result_id]), "plain"),
        ("GET", reverse("api-policy"), "plain"),
    ]


def rss_mb(pids: list[int]) -> float:
    total_kb = 0
    for pid in pids:
        try:
            match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.MULTILINE)
        except OSError:
            continue
        if match:
            total_kb += int(match.group(1))
    return total_kb / 1024


class MemorySampler(threading.Thread):
    """gunicorn's resident memory (master and workers), once a second, while the load runs."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.samples: list[float] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(1.0):
            self.samples.append(rss_mb(process_tree(self.root)))


def memory_verdict(samples: list[float], warmup: int) -> dict:
    steady = samples[warmup:]
    tenth = max(1, len(steady) // 10)
    first, last = statistics.mean(steady[:tenth]), statistics.mean(steady[-tenth:])
    return {
        "first_tenth_mb": round(first, 1),
        "last_tenth_mb": round(last, 1),
        "max_mb": round(max(samples), 1),
        "growth": round(last / first - 1, 3),
        "flat": last <= first * (1 + MEMORY_GROWTH_ALLOWED),
    }


def load_run(*, backend: str, seconds: int, connections: int, threads: int, out: Path) -> dict:
    with deployment(out.with_suffix("")) as deployed:
        folder, result_id, port = deployed.folder, deployed.result_id, deployed.port
        sessions = [depositor_session(port) for _ in range(SESSIONS)]
        sessions_file = folder / "sessions.tsv"
        sessions_file_write(sessions_file, sessions)
        mix = mix_build(result_id)
        mix_file = folder / "mix.tsv"
        mix_file.write_text("".join(f"{method}\t{path}\t{kind}\n" for method, path, kind in mix))
        sampler = MemorySampler(deployed.servers[0].process.pid)
        sampler.start()
        load_before = os.getloadavg()
        mixed = {"BENCH_SESSIONS_FILE": sessions_file, "BENCH_MIX_FILE": mix_file, "BENCH_BODY_FILE": ANSWERS_FILE}
        figures = wrk_run(
            port=port,
            path="/",
            seconds=seconds,
            connections=connections,
            threads=threads,
            script="mixed.lua",
            env={**os.environ, **{name: str(path) for name, path in mixed.items()}},
            timeout=10,
        )
        sampler.stopped.set()
        sampler.join()
        load_after = os.getloadavg()
        still_serving = http_request(port, "GET", "/")[0]
    output = figures.output
    classes = re.search(r"Status classes: 1xx (\d+), 2xx (\d+), 3xx (\d+), 4xx (\d+), 5xx (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    # wrk prints the line only when there was a socket error.
    socket_counts = map(int, socket.groups()) if socket else (0, 0, 0, 0)
    socket_errors = dict(zip(("connect", "read", "write", "timeout"), socket_counts, strict=True))
    log_text = deployed.servers[0].log.read_text()
    run = {
        "backend": backend,
        "database": deployed.database,
        "gunicorn": gunicorn_described(deployed.environment),
        "seconds": seconds,
        "connections": connections,
        "threads": threads,
        "sessions": SESSIONS,
        "mix": [f"{method} {path.replace(result_id, '$RESULT_ID')}" for method, path, _ in mix],
        "requests": figures.requests,
        "requests_per_second": figures.requests_per_second,
        "p50_ms": figures.p50_ms,
        "p99_ms": figures.p99_ms,
        "status_classes": dict(zip(("1xx", "2xx", "3xx", "4xx", "5xx"), map(int, classes.groups()), strict=True)),
        "socket_errors": socket_errors,
        "memory": memory_verdict(sampler.samples, warmup=max(1, seconds // 10)),
        "memory_samples_mb": [round(sample, 1) for sample in sampler.samples],
        "tracebacks_in_log": log_text.count("Traceback"),
        "served_after": still_serving,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "command": figures.command,
        "wrk_output": output,
    }
    out.write_text(json.dumps(run, indent=2))
    return run


def passed(run: dict) -> bool:
    errors = sum(run["socket_errors"].values())
    return (
        run["status_classes"]["5xx"] == 0
        and errors == 0
        and run["memory"]["flat"]
        and run["tracebacks_in_log"] == 0
        and run["served_after"] == 200
    )


def section(runs: list[dict]) -> list[str]:
    first = runs[0]
    lines = [
        "## Load",
        "",
        f"wrk, {first['connections']} connections "
        f"({first['threads']} threads) for {first['seconds']} s, every request the next of a mix of "
        f"{len(first['mix'])} ({', '.join(f'`{item}`' for item in first['mix'])}), the wizard's requests spread "
        f"over {first['sessions']} depositors' sessions. gunicorn with production settings on 127.0.0.1 "
        f"({first['gunicorn']}), plain HTTP, rate limits raised to {BENCH_RATE_LIMIT} (one client). Memory: "
        'resident set of gunicorn\'s master and workers, sampled each second; "flat" means the last tenth of the '
        f"run within {MEMORY_GROWTH_ALLOWED:.0%} of the first tenth after warm-up (workers are recycled every "
        "5000 requests, which resets theirs).",
        "",
        "| database | requests | requests/s | p50 ms | p99 ms | 2xx | 3xx | 4xx | 5xx | socket errors "
        "(connect/read/write/timeout) | memory MB first → last tenth (max) | tracebacks | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |",
    ]
    for run in runs:
        status, errors, memory = run["status_classes"], run["socket_errors"], run["memory"]
        lines.append(
            f"| {run['database']} | {run['requests']} | {run['requests_per_second']:.0f} | {run['p50_ms']:.1f} "
            f"| {run['p99_ms']:.1f} | {status['2xx']} | {status['3xx']} | {status['4xx']} | **{status['5xx']}** "
            f"| {errors['connect']}/{errors['read']}/{errors['write']}/{errors['timeout']} "
            f"| {memory['first_tenth_mb']} → {memory['last_tenth_mb']} ({memory['max_mb']}) "
            f"| {run['tracebacks_in_log']} | {'held' if passed(run) else '**failed**'} |"
        )
    load = ", ".join(
        f"{run['database']} {run['load_average_before'][0]:.1f} → {run['load_average_after'][0]:.1f}" for run in runs
    )
    lines += ["", f"Load average (1 min) before → after: {load}. Server and load generator share the machine.", ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="action", required=True)
    run_parser = commands.add_parser("run", help="one database's load test (DATABASE_URL picks the database)")
    run_parser.add_argument("--backend", required=True, help="its label: the JSON goes to bench/out/load-BACKEND.json")
    run_parser.add_argument("--seconds", type=int, default=60)
    run_parser.add_argument("--connections", type=int, default=64)
    run_parser.add_argument("--threads", type=int, default=2)
    report_parser = commands.add_parser("report", help="write the Load section; exit 1 unless every run held")
    report_parser.add_argument("--command", required=True, help="how bench/load was called, for the record")
    report_parser.add_argument("runs", type=Path, nargs="+")
    arguments = parser.parse_args()

    if arguments.action == "run":
        out = BENCH_DIR / "out"
        out.mkdir(exist_ok=True)
        run = load_run(
            backend=arguments.backend,
            seconds=arguments.seconds,
            connections=arguments.connections,
            threads=arguments.threads,
            out=out / f"load-{arguments.backend}.json",
        )
        print(f"{run['backend']}: {run['requests']} requests, {run['status_classes']}, {run['socket_errors']}")
        return
    runs = [json.loads(path.read_text()) for path in arguments.runs]
    section_write(RESULTS, section(runs), arguments.command)
    for run in runs:
        verdict = "held" if passed(run) else "FAILED"
        print(
            f"{run['backend']}: 5xx {run['status_classes']['5xx']}, {run['socket_errors']}, {run['memory']}: {verdict}"
        )
    sys.exit(0 if all(passed(run) for run in runs) else 1)


if __name__ == "__main__":
    main()
