"""The course site's look and weight: pages for teachers, in every theme, light to load.

``stemcpd.site.theme`` is a Sphinx extension (listed in ``_config.yml``) that adjusts what
jupyter-book and its theme put on every page, because a teacher opening a module should
get the course, not the machinery behind it:

- **No saved widget state.** Executing a workbook stores every ipywidget's state in the
  notebook, and myst-nb writes it into the page (``application/vnd.jupyter.widget-state+json``,
  a third to two thirds of a workbook page's HTML). Nothing on the static site reads it, so
  it is dropped before the page is written.
- **No Font Awesome script.** The theme's ``fontawesome.js`` (1.5 MB) only turns icons into
  SVG; its stylesheet already has the webfont that draws them (see ``templates/layout.html``).
- (Maths needs no script: :mod:`stemcpd.site.maths` writes it as MathML at build time.)
- **One site stylesheet** (``static/stemcpd-theme.css``): visible focus on every control,
  contrast in light and dark mode for the theme's own buttons and for the quiz and Toolkit
  fragments, and pages that fit a phone.
- **"Open live"**: with ``stemcpd_launch_url`` set (``stemcpd build --launch-url URL``, or
  the ``STEMCPD_LAUNCH_URL`` environment variable), every notebook page gets a link that
  opens the same notebook on a JupyterHub or Binder. Without it the pages have no such link.
  (The theme's own launch buttons need a public repository address; see book/deployment.md.)
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.errors import ConfigError

TEMPLATES_DIR = Path(__file__).parent / "templates"
LAUNCH_URL_VARIABLE = "STEMCPD_LAUNCH_URL"
# myst-nb's keys for the saved widget state and the widget manager scripts of a page.
WIDGET_SCRIPT_KEYS = ("ipywidgets_state", "ipywidgets_")


def notebook_launch_href(launch_url: str, notebook_path: str) -> str:
    """The address that opens ``notebook_path`` (relative to the course folder) live.

    ``launch_url`` is either a template containing ``{path}`` (any hub or Binder, e.g.
    ``https://mybinder.org/v2/gh/ORG/REPO/main?urlpath=lab/tree/{path}``), or a JupyterHub's
    address, which opens the notebook in JupyterLab through the hub's user redirect.
    """
    if "{path}" in launch_url:
        return launch_url.replace("{path}", notebook_path)
    return f"{launch_url.rstrip('/')}/hub/user-redirect/lab/tree/{notebook_path}"


def check_launch_url(launch_url: str) -> str:
    """``launch_url`` stripped, or a ConfigError saying what a usable address looks like."""
    launch_url = (launch_url or "").strip()
    if not launch_url:
        return ""
    parts = urlsplit(launch_url.replace("{path}", "path"))
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in launch_url for c in "\"'<> "):
        raise ConfigError(
            f"stemcpd_launch_url {launch_url!r} is not a web address: give a JupyterHub's address "
            "(https://hub.example.org) or a template with {path} "
            "(https://mybinder.org/v2/gh/ORG/REPO/main?urlpath=lab/tree/{path})"
        )
    return launch_url


def read_settings(app, config) -> None:
    """Add the layout override and settle the launch address (the environment variable,
    set by ``stemcpd build --launch-url``, wins over ``_config.yml``)."""
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path.insert(0, str(TEMPLATES_DIR))
    from_environment = os.environ.get(LAUNCH_URL_VARIABLE)
    if from_environment is not None:
        config.stemcpd_launch_url = from_environment
    config.stemcpd_launch_url = check_launch_url(config.stemcpd_launch_url)


def drop_widget_state(app, pagename, templatename, context, doctree) -> None:
    """Forget the page's saved ipywidgets state before myst-nb writes it into the page."""
    page_scripts = getattr(app.env, "nb_metadata", {}).get(pagename, {}).get("js_files", {})
    for key in [key for key in page_scripts if key.startswith(WIDGET_SCRIPT_KEYS)]:
        del page_scripts[key]


def add_open_live_link(app, pagename, templatename, context, doctree) -> None:
    """On a notebook page, put an "Open live" link under the title when a hub is set."""
    launch_url = app.config.stemcpd_launch_url
    if not launch_url or doctree is None or "body" not in context:
        return
    source = app.env.doc2path(pagename, base=False)
    if Path(source).suffix != ".ipynb":
        return
    href = notebook_launch_href(launch_url, Path(source).as_posix())
    link = (
        '<p class="stemcpd-open-live">'
        f'<a class="stemcpd-open-live-link" href="{html.escape(href, quote=True)}" target="_blank" rel="noopener">'
        'Open live in JupyterLab<span class="visually-hidden"> (opens in a new tab)</span></a>'
        '<span class="stemcpd-open-live-note"> – run and change this notebook\'s code on '
        f'{html.escape(urlsplit(href).netloc)}</span></p>'
    )
    body = context["body"]
    heading_end = re.search(r"</h1>", body)
    position = heading_end.end() if heading_end else 0
    context["body"] = body[:position] + link + body[position:]


def setup(app):
    app.add_config_value("stemcpd_launch_url", "", "html", types=[str])
    app.connect("config-inited", read_settings)
    # Before myst-nb adds the page's scripts (default priority 500).
    app.connect("html-page-context", drop_widget_state, priority=400)
    app.connect("html-page-context", add_open_live_link)
    app.add_css_file("stemcpd-theme.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
