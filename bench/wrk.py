"""Load generators for bench/measure.py: wrk (closed loop, N connections) and a fixed-rate open-loop client.

Both only ever speak to 127.0.0.1.
"""

import asyncio
import re
import shlex
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
BENCH_DIR = Path(__file__).resolve().parent
# What a browser sends: static files come back compressed, as they would to a depositor.
ACCEPT_ENCODING = "br, gzip"
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    command: str
    output: str = field(repr=False)
    # gunicorn's CPU time over the measurement per request (bench/measure.py): what a page costs the server, which a
    # busy machine changes far less than requests/s.
    server_cpu_ms: float | None = None


def wrk_duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"wrk printed an unexpected duration: {text!r}")
    return float(match.group(1)) * UNIT_MS[match.group(2)]


def wrk_parse(output: str, command: str) -> WrkResult:
    if "Requests/sec:" not in output or "Latency Distribution" not in output:
        raise RuntimeError(f"wrk gave no figures for {command}:\n{output}")
    latencies = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latencies) != {"50", "99"}:
        raise RuntimeError(f"wrk gave no p50/p99 for {command}:\n{output}")
    requests = int(re.search(r"^\s*(\d+) requests in", output, re.MULTILINE).group(1))
    non_2xx_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx_3xx.group(1)) if non_2xx_3xx else 0
    if socket_errors:
        # A read error is gunicorn's sync worker closing a connection wrk wanted to reuse: not a failed request.
        connect, _read, write, timeout = (int(value) for value in socket_errors.groups())
        errors += connect + write + timeout
    return WrkResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=wrk_duration_ms(latencies["50"]),
        p99_ms=wrk_duration_ms(latencies["99"]),
        requests=requests,
        errors=errors,
        command=command,
        output=output,
    )


def wrk_run(
    *,
    port: int,
    path: str,
    seconds: int,
    connections: int,
    threads: int,
    script: str | None = None,
    env=None,
    headers: dict[str, str] | None = None,
    timeout: int = 5,
) -> WrkResult:
    arguments = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", f"{timeout}s"]
    arguments += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    for name, value in (headers or {}).items():
        arguments += ["-H", f"{name}: {value}"]
    if script:
        arguments += ["-s", str(BENCH_DIR / script)]
    arguments.append(f"http://{HOST}:{port}{path}")
    completed = subprocess.run(arguments, env=env, capture_output=True, text=True, timeout=seconds + 60, check=True)
    shown = shlex.join(arguments).replace(f":{port}/", ":$PORT/").replace(str(BENCH_DIR) + "/", "bench/")
    return wrk_parse(completed.stdout, shown)


@dataclass
class FixedRateResult:
    rate: int
    seconds: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def encode(self) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {HOST}", f"Accept-Encoding: {ACCEPT_ENCODING}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        lines += [f"Content-Length: {len(self.body)}", "Connection: close", "", ""]
        return "\r\n".join(lines).encode() + self.body


async def _one_request(port: int, request: Request) -> int:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(request.encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # until the server closes: the whole response has arrived
        return int(status_line.split()[1])
    finally:
        writer.close()


async def _fixed_rate(port: int, requests: list[Request], rate: int, seconds: int) -> FixedRateResult:
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter() + 0.5

    async def scheduled(index: int) -> None:
        nonlocal errors
        due = start + index / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            status = await asyncio.wait_for(_one_request(port, requests[index % len(requests)]), timeout=10)
        except (OSError, TimeoutError, IndexError, ValueError):
            status = 0
        # Measured from when the request was due, not from when it left: a stalled server cannot hide its
        # backlog (no coordinated omission).
        latencies.append((time.perf_counter() - due) * 1000)
        if not 200 <= status < 400:
            errors += 1

    await asyncio.gather(*(scheduled(index) for index in range(rate * seconds)))
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return FixedRateResult(
        rate=rate,
        seconds=seconds,
        requests=len(latencies),
        errors=errors,
        p50_ms=cuts[49],
        p95_ms=cuts[94],
        p99_ms=cuts[98],
        max_ms=max(latencies),
    )


def fixed_rate_run(*, port: int, requests: list[Request], rate: int, seconds: int) -> FixedRateResult:
    """`rate` requests per second for `seconds`, cycling through `requests`, each on its own connection."""
    return asyncio.run(_fixed_rate(port, requests, rate, seconds))
