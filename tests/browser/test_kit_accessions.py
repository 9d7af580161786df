"""A depositor types the accessions they received into the result page, with and without JavaScript, and reads the
data availability statement that carries them."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.policy.accession_checks.recorded import ReplayTransport
from tests.policy.conftest import FIVE_DATASET_STUDY

pytestmark = pytest.mark.django_db(transaction=True)


def five_dataset_result(page) -> str:
    response = page.request.post("/api/v1/plans", data=FIVE_DATASET_STUDY)
    assert response.status == 201
    return response.json()["url"]


def tracker_opened(page) -> None:
    """The tracker is folded until accessions are typed in (the plan itself stays short): open it."""
    page.get_by_text("Track your accessions").click()


def test_typed_accessions_fill_the_statement_and_travel_in_the_link(page, javascript_enabled):
    page.goto(five_dataset_result(page))
    tracker_opened(page)
    statement = page.locator("[data-statement]")
    expect(statement).to_contain_text("under accession code [ArrayExpress accession]")

    page.get_by_label("Step 1: ArrayExpress accession").fill("e-mtab-1234")
    page.get_by_label("Step 2: EMDB accession").fill("EMD-1111 EMD-2222")
    page.get_by_role("button", name="Update progress and statement").click()

    expect(statement).to_contain_text("ArrayExpress under accession code E-MTAB-1234 (https://identifiers.org/")
    expect(statement).to_contain_text("under accession codes EMD-1111 (https://identifiers.org/emdb:EMD-1111) and")
    expect(page.get_by_role("heading", name="Progress: 2 of 5 steps done")).to_be_visible()
    # Without JavaScript the address is the form's, as typed; with htmx, the canonical link of the accessions.
    expect(page).to_have_url(re.compile(r"\?arrayexpress%3Avisium=E-MTAB-1234&emdb%3Acryo-et=EMD-1111", re.I))
    expect(page.get_by_role("link", name=re.compile(r"arrayexpress%3Avisium=E-MTAB-1234"))).to_be_visible()
    expect(page.get_by_label("Step 1: ArrayExpress accession")).to_have_value("e-mtab-1234")


def test_a_wrong_accession_is_explained_at_its_field(page, javascript_enabled):
    page.goto(five_dataset_result(page))
    tracker_opened(page)

    page.get_by_label("Step 4: EMPIAR accession").fill("EMD-1234")
    page.get_by_role("button", name="Update progress and statement").click()

    expect(page.get_by_role("alert")).to_contain_text("Step 4:")
    expect(page.locator("#accession-4-error")).to_contain_text("expected EMPIAR- followed by five or more digits")
    expect(page.locator("[data-statement]")).to_contain_text("[EMPIAR accession]")


def test_the_statement_is_copied_with_its_button(js_page, live_server):
    js_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    js_page.goto(five_dataset_result(js_page) + "?arrayexpress:visium=E-MTAB-1234")

    js_page.get_by_role("button", name="Copy statement").click()

    expect(js_page.locator("[data-copy-statement-status]")).to_have_text("Statement copied.")
    copied = js_page.evaluate("navigator.clipboard.readText()")
    assert "ArrayExpress under accession code E-MTAB-1234 (https://identifiers.org/arrayexpress:E-MTAB-1234)." in copied
    assert copied == js_page.locator("[data-statement]").inner_text().strip()


def test_without_javascript_the_statement_is_selectable_text_and_no_copy_button_shows(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto(five_dataset_result(page))
        tracker_opened(page)
        expect(page.locator("[data-statement]")).to_be_visible()
        expect(page.get_by_role("button", name="Copy statement")).to_be_hidden()
    finally:
        context.close()


TYPED = {
    "Step 1: ArrayExpress accession": "E-MTAB-1234",
    "Step 2: EMDB accession": "EMD-1111",
    "Step 3: EMPIAR accession": "EMPIAR-10001",
    "Step 4: EMPIAR accession": "EMPIAR-10002",
    "Step 5: BioImage Archive accession": "S-BIAD9",
}
# What every download that depends on the accessions must carry, as its query string holds them.
TYPED_QUERY = re.compile(r"arrayexpress%3Avisium=E-MTAB-1234.*bia-imaging=S-BIAD9", re.I)


def test_every_kit_link_and_download_follows_the_typed_accessions(page, javascript_enabled):
    page.goto(five_dataset_result(page))
    tracker_opened(page)
    for label, accession in TYPED.items():
        page.get_by_label(label).fill(accession)
    page.get_by_role("button", name="Update progress and statement").click()
    expect(page.get_by_role("heading", name="Progress: 5 of 5 steps done")).to_be_visible()

    expect(page).to_have_url(TYPED_QUERY)
    downloads = page.locator("a[download]")
    hrefs = [downloads.nth(index).get_attribute("href") for index in range(downloads.count())]
    # Every download made from the stored result, but for those the accessions do not change: the ST sheet, the
    # file lists and registrations to fill, and the OneDep script (the same for every plan).
    unchanged = ("st-metadata.tsv", "-file-list-", "registrations.tsv", "onedep_deposit.py")
    followed = [href for href in hrefs if href.startswith("/r/") and not any(name in href for name in unchanged)]
    accessions_tables = [href for href in hrefs if "accessions" in href.split("?")[0]]
    assert followed
    assert [href for href in followed if not TYPED_QUERY.search(href)] == []
    # One accessions table: the tracker's link (with the accessions) and the "Files to prepare" one are the same file.
    assert len({href.split("?")[0] for href in accessions_tables}) == 1, accessions_tables
    result_path = urlparse(page.url).path.rstrip("/")
    bodies = {}
    for href in followed:
        response = page.request.get(href)
        assert response.status == 200, href
        bodies[href.split("?")[0].removeprefix(result_path)] = response.body()
    # What each download that cites or lists accessions carries (the others cite none in this study).
    for path, accession in [
        (".md", "S-BIAD9"),
        (".json", "S-BIAD9"),
        (".madmp.json", "S-BIAD9"),
        ("/accessions.tsv", "S-BIAD9"),
        ("/kit/empiar-cryo-et.json", "EMD-1111"),
        ("/kit/bia-step-5.pagetab.json", "EMPIAR-10002"),
    ]:
        assert accession.encode() in bodies[path], path
    (pagetab,) = [href for href in followed if href.split("?")[0].endswith(".pagetab.json")]
    links = page.request.get(pagetab).json()["section"]["links"]
    assert [link["url"] for link in links] == ["E-MTAB-1234", "EMPIAR-10002"]


def test_typed_accessions_are_checked_with_the_archives_after_the_page(page, javascript_enabled, settings, monkeypatch):
    """Checks on, the archives answering from their recordings: the page comes first, the checks after (htmx), or
    on a page of their own (without JavaScript)."""
    settings.ACCESSION_CHECKS = True
    replay = ReplayTransport.of_all()
    monkeypatch.setattr("policy.accession_checks.run.transport_default", lambda: replay)
    page.goto(five_dataset_result(page))
    tracker_opened(page)

    page.get_by_label("Step 2: EMDB accession").fill("EMD-99999")
    page.get_by_label("Step 3: EMPIAR accession").fill("EMPIAR-10002")
    page.get_by_label("Step 4: EMPIAR accession").fill("EMPIAR-12")
    page.get_by_role("button", name="Update progress and statement").click()

    if javascript_enabled:
        expect(page.locator("#accession-3-check")).to_contain_text("EMPIAR-10002 public since 2016-03-01")
        expect(page.locator("#accession-2-check")).to_contain_text("not public yet, or mistyped")
    else:
        page.get_by_role("link", name="See what the archives say about them").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your accessions, checked with the archives")
        expect(page.locator("[data-accession-check-rows]")).to_contain_text("EMPIAR-10002 public since 2016-03-01")
    expect(page.locator("[data-accession-link-warnings]")).to_contain_text(
        "EMPIAR-10002 (step 3) does not cite EMD-99999"
    )
    expect(page.locator("[data-statement]")).to_contain_text("under accession code EMD-99999 (not yet public)")
