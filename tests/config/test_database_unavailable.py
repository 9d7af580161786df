"""With its database unreachable the service answers 503 with a clear page (JSON for the API), and recovers by
itself.

Run in a separate process on a real SQLite file with production settings: the outage is the database's
directory disappearing (as a database server going away would), with the open connections dropped.
"""

from tests.config.production import django_probe, production_env


def test_a_missing_database_gets_a_503_page_and_the_service_recovers(tmp_path, production_static):
    outcome = django_probe(
        f"""
        import shutil
        from django.core.management import call_command
        from django.db import connections
        call_command("migrate", "--no-input", verbosity=0)

        def result_page():
            response = client.get("/r/AAAAAAAAAAAAAAAAAAAAAA/", secure=True)
            return {{"status": response.status_code, "retry_after": response.get("Retry-After"),
                    "page": response.content.decode()}}

        def plan_stored():
            body = '{{"datasets": [{{"id": "lm", "modality": "light_microscopy"}}]}}'
            response = client.post("/api/v1/plans", body, content_type="application/json", secure=True)
            return {{"status": response.status_code, "type": response["Content-Type"], "body": response.json()}}

        before = [result_page(), plan_stored()]
        connections.close_all()
        shutil.move({str(tmp_path / "data")!r}, {str(tmp_path / "data-away")!r})
        during = [result_page(), result_page(), plan_stored()]
        shutil.move({str(tmp_path / "data-away")!r}, {str(tmp_path / "data")!r})
        after = [result_page(), plan_stored()]
        print(json.dumps({{"before": before, "during": during, "after": after}}))
        """,
        production_env(tmp_path, static_root=production_static),
    )
    assert [response["status"] for response in outcome["before"]] == [404, 201]
    *pages, api = outcome["during"]
    for response in pages:
        assert response["status"] == 503
        assert response["retry_after"] == "30"
        assert "<title>Sorry, the service is unavailable – depositwizard</title>" in response["page"]
        assert "cannot reach its database" in response["page"]
        assert "mailto:image-presubmission@ebi.ac.uk" in response["page"]
        assert "Traceback" not in response["page"]
    assert api["status"] == 503
    assert api["type"] == "application/json"
    [messages] = api["body"]["errors"].values()
    assert "cannot reach its database" in messages[0]
    assert [response["status"] for response in outcome["after"]] == [404, 200]
