"""Classroom apps: one simulation, full width, large type, no code — for a projector.

``stemcpd app <name>`` writes a one-cell notebook that calls :func:`classroom_app` and
serves it with Voilà, which shows outputs only. The page is laid out for a projector
(:func:`classroom_layout`): the whole figure fits the window at 1366×768 and larger, with
a large readout above it and the controls in a panel beside it that can be hidden; a
full-screen button and a high-contrast, larger-text mode.
"""

from __future__ import annotations

from pathlib import Path

CLASSROOM_CSS = """
<style>
  body, .jp-Notebook { font-size: 18px; }
  .stemcpd-classroom h1 { font-size: 1.6rem; margin: 0.1em 0 0.05em; line-height: 1.2; }
  .stemcpd-classroom p { font-size: 1rem; margin: 0 0 0.2em; }
  .stemcpd-app .widget-label, .stemcpd-app .widget-readout,
  .stemcpd-app .widget-toggle-buttons button, .stemcpd-app button,
  .stemcpd-app select, .stemcpd-app .widget-checkbox { font-size: 1.05rem !important; }
  .stemcpd-app .widget-slider, .stemcpd-app .widget-hslider { min-height: 2.2em; }
  .stemcpd-app .stemcpd-readout { font-size: 1.4rem; }
  .stemcpd-app .stemcpd-description { font-size: 1.05rem; }
  /* Projector first: the figure fills what the title, toolbar and readout leave of the
     window (it is never taller than the screen), the controls sit beside it. */
  .stemcpd-classroom-layout .stemcpd-classroom-main { display: flex; flex-wrap: nowrap; align-items: flex-start;
    gap: 0.8em; width: 100%; }
  .stemcpd-classroom-layout .stemcpd-classroom-stage { flex: 1 1 auto; min-width: 0; overflow: visible !important; }
  .stemcpd-classroom-layout .stemcpd-classroom-main, .stemcpd-classroom-layout .stemcpd-classroom-stage > *
    { overflow: visible !important; }
  .stemcpd-classroom-layout .stemcpd-classroom-panel { flex: 0 0 24em; max-width: 24em; overflow-y: auto;
    max-height: calc(100vh - 7.5em); border-left: 2px solid #0072B2; padding-left: 0.6em; }
  .stemcpd-classroom-layout .stemcpd-classroom-panel .widget-hbox { flex-wrap: wrap; }
  .stemcpd-classroom-layout .stemcpd-classroom-panel .widget-slider { width: 100% !important; }
  .stemcpd-classroom-layout img.stemcpd-figure { display: block; width: 100%; height: auto;
    max-height: calc(100vh - var(--stemcpd-classroom-chrome, 12.5em)); object-fit: contain; object-position: left top; }
  .stemcpd-classroom-layout .stemcpd-readout { line-height: 1.25; }
  .stemcpd-classroom-toolbar { gap: 0.6em; align-items: center; flex-wrap: wrap; }
  .stemcpd-classroom-toolbar button.stemcpd-fullscreen { font-size: 1.05rem; padding: 0.2em 0.8em; cursor: pointer;
    border: 2px solid #0072B2; border-radius: 4px; background: #fff; color: #000; }
  .stemcpd-classroom-app:fullscreen { background: #fff; overflow: auto; padding: 0.5em; }
  .stemcpd-classroom-app:fullscreen .stemcpd-classroom-layout img.stemcpd-figure {
    max-height: calc(100vh - var(--stemcpd-classroom-chrome, 12.5em) + 3em); }
  .stemcpd-app :focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
  .stemcpd-app.stemcpd-high-contrast { background: #000 !important; color: #fff !important; padding: 0.5em; }
  .stemcpd-app.stemcpd-high-contrast .widget-label, .stemcpd-app.stemcpd-high-contrast .widget-readout,
  .stemcpd-app.stemcpd-high-contrast .stemcpd-readout, .stemcpd-app.stemcpd-high-contrast .stemcpd-description,
  .stemcpd-app.stemcpd-high-contrast .stemcpd-classroom h1, .stemcpd-app.stemcpd-high-contrast .stemcpd-classroom p,
  .stemcpd-app.stemcpd-high-contrast .widget-checkbox label
    { color: #fff !important; }
  .stemcpd-app.stemcpd-high-contrast .stemcpd-readout { font-size: 1.6rem !important; }
  .stemcpd-app.stemcpd-high-contrast .stemcpd-classroom-panel { border-left-color: #fff; }
  .stemcpd-app.stemcpd-high-contrast img.stemcpd-figure { outline: 4px solid #fff; }
  .stemcpd-app.stemcpd-high-contrast button.stemcpd-fullscreen { background: #000; color: #fff; border-color: #fff; }
  @media (max-width: 1000px) {
    .stemcpd-classroom-layout .stemcpd-classroom-main { flex-wrap: wrap; }
    .stemcpd-classroom-layout .stemcpd-classroom-panel { flex: 1 1 100%; max-width: none; max-height: none;
      border-left: none; padding-left: 0; }
  }
</style>
"""

