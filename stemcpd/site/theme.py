"""The course site's look and weight: pages for teachers, in every theme, light to load.

``stemcpd.site.theme`` is a Sphinx extension (listed in ``_config.yml``) that adjusts what
jupyter-book and its theme put on every page, because a teacher opening a module should
get the course, not the machinery behind it:

- **No saved widget state.** Executing a workbook stores every ipywidget's state in the
  notebook, and myst-nb writes it into the page (``application/vnd.jupyter.widget-state+json``,
  a third to two thirds of a workbook page's HTML). Nothing on the static site reads it, so
  it is dropped before the page is written.
- **No Font Awesome script, and only the icons the site shows.** The theme's
  ``fontawesome.js`` (1.5 MB) only turns icons into SVG; its stylesheet already has the
  webfont that draws them (see ``templates/layout.html``). That webfont holds 1,400 icons
  (152 KB) for the dozen the site shows, so after the build the site gets a font of just
  those (a few KB), declared for exactly their code points: any other icon still comes
  from the theme's full font, which the browser then fetches on its own.
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
from sphinx.util import logging

logger = logging.getLogger(__name__)

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


# The theme's webfonts (TrueType copies, which fontTools reads without brotli) and the
# family and weight each one is declared with in the theme's stylesheet.
ICON_FONTS = {"fa-solid-900": "900", "fa-regular-400": "400"}
ICON_CSS = "stemcpd-icons.css"
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def icon_code_points(html_dir: Path) -> set[int]:
    """Code points of every Font Awesome icon the built site can show: the ``fa-NAME``
    classes in its pages and scripts, and the icons the theme's stylesheets draw themselves
    (admonition and sidebar icons, as ``content`` characters or escapes)."""
    static = html_dir / "_static"
    names_to_points: dict[str, int] = {}
    stylesheet_points: set[int] = set()
    for css in static.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for selectors, point in re.findall(r'((?:\.fa-[a-z0-9-]+:(?::)?before,?)+)\{content:"\\([0-9a-f]+)"\}', text):
            for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
                names_to_points[name] = int(point, 16)
        without_icon_classes = re.sub(r'(?:\.fa-[a-z0-9-]+:(?::)?before,?)+\{content:"[^"]*"\}', "", text)
        stylesheet_points |= {int(point, 16) for point in re.findall(r'\\(f[0-9a-f]{3}|e[0-9a-f]{3})\b', without_icon_classes)}
        stylesheet_points |= {ord(character) for character in PRIVATE_USE.findall(without_icon_classes)}
    used_names: set[str] = set()
    for path in [*html_dir.rglob("*.html"), *static.rglob("*.js")]:
        used_names |= set(re.findall(r"\bfa-([a-z0-9-]+)", path.read_text(encoding="utf-8", errors="replace")))
    return stylesheet_points | {names_to_points[name] for name in used_names if name in names_to_points}


def write_icon_subset(app, exception) -> None:
    """After a build: the theme's icon fonts cut down to the icons the site uses."""
    if exception is not None or app.builder.format != "html":
        return
    html_dir = Path(app.outdir)
    webfonts = html_dir / "_static" / "vendor" / "fontawesome" / "webfonts"
    try:
        from fontTools import subset

        points = sorted(icon_code_points(html_dir))
        if not points:
            return
        unicode_range = ",".join(f"U+{point:X}" for point in points)
        faces = []
        for font_name, weight in ICON_FONTS.items():
            source = webfonts / f"{font_name}.ttf"
            if not source.is_file():
                continue
            options = subset.Options(flavor="woff", layout_features=["*"], name_IDs=["*"], notdef_outline=True)
            font = subset.load_font(str(source), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=points)
            subsetter.subset(font)
            target = html_dir / "_static" / f"stemcpd-{font_name}.woff"
            subset.save_font(font, str(target), options)
            faces.append(
                f'@font-face{{font-family:"Font Awesome 6 Free";font-style:normal;font-weight:{weight};'
                f'font-display:block;src:url("stemcpd-{font_name}.woff") format("woff");'
                f"unicode-range:{unicode_range}}}"
            )
        (html_dir / "_static" / ICON_CSS).write_text(
            "/* The site's icons only (stemcpd.site.theme); other icons fall back to the theme's full font. */\n"
            + "\n".join(faces) + "\n", encoding="utf-8")
    except Exception as error:  # the theme's full font still works: say so, do not fail
        logger.warning("could not cut the icon font down to the site's icons (%s); pages use the full font", error)


def setup(app):
    app.add_config_value("stemcpd_launch_url", "", "html", types=[str])
    app.connect("config-inited", read_settings)
    # Before myst-nb adds the page's scripts (default priority 500).
    app.connect("html-page-context", drop_widget_state, priority=400)
    app.connect("html-page-context", add_open_live_link)
    app.add_css_file("stemcpd-theme.css")
    app.add_css_file(ICON_CSS)
    app.connect("build-finished", write_icon_subset)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
