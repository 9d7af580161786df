"""Running Django in a separate process with production settings (config.settings, DEBUG off, HTTPS on), as
the suite's own settings cannot: they are loaded once, with HTTPS off for the test client and live server."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.config.deployment import REPOSITORY, production_environment

HOST = "depositwizard.example.org"


def production_env(directory: Path, *, static_root: Path, **extra: str) -> dict[str, str]:
    """The deployment's environment (tests/config/deployment.py), serving the host the probe's client names."""
    return production_environment(directory, DJANGO_ALLOWED_HOSTS=HOST, DJANGO_STATIC_ROOT=str(static_root), **extra)


def django_run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=300,
    )


def django_probe(code: str, env: dict[str, str]) -> dict:
    """Runs `code` after django.setup() with the test client at hand; its last line of output is JSON."""
    preamble = f"""
        import json
        import django
        django.setup()
        from django.test.utils import setup_test_environment
        setup_test_environment()
        from django.test import Client
        client = Client(HTTP_HOST={HOST!r}, raise_request_exception=False)
    """
    completed = django_run(textwrap.dedent(preamble) + textwrap.dedent(code), env)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])
