"""Heating a block: specific heat capacity, heat loss to the surroundings, cooling curves.

Physics (see MODEL.md beside this file for the teacher's version):

* Energy to change temperature: ``E = m c ΔT``, so ``ΔT = E / (m c)`` with the mass m in
  kg, the specific heat capacity c in J/(kg K) and ΔT in K (the same size as °C).
* A block of mass m starts at room temperature T_room. A heater of power P (W) is on
  for ``heating_time_s``, then off for ``cooling_time_s``. The block loses energy to the
  surroundings at the rate ``h (T − T_room)``, with h the heat-loss coefficient in W/K
  (Newton's law of cooling; insulation makes h smaller). So

      m c dT/dt = P − h (T − T_room)

* Analytic solution, with the time constant ``τ = m c / h``:
  while heating, ``T(t) = T_room + (P/h)(1 − e^(−t/τ))``, rising towards the steady
  temperature ``T_room + P/h``; after the heater is switched off at t₁,
  ``T(t) = T_room + ΔT₁ e^(−(t − t₁)/τ)``, an exponential cooling curve whose
  excess temperature halves every ``τ ln 2``. With no heat loss (h = 0) the rise is
  exactly ``P t / (m c)`` and the temperature then stays put.
* Energy balance at every moment: heater energy = energy stored in the block
  ``m c (T − T_room)`` + energy transferred to the surroundings ``∫ h (T − T_room) dt``.

Limits: the block has one uniform temperature (no gradients inside: fine for a small
metal block, poor for a large beaker of still water); h is constant (real heat loss
grows faster than linearly at high temperature, through radiation and convection);
no change of state (the model will happily heat water past 100 °C); the heater's own
heat capacity is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, fit_line, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

# Specific heat capacities in J/(kg K) near room temperature (about 25 °C), rounded to
# the values school data sheets use. Sources:
# * water 4181 J/(kg K) at 25 °C, aluminium 897, copper 385, iron 449: CRC Handbook of
#   Chemistry and Physics, 97th ed. (2016), "Properties of water in the range 0–100 °C"
#   and "Heat capacity of the elements at 25 °C";
# * brass (about 380) and mild steel (about 450–490) and oils (about 1.8–2.2 kJ/(kg K)):
#   Kaye & Laby, Tables of Physical and Chemical Constants (NPL, 16th ed., §2.3.6), and
#   The Engineering ToolBox, "Specific heat of some common substances".
SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K = {
    "Water": 4180.0,
    "Aluminium": 900.0,
    "Copper": 385.0,
    "Iron / steel": 450.0,
    "Brass": 380.0,
    "Oil": 2000.0,
}
# The unrounded reference values behind the table above (same sources).
REFERENCE_SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K = {
    "Water": 4181.3,
    "Aluminium": 897.0,
    "Copper": 385.0,
    "Iron / steel": 449.0,
    "Brass": 380.0,
    "Oil": 2000.0,
}


@dataclass(frozen=True)
class HeatingParams:
    """One heating-then-cooling run. Validated on creation.

    Attributes:
        power_w: heater power P, in watts (W); (0, 10000].
        mass_kg: mass of the block, in kilograms (kg); (0, 1000].
        specific_heat_j_per_kg_k: specific heat capacity c, in joules per kilogram per
            kelvin (J/(kg K)); (0, 100000].
        heat_loss_w_per_k: heat-loss coefficient h, in watts per kelvin (W/K): the rate
            of energy transfer to the surroundings per kelvin above room temperature.
            0 means perfect insulation; [0, 1000].
        room_temperature_c: temperature of the surroundings, and of the block at the
            start, in degrees Celsius (°C); [−50, 100].
        heating_time_s: how long the heater is on, in seconds (s); (0, 100000].
        cooling_time_s: how long the block is then left to cool, in seconds (s);
            [0, 100000].
    """

    power_w: float = 50.0
    mass_kg: float = 1.0
    specific_heat_j_per_kg_k: float = 900.0
    heat_loss_w_per_k: float = 0.3
    room_temperature_c: float = 20.0
    heating_time_s: float = 600.0
    cooling_time_s: float = 600.0

    def __post_init__(self):
        checks = {
            "power_w": check_range("power_w", self.power_w, 0, 10000, unit="W"),
            "mass_kg": check_range("mass_kg", self.mass_kg, 0, 1000, unit="kg"),
            "specific_heat_j_per_kg_k": check_range(
                "specific_heat_j_per_kg_k", self.specific_heat_j_per_kg_k, 0, 100000, unit="J/(kg K)"
            ),
            "heat_loss_w_per_k": check_range(
                "heat_loss_w_per_k", self.heat_loss_w_per_k, 0, 1000, low_open=False, unit="W/K"
            ),
            "room_temperature_c": check_range(
                "room_temperature_c", self.room_temperature_c, -50, 100, low_open=False, unit="°C"
            ),
            "heating_time_s": check_range("heating_time_s", self.heating_time_s, 0, 100000, unit="s"),
            "cooling_time_s": check_range(
                "cooling_time_s", self.cooling_time_s, 0, 100000, low_open=False, unit="s"
            ),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)

    @property
    def heat_capacity_j_per_k(self) -> float:
        """Heat capacity of the block, m c, in J/K."""
        return self.mass_kg * self.specific_heat_j_per_kg_k

    @property
    def time_constant_s(self) -> float:
        """τ = m c / h, in s (infinite with perfect insulation)."""
        if self.heat_loss_w_per_k == 0:
            return math.inf
        return self.heat_capacity_j_per_k / self.heat_loss_w_per_k

    @property
    def duration_s(self) -> float:
        """Heating plus cooling time, s."""
        return self.heating_time_s + self.cooling_time_s


def temperature_rise(energy_j, mass_kg, specific_heat) -> float:
    """Temperature rise ``ΔT = E / (m c)``, in K (the same size as °C).

    Args:
        energy_j: energy transferred to the object, J; [0, 1e12] (scalar or array).
        mass_kg: mass, kg; (0, 1e6].
        specific_heat: specific heat capacity, J/(kg K); (0, 1e6].

    Raises:
        ValueError: naming the argument and its allowed range.
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e6, unit="kg")
    specific_heat = check_range("specific_heat", specific_heat, 0, 1e6, unit="J/(kg K)")
    energy = np.asarray(energy_j, dtype=float)
    if energy.ndim == 0:
        return check_range("energy_j", float(energy), 0, 1e12, low_open=False, unit="J") / (mass_kg * specific_heat)
    for value in energy.ravel():
        check_range("energy_j", value, 0, 1e12, low_open=False, unit="J")
    return energy / (mass_kg * specific_heat)


