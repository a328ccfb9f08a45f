"""The static site's simulation player data: the recorder draws what Agg draws, every
app offers every control across its range (one factor at a time), time-based apps carry
a playback, the text is the app's own, keys are stable, and the Sphinx extension
generates only what is missing."""

import json
import math
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import EllipseCollection
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Affine2D, Bbox, IdentityTransform

from stemcpd import simulations
from stemcpd.ui import player_data
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.player_data import control_values, generate, player_key
from stemcpd.ui.scene import SCALE, SceneRecorder, record_artists
from stemcpd.ui.static import parse_placeholders, player_placeholder_html

SIMULATIONS = sorted(simulations.available())
LETTER_CODES = {"M": Path.MOVETO, "L": Path.LINETO, "Q": Path.CURVE3, "C": Path.CURVE4}


# ----- replaying recorded commands with Agg (the test's own rasteriser) ------------------
def _shape_path(shape, dx=0.0, dy=0.0, height=None, matrix=None):
    """A recorded shape as a matplotlib Path in display coordinates (y up)."""
    points = np.asarray(shape["v"], dtype=float).reshape(-1, 2) / SCALE
    if matrix is not None:
        points = matrix.transform(points)
    points = points + [dx, dy]
    letters = shape.get("c") or ("M" + "L" * (len(points) - 1))
    vertices, codes, index = [], [], 0
    for letter in letters:
        if letter == "Z":
            vertices.append(vertices[-1] if vertices else (0, 0))
            codes.append(Path.CLOSEPOLY)
        else:
            vertices.append(points[index])
            codes.append(LETTER_CODES[letter])
            index += 1
    vertices = np.asarray(vertices, dtype=float)
    vertices[:, 1] = height - vertices[:, 1]
    return Path(vertices, codes)


def _rgba(colour):
    colour = colour.lstrip("#")
    channels = [int(colour[i:i + 2], 16) / 255 for i in range(0, len(colour), 2)]
    return tuple(channels) if len(channels) == 4 else (*channels, 1.0)


