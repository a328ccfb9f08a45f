"""TeX links and styles from a bank or a learner cannot become script or requests
(issue 16, item 1), checked in real Chromium.

* A kernel-free quiz page (``stemcpd.quiz.static.to_html``): bank maths is MathML
  from a sanitiser and typed answers are shown as text, so TeX typed into a numeric
  answer box and TeX in the bank's prompt make no link, no style and no request.
* Workshop slides (``stemcpd.slides``): they still load MathJax 3, now in safe mode
  (ui/safe): ``\\href{javascript:…}`` makes no live link and ``\\style{…url(…)}`` no
  request. A positive control checks MathJax really typeset the hostile maths.
"""

from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from stemcpd.quiz import load_bank
from stemcpd.quiz.static import to_html

pytestmark = [pytest.mark.browser]

HOSTILE_TEX = [
    r"$\href{javascript:alert(1)}{x}$",
    r"$\style{background:url(http://127.0.0.2/x)}{y}$",
    r"$\class{stemcpd-evil}{z}\cssId{evil}{w}$",
    r"$\href{data:text/html,<script>alert(1)</script>}{d}$",
    r"$\unicode[some-font; src:url(http://127.0.0.2/font)]{x41}$",
]

BANK = """topic: hostile-tex
title: Hostile TeX
questions:
  - id: typed-tex
    type: numeric
    prompt: 'How long is it? $\\href{javascript:alert(1)}{click}$ and $\\style{background:url(http://127.0.0.2/p)}{y}$'
    answer: 2.0
    unit: s
    tolerance: 5%
  - id: typed-tex-two
    type: numeric
    prompt: How far?
    answer: 1.0
    unit: m
    tolerance: 5%
"""


def _watch(page):
    """Record every request that is not to the page's own file or a data: URL."""
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).scheme not in ("file", "data", "about", "blob") else None)
    page.on("dialog", lambda dialog: (outside.append(f"dialog:{dialog.message}"), dialog.dismiss()))
    return outside


def _assert_no_link_style_or_request(page, outside):
    dangerous_links = page.eval_on_selector_all(
        "a[href], [href]", "nodes => nodes.map(n => n.getAttribute('href')).filter(h => /^\\s*(javascript|data):/i.test(h))")
    url_styles = page.eval_on_selector_all(
        "[style]", "nodes => nodes.map(n => n.getAttribute('style')).filter(s => /url\\s*\\(/i.test(s))")
    assert dangerous_links == []
    assert url_styles == []
    assert page.eval_on_selector_all(".stemcpd-evil, #evil", "nodes => nodes.length") == 0
    assert outside == []


def test_tex_typed_into_numeric_answer_boxes_stays_text(browser, tmp_path):
    bank_file = tmp_path / "hostile-tex.yaml"
    bank_file.write_text(BANK, encoding="utf-8")
    page_file = tmp_path / "quiz.html"
    page_file.write_text("<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>Quiz</title></head>"
                         f"<body><main>{to_html(load_bank(bank_file), inline=True)}</main></body></html>",
                         encoding="utf-8")
    page = browser.new_page()
    try:
        outside = _watch(page)
        page.goto(page_file.as_uri())
        boxes = page.locator("section.stemcpd-quiz input:not([type=radio]):not([type=checkbox])")
        checks = page.locator("section.stemcpd-quiz .stemcpd-quiz-check")
        assert boxes.count() == 2
        for text in HOSTILE_TEX:
            for index in range(2):
                boxes.nth(index).fill(text)
                checks.nth(index).click()
            page.wait_for_timeout(100)
            _assert_no_link_style_or_request(page, outside)
        # The answers were marked (feedback shown as text), so the boxes really were used.
        feedback = page.locator("section.stemcpd-quiz").inner_text()
        assert "Not yet" in feedback
        assert "How long is it?" in feedback
    finally:
        page.close()


def test_slides_load_mathjax_in_safe_mode(browser, tmp_path):
    from stemcpd.slides import build_slides, ensure_vendor

    if ensure_vendor() is None:
        pytest.skip("npm is not available, so the slides would load reveal.js from the web")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Hostile maths\n\n" + "\n\n".join(HOSTILE_TEX)
                                                    + "\n\nA control: $x^2 + 1$")]
    workbook = tmp_path / "hostile.ipynb"
    nbformat.write(notebook, workbook)
    path = build_slides(workbook, tmp_path / "slides", executed=notebook)
    assert '"ui/safe"' in path.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        outside = _watch(page)
        page.goto(path.as_uri())
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000)
        page.evaluate("MathJax.startup.promise")
        page.wait_for_function("document.querySelectorAll('mjx-container').length >= 5", timeout=30_000)
        assert page.evaluate("!!(MathJax._ && MathJax._.ui && MathJax._.ui.safe)"), "ui/safe was not loaded"
        _assert_no_link_style_or_request(page, outside)
    finally:
        page.close()