def cooling_half_life_s(params: HeatingParams) -> float:
    """Time for the excess temperature above the room to halve while cooling, ``τ ln 2``, s.

    Infinite when ``heat_loss_w_per_k`` is 0 (a perfectly insulated block never cools).
    """
    return params.time_constant_s * math.log(2.0)


def analytic_temperature_c(params: HeatingParams, times_s) -> np.ndarray:
    """The exact temperature T(t) in °C at ``times_s`` (heating, then cooling).

    Times before 0 are treated as 0 and times after the end follow the cooling curve.
    """
    times = np.maximum(np.asarray(times_s, dtype=float), 0.0)
    power, heat_loss, capacity = params.power_w, params.heat_loss_w_per_k, params.heat_capacity_j_per_k
    switch_off = params.heating_time_s
    heating = np.minimum(times, switch_off)
    cooling = np.maximum(times - switch_off, 0.0)
    if heat_loss == 0:
        return params.room_temperature_c + power * heating / capacity
    rate = heat_loss / capacity  # 1/τ
    # −expm1(−x) = 1 − e^(−x), accurate even when h t / (m c) is tiny.
    excess = (power / heat_loss) * -np.expm1(-rate * heating) * np.exp(-rate * cooling)
    return params.room_temperature_c + excess


@dataclass(frozen=True)
class HeatingRun:
    """One heating-then-cooling run. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        times_s: sample times, s, from 0 to the end of cooling.
        temperature_c: temperature of the block, °C.
        no_loss_temperature_c: what the temperature would be with no heat loss, °C.
        heater_energy_j: energy supplied by the heater so far, J.
        stored_energy_j: energy in the block's thermal store, m c (T − T_room), J.
        lost_energy_j: energy transferred to the surroundings so far, J.
        temperature_rise_k: rise when the heater is switched off, K.
        no_loss_rise_k: the rise ``P t / (m c)`` with no heat loss, K.
        apparent_specific_heat_j_per_kg_k: what ``c = E / (m ΔT)`` gives from the
            heater energy and the rise at switch-off, J/(kg K) (too high when heat is lost).
        peak_temperature_c: highest temperature reached, °C.
    """

    params: HeatingParams
    times_s: np.ndarray
    temperature_c: np.ndarray
    no_loss_temperature_c: np.ndarray
    heater_energy_j: np.ndarray
    stored_energy_j: np.ndarray
    lost_energy_j: np.ndarray
    temperature_rise_k: float
    no_loss_rise_k: float
    apparent_specific_heat_j_per_kg_k: float
    peak_temperature_c: float

    @property
    def heating_energy_j(self) -> float:
        """Total energy the heater supplied, P t, J."""
        return self.params.power_w * self.params.heating_time_s

    @property
    def apparent_error_percent(self) -> float:
        """How far the apparent specific heat capacity is above the true one, %."""
        return (self.apparent_specific_heat_j_per_kg_k / self.params.specific_heat_j_per_kg_k - 1.0) * 100.0


