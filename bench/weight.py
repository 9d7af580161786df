"""Page weight as a browser sees it: Debian's chromium loads each page with a cold cache and counts every request
it makes and the bytes that crossed the wire (compressed bodies plus headers)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@dataclass
class PageWeight:
    requests: int
    bytes_transferred: int
    body_bytes: int
    other_hosts: list[str]
    resources: list[tuple[str, int]]  # (path, bytes transferred)


def page_weigh(browser, *, base_url: str, path: str, cookie: str) -> PageWeight:
    """`cookie` ("name=value; name=value", or empty): the depositor's session, for the wizard's pages."""
    context = browser.new_context(base_url=base_url)
    try:
        if cookie:
            pairs = [pair.split("=", 1) for pair in cookie.split("; ")]
            context.add_cookies([{"name": name, "value": value, "url": base_url} for name, value in pairs])
        page = context.new_page()
        made, finished = [], []
        page.on("request", lambda request: made.append(request))
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(path, wait_until="networkidle")
        resources = []
        for request in finished:
            sizes = request.sizes()
            resources.append((urlsplit(request.url).path, sizes["responseBodySize"], sizes["responseHeadersSize"]))
        return PageWeight(
            requests=len(made),
            bytes_transferred=sum(body + headers for _, body, headers in resources),
            body_bytes=sum(body for _, body, _ in resources),
            other_hosts=sorted({urlsplit(request.url).netloc for request in made} - {urlsplit(base_url).netloc}),
            resources=[(path, body + headers) for path, body, headers in resources],
        )
    finally:
        context.close()


def pages_weigh(*, base_url: str, pages: dict[str, tuple[str, str]], chromium: str) -> dict[str, PageWeight]:
    """`pages`: name -> (path, cookie)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return {
                name: page_weigh(browser, base_url=base_url, path=path, cookie=cookie)
                for name, (path, cookie) in pages.items()
            }
        finally:
            browser.close()
