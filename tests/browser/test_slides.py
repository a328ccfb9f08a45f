"""Workshop slides, checked in Chromium as a trainer would use them: every slide of every
workbook fits a 1280×720 and a 1920×1080 screen with every fragment shown; a hinge
question reveals its answer on the next key press; a simulation slide answers its
controls; the speaker view shows the trainer's notes with timings; axe finds nothing
serious; nothing loads from another host; the trainer's pack opens with no network."""

from pathlib import Path
import re

import nbformat
import pytest

from stemcpd import cli
from stemcpd.slides import build_slides
from stemcpd.deck.route import ROUTE

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = sorted((REPO / "workbooks").glob("*.ipynb"))
SIZES = ((1280, 720), (1920, 1080))

# Walks every slide with every fragment shown and reports the ones whose content is
# not wholly inside the window (after the deck's own fit-to-stage).
OVERFLOWING_SLIDES = """async () => {
  Reveal.configure({transition: "none", backgroundTransition: "none"});
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const bad = [];
  const slides = Reveal.getSlides();
  for (const slide of slides) {
    const at = Reveal.getIndices(slide);
    const fragments = slide.querySelectorAll(".fragment").length;
    Reveal.slide(at.h, at.v, fragments ? fragments - 1 : undefined);
    await frame();
    if (slide.querySelector("figure.stemcpd-player")) { await new Promise(done => setTimeout(done, 400)); }
    window.stemcpdFitSlide(slide);
    await frame();
    const inner = slide.querySelector(":scope > .stemcpd-slide-fit") || slide;
    const box = inner.getBoundingClientRect();
    const wide = inner.scrollWidth > inner.clientWidth + 2;
    if (box.top < -1 || box.left < -1 || box.bottom > innerHeight + 1 || box.right > innerWidth + 1 || wide) {
      bad.push([at.h, at.v, Math.round(box.bottom), Math.round(box.right), wide,
                slide.getAttribute("data-stemcpd-scale"), slide.textContent.trim().slice(0, 70)]);
    }
  }
  return {count: slides.length, bad: bad};
}"""