def simulate(params: HeatingParams | None = None, samples: int = 601) -> HeatingRun:
    """Heat the block, then let it cool, using the analytic solution.

    Args:
        params: the run; defaults to ``HeatingParams()``.
        samples: number of equally spaced sample times, including 0 and the end;
            [3, 100000]. The switch-off time is always one of the samples.

    Returns:
        A :class:`HeatingRun`.
    """
    params = HeatingParams() if params is None else params
    samples = check_count("samples", samples, 3, 100000)
    times = np.linspace(0.0, params.duration_s, samples)
    times = np.unique(np.append(times, params.heating_time_s))
    temperature = analytic_temperature_c(params, times)
    capacity, power, heat_loss = params.heat_capacity_j_per_k, params.power_w, params.heat_loss_w_per_k
    heater = power * np.minimum(times, params.heating_time_s)
    stored = capacity * (temperature - params.room_temperature_c)
    if heat_loss == 0:
        lost = np.zeros_like(times)
    else:
        # Closed form of ∫ h (T − T_room) dt. While heating: P (t − τ (1 − e^(−t/τ)));
        # while cooling: the loss at switch-off plus the fall of the stored energy,
        # m c (ΔT₁ − ΔT(t)). (Tests check it against a numerical integral.)
        tau = capacity / heat_loss
        heating = np.minimum(times, params.heating_time_s)
        lost_heating = power * (heating + tau * np.expm1(-heating / tau))
        excess_at_switch_off = (power / heat_loss) * -math.expm1(-params.heating_time_s / tau)
        cooling_fall = capacity * (excess_at_switch_off - (temperature - params.room_temperature_c))
        lost = lost_heating + np.where(times > params.heating_time_s, cooling_fall, 0.0)
    rise = float(analytic_temperature_c(params, params.heating_time_s) - params.room_temperature_c)
    no_loss_rise = power * params.heating_time_s / capacity
    return HeatingRun(
        params=params,
        times_s=times,
        temperature_c=temperature,
        no_loss_temperature_c=params.room_temperature_c + heater / capacity,
        heater_energy_j=heater,
        stored_energy_j=stored,
        lost_energy_j=lost,
        temperature_rise_k=rise,
        no_loss_rise_k=no_loss_rise,
        apparent_specific_heat_j_per_kg_k=power * params.heating_time_s / (params.mass_kg * rise),
        peak_temperature_c=float(np.max(temperature)),
    )


