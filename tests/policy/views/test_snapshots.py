"""Every page, download and API answer of a stored result, compared with the snapshot committed beside this module.

The results are the fixture studies planned by today's engine (tests/policy/conftest.py) and the results stored by
earlier releases (tests/policy/fixtures: contract v4's as first released, before the volume EM and X-ray method
and segmentations were asked; contract v2's as stored; contract v1's as migrations 0003 and 0004 left them). Each
result's page is fetched without and with accessions typed in, and every URL of the result the page links to is
fetched in turn: the JSON, Markdown and TSV exports, every kit download (a zip as its members' names
and contents), the API's answers. A change of output shows as a diff of snapshots/<name>.txt; regenerate them with

    python -m pytest tests/policy/views/test_snapshots.py --snapshots-update

and read the diff: it must be exactly the change meant.
"""

import datetime
import hashlib
import importlib
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from policy.engine.archives import ARCHIVES
from policy.engine.version import POLICY_VERSION
from policy.models import Result, archives_field_value
from policy.results import answers_digest, result_create
from tests.policy.conftest import FIVE_DATASET_STUDY, FULL_STUDY, LIGHT_ONLY_STUDY

pytestmark = [
    pytest.mark.django_db,
    # PostgreSQL's jsonb keeps an object's keys in an order of its own, so the JSON exports of a stored result
    # differ from SQLite's in key order: the snapshots are SQLite's.
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the snapshots record SQLite's JSON key order"),
]

SNAPSHOTS = Path(__file__).parent / "snapshots"
FIXTURES = Path(__file__).parents[1] / "fixtures"
CREATED_AT = datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.UTC)
# Masked, since they change with every edit of the engine or every response: the current policy version, and the
# CSRF token of the "See the updated plan" form.
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
LINK = re.compile(r'(?:href|hx-get)="([^"]+)"')
TEXT_TYPES = ("text/", "application/json")
SAME_AS_MIN_LENGTH = 200
# What every plan links to alike: written once, in api.txt.
SHARED_URLS = ("/kit/onedep_deposit.py",)

plan_shape_v2 = importlib.import_module("policy.migrations.0003_plan_shape_v2").plan_shape_v2
texts_complete = importlib.import_module("policy.migrations.0004_result_texts_complete").texts_complete


def _stored(version: str) -> list[dict]:
    return json.loads((FIXTURES / f"stored_results_{version}.json").read_text(encoding="utf-8"))["results"]


CURRENT = {"full-study": FULL_STUDY, "five-dataset-study": FIVE_DATASET_STUDY, "light-only-study": LIGHT_ONLY_STUDY}
STORED = {f"{version}-{stored['name']}": stored for version in ("v1", "v2", "v4") for stored in _stored(version)}


def result_id_of(name: str) -> str:
    """A fixed id per snapshot, of the length and alphabet of a real one."""
    return hashlib.sha256(name.encode()).hexdigest()[:22]


def result_store(name: str, monkeypatch) -> Result:
    monkeypatch.setattr(timezone, "now", lambda: CREATED_AT)
    if name in CURRENT:
        made, _ = result_create(answers=CURRENT[name])
        fields = {field: getattr(made, field) for field in ("answers", "plan", "texts", "archives", "policy_version")}
        made.delete()
        return Result.objects.create(id=result_id_of(name), answers_digest=made.answers_digest, **fields)
    stored = STORED[name]
    plan = plan_shape_v2(stored["plan"])
    return Result.objects.create(
        id=result_id_of(name),
        answers=stored["answers"],
        plan=plan,
        texts=texts_complete(stored["texts"], plan=plan, answers=stored["answers"]),
        archives=archives_field_value(plan),
        policy_version=plan["policy_version"],
        answers_digest=answers_digest(stored["answers"]),
    )


def accessions_query(result: Result) -> str:
    """Each deposition's archive's example accession typed in, and the last one mistyped (its error shows)."""
    query = {
        deposition["key"]: ARCHIVES[deposition["archive"]].accession_example
        for deposition in result.plan["depositions"]
        if deposition["archive"] in ARCHIVES and ARCHIVES[deposition["archive"]].accession_example
    }
    if query:
        query[next(reversed(query))] = "not-an-accession"
    return urlencode(query)


def body_text(content: bytes, content_type: str) -> str:
    if content_type.startswith(TEXT_TYPES) or content_type == "text":
        return content.decode("utf-8")
    return f"<{len(content)} bytes, sha256 {hashlib.sha256(content).hexdigest()}>"


def _member_type(filename: str) -> str:
    return "application/octet-stream" if filename.endswith((".png", ".pdf", ".gz")) else "text"


