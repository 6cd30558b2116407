"""The pages in a real headless Chromium (Debian's, driven by Playwright):
an asker's consultation from the web form to the answer, a permit with a
missing document, a supervisor's escalated case. Screenshots of the main
pages go to target/service-screenshots/."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from conftest import PASSWORD, ROOT, Server

SHOTS = ROOT / "target" / "service-screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(params=["sqlite"])
def database(request, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ptsp.db'}"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not (ROOT / "wasm-bindings" / "pkg" / "form" / "ptsp_wasm.js").exists():
        pytest.fail("the WASM packages are not built: bash wasm-bindings/ci.sh (or PTSP_WASM_BUILD_ONLY=1)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield b
        b.close()


def page(browser, server: Server, lang: str = "id"):
    ctx = browser.new_context(base_url=server.url, viewport={"width": 1100, "height": 900}, locale="id-ID")
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto("/")
    pg.evaluate(f"localStorage.setItem('ptsp-lang', '{lang}')")
    pg.errors = errors
    return pg


def done(pg) -> None:
    """Waits for the outcome of a command and fails with its message."""
    pg.wait_for_selector("#notice .ok, #notice .bad")
    bad = pg.query_selector("#notice .bad")
    assert bad is None, bad.inner_text()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def login(pg, staff: str) -> None:
    pg.goto("/login")
    pg.fill("#staff", staff)
    pg.fill("#password", PASSWORD)
    pg.click("#go")
    pg.wait_for_url("**/inbox*" if staff not in ("kabid-aduan", "kadis", "kasi", "pejabat") else "**/dashboard*")


def test_a_consultation_from_the_form_to_the_answer(browser, server: Server):
    asker = page(browser, server)
    asker.goto("/form")
    asker.select_option("#kind", "konsultasi")
    asker.fill("#name", "Siti Rahayu")
    asker.fill("#nik", "1234")
    asker.fill("#phone", "0812-3456-7890")
    asker.fill("#subject", "Izin tambak udang")
    asker.fill("#text", "Bagaimana cara memperpanjang izin usaha perikanan untuk tambak udang kami?")
    asker.locator("#nik").blur()
    # The library's check (WASM) shows the error before anything is sent.
    assert asker.locator("#e-nik").inner_text().strip() != ""
    assert asker.locator("#send").is_disabled()
    assert asker.locator("#nik").get_attribute("aria-invalid") == "true"
    shot(asker, "01-form-bad-nik")
    asker.fill("#nik", "3515144508680002")
    asker.wait_for_function("document.getElementById('e-nik').textContent === ''")
    assert asker.locator("#send").is_enabled()
    asker.click("#send")
    asker.wait_for_selector("#sent")
    case_id = asker.inner_text("#case-id")
    my_link = asker.get_attribute("#my-link", "href")
    shot(asker, "02-form-sent")

    operator = page(browser, server)
    login(operator, "operator")
    operator.wait_for_selector(f"#inbox a:text('{case_id}')")
    shot(operator, "03-inbox-operator")
    operator.click(f"#inbox a:text('{case_id}')")
    operator.wait_for_selector("#actions button[data-outcome='ya']")
    answer = "Perpanjangan izin diajukan melalui JOSS dengan melampirkan izin lama."
    operator.fill("#note", answer)
    shot(operator, "04-case-operator")
    operator.click("#actions button[data-outcome='ya']")
    done(operator)

    head = page(browser, server)
    login(head, "kabid-aduan")
    head.goto(f"/case?id={case_id}")
    head.wait_for_selector("#actions button[data-outcome='valid']")
    assert answer in head.inner_text("#answers")
    head.click("#actions button[data-outcome='valid']")
    done(head)

    official = page(browser, server)
    login(official, "kadis")
    official.goto(f"/case?id={case_id}")
    official.wait_for_selector("#actions button[data-outcome='disampaikan']")
    for i, field in enumerate(official.query_selector_all("#actions input[id^='out-']")):
        field.fill(f"JWB-{i + 1}/2026")  # the letter that delivers the answer
    official.click("#actions button[data-outcome='disampaikan']")
    done(official)

    asker.goto(my_link)
    asker.wait_for_selector("#answers")
    assert answer in asker.inner_text("#answers")
    assert asker.inner_text("#status") == "completed"
    shot(asker, "05-my-answer")
    for pg in (asker, operator, head, official):
        assert pg.errors == [], pg.errors


def test_a_permit_with_a_missing_document(browser, server: Server, tmp_path: Path):
    applicant = page(browser, server, "en")
    applicant.goto("/permit")
    applicant.wait_for_selector("#doc_ktp")
    assert "Expected completion" in applicant.inner_text("#expected")
    applicant.fill("#name", "CV Tambak Makmur")
    for code in ["surat_permohonan", "ktp", "npwp", "dokumen_teknis"]:  # no NIB
        f = tmp_path / f"{code}.pdf"
        f.write_bytes(b"%PDF-1.4 sample")
        applicant.set_input_files(f"#doc_{code}", str(f))
    assert "NIB" in applicant.inner_text("#e-docs")
    applicant.click("#send")
    applicant.wait_for_selector("#result .bad")
    text = applicant.inner_text("#result")
    assert "incomplete_documents" in text and "nib" in text.lower()
    shot(applicant, "06-permit-missing-document")

    # With every document the application goes in; a correction round trip.
    nib = tmp_path / "nib.pdf"
    nib.write_bytes(b"%PDF-1.4 sample")
    applicant.set_input_files("#doc_nib", str(nib))
    assert applicant.inner_text("#e-docs") == ""
    # The first attempt's error is still on the page: clear it so the wait
    # sees this attempt's answer.
    applicant.evaluate("document.getElementById('result').replaceChildren()")
    applicant.click("#send")
    applicant.wait_for_selector("#sent, #result .bad")
    assert applicant.query_selector("#sent"), applicant.inner_text("#result")
    case_id = applicant.inner_text("#case-id")
    my_link = applicant.get_attribute("#sent a", "href")
    _, cookie = post(server, "/api/login", {"staff_id": "verifikator", "password": PASSWORD})
    post(server, f"/api/cases/{case_id}/commands", {"command": {"type": "return_for_correction", "step": "pemeriksaan",
         "reasons": [{"document": "nib", "reason": "NIB tidak terbaca"}]}}, cookie.split(";")[0])
    applicant.goto(my_link)
    applicant.wait_for_selector("#resubmit")
    assert "NIB tidak terbaca" in applicant.inner_text("#reasons")
    for code in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]:
        applicant.set_input_files(f"#re_{code}", str(tmp_path / f"{code}.pdf"))
    shot(applicant, "07-permit-correction")
    applicant.click("#resubmit button[type=submit]")
    applicant.wait_for_selector("#notice .ok")
    assert applicant.inner_text("#status") == "active"
    assert applicant.errors == []


def post(server: Server, path: str, body, cookie: str | None = None):
    req = urllib.request.Request(server.url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json", **({"cookie": cookie} if cookie else {})})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read()), r.headers.get("set-cookie")


def test_a_supervisor_sees_an_escalated_case(browser, server: Server, tmp_path: Path):
    import formdata as mp

    fields = {"name": "CV Tambak Makmur", "service": "Izin usaha perikanan"}
    files = {f"doc_{c}": (f"{c}.pdf", b"%PDF-1.4") for c in ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"]}
    t = mp.post(server.url + "/api/permits", fields, files)
    _, cookie = post(server, "/api/login", {"staff_id": "front-office", "password": PASSWORD})
    post(server, f"/api/cases/{t['case_id']}/commands", {"command": {"type": "assign", "lane": "ptsp", "staff": "verifikator"}}, cookie.split(";")[0])
    # A second permit whose check finished on time: a month with a figure.
    t2 = mp.post(server.url + "/api/permits", fields, files)
    post(server, f"/api/cases/{t2['case_id']}/commands", {"command": {"type": "assign", "lane": "opd_teknis", "unit": "dkp"}}, cookie.split(";")[0])
    _, vcookie = post(server, "/api/login", {"staff_id": "verifikator", "password": PASSWORD})
    post(server, f"/api/cases/{t2['case_id']}/commands", {"command": {"type": "complete_step", "step": "pemeriksaan", "outcome": "lengkap"}}, vcookie.split(";")[0])
    post(server, "/api/test/clock", {"minutes": 60 * 24 * 10})
    acted, _ = post(server, "/api/test/jobs", {})
    assert any(a["action"] == "recorded" for a in acted)

    supervisor = page(browser, server)
    login(supervisor, "kasi")
    supervisor.wait_for_selector(f"#worklist a:text('{t['case_id']}')")
    supervisor.wait_for_selector("#chart")
    assert t["case_id"] in supervisor.inner_text("#breached")
    shot(supervisor, "08-dashboard")
    supervisor.click(f"#worklist a:text('{t['case_id']}')")
    supervisor.wait_for_selector("#history")
    assert "escalated" in supervisor.inner_text("#history")
    shot(supervisor, "09-case-escalated")

    public = page(browser, server)
    public.goto(f"/track?code={t['tracking_code']}")
    public.wait_for_selector("#status")
    assert "CV Tambak" not in public.inner_text("body")
    shot(public, "10-track")
    public.goto("/survey")
    public.wait_for_selector("#q-persyaratan")
    shot(public, "11-survey")
    for pg in (supervisor, public):
        assert pg.errors == [], pg.errors
