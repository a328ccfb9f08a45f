"""Electric circuits: resistor networks, wire resistance, the potential divider and
the I–V characteristics of a resistor, filament lamp, diode, thermistor and LDR.

Public model API (no plotting or widget libraries are imported here). The view lives in
:mod:`stemcpd.physics.circuits.view` and the interactive app in
:mod:`stemcpd.physics.circuits.app`.
"""

from .model import (
    COMPONENTS,
    RESISTIVITY_OHM_M,
    CircuitExplorerParams,
    CircuitExplorerResult,
    DiodeParams,
    DividerResult,
    LampParams,
    LdrParams,
    ResistorParams,
    ThermistorParams,
    WireParams,
    describe,
    diode_current,
    equivalent_resistance,
    explore,
    iv_curve,
    lamp_temperature_k,
    potential_divider,
    thermistor_resistance,
    thermistor_temperature_k,
    to_table,
    iv_virtual_practical,
    virtual_practical,
    wire_resistance,
)

__all__ = [
    "COMPONENTS",
    "RESISTIVITY_OHM_M",
    "CircuitExplorerParams",
    "CircuitExplorerResult",
    "DiodeParams",
    "DividerResult",
    "LampParams",
    "LdrParams",
    "ResistorParams",
    "ThermistorParams",
    "WireParams",
    "describe",
    "diode_current",
    "equivalent_resistance",
    "explore",
    "iv_curve",
    "lamp_temperature_k",
    "potential_divider",
    "thermistor_resistance",
    "thermistor_temperature_k",
    "to_table",
    "iv_virtual_practical",
    "virtual_practical",
    "wire_resistance",
]