def open_deck(browser, path: Path, width: int, height: int):
    """A page showing the deck, recording script errors and requests to other hosts."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.stemcpd_errors, page.stemcpd_outside = [], []
    page.on("pageerror", lambda error: page.stemcpd_errors.append(str(error)))
    page.on("request", lambda request: page.stemcpd_outside.append(request.url)
            if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function('document.documentElement.hasAttribute("data-stemcpd-deck-ready")', timeout=60_000)
    return page


def overflowing(browser, path: Path, width: int, height: int) -> tuple[int, list]:
    page = open_deck(browser, path, width, height)
    try:
        result = page.evaluate(OVERFLOWING_SLIDES)
        assert page.stemcpd_errors == [] and page.stemcpd_outside == [], (page.stemcpd_errors, page.stemcpd_outside)
        return result["count"], result["bad"]
    finally:
        page.close()


@pytest.fixture(scope="module")
def decks(built_site, tmp_path_factory):
    """Every workbook's deck, from the book's executed copies, in one folder."""
    from jupyter_cache import get_cache

    output, _, _ = built_site
    cache = get_cache(str(output / "_build" / ".jupyter_cache"))
    folder = tmp_path_factory.mktemp("slides")
    built = {}
    for workbook in WORKBOOKS:
        _, executed = cache.merge_match_into_notebook(nbformat.read(workbook, as_version=4))
        built[workbook.stem] = build_slides(workbook, folder, executed=executed, log=lambda *_: None)
    return built


@pytest.mark.slow
def test_slides_build_for_every_workbook_and_are_self_contained(decks):
    for name, path in decks.items():
        page = path.read_text(encoding="utf-8")
        assert page.count("Trainer note.") >= 8, name
        assert re.findall(r'(?:src|href)="(https?://[^"]+)"', page) == [], name
        assert "stemcpd-hinge-reveal" in page, name  # the module's hinge questions
        assert "stemcpd-quiz-question" not in page, name  # the full quiz is not a slide
        assert 'class="stemcpd-player"' not in page or "data-stemcpd-inline" in page, name
    folder = next(iter(decks.values())).parent
    assert (folder / "reveal.js" / "dist" / "reveal.js").is_file()
    assert (folder / "mathjax" / "tex-chtml.js").is_file()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_slide_of_any_workbook_overflows_the_screen(decks, browser, size):
    problems = {}
    for name, path in decks.items():
        count, bad = overflowing(browser, path, *size)
        assert count >= 10, name
        if bad:
            problems[name] = bad
    assert problems == {}


def _first_slide_with(page, selector: str) -> dict:
    return page.evaluate(
        """(selector) => { const slide = Reveal.getSlides().find(s => s.querySelector(selector));
                           const at = Reveal.getIndices(slide); Reveal.slide(at.h, at.v); return at; }""", selector)


@pytest.mark.browser
@pytest.mark.slow
def test_hinge_question_reveals_its_answer_on_the_next_key_press(decks, browser):
    page = open_deck(browser, decks["physics-forces-and-motion"], 1280, 720)
    at = _first_slide_with(page, ".stemcpd-hinge")
    reveal = page.locator("section.present .stemcpd-hinge-reveal").first
    assert page.evaluate("() => document.querySelector('section.present .fragment').classList.contains('visible')") is False
    assert page.locator("section.present .stemcpd-hinge-options li").count() >= 3
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('section.present .fragment').classList.contains('visible')")
    assert page.evaluate("Reveal.getIndices()")["h"] == at["h"]  # same slide: the answer came, not the next slide
    text = reveal.inner_text()
    assert re.search(r"Answer: [A-H]\.", text)
    assert reveal.locator(".stemcpd-hinge-wrong li").count() >= 2
    page.keyboard.press("ArrowRight")  # and then on to the next slide
    page.wait_for_function(f"Reveal.getIndices().v !== {at['v']} || Reveal.getIndices().h !== {at['h']}")
    assert page.stemcpd_errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_simulation_slide_answers_its_controls(decks, browser):
    page = open_deck(browser, decks["physics-pendulum"], 1280, 720)
    at = _first_slide_with(page, "figure.stemcpd-player")
    slider = page.locator("section.present figure.stemcpd-player input[type=range][data-control]").first  # a control, not the time
    slider.wait_for(timeout=30_000)
    readout = page.locator("section.present .stemcpd-player-readout")
    before = readout.inner_text()
    canvas_before = page.evaluate("() => document.querySelector('section.present canvas').toDataURL()")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("(before) => document.querySelector('section.present .stemcpd-player-readout').innerText !== before",
                           arg=before, timeout=15_000)
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.querySelector('section.present canvas').toDataURL()") != canvas_before
    assert page.evaluate("Reveal.getIndices()") == at  # arrow keys moved the control, not the deck
    assert page.stemcpd_errors == [] and page.stemcpd_outside == []
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_speaker_view_shows_the_trainer_notes_with_timings(decks, browser):
    page = open_deck(browser, decks["physics-pendulum"], 1280, 720)
    page.evaluate("Reveal.slide(1, 0)")  # "Before you start": the action-plan step
    with page.expect_popup(timeout=30_000) as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    notes = speaker.locator(".speaker-controls-notes .value")
    speaker.wait_for_function("() => { const n = document.querySelector('.speaker-controls-notes .value');"
                              " return n && n.textContent.trim().length > 0; }", timeout=30_000)
    step = next(step for step in ROUTE if step.heading == "## Before you start")
    assert step.activity in notes.inner_text() and f"({step.minutes} min)" in notes.inner_text()
    speaker.close()
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_deck_passes_axe_with_no_serious_findings(decks, browser):
    from axe_playwright_python.sync_playwright import Axe

    page = open_deck(browser, decks["chemistry-acids-and-titration"], 1280, 720)
    for selector in ("section.present", ".stemcpd-hinge", "figure.stemcpd-player"):
        _first_slide_with(page, selector)
        page.wait_for_timeout(300)
        violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_trainer_pack_has_everything_for_the_session_and_works_offline(built_site, browser, tmp_path):
    from jupyter_cache import get_cache

    from stemcpd.deck.pack import write_pack

    output, _, _ = built_site
    workbook = REPO / "workbooks" / "chemistry-acids-and-titration.ipynb"
    _, executed = get_cache(str(output / "_build" / ".jupyter_cache")).merge_match_into_notebook(
        nbformat.read(workbook, as_version=4))
    items = write_pack(workbook, tmp_path / "pack", executed=executed, log=lambda *_: None)
    paths = {item.path for item in items}
    assert {"index.html", "session-plan.html", "retrieval-starter.html",
            "slides/chemistry-acids-and-titration.slides.html", "worksheet-titration.html",
            "technician-chemistry-titration.html"} <= paths
    plan = (tmp_path / "pack" / "session-plan.html").read_text(encoding="utf-8")
    for step in ROUTE:
        assert step.activity in plan
    assert "0–5 min" in plan and "70–75 min" in plan
    context = browser.new_context(offline=True)
    for item in items:
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((tmp_path / "pack" / item.path).as_uri())
        page.wait_for_load_state("load")
        assert requests == [] and errors == [], item.path
        if item.path == "index.html":  # every link in the contents opens a file in the pack
            for href in page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))"):
                assert (tmp_path / "pack" / href).is_file(), href
        page.close()
    context.close()


def test_cli_slides_names_the_workbooks_when_the_module_is_unknown(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert cli.main(["slides", "no-such-module"]) == 2
    assert "physics-pendulum" in capsys.readouterr().err


def test_cli_slides_refuses_a_pack_for_every_module_and_a_bad_hinge_count(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert cli.main(["slides", "--all", "--pack", "pack"]) == 2
    assert "one module" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["slides", "physics-pendulum", "--hinges", "0"])
    assert exit_info.value.code == 2
