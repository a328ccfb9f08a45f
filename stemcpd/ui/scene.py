"""Record what matplotlib draws as data, so a browser can draw it again on a canvas.

The static course site cannot run Python, and one picture per playback frame at every
setting of every control would not fit the site's budget (see ARCHITECTURE.md). So the
site ships what the Python view draws as *data*: :class:`SceneRecorder` is a matplotlib
renderer that, instead of rasterising, writes each draw call down in display (pixel)
coordinates — a path with its fill, stroke, line width, dashes and clip; a marker or
particle shape once with the list of places it is stamped; text as the glyph outlines
matplotlib itself would fill. One generic player (``stemcpd-player.js``) replays those
commands on a ``<canvas>``. The recorder knows nothing about any simulation.

Coordinates are in tenths of a pixel, as integers, with y measured down from the top
(as a canvas measures it), so the JSON stays compact and exact to 0.1 px.

Command shapes (short keys keep the JSON small):

``{"t": "p", "v": [x, y, ...], "c": "MLQ...", "f": fill, "s": stroke, "w": width,
"d": [dash, ...], "o": dash offset, "j": join, "k": cap, "r": [x, y, w, h], "q": clip}``
    a path. ``c`` has one letter per vertex (M move, L line, Q quadratic, C cubic)
    plus ``Z`` (close, no vertex); it is left out for a plain polyline (M then L…).
    ``f`` / ``s`` are CSS colours or absent (no fill / no stroke).
    ``h`` (optional) is a hatch ``[cell, colour, width]``: the cell indexes the recorder's
    :attr:`SceneRecorder.hatches` (each a ``z``-pixel tile of lines ``v``/``c``), stroked
    in ``colour`` at ``width`` pixels and tiled over the filled path.
``{"t": "m", "v": …, "c": …, "x": [x, y, ...], …}``
    a marker: the shape ``v`` (relative to its centre) stamped at each offset ``x``.
``{"t": "n", "shapes": [{"v", "c"}, ...], "x": [...], "si": [...], "fills": [...],
"fi": [...], "strokes": [...], "ki": [...], "widths": [...], "wi": [...]}``
    a collection (particles): each item is shape ``si[i]`` at offset ``x[2i:2i+2]``
    filled with ``fills[fi[i]]`` and stroked with ``strokes[ki[i]]`` at
    ``widths[wi[i]]``; an index list is left out when every item uses entry 0.
``{"t": "g", "g": [glyph id, x, y, ...], "m": [x, y, angle, size], "f": fill,
"s": [scale, ...], "rects": [{"v", "c"}, ...]}``
    text: glyphs from the recorder's shared table :attr:`SceneRecorder.glyphs` (font
    units, y down), placed at font-unit offsets (y down), the whole line at canvas point
    ``x, y`` rotated by ``angle`` degrees and scaled by ``size`` pixels per font unit;
    mathematical text adds rectangles (fraction bars) in the same units.
``{"t": "i", "x": x, "y": y, "w": w, "h": h, "png": base64}``
    an image.
"""

from __future__ import annotations

import base64
import io
import json

import numpy as np
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

SCALE = 10  # coordinates are stored in tenths of a pixel

_CODE_LETTERS = {Path.MOVETO: "M", Path.LINETO: "L", Path.CURVE3: "Q", Path.CURVE4: "C", Path.CLOSEPOLY: "Z"}
_LETTER_TABLE = np.array([_CODE_LETTERS.get(code, "") for code in range(256)])
_CAPS = {"butt": "butt", "round": "round", "projecting": "square"}


