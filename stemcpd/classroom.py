"""Classroom apps: one simulation, full width, large type, no code — for a projector.

``stemcpd app <name>`` writes a one-cell notebook that calls :func:`classroom_app` and
serves it with Voilà, which shows outputs only. The page is styled for the back of a
room (large labels, readouts and figure) and offers a high-contrast, larger-text mode.
"""

from __future__ import annotations

from pathlib import Path

CLASSROOM_CSS = """
<style>
  body, .jp-Notebook { font-size: 20px; }
  .stemcpd-classroom h1 { font-size: 2.2rem; margin: 0.3em 0; }
  .stemcpd-classroom p { font-size: 1.25rem; }
  .stemcpd-app .widget-label, .stemcpd-app .widget-readout,
  .stemcpd-app .widget-toggle-buttons button, .stemcpd-app button { font-size: 1.15rem !important; }
  .stemcpd-app .widget-slider, .stemcpd-app .widget-hslider { min-height: 2.4em; }
  .stemcpd-app .stemcpd-readout { font-size: 1.4rem; }
  .stemcpd-app .stemcpd-description { font-size: 1.1rem; }
  .stemcpd-app img.stemcpd-figure { width: 100%; height: auto; }
  .stemcpd-app :focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
  .stemcpd-app.stemcpd-high-contrast { background: #000 !important; color: #fff !important; padding: 0.5em; }
  .stemcpd-app.stemcpd-high-contrast .widget-label, .stemcpd-app.stemcpd-high-contrast .widget-readout,
  .stemcpd-app.stemcpd-high-contrast .stemcpd-readout, .stemcpd-app.stemcpd-high-contrast .stemcpd-description
    { color: #fff !important; font-size: 1.5rem !important; }
  .stemcpd-app.stemcpd-high-contrast img.stemcpd-figure { outline: 4px solid #fff; }
</style>
"""

def classroom_app(name: str, width_px: int = 1200, height_px: int | None = None):
    """Display simulation ``name`` styled for a classroom and return the app.

    Args:
        name: a simulation name from :func:`stemcpd.simulations.available`.
        width_px: figure width in pixels (the page scales it to the window).
        height_px: figure height in pixels; by default the app's own aspect ratio.
    """
    import html

    import ipywidgets as widgets
    from IPython.display import display

    from stemcpd import simulations

    app_class = simulations.get(name).load_app_class()
    default_width, default_height = app_class.default_size_px
    height_px = height_px or round(default_height * width_px / default_width)
    app = app_class(width_px=width_px, height_px=height_px)
    contrast = widgets.Checkbox(value=False, description="High contrast, larger text", indent=False)
    contrast.add_class("stemcpd-contrast-toggle")

    def _toggle(change):
        if change["new"]:
            app.widget.add_class("stemcpd-high-contrast")
        else:
            app.widget.remove_class("stemcpd-high-contrast")

    contrast.observe(_toggle, names="value")
    header = widgets.HTML(
        CLASSROOM_CSS + f'<div class="stemcpd-classroom"><h1>{html.escape(app_class.title)}</h1>'
        f"<p>{html.escape(app_class.summary)}</p></div>"
    )
    # One box per app, so a page can hold several (and tests can find each one).
    box = widgets.VBox([header, contrast, app.widget])
    box.add_class("stemcpd-classroom-app")
    box.add_class(f"stemcpd-classroom-{name}")
    display(box)
    return app


def write_classroom_notebook(name: str, folder: Path) -> Path:
    """Write the one-cell notebook Voilà serves for simulation ``name``; return its path."""
    return write_gallery_notebook([name], folder, file_name=name)


