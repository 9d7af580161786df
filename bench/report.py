"""Writes bench/RESULTS.md from the figures bench/measure.py left in bench/out/ (bench/run calls it last)."""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

import django
import gunicorn

BENCH_DIR = Path(__file__).resolve().parent
OUT = BENCH_DIR / "out"
BACKENDS = ("sqlite", "postgresql")
# Dynamic pages against the start page in the same run; latency, errors, weight.
START = "start page (GET /)"
RATIO_TARGET = 0.5
RATIO_PAGES = ("question page (GET)", "dataset question page (GET)", "result page (GET)")
# The wizard's pages, whose latency is budgeted on its own.
WIZARD_PAGES = ("question page (GET)", "dataset question page (GET)", "answer a question (POST)")
P99_TARGET_MS = 50
FIXED_RATE_P95_TARGET_MS = 100
WEIGHT_TARGET_BYTES = 40 * 1024
REQUESTS_TARGET = 4


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit() -> str:
    completed = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=BENCH_DIR, capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() or "unknown"


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def throughput_section(run: dict) -> list[str]:
    settings = run["settings"]
    start_rps = run["wrk"][START]["requests_per_second"]
    lines = [
        f"### {run['database']}",
        "",
        f"wrk, {settings['connections']} connections, {settings['threads']} threads, {settings['seconds']} s per "
        f"measurement after {settings['warmup']} s of warm-up, median of {settings['rounds']} rounds "
        f"(load average before {run['load_average_before'][0]:.2f}, after {run['load_average_after'][0]:.2f}).",
        "",
        "| target | requests/s | of the start page | server CPU ms per request | p50 ms | p99 ms | requests | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, figures in run["wrk"].items():
        ratio = figures["requests_per_second"] / start_rps
        cpu = figures.get("server_cpu_ms")
        lines.append(
            f"| {name} | {figures['requests_per_second']:.0f} | {ratio:.0%} | {'' if cpu is None else f'{cpu:.2f}'} | "
            f"{figures['p50_ms']:.1f} | {figures['p99_ms']:.1f} | {figures['requests']} | {figures['errors']} |"
        )
    fixed = run["fixed_rate"]
    lines += [
        "",
        f"Fixed rate, {fixed['rate']} requests/s for {fixed['seconds']} s (open loop, latency counted from when "
        f"each request was due), the pages and the API in turn: {fixed['requests']} requests, {fixed['errors']} "
        f"errors, p50 {fixed['p50_ms']:.1f} ms, **p95 {fixed['p95_ms']:.1f} ms**, p99 {fixed['p99_ms']:.1f} ms, "
        f"max {fixed['max_ms']:.1f} ms.",
        "",
    ]
    return lines


def targets_section(runs: list[dict]) -> list[str]:
    lines = ["## Targets", "", "| target | " + " | ".join(run["backend"] for run in runs) + " |"]
    lines.append("| --- |" + " --- |" * len(runs))

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    for page in RATIO_PAGES:
        ratios = [run["wrk"][page]["requests_per_second"] / run["wrk"][START]["requests_per_second"] for run in runs]
        cells = [f"{ratio:.0%}: {verdict(ratio >= RATIO_TARGET)}" for ratio in ratios]
        row(f"{page} ≥ {RATIO_TARGET:.0%} of the start page's requests/s", cells)

    def worst_p99(run: dict, names) -> str:
        name, figures = max(((name, run["wrk"][name]) for name in names), key=lambda item: item[1]["p99_ms"])
        return f"worst {figures['p99_ms']:.1f} ms ({name}): {verdict(figures['p99_ms'] < P99_TARGET_MS)}"

    row(f"p99 < {P99_TARGET_MS} ms at 16 connections, every target", [worst_p99(run, run["wrk"]) for run in runs])
    wizard = [worst_p99(run, WIZARD_PAGES) for run in runs]
    row(f"p99 < {P99_TARGET_MS} ms at 16 connections, the wizard's pages", wizard)
    cells = []
    for run in runs:
        errors = sum(figures["errors"] for figures in run["wrk"].values()) + run["fixed_rate"]["errors"]
        cells.append(f"{errors}: {verdict(errors == 0)}")
    row("zero errors", cells)
    row(
        f"fixed rate p95 < {FIXED_RATE_P95_TARGET_MS} ms",
        [
            f"{run['fixed_rate']['p95_ms']:.1f} ms: {verdict(run['fixed_rate']['p95_ms'] < FIXED_RATE_P95_TARGET_MS)}"
            for run in runs
        ],
    )
    cells = []
    for run in runs:
        weights = run["weights"].values()
        if not weights:
            cells.append("not measured (no chromium)")
            continue
        heaviest = max(weight["bytes_transferred"] for weight in weights)
        most = max(weight["requests"] for weight in weights)
        elsewhere = sorted({host for weight in weights for host in weight["other_hosts"]})
        met = heaviest < WEIGHT_TARGET_BYTES and most <= REQUESTS_TARGET and not elsewhere
        cells.append(
            f"heaviest {heaviest / 1024:.1f} KB, at most {most} requests, other hosts: "
            f"{', '.join(elsewhere) or 'none'}: {verdict(met)}"
        )
    row(f"every page < 40 KB in ≤ {REQUESTS_TARGET} requests, no other host", cells)
    return [*lines, ""]


def weight_section(weights: dict) -> list[str]:
    if not weights:
        return ["## Page weight", "", "Not measured: chromium is missing (`apt-get install chromium`).", ""]
    lines = [
        "## Page weight",
        "",
        "Each page loaded by Debian's chromium with a cold cache; bytes on the wire (compressed bodies and headers)"
        " for every request it made.",
        "",
        "| page | requests | bytes transferred | of which bodies | other hosts | requests made |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for name, weight in weights.items():
        made = ", ".join(f"`{path}` {size} B" for path, size in weight["resources"])
        lines.append(
            f"| {name} | {weight['requests']} | {weight['bytes_transferred'] / 1024:.1f} KB | "
            f"{weight['body_bytes'] / 1024:.1f} KB | {', '.join(weight['other_hosts']) or 'none'} | {made} |"
        )
    return [*lines, ""]


def plans_section() -> list[str]:
    plans = (OUT / "plans.txt").read_text().strip()
    return ["## Engine", "", "`bench/plans.py` (the policy engine alone):", "", "```", plans, "```", ""]


def section_pattern(title: str) -> re.Pattern:
    return re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def section_kept(results: Path, title: str) -> list[str]:
    """A section that a run of its own wrote ("Load" by bench/load, "Two hosts" by bench/hosts): carried over."""
    found = section_pattern(title).search(results.read_text()) if results.exists() else None
    return [found.group(0).rstrip("\n"), ""] if found else []


def section_write(results: Path, lines: list[str], command: str) -> None:
    """One section of RESULTS.md, written by a run of its own, replaced (or added at the end); bench/run keeps it."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [*lines[:2], f"Written by `{command}` on {now}, at commit `{git_commit()}`.", "", *lines[2:]]
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    new = "\n".join(lines).rstrip("\n") + "\n\n"
    pattern = section_pattern(lines[0].removeprefix("## "))
    results.write_text(pattern.sub(lambda _: new, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + new)


def hosts_section(hosts: dict) -> list[str]:
    """Two servers sharing PostgreSQL and Redis against one (bench/hosts.py)."""
    settings = hosts["settings"]
    lines = [
        "## Two hosts",
        "",
        f"`bench/hosts.py`: two gunicorn servers ({hosts['gunicorn']} each) on {hosts['database']} and one Redis, "
        "every request with the same `Host`, as behind one load balancer. Each target with wrk against one "
        f"server ({settings['connections']} connections), then against both at once (two wrk processes, "
        f"{settings['connections'] // 2} connections each, figures added up; p99 the worse of the two), "
        f"{settings['seconds']} s per measurement after {settings['warmup']} s of warm-up, median of "
        f"{settings['rounds']} rounds (load average before {hosts['load_average_before'][0]:.2f}, after "
        f"{hosts['load_average_after'][0]:.2f}). Both servers and wrk share this machine's cores: a second host "
        "here adds no CPU, so two against one shows what sharing costs, not how far two machines scale.",
        "",
        "| target | one server req/s | p99 ms | two servers req/s | p99 ms | two / one | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, modes in hosts["wrk"].items():
        one, two = modes["one"], modes["two"]
        lines.append(
            f"| {name} | {one['requests_per_second']:.0f} | {one['p99_ms']:.1f} | {two['requests_per_second']:.0f} | "
            f"{two['p99_ms']:.1f} | {two['requests_per_second'] / one['requests_per_second']:.2f} | "
            f"{one['errors'] + two['errors']} |"
        )
    page, revalidated = hosts["wrk"]["result page (GET)"], hosts["wrk"]["result page, revalidated (304)"]
    lines += [
        "",
        f"A revalidated result page (`If-None-Match`, 304 after one query, nothing rendered) is "
        f"{revalidated['one']['requests_per_second'] / page['one']['requests_per_second']:.1f}x the full page's "
        "requests/s on one server.",
    ]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--command", required=True, help="how bench/run was called, for the record")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--hosts-only", action="store_true", help="rewrite only the Two hosts section (bench/hosts)")
    arguments = parser.parse_args()
    if arguments.hosts_only:
        section_write(arguments.out, hosts_section(json.loads((OUT / "hosts.json").read_text())), arguments.command)
        print(f"wrote the Two hosts section of {arguments.out.relative_to(BENCH_DIR.parent)}", file=sys.stderr)
        return
    runs = [json.loads((OUT / f"{name}.json").read_text()) for name in BACKENDS if (OUT / f"{name}.json").exists()]
    skipped = [name for name in BACKENDS if not (OUT / f"{name}.json").exists()]
    first = runs[0]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{arguments.command}` on {now}, at commit `{git_commit()}`. Reproduce with the same command "
        "on a fresh clone; `bench/README.md` says what each figure means.",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu_model()}), Linux {platform.release()}; Python "
        f"{platform.python_version()}, Django {django.get_version()}, gunicorn {gunicorn.__version__} "
        f"({first['gunicorn']}), "
        + ", ".join(run["database"] for run in runs)
        + ". Server and load generator share the machine. Production settings as deployed, except plain HTTP "
        f"(`DJANGO_SECURE=0`) and the rate limits raised to {first['settings']['rate_limits']} per client, so "
        "that the load generator, one client, never meets them."
        + "".join(f" **Not measured: {name}** (see bench/run's output)." for name in skipped),
        "",
        *targets_section(runs),
        "## Requests per second and latency",
        "",
    ]
    for run in runs:
        lines += throughput_section(run)
    if (OUT / "hosts.json").exists():
        lines += hosts_section(json.loads((OUT / "hosts.json").read_text()))
    else:
        lines += section_kept(arguments.out, "Two hosts")
    lines += weight_section(first["weights"])
    lines += plans_section()
    lines += section_kept(arguments.out, "Load")
    arguments.out.write_text("\n".join(lines))
    print(f"wrote {arguments.out.relative_to(BENCH_DIR.parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
