"""Decay-chain view: the uranium-238 series on a chart of mass number against atomic
number, the steps taken so far drawn as arrows (alpha and beta in different colours and
line styles), the current nucleus marked, and the latest nuclear equation written above.

The view only draws. It creates its artists once and :meth:`ChainView.update` moves them
to show a :class:`~stemcpd.physics.nuclear.model.Chain`.
"""

from __future__ import annotations

from stemcpd.physics.nuclear.model import URANIUM_SERIES, Chain, half_life_words
from stemcpd.ui.figures import FrameRenderer, new_figure
from stemcpd.ui.palette import OKABE_ITO

ALPHA_STYLE = {"color": OKABE_ITO["vermillion"], "linestyle": "-", "linewidth": 2.5}
BETA_STYLE = {"color": OKABE_ITO["blue"], "linestyle": "--", "linewidth": 2.5}


class ChainView:
    """One panel: mass number (up) against atomic number (across) for the series.

    Args:
        width_px: figure width in pixels.
        height_px: figure height in pixels.
    """

    def __init__(self, width_px: int = 1000, height_px: int = 440):
        from stemcpd.physics.nuclear.model import FULL_SERIES

        self.figure, (self.axes,) = new_figure(width_px, height_px)
        axes = self.axes
        axes.set_title("The uranium-238 decay series")
        axes.set_xlabel("atomic number Z (number of protons)")
        axes.set_ylabel("mass number A")
        axes.set_xlim(80.5, 93.5)
        axes.set_ylim(202, 242)
        axes.set_xticks(range(81, 94))
        everything = FULL_SERIES
        for nucleus in everything.nuclei:  # every nucleus of the series, faint, so pupils see where it goes
            axes.plot(nucleus.atomic_number, nucleus.mass_number, marker="o", color="0.75", markersize=9)
            axes.annotate(nucleus.name, (nucleus.atomic_number, nucleus.mass_number), textcoords="offset points",
                          xytext=(0, 9), ha="center", fontsize=9, color="0.45")
        self.step_lines = []
        for mode in everything.modes:
            (line,) = axes.plot([], [], **(ALPHA_STYLE if mode == "alpha" else BETA_STYLE))
            self.step_lines.append(line)
        axes.plot([], [], label="alpha decay: A − 4, Z − 2", **ALPHA_STYLE)
        axes.plot([], [], label="beta decay: A same, Z + 1", **BETA_STYLE)
        axes.legend(loc="lower right", frameon=True)
        (self.current_marker,) = axes.plot([], [], marker="*", markersize=22, color=OKABE_ITO["orange"],
                                           markeredgecolor="black", linestyle="none")
        self.equation_text = axes.text(0.02, 0.96, "", transform=axes.transAxes, va="top", fontsize=14,
                                       bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "none"})
        self.moving_artists = (*self.step_lines, self.current_marker, self.equation_text)
        self.renderer = FrameRenderer(self.figure, self.moving_artists)

    def update(self, chain: Chain) -> None:
        """Draw the steps taken, mark the current nucleus and write the latest equation."""
        for index, line in enumerate(self.step_lines):
            if index < chain.params.steps:
                start, end = chain.nuclei[index], chain.nuclei[index + 1]
                line.set_data([start.atomic_number, end.atomic_number], [start.mass_number, end.mass_number])
            else:
                line.set_data([], [])
        current = chain.current
        self.current_marker.set_data([current.atomic_number], [current.mass_number])
        if chain.params.steps == 0:
            words = f"Start: {current.notation()}, half-life {half_life_words(chain.half_lives_s[0])}"
        elif chain.is_stable:
            words = f"{chain.last_equation}\n{current.name} is stable: the series ends"
        else:
            step = chain.params.steps
            words = (f"{chain.last_equation}\nnext: {chain.modes[step]} decay, half-life "
                     f"{half_life_words(chain.half_lives_s[step])}")
        self.equation_text.set_text(words)

    def render_png(self) -> bytes:
        """The current frame as PNG bytes (only moving artists are redrawn)."""
        return self.renderer.render_png()
