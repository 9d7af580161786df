"""config.warm: the app gunicorn preloads is ready to serve before the workers fork, with no connection open."""

import json

from tests.config.deployment import REPOSITORY
from tests.config.production import django_run, production_env

LOADED = """
    import json
    import sys

    import config.wsgi
    from django.db import connections
    from django.template import engines
    from django.urls import get_resolver

    from config.release import release_fingerprint

    print(json.dumps({
        "connections_open": [alias for alias in connections if connections[alias].connection is not None],
        "modules": sorted(sys.modules),
        "names_indexed": get_resolver()._populated,
        "templates_compiled": sorted(engines["django"].engine.template_loaders[0].get_template_cache),
        "release_fingerprinted": release_fingerprint.cache_info().currsize,
    }))
"""


def test_loading_the_app_imports_the_views_compiles_the_templates_and_opens_no_connection(tmp_path, production_static):
    completed = django_run(LOADED, production_env(tmp_path, static_root=production_static))
    assert completed.returncode == 0, completed.stderr[-3000:]
    loaded = json.loads(completed.stdout.strip().splitlines()[-1])

    # A connection opened here would be shared by every worker forked from this process.
    assert loaded["connections_open"] == []
    assert {"wizard.views", "policy.views.result", "policy.views.api"} <= set(loaded["modules"])
    assert loaded["names_indexed"]
    folder = REPOSITORY / "templates"
    assert loaded["templates_compiled"] == sorted(str(path.relative_to(folder)) for path in folder.rglob("*.html"))
    assert loaded["release_fingerprinted"] == 1