def css_colour(rgba) -> str | None:
    """A matplotlib RGBA tuple (0–1) as ``#rrggbb`` or ``#rrggbbaa``; ``None`` when
    fully transparent (nothing to draw)."""
    if rgba is None:
        return None
    red, green, blue = (int(round(float(channel) * 255)) for channel in rgba[:3])
    alpha = float(rgba[3]) if len(rgba) > 3 else 1.0
    if alpha <= 0.0:
        return None
    if alpha >= 1.0:
        return f"#{red:02x}{green:02x}{blue:02x}"
    return f"#{red:02x}{green:02x}{blue:02x}{int(round(alpha * 255)):02x}"


def _encode_vertices(vertices: np.ndarray, codes: np.ndarray | None, height: float, offset_y: bool = True,
                     flip: bool = True):
    """Flat tenth-pixel integers (y flipped to run downwards) and the code string
    (``None`` for a plain polyline)."""
    if codes is None:
        codes = np.full(len(vertices), Path.LINETO, dtype=np.uint8)
        if len(codes):
            codes[0] = Path.MOVETO
    codes = np.asarray(codes)
    keep = (codes != Path.STOP) & (codes != Path.CLOSEPOLY)
    points = vertices[keep].astype(float)
    if flip:
        points[:, 1] = (height - points[:, 1]) if offset_y else -points[:, 1]
    flat = np.round(points * SCALE).astype(np.int64).ravel().tolist()
    codes = codes[codes != Path.STOP]
    if len(codes) and codes[0] == Path.MOVETO and np.all(codes[1:] == Path.LINETO):
        return flat, None
    return flat, "".join(_LETTER_TABLE[codes].tolist())


