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

import os
from pathlib import Path
import shutil
import subprocess
import tempfile

import nbformat

# npm packages the slides need, served from beside the slides (no CDN).
NPM_PACKAGES = ("reveal.js@4", "requirejs@2", "jquery@3")

# What the trainer does in each spine section (matched by heading prefix).
TRAINER_NOTES = {
    "# ": "Welcome and outcomes (5 min). Read the outcomes aloud; ask who teaches this topic next term.",
    "## Before you start": "Action plan (10 min). Everyone writes alone; then two or three share what they want to "
    "change for their pupils and how they will know it worked.",
    "## Subject knowledge": "Simulation in pairs (20 min). Ask for a prediction before each slider move; stop the room "
    "twice to compare predictions with what the model shows.",
    "## The misconceptions pupils hold": "Misconceptions (15 min). Show the group report's hardest questions; ask "
    "where each idea shows up in participants' classes and which diagnostic question would reveal it.",
    "## Using this in class": "Classroom use (10 min). Project the classroom app; rehearse the hinge question "
    "with the group as the class.",
    "## Practical work": "Practical work (15 min). Walk through the virtual practical's data: what pupils plot, where "
    "the systematic error shows; agree the safety points.",
    "## Recall quiz": "Recall quiz (10 min), individually, with confidence. Collect records afterwards for "
    "`stemcpd report`.",
    "## Reflection": "Reflection (5 min). Everyone names the first lesson where they will use this.",
    "## A few weeks later": "Impact record. Set the follow-up date (three to six weeks) now.",
}


def _note_for(source: str) -> str | None:
    for prefix, note in TRAINER_NOTES.items():
        if source.startswith(prefix):
            return note
    return None


def add_slide_metadata(notebook):
    """Mark cells for reveal.js and insert a trainer's note after each spine heading.

    Returns the same notebook object, changed in place.
    """
    cells = []
    for cell in notebook.cells:
        metadata = cell.setdefault("metadata", {})
        source = cell.source.lstrip()
        if cell.cell_type == "markdown" and (source.startswith("# ") or source.startswith("## ")):
            metadata["slideshow"] = {"slide_type": "slide"}
        elif cell.cell_type == "markdown":
            metadata["slideshow"] = {"slide_type": "subslide"}
        else:
            metadata["slideshow"] = {"slide_type": "-"}
        cells.append(cell)
        note = _note_for(source) if cell.cell_type == "markdown" else None
        if note:
            cells.append(nbformat.v4.new_markdown_cell(f"**Trainer note.** {note}", metadata={"slideshow": {"slide_type": "notes"}}))
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


def build_slides(workbook: Path, output_dir: Path, executed=None) -> Path:
    """Write reveal.js slides for ``workbook`` into ``output_dir`` and return the HTML path.

    Args:
        workbook: the workbook (``workbooks/<module>.ipynb``).
        output_dir: where the slides and their reveal.js / MathJax copies go.
        executed: an already executed copy of the notebook (e.g. from the book's cache);
            when None the workbook is executed now.
    """
    from nbconvert import SlidesExporter

    workbook = Path(workbook)
    notebook = executed if executed is not None else execute(nbformat.read(workbook, as_version=4), workbook.parent)
    notebook.metadata.pop("widgets", None)  # the static versions of widgets show instead
    add_slide_metadata(notebook)
    output_dir.mkdir(parents=True, exist_ok=True)

    exporter = SlidesExporter(
        template_name="stemcpd_reveal",
        extra_template_basedirs=[str(Path(__file__).parent / "slides_template")],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        reveal_theme="white",  # its fonts ship with reveal.js; other themes fetch web fonts
        reveal_scroll=True,  # long sections scroll instead of running off the slide
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
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": workbook.stem}})
    path = output_dir / f"{workbook.stem}.slides.html"
    path.write_text(body, encoding="utf-8")
    return path
