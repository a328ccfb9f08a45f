"""Workshop slides from a workbook: reveal.js via nbconvert, with trainer notes.

:func:`add_slide_metadata` marks each cell for reveal.js (every ``##`` section a new
slide, its other cells below it, code hidden so only results show) and adds a trainer's
note to each spine section, saying how to run that part of a 60–90 minute session.
:func:`build_slides` executes the workbook (or takes an already executed copy, such as
the book's execution cache), and writes ``<module>.slides.html`` with reveal.js and
MathJax copied beside it, so the slides run from a USB stick with no network. Press
``s`` in the slides for the speaker view with the trainer notes.
"""

from __future__ import annotations

import copy
import html
import json
import os
from pathlib import Path
import re
import shutil
import subprocess
import tempfile

import nbformat

# npm packages the slides need, served from beside the slides (no CDN).
# The stage every slide is laid out on; reveal.js scales it to the screen (16:9 projectors).
STAGE_WIDTH, STAGE_HEIGHT = 1280, 720

NPM_PACKAGES = ("reveal.js@4", "requirejs@2", "jquery@3")

def _trainer_notes() -> dict[str, str]:
    from stemcpd.deck.route import ROUTE

    return {step.heading: step.speaker_note for step in ROUTE}


# What the trainer does in each spine section (matched by heading prefix), with its time.
TRAINER_NOTES = _trainer_notes()

_QUIZ_CALL = re.compile(r"""\.quiz\(\s*["']([a-z0-9]+(?:-[a-z0-9]+)*)["']""")


def _note_cell(text: str):
    return nbformat.v4.new_markdown_cell(f"**Trainer note.** {text}", metadata={"slideshow": {"slide_type": "notes"}})


def _html_cell(html_text: str, slide_type: str):
    """A cell that shows ``html_text`` as it is (code hidden): the slides' own pieces."""
    cell = nbformat.v4.new_code_cell("", metadata={"slideshow": {"slide_type": slide_type}})
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html_text, "text/plain": ""})]
    return cell


def _record_form_html(text: str) -> str | None:
    """A CPD record form as the room sees it on a slide: its prompts, to think about
    while writing on the course site (the form itself needs the site's script)."""
    match = re.search(r'<script type="application/json" class="stemcpd-record-form-data">(.*?)</script>', text, re.S)
    if not match:
        return None
    try:
        form = json.loads(match.group(1))
        fields = [field for group in form.get("groups", []) for field in group.get("fields", [])]
        items = "".join(
            f"<li><strong>{html.escape(str(field.get('label', '')))}</strong>"
            + (f"<br><em>{html.escape(str(field['help']))}</em>" if field.get("help") and len(fields) <= 5 else "")
            + "</li>"
            for field in fields
        )
        title = html.escape(str(form.get("title") or "Your CPD record"))
    except (ValueError, TypeError, AttributeError):
        return None
    return (f'<div class="stemcpd-slide-form"><h3>{title}</h3><ul>{items}</ul>'
            '<p class="stemcpd-slide-aside">Write yours on the course site (this module\'s page, or '
            "\u201cMy CPD record\u201d), or in the workbook.</p></div>")


def _technician_sheet_html(text: str) -> str:
    """A technician sheet on a slide: which sheet, and where the printable one is (a
    whole sheet is a printed page, far taller than a slide)."""
    titles = re.findall(r"<h\d[^>]*>Technician sheet: (.*?)</h\d>", text)
    names = "".join(f"<li>{title}</li>" for title in titles)  # already escaped by the sheet
    return ('<div class="stemcpd-slide-form"><h3>For technicians</h3>'
            f"<p>Give the technician the sheet for each practical, at least a week before:</p><ul>{names}</ul>"
            '<p class="stemcpd-slide-aside">In the trainer\'s pack (<code>stemcpd slides MODULE --pack DIR</code>), '
            "on the course site's practical-work page, or <code>stemcpd technician</code>.</p></div>")


