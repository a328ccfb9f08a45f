"""Bonding view: a particle picture of the chosen substance in its state, and a chart of
every substance's solid, liquid and gas ranges with the chosen temperature marked.

The view only draws. It creates its artists once and :meth:`BondingView.update` moves
them to show a :class:`~stemcpd.chemistry.bonding.model.BondingRun`. Particle positions
are drawing geometry (a fixed pattern, jiggled by a fixed seed for liquids and gases),
not a simulation of motion.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Patch, Rectangle

from stemcpd.chemistry.bonding.model import ABSOLUTE_ZERO_C, SUBSTANCES, BondingRun
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO

TOP_C = 4000.0
STATE_STYLE = {"solid": (OKABE_ITO["blue"], "//"), "liquid": (OKABE_ITO["sky_blue"], ".."),
               "gas": ("white", None)}
GRID = 6


def _lattice(count: int = GRID) -> np.ndarray:
    x, y = np.meshgrid(np.arange(count), np.arange(count))
    return np.column_stack([x.ravel(), y.ravel()]).astype(float) + 0.5


def _neighbour_segments(points: np.ndarray, horizontal_only: bool = False) -> list:
    segments = []
    for index, (x, y) in enumerate(points):
        for other in points[index + 1:]:
            dx, dy = other[0] - x, other[1] - y
            if abs(np.hypot(dx, dy) - 1.0) < 1e-9 and (not horizontal_only or abs(dy) < 1e-9):
                segments.append([(x, y), (other[0], other[1])])
    return segments


class BondingView:
    """Two panels: the particle picture and the states chart.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.particle_axes, self.chart_axes) = new_figure(width_px, height_px, ncols=2,
                                                                        width_ratios=(1, 1.35))
        self.rng_positions = np.random.default_rng(3).uniform(0.3, GRID - 0.3, (GRID * GRID, 2))
        self.jiggle = np.random.default_rng(4).normal(0, 0.18, (GRID * GRID, 2))
        axes = self.particle_axes
        axes.set_xlim(0, GRID)
        axes.set_ylim(0, GRID)
        axes.set_aspect("equal")
        axes.set_xticks([])
        axes.set_yticks([])
        self.bonds = LineCollection([], colors="0.3", linewidths=2)
        axes.add_collection(self.bonds)
        (self.big_particles,) = axes.plot([], [], linestyle="none", marker="o", markersize=20,
                                          color=OKABE_ITO["orange"], markeredgecolor="black")
        (self.small_particles,) = axes.plot([], [], linestyle="none", marker="o", markersize=11,
                                            color=OKABE_ITO["blue"], markeredgecolor="black")
        (self.electrons,) = axes.plot([], [], linestyle="none", marker=".", markersize=6, color="black")
        self.particle_title = axes.set_title("")
        self.key_text = axes.text(0.5, -0.03, "", transform=axes.transAxes, ha="center", va="top", fontsize=9,
                                  wrap=True)

        chart = self.chart_axes
        chart.set_title("States at 1 atm")
        chart.set_xlabel("temperature / °C")
        chart.set_xlim(ABSOLUTE_ZERO_C, TOP_C)
        chart.set_ylim(-0.6, len(SUBSTANCES) - 0.4)
        chart.invert_yaxis()
        chart.set_yticks(range(len(SUBSTANCES)), [s.name for s in SUBSTANCES])
        chart.grid(axis="y", visible=False)
        self.rows = {substance.name: row for row, substance in enumerate(SUBSTANCES)}  # chart row of each
        for row, substance in enumerate(SUBSTANCES):
            spans = (("solid", ABSOLUTE_ZERO_C, substance.melting_point_c),
                     ("liquid", substance.melting_point_c, substance.boiling_point_c),
                     ("gas", substance.boiling_point_c, TOP_C))
            for state, start, end in spans:
                if end > start:
                    colour, hatch = STATE_STYLE[state]
                    chart.barh(row, end - start, 0.6, left=start, color=colour, hatch=hatch, edgecolor="0.3",
                               linewidth=0.8)
        chart.legend(handles=[Patch(facecolor=c, hatch=h, edgecolor="0.3", label=state)
                              for state, (c, h) in STATE_STYLE.items()],
                     loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3, frameon=False, fontsize=10)
        self.temperature_line = chart.axvline(25, color=OKABE_ITO["vermillion"], linewidth=2.5, linestyle="--")
        self.highlight = Rectangle((ABSOLUTE_ZERO_C, -0.4), TOP_C - ABSOLUTE_ZERO_C, 0.8, fill=False,
                                   edgecolor="black", linewidth=2.5)
        chart.add_patch(self.highlight)
        self.moving_artists = (self.bonds, self.big_particles, self.small_particles, self.electrons,
                               self.particle_title, self.temperature_line, self.highlight)
        # The key under the particles changes only with the substance and its state: background,
        # named by its own text in the static key.
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def _positions(self, state: str) -> np.ndarray:
        lattice = _lattice()
        if state == "solid":
            return lattice
        if state == "liquid":
            return np.clip(lattice + self.jiggle * 2.0, 0.3, GRID - 0.3)
        return self.rng_positions

    def update(self, run: BondingRun) -> None:
        """Move the artists to show ``run``."""
        data, state = run.params.data, run.state
        points = self._positions(state)
        odd = (np.floor(_lattice()[:, 0]) + np.floor(_lattice()[:, 1])) % 2 == 1
        big, small, electrons, segments, key = points[:0], points[:0], points[:0], [], ""
        if data.structure == "ionic":
            count = 8 if state == "gas" else len(points)
            big, small = points[:count][odd[:count]], points[:count][~odd[:count]]
            key = "large: negative ions · small: positive ions"
        elif data.structure == "metallic":
            small = points
            electrons = (points + 0.5) % GRID if state == "solid" else np.clip(points + self.jiggle * 3, 0.1, GRID - 0.1)
            key = "circles: positive ions\ndots: delocalised electrons"
        elif data.structure == "giant covalent":
            if data.name == "silicon dioxide":
                big, small = points[odd], points[~odd]
                key = "large: oxygen atoms · small: silicon atoms"
                if state == "solid":
                    # Each Si bonded to four O and each O to two Si (a flat sketch of the 3D network).
                    small = _lattice(GRID // 2) * 2
                    big = np.array([(x + 1, y) for x, y in small if x + 1 < GRID] +
                                   [(x, y + 1) for x, y in small if y + 1 < GRID])
                    segments = [[tuple(si), tuple(o)] for si in small for o in big
                                if abs(np.hypot(*(si - o)) - 1.0) < 1e-9]
                    key += "\nlines: covalent bonds (Si four, O two)"
            else:
                small = points
                key = "circles: carbon atoms · lines: covalent bonds"
            if state == "solid" and data.name != "silicon dioxide":
                segments = _neighbour_segments(points, horizontal_only=data.name == "graphite")
                if data.name == "graphite":
                    electrons = points[:, :] + np.array([0.5, 0.0])
                    electrons = electrons[electrons[:, 0] < GRID]
                    key = "carbon atoms in layers, seen edge-on\ndots: delocalised electrons"
        else:
            # Solid: molecules in a regular array; liquid: as close but disordered; gas: few, far apart.
            if state == "gas":
                molecule_centres = np.array([(1.2, 1.3), (4.7, 1.6), (1.6, 4.6), (4.5, 4.4)])
            else:
                molecule_centres = _lattice(GRID // 2) * 1.8 + 0.3 + (self.jiggle[:9] * 1.6 if state == "liquid" else 0)
            if data.formula == "H₂O":
                big = molecule_centres
                small = np.concatenate([molecule_centres + [0.38, 0.22], molecule_centres + [-0.38, 0.22]])
                key = "large: oxygen · small: hydrogen\none molecule: one O, two H"
            else:
                big = molecule_centres
                small = np.concatenate([molecule_centres + offset for offset in ([0.4, 0], [-0.4, 0], [0, 0.4], [0, -0.4])])
                key = "large: carbon · small: hydrogen\none molecule: one C, four H"
            segments = [[tuple(c), tuple(h)] for h_set in np.split(small, len(small) // len(big))
                        for c, h in zip(big, h_set)]
        self.bonds.set_segments(segments)
        self.big_particles.set_data(big[:, 0] if len(big) else [], big[:, 1] if len(big) else [])
        self.small_particles.set_data(small[:, 0] if len(small) else [], small[:, 1] if len(small) else [])
        self.electrons.set_data(electrons[:, 0] if len(electrons) else [], electrons[:, 1] if len(electrons) else [])
        conducts = "conducts" if run.conducts_now else "does not conduct"
        temperature = f"{run.params.temperature_c:g}".replace("-", "−")
        self.particle_title.set_text(f"{data.name}, {temperature} °C: {state}\n{conducts}")
        self.key_text.set_text(key)
        self.renderer.set_static_key(key)
        self.temperature_line.set_xdata([run.params.temperature_c] * 2)
        self.highlight.set_y(self.rows[data.name] - 0.4)

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