def integrate(params: HeatingParams, time_step_s: float) -> tuple[np.ndarray, np.ndarray]:
    """Step ``m c dT/dt = P − h (T − T_room)`` numerically (fourth-order Runge–Kutta).

    The reference the analytic solution is tested against; a step always lands on the
    switch-off time so the heater's power is never smeared across it.

    Args:
        params: the run.
        time_step_s: the fixed step, s; (0, heating_time_s].

    Returns:
        ``(times_s, temperature_c)``.
    """
    time_step_s = check_range("time_step_s", time_step_s, 0, params.heating_time_s, unit="s")
    room, capacity, loss = params.room_temperature_c, params.heat_capacity_j_per_k, params.heat_loss_w_per_k

    def phase(start_s, length_s, power, temperature):
        steps = max(1, math.ceil(length_s / time_step_s - 1e-9)) if length_s > 0 else 0
        times = np.linspace(start_s, start_s + length_s, steps + 1)
        values = np.empty(steps + 1)
        values[0] = temperature

        def slope(t_c):
            return (power - loss * (t_c - room)) / capacity

        for index in range(1, steps + 1):
            step = times[index] - times[index - 1]
            k1 = slope(temperature)
            k2 = slope(temperature + 0.5 * step * k1)
            k3 = slope(temperature + 0.5 * step * k2)
            k4 = slope(temperature + step * k3)
            temperature += step / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
            values[index] = temperature
        return times, values

    heat_times, heat_values = phase(0.0, params.heating_time_s, params.power_w, room)
    cool_times, cool_values = phase(params.heating_time_s, params.cooling_time_s, 0.0, heat_values[-1])
    return np.concatenate([heat_times, cool_times[1:]]), np.concatenate([heat_values, cool_values[1:]])


def to_table(run: HeatingRun, every_s: float | None = None) -> Table:
    """The run as a table: time, temperature and the three energies.

    Args:
        run: the run.
        every_s: keep only samples at multiples of this interval (e.g. 30 s for a
            pupil-style table); None keeps every sample.
    """
    keep = np.ones(run.times_s.shape, dtype=bool)
    if every_s is not None:
        every_s = check_range("every_s", every_s, 0, run.params.duration_s, unit="s")
        keep = np.isclose(np.remainder(run.times_s + 1e-9, every_s), 0.0, atol=1e-6)
    return Table.from_columns(
        [
            ("time", "s", run.times_s[keep]),
            ("temperature", "°C", run.temperature_c[keep]),
            ("energy from heater", "J", run.heater_energy_j[keep]),
            ("energy stored in block", "J", run.stored_energy_j[keep]),
            ("energy transferred to surroundings", "J", run.lost_energy_j[keep]),
        ],
        title=(
            f"Heating a {run.params.mass_kg:g} kg block, c = {run.params.specific_heat_j_per_kg_k:g} J/(kg K), "
            f"P = {run.params.power_w:g} W, h = {run.params.heat_loss_w_per_k:g} W/K"
        ),
    )


# A joulemeter in the heater circuit, displaying whole joules; its own error is small.
JOULEMETER = Instrument("joulemeter", "J", resolution=1.0, random_sd=2.0)


def thermometer(resolution_c: float) -> Instrument:
    """A thermometer read to ``resolution_c`` °C, with a reading scatter of about a
    fifth of a division (0.1 °C digital, 0.5 °C liquid-in-glass)."""
    resolution_c = check_range("thermometer_resolution_c", resolution_c, 0, 5, unit="°C")
    return Instrument("thermometer", "°C", resolution=resolution_c, random_sd=max(0.05, 0.2 * resolution_c))