def write_gallery_notebook(names, folder: Path, file_name: str = "gallery") -> Path:
    """Write a notebook with one classroom app per name (one code cell each)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from stemcpd import simulations

    chosen = [simulations.get(name).name for name in names]  # a clear error for an unknown name
    cells = [new_code_cell("from stemcpd.classroom import classroom_app")]
    cells += [new_code_cell(f"app = classroom_app({name!r})") for name in chosen]
    notebook = new_notebook(
        cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_name}.ipynb"
    nbformat.write(notebook, path)
    return path


VOILA_TEMPLATE = "stemcpd"


def prepare_voila_template(folder: Path) -> Path:
    """Lay out stemcpd's Voilà template under ``folder`` (a Jupyter data directory) with
    Font Awesome copied from the fontawesomefree package; return ``folder``.

    Voilà finds it when ``folder`` is on ``JUPYTER_PATH``; the icons on Play / Step /
    Reset buttons then load from the app's own server.
    """
    import shutil
    from importlib import resources

    template = folder / "voila" / "templates" / VOILA_TEMPLATE
    (template / "static").mkdir(parents=True, exist_ok=True)
    source = resources.files("stemcpd") / "voila_template"
    for name in ("conf.json", "index.html.j2"):
        (template / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    fontawesome = Path(str(resources.files("fontawesomefree"))) / "static" / "fontawesomefree"
    target = template / "static" / "fontawesome"
    for part in ("css", "webfonts"):
        shutil.copytree(fontawesome / part, target / part, dirs_exist_ok=True)
    return folder


def voila_command(notebook: Path, port: int, work_folder: Path, open_browser: bool = False):
    """The command and environment that serve ``notebook`` with stemcpd's Voilà template.

    Returns:
        ``(command, environment)`` for :func:`subprocess.Popen` / ``call``.
    """
    import os
    import sys

    data_dir = prepare_voila_template(work_folder / "jupyter-data")
    command = [
        sys.executable, "-m", "voila", str(notebook), f"--port={port}", "--Voila.ip=127.0.0.1",
        f"--template={VOILA_TEMPLATE}", "--theme=light", "--VoilaConfiguration.show_tracebacks=False",
    ]
    if not open_browser:
        command.append("--no-browser")
    paths = [str(data_dir), os.environ.get("JUPYTER_PATH", "")]
    environment = {**os.environ, "JUPYTER_PATH": os.pathsep.join(p for p in paths if p)}
    return command, environment


_OFFLINE_PAGE_CSS = """
:root { --pst-color-text-base: #222; --pst-color-text-muted: #555; --pst-color-background: #fff;
        --pst-color-primary: #0a5a8c; --pst-color-border: #bbb; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --pst-color-text-base: #e8e8e8; --pst-color-text-muted: #c0c0c0; --pst-color-background: #14181b;
          --pst-color-primary: #7cc3f0; --pst-color-border: #555; }
}
body { margin: 0; font: 17px/1.5 system-ui, sans-serif; color: var(--pst-color-text-base);
       background: var(--pst-color-background); }
main { max-width: 1060px; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.7em; margin: 0.2em 0; }
.stemcpd-offline-note { color: var(--pst-color-text-muted); font-size: 0.9em; }
"""


def offline_player_html(name: str, **settings) -> str:
    """One self-contained HTML page with simulation ``name``'s player: the player's
    script and style, every setting's data and the backgrounds as ``data:`` addresses,
    so it works from a file (e-mail, a school network drive) with no network.

    Args:
        name: a simulation name from :func:`stemcpd.simulations.available`.
        **settings: control values to open at (default: the app's own).
    """
    import base64
    import html
    import json

    from stemcpd import simulations
    from stemcpd.site import STATIC_DIR
    from stemcpd.ui.player_data import _dumps, generate, player_key
    from stemcpd.ui.static import player_placeholder_html

    app_class = simulations.get(name).load_app_class()
    data = generate(name, settings)
    key = player_key(name, data.manifest["baseValues"])
    files = {"manifest.json": data.manifest}
    for entry, setting in zip(data.manifest["settings"], data.settings):
        if entry["file"]:
            files[entry["file"]] = setting
    for file_name, png in data.backgrounds.items():
        files[file_name] = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    base_setting = data.settings[data.manifest["base"]]
    placeholder = player_placeholder_html(
        name, data.manifest["baseValues"], app_class.title, app_class.summary, base_setting["describe"]
    ).replace('">', f'" data-stemcpd-inline="{key}">', 1)
    # JSON inside <script>: "</" must not end the element early.
    payload = _dumps(files).replace("</", "<\\/")
    script = (STATIC_DIR / "stemcpd-player.js").read_text(encoding="utf-8")
    style = (STATIC_DIR / "stemcpd-player.css").read_text(encoding="utf-8")
    title = html.escape(app_class.title)
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}: stemcpd simulation</title>\n<style>{_OFFLINE_PAGE_CSS}\n{style}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{title}</h1>\n{placeholder}\n"
        '<p class="stemcpd-offline-note">A stemcpd simulation in one file: it works offline, from a school '
        "network drive or an e-mail attachment. Every setting was computed by the simulation's own model.</p>\n"
        "</main>\n"
        f"<script>window.stemcpdPlayerData = window.stemcpdPlayerData || {{}};\n"
        f"window.stemcpdPlayerData[{json.dumps(key)}] = {payload};</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def write_offline_player(name: str, path: Path, **settings) -> int:
    """Write :func:`offline_player_html` to ``path``; return its size in bytes."""
    text = offline_player_html(name, **settings)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size
