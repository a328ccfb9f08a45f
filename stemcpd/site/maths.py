"""Maths on the course site as MathML written at build time: no maths script at all.

``stemcpd.site.maths`` is a Sphinx extension (listed in ``_config.yml``) that registers the
``mathml`` HTML maths renderer and selects it. Each ``$...$`` in a workbook or page becomes
a ``<math>`` element when the site is built (TeX to MathML by the pure-Python
``latex2mathml``), which every current browser draws and screen readers read as maths.

Why not MathJax: its smallest all-in-one file (``tex-chtml.js``) is 1.16 MB plus fonts, so
a workbook page with one formula could not stay within the 1.5 MB first-load budget, and
the formula appeared only after the script ran. The course's maths is school maths
(fractions, roots, powers, Greek letters, ``\\text``), which MathML Core shows natively.

A formula that ``latex2mathml`` cannot convert is a build warning naming the page (so a
strict build fails) and is shown as its TeX source, never dropped.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def tex_to_mathml(tex: str, *, display: bool) -> str:
    """One TeX formula as a ``<math>`` element (raises ValueError if it cannot be converted)."""
    from latex2mathml.converter import convert

    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises its own exception classes
        raise ValueError(f"{type(error).__name__}: {error}") from None
    # The TeX as alternative text: what a reader copies, and a fallback for assistive tools.
    return mathml.replace("<math ", f'<math alttext="{html.escape(tex.strip(), quote=True)}" ', 1)


def _converted(translator, node, tex: str, *, display: bool) -> str:
    try:
        return tex_to_mathml(tex, display=display)
    except ValueError as error:
        logger.warning("maths that cannot be shown as MathML (%s): %s", error, tex, location=node)
        return f'<code class="stemcpd-tex">{translator.encode(tex)}</code>'


def visit_inline_maths(translator, node: nodes.math) -> None:
    translator.body.append(translator.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    translator.body.append(_converted(translator, node, node.astext(), display=False) + "</span>")
    raise nodes.SkipNode


def visit_block_maths(translator, node: nodes.math_block) -> None:
    from sphinx.util.math import get_node_equation_number

    translator.body.append(translator.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("number"):
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, "Link to this equation")
        translator.body.append("</span>")
    # Blank-line separated equations in one block: one display formula each.
    parts = [part for part in node.astext().split("\n\n") if part.strip()] or [""]
    for part in parts:
        translator.body.append(_converted(translator, node, part, display=True))
    translator.body.append("</div>\n")
    raise nodes.SkipNode


def select_renderer(app, config) -> None:
    config.html_math_renderer = "mathml"


def setup(app):
    app.add_html_math_renderer("mathml", (visit_inline_maths, None), (visit_block_maths, None))
    app.connect("config-inited", select_renderer)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
