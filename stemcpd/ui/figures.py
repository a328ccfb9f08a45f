"""Figures for simulation views, and fast conversion of a figure to image bytes.

Views draw on a matplotlib :class:`~matplotlib.figure.Figure` with the Agg canvas
attached directly (no pyplot, so no global state and no GUI backend). Apps turn the
figure into PNG bytes for an ``ipywidgets.Image``; :class:`FrameRenderer` makes that
fast by drawing the unchanging parts (axes, ticks, labels, legend) once, caching them,
and on each update redrawing only the artists the view moves (blitting).
"""

from __future__ import annotations

import base64
import html
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

PRESENTATION_RC = {
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "lines.linewidth": 2.0,
}


def new_figure(width_px: int = 900, height_px: int = 400, dpi: int = 100, ncols: int = 1, nrows: int = 1,
               width_ratios=None, height_ratios=None):
    """Create a figure with the Agg canvas and a grid of axes.

    Args:
        width_px: width of the rendered image in pixels.
        height_px: height of the rendered image in pixels.
        dpi: dots per inch used for rendering.
        ncols: columns of axes.
        nrows: rows of axes.
        width_ratios: relative widths of the columns (default: equal).
        height_ratios: relative heights of the rows (default: equal).

    Returns:
        ``(figure, axes)`` where ``axes`` is a flat list of ``nrows * ncols`` axes, row by row.
    """
    import matplotlib

    with matplotlib.rc_context(PRESENTATION_RC):
        figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(
            nrows, ncols, squeeze=False, width_ratios=width_ratios, height_ratios=height_ratios
        ).ravel().tolist()
    return figure, axes


def encode_png(rgba: np.ndarray, compress_level: int = 1) -> bytes:
    """Encode an RGBA pixel array as PNG (low compression: fast, slightly larger)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgba[..., :3])).save(
        buffer, format="PNG", compress_level=compress_level
    )
    return buffer.getvalue()


def figure_to_png(figure) -> bytes:
    """Draw the whole figure and return PNG bytes (the slow, always-correct path)."""
    figure.canvas.draw()
    return encode_png(np.asarray(figure.canvas.buffer_rgba()))


def png_to_html(png: bytes, alt_text: str, caption: str | None = None) -> str:
    """An ``<img>`` with the PNG inlined and its alt text, for static pages."""
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(alt_text, quote=True)
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="stemcpd-figure"><img src="data:image/png;base64,{data}" alt="{alt}" '
        f'style="max-width:100%;height:auto"/>{caption_html}</figure>'
    )


class FrameRenderer:
    """Render a figure to PNG bytes, redrawing only the artists that move.

    The first render, and any render after an axis limit changes or :meth:`invalidate`
    is called, draws the full figure without the moving artists and keeps that image as
    the background. Later renders paste the background and draw the moving artists on
    top, which is many times faster than a full draw.

    Args:
        figure: a figure with an Agg canvas (see :func:`new_figure`).
        moving_artists: the artists the view updates (lines, markers, texts).
        compress_level: PNG compression level, 0–9 (1 is fast and compact enough).
    """

    def __init__(self, figure, moving_artists, compress_level: int = 1):
        self.figure = figure
        self.moving_artists = list(moving_artists)
        self.compress_level = compress_level
        for artist in self.moving_artists:
            artist.set_animated(True)
        self._background = None
        self._background_key = None

    def invalidate(self) -> None:
        """Force the next render to redraw the background (after a static change)."""
        self._background_key = None

    def _layout_key(self):
        return tuple((ax.get_xlim(), ax.get_ylim()) for ax in self.figure.axes)

    def render_rgba(self) -> np.ndarray:
        """Draw the current frame and return its pixels (height × width × 4, uint8)."""
        canvas = self.figure.canvas
        key = self._layout_key()
        if key != self._background_key:
            canvas.draw()  # animated artists are skipped here
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._background_key = key
        else:
            canvas.restore_region(self._background)
        for artist in self.moving_artists:
            self.figure.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())

    def render_png(self) -> bytes:
        """Draw the current frame and return it as PNG bytes."""
        return encode_png(self.render_rgba(), self.compress_level)
