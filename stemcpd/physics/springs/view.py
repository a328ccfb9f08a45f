"""Springs view: the hanging springs, the force–extension graph and the bounce x(t).

The view only draws. It creates its artists once and :meth:`SpringsView.update` moves
them to show a :class:`~stemcpd.physics.springs.model.SpringRun`; :meth:`show_time`
moves the mass, the marker on the force–extension line and the time marker.
"""

from __future__ import annotations

import math

import numpy as np

from stemcpd.physics.springs.model import SpringRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import series_style
from stemcpd.ui.scales import nice_ceiling

NATURAL_LENGTH_M = 0.05  # drawn length of one unstretched spring (the model needs none)
COILS = 8
DISPLAY_POINTS = 800
# Axis tops on 1-2-5 rungs: a slider swept end to end moves the axes a few times (each
# move draws the whole figure, 10-20 times slower than moving the artists).
AXIS_STEPS = (1.0, 2.0, 5.0)  # axis tops: 1, 2, 5, 10, 20, 50 …


def _thin(times, *series, points=DISPLAY_POINTS):
    """Evenly spaced samples so every line has at most ``points`` vertices."""
    stride = max(1, math.ceil(len(times) / points))
    return [times[::stride]] + [values[::stride] for values in series]


def spring_outline(x_centre: float, top_y: float, bottom_y: float, half_width: float) -> tuple[np.ndarray, np.ndarray]:
    """Zig-zag points for one spring hanging from ``top_y`` down to ``bottom_y``."""
    length = top_y - bottom_y
    lead = 0.12 * length
    zig_y = np.linspace(top_y - lead, bottom_y + lead, 2 * COILS + 1)
    sides = np.where(np.arange(zig_y.size) % 2 == 1, 1.0, -1.0)
    sides[0] = sides[-1] = 0.0  # leads leave and join the coil on the axis
    zig_x = x_centre + half_width * sides
    xs = np.concatenate(([x_centre], zig_x, [x_centre]))
    ys = np.concatenate(([top_y], zig_y, [bottom_y]))
    return xs, ys


