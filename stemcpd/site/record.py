"""The CPD record in the browser: Toolkit forms on module pages and the "My CPD record" page.

``stemcpd.site.record`` is a Sphinx extension (listed in ``_config.yml``). It loads the
one generic form engine, ``stemcpd-record.js`` (and its CSS), only on pages that carry
a Toolkit form (``div.stemcpd-record-form``, written by
:meth:`stemcpd.cpd.toolkit.ToolkitForm.static_html`) or the record page's root element
(``#stemcpd-my-record``, in ``book/my-record.md``). The form's questions travel in the
form's own HTML as JSON data, so the script knows nothing about any particular form.

At the end of a build it writes, beside the site's other static files:

* ``stemcpd-record-data.js``: what the record page needs to show a teacher's record in
  words rather than ids: every module's title and page, the Toolkit forms' prompts,
  circles and Guskey's levels (:func:`stemcpd.cpd.prompts.form_data`), each
  misconception's readable name and description from the catalogue, and the record
  format's JSON Schema;
* ``record.schema.json``: that same schema as a file (the one Python validates with);
* ``stemcpd-vendor/ajv.min.js``: Ajv 6 (npm, pinned in :mod:`stemcpd.vendor`), which
  the record page uses to validate an imported file against the schema. It is loaded
  on the record page only.

Nothing here sends anything anywhere: a teacher's record stays in their browser
(``stemcpd-store.js``) unless they export it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from stemcpd.cpd.record import misconception_name as readable_name
from stemcpd.site import page_has

FORM_MARKER = 'class="stemcpd-record-form"'
RECORD_PAGE_MARKER = 'id="stemcpd-my-record"'
RECORD_PAGE = "book/my-record"
NEEDS_ANALYSIS_MODULE = "needs-analysis"
AJV_PACKAGE, AJV_FILE = "ajv", "dist/ajv.min.js"
VENDOR_FOLDER = "stemcpd-vendor"


def record_data(modules: list[dict]) -> dict:
    """Everything the record page needs besides the teacher's own data.

    Args:
        modules: ``[{"id", "title", "href"}]`` in course order (href from the site root).
    """
    from stemcpd.cpd.followup import DEFAULT_REVIEW_WEEKS, UPCOMING_DAYS
    from stemcpd.cpd.prompts import (
        EFFECT_LABELS,
        GUSKEY_LEVELS,
        IMPACT_CIRCLES,
        PROMPTS_BY_KIND,
        circle_effect_field,
        form_data,
    )
    from stemcpd.cpd.record_file import schema
    from stemcpd.quiz.catalogue import catalogue

    misconceptions = {
        identifier: {"name": readable_name(identifier), "description": item.description}
        for identifier, item in sorted(catalogue().items())
    }
    return {
        "modules": modules,
        "forms": {kind: form_data(kind) for kind in PROMPTS_BY_KIND},
        "circles": [{"title": title, "fields": list(fields), "effect_field": circle_effect_field(title)}
                    for title, fields in IMPACT_CIRCLES.items()],
        # Follow-up rules shared with stemcpd.cpd.followup (review dates, impact records due).
        "followup": {"default_review_weeks": DEFAULT_REVIEW_WEEKS, "upcoming_days": UPCOMING_DAYS,
                     "circle_effect_fields": [circle_effect_field(title) for title in IMPACT_CIRCLES],
                     "effect_labels": EFFECT_LABELS},
        "guskey_levels": [level._asdict() for level in GUSKEY_LEVELS],
        "misconceptions": misconceptions,
        "needs_analysis_module": NEEDS_ANALYSIS_MODULE,
        "schema": schema(),
    }


def _modules(app) -> list[dict]:
    """Every workbook page of the built site, in table-of-contents order."""
    env = app.env
    ordered = [name for name in _toc_order(env) if name.startswith("workbooks/")]
    ordered += sorted(name for name in env.found_docs if name.startswith("workbooks/") and name not in ordered)
    modules = []
    for docname in ordered:
        title_node = env.titles.get(docname)
        title = title_node.astext() if title_node is not None else docname.split("/")[-1]
        modules.append({"id": docname.split("/")[-1], "title": title, "href": app.builder.get_target_uri(docname)})
    start = "book/start-here"
    if start in env.found_docs:
        modules.append({"id": NEEDS_ANALYSIS_MODULE, "title": "Where to start: needs analysis",
                        "href": app.builder.get_target_uri(start)})
    return modules


def _toc_order(env) -> list[str]:
    """Document names in reading order, following the toctree from the root page."""
    order, seen = [], set()

    def visit(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(env.config.root_doc)
    return order


def _on_page(app, pagename, templatename, context, doctree) -> None:
    has_form = page_has(context, FORM_MARKER)
    is_record_page = page_has(context, RECORD_PAGE_MARKER)
    if not (has_form or is_record_page):
        return
    if is_record_page:
        app.add_js_file(f"{VENDOR_FOLDER}/ajv.min.js")
        app.add_js_file("stemcpd-record-data.js")
    app.add_js_file("stemcpd-record.js")
    app.add_css_file("stemcpd-record.css")


def _write_static(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from stemcpd.cpd.record_file import schema_path
    from stemcpd.vendor import vendored_file

    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    data = json.dumps(record_data(_modules(app)), ensure_ascii=False, separators=(",", ":"))
    # JSON is a JavaScript expression; escaping "<" keeps it inert if ever inlined.
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    (static / "stemcpd-record-data.js").write_text(
        "/* Generated by stemcpd.site.record at build time: module titles, Toolkit prompts, "
        "misconception names and the record schema. */\nwindow.stemcpdRecordData = " + data + ";\n",
        encoding="utf-8")
    shutil.copyfile(schema_path(), static / "record.schema.json")
    (static / VENDOR_FOLDER).mkdir(exist_ok=True)
    shutil.copyfile(vendored_file(AJV_PACKAGE, AJV_FILE), static / VENDOR_FOLDER / "ajv.min.js")
    # Ajv is MIT-licensed: its notice travels with the copy.
    shutil.copyfile(vendored_file(AJV_PACKAGE, "LICENSE"), static / VENDOR_FOLDER / "ajv.LICENSE.txt")


def setup(app):
    app.setup_extension("stemcpd.site")
    app.connect("html-page-context", _on_page)
    app.connect("build-finished", _write_static)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