class Bodies:
    """Each body written once per snapshot: a repeated one (the same draft alone and in its zip, a script shipped
    in every bundle) is written as "same as" the first."""

    def __init__(self, shared: dict[str, str] | None = None) -> None:
        self.seen: dict[str, str] = dict(shared or {})

    def text(self, body: str, where: str) -> str:
        if len(body) > SAME_AS_MIN_LENGTH:
            if body in self.seen:
                return f"<same as {self.seen[body]}>"
            self.seen[body] = where
        return body

    def response_text(self, client: Client, url: str, **headers) -> str:
        response = client.get(url, headers=headers)
        content_type = response.get("Content-Type", "")
        where = f"GET {url}{' (htmx)' if headers else ''}"
        lines = [f"=== {where}", f"status {response.status_code}", f"type {content_type}"]
        if response.has_header("Content-Disposition"):
            lines.append(f"disposition {response['Content-Disposition']}")
        media_type = content_type.split(";")[0]
        if media_type == "application/zip":
            with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
                body = "".join(
                    f"--- member {info.filename}\n"
                    f"{self.text(body_text(archive.read(info), _member_type(info.filename)), info.filename)}\n"
                    for info in archive.infolist()
                )
        else:
            body = self.text(body_text(response.content, media_type), where)
        return "\n".join(lines) + "\n" + body + "\n"


def linked_urls(html: str, result: Result) -> list[str]:
    """The URLs of this result (and the kit's script) a page links to, in page order, each once."""
    mine = (f"/r/{result.id}", "/kit/", "/api/")
    urls = (url.replace("&amp;", "&") for url in LINK.findall(html))
    return list(
        dict.fromkeys(
            urlsplit(url)._replace(scheme="", netloc="", fragment="").geturl()
            for url in urls
            if urlsplit(url).path.startswith(mine) and not urlsplit(url).path.endswith("/update/")
        )
    )


def snapshot_of(client: Client, result: Result, *, with_accessions: bool) -> str:
    """The result's pages and everything they link to; with accessions typed in too for `with_accessions`."""
    page = reverse("result", args=[result.id])
    query = accessions_query(result) if with_accessions else ""
    pages = [page, f"{page}?{query}"] if query else [page]
    urls: list[str] = []
    for url in pages:
        urls.append(url)
        urls.extend(linked_urls(client.get(url).content.decode(), result))
    urls.append(reverse("api-plans-show", args=[result.id]))
    urls.append(reverse("api-plans-show", args=[result.id]) + "?format=madmp")
    bodies = Bodies(shared=shared_bodies(client))
    texts = [bodies.response_text(client, url) for url in dict.fromkeys(urls) if url not in SHARED_URLS]
    return masked("".join(texts))


def masked(text: str) -> str:
    return CSRF_TOKEN.sub(r"\1<CSRF_TOKEN>", text.replace(POLICY_VERSION, "<POLICY_VERSION>"))


def shared_bodies(client: Client) -> dict[str, str]:
    """What every plan links to alike (written once, in api.txt), by body."""
    return {body_text(client.get(url).content, "text"): f"api.txt: GET {url}" for url in SHARED_URLS}


def api_snapshot(client: Client) -> str:
    """What belongs to no one result: what every plan links to alike, the policy, each fixture study planned."""
    bodies = Bodies()
    texts = [bodies.response_text(client, url) for url in SHARED_URLS]
    texts.append(bodies.response_text(client, reverse("api-policy")))
    for name, answers in CURRENT.items():
        response = client.post(reverse("api-plan"), json.dumps(answers), content_type="application/json")
        texts.append(f"=== POST {reverse('api-plan')} {name}\nstatus {response.status_code}\n")
        texts.append(response.content.decode() + "\n")
    return masked("".join(texts))


def snapshot_compare(text: str, name: str, request) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if request.config.getoption("--snapshots-update"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"No snapshot {path.name}: run with --snapshots-update (docs/testing.md)"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        for number, (got, wanted) in enumerate(zip(text.splitlines(), expected.splitlines(), strict=False), start=1):
            assert got == wanted, f"{path.name}, line {number} differs (regenerate: docs/testing.md, 'Snapshots')"
        assert text == expected, f"{path.name} differs in length (regenerate: docs/testing.md, 'Snapshots')"


@pytest.mark.parametrize("name", [*CURRENT, *STORED])
def test_every_page_download_and_api_answer_of_a_result_matches_its_snapshot(client, name, monkeypatch, request):
    result = result_store(name, monkeypatch)

    snapshot_compare(snapshot_of(client, result, with_accessions=name in CURRENT), name, request)


def test_the_apis_answers_match_their_snapshot(client, request):
    snapshot_compare(api_snapshot(client), "api", request)
