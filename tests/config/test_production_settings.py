"""Production mode comes from the environment: each case imports config.settings in a fresh interpreter, because
the settings are read once, at import."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

SETTINGS_SHOWN = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "ALLOWED_HOSTS",
    "SESSION_ENGINE",
)
SHOW_SETTINGS = f"""
import json
import config.settings as s
shown = {{name: getattr(s, name) for name in {SETTINGS_SHOWN!r}}}
shown["database"] = {{key: s.DATABASES["default"][key] for key in ("ENGINE", "HOST", "NAME", "CONN_MAX_AGE",
                                                              "CONN_HEALTH_CHECKS")}}
shown["staticfiles"] = s.STORAGES["staticfiles"]["BACKEND"]
print(json.dumps(shown))
"""
# Variables that would leak the calling environment's configuration into the fresh interpreter.
CONFIG_VARIABLES = ("DJANGO_", "DATABASE_URL", "DEPOSITWIZARD_")


def settings_under(tmp_path, **environment: str) -> subprocess.CompletedProcess:
    clean = {name: value for name, value in os.environ.items() if not name.startswith(CONFIG_VARIABLES)}
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        env={**clean, "DEPOSITWIZARD_DATA_DIR": str(tmp_path), **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def settings_shown(tmp_path, **environment: str) -> dict:
    completed = settings_under(tmp_path, **environment)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    completed = settings_under(tmp_path)

    assert completed.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in completed.stderr


def test_production_is_https_only_with_hashed_compressed_static_files_by_default(tmp_path):
    shown = settings_shown(tmp_path, DJANGO_SECRET_KEY="k" * 50)

    assert shown["DEBUG"] is False
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True
    assert shown["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_secure_switch_off_allows_plain_http_on_localhost(tmp_path):
    shown = settings_shown(tmp_path, DJANGO_SECRET_KEY="k" * 50, DJANGO_SECURE="0")

    assert shown["DEBUG"] is False
    assert shown["SECURE_SSL_REDIRECT"] is False
    assert shown["SESSION_COOKIE_SECURE"] is False
    assert shown["CSRF_COOKIE_SECURE"] is False


def test_debug_mode_needs_no_secret_and_is_plain_http(tmp_path):
    shown = settings_shown(tmp_path, DJANGO_DEBUG="1")

    assert shown["DEBUG"] is True
    assert shown["SECURE_SSL_REDIRECT"] is False
    assert shown["staticfiles"] == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_hosts_and_trusted_origins_are_comma_separated_lists(tmp_path):
    shown = settings_shown(
        tmp_path,
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="wizard.example.org, wizard-2.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://wizard.example.org",
    )

    assert shown["ALLOWED_HOSTS"] == ["wizard.example.org", "wizard-2.example.org"]
    assert shown["CSRF_TRUSTED_ORIGINS"] == ["https://wizard.example.org"]


def test_database_url_selects_postgresql_with_persistent_checked_connections(tmp_path):
    shown = settings_shown(
        tmp_path, DJANGO_SECRET_KEY="k" * 50, DATABASE_URL="postgres://wizard:secret@db.example.org:5432/wizard"
    )

    assert shown["database"] == {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "db.example.org",
        "NAME": "wizard",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
    # Several app servers share one database: the session must live there, not in a server's memory or disk.
    assert shown["SESSION_ENGINE"] == "config.sessions"


def test_without_database_url_an_sqlite_file_lives_in_the_data_dir(tmp_path):
    shown = settings_shown(tmp_path, DJANGO_SECRET_KEY="k" * 50)

    assert shown["database"]["ENGINE"] == "django.db.backends.sqlite3"
    assert shown["database"]["NAME"] == str(tmp_path / "db.sqlite3")


def test_an_empty_database_url_means_not_set(tmp_path):
    shown = settings_shown(tmp_path, DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="")
    assert shown["database"]["ENGINE"] == "django.db.backends.sqlite3"
    assert shown["database"]["NAME"] == str(tmp_path / "db.sqlite3")


def test_sqlite_runs_in_wal_mode_so_that_readers_never_wait_for_a_writer(tmp_path):
    program = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    print(cursor.execute('PRAGMA journal_mode').fetchone()[0], "
        "cursor.execute('PRAGMA synchronous').fetchone()[0])\n"
    )
    clean = {name: value for name, value in os.environ.items() if not name.startswith(CONFIG_VARIABLES)}
    completed = subprocess.run(
        [sys.executable, "-c", program],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": "k" * 50,
            "DEPOSITWIZARD_DATA_DIR": str(tmp_path),
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    # synchronous 1 = NORMAL: a commit does not wait for the disk; the WAL keeps the file consistent.
    assert completed.stdout.split() == ["wal", "1"]


@pytest.mark.database
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the PostgreSQL run only (DATABASE_URL)"
)
def test_the_postgresql_run_really_runs_on_postgresql(django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        assert connection.vendor == "postgresql"
