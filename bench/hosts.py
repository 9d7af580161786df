"""Two hosts against one: bench/run calls it after the PostgreSQL run, with a durable PostgreSQL cluster
(DATABASE_URL) and a throwaway Redis (REDIS_URL) started, and writes bench/out/hosts.json.

Two gunicorn servers with production settings on 127.0.0.1, sharing the database and Redis, as two hosts behind
one load balancer would (every request carries the same public Host, so both give the same ETags):

each target with wrk against one server, then against both at once (two wrk processes, half the connections each),
in rounds; the result page also with If-None-Match (the 304 a browser or CDN gets). That the rate limits hold
across both hosts is asserted, not measured: tests/config/test_two_hosts.py.

Both servers share the machine's cores with each other and with wrk: a second host on the same machine adds no
CPU, so the figures show what a second host costs and that it changes nothing, not how far two machines scale.
"""

import dataclasses
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import measure
from bench.measure import (
    Target,
    deployment,
    gunicorn_described,
    http_request,
    median_run,
    wrk_arguments,
    wrk_options,
)
from bench.wrk import HOST, WrkResult, wrk_run


def targets_build(port: int, result_id: str, folder: Path) -> dict[str, Target]:
    """bench/measure.py's targets but the dataset page and answering (one question page stands for the wizard), and
    the result page revalidated."""
    targets = measure.targets_build(port, result_id, folder)
    result = targets["result page (GET)"]
    _, headers, _, _ = http_request(port, "GET", result.path, headers={"Host": HOST, "Accept-Encoding": "br, gzip"})
    targets["result page, revalidated (304)"] = Target(result.path, headers={"If-None-Match": headers["ETag"]})
    names = ("start page (GET /)", "question page (GET)", "result page (GET)", "result page, revalidated (304)")
    return {name: targets[name] for name in (*names, "POST /api/v1/plan", "static file (WhiteNoise)")}


def both_run(target: Target, ports: list[int], connections: int, threads: int, seconds: int) -> WrkResult:
    """One wrk per server, at the same time, half the connections each: their sum is the two hosts' figure."""
    with ThreadPoolExecutor(len(ports)) as pool:
        runs = list(
            pool.map(
                lambda port: wrk_run(
                    **wrk_arguments(target, port, connections // len(ports), max(1, threads // len(ports)), seconds)
                ),
                ports,
            )
        )
    return WrkResult(
        requests_per_second=sum(run.requests_per_second for run in runs),
        p50_ms=max(run.p50_ms for run in runs),
        p99_ms=max(run.p99_ms for run in runs),
        requests=sum(run.requests for run in runs),
        errors=sum(run.errors for run in runs),
        command=" & ".join(run.command for run in runs),
        output="\n".join(run.output for run in runs),
    )


def main() -> None:
    # bench/run passes its options to measure.py and here alike: those meant for measure.py alone are ignored.
    arguments, _ = wrk_options(__doc__).parse_known_args()
    if not os.environ.get("REDIS_URL") or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("bench/hosts.py needs DATABASE_URL (PostgreSQL) and REDIS_URL: run it through bench/run")

    logs = arguments.out.parent
    with deployment(logs / "hosts", servers=2) as deployed:
        ports = [server.port for server in deployed.servers]
        targets = targets_build(ports[0], deployed.result_id, deployed.folder)
        load_before = os.getloadavg()
        runs: dict[str, dict[str, list[WrkResult]]] = {name: {"one": [], "two": []} for name in targets}
        for _ in range(arguments.rounds):
            for name, target in targets.items():
                one = wrk_arguments(target, ports[0], arguments.connections, arguments.threads, arguments.seconds)
                wrk_run(**{**one, "seconds": arguments.warmup})
                runs[name]["one"].append(wrk_run(**one))
                both_run(target, ports, arguments.connections, arguments.threads, arguments.warmup)
                runs[name]["two"].append(
                    both_run(target, ports, arguments.connections, arguments.threads, arguments.seconds)
                )
                print(
                    f"hosts: {name}: one server {runs[name]['one'][-1].requests_per_second:.0f} req/s, "
                    f"two {runs[name]['two'][-1].requests_per_second:.0f}",
                    flush=True,
                )
        load_after = os.getloadavg()
        (logs / "hosts.wrk.log").write_text(
            "\n\n".join(
                f"== {name}, {mode}, round {number}\n$ {run.command}\n{run.output}"
                for name, modes in runs.items()
                for mode, rounds in modes.items()
                for number, run in enumerate(rounds, 1)
            )
        )

    figures = {
        name: {mode: dataclasses.asdict(median_run(rounds)) for mode, rounds in modes.items()}
        for name, modes in runs.items()
    }
    for modes in figures.values():
        for figure in modes.values():
            del figure["output"]
    arguments.out.write_text(
        json.dumps(
            {
                "database": deployed.database,
                "settings": {
                    "seconds": arguments.seconds,
                    "warmup": arguments.warmup,
                    "rounds": arguments.rounds,
                    "connections": arguments.connections,
                    "threads": arguments.threads,
                },
                "gunicorn": gunicorn_described(deployed.environment),
                "load_average_before": load_before,
                "load_average_after": load_after,
                "wrk": figures,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
