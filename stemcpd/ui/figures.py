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
import struct
import zlib
from collections import OrderedDict

import numpy as np
import math

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
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
        TextCachingCanvasAgg(figure)
        axes = figure.subplots(
            nrows, ncols, squeeze=False, width_ratios=width_ratios, height_ratios=height_ratios
        ).ravel().tolist()
    return figure, axes


class _GlyphImageRecorder:
    """Stands in for Agg's C++ renderer while one text is drawn, keeping each glyph's
    coverage bitmap and where it went instead of painting it."""

    def __init__(self):
        self.glyphs = []

    def draw_text_image(self, image, x, y, angle, gc):
        self.glyphs.append((np.array(image, dtype=np.uint8, copy=True), int(x), int(y)))


class TextCachingRendererAgg(RendererAgg):
    """Agg renderer that draws a plain (non-math) text from a kept coverage image.

    Matplotlib renders a text glyph by glyph through FreeType on every draw (about
    0.15–0.4 ms a character), so a moving label of 40 characters costs more than every
    curve in the frame. The first draw of a text records each glyph's bitmap and merges
    them into one coverage image (a pixel two glyphs both touch gets 1 − (1 − a)(1 − b),
    which is what painting one over the other in the same colour gives); later draws of
    the same text, font, angle and sub-pixel position paste that image in one call, in
    the text's current colour. FreeType places glyphs to 1/64 pixel, so a text moved by
    whole pixels has the same glyphs shifted: the key holds the fractional part of the
    position and the image is placed relative to the whole part.
    """

    texts_kept = 512

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self._text_images: OrderedDict = OrderedDict()

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not s:
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        whole_x, whole_y = math.floor(x), math.floor(y)
        features = (tuple(mtext.get_fontfeatures() or ()), mtext.get_language()) if mtext is not None else None
        key = (s, hash(prop), angle, bool(gc.get_antialiased()), x - whole_x, y - whole_y, features)
        kept = self._text_images.get(key)
        if kept is None:
            real, recorder = self._renderer, _GlyphImageRecorder()
            self._renderer = recorder
            try:
                super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            finally:
                self._renderer = real
            kept = _merge_glyph_images(recorder.glyphs, whole_x, whole_y)
            self._text_images[key] = kept
            while len(self._text_images) > self.texts_kept:
                self._text_images.popitem(last=False)
        else:
            self._text_images.move_to_end(key)
        if kept is not None:
            image, offset_x, offset_bottom = kept
            self._renderer.draw_text_image(image, whole_x + offset_x, whole_y + offset_bottom, 0, gc)


def _merge_glyph_images(glyphs, whole_x: int, whole_y: int):
    """One coverage image for a text's glyphs: ``(image, x offset, bottom offset)`` from
    the text's whole-pixel position, or None when nothing is drawn (spaces only)."""
    glyphs = [(image, x, bottom) for image, x, bottom in glyphs if image.size]
    if not glyphs:
        return None
    left = min(x for image, x, bottom in glyphs)
    right = max(x + image.shape[1] for image, x, bottom in glyphs)
    top = min(bottom - image.shape[0] for image, x, bottom in glyphs)
    bottom = max(bottom for image, x, bottom in glyphs)
    uncovered = np.ones((bottom - top, right - left))
    for image, x, glyph_bottom in glyphs:
        rows = slice(glyph_bottom - image.shape[0] - top, glyph_bottom - top)
        uncovered[rows, x - left:x - left + image.shape[1]] *= 1.0 - image / 255.0
    merged = np.round((1.0 - uncovered) * 255.0).astype(np.uint8)
    return merged, left - whole_x, bottom - whole_y


