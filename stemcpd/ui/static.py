"""Live widgets in notebooks, plain HTML on the static course site.

Jupyter shows the richest output a cell offers. A stemcpd object that displays a widget
also offers ``text/html`` (what the page would show without a kernel) and ``text/plain``
(a description); the book's configuration ranks ``text/html`` above the widget view, so
the static site never shows an empty widget placeholder.
"""

from __future__ import annotations


def mimebundle_with_static_fallback(widget, static_html: str, text: str, **kwargs) -> dict:
    """The widget's own mime bundle plus a static HTML and a plain-text version."""
    bundle = widget._repr_mimebundle_(**kwargs)
    bundle["text/html"] = static_html
    bundle["text/plain"] = text
    return bundle
