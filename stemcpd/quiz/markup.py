"""Bank text (Markdown with ``$…$`` maths) to HTML that cannot carry script.

Two layers, so neither has to be perfect alone:

1. markdown-it-py's ``commonmark`` preset with ``html=False``: raw HTML in a bank
   (``<script>``, ``<img onerror=…>``) is escaped as text, and link targets with
   ``javascript:``, ``vbscript:``, ``file:`` or ``data:`` are refused. Maths
   (``$…$``, ``$$…$$``, via mdit-py-plugins' dollarmath) becomes MathML written here by
   ``latex2mathml``, as the course site writes its own maths (``stemcpd.site.maths``):
   no maths script runs anywhere, so TeX in a bank cannot become a link or a style.
   TeX that cannot be converted is shown as its escaped source.
2. :func:`sanitise`: an allowlist pass over that HTML (``html.parser``). Only the tags
   Markdown and MathML presentation markup produce survive, each with only the attributes listed in
   :data:`ALLOWED_ATTRIBUTES`; links must be relative, ``http(s):`` or ``mailto:``;
   images are replaced by their alt text (the site loads nothing from other hosts);
   ``<script>``/``<style>`` lose their content too. Every text and attribute value
   is re-escaped.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "a", "span", "div", "hr",
    "sub", "sup",
})
# MathML presentation elements latex2mathml writes: no href, no style, no events.
MATHML_TAGS = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac",
    "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded",
    "mphantom", "menclose", "semantics",
})
ALLOWED_TAGS = ALLOWED_TAGS | MATHML_TAGS
_MATHML_ATTRIBUTES = {"mathvariant", "stretchy", "fence", "separator", "accent", "accentunder", "lspace",
                      "rspace", "linethickness", "columnalign", "rowalign", "width", "height", "depth",
                      "notation", "scriptlevel", "displaystyle", "minsize", "maxsize", "movablelimits",
                      "symmetric", "largeop", "form"}
_MATHML_VALUE = re.compile(r"[A-Za-z0-9 .\-]{0,40}")
VOID_TAGS = frozenset({"br", "hr"})
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "textarea", "title"})
MATH_CLASS = "math notranslate nohighlight"
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
    "math": {"display", "alttext"},
    **{tag: _MATHML_ATTRIBUTES for tag in MATHML_TAGS - {"math"}},
}
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")
_CODE_CLASS = re.compile(r"language-[A-Za-z0-9_+\-]{1,30}")


def _safe_href(url: str) -> bool:
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", url)
    scheme = _SCHEME.match(squeezed)
    # No scheme: a relative link, which stays on the site.
    return scheme is None or scheme.group(1).lower() in ("http", "https", "mailto")


def _allowed_value(tag: str, name: str, value: str) -> bool:
    if name == "href":
        return _safe_href(value)
    if name == "class" and tag in ("span", "div"):
        return value == MATH_CLASS
    if name == "class" and tag == "code":
        return bool(_CODE_CLASS.fullmatch(value))
    if name == "start":
        return value.isdigit() and len(value) < 7
    if name == "display":
        return value in ("block", "inline")
    if name == "alttext":
        return len(value) <= 2000
    if tag in MATHML_TAGS:
        return bool(_MATHML_VALUE.fullmatch(value))
    return True


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open_tags: list[str] = []
        self.dropping = 0  # depth inside a tag whose content is dropped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping:
            return
        if tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(html.escape(alt))
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if name in ALLOWED_ATTRIBUTES.get(tag, ()) and _allowed_value(tag, name, value):
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        if tag == "a":
            kept.append(' rel="noopener noreferrer nofollow"')
        self.parts.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in DROPPED_WITH_CONTENT:
            self.dropping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open_tags:
            return
        while self.open_tags:  # close anything left open inside it
            open_tag = self.open_tags.pop()
            self.parts.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(html.escape(data))

    def result(self) -> str:
        self.close()
        return "".join(self.parts) + "".join(f"</{tag}>" for tag in reversed(self.open_tags))


def sanitise(fragment: str) -> str:
    """Keep only allowlisted tags and attributes of an HTML fragment; escape all text.

    Args:
        fragment: HTML, normally markdown-it's output.

    Returns:
        HTML with no script, event handler, style or unsafe link, whatever the input.
    """
    parser = _Sanitiser()
    parser.feed(fragment)
    return parser.result()


MAX_TEX_CHARACTERS = 500  # longer "maths" in a bank is shown as text, not converted


def _mathml(tex: str, display: bool) -> str:
    """TeX as MathML (sanitised afterwards like everything else), or the escaped TeX."""
    tex = tex.strip()
    if len(tex) <= MAX_TEX_CHARACTERS:
        try:
            from stemcpd.site.maths import tex_to_mathml

            return tex_to_mathml(tex, display=display)
        except Exception:  # noqa: BLE001 - any converter failure falls back to the source
            pass
    return html.escape(f"\\[{tex}\\]" if display else f"\\({tex}\\)")


def _math_inline(renderer, tokens, index, options, env) -> str:
    return f'<span class="{MATH_CLASS}">{_mathml(tokens[index].content, False)}</span>'


def _math_block(renderer, tokens, index, options, env) -> str:
    return f'<div class="{MATH_CLASS}">{_mathml(tokens[index].content, True)}</div>\n'


@functools.lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    markdown = MarkdownIt("commonmark", {"html": False}).use(dollarmath_plugin)
    markdown.add_render_rule("math_inline", _math_inline)
    markdown.add_render_rule("math_inline_double", _math_inline)
    markdown.add_render_rule("math_block", _math_block)
    markdown.add_render_rule("math_block_label", _math_block)
    return markdown


@functools.lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Bank Markdown (paragraphs, lists, emphasis, ``$…$`` maths) as sanitised HTML blocks."""
    return sanitise(_markdown().render(text or "")).strip()


@functools.lru_cache(maxsize=4096)
def markdown_inline_html(text: str) -> str:
    """One line of bank Markdown (an option's text) as sanitised inline HTML, no ``<p>``."""
    return sanitise(_markdown().renderInline(" ".join((text or "").split()))).strip()