class SpringsView:
    """Three panels: the springs with the mass at the playback time, the force–extension
    graph (loading curve, Hooke's-law line, unloading line, elastic limit, loading point),
    and the bounce x(t) beside the analytic solution.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 420):
        self.figure, (self.sketch_axes, self.graph_axes, self.bounce_axes) = new_figure(
            width_px, height_px, ncols=3, width_ratios=(0.45, 1, 1)
        )

        self.sketch_axes.set_title("The springs")
        self.sketch_axes.set_ylabel("distance below support / m")
        self.sketch_axes.set_xlim(-1, 1)
        self.sketch_axes.set_xticks([])
        self.sketch_axes.axhline(0, color="black", linewidth=4)
        (self.natural_line,) = self.sketch_axes.plot([], [], color="0.4", linestyle=":", linewidth=1.2)
        (self.spring_line,) = self.sketch_axes.plot([], [], color="0.2", linewidth=1.3)
        (self.bar_line,) = self.sketch_axes.plot([], [], color="0.2", linewidth=3)
        (self.mass_marker,) = self.sketch_axes.plot(
            [], [], marker="s", markersize=18, color=series_style(0)["color"], markeredgecolor="black", linestyle="none"
        )

        self.graph_axes.set_title("Force against extension")
        self.graph_axes.set_xlabel("extension / m")
        self.graph_axes.set_ylabel("force / N")
        (self.hooke_line,) = self.graph_axes.plot([], [], label="Hooke's law F = k e", linewidth=1.3, **series_style(1))
        (self.loading_line,) = self.graph_axes.plot([], [], label="loading", **series_style(0))
        (self.unloading_line,) = self.graph_axes.plot([], [], label="unloading", linewidth=1.5, **series_style(2))
        (self.slotted_points,) = self.graph_axes.plot(
            [], [], linestyle="none", marker="o", markerfacecolor="white", markersize=6,
            color=series_style(0)["color"], label="each 100 g",
        )
        (self.limit_line,) = self.graph_axes.plot([], [], color="black", linestyle=":", linewidth=1.3, label="elastic limit")
        (self.load_marker,) = self.graph_axes.plot(
            [], [], linestyle="none", marker="D", markersize=9, color=series_style(4)["color"],
            markeredgecolor="black", label="loading point",
        )
        (self.bounce_marker,) = self.graph_axes.plot(
            [], [], linestyle="none", marker="v", markersize=8, color="black", label="during the bounce"
        )
        self.graph_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3, frameon=False, fontsize=9)

        self.bounce_axes.set_title("The bounce")
        self.bounce_axes.set_xlabel("time / s")
        self.bounce_axes.set_ylabel("displacement below rest / m")
        (self.bounce_line,) = self.bounce_axes.plot([], [], label="simulation (RK4)", **series_style(0))
        (self.exact_line,) = self.bounce_axes.plot([], [], label="analytic solution", linewidth=1.5, **series_style(1))
        self.bounce_axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=1, frameon=False, fontsize=9)
        self.time_marker = self.bounce_axes.axvline(0, color="black", linewidth=1, alpha=0.6)

        # k, the elastic limit, the extension, the energy stored, the permanent set and the
        # period are in the app's readout, not in the figure: a text redrawn on every
        # update costs more than all the curves.
        self.moving_artists = (
            self.natural_line, self.spring_line, self.bar_line, self.mass_marker,
            self.hooke_line, self.loading_line, self.unloading_line, self.slotted_points,
            self.limit_line, self.load_marker, self.bounce_marker,
            self.bounce_line, self.exact_line, self.time_marker,
        )
        self.renderer = FrameRenderer(self.figure, self.moving_artists)
        self._run = None

    def update(self, run: SpringRun) -> None:
        """Move the artists to show ``run``; axis limits snap to round values."""

        self._run = run
        params = run.params
        k = run.spring_constant_n_m
        peak_force = run.load_force_n + k * params.amplitude_m
        # Show the elastic limit when it is within reach (up to twice the largest force).
        shown_force = max(peak_force, min(run.elastic_limit_n, 2.0 * peak_force))
        force_top = nice_ceiling(shown_force * 1.15, AXIS_STEPS)
        shown_extension = max(run.load_extension_m + params.amplitude_m, float(
            run.extension_at_force_m(min(shown_force, run.load_force_n))) + (shown_force - min(shown_force, run.load_force_n)) / k)
        extension_top = nice_ceiling(shown_extension * 1.15, AXIS_STEPS)
        self.graph_axes.set_xlim(0, extension_top)
        self.graph_axes.set_ylim(0, force_top)
        self.hooke_line.set_data([0.0, force_top / k], [0.0, force_top])
        self.loading_line.set_data(run.curve_extension_m, run.curve_force_n)
        if run.beyond_elastic_limit:
            self.unloading_line.set_data(run.unloading_extension_m, run.unloading_force_n)
        else:
            self.unloading_line.set_data([], [])
        self.slotted_points.set_data(run.slotted_mass_extension_m, run.slotted_mass_force_n)
        self.limit_line.set_data([0.0, extension_top], [run.elastic_limit_n] * 2)
        self.load_marker.set_data([run.load_extension_m], [run.load_force_n])

        times, displacement, exact = _thin(run.times_s, run.displacement_m, run.exact_displacement_m)
        self.bounce_line.set_data(times, displacement)
        self.exact_line.set_data(times, exact)
        self.bounce_axes.set_xlim(0, float(run.times_s[-1]))
        reach = nice_ceiling(params.amplitude_m * 1.05)
        self.bounce_axes.set_ylim(-1.3 * reach, 1.3 * reach)

        chain_natural = params.springs_in_series * NATURAL_LENGTH_M
        lowest = chain_natural + run.load_extension_m + params.amplitude_m
        depth = nice_ceiling(lowest * 1.25 + 0.02, AXIS_STEPS)
        self.sketch_axes.set_ylim(-depth, 0.05 * depth)
        self.natural_line.set_data([-0.9, 0.9], [-chain_natural, -chain_natural])
        self.show_time(run, 0.0)

    def _chain_centres(self, params) -> np.ndarray:
        count = params.springs_in_parallel
        return np.linspace(-0.6, 0.6, count) if count > 1 else np.array([0.0])

    def show_time(self, run: SpringRun, time_s: float) -> None:
        """Draw the springs and mass at ``time_s``; move the graph and time markers there."""
        params = run.params
        displacement = float(np.interp(time_s, run.times_s, run.displacement_m))
        extension = run.load_extension_m + displacement
        force = run.load_force_n + run.spring_constant_n_m * displacement
        chain_length = params.springs_in_series * NATURAL_LENGTH_M + extension
        each = chain_length / params.springs_in_series
        half_width = 0.18 / params.springs_in_parallel ** 0.5
        xs, ys = [], []
        for centre in self._chain_centres(params):
            for index in range(params.springs_in_series):
                x, y = spring_outline(centre, -index * each, -(index + 1) * each, half_width)
                xs += [x, [np.nan]]
                ys += [y, [np.nan]]
        self.spring_line.set_data(np.concatenate(xs), np.concatenate(ys))
        centres = self._chain_centres(params)
        self.bar_line.set_data([centres[0] - 0.1, centres[-1] + 0.1], [-chain_length, -chain_length])
        hook = 0.05 * abs(self.sketch_axes.get_ylim()[0])  # the mass hangs just below the bar
        self.mass_marker.set_data([0.0], [-chain_length - hook])
        self.bounce_marker.set_data([extension], [force])
        self.time_marker.set_xdata([time_s, time_s])

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