def lagged_temperature_c(params: HeatingParams, times_s, lag_s: float) -> np.ndarray:
    """What a thermometer with response time ``lag_s`` shows: its reading relaxes
    towards the block's temperature as ``dT_read/dt = (T − T_read) / lag_s``.

    Solved exactly on a fine grid, treating T as straight between grid points.
    """
    lag_s = check_range("lag_s", lag_s, 0, 600, low_open=False, unit="s")
    times = np.asarray(times_s, dtype=float)
    if lag_s == 0:
        return analytic_temperature_c(params, times)
    fine_step = min(lag_s / 20.0, params.duration_s / 2000.0)
    fine = np.arange(0.0, params.duration_s + fine_step, fine_step)
    true = analytic_temperature_c(params, fine)
    decay = math.exp(-fine_step / lag_s)
    # Exact update for linear input over a step: first-order hold.
    weight = lag_s / fine_step * (1.0 - decay)
    reading = np.empty_like(true)
    reading[0] = true[0]
    for index in range(1, len(fine)):
        previous = reading[index - 1]
        start, end = true[index - 1], true[index]
        # R(Δ) = T₁ + (R₀ − T₀) e^(−Δ/λ) − (T₁ − T₀)(λ/Δ)(1 − e^(−Δ/λ)): the reading
        # trails a steadily rising input by about λ × its rate of rise.
        reading[index] = end + (previous - start) * decay - (end - start) * weight
    return np.interp(times, fine, reading)


