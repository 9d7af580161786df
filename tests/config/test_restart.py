"""A depositor's progress survives a restart of the app server: the wizard's state lives in the database
session, not in a process. Two separate processes with production settings share one database file."""

from tests.config.production import django_probe, production_env

# Every request over HTTPS, as production serves it (the journeys' helpers have no `secure` argument).
HTTPS_CLIENT = """
    class HttpsClient(Client):
        def generic(self, *args, **kwargs):
            return super().generic(*args, **dict(kwargs, secure=True))

    client = HttpsClient(HTTP_HOST=client.defaults["HTTP_HOST"])
"""

FIRST_PROCESS = (
    HTTPS_CLIENT
    + """
    from django.conf import settings
    from django.core.management import call_command
    from tests.wizard.journeys import study_started
    call_command("migrate", "--no-input", verbosity=0)
    study_started(client, datasets=[{"id": "lm", "modality": "light_microscopy"}])
    print(json.dumps({"session": client.cookies[settings.SESSION_COOKIE_NAME].value}))
"""
)

SECOND_PROCESS = (
    HTTPS_CLIENT
    + """
    from django.conf import settings
    from tests.wizard.journeys import check_confirm, step_post
    client.cookies[settings.SESSION_COOKIE_NAME] = {session!r}
    datasets_page = client.get("/study/datasets/")
    confirmed = step_post(client, "datasets")
    stored = check_confirm(client)
    print(json.dumps({{
        "datasets_status": datasets_page.status_code,
        "datasets_page": datasets_page.content.decode(),
        "confirmed": confirmed.get("Location"),
        "stored": stored.get("Location"),
    }}))
"""
)


def test_progress_survives_a_restart_mid_wizard(tmp_path, production_static):
    env = production_env(tmp_path, static_root=production_static)
    first = django_probe(FIRST_PROCESS, env)
    second = django_probe(SECOND_PROCESS.format(session=first["session"]), env)
    assert second["datasets_status"] == 200
    assert "lm" in second["datasets_page"]
    assert second["confirmed"] == "/study/check/"
    assert second["stored"].startswith("/r/")