def replay(commands, background, glyphs, dpi):
    """Draw recorded commands with Agg on top of ``background`` (RGBA array)."""
    height, width = background.shape[:2]
    renderer = RendererAgg(width, height, dpi)
    np.asarray(renderer.buffer_rgba())[:] = background

    def gc_for(command, stroke=None, width_px=None):
        gc = renderer.new_gc()
        gc.set_snap(False)  # recorded paths are already snapped; snapping twice moves them
        if "r" in command:
            x, y, w, h = (value / SCALE for value in command["r"])
            gc.set_clip_rectangle(Bbox.from_bounds(x, height - y - h, w, h))
        stroke = stroke if stroke is not None else command.get("s")
        if stroke:
            gc.set_foreground(_rgba(stroke), isRGBA=True)
            gc.set_linewidth((width_px if width_px is not None else command["w"]) * 72 / dpi)
            if "d" in command:
                gc.set_dashes(command.get("o", 0) * 72 / dpi, [d * 72 / dpi for d in command["d"]])
            gc.set_joinstyle(command.get("j", "round"))
            gc.set_capstyle({"square": "projecting"}.get(command.get("k", "butt"), command.get("k", "butt")))
        else:
            gc.set_linewidth(0)
        return gc

    def fill_of(colour):
        return _rgba(colour) if colour else None

    for command in commands:
        kind = command["t"]
        if kind == "p":
            renderer.draw_path(gc_for(command), _shape_path(command, height=height), IdentityTransform(),
                               fill_of(command.get("f")))
        elif kind == "m":
            offsets = np.asarray(command["x"], dtype=float).reshape(-1, 2) / SCALE
            for x, y in offsets:
                renderer.draw_path(gc_for(command), _shape_path(command, x, y, height), IdentityTransform(),
                                   fill_of(command.get("f")))
        elif kind == "n":
            offsets = np.asarray(command["x"], dtype=float).reshape(-1, 2) / SCALE
            for item, (x, y) in enumerate(offsets):
                shape = command["shapes"][command["si"][item] if "si" in command else 0]
                fills, strokes = command.get("fills", []), command.get("strokes", [])
                fill = fills[command["fi"][item] if "fi" in command else 0] if fills else None
                stroke = strokes[command["ki"][item] if "ki" in command else 0] if strokes else ""
                width_px = command.get("widths", [0])[command["wi"][item] if "wi" in command else 0]
                renderer.draw_path(gc_for(command, stroke, width_px), _shape_path(shape, x, y, height),
                                   IdentityTransform(), fill_of(fill))
        elif kind == "g":
            x, y, angle, size = command["m"]
            line = Affine2D().scale(size).rotate_deg(-angle).translate(x / SCALE, y / SCALE)
            for index in range(0, len(command["g"]), 3):
                glyph, gx, gy = command["g"][index:index + 3]
                scale = command["s"][index // 3] if "s" in command else 1.0
                matrix = Affine2D().scale(scale).translate(gx / SCALE, gy / SCALE) + line
                if not glyphs[glyph]["v"]:
                    continue  # a space
                renderer.draw_path(gc_for(command, ""), _shape_path(glyphs[glyph], height=height, matrix=matrix),
                                   IdentityTransform(), fill_of(command["f"]))
    return np.asarray(renderer.buffer_rgba()).copy()


def _test_figure():
    figure, (axes,) = new_figure(500, 300)
    axes.set_xlim(0, 10)
    axes.set_ylim(-2, 2)
    axes.set_title("Recorder check")
    x = np.linspace(0, 10, 300)
    (line,) = axes.plot(x, np.sin(x), color="#0072B2", linestyle=(0, (6, 2)), linewidth=2)
    (markers,) = axes.plot(x[::30], np.cos(x[::30]), "o", markersize=9, color="#D55E00", markeredgecolor="black")
    rng = np.random.default_rng(0)
    particles = EllipseCollection(
        widths=0.3, heights=0.3, angles=0, units="x", offsets=rng.uniform([0.5, -1.5], [9.5, 1.5], (120, 2)),
        offset_transform=axes.transData, facecolors=["#009E73", "#CC79A7"] * 60, edgecolors="black", linewidths=0.5,
    )
    axes.add_collection(particles)
    patch = axes.add_patch(Rectangle((6, -1.8), 2.5, 0.8, facecolor="#F0E442", edgecolor="black", alpha=0.8))
    text = axes.text(0.3, 1.5, "T = 2.010 s  (2π√(L/g))", fontsize=12,
                     bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
    rotated = axes.text(9.6, -1.5, "rotated", rotation=90, fontsize=10)
    moving = [line, markers, particles, patch, text, rotated]
    return figure, moving


def test_recorder_redraws_what_agg_draws():
    figure, moving = _test_figure()
    renderer = FrameRenderer(figure, moving)
    expected = renderer.render_rgba().copy()  # background + moving artists, as the live app
    figure.canvas.draw()  # moving artists are animated: left out
    background = np.asarray(figure.canvas.buffer_rgba()).copy()
    recorder = SceneRecorder(figure)
    layers = record_artists(recorder, moving)
    kinds = [command["t"] for layer in layers for command in layer]
    assert {"p", "m", "n", "g"} <= set(kinds)
    assert sum(kind == "n" for kind in kinds) == 1, "120 particles are one collection command"
    particles_command = next(command for layer in layers for command in layer if command["t"] == "n")
    assert len(particles_command["shapes"]) == 1 and len(particles_command["x"]) == 240
    drawn = replay([command for layer in layers for command in layer], background, recorder.glyphs, figure.dpi)

    def ink(image, region):
        rows, columns = np.nonzero(np.abs(image[region][..., :3].astype(int) - background[region][..., :3].astype(int)).max(axis=2) > 60)
        return np.array([columns.min(), rows.min(), columns.max(), rows.max()])

    height = background.shape[0]
    text_mask = np.zeros(background.shape[:2], dtype=bool)
    for text in moving[4:]:
        x0, y0, x1, y1 = text.get_window_extent(figure.canvas.get_renderer()).extents
        region = np.s_[max(0, int(height - y1) - 2):int(height - y0) + 3, max(0, int(x0) - 2):int(x1) + 3]
        text_mask[region] = True
        # Glyph outlines land where Agg's glyphs land: Agg hints its glyphs, so pixels
        # differ and a long line can end a pixel or three apart.
        assert np.abs(ink(drawn, region) - ink(expected, region)).max() <= max(2, 0.02 * (x1 - x0)), text.get_text()
    # Within one pixel: Agg places some marker stamps on whole pixels.
    expected_colour = expected[..., :3].astype(int)
    padded = np.pad(drawn[..., :3].astype(int), ((1, 1), (1, 1), (0, 0)), mode="edge")
    rows, columns = expected_colour.shape[:2]
    difference = np.min([
        np.abs(padded[1 + dy:1 + dy + rows, 1 + dx:1 + dx + columns] - expected_colour).max(axis=2)
        for dy in (-1, 0, 1) for dx in (-1, 0, 1)
    ], axis=0)
    changed = np.abs(background[..., :3].astype(int) - expected[..., :3].astype(int)).max(axis=2) > 40
    assert changed.sum() > 3000, "the moving artists cover a real part of the figure"
    # Lines, markers, particles and patches: the replay is Agg's own picture.
    outside_text = changed & ~text_mask
    assert (difference[~text_mask] > 60).sum() / outside_text.sum() < 0.01
    assert difference[~text_mask].mean() < 0.5


def test_recorded_line_vertices_are_where_agg_puts_them():
    figure, moving = _test_figure()
    figure.canvas.draw()
    line = moving[0]
    recorder = SceneRecorder(figure)
    (command,) = record_artists(recorder, [line])[0]
    recorded = np.asarray(command["v"], dtype=float).reshape(-1, 2) / SCALE
    display = line.get_transform().transform(line.get_xydata())
    display[:, 1] = recorder.height - display[:, 1]
    # Simplification drops points on straight stretches; every recorded point lies on
    # the data within 0.5 px, and both ends are kept.
    distances = np.min(np.hypot(*(recorded[:, None, :] - display[None, :, :]).transpose(2, 0, 1)), axis=1)
    assert distances.max() <= 0.5
    assert np.allclose(recorded[0], display[0], atol=0.5) and np.allclose(recorded[-1], display[-1], atol=0.5)
    assert command["s"] == "#0072b2" and command["d"] and command["w"] == pytest.approx(2 * 100 / 72, abs=0.01)


@pytest.mark.parametrize("name", SIMULATIONS)
def test_every_control_offers_values_across_its_range(name):
    app_class = simulations.get(name).load_app_class()
    presets = {preset.control: list(preset.values.values()) for preset in app_class.presets}
    for control in app_class.controls:
        if control.kind == "choice":  # every option, in the order declared, by name
            assert player_data.offered_values(control, control.value) == control.values
            continue
        values = control_values(control, control.value, presets.get(control.name, ()))
        assert values == sorted(values) and len(set(values)) == len(values)
        assert values[0] == pytest.approx(control.minimum) and values[-1] == pytest.approx(control.maximum)
        assert any(math.isclose(v, control.value, abs_tol=control.step / 2) for v in values)
        for preset in presets.get(control.name, ()):
            if control.minimum <= preset <= control.maximum:
                assert any(abs(v - preset) <= control.step / 2 + 1e-9 for v in values), (control.name, preset)
        whole_steps = round((control.maximum - control.minimum) / control.step)
        assert len(values) >= min(7, whole_steps + 1), (control.name, values)
        assert len(values) <= player_data.MAX_VALUES_PER_CONTROL + 1 + len(presets.get(control.name, ())), (control.name, values)
        if control.integer:
            assert all(isinstance(v, int) for v in values)


@pytest.mark.parametrize("name", SIMULATIONS)
def test_generation_covers_every_control_with_the_apps_own_text(name, monkeypatch):
    # Fewer values and moments than the site uses keep this quick; the site's numbers
    # are checked on the pendulum below and measured by benchmarks/bench_player.py.
    monkeypatch.setattr(player_data, "MAX_VALUES_PER_CONTROL", 2)
    app_class = simulations.get(name).load_app_class()
    data = generate(name, frames=2)
    manifest = data.manifest
    assert [c["name"] for c in manifest["controls"]] == [c.name for c in app_class.controls]
    for control, entry in zip(app_class.controls, manifest["controls"]):
        assert len(entry["values"]) >= 2, f"{name}: {control.name} offers too few settings"
        assert len(entry["values"]) == len(entry["settings"]) == len(entry["texts"])
        settings = [data.settings[index] for index in entry["settings"]]
        for value, setting in zip(entry["values"], settings):
            assert setting["values"][control.name] == value
            others = {k: v for k, v in setting["values"].items() if k != control.name}
            assert others == {k: v for k, v in manifest["baseValues"].items() if k != control.name}, "one factor at a time"
        # The drawing or the text changes across the control's range.
        first, last = settings[0], settings[-1]
        assert (first["layers"], first["background"], first["describe"]) != (last["layers"], last["background"], last["describe"])
    assert manifest["frames"] == (2 if app_class.playback_frames else 0)
    for setting in data.settings:
        if "error" in setting:
            continue
        assert setting["describe"] and setting["summary"] and setting["background"] in data.backgrounds
        if app_class.playback_frames:
            assert len(setting["frames"]) == 3 and all(frame["r"] for frame in setting["frames"])
    # describe() is the app's own for those control values (the first and last setting).
    for index in (manifest["base"], len(data.settings) - 1):
        values = data.settings[index]["values"]
        app = app_class(**values)
        assert data.settings[index]["describe"] == app.describe(app.result)
    size = sum(len(json.dumps(s)) for s in data.settings) + sum(map(len, data.backgrounds.values()))
    print(f"{name}: {len(data.settings)} settings (reduced), {size / 1e3:.0f} kB")


def test_pendulum_data_at_the_sites_settings():
    data = generate("pendulum", {"length_m": 1.0})
    manifest = data.manifest
    assert manifest["frames"] >= 60 and manifest["fps"] >= 20
    assert manifest["frames"] / manifest["fps"] >= 3.0, "a run plays for at least 3 s"
    lengths = next(c for c in manifest["controls"] if c["name"] == "length_m")
    assert 7 <= len(lengths["values"]) <= 13 and 1.0 in lengths["values"]
    gravity = next(c for c in manifest["controls"] if c["name"] == "g_m_s2")
    assert 1.62 in gravity["values"] and 24.79 in gravity["values"]  # the presets: Moon, Jupiter
    base = data.settings[manifest["base"]]
    assert base["describe"].startswith("A 1.00 m pendulum") and base["summary"] == "Period T = 2.010 s"
    assert len(base["frames"]) == manifest["frames"] + 1
    assert base["frames"][-1]["r"].startswith("t = 5.00") or base["frames"][-1]["r"].startswith("t = 10.00")
    # Only what moves is stored per moment: the curves stay, the bob and markers move.
    changed = [set(frame.get("l", {})) for frame in base["frames"][1:]]
    assert all(changed) and all(len(layers) <= 4 for layers in changed)
    per_frame = len(json.dumps(base["frames"])) / len(base["frames"])
    assert per_frame < 3000, f"{per_frame:.0f} bytes per moment"
    # Backgrounds are shared: axis limits snap, so settings reuse pictures.
    assert len(data.backgrounds) < len(data.settings)


def _undelta(command, before):
    if command["t"] not in ("dx", "dv"):
        return command
    key = "x" if command["t"] == "dx" else "v"
    return {**before, key: [a + b for a, b in zip(before[key], command[key])]}


def test_moments_store_movement_and_replay_to_what_the_view_draws(monkeypatch):
    """Particles store how far each moved; replaying the moments gives exactly the
    commands the recorder made for the last moment."""
    monkeypatch.setattr(player_data, "MAX_VALUES_PER_CONTROL", 2)
    data = generate("gas", frames=6)
    setting = data.settings[data.manifest["base"]]
    layers = setting["layers"]
    kinds = set()
    for frame in setting["frames"][1:]:
        for key, layer in frame.get("l", {}).items():
            kinds.update(command["t"] for command in layer)
            layers = layers[:int(key)] + [[_undelta(c, b) for c, b in zip(layer, layers[int(key)] + [None] * len(layer))]] + layers[int(key) + 1:]
    assert "dx" in kinds, "moving discs are stored as movements"
    # Record the last moment afresh and compare.
    from stemcpd.ui.scene import SceneRecorder, record_artists

    app = simulations.get("gas").load_app_class()()
    app.view.update(app.result)
    app.view.show_time(app.result, app.duration_s(app.result))
    app.view.figure.canvas.draw()
    recorder = SceneRecorder(app.view.figure)
    expected = record_artists(recorder, app.view.renderer.moving_artists)

    def resolved(layers, glyphs):  # glyph ids index each recorder's own table
        out = []
        for layer in layers:
            out.append([
                {**c, "g": [json.dumps(glyphs[v]) if i % 3 == 0 else v for i, v in enumerate(c["g"])]} if c["t"] == "g" else c
                for c in layer
            ])
        return out

    assert resolved(layers, data.manifest["glyphs"]) == resolved(expected, recorder.glyphs)


def test_keys_are_stable_and_follow_settings_and_source(monkeypatch):
    settings = {"length_m": 1.0, "amplitude_deg": 10}
    key = player_key("pendulum", settings)
    assert key == player_key("pendulum", dict(reversed(list(settings.items()))))
    code = f"from stemcpd.ui.player_data import player_key; print(player_key('pendulum', {settings!r}))"
    other_process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other_process.stdout.strip() == key
    assert player_key("pendulum", {**settings, "length_m": 1.5}) != key
    monkeypatch.setattr(player_data, "_SOURCE_HASH", "a-changed-source")
    assert player_key("pendulum", settings) != key


def test_placeholder_carries_no_frames_and_round_trips():
    markup = player_placeholder_html("pendulum", {"length_m": 0.5}, "Pendulum", "Swing <it>", 'A "0.50 m" pendulum')
    assert "base64" not in markup and "<img" not in markup and len(markup) < 1000
    assert "Swing &lt;it&gt;" in markup and "A &quot;0.50 m&quot; pendulum" in markup
    ((simulation, settings, tag),) = parse_placeholders("<p>x</p>" + markup)
    assert simulation == "pendulum" and settings == {"length_m": 0.5} and markup.startswith(tag)


def test_displaying_an_app_draws_no_frames(monkeypatch):
    app = simulations.get("pendulum").load_app_class()(length_m=0.5)
    calls = []
    monkeypatch.setattr(app.view, "render_png", lambda: calls.append(1) or b"")
    bundle = app._repr_mimebundle_()
    assert calls == [], "the static fallback is a placeholder, drawn at build time"
    ((simulation, settings, _),) = parse_placeholders(bundle["text/html"])
    assert simulation == "pendulum" and settings["length_m"] == 0.5
    assert "A 0.50 m pendulum" in bundle["text/html"]


@pytest.mark.slow
def test_sphinx_extension_generates_only_what_is_missing(tmp_path):
    """A tiny Sphinx project with one placeholder: the first build generates its data,
    an unchanged rebuild generates nothing, a changed setting regenerates (and the
    folder no page uses any more goes)."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text("extensions = ['stemcpd.site', 'stemcpd.site.player']\n")

    def page(ion):
        markup = player_placeholder_html("ions", {"test": "flame", "ion": ion}, "Ions", "Tests", "A flame test")
        (source / "index.rst").write_text("Ions\n====\n\n.. raw:: html\n\n" + textwrap.indent(markup, "   ") + "\n")

    def build():
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(tmp_path / "html")],
            capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        )
        assert result.returncode == 0, result.stderr
        root = tmp_path / "html" / "_static" / "stemcpd-sims"
        return {folder.name: (folder / "manifest.json").stat().st_mtime_ns for folder in root.iterdir() if folder.is_dir()}

    page("K+")
    first = build()
    (key,) = first
    assert key == player_key("ions", {"test": "flame", "ion": "K+"})
    html_page = (tmp_path / "html" / "index.html").read_text()
    assert f'data-stemcpd-src="_static/stemcpd-sims/{key}/"' in html_page
    assert "stemcpd-player.js" in html_page and "stemcpd-player.css" in html_page
    # The first player's opening data is fetched while the page is read.
    for name in ("manifest.json", "s0.json", "bg-first.png"):
        assert f'<link rel="preload" href="_static/stemcpd-sims/{key}/{name}"' in html_page
        assert (tmp_path / "html" / "_static" / "stemcpd-sims" / key / name).is_file()
    manifest = json.loads((tmp_path / "html" / "_static" / "stemcpd-sims" / key / "manifest.json").read_text())
    assert manifest["sim"] == "ions" and manifest["baseValues"]["ion"] == "K+"
    (source / "index.rst").touch()
    assert build() == first, "an unchanged setting is not generated again"
    page("Mg2+")
    second = build()
    assert list(second) == [player_key("ions", {"test": "flame", "ion": "Mg2+"})], "new data, and the unused folder removed"
    # A change to the package source changes every key: pages whose data is out of date
    # are written again though their own source did not change (simulated here by an
    # index recorded under an older key).
    index_path = tmp_path / "html" / "_static" / "stemcpd-sims" / "index.json"
    written = (tmp_path / "html" / "index.html").stat().st_mtime_ns
    index = json.loads(index_path.read_text())
    index["index"][0]["key"] = "ions-from-older-source"
    index_path.write_text(json.dumps(index))
    assert build() == second
    assert (tmp_path / "html" / "index.html").stat().st_mtime_ns > written, "the page is written again"
    # Data that went missing is generated again, though no page changed.
    import shutil

    shutil.rmtree(tmp_path / "html" / "_static" / "stemcpd-sims" / list(second)[0])
    third = build()
    assert list(third) == list(second), "restored"
    # Another output folder (a fresh build of the same source) copies from the cache.
    cached = tmp_path / "cache" / "stemcpd" / "player-data" / list(second)[0] / "manifest.json"
    assert cached.is_file()
    before = cached.stat().st_mtime_ns
    shutil.rmtree(tmp_path / "html")
    assert list(build()) == list(second) and cached.stat().st_mtime_ns == before


def test_offline_file_is_self_contained(tmp_path):
    from stemcpd.classroom import write_offline_player

    target = tmp_path / "ions.html"
    size = write_offline_player("ions", target)
    page = target.read_text(encoding="utf-8")
    assert size == target.stat().st_size and page.startswith("<!DOCTYPE html>")
    assert 'data-stemcpd-inline="ions-' in page and "window.stemcpdPlayerData" in page
    import re

    assert not re.search(r"https?://", page), "no address on another host"
    assert not re.search(r"<(?:script|img|link)\b[^>]*\b(?:src|href)=", page), "nothing to fetch"
    payload = page.split("window.stemcpdPlayerData[", 1)[1].split("</script>", 1)[0]
    assert "data:image/png;base64," in payload and '"manifest.json"' in payload


def test_cli_app_html_refuses_a_folder_and_an_unknown_simulation(tmp_path):
    folder = subprocess.run([sys.executable, "-m", "stemcpd", "app", "ions", "--html", str(tmp_path)],
                            capture_output=True, text=True)
    assert folder.returncode != 0 and "is a folder" in folder.stderr + folder.stdout
    unknown = subprocess.run([sys.executable, "-m", "stemcpd", "app", "perpetual", "--html", str(tmp_path / "x.html")],
                             capture_output=True, text=True)
    assert unknown.returncode != 0 and "no simulation called 'perpetual'" in unknown.stderr + unknown.stdout
    assert list(tmp_path.iterdir()) == []
