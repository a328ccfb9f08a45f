"""Interactive circuits explorer: sliders (declared as data) drive the model and the view.

One app explores the wire-length practical, a (loaded) potential divider and the I–V
characteristics of five components: each component's curve is on the same axes with its
own colour, line style and marker, and a large marker shows where it operates at the
chosen supply p.d. The only circuits module that sees both the model and the view.
"""

from __future__ import annotations

from stemcpd.physics.circuits.model import (
    CircuitExplorerParams,
    describe,
    explore,
    to_table,
)
from stemcpd.physics.circuits.view import CircuitsView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

CONTROLS = (
    Control("supply_voltage_v", "Supply p.d.", 0.5, 12.0, 0.1, 6.0, "V",
            help="The p.d. across each component, and the input to the potential divider."),
    Control("wire_length_m", "Wire length", 0.05, 1.00, 0.01, 0.50, "m",
            help="Length of constantan wire (0.274 mm diameter) between the crocodile clips."),
    Control("r1_ohm", "Divider R₁ (top)", 10, 1000, 10, 100, "Ω",
            help="The resistor between the supply and the output."),
    Control("r2_ohm", "Divider R₂ (bottom)", 10, 1000, 10, 100, "Ω",
            help="The output p.d. is measured across this resistor."),
    Control("load_resistance_ohm", "Load across R₂", 100, 100000, 100, 1000, "Ω",
            help="What is connected to the output; a large value is like an ideal voltmeter."),
    Control("temperature_c", "Thermistor water bath", 0, 100, 1, 20, "°C",
            help="Temperature of the water around the thermistor."),
    Control("illuminance_lux", "Light on the LDR", 0, 1000, 10, 300, "lux",
            help="Illuminance: about 50 lux in a living room, 300–500 lux in a classroom."),
)

# Typical illuminances (lux).
LIGHT_PRESETS_LUX = {"Dark": 0, "Living room": 50, "Classroom": 300, "Overcast day": 1000}


class CircuitsApp(SimulationApp):
    """The circuits explorer as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "circuits"
    title = "Circuits: wire resistance, potential divider and I–V characteristics"
    summary = ("Resistance of a wire against length, a loaded potential divider, and the I–V curves "
               "of a resistor, filament lamp, diode, thermistor and LDR.")
    controls = CONTROLS
    presets = (Presets("illuminance_lux", "Light level", LIGHT_PRESETS_LUX, "Typical light levels for the LDR."),)
    default_size_px = (1150, 460)

    view_class = CircuitsView
    params_class = CircuitExplorerParams
    compute_function = staticmethod(explore)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)  # the current I–V curves

    def readout_html(self, result):
        d = result.divider
        i = {name: value * 1000 for name, value in result.operating_current_a.items()}
        r = result.component_resistance_ohm
        return (
            f"Wire <b>R = {result.wire_resistance_ohm:.2f} Ω</b> · "
            f"V_out <b>{d.output_voltage_v:.2f} V</b> (unloaded {d.unloaded_output_voltage_v:.2f} V; "
            f"p.d. across R₁ {d.top_voltage_v:.2f} V; I₁ = {d.current_r1_a * 1000:.1f} mA = "
            f"I₂ {d.current_r2_a * 1000:.1f} mA + I_load {d.current_load_a * 1000:.1f} mA)<br>"
            f"At {result.params.supply_voltage_v:.1f} V: resistor <b>{i['resistor']:.1f} mA</b> · "
            f"lamp <b>{i['filament lamp']:.1f} mA</b> ({r['filament lamp']:.0f} Ω, "
            f"{result.lamp_temperature_k:.0f} K) · thermistor <b>{i['thermistor']:.1f} mA</b> "
            f"({r['thermistor']:.0f} Ω) · LDR <b>{i['ldr']:.2f} mA</b> ({r['ldr']:.0f} Ω) · "
            f"diode + 100 Ω <b>{i['diode']:.1f} mA</b> at {result.operating_voltage_v['diode']:.2f} V"
        )


APP = CircuitsApp
show = APP.show  # show(**initial) builds, displays and returns the app