def _output_units(cell) -> list[tuple[str, list]]:
    """A code cell's outputs as slides: ``[(kind, outputs)]``. Each display is its own
    slide; consecutive printed text stays together. Quiz outputs are left out (the hinge
    questions take their place); record forms become their prompts."""
    units: list[tuple[str, list]] = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            if units and units[-1][0] == "stream":
                units[-1][1].append(output)
            else:
                units.append(("stream", [output]))
            continue
        if output.get("output_type") not in ("display_data", "execute_result"):
            continue
        text = output.get("data", {}).get("text/html", "")
        if isinstance(text, list):
            text = "".join(text)
        if "stemcpd-quiz" in text or "stemcpd-needs-route" in text:
            continue
        if "stemcpd-tech-sheet" in text:
            units.append(("html", [_technician_sheet_html(text)]))
            continue
        if "stemcpd-record-form" in text:
            form = _record_form_html(text)
            if form:
                units.append(("html", [form]))
            continue
        units.append(("player" if "stemcpd-player" in text else "output", [output]))
    return units


def _heading_text(line: str) -> str:
    """A Markdown heading's words: no hashes, no emphasis or link syntax."""
    text = re.sub(r"^#+\s*", "", line).strip()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def add_slide_metadata(notebook, hinge_bank: str | None = None, hinge_limit: int | None = None):
    """Turn an (executed) workbook into a deck: screen-sized slides with trainer notes.

    Every ``#``/``##`` section starts a slide; long Markdown is cut into pieces that fit
    (:func:`stemcpd.deck.split.split_markdown`); each output is a slide of its own;
    the misconceptions section gains one hinge-question slide per diagnostic question of
    the module's bank (:mod:`stemcpd.deck.hinge`), its answer a fragment; each route
    step's first heading gets the trainer's note with its timing
    (:mod:`stemcpd.deck.route`). Code is never shown.

    Args:
        notebook: the workbook; changed in place and returned.
        hinge_bank: the bank for hinge questions; default: the one the workbook's
            ``module.quiz("…")`` call names.
        hinge_limit: at most this many hinge questions (default: all).
    """
    from stemcpd.deck.hinge import hinge_questions, question_html, reveal_html
    from stemcpd.deck.route import step_for
    from stemcpd.deck.split import split_markdown

    if hinge_bank is None:
        calls = [m.group(1) for cell in notebook.cells if cell.cell_type == "code" for m in _QUIZ_CALL.finditer(cell.source)]
        hinge_bank = calls[0] if calls else None
    hinges = hinge_questions(hinge_bank, hinge_limit) if hinge_bank else []

    cells = []
    noted: set[str] = set()
    in_misconceptions = False
    hinges_placed = False
    section = ""

    def label(slide_type: str):
        """Where the room is: the section's title, small, above a slide that has none."""
        return nbformat.v4.new_markdown_cell(
            f'<p class="stemcpd-slide-section">{html.escape(section)}</p>',
            metadata={"slideshow": {"slide_type": slide_type}})

    def place_hinges():
        nonlocal hinges_placed
        if hinges_placed or not hinges:
            return
        hinges_placed = True
        for number, hinge in enumerate(hinges, 1):
            cells.append(_html_cell(question_html(hinge, number, len(hinges)), "subslide"))
            cells.append(_html_cell(reveal_html(hinge), "fragment"))
            cells.append(_note_cell(
                f"Hinge question {number} of {len(hinges)} (about 3 minutes). Everyone shows an answer at the same "
                f"time; note the spread, then press the right arrow to reveal. The answer is {hinge.answer}."))

    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for piece in split_markdown(cell.source):
                first = piece.lstrip().splitlines()[0] if piece.strip() else ""
                major = first.startswith("# ") or first.startswith("## ")
                if first.startswith("## "):
                    if in_misconceptions:
                        place_hinges()
                    in_misconceptions = first.startswith("## The misconceptions")
                if first.startswith("## Recall quiz"):
                    place_hinges()  # a workbook without the misconceptions section
                if major:
                    section = _heading_text(first)
                if not first.startswith("#") and section:
                    cells.append(label("subslide"))
                    slide_type = "-"
                else:
                    slide_type = "slide" if major else "subslide"
                cells.append(nbformat.v4.new_markdown_cell(piece, metadata={"slideshow": {"slide_type": slide_type}}))
                step = step_for(first) if first.startswith("#") else None
                if step is not None and step.heading not in noted:
                    noted.add(step.heading)
                    cells.append(_note_cell(step.speaker_note))
        elif cell.cell_type == "code":
            for kind, outputs in _output_units(cell):
                slide_type = "subslide"
                if section:
                    cells.append(label("subslide"))
                    slide_type = "-"
                if kind == "html":
                    cells.append(_html_cell(outputs[0], slide_type))
                    continue
                unit = nbformat.v4.new_code_cell(cell.source, metadata={"slideshow": {"slide_type": slide_type}})
                unit.outputs = outputs
                unit.execution_count = cell.get("execution_count")
                cells.append(unit)
        else:
            cell.setdefault("metadata", {})["slideshow"] = {"slide_type": "skip"}
    place_hinges()
    notebook.cells = cells
    return notebook


