"""The data the static site's simulation player draws: every control, time that runs.

The site cannot run Python, so at build time each simulation on a page is computed by
its own model and drawn by its own view, and what the view draws is written down as
data for one generic browser player (``stemcpd/site/static/stemcpd-player.js``):

* **Settings, one factor at a time.** For every control, a handful of values across its
  range on round steps (always the workbook's value and any preset's), with every other
  control at the workbook's setting — a fair test, as the workbooks' "Try this" tasks
  are written. Each setting carries ``describe()``, the readout, and a short summary
  for the screen-reader live region.
* **Background plus moving artists.** Each view already splits its figure into a static
  background and ``view.renderer.moving_artists`` (what :class:`FrameRenderer` blits).
  The background is rasterised by Agg with the moving artists hidden and stored once
  per distinct picture (axis limits snap to round steps, so many settings share one).
  The moving artists are recorded as vector commands by
  :class:`~stemcpd.ui.scene.SceneRecorder`.
* **Time that runs.** Where an app plays back its run (``playback_frames > 0``) each
  setting carries :data:`PLAYBACK_FRAMES` + 1 moments, drawn with ``view.show_time``
  exactly as the live app draws them; a moment stores only the artists that changed.

Why data rather than pictures: one PNG per frame, 61 frames, ~45 settings per app and
~30 simulations on the site would be ~80 000 pictures (~4 GB at ~50 kB each), far over
the site's 300 MB budget; recorded moving artists cost a few kB per frame instead.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
from html.parser import HTMLParser
import io
import json
import math
from pathlib import Path
import re

import numpy as np

DATA_VERSION = "2"  # 2: choice controls (kind, widget, named values)  # bump when the data format changes: every key changes with it
PLAYBACK_FRAMES = 60  # moments after the start: 61 states, 3 s at 20 frames a second
PLAYBACK_FPS = 20
FIRST_BACKGROUND = "bg-first.png"  # the opening setting's background, by a fixed name
MAX_VALUES_PER_CONTROL = 10  # round-step values across a control's range (then the workbook's and presets')


# ----- values for each control ----------------------------------------------------------
def _round_to_step(value: float, control) -> float | int:
    steps = round((value - control.minimum) / control.step)
    value = control.minimum + steps * control.step
    value = min(max(value, control.minimum), control.maximum)
    if control.integer:
        return int(round(value))
    return round(value, control.decimals + 3)


def _grid(control, step: float) -> list:
    first = math.ceil(control.minimum / step - 1e-9) * step
    count = int(math.floor((control.maximum - first) / step + 1e-9)) + 1
    values = [control.minimum, *(first + index * step for index in range(max(count, 0))), control.maximum]
    unique = {}
    for value in values:
        unique[round(value, 9)] = value
    return sorted(unique.values())


def offered_values(control, workbook_value, extra_values=()) -> list:
    """The values the site offers for one control: every option of a choice (in the
    order declared), or :func:`control_values` for a slider."""
    if getattr(control, "kind", "slider") == "choice":
        return control.values
    return control_values(control, workbook_value, extra_values)


def control_values(control, workbook_value, extra_values=()) -> list:
    """The values the site offers for one control, in increasing order.

    The finest round step (1, 2, 2.5 or 5 × a power of ten, or a small multiple of the
    control's own step, always a whole number of the control's steps) that gives at most
    :data:`MAX_VALUES_PER_CONTROL` values from minimum to maximum; plus the workbook's
    value and ``extra_values`` (the presets') in range. A control with few values (a
    choice such as the electrolyte) offers every one.
    """
    candidates = set()
    for exponent in range(-6, 9):
        for mantissa in (1, 2, 2.5, 5):
            candidate = mantissa * 10.0 ** exponent
            multiple = candidate / control.step
            if multiple >= 1 - 1e-9 and abs(multiple - round(multiple)) < 1e-6:
                candidates.add(candidate)
    for multiple in (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 25, 30, 50, 60, 100, 120, 150, 200, 250, 500, 1000):
        candidates.add(multiple * control.step)
    values = [control.minimum, control.maximum]
    for step in sorted(candidates):
        grid = _grid(control, step)
        if len(grid) <= MAX_VALUES_PER_CONTROL:
            values = grid
            break
    values += [workbook_value, *extra_values]
    chosen = {}
    for value in values:
        if control.minimum - 1e-9 <= value <= control.maximum + 1e-9:
            snapped = _round_to_step(value, control)
            chosen[repr(snapped)] = snapped
    return sorted(chosen.values())


def format_value(control, value) -> str:
    """The value as the live app's slider readout shows it, with its unit (a choice's
    option as its words)."""
    if getattr(control, "kind", "slider") == "choice":
        return control.text(value)
    text = f"{value:.0f}" if control.integer else f"{value:.{control.decimals}f}"
    return f"{text} {control.unit}".strip() if control.unit else text


# ----- text -------------------------------------------------------------------------------
_ALLOWED_TAGS = {"b": "b", "strong": "b", "sup": "sup", "sub": "sub", "i": "i", "em": "i"}


class _Segments(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.segments: list[list[str]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(_ALLOWED_TAGS.get(tag, ""))
        if tag == "br":
            self.stack.pop()
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        tag = next((name for name in reversed(self.stack) if name), "")
        if self.segments and self.segments[-1][0] == tag:
            self.segments[-1][1] += data
        elif data:
            self.segments.append([tag, data])


def html_segments(markup: str) -> list[list[str]]:
    """Readout HTML as ``[[tag, text], ...]`` with tag one of "", b, i, sup, sub: the
    player rebuilds it with ``textContent`` only (no HTML is ever parsed in the page)."""
    parser = _Segments()
    parser.feed(markup)
    parser.close()
    return [[tag, re.sub(r"\s+", " ", text)] for tag, text in parser.segments if text]


def plain_text(markup: str) -> str:
    """Readout HTML as plain text."""
    return "".join(text for _, text in html_segments(markup)).strip()


def short_summary(readout_text: str, describe_text: str) -> str:
    """The first clause of the readout (or of the description): what a screen reader
    says after each slider step, e.g. "Period T = 2.460 s"."""
    for text in (readout_text, describe_text):
        first = re.split(r" · |; |\. ", text.strip(), maxsplit=1)[0].strip().rstrip(".")
        if first:
            return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    return ""


# ----- keys ---------------------------------------------------------------------------------
_SOURCE_HASH = None


def source_version() -> str:
    """A hash of the package's Python source: a change to any model, view or this code
    gives every simulation a new key, so the site regenerates its data."""
    global _SOURCE_HASH
    if _SOURCE_HASH is None:
        root = Path(__file__).resolve().parents[1]
        digest = hashlib.sha256(DATA_VERSION.encode())
        for path in sorted(root.rglob("*.py")):
            if "site" in path.relative_to(root).parts[:1]:
                continue  # the Sphinx glue does not change what is drawn
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
        _SOURCE_HASH = digest.hexdigest()[:16]
    return _SOURCE_HASH


def player_key(simulation: str, settings: dict) -> str:
    """The folder name for one simulation at one workbook setting."""
    text = json.dumps({"sim": simulation, "settings": settings, "source": source_version()}, sort_keys=True)
    return f"{simulation}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"


# ----- generation -----------------------------------------------------------------------------
def _png(rgba: np.ndarray) -> bytes:
    from PIL import Image

    image = Image.fromarray(np.ascontiguousarray(rgba[..., :3])).quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=9)  # optimize=True costs 5× the time for ~3 %
    return buffer.getvalue()


def _delta_layer(layer: list, before: list) -> list:
    """A moment's layer as changes from the moment before, where that is shorter: moving
    particles or markers keep their shape and colours, so only how far each moved is
    stored (``{"t": "dx", "x": [...]}``), and a path that keeps its shape and style
    stores how far each vertex moved (``{"t": "dv", "v": [...]}``)."""
    if len(layer) != len(before):
        return layer
    out = []
    for command, previous in zip(layer, before):
        for key, kind in (("x", "dx"), ("v", "dv")):
            if key not in command or key not in previous or len(command[key]) != len(previous[key]):
                continue
            if command.keys() != previous.keys() or any(command[k] != previous[k] for k in command if k != key):
                continue
            out.append({"t": kind, key: [a - b for a, b in zip(command[key], previous[key])]})
            break
        else:
            out.append(command)
    return out


@dataclass
class PlayerData:
    """Everything the player needs for one simulation at one workbook setting.

    Attributes:
        manifest: what the player reads first (controls, settings, sizes).
        settings: one dict per setting (``manifest["settings"][i]["file"]`` names it).
        backgrounds: file name → PNG bytes.
        timings_s: seconds spent generating each setting.
    """

    manifest: dict
    settings: list
    backgrounds: dict
    timings_s: list

    def write(self, folder: Path) -> int:
        """Write manifest.json, one JSON per setting and the backgrounds; return bytes."""
        folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for name, png in self.backgrounds.items():
            (folder / name).write_bytes(png)
            total += len(png)
        # The opening setting's background also under a fixed name, so a page can ask
        # for it before it has read any data (a preload in the page's head).
        first = self.settings[0]
        png = self.backgrounds[first["background"]]
        (folder / FIRST_BACKGROUND).write_bytes(png)
        total += len(png)
        for index, (entry, setting) in enumerate(zip(self.manifest["settings"], self.settings)):
            if not entry["file"]:
                continue
            if index == 0:
                setting = {**setting, "background": FIRST_BACKGROUND}
            text = _dumps(setting)
            (folder / entry["file"]).write_text(text, encoding="utf-8")
            total += len(text.encode())
        # The manifest last: its presence means the folder is complete.
        text = _dumps(self.manifest)
        (folder / "manifest.json").write_text(text, encoding="utf-8")
        return total + len(text.encode())


def _dumps(data) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def generate(simulation: str, settings: dict | None = None, frames: int = PLAYBACK_FRAMES) -> PlayerData:
    """Compute and record every setting of ``simulation`` around the workbook's ``settings``.

    Args:
        simulation: a name from :func:`stemcpd.simulations.available`.
        settings: the workbook's control values (missing controls take their default).
        frames: playback moments after the start, for apps where time runs.
    """
    import time

    from stemcpd import simulations
    from stemcpd.ui.scene import SceneRecorder, record_artists

    app_class = simulations.get(simulation).load_app_class()
    settings = dict(settings or {})
    app = app_class(**settings)
    base = {name: slider.value for name, slider in app.sliders.items()}
    view = app.view
    figure = view.figure
    moving = list(view.renderer.moving_artists)
    width, height = (int(round(v)) for v in figure.bbox.size)
    playback = frames if app.playback_frames else 0
    start_frame = round(app.frame / app.playback_frames * playback) if playback else 0
    preset_values = {preset.control: list(preset.values.items()) for preset in app.presets}

    controls, setting_values = [], []
    index_of: dict[str, int] = {}

    def setting_index(values: dict) -> int:
        key = json.dumps(values, sort_keys=True)
        if key not in index_of:
            index_of[key] = len(setting_values)
            setting_values.append(values)
        return index_of[key]

    base_index = setting_index(dict(base))  # always 0: the player asks for s0.json at once
    for control in app.controls:
        extras = [value for _, value in preset_values.get(control.name, [])]
        values = offered_values(control, base[control.name], extras)
        controls.append({"control": control, "values": values, "settings": [
            setting_index({**base, control.name: value}) if value != base[control.name] else base_index
            for value in values
        ]})

    backgrounds: dict[str, bytes] = {}
    background_of_pixels: dict[str, str] = {}
    # The background is redrawn exactly when the live app's FrameRenderer would redraw
    # it: for a background key (the view's static key and the axis limits) not drawn
    # since the view last called invalidate() (after a change to something static that
    # it cannot name). A key seen before reuses its picture without drawing.
    name_of_key: dict = {}
    original_invalidate = view.renderer.invalidate

    def invalidate():
        name_of_key.clear()
        original_invalidate()

    view.renderer.invalidate = invalidate

    def background_name() -> str:
        key = view.renderer.background_key()
        if key in name_of_key:
            name, positions = name_of_key[key]
            for axes, (original, active) in zip(figure.axes, positions):  # the layout it was drawn with
                axes._set_position(original, which="original")
                axes._set_position(active, which="active")
            return name
        figure.canvas.draw()  # moving artists are animated, so Agg leaves them out
        pixels = np.asarray(figure.canvas.buffer_rgba())
        digest = hashlib.sha1(pixels.tobytes()).hexdigest()
        if digest not in background_of_pixels:
            name = f"bg-{digest[:12]}.png"
            background_of_pixels[digest] = name
            backgrounds[name] = _png(pixels)
        positions = [(axes.get_position(original=True).frozen(), axes.get_position().frozen()) for axes in figure.axes]
        name_of_key[key] = (background_of_pixels[digest], positions)
        return background_of_pixels[digest]

    recorder = SceneRecorder(figure)
    recorded, timings, failed = [], [], set()
    for index, values in enumerate(setting_values):
        start = time.perf_counter()
        try:
            result = app.compute(app.make_params(values))
        except ValueError as error:  # a combination the model refuses: not offered
            failed.add(index)
            recorded.append({"error": str(error)})
            timings.append(time.perf_counter() - start)
            continue
        view.update(result)
        duration = app.duration_s(result) if playback else 0.0
        if playback:
            view.show_time(result, duration * start_frame / playback)
        readout_markup = app.readout_html(result)
        describe_text = app.describe(result)
        readout_text = plain_text(readout_markup)
        entry = {
            "values": values,
            "describe": describe_text,
            "summary": short_summary(readout_text, describe_text),
            "readout": html_segments(readout_markup),
        }
        if playback:
            # Moment 0 first: its background and every moving artist in full.
            view.show_time(result, 0.0)
        entry["background"] = background_name()
        layers = record_artists(recorder, moving)
        entry["layers"] = layers
        if playback:
            moments, previous, shown = [], layers, entry["background"]
            for moment in range(playback + 1):
                time_s = duration * moment / playback
                view.show_time(result, time_s)
                frame = {"r": plain_text(app.playback_readout_html(result, time_s))}
                if moment:
                    name = background_name()  # the live app redraws it if a limit moved
                    if name != shown:
                        frame["b"] = shown = name
                    now = record_artists(recorder, moving, only_stale=True)
                    now = [layer if layer is not None else before for layer, before in zip(now, previous)]
                    changed = {str(i): _delta_layer(layer, before)
                               for i, (layer, before) in enumerate(zip(now, previous)) if layer != before}
                    if changed:
                        frame["l"] = changed
                    previous = now
                moments.append(frame)
            entry["frames"] = moments
            entry["duration"] = duration
        recorded.append(entry)
        timings.append(time.perf_counter() - start)

    # Controls list only the values whose settings the model accepted.
    manifest_controls = []
    for item in controls:
        control = item["control"]
        pairs = [(value, index) for value, index in zip(item["values"], item["settings"]) if index not in failed]
        entry = {
            "name": control.name, "label": control.label, "unit": control.unit, "help": control.help,
            "values": [value for value, _ in pairs], "texts": [format_value(control, value) for value, _ in pairs],
            "settings": [index for _, index in pairs], "base": base[control.name],
        }
        if getattr(control, "kind", "slider") == "choice":
            # The player builds toggle buttons, a drop-down or a checkbox, as the live app.
            entry.update({"kind": "choice", "widget": control.widget})
        else:
            entry.update({"kind": "slider", "decimals": 0 if control.integer else control.decimals,
                          "integer": control.integer, "min": control.minimum, "max": control.maximum})
        manifest_controls.append(entry)
    manifest = {
        "version": DATA_VERSION, "sim": simulation, "title": app_class.title, "summary": app_class.summary,
        "width": width, "height": height, "frames": playback, "fps": PLAYBACK_FPS, "startFrame": start_frame,
        "base": base_index, "baseValues": base, "glyphs": recorder.glyphs, "hatches": recorder.hatches, "controls": manifest_controls,
        "presets": [
            {"control": preset.control, "label": preset.label, "help": preset.help,
             "values": [{"label": label, "value": _round_to_step(value, next(c for c in app.controls if c.name == preset.control))}
                        for label, value in preset.values.items()]}
            for preset in app.presets
            if getattr(next(c for c in app.controls if c.name == preset.control), "kind", "slider") == "slider"
        ],
        "settings": [
            {"file": f"s{index}.json", "background": entry.get("background")} if index not in failed
            else {"file": None, "error": entry["error"]}
            for index, entry in enumerate(recorded)
        ],
    }
    return PlayerData(manifest, recorded, backgrounds, timings)
