"""Technician sheets and the module map on the course site, made from the practicals' data.

Two MyST/Sphinx directives, so the YAML in ``stemcpd/practicals/`` stays the single
source:

- ``{stemcpd-technician-sheets}`` (book/practical-work.md): every required practical's
  technician sheet (:func:`stemcpd.practicals.sheet.sheet_html`), with a contents list.
- ``{stemcpd-module-map}`` (book/modules.md): every AQA GCSE physics and chemistry topic
  with its module, and every required practical with its module, virtual practical and
  technician sheet. A module whose page is in this build is a link; a planned module is
  named without one.

Pages holding a sheet (these, and workbooks whose "For technicians" cell shows one) get
``stemcpd-practicals.js``, which adds "Print this sheet" buttons (and "Print all sheets"),
and ``stemcpd-practicals.css``, which restyles the sheets with the theme's colours and
prints one sheet per A4 page without the site's navigation.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
import posixpath

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from stemcpd.site import page_has

SCRIPT = "stemcpd-practicals.js"
STYLE = "stemcpd-practicals.css"
MARKER = 'class="stemcpd-tech-sheet"'
MAP_MARKER = 'class="stemcpd-module-map"'


def _relative(from_doc: str, to_doc: str) -> str:
    """A link from one built page to another (html builder: ``<doc>.html``)."""
    return posixpath.relpath(f"{to_doc}.html", posixpath.dirname(from_doc) or ".")


class _PracticalsDirective(SphinxDirective):
    has_content = False

    def _note_data(self) -> None:
        from stemcpd.practicals import DATA_DIR
        from stemcpd.practicals.curriculum import CURRICULUM_FILE

        # Editing a practical's YAML re-reads the pages that show it.
        for path in sorted(DATA_DIR.glob("*.yaml")) + [CURRICULUM_FILE]:
            self.env.note_dependency(str(path))

    def module_href(self, module: str) -> str | None:
        target = f"workbooks/{module}"
        return _relative(self.env.docname, target) if target in self.env.found_docs else None


class TechnicianSheetsDirective(_PracticalsDirective):
    """Every technician sheet, physics then chemistry, with a list of links to them."""

    def run(self):
        from stemcpd.practicals import all_practicals
        from stemcpd.practicals.sheet import sheet_html

        self._note_data()
        practicals = all_practicals()
        contents = []
        for subject in ("physics", "chemistry"):
            items = "".join(
                f"<li><a href=\"#{practical.sheet_anchor()}\">RP {practical.number}: {escape(practical.title)}</a></li>"
                for practical in practicals if practical.subject == subject
            )
            contents.append(f"<h2>{subject.capitalize()}</h2><ol class=\"stemcpd-tech-contents\">{items}</ol>")
        sheets = "\n".join(sheet_html(practical, module_href=self.module_href) for practical in practicals)
        html = (
            "<nav class=\"stemcpd-tech-index\" aria-label=\"Technician sheets\">"
            f"{''.join(contents)}</nav>"
            f"<div class=\"stemcpd-tech-sheets\" id=\"stemcpd-tech-sheets-all\">{sheets}</div>"
        )
        return [nodes.raw("", html, format="html")]


class ModuleMapDirective(_PracticalsDirective):
    """The specification, topic by topic, and every required practical, as tables."""

    def run(self):
        from stemcpd.practicals import all_practicals
        from stemcpd.practicals.curriculum import module_status, topics

        self._note_data()
        sheets_page = "book/practical-work"
        sheet_link_base = _relative(self.env.docname, sheets_page) if sheets_page in self.env.found_docs else None

        workbooks = Path(self.env.srcdir) / "workbooks"

        def module_cell(module: str) -> str:
            href = self.module_href(module)
            if href:
                return f"<a href=\"{escape(href)}\">{escape(module)}</a>"
            status = module_status(module, workbooks)
            if status == "available":  # a partial build without that workbook's page
                return escape(module)
            note = "planned" if status == "planned" else "not yet written"
            return f"{escape(module)} <em>({note})</em>"

        def sheet_cell(practical) -> str:
            if sheet_link_base is None:
                return f"<code>stemcpd technician {escape(practical.id)}</code>"
            return (f"<a href=\"{escape(sheet_link_base)}#{practical.sheet_anchor()}\">Technician sheet</a>"
                    f" (<code>stemcpd technician {escape(practical.id)}</code>)")

        parts = []
        all_topics = topics()
        for subject, code in (("physics", "8463"), ("chemistry", "8462")):
            rows = []
            for topic in (t for t in all_topics if t.subject == subject):
                practical_links = "<br>".join(
                    f"<a href=\"#map-{practical.id}\">RP {practical.number}: {escape(practical.data['short_name'])}</a>"
                    for practical in topic.practicals
                )
                separate = " <em>(separate science only)</em>" if topic.separate_only else ""
                rows.append(
                    f"<tr><td>{escape(topic.ref)}</td><td>{escape(topic.topic)}{separate}</td>"
                    f"<td>{module_cell(topic.module)}</td><td>{practical_links}</td></tr>"
                )
            parts.append(
                f"<h3>{subject.capitalize()} (AQA {code}): every topic</h3>"
                f"<table class=\"stemcpd-module-map\"><caption>AQA GCSE {subject} ({code}) topics and the stemcpd "
                "module that teaches each</caption><thead><tr><th scope=\"col\">Specification</th>"
                "<th scope=\"col\">Topic</th><th scope=\"col\">Module</th><th scope=\"col\">Required practical</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            )
            practical_rows = []
            for practical in (p for p in all_practicals() if p.subject == subject):
                simulation = (f"<code>{escape(practical.simulation)}</code>" if practical.simulation
                              else "<em>none yet</em>")
                combined = "" if practical.data["board"]["combined_science"] else " <em>(separate science only)</em>"
                practical_rows.append(
                    f"<tr id=\"map-{practical.id}\"><td>RP {practical.number} "
                    f"({escape(practical.data['board']['spec_reference'])})</td>"
                    f"<td>{escape(practical.title)}{combined}</td><td>{module_cell(practical.module)}</td>"
                    f"<td>{simulation}</td><td>{sheet_cell(practical)}</td></tr>"
                )
            parts.append(
                f"<h3>{subject.capitalize()} (AQA {code}): every required practical</h3>"
                f"<table class=\"stemcpd-module-map\"><caption>AQA GCSE {subject} required practicals: module, "
                "virtual practical and technician sheet</caption><thead><tr><th scope=\"col\">Required practical</th>"
                "<th scope=\"col\">Practical</th><th scope=\"col\">Module</th><th scope=\"col\">Virtual practical</th>"
                f"<th scope=\"col\">Technician sheet</th></tr></thead><tbody>{''.join(practical_rows)}</tbody></table>"
            )
        return [nodes.raw("", "".join(parts), format="html")]


def _add_files(app, pagename, templatename, context, doctree) -> None:
    if page_has(context, MARKER):
        app.add_js_file(SCRIPT)
        app.add_css_file(STYLE)
    elif page_has(context, MAP_MARKER):
        app.add_css_file(STYLE)


def setup(app):
    app.setup_extension("stemcpd.site")
    app.add_directive("stemcpd-technician-sheets", TechnicianSheetsDirective)
    app.add_directive("stemcpd-module-map", ModuleMapDirective)
    app.connect("html-page-context", _add_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