class TextCachingCanvasAgg(FigureCanvasAgg):
    """The Agg canvas with :class:`TextCachingRendererAgg` (every view's figure uses it)."""

    def get_renderer(self):
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = TextCachingRendererAgg(width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def encode_png(rgba: np.ndarray, compress_level: int = 1) -> bytes:
    """Encode an RGBA pixel array as an RGB PNG (low compression: fast, slightly larger).

    The PNG is written here (signature, IHDR, one IDAT, IEND) with the standard library's
    zlib rather than through Pillow: Pillow tries every PNG row filter on every row and
    keeps the best, which takes half of a slider update (about 11 ms for a 1000 × 420
    frame); rows with no filter, deflated at level 1, take about 5 ms and come out within
    15 % of the size. Any PNG reader decodes the result (tests check it round-trips).
    """
    height, width = rgba.shape[:2]
    channels = 3 if rgba.ndim == 3 and rgba.shape[2] >= 3 else 1
    rows = np.empty((height, width * channels + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 (none) on every row
    if channels == 3:
        rows[:, 1:].reshape(height, width, 3)[...] = rgba[..., :3]
    else:
        rows[:, 1:] = rgba.reshape(height, width)
    compressor = zlib.compressobj(int(compress_level), zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY)
    data = compressor.compress(rows) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if channels == 3 else 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data) + _png_chunk(b"IEND", b"")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


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


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


class LayoutCache:
    """Remember where constrained layout put the axes, for each set of texts it laid out.

    Constrained layout measures every tick label, title and legend on each full draw;
    that is about half the cost of a full draw, and a full draw happens whenever an axis
    limit moves. The layout depends only on the texts around the axes, so it is cached
    under a key made of them: titles, axis labels, legend texts, static axes texts, the
    figure's texts and each axis's visible tick labels (the end ones and the set of shapes) with every
    digit written as 0
    (matplotlib's default font gives all digits one width, so "2.5" and "7.5" take the
    same room). A known key puts the axes back where the layout engine put them, without
    measuring anything; a new key runs the engine and is remembered.

    Args:
        figure: a figure whose layout engine is constrained layout (see :func:`new_figure`);
            for any other engine nothing is cached.
    """

    def __init__(self, figure):
        self.figure = figure
        self.positions: dict = {}
        self.hits = 0
        engine = figure.get_layout_engine()
        if engine is None or type(engine).__name__ != "ConstrainedLayoutEngine" or getattr(engine, "_stemcpd_cache", None):
            return
        run_layout = engine.execute

        def execute(fig):
            key = self.key()
            cached = self.positions.get(key)
            if cached is not None and len(cached) == len(fig.axes):
                for axes, position in zip(fig.axes, cached):
                    axes._set_position(position)  # as the engine does: original and active
                self.hits += 1
                return None
            result = run_layout(fig)
            self.positions[key] = [axes.get_position(original=True).frozen() for axes in fig.axes]
            return result

        engine.execute = execute
        engine._stemcpd_cache = self

    def key(self) -> tuple:
        """The texts that decide the layout (see the class docstring)."""
        figure = self.figure
        parts = [tuple((text.get_text(), text.get_position()) for text in figure.texts if text.get_visible())]
        for axes in figure.axes:
            legend = axes.get_legend()
            parts.append((
                axes.get_visible(), axes.get_title(), axes.get_title("left"), axes.get_title("right"),
                axes.get_xlabel(), axes.get_ylabel(),
                tuple(text.get_text() for text in legend.get_texts()) if legend is not None and legend.get_visible() else None,
                tuple((text.get_text(), text.get_position()) for text in axes.texts
                      if text.get_visible() and not text.get_animated()),
                _tick_label_shapes(axes.xaxis), _tick_label_shapes(axes.yaxis),
            ))
        return tuple(parts)


def _tick_label_shapes(axis) -> tuple:
    """The visible major tick labels of ``axis``, digits written as 0, and its offset text."""
    if not axis.get_visible():
        return ()
    low, high = sorted(axis.get_view_interval())
    span = (high - low) * 1e-9
    locations = [value for value in axis.get_majorticklocs() if low - span <= value <= high + span]
    formatter = axis.get_major_formatter()
    labels = formatter.format_ticks(locations) if locations else []
    offset = formatter.get_offset() if hasattr(formatter, "get_offset") else ""
    shapes = [label.translate(_DIGITS_AS_ZERO) for label in labels]
    # The widest label sets the margin beside a y axis; the end labels' overhang sets it
    # at the ends of an x axis: how many labels there are changes neither.
    return (shapes[0] if shapes else "", shapes[-1] if shapes else "", tuple(sorted(set(shapes))),
            offset.translate(_DIGITS_AS_ZERO))


class FrameRenderer:
    """Render a figure to PNG bytes, redrawing only the artists that move.

    The first render, and any render after an axis limit changes, the view's
    :attr:`static_key` changes or :meth:`invalidate` is called, draws the full figure
    without the moving artists and keeps that image as the background. Later renders paste
    the background and draw the moving artists on top, which is many times faster than a
    full draw.

    The last ``backgrounds_kept`` backgrounds are kept, each under its key (the view's
    static key and every axis's limits) with the axes' positions, so a slider dragged back
    over settings it has shown, or a choice switched back, pastes its background instead
    of drawing the whole figure again. A view whose static parts depend on a setting (a
    choice of substance, a ladder of axis ranges) names that setting in
    :meth:`set_static_key`; a change it cannot name calls :meth:`invalidate`, which
    forgets every kept background.

    Args:
        figure: a figure with an Agg canvas (see :func:`new_figure`).
        moving_artists: the artists the view updates (lines, markers, texts).
        compress_level: PNG compression level, 0–9 (1 is fast and compact enough).
        backgrounds_kept: how many backgrounds to keep (about 1.8 MB each at 1000 × 440).
    """

    def __init__(self, figure, moving_artists, compress_level: int = 1, backgrounds_kept: int = 16):
        self.figure = figure
        self.moving_artists = list(moving_artists)
        self.compress_level = compress_level
        self.backgrounds_kept = backgrounds_kept
        for artist in self.moving_artists:
            artist.set_animated(True)
        self.layout_cache = LayoutCache(figure)
        self.static_key = None
        self._backgrounds: OrderedDict = OrderedDict()  # key -> (pixels, axes positions)
        self._current_key = None
        self.full_draws = 0

    def set_static_key(self, key) -> None:
        """Name the state of the figure's static parts (any hashable value): the view
        calls this whenever it changes something that is part of the background (a
        title, a drawn apparatus, tick labels set by hand), with a key that is equal
        exactly when that static content is equal."""
        self.static_key = key

    def invalidate(self) -> None:
        """Forget every kept background: the next render draws the whole figure (after a
        static change the view cannot name with :meth:`set_static_key`)."""
        self._backgrounds.clear()
        self._current_key = None

    def _layout_key(self):
        return tuple((ax.get_xlim(), ax.get_ylim()) for ax in self.figure.axes)

    def background_key(self):
        """The key the current background is kept under: static key and axis limits."""
        return (self.static_key, self._layout_key())

    def render_rgba(self) -> np.ndarray:
        """Draw the current frame and return its pixels (height × width × 4, uint8)."""
        canvas = self.figure.canvas
        key = self.background_key()
        kept = self._backgrounds.get(key)
        if kept is None:
            canvas.draw()  # animated artists are skipped here
            positions = [(axes.get_position(original=True).frozen(), axes.get_position().frozen())
                         for axes in self.figure.axes]
            self._backgrounds[key] = (canvas.copy_from_bbox(self.figure.bbox), positions)
            self.full_draws += 1
            while len(self._backgrounds) > self.backgrounds_kept:
                self._backgrounds.popitem(last=False)
        else:
            self._backgrounds.move_to_end(key)
            background, positions = kept
            if key != self._current_key:  # the layout this background was drawn with
                for axes, (original, active) in zip(self.figure.axes, positions):
                    axes._set_position(original, which="original")
                    axes._set_position(active, which="active")
            canvas.restore_region(background)
        self._current_key = key
        for artist in self.moving_artists:
            self.figure.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())

    def render_png(self) -> bytes:
        """Draw the current frame and return it as PNG bytes."""
        return encode_png(self.render_rgba(), self.compress_level)