def virtual_practical(
    params: HeatingParams | None = None,
    reading_interval_s: float = 60.0,
    thermometer_resolution_c: float = 0.1,
    thermometer_lag_s: float = 0.0,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the specific heat capacity required practical.

    A block (``params``; defaults to a 1 kg aluminium block, 50 W heater, h = 0.3 W/K)
    is heated; every ``reading_interval_s`` the pupil writes down the joulemeter
    reading and the thermometer reading. Plotting temperature against energy gives a
    gradient of 1/(m c). The systematic error is the heat lost to the surroundings
    (included in the physics, so it is always there): the block ends cooler than
    E = m c ΔT predicts and the calculated c comes out too high. Optionally the
    thermometer also lags behind the block by ``thermometer_lag_s`` (poor thermal
    contact: no oil in the hole), which makes every reading low.

    Args:
        params: the block and heater; only the heating phase is measured.
        reading_interval_s: time between readings, s; (0, heating_time_s].
        thermometer_resolution_c: 0.1 (digital) or 0.5 (liquid-in-glass) °C; (0, 5].
        thermometer_lag_s: thermometer response time, s; [0, 600].
        seed: random seed (non-negative integer), or None.

    Returns:
        Table with columns time / s, energy / J, temperature / °C.
    """
    params = HeatingParams() if params is None else params
    reading_interval_s = check_range("reading_interval_s", reading_interval_s, 0, params.heating_time_s, unit="s")
    thermometer_lag_s = check_range("thermometer_lag_s", thermometer_lag_s, 0, 600, low_open=False, unit="s")
    instrument = thermometer(thermometer_resolution_c)
    rng = make_rng(seed)
    times = np.arange(0.0, params.heating_time_s + 1e-9, reading_interval_s)
    true_temperatures = lagged_temperature_c(params, times, thermometer_lag_s)
    energies = JOULEMETER.read(params.power_w * times, rng)
    energies[0] = 0.0  # the pupil zeroes the joulemeter at the start
    temperatures = instrument.read(true_temperatures, rng)
    return Table.from_columns(
        [("time", "s", times), ("energy", "J", energies), ("temperature", "°C", temperatures)],
        title=(
            f"Virtual practical: specific heat capacity of a {params.mass_kg:g} kg block, "
            f"{params.power_w:g} W heater (seed {seed})"
        ),
    )


def specific_heat_from_table(table: Table, mass_kg: float) -> tuple[float, float]:
    """Analyse a practical table as a pupil would: fit temperature against energy.

    Returns:
        ``(specific_heat_j_per_kg_k, uncertainty_j_per_kg_k)`` from c = 1 / (m × gradient).
    """
    mass_kg = check_range("mass_kg", mass_kg, 0, 1e6, unit="kg")
    gradient, _intercept, gradient_error, _ = fit_line(table.column("energy"), table.column("temperature"))
    if not gradient > 0:
        raise ValueError("the temperature does not rise with energy in this table")
    value = 1.0 / (mass_kg * gradient)
    return value, value * gradient_error / gradient


def describe(run: HeatingRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    text = (
        f"A {p.power_w:.0f} W heater warms a {p.mass_kg:.2f} kg block with c = "
        f"{p.specific_heat_j_per_kg_k:.0f} J/(kg K) from {p.room_temperature_c:.0f} °C by "
        f"{run.temperature_rise_k:.1f} °C in {p.heating_time_s:.0f} s; with no heat loss it would "
        f"rise {run.no_loss_rise_k:.1f} °C."
    )
    if p.heat_loss_w_per_k > 0:
        lost_percent = run.lost_energy_j[run.times_s <= p.heating_time_s][-1] / run.heating_energy_j * 100.0
        text += (
            f" {lost_percent:.0f}% of the heater's energy is lost to the surroundings while heating, so "
            f"E = mcΔT gives c = {run.apparent_specific_heat_j_per_kg_k:.0f} J/(kg K), "
            f"{run.apparent_error_percent:.0f}% too high"
        )
        if p.cooling_time_s > 0:
            text += (
                f"; afterwards it cools to {run.temperature_c[-1]:.1f} °C in {p.cooling_time_s:.0f} s "
                f"(half-life {cooling_half_life_s(p):.0f} s)."
            )
        else:
            text += "."
    else:
        text += " Perfect insulation: no energy is lost, so E = mcΔT gives the true c and the block stays hot."
    return text


# Heat-loss coefficients (W/K) of a 250 cm³ beaker of hot water with no lid, wrapped in
# one layer of each material. Illustrative values chosen so the ordering and the size of
# the differences match typical class results; they are not measured data.
INSULATION_HEAT_LOSS_W_PER_K = {
    "no insulation": 0.60,
    "newspaper": 0.45,
    "bubble wrap": 0.35,
    "cotton wool": 0.30,
    "polystyrene": 0.25,
}
INSULATION_NOTE = (
    "the beakers were filled one after another from the kettle, so they start at different "
    "temperatures: compare the temperature DROP, not the final temperature"
)


def insulation_virtual_practical(
    materials=tuple(INSULATION_HEAT_LOSS_W_PER_K),
    water_mass_kg: float = 0.2,
    start_temperature_c: float = 80.0,
    room_temperature_c: float = 20.0,
    minutes: int = 10,
    thermometer_resolution_c: float = 0.5,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the thermal insulation practical: temperature every
    minute of hot water in beakers wrapped in different materials.

    Each beaker cools by Newton's law, T = T_room + (T₀ − T_room) e^(−h t / (m c)), with
    h from :data:`INSULATION_HEAT_LOSS_W_PER_K`. The systematic error: the beakers are
    filled one after another, so each starts a few degrees cooler than the last
    (:data:`INSULATION_NOTE`).

    Raises:
        ValueError: for an unknown material (naming the known ones) or values out of range.
    """
    materials = tuple(materials)
    unknown = [m for m in materials if m not in INSULATION_HEAT_LOSS_W_PER_K]
    if not materials or unknown:
        raise ValueError(f"materials must come from {', '.join(INSULATION_HEAT_LOSS_W_PER_K)}; got {unknown or 'none'}")
    mass = check_range("water_mass_kg", water_mass_kg, 0, 10, unit="kg")
    start = check_range("start_temperature_c", start_temperature_c, 20, 100, unit="°C")
    room = check_range("room_temperature_c", room_temperature_c, -10, 40, low_open=False, unit="°C")
    if room >= start:
        raise ValueError(f"room_temperature_c ({room:g}) must be below start_temperature_c ({start:g})")
    minutes = check_count("minutes", minutes, 1, 60)
    rng = make_rng(seed)
    reader = thermometer(thermometer_resolution_c)
    times = np.arange(minutes + 1) * 60.0
    heat_capacity = mass * SPECIFIC_HEAT_CAPACITIES_J_PER_KG_K["Water"]
    columns = [("time", "s", times)]
    for order, material in enumerate(materials):
        first = start - 2.5 * order  # each beaker filled a little later, from a cooling kettle
        h = INSULATION_HEAT_LOSS_W_PER_K[material]
        true = room + (first - room) * np.exp(-h * times / heat_capacity)
        columns.append((f"temperature, {material}", "°C", reader.read(true, rng)))
    return Table.from_columns(columns, title=f"Virtual practical: thermal insulation, {mass * 1000:g} g of water (seed {seed})")
