"""Settings for depositwizard, read from environment variables with safe defaults.

DJANGO_DEBUG (off), DJANGO_SECRET_KEY (required when DEBUG is off), DJANGO_ALLOWED_HOSTS (comma-separated),
DATABASE_URL (PostgreSQL in production; an SQLite file under var/ otherwise), DJANGO_SECURE (HTTPS only: on
unless DEBUG is on), DJANGO_CSRF_TRUSTED_ORIGINS (comma-separated). docs/deploying.md lists them all.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.cache import caches_configure
from config.health import HEALTH_PATHS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, *, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, *, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for local development).")
    # Only ever used with DEBUG on: never in production.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default="127.0.0.1,localhost")
# The site's public address ("https://wizard.example.org"): every link the app writes (a result's share link, the
# API's `url`, the maDMP's id) and every cache key built from one. Without it (development, the test suite) links
# take the scheme and host of the request, whose port nobody checks. docs/deploying.md.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").strip().rstrip("/")
if SITE_URL and (not SITE_URL.startswith(("https://", "http://")) or "/" in SITE_URL.partition("://")[2]):
    raise ImproperlyConfigured("DJANGO_SITE_URL is a scheme and a host, such as https://wizard.example.org.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_ratelimit",
    "axes",
    "formtools",
    "policy",
    "wizard",
    # The deployment checks of config/checks.py.
    "config.apps.DeploymentConfig",
]

MIDDLEWARE = [
    # CORP, Permissions-Policy and, on results, X-Robots-Tag: outermost, so that static files and errors get them.
    "config.headers.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # /healthz and /readyz, answered before the host check, sessions and rate limits (config/health.py).
    "config.health.HealthMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # GETs of results and their downloads, per address (config/ratelimits.py).
    "config.ratelimits.ResultReadsLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.signin.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a sign-in refused for too many failures into the paused page.
    "axes.middleware.AxesMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.archive_facts",
            ],
        },
    },
]

DATA_DIR = Path(os.environ.get("DEPOSITWIZARD_DATA_DIR", BASE_DIR / "var"))
DATABASES = {
    # DATABASE_URL set but empty means not set (a blank line in an environment file), not a broken URL.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's database sessions, read with a plain SELECT (config/sessions.py).
SESSION_ENGINE = "config.sessions"
# The wizard's notices ("lm was removed…") are kept in the session, on the server, like the answers: never a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Files served at the site's root (favicon.ico), by WhiteNoise; outside static/, so never under /static/ too.
WHITENOISE_ROOT = BASE_DIR / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Production serving (ops) -------------------------------------------------------------------------------
# DJANGO_SECURE: the site is reached over HTTPS only (TLS ends at the load balancer; gunicorn trusts its
# X-Forwarded-Proto from FORWARDED_ALLOW_IPS, see gunicorn.conf.py). On unless DEBUG is on; DJANGO_SECURE=0 is for
# plain HTTP on 127.0.0.1 only (the benchmark, the test suite's live server).
SECURE = env_flag("DJANGO_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = SECURE
# Load balancers probe each host over plain HTTP: a redirect would read as a failed probe.
SECURE_REDIRECT_EXEMPT = [rf"^{path.removeprefix('/')}$" for path in HEALTH_PATHS]
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
# Only needed when the public origin differs from the Host header the app sees (e.g. "https://wizard.example").
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Pages go out compressed when the browser accepts it (most of a result page's weight is its HTML). Right after
# WhiteNoise, which serves its own pre-compressed static files; Django pads each compressed page against BREACH.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, "django.middleware.gzip.GZipMiddleware"
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite (one host only): WAL lets readers go on while one connection writes; synchronous=NORMAL lets a
    # commit return without waiting for the disk (a power cut may lose the last commits, never corrupt the
    # file); IMMEDIATE makes concurrent writers queue for the lock instead of failing with "database is locked".
    # Every answer writes the session, so this decides the wizard's speed on SQLite (docs/performance.md).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# --- end production serving ----------------------------------------------------------------------------------

# How long a shared cache (a CDN) may serve a result page or export without asking again (policy/views/http_cache.py);
# browsers always ask, and get a 304 when nothing changed. docs/deploying.md, "Caching headers".
RESULT_SHARED_CACHE_SECONDS = int(os.environ.get("DJANGO_RESULT_SHARED_CACHE_SECONDS", "300"))

# Largest JSON body the API reads; bigger bodies get 413 before any parsing.
API_MAX_BODY_BYTES = 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- Hardening: security headers, CSP, cookies, rate limits, error pages ------------------------------------
# Each choice is explained in docs/security.md.

# Over HTTPS (SECURE, from the production block above) browsers must never use plain HTTP again: two years.
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 60 * 60 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Result links are secret: no other site may learn one from a Referer header.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The __Host- prefix makes browsers refuse these cookies unless Secure, host-only and Path=/.
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: htmx sends the token of the page's form (static/js/app.js).
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"

# Nothing inline and nothing evaluated: every script and stylesheet is a file served by this site.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# Caches (config/cache.py): this process's memory, or Redis, shared by every host: the rendered result pages in
# REDIS_URL ("redis://host:6379/0", capped, evicting), the rate limits' counts in REDIS_LIMITS_URL (another Redis,
# never evicting). docs/deploying.md, "Redis".
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_LIMITS_URL = os.environ.get("REDIS_LIMITS_URL", "")
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5"))
CACHES = caches_configure(redis_url=REDIS_URL, limits_redis_url=REDIS_LIMITS_URL, timeout_seconds=REDIS_TIMEOUT_SECONDS)
RATELIMIT_USE_CACHE = "ratelimit"
# Should the counts be unreadable, the request goes through: the limits stop floods, and a cache outage must not
# turn every request away (with Redis, config.cache.SharedCache counts in process memory meanwhile).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_RATES = {
    "api": os.environ.get("DJANGO_RATELIMIT_API", "600/m"),
    "results": os.environ.get("DJANGO_RATELIMIT_RESULTS", "120/m"),
    "checks": os.environ.get("DJANGO_RATELIMIT_CHECKS", "60/m"),
    "reads": os.environ.get("DJANGO_RATELIMIT_READS", "300/m"),
    # New stored results (permanent rows) per address and day: answers stored before do not count.
    "stored": os.environ.get("DJANGO_RATELIMIT_STORED", "500/d"),
}
# Behind load balancers every request comes from their address: DJANGO_TRUSTED_PROXY_COUNT says how many
# proxies append to X-Forwarded-For, so that the client's own address is counted (config/ratelimits.py).
RATELIMIT_IP_META_KEY = "config.ratelimits.client_address"
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit knows neither Django's own Redis cache (W001) nor that per-process memory, without
    # REDIS_URL, is the documented one-host default (E003).
    "django_ratelimit.E003",
    "django_ratelimit.W001",
]

# Accession checks (policy/accession_checks/, docs/accession-checks.md): typed accessions looked up in the archives'
# public APIs, from the server only. DEPOSITWIZARD_ACCESSION_CHECKS=0 turns the lookups off (the page says so).
ACCESSION_CHECKS = env_flag("DEPOSITWIZARD_ACCESSION_CHECKS", default=True)
ACCESSION_CHECKS_TIMEOUT_SECONDS = float(os.environ.get("DEPOSITWIZARD_ACCESSION_CHECKS_TIMEOUT_SECONDS", "3"))
ACCESSION_CHECKS_DEADLINE_SECONDS = float(os.environ.get("DEPOSITWIZARD_ACCESSION_CHECKS_DEADLINE_SECONDS", "5"))
ACCESSION_CHECKS_MAX_BODY_BYTES = 4 * 1024 * 1024

# Sign-in throttling (django-axes): failed sign-ins are counted in the database, which every host shares, per
# client address and per account; past the limit both are paused. docs/deploying.md, "Sign-in throttling".
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_SIGNIN_PAUSE_MINUTES", "15")))
# An account is paused from an address, never for everyone: someone else's guesses cannot lock its owner out. An
# address guessing at many accounts is paused too. Guesses at one account from many addresses are slowed down
# instead (config/signin.py), up to a wait of SIGNIN_SLOWDOWN_MAX_SECONDS per attempt.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
SIGNIN_SLOWDOWN_MAX_SECONDS = int(os.environ.get("DJANGO_SIGNIN_SLOWDOWN_MAX_SECONDS", "60"))
# The same client address as the rate limits, behind the same trusted proxies.
AXES_CLIENT_IP_CALLABLE = "config.ratelimits.client_address"
AXES_LOCKOUT_CALLABLE = "config.signin.signin_locked"
# Signing in clears the account's and the address's failures: a mistyped password is forgiven by the right one.
AXES_RESET_ON_SUCCESS = True

# Staff passwords: at least 12 characters, not a common one, not all digits, not like the username.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff sessions (config.signin.StaffSessionMiddleware): signed out after this long without an admin request, and
# this long after signing in whatever the activity. The wizard's own sessions keep Django's default.
STAFF_SESSION_IDLE = timedelta(minutes=int(os.environ.get("DJANGO_STAFF_SESSION_IDLE_MINUTES", "30")))
STAFF_SESSION_MAX = timedelta(hours=int(os.environ.get("DJANGO_STAFF_SESSION_HOURS", "8")))
