"""A temporary production deployment on 127.0.0.1: the one way the deployment tests and bench/ start one.

Production settings (config.settings, DEBUG off) from an environment cleared of the caller's configuration, data
and static files in a folder of the caller's, gunicorn from gunicorn.conf.py on a free port. Standard library only
(no pytest, no Django), so that bench/ runs it outside the suite.
"""

import dataclasses
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
# Variables of the caller's environment that would change a deployment's configuration: a deployment is given
# its own, explicitly.
CONFIG_VARIABLES = ("DJANGO_", "DATABASE_URL", "DEPOSITWIZARD_", "GUNICORN_", "WEB_CONCURRENCY", "REDIS_")
START_SECONDS = 60


class ServerDidNotStart(RuntimeError):
    pass


# Every port handed out in this process. The OS hands a freed port out again now and then (2 in 300 here). A server
# on a port an earlier one had would inherit what the process keeps per address, such as the rate-limit counts
# config.cache keeps in memory while "its" Redis is down.
_ports_given: set[int] = set()
# Under pytest-xdist the workers share the machine's ports, each with its own memory of the ports given: a worker
# takes only its share of them, so that two workers never pick one port between a probe and a server's start.
# Linux hands bind(0) mostly odd ports, so the share is of port // 2.
_WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


def free_port() -> int:
    """A port of 127.0.0.1 that is free now, that this process has not handed out before, and that no other worker
    of the test run hands out."""
    while True:
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        if port // 2 % _WORKERS == _WORKER and port not in _ports_given:
            _ports_given.add(port)
            return port


def port_wait(port: int, process: subprocess.Popen, what: str, *, log: Path | None = None) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text() if log else process.communicate()[0]
            raise ServerDidNotStart(f"{what} stopped before it listened: {output}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise ServerDidNotStart(f"{what} did not listen on {HOST}:{port} within {START_SECONDS} s")


def production_environment(folder: Path, **overrides: str) -> dict[str, str]:
    """Production settings for a deployment whose database (SQLite, unless DATABASE_URL is given) and static
    files live in `folder`."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith(CONFIG_VARIABLES)}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "deployment-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "DEPOSITWIZARD_DATA_DIR": str(folder / "data"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        **overrides,
    }


def manage(environment: dict[str, str], *arguments: str) -> None:
    """A manage.py command in a process of its own, as a deployment runs it."""
    subprocess.run([sys.executable, "manage.py", *arguments], env=environment, cwd=REPOSITORY, check=True, timeout=300)


def static_collect(environment: dict[str, str]) -> Path:
    """collectstatic with production storage (hashed names and a manifest, which pages need to render)."""
    manage(environment, "collectstatic", "--no-input", "-v0")
    return Path(environment["DJANGO_STATIC_ROOT"])


@dataclasses.dataclass
class Gunicorn:
    process: subprocess.Popen
    port: int
    log: Path


def gunicorn_start(environment: dict[str, str], *, log: Path) -> Gunicorn:
    """gunicorn from gunicorn.conf.py on a free port of 127.0.0.1, writing its log (access log included) to `log`."""
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"{HOST}:{port}"],
            env=environment,
            cwd=REPOSITORY,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    port_wait(port, process, "gunicorn", log=log)
    return Gunicorn(process, port, log)


def gunicorn_stop(server: Gunicorn) -> str:
    """Stops gunicorn and returns what it logged."""
    server.process.terminate()
    server.process.wait(timeout=60)
    return server.log.read_text()
