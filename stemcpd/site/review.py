"""The Review page: spaced retrieval on the site, from the attempts kept in the browser.

``book/review.md`` holds an empty ``<div class="stemcpd-review">``; this extension
gives that page (and no other) the ts-fsrs library, the quiz engine and
``stemcpd-review.js``, and writes the data they read at build time, under
``_static/stemcpd-quiz-banks/``:

* ``index.json``: the scheduler's settings (:func:`stemcpd.quiz.schedule.browser_parameters`:
  the Python fsrs scheduler's weights, retention, maximum interval and learning steps,
  fuzz off, the rating table and the confident-error factor) and the banks there are;
* ``<topic>.json`` per packaged bank: its marking data
  (:func:`stemcpd.quiz.static.bank_data`) and each question's card HTML, sanitised
  in Python. The page fetches a bank's file only when one of its questions is due.

ts-fsrs comes from npm at build time (:mod:`stemcpd.vendor`, pinned in
``NPM_PACKAGES``) and is served from the site as ``_static/ts-fsrs.umd.js`` with its
licence beside it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from stemcpd.site import page_has

MARKER = 'class="stemcpd-review"'
FSRS_FILE = "ts-fsrs.umd.js"
BANKS_FOLDER = "stemcpd-quiz-banks"


def _add_scripts(app, pagename, templatename, context, doctree) -> None:
    if page_has(context, MARKER):
        from stemcpd.site.quiz import ENGINE_FILE, STYLE_FILE

        app.add_css_file(STYLE_FILE)
        app.add_js_file(FSRS_FILE)
        app.add_js_file(ENGINE_FILE)
        app.add_js_file("stemcpd-review.js")


def bank_file(bank) -> dict:
    """What the Review page reads for one bank: its marking data and question cards."""
    from stemcpd.quiz.static import _question_html, bank_data

    prefix = f"stemcpd-review-{bank.topic}"
    # Number 0: the page numbers the questions of each session itself.
    cards = {question.id: _question_html(prefix, 0, question) for question in bank}
    return {"topic": bank.topic, "title": bank.title, "data": bank_data(bank), "cards": cards}


def write_review_files(static: Path) -> list[str]:
    """Write ``stemcpd-quiz-banks/index.json``, one JSON file per packaged bank there, and
    ts-fsrs with its licence into ``static`` (served as ``_static/``); returns the bank
    topics written."""
    from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names
    from stemcpd.quiz.schedule import browser_parameters
    from stemcpd.vendor import vendored_file

    folder = Path(static) / BANKS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    topics = []
    for name in packaged_bank_names():
        bank = load_packaged_bank(name)
        (folder / f"{bank.topic}.json").write_text(
            json.dumps(bank_file(bank), ensure_ascii=False, allow_nan=False, separators=(",", ":")), encoding="utf-8")
        topics.append(bank.topic)
    index = {"schedule": browser_parameters(), "banks": sorted(topics)}
    (folder / "index.json").write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    shutil.copyfile(vendored_file("ts-fsrs", "dist/index.umd.js"), static / FSRS_FILE)
    shutil.copyfile(vendored_file("ts-fsrs", "LICENSE"), static / "ts-fsrs.LICENSE.txt")
    return topics


def _write(app) -> None:
    if app.builder.format == "html":
        from stemcpd.site.quiz import generated_static_dir

        write_review_files(generated_static_dir(app))


def setup(app):
    app.setup_extension("stemcpd.site.quiz")
    app.connect("builder-inited", _write)
    app.connect("html-page-context", _add_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
