"""Interactive states of matter: heating and cooling curves and the particle picture.

The only particles module that sees both the model and the view. Substance and
experiment are choices (toggle buttons naming each option); playback moves the current point along the curve, the
particles and the state label.
"""

from __future__ import annotations

import math

from stemcpd.chemistry.particles.model import (
    BOILING,
    EXPERIMENTS,
    MELTING,
    SUBSTANCES,
    ParticlesParams,
    describe,
    simulate,
    state_at,
    to_table,
)
from stemcpd.chemistry.particles.view import ParticlesView
from stemcpd.ui.app import SimulationApp, format_time
from stemcpd.ui.controls import Choice, Control

CONTROLS = (
    Choice("substance", "Substance", tuple((data.name, data.name.capitalize()) for data in SUBSTANCES), "water",
           help="Choose the substance."),
    Choice("experiment", "Experiment", tuple((name, f"{name.capitalize()} curve") for name in EXPERIMENTS), "heating",
           help="Heating curve (heater on), or cooling curve (heater off, the sample cools)."),
    Control("mass_kg", "Mass of sample", 0.01, 0.50, 0.01, 0.02, "kg",
            help="A boiling tube holds about 0.02 kg."),
    Control("power_w", "Heater power", 10, 1000, 10, 100, "W",
            help="Energy supplied each second on a heating curve (the heater is off on a cooling curve)."),
    Control("heat_loss_w_per_k", "Heat-loss coefficient", 0.0, 1.0, 0.01, 0.1, "W/K",
            help="Energy transferred to the surroundings each second per kelvin of temperature difference."),
)



class ParticlesApp(SimulationApp):
    """Heating and cooling curves with latent heat, as a notebook / Voilà app."""

    name = "particles"
    title = "States of matter: heating and cooling curves"
    summary = ("Heat or cool water, ethanol or stearic acid: plateaus while the state changes "
               "(E = mL), slopes P/(mc), and the particles in each state.")
    controls = CONTROLS
    playback_frames = 200
    default_size_px = (1000, 430)

    view_class = ParticlesView
    params_class = ParticlesParams
    compute_function = staticmethod(simulate)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p, data = run.params, run.params.data
        names = run.state_names
        parts = []
        for state, latent, temperature in (
            (MELTING, data.latent_heat_fusion_j_per_kg, data.melting_point_c),
            (BOILING, data.latent_heat_vaporisation_j_per_kg, data.boiling_point_c),
        ):
            time_s = run.plateau_time_s(state)
            if time_s <= 0:
                continue
            shown = f"{time_s:.1f} s" if math.isfinite(time_s) else "never ends"
            if p.heating:
                formula = f"mL/P = {p.mass_kg * latent / p.power_w:.1f} s"
            else:
                formula = f"mL/(h ΔT) with ΔT = {temperature - p.surroundings_temperature_c:.1f} K"
            parts.append(f"{names[state]} plateau <b>{shown}</b> ({formula})")
        if not parts:
            parts.append("no change of state")
        energy = (f"energy supplied <b>{run.energy_supplied_j / 1000:.1f} kJ</b>" if p.heating
                  else "heater off")
        lost = float(run.surroundings_energy_j[-1]) / 1000
        return " · ".join(parts + [energy, f"to surroundings {lost:.1f} kJ"])

    def playback_readout_html(self, run, time_s):
        state = state_at(run, time_s)
        detail = ""
        if state.state == MELTING:
            detail = f" ({state.liquid_fraction:.0%} liquid)"
        elif state.state == BOILING:
            detail = f" ({state.gas_fraction:.0%} gas)"
        return (f"t = {format_time(time_s, run.duration_s)} · <b>{state.state_name}</b>{detail} at "
                f"{state.temperature_c:.1f} °C · energy supplied {state.energy_supplied_j / 1000:.1f} kJ")

    @property
    def run(self):
        """The current :class:`~stemcpd.chemistry.particles.model.ParticlesRun`."""
        return self.result


APP = ParticlesApp
show = APP.show  # show(**initial) builds, displays and returns the app
