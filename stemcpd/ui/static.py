"""Live widgets in notebooks, plain HTML on the static course site.

Jupyter shows the richest output a cell offers. A stemcpd object that displays a widget
also offers ``text/html`` (what the page would show without a kernel) and ``text/plain``
(a description); the book's configuration ranks ``text/html`` above the widget view, so
the static site never shows an empty widget placeholder.
"""

from __future__ import annotations

import base64
import html
import itertools

_FIGURE_IDS = itertools.count(1)

# Runs in the browser when the range input moves: show frame i, hide the others, and
# copy its description into the live region and the value into the <output>. No
# physics here: every frame was computed by the model and drawn by the view.
_ON_INPUT = (
    "var f=this.closest('figure'),i=+this.value,k=0;"
    "f.querySelectorAll('img.stemcpd-frame').forEach(function(im){im.hidden=(k++!==i);"
    "if(!im.hidden){f.querySelector('.stemcpd-static-description').textContent=im.alt;"
    "f.querySelector('output').textContent=im.dataset.label;"
    "this.setAttribute('aria-valuetext',im.dataset.label);}}.bind(this));"
)


def mimebundle_with_static_fallback(widget, static_html: str, text: str, **kwargs) -> dict:
    """The widget's own mime bundle plus a static HTML and a plain-text version."""
    bundle = widget._repr_mimebundle_(**kwargs)
    bundle["text/html"] = static_html
    bundle["text/plain"] = text
    return bundle


def compact_png(png: bytes) -> bytes:
    """The same picture in far fewer bytes: plots use few colours, so a 256-colour
    palette PNG with full compression looks identical (pages carry many frames)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def frames_html(label: str, frames, selected: int, note: str = "") -> str:
    """A kernel-free interactive figure: a labelled range input that swaps between
    precomputed frames, with the matching description in an ARIA live region.

    Args:
        label: what the range input sets, e.g. ``"Length (m)"``.
        frames: ``[(value_label, png_bytes, description), ...]`` in slider order.
        selected: index of the frame shown first.
        note: a sentence under the figure (e.g. where to change other settings).
    """
    number = next(_FIGURE_IDS)
    input_id = f"stemcpd-static-{number}"
    images = []
    for index, (value_label, png, description) in enumerate(frames):
        data = base64.b64encode(compact_png(png)).decode("ascii")
        images.append(
            f'<img class="stemcpd-frame" src="data:image/png;base64,{data}" '
            f'alt="{html.escape(description, quote=True)}" data-label="{html.escape(value_label, quote=True)}" '
            f'style="max-width:100%;height:auto"{"" if index == selected else " hidden"}/>'
        )
    first_label, _, first_text = frames[selected]
    note_html = f'<p class="stemcpd-static-note"><em>{html.escape(note)}</em></p>' if note else ""
    return (
        f'<figure class="stemcpd-static-sim">'
        f'<p><label for="{input_id}">{html.escape(label)}: </label>'
        f'<output for="{input_id}">{html.escape(first_label)}</output></p>'
        f'<input type="range" id="{input_id}" min="0" max="{len(frames) - 1}" step="1" value="{selected}" '
        f'aria-valuetext="{html.escape(first_label, quote=True)}" style="width:100%;max-width:34em" '
        f'oninput="{html.escape(_ON_INPUT, quote=True)}"/>'
        + "".join(images)
        + f'<p class="stemcpd-static-description" aria-live="polite">{html.escape(first_text)}</p>'
        + note_html
        + "</figure>"
    )
