"""The app made ready to serve before gunicorn forks its workers (gunicorn.conf.py preloads it: config/wsgi.py).

What Django leaves to a process's first requests, importing every view through the URLconf, compiling the
templates, fingerprinting the release, is done once in the master, so that a worker forked at start or recycled
under load (`max_requests`) serves its first requests as fast as its thousandth. Left to the worker, that first work
took about 1 s of CPU on a 2-core machine, and the requests behind it waited (docs/performance.md). Nothing here
opens a connection (database, Redis): a connection must never be shared by forked processes.
"""

from django.conf import settings
from django.template import engines
from django.urls import resolve, reverse

from config.release import release_fingerprint


def app_warm() -> None:
    # Every view imported (the URLconf) and the URL names indexed, as a worker's first resolve() and reverse() would.
    resolve("/")
    reverse("start")
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(directory.rglob("*.html")):
            engines["django"].get_template(str(path.relative_to(directory)))
    release_fingerprint()