def mathjax_folder() -> Path:
    """MathJax 3 as shipped by the sphinx-mathjax-offline package (which the book uses too)."""
    import importlib.util

    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or spec.origin is None:
        raise RuntimeError("the sphinx-mathjax-offline package is missing: pip install sphinx-mathjax-offline")
    return Path(spec.origin).parent / "static" / "mathjax"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stemcpd"


def ensure_vendor(cache: Path | None = None) -> Path | None:
    """The folder of npm packages the slides use (reveal.js, require.js, jQuery),
    installed from the npm registry on first use; None when npm is not available (the
    slides then load them from the web)."""
    cache = cache or _cache_dir()
    modules = cache / "node_modules"
    wanted = (modules / "reveal.js" / "dist" / "reveal.js", modules / "requirejs" / "require.js",
              modules / "jquery" / "dist" / "jquery.min.js")
    if all(path.is_file() for path in wanted):
        return modules
    npm = shutil.which("npm")
    if npm is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    from filelock import FileLock

    with FileLock(str(cache / "slides-install.lock"), timeout=600):  # one npm at a time in this folder
        if all(path.is_file() for path in wanted):
            return modules
        result = subprocess.run(
            [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--silent", *NPM_PACKAGES],
            capture_output=True, text=True, timeout=300,
        )
    return modules if result.returncode == 0 and all(path.is_file() for path in wanted) else None


def execute(notebook, workbooks_dir: Path, timeout_s: int = 300):
    """Run every cell of ``notebook`` (in ``workbooks_dir``, with a throwaway CPD record)."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="stemcpd-slides-") as home:
        previous = os.environ.get("STEMCPD_HOME")
        os.environ["STEMCPD_HOME"] = home
        try:
            NotebookClient(notebook, timeout=timeout_s, kernel_name="python3", store_widget_state=False,
                           resources={"metadata": {"path": str(workbooks_dir)}}).execute()
        finally:
            if previous is None:
                os.environ.pop("STEMCPD_HOME", None)
            else:
                os.environ["STEMCPD_HOME"] = previous
    return notebook


def _html_of(output) -> str:
    text = output.get("data", {}).get("text/html", "")
    return "".join(text) if isinstance(text, list) else text


def _link_classroom_apps(notebook) -> None:
    """``--live``: each simulation slide links to its classroom app instead of the player."""
    from stemcpd.ui.static import parse_placeholders

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text = _html_of(output)
            for simulation, _settings, tag in parse_placeholders(text):
                command = html.escape(f"stemcpd app {simulation}")
                link = (f'<p class="stemcpd-slide-live">Live: run <code>{command}</code> on this computer and '
                        f'switch to its window (or open <a href="http://localhost:8866/">the classroom app</a> '
                        "if it is already running).</p>")
                text = text.replace(tag, link + tag, 1)
            if text:
                output["data"]["text/html"] = text


def build_slides(workbook: Path, output_dir: Path, executed=None, live: bool = False,
                 hinge_limit: int | None = None, log=print) -> Path:
    """Write reveal.js slides for ``workbook`` into ``output_dir`` and return the HTML path.

    Args:
        workbook: the workbook (``workbooks/<module>.ipynb``).
        output_dir: where the slides and their reveal.js / MathJax copies go.
        executed: an already executed copy of the notebook (e.g. from the book's cache);
            when None the workbook is executed now. It is not changed.
        live: link each simulation to its classroom app (``stemcpd app NAME``, which
            needs Python on the presenting computer) instead of embedding the player.
        hinge_limit: at most this many hinge-question slides (default: all).
        log: where progress lines go (player data generation can take a minute).
    """
    from nbconvert import SlidesExporter

    workbook = Path(workbook)
    notebook = executed if executed is not None else execute(nbformat.read(workbook, as_version=4), workbook.parent)
    notebook = nbformat.from_dict(copy.deepcopy(dict(notebook)))  # the caller's copy stays as it was
    notebook.metadata.pop("widgets", None)  # the static versions of widgets show instead
    add_slide_metadata(notebook, hinge_limit=hinge_limit)
    output_dir.mkdir(parents=True, exist_ok=True)

    # Simulations: the site's player, its data beside the deck (works from a folder).
    scripts: list[str] = []
    if live:
        _link_classroom_apps(notebook)
    else:
        from stemcpd.site import STATIC_DIR
        from stemcpd.deck.players import DATA_FOLDER, point_placeholders, write_player_scripts

        outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
                   if "stemcpd-player" in str(output.get("data", {}).get("text/html", ""))]
        if outputs:
            tags = write_player_scripts([_html_of(output) for output in outputs], output_dir, log=log)
            for output in outputs:
                output["data"]["text/html"] = point_placeholders(_html_of(output), tags)
            for name in ("stemcpd-player.js", "stemcpd-player.css"):
                shutil.copy2(STATIC_DIR / name, output_dir / name)
            scripts = [f"{DATA_FOLDER}/{key}.js" for key in sorted(set(tags.values()))] + ["stemcpd-player.js"]

    exporter = SlidesExporter(
        template_name="stemcpd_reveal",
        extra_template_basedirs=[str(Path(__file__).parent / "slides_template")],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        reveal_theme="white",  # its fonts ship with reveal.js; other themes fetch web fonts
        reveal_scroll=False, reveal_width=str(STAGE_WIDTH), reveal_height=str(STAGE_HEIGHT),
    )
    vendor = ensure_vendor()
    if vendor is not None:
        for part in ("dist", "plugin"):
            shutil.copytree(vendor / "reveal.js" / part, output_dir / "reveal.js" / part, dirs_exist_ok=True)
        (output_dir / "vendor").mkdir(exist_ok=True)
        shutil.copy2(vendor / "requirejs" / "require.js", output_dir / "vendor" / "require.js")
        shutil.copy2(vendor / "jquery" / "dist" / "jquery.min.js", output_dir / "vendor" / "jquery.min.js")
        exporter.reveal_url_prefix = "reveal.js"
        exporter.require_js_url = "vendor/require.js"
        exporter.jquery_url = "vendor/jquery.min.js"
    shutil.copytree(mathjax_folder(), output_dir / "mathjax", dirs_exist_ok=True)
    resources = {"metadata": {"name": workbook.stem},
                 "stemcpd": {"scripts": scripts, "player": bool(scripts)}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    path = output_dir / f"{workbook.stem}.slides.html"
    path.write_text(body, encoding="utf-8")
    return path
