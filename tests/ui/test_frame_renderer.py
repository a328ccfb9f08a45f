"""The live apps' frame renderer: PNG bytes any reader decodes to the exact pixels, and
backgrounds kept per key so a setting shown before is pasted, not redrawn, with the
layout it was drawn with."""

import io

import numpy as np
from PIL import Image

from stemcpd.ui.figures import FrameRenderer, encode_png, figure_to_png, new_figure


def test_encode_png_round_trips_exactly():
    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    decoded = np.asarray(Image.open(io.BytesIO(encode_png(rgba))).convert("RGB"))
    assert decoded.shape == (37, 53, 3)
    np.testing.assert_array_equal(decoded, rgba[..., :3])
    grey = rng.integers(0, 256, size=(5, 7), dtype=np.uint8)
    np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(encode_png(grey)))), grey)
    # a real figure, and the compression level changes only the size
    figure, (axes,) = new_figure(400, 200)
    axes.plot([0, 1], [0, 1])
    fast, small = figure_to_png(figure), encode_png(np.asarray(figure.canvas.buffer_rgba()), compress_level=9)
    assert len(small) < len(fast)
    np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(fast))), np.asarray(Image.open(io.BytesIO(small))))


def _figure():
    figure, (left, right) = new_figure(600, 300, ncols=2)
    left.set_ylabel("height / m")
    (line,) = left.plot([0, 1], [0, 1])
    marker = right.text(0.5, 0.5, "moving", transform=right.transAxes)
    return figure, left, right, line, FrameRenderer(figure, [line, marker])


def _drawn_afresh(renderer):
    """The same frame with nothing kept: the whole background drawn, then the moving artists."""
    renderer.invalidate()
    return renderer.render_rgba().copy()


def test_a_limit_shown_before_is_pasted_with_its_own_layout():
    figure, left, right, line, renderer = _figure()
    left.set_ylim(0, 1)
    renderer.render_rgba()
    left.set_ylim(0, 100000)  # wider tick labels: another layout, the axes move right
    renderer.render_rgba()
    assert renderer.full_draws == 2
    left.set_ylim(0, 1)
    line.set_ydata([0.2, 0.8])
    frame = renderer.render_rgba().copy()
    assert renderer.full_draws == 2  # pasted, not drawn
    np.testing.assert_array_equal(frame, _drawn_afresh(renderer))


def test_static_key_and_invalidate_decide_when_the_background_is_drawn():
    figure, left, right, line, renderer = _figure()
    renderer.set_static_key("water")
    right.set_title("water")
    renderer.render_rgba()
    renderer.set_static_key("ethanol")
    right.set_title("ethanol")
    renderer.render_rgba()
    renderer.set_static_key("water")
    right.set_title("water")
    frame = renderer.render_rgba().copy()
    assert renderer.full_draws == 2
    np.testing.assert_array_equal(frame, _drawn_afresh(renderer))  # draws "water" again
    renderer.invalidate()  # a change the view cannot name: everything kept is forgotten
    renderer.render_rgba()
    renderer.set_static_key("ethanol")
    right.set_title("ethanol")
    renderer.render_rgba()
    assert renderer.full_draws == 5


def test_only_the_last_backgrounds_are_kept():
    figure, left, right, line, renderer = _figure()
    renderer.backgrounds_kept = 3
    for top in (1, 2, 3, 4):
        left.set_ylim(0, top)
        renderer.render_rgba()
    left.set_ylim(0, 1)  # the oldest was dropped
    renderer.render_rgba()
    assert renderer.full_draws == 5 and len(renderer._backgrounds) == 3


def test_kept_text_images_draw_the_same_pixels_as_matplotlib():
    """Texts pasted from kept coverage images (TextCachingRendererAgg) match matplotlib's
    glyph-by-glyph drawing to 1 level of 255: kerned pairs, accents, a rotated label, a boxed text, and a
    text moved by whole and by fractional pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from stemcpd.ui.figures import TextCachingCanvasAgg

    def frame(canvas_class, x):
        figure = Figure(figsize=(6, 3), dpi=100)
        canvas_class(figure)
        axes = figure.add_subplot()
        axes.plot([0, 1], [0, 1])
        axes.set_title("AVAV Wa Tö fi — 2.700 g/cm³")
        axes.set_ylabel("height / cm")
        axes.text(x, 0.5, "gradient = density\nliquid: 1.000 g/cm³", bbox={"facecolor": "white"}, color="C1")
        axes.text(0.6, 0.2, "rotated", rotation=30)
        figure.canvas.draw()
        figure.canvas.draw()  # the second draw pastes every kept text
        return np.asarray(figure.canvas.buffer_rgba()).copy()

    for x in (0.1, 0.1 + 1 / 480, 0.1 + 0.37 / 480):  # whole pixel and fractional moves
        difference = np.abs(frame(TextCachingCanvasAgg, x).astype(int) - frame(FigureCanvasAgg, x).astype(int))
        # Where two glyphs' edges overlap, one merged blend rounds once instead of twice:
        # at most 1 level in a few pixels, nowhere else.
        assert difference.max() <= 1
        assert np.count_nonzero(difference.any(axis=2)) <= 10
