"""A throwaway redis-server of a test's own on a free port of 127.0.0.1, so that the test may stop and restart it
(gunicorn and the rest of a production deployment: tests/config/deployment.py)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import redis

from tests.config.deployment import HOST, free_port, port_wait


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
    """A redis-server on a free port of 127.0.0.1 that persists nothing; stop() and start() again keep its port.
    `options` are more of redis-server's, such as ("--maxmemory", "4mb", "--maxmemory-policy", "volatile-lru")."""

    def __init__(self, directory: Path, options: tuple[str, ...] = ()):
        self.executable = redis_server_path()
        self.directory = directory
        self.options = options
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        # Listening on 127.0.0.1 only, writing nothing to disk.
        options = ["--bind", HOST, "--port", str(self.port), "--dir", str(self.directory), "--save", ""]
        self.process = subprocess.Popen(
            [self.executable, *options, "--appendonly", "no", *self.options],
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
