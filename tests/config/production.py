"""Running Django in a separate process with production settings (config.settings, DEBUG off, HTTPS on), as
the suite's own settings cannot: they are loaded once, with HTTPS off for the test client and live server."""

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "depositwizard.example.org"


def production_env(directory: Path, *, static_root: Path, **extra: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "DEPOSITWIZARD_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DEPOSITWIZARD_DATA_DIR=str(directory / "data"),
        DJANGO_STATIC_ROOT=str(static_root),
        **extra,
    )
    return env


def django_run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=BASE_DIR,
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


def static_collect(directory: Path) -> Path:
    """collectstatic with production storage (hashed names and a manifest, which pages need to render)."""
    static_root = directory / "static"
    completed = django_run(
        """
        import django
        django.setup()
        from django.core.management import call_command
        call_command("collectstatic", "--no-input", verbosity=0)
        """,
        production_env(directory, static_root=static_root),
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return static_root
