"""The National Grid as one transmission line, and electricity at home: P = VI, P = I²R,
E = Pt, E = QV, kilowatt-hours and cost, plug fuses.

Physics (MODEL.md beside this file is the teacher's version):

* A power station sends power ``P`` (W) into the transmission cables at a p.d. ``V``
  (the r.m.s. value, V). The current in the cables is ``I = P / V`` (AQA 4.2.4.1,
  P = VI).
* The cables have a total resistance ``R`` (there and back, Ω). The power they transfer
  to their thermal store (and so to the surroundings) is ``I² R`` (P = I²R). The rest,
  ``P − I² R``, reaches the step-down transformers: energy is conserved, delivered +
  lost = supplied, at every moment.
* At a fixed power the lost fraction is ``I² R / P = P R / V²``: double the transmission
  p.d. and the current halves and the heating of the cables falls to a quarter. That is
  why step-up transformers raise the p.d. for transmission (AQA 4.2.4.3). The p.d. across
  the cables is ``I R``, so the model needs ``I R < V``, i.e. ``P R / V² < 1``;
  anything else would need more than the whole supply p.d. to push the current through
  the cables, and the parameters are refused.
* The step-up transformer is ideal (100 % efficient, as GCSE assumes): the generator's
  current at its 25 kV is ``P / 25 kV`` (V_p I_p = V_s I_s is AQA 4.7.3.4, physics only,
  Higher tier).
* The supply is a.c. at 50 Hz. The quoted p.d. and current are r.m.s. values; the
  instantaneous p.d. is ``√2 V sin(2π f t)`` and the current ``√2 I sin(2π f t)``
  (in phase for a resistive line). Peak = √2 × r.m.s. (so 325 V for 230 V mains) is
  beyond GCSE. The instantaneous heating power ``i² R`` swings between 0 and
  ``2 I² R``; its mean over a cycle is exactly ``I² R``.

Everything is in closed form, so results do not depend on how finely the a.c. trace is
sampled.

Limits: one line standing for the whole grid (the real grid is three-phase, with
transformer losses and reactance, beyond GCSE); constant resistance (real cables warm
and their resistance rises); the station's output ``P`` is fixed, whatever is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.text import number
from stemcpd.validation import check_count, check_range

MAINS_PD_V = 230.0  # UK mains, r.m.s. (AQA 4.2.3.2: about 230 V)
MAINS_FREQUENCY_HZ = 50.0  # UK mains frequency (AQA 4.2.3.2)
GENERATOR_PD_V = 25_000.0  # a large power-station generator's output p.d., about 25 kV
JOULES_PER_KWH = 3.6e6  # 1 kW for 1 hour = 1000 W × 3600 s

TRANSMISSION_PD_PRESETS_KV = {
    "Generator p.d. (25 kV)": 25.0,
    "132 kV": 132.0,
    "275 kV": 275.0,
    "400 kV": 400.0,
}
"""The generator's own p.d. and the UK grid's transmission p.d.s (275 kV and 400 kV on the
supergrid; 132 kV in the local grid)."""

PLUG_FUSES_A = (3.0, 5.0, 13.0)
"""The plug fuse ratings most often used in UK 13 A plugs (BS 1362 fuses)."""

MAXIMUM_PD_KV = 1000.0
MAXIMUM_POWER_MW = 5000.0
MAXIMUM_RESISTANCE_OHM = 100.0


def _check_line(power_w: float, pd_v: float, resistance_ohm: float) -> tuple[float, float, float]:
    power_w = check_range("power_w", power_w, 0, MAXIMUM_POWER_MW * 1e6, unit="W")
    pd_v = check_range("pd_v", pd_v, 0, MAXIMUM_PD_KV * 1e3, unit="V")
    resistance_ohm = check_range("resistance_ohm", resistance_ohm, 0, MAXIMUM_RESISTANCE_OHM, low_open=False,
                                 unit="ohm")
    lost_fraction = power_w * resistance_ohm / pd_v**2
    if lost_fraction >= 1.0:
        current = power_w / pd_v
        raise ValueError(
            f"power × resistance ÷ p.d.² must be below 1, got {lost_fraction:.3g}: a current of {current:.4g} A "
            f"through {resistance_ohm:g} ohm needs {current * resistance_ohm:.4g} V, more than the whole "
            f"{pd_v:.4g} V supply. Raise the p.d. or lower the power or resistance."
        )
    return power_w, pd_v, resistance_ohm


# ----- household electricity: GCSE equations ------------------------------------------


def power_from_pd_and_current_w(pd_v: float, current_a: float) -> float:
    """Power, ``P = V I``, in watts.

    Raises:
        ValueError: if ``pd_v`` is not in (0, 1e6] V or ``current_a`` not in (0, 1e5] A.
    """
    pd_v = check_range("pd_v", pd_v, 0, 1e6, unit="V")
    current_a = check_range("current_a", current_a, 0, 1e5, unit="A")
    return pd_v * current_a


def power_from_current_and_resistance_w(current_a: float, resistance_ohm: float) -> float:
    """Power transferred in a resistor, ``P = I² R``, in watts.

    Raises:
        ValueError: if ``current_a`` is not in (0, 1e5] A or ``resistance_ohm`` not in [0, 1e6] Ω.
    """
    current_a = check_range("current_a", current_a, 0, 1e5, unit="A")
    resistance_ohm = check_range("resistance_ohm", resistance_ohm, 0, 1e6, low_open=False, unit="ohm")
    return current_a**2 * resistance_ohm


def current_from_power_a(power_w: float, pd_v: float) -> float:
    """The current an appliance or a line takes, ``I = P / V``, in amperes.

    Raises:
        ValueError: if ``power_w`` is not in (0, 5e9] W or ``pd_v`` not in (0, 1e6] V.
    """
    power_w = check_range("power_w", power_w, 0, 5e9, unit="W")
    pd_v = check_range("pd_v", pd_v, 0, 1e6, unit="V")
    return power_w / pd_v


def energy_from_power_j(power_w: float, time_s: float) -> float:
    """Energy transferred, ``E = P t``, in joules.

    Raises:
        ValueError: if ``power_w`` is not in (0, 5e9] W or ``time_s`` not in [0, 1e9] s.
    """
    power_w = check_range("power_w", power_w, 0, 5e9, unit="W")
    time_s = check_range("time_s", time_s, 0, 1e9, low_open=False, unit="s")
    return power_w * time_s


def energy_from_charge_j(charge_c: float, pd_v: float) -> float:
    """Energy transferred when charge flows through a p.d., ``E = Q V``, in joules.

    Raises:
        ValueError: if ``charge_c`` is not in [0, 1e9] C or ``pd_v`` not in (0, 1e6] V.
    """
    charge_c = check_range("charge_c", charge_c, 0, 1e9, low_open=False, unit="C")
    pd_v = check_range("pd_v", pd_v, 0, 1e6, unit="V")
    return charge_c * pd_v


def energy_kwh(power_kw: float, time_h: float) -> float:
    """Energy in kilowatt-hours, ``E = P t`` with P in kW and t in hours.

    Raises:
        ValueError: if ``power_kw`` is not in (0, 1e6] kW or ``time_h`` not in [0, 1e5] h.
    """
    power_kw = check_range("power_kw", power_kw, 0, 1e6, unit="kW")
    time_h = check_range("time_h", time_h, 0, 1e5, low_open=False, unit="h")
    return power_kw * time_h


def kwh_to_joules(energy_kwh_value: float) -> float:
    """Kilowatt-hours to joules (1 kWh = 3.6 MJ)."""
    energy_kwh_value = check_range("energy_kwh", energy_kwh_value, 0, 1e9, low_open=False, unit="kWh")
    return energy_kwh_value * JOULES_PER_KWH


def running_cost_pence(power_kw: float, time_h: float, price_p_per_kwh: float) -> float:
    """Cost of running an appliance: energy in kWh × price per kWh, in pence.

    Raises:
        ValueError: naming the parameter out of range (``price_p_per_kwh`` in (0, 1000] p/kWh).
    """
    price_p_per_kwh = check_range("price_p_per_kwh", price_p_per_kwh, 0, 1000, unit="p/kWh")
    return energy_kwh(power_kw, time_h) * price_p_per_kwh


def plug_fuse_a(power_w: float, pd_v: float = MAINS_PD_V, fuses=PLUG_FUSES_A) -> float:
    """The plug fuse to fit: the smallest standard rating above the appliance's normal
    current ``P / V``, in amperes.

    Raises:
        ValueError: for parameters out of range, or when the normal current is 13 A or more
            (such an appliance, a cooker or shower, is wired to its own circuit, not a plug).
    """
    current = current_from_power_a(power_w, pd_v)
    for rating in sorted(fuses):
        if rating > current:
            return float(rating)
    raise ValueError(
        f"power_w must give a current below the largest fuse, {max(fuses):g} A; {power_w:g} W at {pd_v:g} V "
        f"takes {current:.3g} A (an appliance like this has its own circuit, not a plug)"
    )


# ----- the transmission line -------------------------------------------------------------


def transmission_current_a(power_w: float, pd_v: float) -> float:
    """Current in the transmission cables, ``I = P / V``, in amperes."""
    return current_from_power_a(power_w, pd_v)


def line_power_lost_w(power_w: float, pd_v: float, resistance_ohm: float) -> float:
    """Power transferred to heating the cables, ``I² R`` with ``I = P / V``, in watts.

    Raises:
        ValueError: naming a parameter out of range, or when ``P R / V² ≥ 1`` (see module docstring).
    """
    power_w, pd_v, resistance_ohm = _check_line(power_w, pd_v, resistance_ohm)
    return (power_w / pd_v) ** 2 * resistance_ohm


def line_loss_kw(power_mw: float, pd_kv: float, resistance_ohm: float) -> float:
    """Heating power in the cables, in kW, for ``power_mw`` sent at ``pd_kv`` (for quiz items in MW and kV)."""
    power_mw = check_range("power_mw", power_mw, 0, MAXIMUM_POWER_MW, unit="MW")
    pd_kv = check_range("pd_kv", pd_kv, 0, MAXIMUM_PD_KV, unit="kV")
    return line_power_lost_w(power_mw * 1e6, pd_kv * 1e3, resistance_ohm) / 1e3


@dataclass(frozen=True)
class GridParams:
    """One transmission line. Validated on creation.

    Attributes:
        power_mw: power the power station sends into the cables, in megawatts (MW); (0, 5000].
        pd_kv: transmission p.d. (r.m.s.), in kilovolts (kV); (0, 1000].
        resistance_ohm: total resistance of the cables, there and back, in ohms (Ω); [0, 100].
            Together they must give ``P R / V² < 1`` (the cables' p.d. ``I R`` below ``V``).
    """

    power_mw: float = 20.0
    pd_kv: float = 400.0
    resistance_ohm: float = 5.0

    def __post_init__(self):
        checks = {
            "power_mw": check_range("power_mw", self.power_mw, 0, MAXIMUM_POWER_MW, unit="MW"),
            "pd_kv": check_range("pd_kv", self.pd_kv, 0, MAXIMUM_PD_KV, unit="kV"),
            "resistance_ohm": check_range("resistance_ohm", self.resistance_ohm, 0, MAXIMUM_RESISTANCE_OHM,
                                          low_open=False, unit="ohm"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)
        _check_line(self.power_w, self.pd_v, self.resistance_ohm)

    @property
    def power_w(self) -> float:
        """Power sent, W."""
        return self.power_mw * 1e6

    @property
    def pd_v(self) -> float:
        """Transmission p.d. (r.m.s.), V."""
        return self.pd_kv * 1e3


@dataclass(frozen=True)
class GridRun:
    """One transmission line carrying its power, with three cycles of its a.c. Arrays
    share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        current_a: r.m.s. current in the cables, P / V, A.
        power_supplied_w: power sent by the power station, W.
        power_lost_w: power transferred to heating the cables, I² R, W.
        power_delivered_w: power reaching the step-down transformers, W.
        cable_pd_v: r.m.s. p.d. across the cables, I R, V.
        generator_current_a: current at the generator's 25 kV through an ideal step-up
            transformer, A.
        times_s: sample times over three cycles of the 50 Hz supply, s.
        line_pd_v: instantaneous p.d. of the line, V.
        line_current_a: instantaneous current in the cables, A (positive one way round).
        heating_power_w: instantaneous heating power in the cables, i² R, W.
    """

    params: GridParams
    current_a: float
    power_supplied_w: float
    power_lost_w: float
    power_delivered_w: float
    cable_pd_v: float
    generator_current_a: float
    times_s: np.ndarray
    line_pd_v: np.ndarray
    line_current_a: np.ndarray
    heating_power_w: np.ndarray

    @property
    def efficiency(self) -> float:
        """Useful power out ÷ total power in (delivered ÷ supplied), as a fraction."""
        return self.power_delivered_w / self.power_supplied_w

    @property
    def lost_fraction(self) -> float:
        """Fraction of the power heating the cables, P R / V²."""
        return self.power_lost_w / self.power_supplied_w

    @property
    def peak_pd_v(self) -> float:
        """Peak p.d., √2 × r.m.s., V (beyond GCSE)."""
        return math.sqrt(2.0) * self.params.pd_v


CYCLES_SHOWN = 3


def simulate(params: GridParams | None = None, samples: int = 601) -> GridRun:
    """Send the power along the line and sample three cycles of its 50 Hz a.c.

    Args:
        params: the line; defaults to ``GridParams()``.
        samples: sample times over the three cycles, [2, 100000]. Every value is exact.

    Raises:
        ValueError: naming the parameter and its allowed range.
    """
    params = GridParams() if params is None else params
    samples = check_count("samples", samples, 2, 100_000)
    power, pd, resistance = params.power_w, params.pd_v, params.resistance_ohm
    current = power / pd
    lost = current**2 * resistance
    times = np.linspace(0.0, CYCLES_SHOWN / MAINS_FREQUENCY_HZ, samples)
    phase = np.sin(2.0 * math.pi * MAINS_FREQUENCY_HZ * times)
    line_pd = math.sqrt(2.0) * pd * phase
    line_current = math.sqrt(2.0) * current * phase
    return GridRun(
        params=params,
        current_a=current,
        power_supplied_w=power,
        power_lost_w=lost,
        power_delivered_w=power - lost,
        cable_pd_v=current * resistance,
        generator_current_a=power / GENERATOR_PD_V,
        times_s=times,
        line_pd_v=line_pd,
        line_current_a=line_current,
        heating_power_w=line_current**2 * resistance,
    )


def power_text(power_w: float, significant_figures: int = 3) -> str:
    """A power in W, kW or MW, in teachers' notation: ``12.5 kW``, ``19.99 MW``."""
    for unit, scale in (("MW", 1e6), ("kW", 1e3)):
        if abs(power_w) >= scale:
            return f"{number(power_w / scale, significant_figures)} {unit}"
    return f"{number(power_w, significant_figures)} W"


def percent_text(fraction: float) -> str:
    """A fraction as a percentage: three significant figures below 1 %, two decimal places
    (rounded down, so a line that loses anything never reads 100 %) from 99 %, one decimal
    place between."""
    percent = fraction * 100.0
    if percent < 1:
        return f"{number(percent, 3)}%"
    if 99 <= percent < 100:
        return f"{min(math.floor(percent * 100 + 1e-9) / 100, 99.99):.2f}%"
    return f"{percent:.1f}%"


def describe(run: GridRun) -> str:
    """Two or three sentences a screen reader can speak about this line."""
    p = run.params
    at_generator = p.power_w * p.resistance_ohm / GENERATOR_PD_V**2
    if p.pd_v <= GENERATOR_PD_V:
        comparison = "This is the generator's own p.d., with no step-up transformer."
    elif at_generator < 1.0:
        comparison = (
            f"Sent at the generator's 25 kV, the same power would need {number(run.generator_current_a, 4)} A and lose "
            f"{power_text(at_generator * p.power_w)} ({percent_text(at_generator)})."
        )
    else:
        comparison = (
            f"Sent at the generator's 25 kV, the same power would need {number(run.generator_current_a, 4)} A: more "
            f"than these cables could carry at all."
        )
    return (
        f"The power station sends {power_text(p.power_w)} at {p.pd_kv:g} kV through cables of total resistance "
        f"{p.resistance_ohm:g} ohms. The current is P/V = {number(run.current_a, 4)} A, so the cables transfer "
        f"I²R = {power_text(run.power_lost_w)} ({percent_text(run.lost_fraction)}) to the thermal store of the "
        f"surroundings and {power_text(run.power_delivered_w, 4)} reaches the step-down transformers: efficiency "
        f"{percent_text(run.efficiency)}. {comparison} The line's p.d. alternates 50 times a second; "
        f"its peak is {run.peak_pd_v / 1e3:.0f} kV (peak = √2 × r.m.s. is beyond GCSE)."
    )


def to_table(run: GridRun) -> Table:
    """Three cycles of the a.c. (61 evenly spaced rows): p.d., current and heating power."""
    rows = np.linspace(0, len(run.times_s) - 1, min(61, len(run.times_s))).round().astype(int)
    return Table.from_columns(
        [("time", "ms", run.times_s[rows] * 1e3), ("line p.d.", "kV", run.line_pd_v[rows] / 1e3),
         ("current", "A", run.line_current_a[rows]),
         ("heating power in cables", "kW", run.heating_power_w[rows] / 1e3)],
        title=(f"{run.params.power_mw:g} MW at {run.params.pd_kv:g} kV through {run.params.resistance_ohm:g} ohm: "
               "three cycles of the 50 Hz supply"),
    )


def pd_comparison_table(power_mw: float = 20.0, resistance_ohm: float = 5.0,
                        pds_kv=(11.0, 33.0, 132.0, 275.0, 400.0)) -> Table:
    """The same power sent at several p.d.s: current, power lost and efficiency.

    Raises:
        ValueError: for a p.d. too low to send this power through this resistance at all.
    """
    pds = np.asarray(pds_kv, dtype=float)
    runs = [simulate(GridParams(power_mw, pd, resistance_ohm), samples=2) for pd in pds]
    return Table.from_columns(
        [("transmission p.d.", "kV", pds),
         ("current", "A", np.array([run.current_a for run in runs])),
         ("power lost in cables", "kW", np.array([run.power_lost_w / 1e3 for run in runs])),
         ("power lost", "%", np.array([run.lost_fraction * 100 for run in runs])),
         ("efficiency", "%", np.array([run.efficiency * 100 for run in runs]))],
        title=f"{power_mw:g} MW through cables of {resistance_ohm:g} ohm at different p.d.s",
    )