# The full-screen button: widget HTML is inserted with innerHTML, where an inline handler
# runs on click (a <script> would not). The whole classroom box goes full screen.
_FULLSCREEN_BUTTON = (
    '<button type="button" class="stemcpd-fullscreen" aria-pressed="false" title="Show this app on the whole screen '
    '(Esc to leave)" onclick="(function (button) { var box = button.closest(\'.stemcpd-classroom-app\');'
    " if (document.fullscreenElement) { document.exitFullscreen(); return; }"
    " if (!box || !box.requestFullscreen) { return; }"
    " box.requestFullscreen().then(function () { button.setAttribute('aria-pressed', 'true');"
    " button.textContent = 'Leave full screen';"
    " document.addEventListener('fullscreenchange', function reset() { if (!document.fullscreenElement) {"
    " button.setAttribute('aria-pressed', 'false'); button.textContent = 'Full screen';"
    " document.removeEventListener('fullscreenchange', reset); } }); }); })(this)\">Full screen</button>"
)


def classroom_layout(app, title: str, summary: str, name: str):
    """Arrange ``app``'s parts for a projector and return the classroom box.

    The figure comes first: title and summary in one compact line each, a toolbar (full
    screen, show / hide controls, high contrast), then the large readout above the
    figure, which is sized to the window, with the controls in a panel beside it (below
    it on a narrow window) that can be hidden. ``app.widget`` becomes the new layout, so
    the high-contrast mode and the accessibility helper apply to it.
    """
    import html

    import ipywidgets as widgets

    header = widgets.HTML(
        CLASSROOM_CSS + f'<div class="stemcpd-classroom"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(summary)}</p></div>"
    )
    contrast = widgets.Checkbox(value=False, description="High contrast, larger text", indent=False)
    contrast.add_class("stemcpd-contrast-toggle")
    show_controls = widgets.ToggleButton(value=True, description="Hide controls", icon="sliders",
                                         tooltip="Hide or show the controls beside the figure")
    show_controls.add_class("stemcpd-controls-toggle")
    fullscreen = widgets.HTML(_FULLSCREEN_BUTTON)
    toolbar = widgets.HBox([fullscreen, show_controls, contrast])
    toolbar.add_class("stemcpd-classroom-toolbar")

    panel_children = [*app.sliders.values(), *app.preset_buttons.values()]
    if app.playback_box is not None:
        panel_children.append(app.playback_box)
    panel = widgets.VBox(panel_children)
    panel.add_class("stemcpd-classroom-panel")
    stage = widgets.VBox([app.readout, app.image, app.description])
    stage.add_class("stemcpd-classroom-stage")
    main = widgets.HBox([stage, panel])
    main.add_class("stemcpd-classroom-main")

    layout = widgets.VBox([header, toolbar, main, app.a11y])
    layout.add_class("stemcpd-app")
    layout.add_class(f"stemcpd-app-{name}")
    layout.add_class("stemcpd-classroom-layout")
    app.widget = layout

    def _toggle_contrast(change):
        if change["new"]:
            layout.add_class("stemcpd-high-contrast")
        else:
            layout.remove_class("stemcpd-high-contrast")

    def _toggle_controls(change):
        panel.layout.display = None if change["new"] else "none"
        show_controls.description = "Hide controls" if change["new"] else "Show controls"

    contrast.observe(_toggle_contrast, names="value")
    show_controls.observe(_toggle_controls, names="value")
    # One box per app, so a page can hold several (and tests can find each one).
    box = widgets.VBox([layout])
    box.add_class("stemcpd-classroom-app")
    box.add_class(f"stemcpd-classroom-{name}")
    app.classroom_panel, app.classroom_box = panel, box
    return box


def classroom_app(name: str, width_px: int = 1200, height_px: int | None = None):
    """Display simulation ``name`` laid out for a projector and return the app.

    Args:
        name: a simulation name from :func:`stemcpd.simulations.available`.
        width_px: figure width in pixels (the page scales it to the window).
        height_px: figure height in pixels; by default the app's own aspect ratio.
    """
    from IPython.display import display

    from stemcpd import simulations

    app_class = simulations.get(name).load_app_class()
    default_width, default_height = app_class.default_size_px
    height_px = height_px or round(default_height * width_px / default_width)
    app = app_class(width_px=width_px, height_px=height_px)
    display(classroom_layout(app, app_class.title, app_class.summary, name))
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
