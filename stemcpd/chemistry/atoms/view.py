"""Atoms view: a shell (Bohr) diagram of the atom or ion, and the element's isotopes
with the relative atomic mass they average to.

The view only draws. It creates its artists once and :meth:`AtomView.update` moves
them to show a :class:`~stemcpd.chemistry.atoms.model.AtomRun`. Where electrons sit on
a shell is drawing geometry (evenly spaced), not a model of where electrons are.
"""

from __future__ import annotations

import math

from matplotlib.patches import Circle

from stemcpd.chemistry.atoms.model import AtomRun, arrangement_text
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO

SHELL_RADII = (1.75, 2.6, 3.45, 4.3)
NUCLEUS_RADIUS = 1.1
BRACKET_HALF_HEIGHT = 3.9
ISOTOPE_WINDOW = 10  # the mass-number axis shows a window this wide (or 5 wider), starting at a multiple of 5
MAX_ISOTOPES = 6  # calcium has six natural isotopes, the most of the first 20 elements


class AtomView:
    """Two panels: the shell diagram (nucleus with protons and neutrons, electrons on
    shells, square brackets and charge for an ion) and a bar chart of abundance
    against mass number with the relative atomic mass marked.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        self.figure, (self.atom_axes, self.isotope_axes) = new_figure(width_px, height_px, ncols=2,
                                                                      width_ratios=(1, 1.1))
        axes = self.atom_axes
        axes.set_aspect("equal")
        axes.set_xlim(-5.2, 5.2)
        axes.set_ylim(-5.0, 5.0)
        axes.axis("off")
        self.shells = [Circle((0, 0), radius, fill=False, edgecolor="0.45", linewidth=1.2) for radius in SHELL_RADII]
        for shell in self.shells:
            axes.add_patch(shell)
        self.nucleus = Circle((0, 0), NUCLEUS_RADIUS, facecolor=OKABE_ITO["orange"], edgecolor="black")
        axes.add_patch(self.nucleus)
        self.nucleus_text = axes.text(0, 0, "", ha="center", va="center", fontsize=12, fontweight="bold")
        (self.electrons,) = axes.plot([], [], linestyle="none", marker="X", markersize=11,
                                      color=OKABE_ITO["blue"], markeredgecolor="black", label="electron")
        # Square brackets as lines: a 130-point glyph took longer to draw than the rest of the atom.
        (self.left_bracket,) = axes.plot([-4.4, -4.75, -4.75, -4.4], [-BRACKET_HALF_HEIGHT, -BRACKET_HALF_HEIGHT,
                                         BRACKET_HALF_HEIGHT, BRACKET_HALF_HEIGHT], color="black", linewidth=5,
                                         solid_joinstyle="miter")
        (self.right_bracket,) = axes.plot([4.4, 4.75, 4.75, 4.4], [-BRACKET_HALF_HEIGHT, -BRACKET_HALF_HEIGHT,
                                          BRACKET_HALF_HEIGHT, BRACKET_HALF_HEIGHT], color="black", linewidth=5,
                                          solid_joinstyle="miter")
        self.charge_text = axes.text(5.15, 4.1, "", ha="left", va="center", fontsize=20, fontweight="bold")
        self.title_text = axes.text(0, 4.85, "", ha="center", va="top", fontsize=14)
        self.arrangement_text = axes.text(0, -4.85, "", ha="center", va="bottom", fontsize=13)

        # The rule is the same for every element: in the title (background); its value moves.
        self.isotope_axes.set_title("Natural isotopes: Aᵣ = Σ(mass number × %) ÷ 100")
        self.isotope_axes.set_xlabel("mass number")
        self.isotope_axes.set_ylabel("abundance / %")
        self.isotope_axes.set_ylim(0, 115)
        self.isotope_bars = list(self.isotope_axes.bar(range(MAX_ISOTOPES), [0] * MAX_ISOTOPES, 0.6,
                                                       color=OKABE_ITO["sky_blue"], edgecolor="black"))
        self.isotope_labels = [self.isotope_axes.text(0, 0, "", ha="center", va="bottom", fontsize=10)
                               for _ in range(MAX_ISOTOPES)]
        self.ar_line = self.isotope_axes.axvline(0, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=2)
        self.ar_text = self.isotope_axes.text(0.97, 0.97, "", transform=self.isotope_axes.transAxes, ha="right",
                                              va="top", fontsize=11,
                                              bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
        self.moving_artists = (*self.shells, self.nucleus, self.nucleus_text, self.electrons, self.left_bracket,
                               self.right_bracket, self.charge_text, self.title_text, self.arrangement_text,
                               *self.isotope_bars, *self.isotope_labels, self.ar_line, self.ar_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, run: AtomRun) -> None:
        """Move the artists to show ``run``."""
        xs, ys = [], []
        for index, (shell, radius) in enumerate(zip(self.shells, SHELL_RADII)):
            count = run.shells[index] if index < len(run.shells) else 0
            # An ion keeps its emptied shell out of the picture, as pupils draw it.
            shell.set_visible(count > 0)
            for position in range(count):
                angle = math.pi / 2 + 2 * math.pi * position / count + index * 0.3
                xs.append(radius * math.cos(angle))
                ys.append(radius * math.sin(angle))
        self.electrons.set_data(xs, ys)
        self.nucleus_text.set_text(f"{run.protons} p\n{run.neutrons} n")
        ion = run.charge != 0
        for artist in (self.left_bracket, self.right_bracket, self.charge_text):
            artist.set_visible(ion)
        size = "" if abs(run.charge) == 1 else str(abs(run.charge))
        self.charge_text.set_text(size + ("+" if run.charge > 0 else "−") if ion else "")
        kind = "ion" if ion else "atom"
        self.title_text.set_text(f"{run.formula}: {run.name} {kind}, mass number {run.mass_number}")
        note = "  (forms no simple ion)" if run.ion_refused else ""
        self.arrangement_text.set_text(
            f"{run.protons} protons, {run.electrons} electrons: {arrangement_text(run.shells)}{note}")

        count = len(run.isotopes)
        lowest, highest = run.isotopes[0].mass_number, run.isotopes[-1].mass_number
        # A window of round mass numbers holding every isotope: neighbouring elements share
        # it, so the axes (and the kept background) change only every few elements.
        start = max(0, 5 * math.floor((lowest - 1.5) / 5))
        end = start + ISOTOPE_WINDOW
        while end < highest + 1.5:
            end += 5
        crowded = end - start > ISOTOPE_WINDOW  # narrower bars: neighbours' labels may collide
        previous = None  # (mass number, label height) of the isotope to the left
        for index, (bar, label) in enumerate(zip(self.isotope_bars, self.isotope_labels)):
            if index < count:
                isotope = run.isotopes[index]
                bar.set_x(isotope.mass_number - 0.3)
                bar.set_height(isotope.abundance_percent)
                height = isotope.abundance_percent + 1.5
                if (crowded and previous is not None and isotope.mass_number - previous[0] == 1
                        and abs(height - previous[1]) < 8):
                    height = previous[1] + 8  # neighbours of similar abundance: labels one above the other
                previous = (isotope.mass_number, height)
                label.set_position((isotope.mass_number, height))
                label.set_text(f"{isotope.abundance_percent:.3g}%")
                bar.set_visible(True)
                label.set_visible(True)
            else:
                bar.set_visible(False)
                label.set_visible(False)
        self.isotope_axes.set_xlim(start, end)
        self.isotope_axes.set_xticks(range(start, end + 1))
        self.ar_line.set_xdata([run.ar_from_mass_numbers] * 2)
        self.ar_text.set_text(f"Aᵣ = {run.ar_from_mass_numbers:.2f}\nIUPAC: {run.standard_atomic_weight:.4g}")

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
