"""Servers the deployment tests start for themselves on 127.0.0.1, each on a free port: gunicorn with production
settings, and Redis (a throwaway redis-server of the test's own, so that the test may stop and restart it)."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

HOST = "127.0.0.1"
# Variables of the environment the suite runs in that would change a server's configuration.
CONFIG_VARIABLES = ("DJANGO_", "DATABASE_URL", "DEPOSITWIZARD_", "GUNICORN_", "WEB_CONCURRENCY", "REDIS_URL")
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_wait(port: int, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.communicate()[0] if process.stdout else ""
            pytest.fail(f"{what} stopped before it listened: {output}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"{what} did not listen on {HOST}:{port} within {START_SECONDS} s")


def production_environment(tmp_path: Path, **overrides: str) -> dict[str, str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith(CONFIG_VARIABLES)}
    return {
        **clean,
        "DJANGO_SECRET_KEY": "gunicorn-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "DEPOSITWIZARD_DATA_DIR": str(tmp_path / "var"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "1",
        **overrides,
    }


def gunicorn_start(tmp_path: Path, **overrides: str) -> tuple[subprocess.Popen, int]:
    """gunicorn from gunicorn.conf.py with production settings; static files are collected in tmp_path."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"{HOST}:{port}"],
        env=production_environment(tmp_path, **overrides),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    port_wait(port, server, "gunicorn")
    return server, port


def gunicorn_stop(server: subprocess.Popen) -> str:
    """Stops gunicorn and returns what it logged."""
    server.terminate()
    return server.communicate(timeout=30)[0]


def redis_server_path() -> str:
    """Debian's redis-server; without it the test is skipped, or fails where Redis is required (.ci/run)."""
    path = shutil.which("redis-server")
    if path is None:
        reason = "redis-server is not installed (Debian's redis-server package; .ci/run installs it)"
        if os.environ.get("DEPOSITWIZARD_REDIS") == "required":
            pytest.fail(f"{reason}, and DEPOSITWIZARD_REDIS=required")
        pytest.skip(reason)
    return path


class RedisServer:
    """A redis-server on a free port of 127.0.0.1 that persists nothing; stop() and start() again keep its port."""

    def __init__(self, directory: Path):
        self.executable = redis_server_path()
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        # Listening on 127.0.0.1 only, writing nothing to disk.
        options = ["--bind", HOST, "--port", str(self.port), "--dir", str(self.directory), "--save", ""]
        self.process = subprocess.Popen(
            [self.executable, *options, "--appendonly", "no"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        port_wait(self.port, self.process, "redis-server")
        redis.Redis.from_url(self.url).ping()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.communicate(timeout=30)
        self.process = None
