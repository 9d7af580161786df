"""A browser without JavaScript, over plain HTTP, that spreads its requests over several servers in turn, as a
load balancer without sticky sessions would. It knows nothing of the wizard's internals: it follows redirects
and posts the form on the page, filling in the answers it is given by field name."""

import http.client
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import cycle
from urllib.parse import urlencode, urljoin, urlsplit

HOST = "127.0.0.1"
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Page:
    status: int
    url: str
    headers: dict[str, str]
    body: str


@dataclass
class Form:
    action: str
    fields: list[tuple[str, str, str, bool]] = field(default_factory=list)  # name, type, value, checked


class _FormsParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self._current: Form | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("method", "get").lower() == "post":
            self._current = Form(action=attributes.get("action") or "")
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and attributes.get("name"):
            kind = attributes.get("type", "text")
            value = attributes.get("value") or ""
            self._current.fields.append((attributes["name"], kind, value, "checked" in attributes))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _answer_for(name: str, answers: dict[str, str]) -> str | None:
    """The answer for a field named `name` or `<prefix>-name` (formtools prefixes its fields with the step)."""
    for key, value in answers.items():
        if name == key or name.endswith(f"-{key}"):
            return value
    return None


def form_data(form: Form, answers: dict[str, str]) -> list[tuple[str, str]]:
    """What a browser would post: hidden fields as they are, the given answers, radios and boxes as checked, and
    "no" to any yes-or-no question the answers do not name (so that a new such question does not stop a walk)."""
    data: list[tuple[str, str]] = []
    answered: set[str] = set()
    radio_values: dict[str, set[str]] = {}
    for name, kind, value, checked in form.fields:
        answer = _answer_for(name, answers)
        if kind == "radio":
            radio_values.setdefault(name, set()).add(value)
        if kind in ("radio", "checkbox"):
            if (answer is None and checked) or answer == value:
                data.append((name, value))
                answered.add(name)
        elif answer is not None and kind != "hidden":
            if name not in answered:
                data.append((name, answer))
                answered.add(name)
        elif kind not in ("submit", "button"):
            data.append((name, value))
    data += [(name, "no") for name, values in radio_values.items() if name not in answered and values == {"yes", "no"}]
    return data


class PlainBrowser:
    """`headers` go with every request: a load balancer passes every server the same public Host."""

    def __init__(self, ports: list[int], *, headers: dict[str, str] | None = None):
        self._ports = cycle(ports)
        self.cookies: dict[str, str] = {}
        self.headers = headers or {}
        self.visits: list[tuple[int, str, str, int]] = []  # port, method, path, status

    def request(self, method: str, path: str, *, body: bytes = b"", headers: dict | None = None) -> Page:
        port = next(self._ports)
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie_name, cookie_value = value.split(";", 1)[0].split("=", 1)
                    self.cookies[cookie_name] = cookie_value
            headers_received = {name.lower(): value for name, value in response.getheaders()}
        finally:
            connection.close()
        self.visits.append((port, method, path, response.status))
        return Page(response.status, path, headers_received, content)

    def follow(self, page: Page) -> Page:
        while page.status in REDIRECTS:
            page = self.request("GET", urlsplit(urljoin(page.url, page.headers["location"])).path)
        return page

    def get(self, path: str) -> Page:
        return self.follow(self.request("GET", path))

    def submit(self, page: Page, answers: dict[str, str], *, follow: bool = True) -> Page:
        """Posts the page's form (the only one that posts, or the last: a page's own form comes after the
        header's) with the answers, and follows the redirect."""
        forms = _FormsParser()
        forms.feed(page.body)
        assert forms.forms, f"no form to post on {page.url} ({page.status})"
        form = forms.forms[-1]
        posted = self.request(
            "POST",
            urljoin(page.url, form.action) if form.action else page.url,
            body=urlencode(form_data(form, answers)).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        return self.follow(posted) if follow else posted
