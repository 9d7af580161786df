"""Real-browser fixtures: Debian's chromium driven by Playwright (never `playwright install`).

Browser tests are skipped, with the reason shown, where /usr/bin/chromium is missing; `.ci/run` installs it.
"""

import os
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
CSP_VIOLATIONS_COLLECTED = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in the test's thread; the ORM calls tests make there are still
# plain synchronous calls, so Django's async-safety guard would be a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def javascript_enabled(request) -> bool:
    return request.param


@pytest.fixture
def page(browser, live_server, javascript_enabled):
    """A fresh browser context (no cookies) on the live server, with or without JavaScript."""
    context = browser.new_context(java_script_enabled=javascript_enabled, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def js_page(browser, live_server):
    context = browser.new_context(java_script_enabled=True, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def checked_page(browser, live_server):
    """A JavaScript page with axe-core (tests/browser/vendor/axe-core/) and a log of CSP violations
    (`window.cspViolations`) in every document it loads. Both are added through the DevTools protocol before the
    page's own scripts run, so the site's Content-Security-Policy stays enforced."""
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(path=str(AXE))
    context.add_init_script(script=CSP_VIOLATIONS_COLLECTED)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