class SceneRecorder(RendererBase):
    """A matplotlib renderer that records draw calls instead of rasterising them.

    Text layout (sizes, descents) is measured by the figure's own Agg renderer, so every
    artist is placed exactly where Agg would place it.

    Args:
        figure: the figure whose artists will be drawn (its canvas must be Agg).

    Attributes:
        commands: the recorded commands, in drawing order.
    """

    def __init__(self, figure):
        super().__init__()
        self.figure = figure
        self._agg = figure.canvas.get_renderer()
        self.width, self.height = self._agg.width, self._agg.height
        self.dpi = figure.dpi
        self._flip = Affine2D().scale(1.0, -1.0).translate(0.0, self.height)
        self.commands: list[dict] = []
        self.glyphs: list[dict] = []  # glyph outlines in font units (y down), by id
        self.glyph_ids: dict = {}
        self.hatches: list[dict] = []  # hatch cells, by id
        self.hatch_ids: dict = {}

    # ----- what matplotlib asks a renderer -----------------------------------------
    def flipy(self):
        return False  # display coordinates, origin bottom left, as Agg

    def get_canvas_width_height(self):
        return self.width, self.height

    def points_to_pixels(self, points):
        return points * self.dpi / 72.0

    def get_text_width_height_descent(self, s, prop, ismath):
        return self._agg.get_text_width_height_descent(s, prop, ismath)

    def new_gc(self):
        return GraphicsContextBase()

    def take(self) -> list[dict]:
        """Return the commands recorded so far and start a new list."""
        commands, self.commands = self.commands, []
        return commands

    # ----- style shared by every command -------------------------------------------
    def _stroke_style(self, gc) -> dict:
        style: dict = {}
        width = self.points_to_pixels(gc.get_linewidth())
        stroke = gc.get_rgb()
        if gc.get_forced_alpha():
            stroke = (*stroke[:3], gc.get_alpha())
        colour = css_colour(stroke) if width > 0 else None
        if colour:
            style["s"] = colour
            style["w"] = round(width, 2)
            offset, dashes = gc.get_dashes()
            if dashes is not None and len(dashes):
                style["d"] = [round(self.points_to_pixels(d), 2) for d in dashes]
                if offset:
                    style["o"] = round(self.points_to_pixels(offset), 2)
            join = gc.get_joinstyle()
            if join and join != "round":
                style["j"] = join
            cap = _CAPS.get(gc.get_capstyle(), "butt")
            if cap != "butt":
                style["k"] = cap
        return style

    def _fill(self, gc, rgb_face):
        if rgb_face is None:
            return None
        rgb_face = tuple(rgb_face)
        if gc.get_forced_alpha():
            rgb_face = (*rgb_face[:3], gc.get_alpha())
        elif len(rgb_face) == 3:
            rgb_face = (*rgb_face, 1.0)
        return css_colour(rgb_face)

    def _clip(self, gc) -> dict:
        clip: dict = {}
        rectangle = gc.get_clip_rectangle()
        if rectangle is not None:
            x0, y0, x1, y1 = rectangle.extents
            clip["r"] = [round(x0 * SCALE), round((self.height - y1) * SCALE),
                         round((x1 - x0) * SCALE), round((y1 - y0) * SCALE)]
        clip_path, clip_transform = gc.get_clip_path()
        if clip_path is not None:
            cleaned = clip_path.cleaned(transform=clip_transform, remove_nans=True, curves=True)
            vertices, codes = _encode_vertices(cleaned.vertices, cleaned.codes, self.height)
            clip["q"] = {"v": vertices, **({"c": codes} if codes else {})}
        return clip

    # ----- draw calls ----------------------------------------------------------------
    def draw_path(self, gc, path, transform, rgbFace=None):
        style = self._stroke_style(gc)
        fill = self._fill(gc, rgbFace)
        if fill is None and not style:
            return
        # Into canvas coordinates (y down) before snapping, as Agg snaps after its flip.
        cleaned = path.cleaned(
            transform=transform + self._flip, remove_nans=True, simplify=path.should_simplify, curves=True,
            stroke_width=self.points_to_pixels(gc.get_linewidth()), snap=gc.get_snap(),
        )
        if not len(cleaned.vertices):
            return
        vertices, codes = _encode_vertices(cleaned.vertices, cleaned.codes, 0.0, offset_y=False, flip=False)
        if not vertices:
            return
        command = {"t": "p", "v": vertices}
        if codes:
            command["c"] = codes
        if fill:
            command["f"] = fill
        command.update(style)
        hatch = self._hatch(gc)
        if hatch is not None:
            command["h"] = hatch
        command.update(self._clip(gc))
        self.commands.append(command)

    def _hatch(self, gc):
        """A hatch as Agg tiles it: one cell of ``dpi`` pixels of stroked lines, as
        ``[cell id, colour, width]``."""
        if not gc.get_hatch():
            return None
        hatch_path = gc.get_hatch_path()
        colour = css_colour(gc.get_hatch_color() if gc.get_hatch_color() is not None else (0, 0, 0, 1))
        if hatch_path is None or colour is None:
            return None
        size = int(round(self.dpi))
        cell = hatch_path.cleaned(transform=Affine2D().scale(size, -size).translate(0, size), curves=True)
        vertices, codes = _encode_vertices(cell.vertices, cell.codes, 0.0, flip=False)
        cell = {"v": vertices, "z": size}
        if codes:
            cell["c"] = codes
        key = json.dumps(cell, sort_keys=True)
        if key not in self.hatch_ids:  # a table, like the glyphs: a dotted hatch is large
            self.hatch_ids[key] = len(self.hatches)
            self.hatches.append(cell)
        return [self.hatch_ids[key], colour, round(self.points_to_pixels(gc.get_hatch_linewidth()), 2)]

    def draw_markers(self, gc, marker_path, marker_trans, path, trans, rgbFace=None):
        style = self._stroke_style(gc)
        fill = self._fill(gc, rgbFace)
        if fill is None and not style:
            return
        offsets = trans.transform(path.vertices)
        offsets = offsets[np.isfinite(offsets).all(axis=1)]
        if not len(offsets):
            return
        shape = marker_path.cleaned(transform=marker_trans, curves=True)
        vertices, codes = _encode_vertices(shape.vertices, shape.codes, self.height, offset_y=False)
        offsets = offsets.astype(float)
        offsets[:, 1] = self.height - offsets[:, 1]
        command = {"t": "m", "v": vertices, "x": np.round(offsets * SCALE).astype(np.int64).ravel().tolist()}
        if codes:
            command["c"] = codes
        if fill:
            command["f"] = fill
        command.update(style)
        command.update(self._clip(gc))
        self.commands.append(command)

    def draw_path_collection(self, gc, master_transform, paths, all_transforms, offsets, offset_trans,
                             facecolors, edgecolors, linewidths, linestyles, antialiaseds, urls,
                             offset_position, *, hatchcolors=None):
        # One shape per distinct (path, transform); items refer to shapes by index, so a
        # box of 400 identical particles stores one circle and 400 offsets.
        offsets = np.asarray(offsets, dtype=float).reshape(-1, 2)
        all_transforms = np.asarray(all_transforms, dtype=float).reshape(-1, 3, 3)
        raw_count = max(len(paths), len(all_transforms)) if len(paths) else 0
        count = max(raw_count, len(offsets)) if raw_count else 0
        if not count:
            return
        if len(offsets):
            placed = offset_trans.transform(offsets) if offset_trans is not None else offsets
            placed = placed[np.arange(count) % len(placed)]
        else:
            placed = np.zeros((count, 2))
        # Distinct (path, transform) pairs only: an EllipseCollection gives every item its
        # own (usually identical) transform.
        raw = np.arange(raw_count)
        path_of_raw = raw % len(paths)
        if len(all_transforms):
            rounded = np.round(all_transforms.reshape(len(all_transforms), 9), 6)[raw % len(all_transforms)]
            keys = np.column_stack([path_of_raw, rounded])
        else:
            keys = path_of_raw[:, None].astype(float)
        unique_keys, first_raw, raw_to_unique = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        shapes, shape_keys, unique_to_shape = [], {}, []
        for raw_index in first_raw:
            transform = master_transform
            if len(all_transforms):
                transform = Affine2D(all_transforms[raw_index % len(all_transforms)]) + master_transform
            cleaned = paths[raw_index % len(paths)].cleaned(transform=transform, curves=True)
            vertices, codes = _encode_vertices(cleaned.vertices, cleaned.codes, self.height, offset_y=False)
            key = (tuple(vertices), codes)
            if key not in shape_keys:
                shape_keys[key] = len(shapes)
                shapes.append({"v": vertices, **({"c": codes} if codes else {})})
            unique_to_shape.append(shape_keys[key])
        path_index = np.asarray(unique_to_shape)[np.asarray(raw_to_unique).ravel()]
        items = np.arange(count)
        finite = np.isfinite(placed).all(axis=1)
        items = items[finite]
        placed = placed[finite]
        placed[:, 1] = self.height - placed[:, 1]
        command = {"t": "n", "shapes": shapes, "x": np.round(placed * SCALE).astype(np.int64).ravel().tolist()}
        shape_of_item = np.asarray(path_index)[items % len(path_index)]
        if len(shapes) > 1:
            command["si"] = shape_of_item.tolist()
        alpha = gc.get_alpha() if gc.get_forced_alpha() else None

        def palette(colours, key, index_key):
            colours = np.asarray(colours, dtype=float).reshape(-1, 4) if len(colours) else np.zeros((0, 4))
            if alpha is not None and len(colours):
                colours = colours.copy()
                colours[:, 3] = alpha
            names = [css_colour(colour) for colour in colours]
            if not names or all(name is None for name in names):
                return
            table, index_of = [], {}
            indexes = []
            for item in items:
                name = names[item % len(names)]
                if name not in index_of:
                    index_of[name] = len(table)
                    table.append(name)
                indexes.append(index_of[name])
            command[key] = table
            if len(table) > 1:
                command[index_key] = indexes

        palette(facecolors, "fills", "fi")
        if len(linewidths) and np.any(np.asarray(linewidths) > 0):
            palette(edgecolors, "strokes", "ki")
            if "strokes" in command:
                widths = [round(self.points_to_pixels(float(w)), 2) for w in np.asarray(linewidths).ravel()]
                table = sorted(set(widths), key=widths.index)
                command["widths"] = table
                if len(table) > 1:
                    command["wi"] = [table.index(widths[item % len(widths)]) for item in items]
        if "fills" not in command and "strokes" not in command:
            return
        command.update(self._clip(gc))
        self.commands.append(command)

    def draw_image(self, gc, x, y, im, transform=None):
        from PIL import Image

        buffer = io.BytesIO()
        Image.fromarray(np.asarray(im)).save(buffer, format="PNG", optimize=True)
        height, width = im.shape[:2]
        command = {
            "t": "i", "x": round(x * SCALE), "y": round((self.height - y - height) * SCALE),
            "w": width, "h": height, "png": base64.b64encode(buffer.getvalue()).decode("ascii"),
        }
        command.update(self._clip(gc))
        self.commands.append(command)

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        # Glyph outlines from matplotlib's own fonts, each stored once in a table shared
        # by a whole simulation: the page needs no font file, the letters are the ones
        # Agg draws, and a changing number costs a few glyph references per frame.
        if ismath == "TeX":
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            return
        fill = self._fill(gc, gc.get_rgb())
        if fill is None:
            return
        text2path = self._text2path
        if ismath:
            glyph_info, glyph_map, rects = text2path.get_glyphs_mathtext(prop, s)
        else:
            font = text2path._get_font(prop)
            glyph_info, glyph_map, rects = text2path.get_glyphs_with_font(font, s)
        glyphs, scales = [], []
        for glyph_repr, x_position, y_position, scale in glyph_info:
            key = (glyph_repr, )
            if key not in self.glyph_ids:
                vertices, codes = glyph_map[glyph_repr]
                flat, letters = _encode_vertices(np.asarray(vertices, dtype=float).reshape(-1, 2),
                                                 np.asarray(codes), 0.0, offset_y=False)
                self.glyph_ids[key] = len(self.glyphs)
                self.glyphs.append({"v": flat, **({"c": letters} if letters else {})})
            glyphs += [self.glyph_ids[key], round(x_position * SCALE), round(-y_position * SCALE)]
            scales.append(round(float(scale), 4))
        if not glyphs and not rects:
            return
        size = self.points_to_pixels(prop.get_size_in_points()) / text2path.FONT_SCALE
        command = {"t": "g", "g": glyphs, "f": fill,
                   "m": [round(x * SCALE), round((self.height - y) * SCALE), round(float(angle), 3), round(size, 5)]}
        if any(scale != 1.0 for scale in scales):
            command["s"] = scales
        if rects:
            shapes = [_encode_vertices(np.asarray(v, dtype=float).reshape(-1, 2), np.asarray(c), 0.0, offset_y=False)
                      for v, c in rects]
            command["rects"] = [{"v": flat, **({"c": letters} if letters else {})} for flat, letters in shapes]
        command.update(self._clip(gc))
        self.commands.append(command)


def record_artists(recorder: SceneRecorder, artists, only_stale: bool = False) -> list:
    """Draw each artist with ``recorder``; one command list per artist.

    The figure must have been drawn once by its Agg canvas (so text is laid out). Reuse
    one recorder for a figure: matplotlib caches text metrics per renderer.

    Args:
        recorder: the recorder for the artists' figure.
        artists: artists in the order the figure's :class:`FrameRenderer` draws them.
        only_stale: record only artists changed since they were last recorded (``None``
            stands for an artist left out).
    """
    layers = []
    for artist in artists:
        if only_stale and not artist.stale:
            layers.append(None)
            continue
        if artist.get_visible():
            artist.draw(recorder)
        artist.stale = False
        layers.append(recorder.take())
    return layers
