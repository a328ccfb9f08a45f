"""The quiz on the course site: one engine file, loaded only by pages with a quiz.

Quizzes on workbook pages are the ``text/html`` their widgets offer
(:func:`stemcpd.quiz.static.to_html`). While the book builds, this extension sets
:data:`stemcpd.quiz.static.SITE_BUILD_VARIABLE`, which the notebook kernels inherit,
so those fragments leave the engine out; the site then serves
``stemcpd/quiz/static_quiz.js`` once, as ``_static/stemcpd-quiz.js`` (cached by the
browser across pages), and adds it only to pages whose body has a quiz or the needs
analysis's route. A fragment made anywhere else (a notebook exported to HTML, a
standalone file) still carries its own engine.
"""

from __future__ import annotations

import os
from pathlib import Path

from stemcpd.site import page_has

ENGINE_FILE = "stemcpd-quiz.js"
STYLE_FILE = "stemcpd-quiz.css"
MARKERS = ('class="stemcpd-quiz"', 'class="stemcpd-needs-route"')


def engine_source() -> Path:
    """The quiz engine's source file in the package."""
    from importlib import resources

    return Path(str(resources.files("stemcpd.quiz").joinpath("static_quiz.js")))


def generated_static_dir(app) -> Path:
    """A folder of files made at build time, served at ``_static/`` like ``stemcpd/site/static``
    (so Sphinx copies them and adds its cache-busting checksum to their links)."""
    folder = Path(app.doctreedir).parent / "stemcpd-static"
    folder.mkdir(parents=True, exist_ok=True)
    if str(folder) not in app.config.html_static_path:
        app.config.html_static_path.append(str(folder))
    return folder


def _add_engine(app, pagename, templatename, context, doctree) -> None:
    if any(page_has(context, marker) for marker in MARKERS):
        app.add_js_file(ENGINE_FILE)


def write_static_files(folder: Path) -> None:
    """Put the engine and the quiz's style sheet in ``folder``."""
    from stemcpd.quiz.static import _STYLE

    folder.mkdir(parents=True, exist_ok=True)
    from stemcpd.quiz.static import engine_script

    (folder / ENGINE_FILE).write_text(engine_script(), encoding="utf-8")  # quantity marking + engine
    (folder / STYLE_FILE).write_text(f"/* stemcpd quiz cards (stemcpd.quiz.static._STYLE) */\n{_STYLE}\n", encoding="utf-8")


def _write(app) -> None:
    if app.builder.format == "html":
        write_static_files(generated_static_dir(app))


def setup(app):
    from stemcpd.quiz.static import SITE_BUILD_VARIABLE

    os.environ[SITE_BUILD_VARIABLE] = "1"  # read by the notebook kernels the build starts
    app.setup_extension("stemcpd.site")
    app.connect("builder-inited", _write)
    app.connect("html-page-context", _add_engine)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
