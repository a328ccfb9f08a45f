"""The course site's own browser layer, served from the site itself (no CDN).

``stemcpd.site`` is a Sphinx extension (listed in ``_config.yml``). It serves
``static/`` and loads ``stemcpd-store.js`` on every page: the one place the browser
keeps a teacher's quiz attempts, Toolkit entries and other course state, in the same
shape as the Python store (:mod:`stemcpd.cpd.store`) so that the record a teacher
exports from the site is the record ``stemcpd record export --json`` writes.

Each browser feature (the simulation player, the CPD record, review, …) is a module of
this package with its own ``setup(app)``, registered as its own extension.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"


def page_has(context: dict, marker: str) -> bool:
    """Whether a page's rendered body contains ``marker`` (a class or data attribute),
    so a feature loads its script only on the pages that use it."""
    return marker in (context.get("body") or "")


def setup(app):
    if str(STATIC_DIR) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC_DIR))
    app.add_js_file("stemcpd-store.js")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
