"""Electric circuits: resistor networks, wire resistance, the potential divider and the
current–voltage (I–V) characteristics of five components.

Physics (see MODEL.md beside this file for the teacher's version):

* Resistors in series add, ``R = R₁ + R₂ + …``; in parallel their conductances add,
  ``1/R = 1/R₁ + 1/R₂ + …``. :func:`equivalent_resistance` takes a flat list with an
  arrangement, or a nested spec such as ``("series", [10, ("parallel", [20, 20])])``.
* A uniform wire: ``R = ρ L / A`` with ``A = π d²/4``. Resistivities at 20 °C:
  constantan 49 × 10⁻⁸ Ω m, nichrome 110 × 10⁻⁸ Ω m (the values tabulated in Kaye & Laby,
  *Tables of Physical and Chemical Constants*, and in UK school data books; real wire
  varies by a few per cent with composition and cold-working).
* Potential divider: ``V_out = V_in R₂/(R₁ + R₂)`` unloaded; a load R_L in parallel with
  R₂ replaces R₂ by ``R₂ R_L/(R₂ + R_L)``, so V_out falls.
* Components (each returns current in A for p.d.s in V; positive p.d. = forward):
    - resistor: Ohm's law, ``I = V/R``.
    - filament lamp: tungsten resistance ``R = R₀ (T/T₀)^1.2`` (the usual power-law fit
      to tungsten's resistivity from room temperature to ~3000 K) and a steady thermal
      balance ``V²/R = G (T − T₀) + K (T⁴ − T₀⁴)`` (conduction plus radiation), with G and
      K fixed by the lamp's rating (rated p.d., rated current, filament temperature).
      At low current T → T₀ and the lamp obeys Ohm's law with R₀.
    - diode: Shockley ``I = I_s (exp(V_j/(n V_T)) − 1)``, ``V_T = kT/e``, with an ohmic
      series resistance ``R_s`` (``V = V_j + I R_s``, solved exactly with the Wright ω
      function) and a reverse-breakdown branch at ``−V_BR``. Default parameters are
      NXP's PSPICE model of the 1N4148 (IS = 4.352 nA, N = 1.906, RS = 0.6458 Ω,
      BV = 110 V).
    - thermistor (NTC): the B-parameter equation ``R = R₂₅ exp(B (1/T − 1/298.15 K))``
      at the temperature of its surroundings (e.g. a water bath); optionally with
      self-heating ``V²/R = δ (T − T_surroundings)`` (δ the dissipation constant).
    - LDR: photoconductance adds to dark conductance,
      ``1/R = 1/R_dark + (E/10 lux)^γ / R₁₀``, so ``R ≈ R₁₀ (E/10 lux)^−γ`` in light and
      ``R_dark`` in darkness. Defaults are the GL5506 cadmium-sulphide cell
      (R₁₀ 2–6 kΩ, γ = 0.6, R_dark 0.15 MΩ in the GL55-series datasheet).

Limits: steady state only (no warm-up time of the lamp or thermistor), ideal meters
unless stated, the lamp filament would melt above 3695 K (the model reports T).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import math
from numbers import Real

import numpy as np
from scipy.constants import Boltzmann, elementary_charge, zero_Celsius
from scipy.special import wrightomega

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.text import number
from stemcpd.validation import check_count, check_range

T25_K = 298.15  # 25 °C, the reference temperature of thermistor data sheets
ROOM_TEMPERATURE_K = 293.15
TUNGSTEN_MELTING_POINT_K = 3695.0

# Resistivity at 20 °C, Ω m (Kaye & Laby / school data-book values).
RESISTIVITY_OHM_M = {
    "constantan": 49e-8,
    "nichrome": 110e-8,
}

COMPONENTS = ("resistor", "filament lamp", "diode", "thermistor", "ldr")

_INF = math.inf


def _positive(name, value, unit, high=_INF):
    return check_range(name, value, 0, high, high_open=high == _INF, unit=unit)


# ----------------------------------------------------------------------------------
# Resistor networks
# ----------------------------------------------------------------------------------
ARRANGEMENTS = ("series", "parallel")


def _network_resistance(spec, path: str) -> float:
    if isinstance(spec, Real) and not isinstance(spec, bool):
        return _positive(f"{path}: resistance", spec, "ohm")
    if isinstance(spec, (tuple, list)) and len(spec) == 2 and isinstance(spec[0], str):
        kind, items = spec
        return _combine(kind, items, path)
    raise ValueError(
        f"{path}: expected a resistance in ohms or a pair like ('series', [10, 20]), got {spec!r}"
    )


def _combine(kind, items, path: str) -> float:
    if kind not in ARRANGEMENTS:
        raise ValueError(f"{path}: arrangement must be 'series' or 'parallel', got {kind!r}")
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise ValueError(f"{path}: a {kind} group needs a list of resistances, got {items!r}")
    values = [_network_resistance(item, f"{path}[{index}]") for index, item in enumerate(items)]
    if not values:
        raise ValueError(f"{path}: a {kind} group needs at least one resistance")
    if kind == "series":
        return float(math.fsum(values))
    return 1.0 / math.fsum(1.0 / value for value in values)


def equivalent_resistance(network, arrangement: str | None = None) -> float:
    """Total resistance of a resistor network, in ohms (Ω).

    Args:
        network: either a list of resistances (Ω) combined by ``arrangement``, or a
            nested spec: a number (one resistor) or a pair ``(arrangement, [items])``
            whose items are numbers or further pairs, e.g.
            ``("series", [10, ("parallel", [20, 20])])`` → 20 Ω.
        arrangement: ``"series"`` or ``"parallel"`` when ``network`` is a flat list;
            leave out for a nested spec.

    Raises:
        ValueError: naming where in the network the problem is (``network[1][0]``), for
            a resistance that is not a number in (0, inf) Ω, an unknown arrangement or an
            empty group.
    """
    if arrangement is not None:
        return _combine(arrangement, network, "network")
    return _network_resistance(network, "network")


# ----------------------------------------------------------------------------------
# Wire resistance and the potential divider
# ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class WireParams:
    """A uniform resistance wire.

    Attributes:
        resistivity_ohm_m: resistivity ρ, in ohm metres (Ω m); (0, 1]. Constantan
            49 × 10⁻⁸ Ω m (see :data:`RESISTIVITY_OHM_M`).
        diameter_m: wire diameter d, in metres (m); (0, 0.01]. 32 SWG = 0.274 mm.
    """

    resistivity_ohm_m: float = RESISTIVITY_OHM_M["constantan"]
    diameter_m: float = 0.274e-3

    def __post_init__(self):
        object.__setattr__(self, "resistivity_ohm_m", _positive("resistivity_ohm_m", self.resistivity_ohm_m, "ohm m", 1.0))
        object.__setattr__(self, "diameter_m", _positive("diameter_m", self.diameter_m, "m", 0.01))

    @property
    def area_m2(self) -> float:
        """Cross-sectional area π d²/4, m²."""
        return math.pi * self.diameter_m**2 / 4.0

    @property
    def resistance_per_metre_ohm_m(self) -> float:
        """ρ/A, the gradient of the R–L graph, Ω/m."""
        return self.resistivity_ohm_m / self.area_m2


def wire_resistance(length_m, wire: WireParams | None = None) -> np.ndarray | float:
    """``R = ρ L / A`` for a length (or array of lengths) of wire, in ohms.

    Raises:
        ValueError: for a length outside [0, 100] m.
    """
    wire = WireParams() if wire is None else wire
    lengths = np.asarray(length_m, dtype=float)
    for value in np.atleast_1d(lengths):
        check_range("length_m", value, 0, 100, low_open=False, unit="m")
    resistance = wire.resistance_per_metre_ohm_m * lengths
    return float(resistance) if resistance.ndim == 0 else resistance


@dataclass(frozen=True)
class DividerResult:
    """A potential divider R₁ (top) and R₂ (bottom), with an optional load across R₂.

    Attributes:
        input_voltage_v: supply p.d. V_in, V.
        r1_ohm, r2_ohm: the two resistors, Ω.
        load_resistance_ohm: load across R₂ (a voltmeter or a circuit), Ω; inf = none.
        output_voltage_v: V_out across R₂ with the load connected, V.
        unloaded_output_voltage_v: V_in R₂/(R₁ + R₂), V.
        top_voltage_v: p.d. across R₁, V.
        current_r1_a, current_r2_a, current_load_a: branch currents, A.
    """

    input_voltage_v: float
    r1_ohm: float
    r2_ohm: float
    load_resistance_ohm: float
    output_voltage_v: float
    unloaded_output_voltage_v: float
    top_voltage_v: float
    current_r1_a: float
    current_r2_a: float
    current_load_a: float


def potential_divider(input_voltage_v: float, r1_ohm: float, r2_ohm: float,
                      load_resistance_ohm: float = _INF) -> DividerResult:
    """Solve a potential divider, optionally loaded across R₂.

    Args:
        input_voltage_v: supply p.d., V; [0, 1000].
        r1_ohm: top resistor, Ω; (0, inf).
        r2_ohm: bottom resistor (output across it), Ω; (0, inf).
        load_resistance_ohm: resistance connected across R₂, Ω; (0, inf]; inf = none.

    Raises:
        ValueError: naming the parameter and its range.
    """
    vin = check_range("input_voltage_v", input_voltage_v, 0, 1000, low_open=False, unit="V")
    r1 = _positive("r1_ohm", r1_ohm, "ohm")
    r2 = _positive("r2_ohm", r2_ohm, "ohm")
    load = check_range("load_resistance_ohm", load_resistance_ohm, 0, _INF, unit="ohm")
    bottom = r2 if load == _INF else r2 * load / (r2 + load)
    current = vin / (r1 + bottom)
    vout = current * bottom
    return DividerResult(
        input_voltage_v=vin, r1_ohm=r1, r2_ohm=r2, load_resistance_ohm=load,
        output_voltage_v=vout, unloaded_output_voltage_v=vin * r2 / (r1 + r2),
        top_voltage_v=current * r1, current_r1_a=current, current_r2_a=vout / r2,
        current_load_a=0.0 if load == _INF else vout / load,
    )


# ----------------------------------------------------------------------------------
# Components and their I–V characteristics
# ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ResistorParams:
    """An ohmic resistor. ``resistance_ohm``: resistance, Ω; (0, inf)."""

    resistance_ohm: float = 100.0

    def __post_init__(self):
        object.__setattr__(self, "resistance_ohm", _positive("resistance_ohm", self.resistance_ohm, "ohm"))


@dataclass(frozen=True)
class LampParams:
    """A filament lamp, described by its rating.

    Attributes:
        rated_voltage_v: p.d. at which it runs as designed, V; (0, 1000].
        rated_current_a: current at the rated p.d., A; (0, 100].
        filament_temperature_k: filament temperature at the rating, K; (300, 3695).
        ambient_temperature_k: surroundings (cold filament), K; (200, 300].
        resistance_exponent: k in R ∝ T^k for tungsten (1.2); (0, 3].
        conduction_fraction: share of the rated power lost by conduction rather than
            radiation, no unit; [0, 1).
    """

    rated_voltage_v: float = 6.0
    rated_current_a: float = 0.06
    filament_temperature_k: float = 2500.0
    ambient_temperature_k: float = ROOM_TEMPERATURE_K
    resistance_exponent: float = 1.2
    conduction_fraction: float = 0.1

    def __post_init__(self):
        checks = {
            "rated_voltage_v": _positive("rated_voltage_v", self.rated_voltage_v, "V", 1000),
            "rated_current_a": _positive("rated_current_a", self.rated_current_a, "A", 100),
            "filament_temperature_k": check_range(
                "filament_temperature_k", self.filament_temperature_k, 300, TUNGSTEN_MELTING_POINT_K,
                high_open=True, unit="K"),
            "ambient_temperature_k": check_range("ambient_temperature_k", self.ambient_temperature_k, 200, 300, unit="K"),
            "resistance_exponent": check_range("resistance_exponent", self.resistance_exponent, 0, 3),
            "conduction_fraction": check_range(
                "conduction_fraction", self.conduction_fraction, 0, 1, low_open=False, high_open=True),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def hot_resistance_ohm(self) -> float:
        """Resistance at the rating, V/I, Ω."""
        return self.rated_voltage_v / self.rated_current_a

    @property
    def cold_resistance_ohm(self) -> float:
        """Resistance at the ambient temperature (the low-current limit), Ω."""
        ratio = self.filament_temperature_k / self.ambient_temperature_k
        return self.hot_resistance_ohm / ratio**self.resistance_exponent

    def resistance_ohm(self, temperature_k):
        """Filament resistance at ``temperature_k``, Ω."""
        t = np.asarray(temperature_k, dtype=float)
        return self.cold_resistance_ohm * (t / self.ambient_temperature_k) ** self.resistance_exponent

    def power_loss_w(self, temperature_k):
        """Power the filament loses to its surroundings at ``temperature_k``, W."""
        t0, t_hot = self.ambient_temperature_k, self.filament_temperature_k
        rated_power = self.rated_voltage_v * self.rated_current_a
        conduction = self.conduction_fraction * rated_power / (t_hot - t0)
        radiation = (1.0 - self.conduction_fraction) * rated_power / (t_hot**4 - t0**4)
        t = np.asarray(temperature_k, dtype=float)
        return conduction * (t - t0) + radiation * (t**4 - t0**4)


@dataclass(frozen=True)
class DiodeParams:
    """A junction diode (defaults: NXP's PSPICE model of the 1N4148).

    Attributes:
        saturation_current_a: I_s, A; (0, 1].
        ideality_factor: n, no unit; (0, 10].
        series_resistance_ohm: ohmic resistance of the leads and bulk, Ω; [0, 1e6].
        breakdown_voltage_v: reverse p.d. at which it breaks down, V; (0, 1e4].
        temperature_k: junction temperature, K (sets V_T = kT/e); (0, 600].
    """

    saturation_current_a: float = 4.352e-9
    ideality_factor: float = 1.906
    series_resistance_ohm: float = 0.6458
    breakdown_voltage_v: float = 110.0
    temperature_k: float = 300.15  # SPICE's nominal 27 °C

    def __post_init__(self):
        checks = {
            "saturation_current_a": _positive("saturation_current_a", self.saturation_current_a, "A", 1.0),
            "ideality_factor": _positive("ideality_factor", self.ideality_factor, "", 10.0),
            "series_resistance_ohm": check_range(
                "series_resistance_ohm", self.series_resistance_ohm, 0, 1e6, low_open=False, unit="ohm"),
            "breakdown_voltage_v": _positive("breakdown_voltage_v", self.breakdown_voltage_v, "V", 1e4),
            "temperature_k": _positive("temperature_k", self.temperature_k, "K", 600.0),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def thermal_voltage_v(self) -> float:
        """V_T = kT/e, V (25.87 mV at 27 °C)."""
        return Boltzmann * self.temperature_k / elementary_charge


@dataclass(frozen=True)
class ThermistorParams:
    """An NTC thermistor.

    Attributes:
        resistance_25c_ohm: R₂₅, resistance at 25 °C, Ω; (0, inf).
        b_constant_k: B, K; (0, 20000]. 3000–4500 K is typical; 3950 K is common.
        temperature_c: temperature of the surroundings (e.g. a water bath), °C;
            (−273.15, 300].
        dissipation_constant_w_per_k: δ, power per kelvin of self-heating, W/K;
            (0, inf]; inf means the surroundings hold it at ``temperature_c``
            (no self-heating). Small bead thermistors: a few mW/K in still air.
    """

    resistance_25c_ohm: float = 10_000.0
    b_constant_k: float = 3950.0
    temperature_c: float = 25.0
    dissipation_constant_w_per_k: float = _INF

    def __post_init__(self):
        checks = {
            "resistance_25c_ohm": _positive("resistance_25c_ohm", self.resistance_25c_ohm, "ohm"),
            "b_constant_k": _positive("b_constant_k", self.b_constant_k, "K", 20000.0),
            "temperature_c": check_range("temperature_c", self.temperature_c, -zero_Celsius, 300, unit="°C"),
            "dissipation_constant_w_per_k": check_range(
                "dissipation_constant_w_per_k", self.dissipation_constant_w_per_k, 0, _INF, unit="W/K"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    def resistance_ohm(self, temperature_k):
        """The B-parameter equation R = R₂₅ exp(B (1/T − 1/298.15 K)), Ω."""
        t = np.asarray(temperature_k, dtype=float)
        return self.resistance_25c_ohm * np.exp(self.b_constant_k * (1.0 / t - 1.0 / T25_K))


def thermistor_resistance(temperature_c, resistance_25c_ohm: float = 10_000.0, b_constant_k: float = 3950.0):
    """Resistance of an NTC thermistor at ``temperature_c`` (°C, scalar or array), Ω."""
    params = ThermistorParams(resistance_25c_ohm=resistance_25c_ohm, b_constant_k=b_constant_k)
    temperatures = np.asarray(temperature_c, dtype=float)
    for value in np.atleast_1d(temperatures):
        check_range("temperature_c", value, -zero_Celsius, 300, unit="°C")
    resistance = params.resistance_ohm(temperatures + zero_Celsius)
    return float(resistance) if resistance.ndim == 0 else resistance


@dataclass(frozen=True)
class LdrParams:
    """A light-dependent resistor (defaults: GL5506 CdS cell).

    Attributes:
        resistance_10lux_ohm: R₁₀, resistance at 10 lux, Ω; (0, inf).
        gamma: γ = log₁₀(R₁₀/R₁₀₀), no unit; (0, 2].
        dark_resistance_ohm: resistance in darkness, Ω; (0, inf).
        illuminance_lux: light falling on it, lux; [0, 200000].
    """

    resistance_10lux_ohm: float = 4000.0
    gamma: float = 0.6
    dark_resistance_ohm: float = 150_000.0
    illuminance_lux: float = 300.0

    def __post_init__(self):
        checks = {
            "resistance_10lux_ohm": _positive("resistance_10lux_ohm", self.resistance_10lux_ohm, "ohm"),
            "gamma": _positive("gamma", self.gamma, "", 2.0),
            "dark_resistance_ohm": _positive("dark_resistance_ohm", self.dark_resistance_ohm, "ohm"),
            "illuminance_lux": check_range(
                "illuminance_lux", self.illuminance_lux, 0, 200_000, low_open=False, unit="lux"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    def resistance_ohm(self, illuminance_lux=None):
        """Resistance at ``illuminance_lux`` (default: this LDR's own), Ω."""
        lux = np.asarray(self.illuminance_lux if illuminance_lux is None else illuminance_lux, dtype=float)
        conductance = 1.0 / self.dark_resistance_ohm + (lux / 10.0) ** self.gamma / self.resistance_10lux_ohm
        resistance = 1.0 / conductance
        return float(resistance) if resistance.ndim == 0 else resistance


_PARAM_TYPES = {
    "resistor": ResistorParams,
    "filament lamp": LampParams,
    "diode": DiodeParams,
    "thermistor": ThermistorParams,
    "ldr": LdrParams,
}


def _bisect(function, low, high, iterations: int = 64):
    """Vectorised bisection for a function that is positive at ``low``, ≤ 0 at ``high``."""
    low, high = np.array(low, dtype=float), np.array(high, dtype=float)
    for _ in range(iterations):
        middle = 0.5 * (low + high)
        positive = function(middle) > 0
        low = np.where(positive, middle, low)
        high = np.where(positive, high, middle)
    return 0.5 * (low + high)


def lamp_temperature_k(voltages_v, params: LampParams | None = None) -> np.ndarray:
    """Steady filament temperature at each p.d. (either polarity), K.

    Solves ``V²/R(T) = G (T − T₀) + K (T⁴ − T₀⁴)`` by bisection (the left side falls and
    the right side rises with T, so there is exactly one solution).
    """
    params = LampParams() if params is None else params
    squared = np.asarray(voltages_v, dtype=float) ** 2
    t0 = params.ambient_temperature_k
    return _bisect(
        lambda t: squared / params.resistance_ohm(t) - params.power_loss_w(t),
        np.full(squared.shape, t0), np.full(squared.shape, 1e5),
    )


def _diode_forward(voltages, saturation, emission_voltage, series_resistance):
    """Shockley diode in series with R_s: exact current for the p.d. across both, A."""
    if series_resistance == 0:
        return saturation * np.expm1(voltages / emission_voltage)
    a = saturation * series_resistance / emission_voltage
    z = (voltages + saturation * series_resistance) / emission_voltage + math.log(a)
    return emission_voltage / series_resistance * wrightomega(z) - saturation


def diode_current(voltages_v, params: DiodeParams | None = None,
                  protective_resistance_ohm: float = 0.0) -> np.ndarray:
    """Current through a diode (plus an optional resistor in series with it), A.

    Args:
        voltages_v: p.d. across the diode — or across diode and protective resistor
            together when ``protective_resistance_ohm`` > 0 — V; positive = forward.
        params: the diode; defaults to :class:`DiodeParams` (1N4148).
        protective_resistance_ohm: a resistor in series, Ω; [0, 1e9].
    """
    params = DiodeParams() if params is None else params
    extra = check_range("protective_resistance_ohm", protective_resistance_ohm, 0, 1e9, low_open=False, unit="ohm")
    v = np.asarray(voltages_v, dtype=float)
    emission = params.ideality_factor * params.thermal_voltage_v
    series = params.series_resistance_ohm + extra
    saturation = params.saturation_current_a
    forward = _diode_forward(v, saturation, emission, series)
    # Breakdown: the same junction law mirrored about −V_BR (a Zener-like knee).
    breakdown = _diode_forward(-v - params.breakdown_voltage_v, saturation, emission, series) + saturation
    return forward - breakdown


def thermistor_temperature_k(voltages_v, params: ThermistorParams | None = None) -> np.ndarray:
    """Steady thermistor temperature at each p.d., K (self-heating if δ is finite).

    Solves ``V²/R(T) = δ (T − T_s)`` on the stable branch below the turnover
    temperature ``T* = (B − √(B² − 4 B T_s))/2``.

    Raises:
        ValueError: if a p.d. exceeds the turnover p.d. (thermal runaway: no steady state).
    """
    params = ThermistorParams() if params is None else params
    squared = np.asarray(voltages_v, dtype=float) ** 2
    surroundings = params.temperature_c + zero_Celsius
    delta = params.dissipation_constant_w_per_k
    if delta == _INF:
        return np.full(squared.shape, surroundings)
    b = params.b_constant_k
    if b > 4 * surroundings:
        turnover = 0.5 * (b - math.sqrt(b * b - 4 * b * surroundings))
        peak_voltage = math.sqrt(delta * (turnover - surroundings) * float(params.resistance_ohm(turnover)))
        if np.any(squared > peak_voltage**2):
            raise ValueError(
                f"voltages_v must stay within ±{peak_voltage:.3g} V for this thermistor: beyond that "
                "self-heating runs away (no steady temperature)"
            )
    else:
        turnover = surroundings + 1e5
    return _bisect(
        lambda t: squared / params.resistance_ohm(t) - delta * (t - surroundings),
        np.full(squared.shape, surroundings), np.full(squared.shape, turnover),
    )


def iv_curve(component: str, voltages, params=None) -> np.ndarray:
    """Current through ``component`` at each p.d. in ``voltages``, in amperes.

    Args:
        component: one of ``"resistor"``, ``"filament lamp"``, ``"diode"``,
            ``"thermistor"``, ``"ldr"`` (case and surrounding spaces ignored).
        voltages: p.d.s across the component, V (scalar or array; |V| ≤ 1e4).
        params: the matching params dataclass (:class:`ResistorParams`,
            :class:`LampParams`, :class:`DiodeParams`, :class:`ThermistorParams`,
            :class:`LdrParams`); defaults to that class's defaults.

    Returns:
        Currents, A, the same shape as ``voltages`` (a float for a scalar).

    Raises:
        ValueError: for an unknown component, mismatched params, or bad voltages.
    """
    name = component.strip().lower() if isinstance(component, str) else component
    if name not in _PARAM_TYPES:
        raise ValueError(f"component must be one of {', '.join(COMPONENTS)}; got {component!r}")
    expected = _PARAM_TYPES[name]
    params = expected() if params is None else params
    if not isinstance(params, expected):
        raise ValueError(f"params for a {name} must be {expected.__name__}, got {type(params).__name__}")
    v = np.asarray(voltages, dtype=float)
    if not np.all(np.isfinite(v)) or np.any(np.abs(v) > 1e4):
        raise ValueError("voltages must be finite numbers within ±10000 V")
    if name == "resistor":
        current = v / params.resistance_ohm
    elif name == "filament lamp":
        current = v / params.resistance_ohm(lamp_temperature_k(v, params))
    elif name == "diode":
        current = diode_current(v, params)
    elif name == "thermistor":
        current = v / params.resistance_ohm(thermistor_temperature_k(v, params))
    else:
        current = v / params.resistance_ohm()
    return float(current) if current.ndim == 0 else current


# ----------------------------------------------------------------------------------
# The explorer behind the app: wire, potential divider and the five I–V curves
# ----------------------------------------------------------------------------------
# A "school kit" whose parts draw tens of milliamps at a few volts, so all five
# curves share one current axis: a 100 Ω resistor, a 6 V 0.06 A MES lamp, a 1N4148
# diode (with a 100 Ω protective resistor for its operating point), a 100 Ω NTC
# thermistor in a water bath, and a GL5506 LDR.
KIT_RESISTOR = ResistorParams(100.0)
KIT_LAMP = LampParams(rated_voltage_v=6.0, rated_current_a=0.06)
KIT_DIODE = DiodeParams()
KIT_DIODE_PROTECTIVE_RESISTOR_OHM = 100.0
KIT_THERMISTOR_R25_OHM = 100.0
KIT_LDR = LdrParams()
KIT_WIRE = WireParams()  # 32 SWG constantan
EXPLORER_VOLTAGE_LADDER_V = (1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0)
COMPONENT_LABELS = {
    "resistor": "resistor (100 Ω)",
    "filament lamp": "filament lamp (6 V 0.06 A)",
    "diode": "diode (1N4148)",
    "thermistor": "thermistor (NTC, 100 Ω at 25 °C)",
    "ldr": "LDR (GL5506)",
}


@dataclass(frozen=True)
class CircuitExplorerParams:
    """The settings of the circuits explorer app.

    Attributes:
        supply_voltage_v: p.d. across each component, and the divider's V_in, V; (0, 12].
        wire_length_m: length of constantan wire between the clips, m; (0, 1].
        r1_ohm: the divider's top resistor, Ω; (0, 1e6].
        r2_ohm: the divider's bottom resistor (output across it), Ω; (0, 1e6].
        load_resistance_ohm: load connected across R₂, Ω; (0, 1e9].
        temperature_c: temperature of the thermistor's water bath, °C; [0, 100].
        illuminance_lux: light on the LDR, lux; [0, 100000].
    """

    supply_voltage_v: float = 6.0
    wire_length_m: float = 0.5
    r1_ohm: float = 100.0
    r2_ohm: float = 100.0
    load_resistance_ohm: float = 1000.0
    temperature_c: float = 20.0
    illuminance_lux: float = 300.0

    def __post_init__(self):
        checks = {
            "supply_voltage_v": check_range("supply_voltage_v", self.supply_voltage_v, 0, 12, unit="V"),
            "wire_length_m": check_range("wire_length_m", self.wire_length_m, 0, 1, unit="m"),
            "r1_ohm": _positive("r1_ohm", self.r1_ohm, "ohm", 1e6),
            "r2_ohm": _positive("r2_ohm", self.r2_ohm, "ohm", 1e6),
            "load_resistance_ohm": _positive("load_resistance_ohm", self.load_resistance_ohm, "ohm", 1e9),
            "temperature_c": check_range("temperature_c", self.temperature_c, 0, 100, low_open=False, unit="°C"),
            "illuminance_lux": check_range(
                "illuminance_lux", self.illuminance_lux, 0, 100_000, low_open=False, unit="lux"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class CircuitExplorerResult:
    """Everything the explorer shows. Arrays share an index with their x array.

    Attributes:
        params: the settings.
        wire_lengths_m, wire_resistances_ohm: the R–L line of the kit wire (ρL/A).
        wire_resistance_ohm: resistance of the chosen length, Ω.
        divider: the loaded divider at the chosen R₂.
        r2_sweep_ohm: R₂ values for the divider curves, Ω.
        vout_unloaded_v, vout_loaded_v: V_out over the sweep without / with the load, V.
        voltages_v: p.d.s of the I–V curves, V (symmetric about 0).
        currents_a: component name → current at each p.d., A.
        operating_voltage_v: component name → p.d. across it at the supply voltage, V
            (the diode's is less: its protective resistor takes the rest).
        operating_current_a: component name → current at the supply voltage, A.
        component_resistance_ohm: component name → V/I at the operating point, Ω.
        lamp_temperature_k: filament temperature at the operating point, K.
    """

    params: CircuitExplorerParams
    wire_lengths_m: np.ndarray
    wire_resistances_ohm: np.ndarray
    wire_resistance_ohm: float
    divider: DividerResult
    r2_sweep_ohm: np.ndarray
    vout_unloaded_v: np.ndarray
    vout_loaded_v: np.ndarray
    voltages_v: np.ndarray
    currents_a: dict = field(default_factory=dict)
    operating_voltage_v: dict = field(default_factory=dict)
    operating_current_a: dict = field(default_factory=dict)
    component_resistance_ohm: dict = field(default_factory=dict)
    lamp_temperature_k: float = ROOM_TEMPERATURE_K
    wire_readings: "WireClassReadings | None" = None


@dataclass(frozen=True)
class WireClassReadings:
    """One seeded set of class readings for the wire practical, and their best fit: what
    the explorer's wire panel plots beside ρL/A (always the same, so every setting
    shows the same class data).

    Attributes:
        lengths_m: measured lengths, m.
        resistances_ohm: V/I at each length, Ω (includes the clips' contact resistance).
        fit_gradient_ohm_m: least-squares gradient, Ω/m.
        fit_intercept_ohm: least-squares intercept, Ω (the clips: a systematic error).
    """

    lengths_m: np.ndarray
    resistances_ohm: np.ndarray
    fit_gradient_ohm_m: float
    fit_intercept_ohm: float


_WIRE_READINGS: list = []


def wire_class_readings() -> WireClassReadings:
    """:func:`virtual_practical` with seed 0 and its best-fit line (computed once)."""
    if not _WIRE_READINGS:
        from stemcpd.practical import fit_line

        readings = virtual_practical(seed=0)
        lengths, resistances = readings.column("length"), readings.column("resistance")
        gradient, intercept, _, _ = fit_line(lengths, resistances)
        _WIRE_READINGS.append(WireClassReadings(lengths, resistances, float(gradient), float(intercept)))
    return _WIRE_READINGS[0]


def kit_params(params: CircuitExplorerParams) -> dict:
    """The params of each kit component at the explorer's temperature and light level."""
    return {
        "resistor": KIT_RESISTOR,
        "filament lamp": KIT_LAMP,
        "diode": KIT_DIODE,
        "thermistor": ThermistorParams(resistance_25c_ohm=KIT_THERMISTOR_R25_OHM, temperature_c=params.temperature_c),
        "ldr": LdrParams(illuminance_lux=params.illuminance_lux),
    }


def explore(params: CircuitExplorerParams | None = None, points: int = 241) -> CircuitExplorerResult:
    """Compute what the circuits explorer shows for ``params``."""
    params = CircuitExplorerParams() if params is None else params
    supply = params.supply_voltage_v
    lengths = np.linspace(0.0, 1.0, 51)
    # R₂ from 0 to twice the chosen value (at least 1 kΩ), rounded up to a 500 Ω step so
    # the divider panel's axis moves only in steps.
    r2_sweep = np.linspace(0.0, 500.0 * math.ceil(max(1000.0, 2.0 * params.r2_ohm) / 500.0), 201)
    bottom_loaded = r2_sweep * params.load_resistance_ohm / (r2_sweep + params.load_resistance_ohm)
    axis_voltage = _ladder(supply)
    voltages = np.linspace(-axis_voltage, axis_voltage, points)
    kit = kit_params(params)
    currents, op_v, op_i, op_r = {}, {}, {}, {}
    for name in COMPONENTS:
        currents[name] = iv_curve(name, voltages, kit[name])
        if name == "diode":
            current = float(diode_current(supply, KIT_DIODE, KIT_DIODE_PROTECTIVE_RESISTOR_OHM))
            op_v[name] = supply - current * KIT_DIODE_PROTECTIVE_RESISTOR_OHM
        else:
            current = iv_curve(name, supply, kit[name])
            op_v[name] = supply
        op_i[name] = current
        op_r[name] = op_v[name] / current if current > 0 else _INF
    return CircuitExplorerResult(
        params=params,
        wire_lengths_m=lengths,
        wire_resistances_ohm=wire_resistance(lengths, KIT_WIRE),
        wire_resistance_ohm=wire_resistance(params.wire_length_m, KIT_WIRE),
        divider=potential_divider(supply, params.r1_ohm, params.r2_ohm, params.load_resistance_ohm),
        r2_sweep_ohm=r2_sweep,
        vout_unloaded_v=supply * r2_sweep / (params.r1_ohm + r2_sweep),
        vout_loaded_v=supply * bottom_loaded / (params.r1_ohm + bottom_loaded),
        voltages_v=voltages,
        currents_a=currents,
        operating_voltage_v=op_v,
        operating_current_a=op_i,
        component_resistance_ohm=op_r,
        lamp_temperature_k=float(lamp_temperature_k(supply, KIT_LAMP)),
        wire_readings=wire_class_readings(),
    )


def _ladder(value):
    for rung in EXPLORER_VOLTAGE_LADDER_V:
        if rung >= value:
            return rung
    return EXPLORER_VOLTAGE_LADDER_V[-1]


def describe(result: CircuitExplorerResult) -> str:
    """One or two sentences a screen reader can speak about the explorer's state."""
    p, d = result.params, result.divider
    i = {name: value * 1000 for name, value in result.operating_current_a.items()}
    return (
        f"At {p.supply_voltage_v:.1f} V the resistor takes {i['resistor']:.1f} mA, the lamp "
        f"{i['filament lamp']:.1f} mA, the thermistor at {p.temperature_c:.0f} °C {i['thermistor']:.1f} mA, "
        f"the LDR in {p.illuminance_lux:.0f} lux {i['ldr']:.2f} mA, and the diode with its protective "
        f"resistor {i['diode']:.1f} mA at {result.operating_voltage_v['diode']:.2f} V. "
        f"{p.wire_length_m:.2f} m of constantan wire has a resistance of {result.wire_resistance_ohm:.2f} Ω; "
        f"the potential divider gives {d.output_voltage_v:.2f} V with the {p.load_resistance_ohm:.0f} Ω load "
        f"({d.unloaded_output_voltage_v:.2f} V unloaded)."
    )


def to_table(result: CircuitExplorerResult) -> Table:
    """The five I–V curves as a table: p.d. and the current through each component."""
    columns = [("potential difference", "V", result.voltages_v)]
    columns += [(f"current, {name}", "A", result.currents_a[name]) for name in COMPONENTS]
    p = result.params
    return Table.from_columns(
        columns,
        title=f"I–V characteristics (thermistor at {p.temperature_c:g} °C, LDR in {p.illuminance_lux:g} lux)",
    )


# ----------------------------------------------------------------------------------
# Virtual practical: resistance of a wire against its length
# ----------------------------------------------------------------------------------
# Digital meters reading to 0.01; a little flicker in the last digit.
AMMETER = Instrument("digital ammeter", "A", resolution=0.01, random_sd=0.003)
VOLTMETER = Instrument("digital voltmeter", "V", resolution=0.01, random_sd=0.003)
METRE_RULE = Instrument("metre rule", "m", resolution=0.001, random_sd=0.001)
CONTACT_RESISTANCE_NOTE = (
    "the crocodile clips add a contact resistance to every reading (a zero error), so the "
    "R–L line does not pass through the origin"
)


def virtual_practical(
    lengths_m=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
    wire: WireParams | None = None,
    contact_resistance_ohm: float = 0.2,
    supply_emf_v: float = 3.0,
    series_resistance_ohm: float = 5.0,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for "how does the resistance of a wire depend on length?".

    The wire (between two crocodile clips) is in series with a supply of emf
    ``supply_emf_v`` and a fixed resistance ``series_resistance_ohm`` (internal plus a
    protective resistor, which keeps the wire cool). The voltmeter is across the clips,
    so it measures the wire *and* the clips' ``contact_resistance_ohm`` — the systematic
    error: R = V/I plotted against length has gradient ρ/A and a positive intercept.

    Raises:
        ValueError: for an empty or out-of-range length list or a bad resistance.
    """
    wire = KIT_WIRE if wire is None else wire
    lengths = np.asarray(lengths_m, dtype=float)
    if lengths.size == 0:
        raise ValueError("lengths_m must list at least one length")
    for length in lengths:
        check_range("length_m", length, 0, 10, unit="m")
    contact = check_range("contact_resistance_ohm", contact_resistance_ohm, 0, 10, low_open=False, unit="ohm")
    emf = _positive("supply_emf_v", supply_emf_v, "V", 100)
    series = _positive("series_resistance_ohm", series_resistance_ohm, "ohm", 1e6)
    rng = make_rng(seed)
    between_clips = wire.resistance_per_metre_ohm_m * lengths + contact
    true_current = emf / (between_clips + series)
    measured_lengths = METRE_RULE.read(lengths, rng)
    voltages = VOLTMETER.read(true_current * between_clips, rng)
    currents = AMMETER.read(true_current, rng)
    with np.errstate(divide="ignore", invalid="ignore"):
        resistances = np.where(currents > 0, voltages / currents, np.nan)  # a 0.00 A reading gives no R
    return Table.from_columns(
        [
            ("length", "m", measured_lengths),
            ("potential difference", "V", voltages),
            ("current", "A", currents),
            ("resistance", "Ω", resistances),
        ],
        title=(f"Virtual practical: resistance of {wire.diameter_m * 1000:.3g} mm wire "
               f"(ρ = {number(wire.resistivity_ohm_m, 2)} Ω m) against length (seed {seed})"),
    )


# A milliammeter that was not zeroed: every reading 2 mA high. Pupils see the I–V line
# miss the origin (a current reading with no p.d.), the systematic error to spot.
MILLIAMMETER = Instrument(
    "digital milliammeter", "A", resolution=0.0001, random_sd=0.0002, zero_error=0.002,
    systematic_note="the milliammeter was not zeroed: every current reads 2 mA high",
)
IV_SUPPLY_SETTINGS_V = (-6.0, -4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)


def iv_virtual_practical(
    component: str = "filament lamp",
    supply_settings_v=IV_SUPPLY_SETTINGS_V,
    repeats: int = 2,
    temperature_c: float = 20.0,
    illuminance_lux: float = 300.0,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the I–V characteristics required practical.

    The supply (reversed for negative settings) drives the component from the school kit
    (see :func:`kit_params`); the diode has its 100 Ω protective resistor in series, and
    the voltmeter is across the component alone. Readings come from :data:`VOLTMETER`
    and :data:`MILLIAMMETER`, whose zero error is the systematic error.

    Raises:
        ValueError: for an unknown component, an empty or out-of-range supply list, or
            a bad repeat count.
    """
    name = component.strip().lower() if isinstance(component, str) else component
    if name not in COMPONENTS:
        raise ValueError(f"component must be one of {', '.join(COMPONENTS)}; got {component!r}")
    supplies = np.asarray(supply_settings_v, dtype=float)
    if supplies.size == 0:
        raise ValueError("supply_settings_v must list at least one setting")
    for setting in supplies:
        check_range("supply_setting_v", setting, -12, 12, low_open=False, unit="V")
    repeats = check_count("repeats", repeats, 1, 5)
    explorer = CircuitExplorerParams(temperature_c=temperature_c, illuminance_lux=illuminance_lux)
    params = kit_params(explorer)[name]
    if name == "diode":
        current = diode_current(supplies, params, KIT_DIODE_PROTECTIVE_RESISTOR_OHM)
        across = supplies - current * KIT_DIODE_PROTECTIVE_RESISTOR_OHM
    else:
        across = supplies
        current = np.asarray(iv_curve(name, supplies, params), dtype=float)
    rng = make_rng(seed)
    columns = [("supply setting", "V", supplies)]
    for run in range(repeats):
        columns.append((f"p.d., run {run + 1}", "V", VOLTMETER.read(across, rng)))
        columns.append((f"current, run {run + 1}", "A", MILLIAMMETER.read(current, rng)))
    return Table.from_columns(columns, title=f"Virtual practical: I–V characteristic of a {name} (seed {seed})")
