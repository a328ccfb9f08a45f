"""The CPD record in a real Chromium on the built site: the Toolkit forms on a module page
save as the teacher types and come back after a reload, keyboard only too; "My CPD
record" gathers it, exports the JSON `stemcpd report` and `stemcpd record import` read,
imports such a file (and refuses a bad one, changing nothing), prints as A4, passes axe
in light and dark mode, fits 320 px, and nothing is fetched from another host."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
MODULE = "physics-pendulum"
MODULE_PAGE = f"workbooks/{MODULE}.html"
RECORD_PAGE = "book/my-record.html"
DARK = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"
# What the static quiz writes into the browser store when a teacher answers (the quiz
# engine's own tests cover the quiz; here the record must show what it wrote).
WRONG_ANSWER = {"module": MODULE, "bank_topic": "pendulum", "question_id": "period-mass", "response": "1",
                "correct": False, "score": 0, "misconception": "heavier-swings-faster", "confidence": "sure"}


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty storage) that records requests to other hosts."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.outside_requests = []
    context.on("request", lambda request: context.outside_requests.append(request.url)
               if urlparse(request.url).hostname not in ("127.0.0.1", None)
               and not request.url.startswith(("data:", "blob:")) else None)
    yield context
    assert context.outside_requests == [], f"requests to other hosts: {sorted(set(context.outside_requests))}"
    context.close()


def forms(page):
    return page.locator("div.stemcpd-record-form.stemcpd-record-ready")


def form_of(page, kind):
    return page.locator(f'div.stemcpd-record-form[data-kind="{kind}"]').first


def serious(page, context_selector=None):
    violations = Axe().run(page, context=context_selector).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
            if v["impact"] in ("serious", "critical")]


def storage(page) -> dict:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('stemcpd:'))"
        ".map(k => [k, localStorage.getItem(k)]))")


def write_plan(page, site_url, text):
    page.goto(urljoin(site_url, MODULE_PAGE), wait_until="networkidle")
    plan = form_of(page, "action_plan")
    box = plan.get_by_label("What I will do differently")
    box.fill(text)
    status = plan.locator(".stemcpd-record-status")
    page.wait_for_function("el => /^Saved at \\d\\d:\\d\\d/.test(el.textContent)", arg=status.element_handle(),
                           timeout=10_000)
    return plan


def run_stemcpd(*args, home):
    return subprocess.run([sys.executable, "-m", "stemcpd", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "STEMCPD_HOME": str(home),
                               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))},
                          cwd=REPO)


# --------------------------------------------------------------- module pages


def test_every_toolkit_form_is_a_real_form_and_an_action_plan_survives_a_reload(site_url, context):
    page = context.new_page()
    plan = write_plan(page, site_url, "Predict-observe-explain with the pendulum <b>not bold</b>")
    assert forms(page).count() == 3  # action plan, reflection, impact record
    assert {form_of(page, kind).locator("textarea").count() for kind in ("action_plan", "reflection")} == {4, 3}
    status = plan.locator(".stemcpd-record-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"Saved at \d\d:\d\d in this browser\.", status.inner_text())
    # The no-script list of prompts gives way to the form.
    assert plan.locator(".stemcpd-record-form-fallback").is_hidden()

    page.reload(wait_until="networkidle")
    plan = form_of(page, "action_plan")
    assert plan.get_by_label("What I will do differently").input_value() == (
        "Predict-observe-explain with the pendulum <b>not bold</b>")
    assert plan.locator("b").count() == 0  # typed text is text, never markup
    assert "Restored what you wrote" in plan.locator(".stemcpd-record-status").inner_text()
    # Editable: a change replaces the saved text.
    plan.get_by_label("What I will do differently").fill("Start with a hinge question")
    plan.get_by_label("What I will do differently").blur()
    page.reload(wait_until="networkidle")
    assert form_of(page, "action_plan").get_by_label("What I will do differently").input_value() == (
        "Start with a hinge question")

    # The impact record is grouped by the toolkit's three circles, Guskey levels labelled.
    impact = form_of(page, "impact_record")
    legends = impact.locator("fieldset:not(fieldset fieldset) > legend").all_inner_texts()  # the circles, not their effect choices
    assert legends == ["On me", "On colleagues and my department", "On pupils"]
    assert impact.get_by_label("Level 5: What difference it made to pupils' learning").count() == 1
    # Where the module stands, by the record's rule, updated as the teacher works.
    progress = form_of(page, "action_plan").locator(".stemcpd-record-progress")
    assert progress.inner_text() == ("To complete this module: action plan written; recall quiz not answered yet; "
                                     "reflection not written yet.")
    page.evaluate("answer => stemcpdStore.addAttempt(answer)", WRONG_ANSWER)
    form_of(page, "reflection").locator("textarea").first.fill("Amplitude matters")
    form_of(page, "reflection").locator("textarea").first.blur()
    assert progress.inner_text() == ("This module is complete in your record; add your impact record after "
                                     "teaching with it.")
    # Visible time on the page is recorded for the record.
    visits = page.evaluate("() => stemcpdStore.get('visits')")
    assert visits[MODULE]["first"] <= visits[MODULE]["last"] and visits[MODULE]["seconds"] >= 0


def test_forms_work_by_keyboard_alone_with_the_status_announced(site_url, context):
    page = context.new_page()
    page.goto(urljoin(site_url, MODULE_PAGE), wait_until="networkidle")
    reflection = form_of(page, "reflection")
    # Start on the link just before the first box, then move on by Tab only.
    reflection.locator(".stemcpd-record-intro a").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.tagName, document.activeElement.dataset.field]")
    assert focused == ["TEXTAREA", "surprised_me"]
    # A visible focus ring.
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.type("The period barely depends on amplitude below 20 degrees")
    page.keyboard.press("Tab")  # leaving the box saves it at once
    assert page.evaluate("() => document.activeElement.dataset.field") == "first_lesson"
    status = reflection.locator('[role="status"]')
    assert re.fullmatch(r"Saved at \d\d:\d\d in this browser\.", status.inner_text())
    page.keyboard.type("10Y2, Thursday")
    page.wait_for_function(  # saved while typing, after a pause
        "() => (stemcpdStore.latestEntries('physics-pendulum', 'reflection').first_lesson || '') === '10Y2, Thursday'",
        timeout=10_000)
    assert page.evaluate("() => stemcpdStore.latestEntries('physics-pendulum', 'reflection')") == {
        "surprised_me": "The period barely depends on amplitude below 20 degrees", "first_lesson": "10Y2, Thursday"}


def test_without_browser_storage_the_form_says_export_before_closing(site_url, browser):
    context = browser.new_context()
    # Storage that refuses every write, as in some private modes or with a full quota.
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('blocked', 'QuotaExceededError'); };")
    page = context.new_page()
    page.goto(urljoin(site_url, MODULE_PAGE), wait_until="networkidle")
    plan = form_of(page, "action_plan")
    assert "kept only until you close this tab" in plan.locator(".stemcpd-record-status").inner_text()
    plan.get_by_label("When and with whom I will review it").fill("After the test")
    plan.get_by_label("When and with whom I will review it").blur()
    text = plan.locator(".stemcpd-record-status").inner_text()
    assert text.startswith("Saved at") and "kept only until you close this tab — export your record" in text
    context.close()


# ---------------------------------------------------------------- record page


def test_record_page_gathers_exports_and_the_file_works_with_report_and_import(site_url, context, tmp_path):
    page = context.new_page()
    write_plan(page, site_url, "Predict-observe-explain with the pendulum")
    reflection = form_of(page, "reflection")
    reflection.get_by_label("What surprised me or changed my thinking").fill("Amplitude matters at large angles")
    reflection.get_by_label("What surprised me or changed my thinking").blur()
    impact = form_of(page, "impact_record")
    impact.get_by_label("Level 5: What difference it made to pupils' learning").fill("Half as many 'heavier' answers")
    impact.get_by_label("Level 5: What difference it made to pupils' learning").blur()
    page.evaluate("answer => stemcpdStore.addAttempt(answer)", WRONG_ANSWER)
    page.wait_for_timeout(1200)  # some visible time on the page
    page.goto(urljoin(site_url, RECORD_PAGE), wait_until="networkidle")

    record = page.locator("#stemcpd-my-record")
    assert page.locator("h1").first.inner_text().startswith("My CPD record")
    summary = record.locator("table.stemcpd-record-summary")
    row = summary.locator("tbody tr", has_text="Pendulums")
    assert row.count() == 1 and "Completed, impact recorded" in row.inner_text() and "0 of 1" in row.inner_text()
    text = record.inner_text()
    assert "Predict-observe-explain with the pendulum" in text
    assert "Amplitude matters at large angles" in text
    # The misconception by its readable name and the catalogue's description, not its id.
    assert "Heavier swings faster" in text and "heavier-swings-faster" not in text
    assert "bigger inertia" in text
    # Impact grouped by circle and Guskey level.
    impact_section = record.locator("section", has=page.locator("h2", has_text="My impact"))
    assert impact_section.locator("h3").all_inner_texts() == ["On me", "On colleagues and my department", "On pupils"]
    assert "Level 5: Pupil learning outcomes" in impact_section.inner_text()

    page.get_by_label("Your name or a pseudonym").fill("Ms Example")
    page.get_by_label("Your name or a pseudonym").press("Tab")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export my record (JSON)").click()
    exported_path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(exported_path)
    assert exported_path.suffix == ".json"
    assert "Exported 1 quiz answer and 3 entries" in record.locator(".stemcpd-record-message").inner_text()
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert list(exported) == ["format", "version", "participant", "exported_at", "attempts", "entries"]
    assert exported["participant"] == "Ms Example"

    # The same format `stemcpd record export --json` writes: schema-valid, and the
    # trainer's report finds this teacher and module.
    from stemcpd.cpd.record_file import load_record_file

    load_record_file(exported_path)
    report = run_stemcpd("report", str(exported_path), "-o", str(tmp_path / "report.html"), home=tmp_path / "trainer")
    assert report.returncode == 0, report.stderr
    assert "Group report for 1 participants" in report.stdout
    report_html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "physics-pendulum" in report_html and "heavier-swings-faster" in report_html
    from stemcpd.cpd.report import aggregate, load_records

    group = aggregate(load_records([exported_path]))
    assert group.participants == ["Ms Example"] and group.skipped == []
    assert [(q.module, q.question_id, q.correct) for q in group.questions] == [(MODULE, "period-mass", 0)]

    # JupyterLab's side: import it into a fresh local store and export it back.
    home = tmp_path / "lab-home"
    imported = run_stemcpd("record", "import", str(exported_path), home=home)
    assert imported.returncode == 0, imported.stderr
    assert "1 quiz answer and 3 action-plan, reflection and impact entries added" in imported.stdout
    again = run_stemcpd("record", "import", str(exported_path), home=home)
    assert again.returncode == 0 and "0 quiz answers and 0" in again.stdout
    from stemcpd.cpd import ProgressStore

    store = ProgressStore(home / "progress.sqlite")
    assert store.latest_entries(MODULE, "action_plan") == {"planned_change": "Predict-observe-explain with the pendulum"}
    assert store.latest_entries(MODULE, "impact_record") == {"pupil_outcomes": "Half as many 'heavier' answers"}
    assert [(a.question_id, a.misconception, a.confidence) for a in store.attempts()] == [
        ("period-mass", "heavier-swings-faster", "sure")]
    store.close()


def test_importing_a_file_in_the_browser(site_url, context, tmp_path):
    page = context.new_page()
    write_plan(page, site_url, "Local plan")
    page.goto(urljoin(site_url, RECORD_PAGE), wait_until="networkidle")
    message = page.locator(".stemcpd-record-message")
    before = storage(page)

    bad_files = {
        "broken.json": '{"format": "stemcpd-record", "version": 1,',
        "foreign.json": json.dumps({"format": "gradebook", "rows": [1]}),
        "newer.json": json.dumps({"format": "stemcpd-record", "version": 9, "attempts": [], "entries": []}),
        "wrong-types.json": json.dumps({"format": "stemcpd-record", "version": 1, "entries": [], "attempts": [
            {**WRONG_ANSWER, "correct": "yes", "answered_at": "2026-12-01T10:00:00Z"}]}),
        "bad-date.json": json.dumps({"format": "stemcpd-record", "version": 1, "attempts": [], "entries": [
            {"module": "m", "kind": "reflection", "field": "f", "text": "t", "saved_at": "2026-02-30T10:00:00Z"}]}),
    }
    expected = {"broken.json": "is not valid JSON", "foreign.json": "is not a stemcpd CPD record",
                "newer.json": "newer stemcpd (record version 9", "wrong-types.json": "attempts[0].correct should be boolean",
                "bad-date.json": "entries[0].saved_at is not a real date and time"}
    for name, content in bad_files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.set_input_files("#stemcpd-record-import", str(path))
        page.wait_for_function("([el, name]) => el.textContent.includes(name)", arg=[message.element_handle(), name])
        assert f"Could not import {name}: it " in message.inner_text()
        assert expected[name] in message.inner_text() and message.inner_text().endswith("Nothing was changed.")
        assert storage(page) == before, name

    # A valid record that does not fit in a full browser storage: all or nothing.
    page.evaluate("""() => { const real = Storage.prototype.setItem; window.realSetItem = real;
      Storage.prototype.setItem = function (key, value) {
        if (String(value).length > 50000) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, key, value); }; }""")
    too_big = {"format": "stemcpd-record", "version": 1, "attempts": [{**WRONG_ANSWER, "answered_at": "2026-12-01T10:00:00Z"}],
               "entries": [{"module": MODULE, "kind": "reflection", "field": "still_unsure", "text": "x" * 60_000,
                            "saved_at": "2026-12-01T10:00:00Z"}]}
    (tmp_path / "too-big.json").write_text(json.dumps(too_big), encoding="utf-8")
    page.set_input_files("#stemcpd-record-import", str(tmp_path / "too-big.json"))
    page.wait_for_function("el => el.textContent.includes('too-big.json')", arg=message.element_handle())
    assert "storage is full" in message.inner_text() and message.inner_text().endswith("Nothing was changed.")
    # (The roll-back may write an empty list where there was no list: the same record.)
    assert {key: value for key, value in storage(page).items() if value != "[]"} == before
    page.evaluate("() => { Storage.prototype.setItem = window.realSetItem; }")

    # A hostile but valid record: its text shows as text.
    valid = {"format": "stemcpd-record", "version": 1, "participant": "Elsewhere",
             "exported_at": "2026-12-01T12:00:00+00:00",
             "attempts": [{**WRONG_ANSWER, "module": "chemistry-equilibrium", "bank_topic": "equilibrium",
                           "question_id": "q1", "misconception": None, "confidence": None,
                           "answered_at": "2026-12-01T11:00:00+00:00"}],
             "entries": [{"module": "chemistry-equilibrium", "kind": "reflection", "field": "surprised_me",
                          "text": "<img src=x onerror=\"document.title='pwned'\"> Le Chatelier",
                          "saved_at": "2026-12-01T11:30:00+00:00"}]}
    path = tmp_path / "from-jupyterlab.json"
    path.write_text(json.dumps(valid), encoding="utf-8")
    page.set_input_files("#stemcpd-record-import", str(path))
    page.wait_for_function("el => el.textContent.startsWith('Imported')", arg=message.element_handle())
    assert "1 quiz answer and 1 entry added" in message.inner_text()
    record_text = page.locator("#stemcpd-my-record").inner_text()
    assert "Le Chatelier" in record_text and "<img src=x" in record_text
    assert page.title() != "pwned" and page.locator("#stemcpd-my-record img").count() == 0
    assert "Local plan" in record_text  # merged, not replaced
    # The same file again adds nothing.
    page.set_input_files("#stemcpd-record-import", str(path))
    page.wait_for_function("el => el.textContent.includes('0 quiz answers and 0 entries added')",
                           arg=message.element_handle())

    # Clearing asks first; Cancel keeps everything, Yes removes it.
    kept = storage(page)
    page.get_by_role("button", name="Clear this browser's record").click()
    assert page.evaluate("() => document.activeElement.textContent") == "Cancel"
    page.keyboard.press("Enter")
    assert storage(page) == kept and message.inner_text() == "Nothing was cleared."
    page.get_by_role("button", name="Clear this browser's record").click()
    page.get_by_role("button", name="Yes, clear it").click()
    assert storage(page) == {} and "Nothing recorded in this browser yet" in page.locator("#stemcpd-my-record").inner_text()


def test_record_page_prints_as_a_clean_a4_record(site_url, context, tmp_path):
    page = context.new_page()
    write_plan(page, site_url, "Printed plan")
    page.goto(urljoin(site_url, RECORD_PAGE), wait_until="networkidle")
    page.emulate_media(media="print")
    for hidden in (".bd-sidebar-primary", ".bd-header", ".stemcpd-record-actions", ".prev-next-area", "footer"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    assert page.locator("text=Printed plan").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    # A4 (595 x 842 points), and more than one page: each module starts a new page.
    assert re.search(rb"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]", pdf)
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= 2
    (tmp_path / "record.pdf").write_bytes(pdf)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_record_page_and_forms_pass_axe_and_fit_320_px(site_url, browser, mode):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if mode == "dark":
        context.add_init_script(DARK)
    page = context.new_page()
    write_plan(page, site_url, "A plan long enough to wrap " * 8)
    page.evaluate("answer => stemcpdStore.addAttempt(answer)", WRONG_ANSWER)
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode
    assert serious(page, ".stemcpd-record-form") == []
    page.goto(urljoin(site_url, RECORD_PAGE), wait_until="networkidle")
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode
    assert serious(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(200)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"horizontal scroll at 320 px: {widths}"
    page.goto(urljoin(site_url, MODULE_PAGE), wait_until="networkidle")
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('.stemcpd-record-form, .stemcpd-record-form *')]"
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length")
    assert overflowing == 0
    context.close()
