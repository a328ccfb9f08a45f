"""States of matter: heating and cooling curves with latent heat, and a particle picture.

Chemistry (see MODEL.md beside this file for the teacher's version):

* A sample of mass ``m`` (kg) of one substance has one uniform temperature T. Its
  energy changes at the net rate

      dE/dt = P − h (T − T_surroundings)

  with P the heater power (W; 0 for a cooling curve, where the heater is off) and h the
  heat-loss coefficient (W/K; Newton's law of cooling, 0 for perfect insulation).
* In a single state (solid, liquid or gas) ``dE = m c dT`` with the specific heat
  capacity c of that state, so ``m c dT/dt = P − h (T − T_s)``. With ``τ = m c / h`` and
  the steady temperature ``T_eq = T_s + P/h``, exactly
  ``T(t) = T_eq + (T₀ − T_eq) e^(−t/τ)``; with h = 0 the slope is exactly ``P / (m c)``.
* At the melting point T_m (and boiling point T_b) the temperature stays constant while
  the energy ``m L_f`` (``m L_v``) is transferred: the plateau lasts exactly
  ``m L / (P − h (T_m − T_s))``, i.e. ``m L / P`` with no heat loss. On a cooling curve
  the same energy ``m L`` is released to the surroundings while the liquid freezes, so
  the plateau lasts ``m L / (h (T_m − T_s))``.

The curve is evaluated from these exact expressions (no time stepping);
:func:`integrate_energy` integrates dE/dt numerically as an independent check.

The particle picture (:func:`particle_positions`) is purely illustrative: a seeded 2D
lattice that vibrates more as the solid warms, a disordered, sliding arrangement for
the liquid and fast, widely separated particles for the gas.

Limits: constant specific heat capacities in each state and latent heats at 1 atm;
no supercooling or superheating; one uniform temperature (stirred sample, no gradients);
h constant (real losses grow faster at high temperatures); the gas stays in the
container (in reality steam escapes); stearic acid decomposes near its boiling point.
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range, check_choice

# ---------------------------------------------------------------------------------------
# Material data


@dataclass(frozen=True)
class Substance:
    """Thermal data of one substance at atmospheric pressure.

    Attributes:
        name: what it is called.
        melting_point_c: melting (= freezing) point, °C.
        boiling_point_c: boiling point at 1 atm, °C.
        specific_heat_solid_j_per_kg_k: c of the solid, J/(kg K).
        specific_heat_liquid_j_per_kg_k: c of the liquid, J/(kg K).
        specific_heat_gas_j_per_kg_k: c of the gas at constant pressure, J/(kg K).
        latent_heat_fusion_j_per_kg: specific latent heat of fusion L_f, J/kg.
        latent_heat_vaporisation_j_per_kg: specific latent heat of vaporisation L_v, J/kg.
        heating_start_c / heating_end_c: default temperatures of a heating curve, °C.
        cooling_start_c / cooling_end_c: default temperatures of a cooling curve, °C.
        cooling_surroundings_c: where a cooling curve is done (room, freezer, bath), °C.
        surroundings_note: those surroundings in words.
        source: where the numbers come from.
    """

    name: str
    melting_point_c: float
    boiling_point_c: float
    specific_heat_solid_j_per_kg_k: float
    specific_heat_liquid_j_per_kg_k: float
    specific_heat_gas_j_per_kg_k: float
    latent_heat_fusion_j_per_kg: float
    latent_heat_vaporisation_j_per_kg: float
    heating_start_c: float
    heating_end_c: float
    cooling_start_c: float
    cooling_end_c: float
    cooling_surroundings_c: float
    surroundings_note: str
    source: str


# Water: the values used in GCSE physics data and exam questions — c(ice) 2100, c(water)
# 4180, L_f 334 kJ/kg, L_v 2260 kJ/kg (AQA GCSE Physics 8463, e.g. required practical
# and exam data; CRC Handbook of Chemistry and Physics, 97th ed.: L_f 333.6 kJ/kg,
# L_v 2257 kJ/kg at 100 °C, c(ice, 0 °C) 2.11 kJ/(kg K), c(water, 25 °C) 4.181 kJ/(kg K));
# c(steam, 100 °C, 1 atm) ≈ 2.01 kJ/(kg K) (IAPWS-IF97 steam tables give 2.03-2.08 near
# 100-120 °C; 2010 is the value school texts round to).
# Ethanol: T_m −114.1 °C, T_b 78.3 °C, ΔfusH 4.93 kJ/mol, ΔvapH 38.56 kJ/mol, liquid Cp
# 112.3 J/(mol K) and gas Cp 65.2 J/(mol K) at 25 °C (CRC Handbook, 97th ed.; NIST
# Chemistry WebBook), M = 46.07 g/mol; c(solid) ≈ 1.4 kJ/(kg K) near the melting point
# (approximate, NIST WebBook condensed-phase Cp).
# Stearic acid (octadecanoic acid): T_m 69.3 °C, T_b 361 °C (decomposes), solid Cp
# 501.5 J/(mol K) (CRC Handbook), ΔfusH 61-63 kJ/mol (NIST Chemistry WebBook, phase-change
# data), M = 284.48 g/mol → L_f ≈ 215 kJ/kg; liquid c ≈ 2.3 kJ/(kg K) and the gas values
# are approximate (the practical never boils it).
SUBSTANCES = (
    Substance(
        "water", 0.0, 100.0, 2100.0, 4180.0, 2010.0, 334e3, 2260e3,
        heating_start_c=-20.0, heating_end_c=120.0,
        cooling_start_c=20.0, cooling_end_c=-10.0, cooling_surroundings_c=-18.0,
        surroundings_note="a freezer at −18 °C",
        source="AQA GCSE Physics data; CRC Handbook of Chemistry and Physics, 97th ed.",
    ),
    Substance(
        "ethanol", -114.1, 78.3, 1400.0, 2440.0, 1420.0, 107e3, 837e3,
        heating_start_c=-130.0, heating_end_c=90.0,
        cooling_start_c=20.0, cooling_end_c=-125.0, cooling_surroundings_c=-196.0,
        surroundings_note="a liquid-nitrogen bath at −196 °C",
        source="CRC Handbook of Chemistry and Physics, 97th ed.; NIST Chemistry WebBook",
    ),
    Substance(
        "stearic acid", 69.3, 361.0, 1763.0, 2300.0, 2000.0, 215e3, 360e3,
        heating_start_c=20.0, heating_end_c=90.0,
        cooling_start_c=90.0, cooling_end_c=40.0, cooling_surroundings_c=20.0,
        surroundings_note="a room at 20 °C",
        source="CRC Handbook, 97th ed.; NIST Chemistry WebBook (L_f); gas data approximate",
    ),
)
SUBSTANCE_NAMES = tuple(substance.name for substance in SUBSTANCES)  # what ParticlesParams.substance takes
_SUBSTANCE_BY_NAME = {substance.name: substance for substance in SUBSTANCES}
EXPERIMENTS = ("heating", "cooling")  # what ParticlesParams.experiment takes
LAB_TEMPERATURE_C = 20.0  # surroundings of a heating curve

# State codes shared by every array and stage.
SOLID, MELTING, LIQUID, BOILING, GAS = range(5)
HEATING_STATE_NAMES = ("solid", "melting", "liquid", "boiling", "gas")
COOLING_STATE_NAMES = ("solid", "freezing", "liquid", "condensing", "gas")


def substance(name: str) -> Substance:
    """The substance by its name: one of :data:`SUBSTANCE_NAMES` ("water", "ethanol",
    "stearic acid"; any case)."""
    return _SUBSTANCE_BY_NAME[check_choice("substance", name, SUBSTANCE_NAMES)]


# ---------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True)
class ParticlesParams:
    """One heating or cooling curve. Validated on creation.

    Temperatures left as ``None`` take the substance's defaults (its heating range, or
    its cooling range and surroundings).

    Attributes:
        substance: which substance, by name: one of :data:`SUBSTANCE_NAMES` ("water",
            "ethanol", "stearic acid").
        experiment: ``"heating"`` (heating curve, heater on) or ``"cooling"`` (cooling
            curve, heater off).
        mass_kg: mass of the sample, in kilograms (kg); (0, 100].
        power_w: heater power P, in watts (W); (0, 100000]. Not used on a cooling curve.
        heat_loss_w_per_k: heat-loss coefficient h, in watts per kelvin (W/K): energy
            transferred to the surroundings each second per kelvin above them; [0, 1000].
        start_temperature_c: temperature at t = 0, in degrees Celsius (°C); [−273, 2000].
        end_temperature_c: the run stops when the sample reaches this, °C; [−273, 2000].
            Above the start when heating, below it when cooling.
        surroundings_temperature_c: temperature of the room / bath, °C; [−273, 2000].
            Defaults to 20 °C when heating.
    """

    substance: str = "water"
    experiment: str = "heating"
    mass_kg: float = 0.02
    power_w: float = 100.0
    heat_loss_w_per_k: float = 0.0
    start_temperature_c: float | None = None
    end_temperature_c: float | None = None
    surroundings_temperature_c: float | None = None

    def __post_init__(self):
        name = check_choice("substance", self.substance, SUBSTANCE_NAMES)
        experiment = check_choice("experiment", self.experiment, EXPERIMENTS)
        data = _SUBSTANCE_BY_NAME[name]
        heating = experiment == "heating"
        defaults = {
            "start_temperature_c": data.heating_start_c if heating else data.cooling_start_c,
            "end_temperature_c": data.heating_end_c if heating else data.cooling_end_c,
            "surroundings_temperature_c": LAB_TEMPERATURE_C if heating else data.cooling_surroundings_c,
        }
        values = {
            "substance": name,
            "experiment": experiment,
            "mass_kg": check_range("mass_kg", self.mass_kg, 0, 100, unit="kg"),
            "power_w": check_range("power_w", self.power_w, 0, 100000, unit="W"),
            "heat_loss_w_per_k": check_range(
                "heat_loss_w_per_k", self.heat_loss_w_per_k, 0, 1000, low_open=False, unit="W/K"),
        }
        for name, default in defaults.items():
            value = default if getattr(self, name) is None else getattr(self, name)
            values[name] = check_range(name, value, -273, 2000, low_open=False, unit="°C")
        start, end = values["start_temperature_c"], values["end_temperature_c"]
        if heating and not end > start:
            raise ValueError(
                f"end_temperature_c must be above start_temperature_c ({start:g} °C) when heating, got {end:g}")
        if not heating and not end < start:
            raise ValueError(
                f"end_temperature_c must be below start_temperature_c ({start:g} °C) when cooling, got {end:g}")
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @property
    def data(self) -> Substance:
        """The substance's thermal data."""
        return _SUBSTANCE_BY_NAME[self.substance]

    @property
    def heating(self) -> bool:
        """True for a heating curve, False for a cooling curve."""
        return self.experiment == "heating"

    @property
    def heater_power_w(self) -> float:
        """Power actually supplied: P when heating, 0 on a cooling curve."""
        return self.power_w if self.heating else 0.0


# ---------------------------------------------------------------------------------------
# The curve


@dataclass(frozen=True)
class Stage:
    """One part of the curve: a single state warming or cooling, or a plateau.

    Attributes:
        state: state code (SOLID, MELTING, LIQUID, BOILING, GAS); MELTING stands for
            melting or freezing, BOILING for boiling or condensing.
        start_s: when it begins, s.
        end_s: when it ends, s (``inf`` if the sample never leaves it).
        start_c: temperature at the start, °C.
        end_c: temperature at the end, °C (the steady temperature if it never ends).
        heat_capacity_j_per_k: m c for a single state, J/K; 0 on a plateau.
        latent_energy_j: m L on a plateau, J; 0 otherwise.
        net_power_w: rate of energy gain on a plateau, W (negative when freezing).
        start_energy_j: sample's energy at the start, J, relative to the solid at its
            melting point.
    """

    state: int
    start_s: float
    end_s: float
    start_c: float
    end_c: float
    heat_capacity_j_per_k: float
    latent_energy_j: float
    net_power_w: float
    start_energy_j: float

    @property
    def duration_s(self) -> float:
        """How long the stage lasts, s."""
        return self.end_s - self.start_s

    @property
    def is_plateau(self) -> bool:
        """True while the state is changing at constant temperature."""
        return self.state in (MELTING, BOILING)


@dataclass(frozen=True)
class ParticlesRun:
    """One heating or cooling curve. Arrays share the index of ``times_s``.

    Attributes:
        params: the parameters it was run with.
        stages: the stages in time order.
        times_s: sample times, s (including every stage boundary).
        temperature_c: the sample's temperature, °C.
        state: state code at each time (see :data:`HEATING_STATE_NAMES`).
        energy_j: energy of the sample relative to the solid at its melting point, J.
        heater_energy_j: energy supplied by the heater so far, J.
        surroundings_energy_j: energy transferred to the surroundings so far, J
            (negative while the surroundings warm the sample).
        finished: True if the sample reached the end temperature; False if it levels
            off first (all the heater's power leaks away, or there is no heat loss to
            cool it).
    """

    params: ParticlesParams
    stages: tuple
    times_s: np.ndarray
    temperature_c: np.ndarray
    state: np.ndarray
    energy_j: np.ndarray
    heater_energy_j: np.ndarray
    surroundings_energy_j: np.ndarray
    finished: bool

    def state_at(self, time_s: float) -> "StateAt":
        """The sample at ``time_s`` (see :func:`state_at`)."""
        return state_at(self, time_s)

    def particle_positions_at(self, time_s: float) -> tuple[np.ndarray, np.ndarray]:
        """The particle picture at ``time_s`` (see :func:`particle_positions`), with the
        substance's melting and boiling points as the reference temperatures."""
        data = self.params.data
        return particle_positions(state_at(self, time_s), reference_c=(data.melting_point_c, data.boiling_point_c))

    @property
    def state_names(self) -> tuple:
        """Names of the state codes for this experiment (melting or freezing …)."""
        return HEATING_STATE_NAMES if self.params.heating else COOLING_STATE_NAMES

    def plateau_time_s(self, state: int) -> float:
        """Total time spent on the MELTING or BOILING plateau, s (0 if never reached)."""
        return float(sum(stage.duration_s for stage in self.stages if stage.state == state))

    @property
    def melting_time_s(self) -> float:
        """Time on the melting (or freezing) plateau, s."""
        return self.plateau_time_s(MELTING)

    @property
    def boiling_time_s(self) -> float:
        """Time on the boiling (or condensing) plateau, s."""
        return self.plateau_time_s(BOILING)

    @property
    def duration_s(self) -> float:
        """Length of the run, s."""
        return float(self.times_s[-1])

    @property
    def energy_supplied_j(self) -> float:
        """Energy from the heater over the whole run, J."""
        return float(self.heater_energy_j[-1])


SAMPLES = 600


def _state_order(heating: bool):
    """States in the order they are met, with the temperature at which each ends."""
    return (SOLID, MELTING, LIQUID, BOILING, GAS) if heating else (GAS, BOILING, LIQUID, MELTING, SOLID)


def _start_state(data: Substance, temperature_c: float, heating: bool) -> int:
    if heating:
        if temperature_c <= data.melting_point_c:
            return SOLID
        return LIQUID if temperature_c <= data.boiling_point_c else GAS
    if temperature_c >= data.boiling_point_c:
        return GAS
    return LIQUID if temperature_c >= data.melting_point_c else SOLID


def _energy_of(data: Substance, mass_kg: float, state: int, temperature_c: float) -> float:
    """Energy at the start of a single-state stage relative to the solid at T_m, J."""
    m = mass_kg
    fusion = m * data.latent_heat_fusion_j_per_kg
    liquid_span = m * data.specific_heat_liquid_j_per_kg_k * (data.boiling_point_c - data.melting_point_c)
    vaporisation = m * data.latent_heat_vaporisation_j_per_kg
    if state == SOLID:
        return m * data.specific_heat_solid_j_per_kg_k * (temperature_c - data.melting_point_c)
    if state == LIQUID:
        return fusion + m * data.specific_heat_liquid_j_per_kg_k * (temperature_c - data.melting_point_c)
    return fusion + liquid_span + vaporisation + m * data.specific_heat_gas_j_per_kg_k * (
        temperature_c - data.boiling_point_c)


def _sensible_time(capacity, start_c, target_c, power_w, loss_w_per_k, surroundings_c, direction):
    """Exact time for m c dT/dt = P − h (T − T_s) to go from start_c to target_c (inf if
    it never gets there), and the steady temperature it heads for."""
    if loss_w_per_k > 0:
        steady = surroundings_c + power_w / loss_w_per_k
        if direction * (steady - target_c) <= 0:
            return math.inf, steady
        return capacity / loss_w_per_k * math.log((start_c - steady) / (target_c - steady)), steady
    steady = math.inf * direction if power_w > 0 else start_c
    if direction * power_w <= 0:
        return math.inf, steady
    return capacity * (target_c - start_c) / power_w, steady


def stages(params: ParticlesParams) -> tuple:
    """The exact stages of the curve for ``params`` (no sampling): each state warming or
    cooling, and each plateau, with start and end times."""
    data, m = params.data, params.mass_kg
    heating = params.heating
    direction = 1.0 if heating else -1.0
    power, loss, surroundings = params.heater_power_w, params.heat_loss_w_per_k, params.surroundings_temperature_c
    capacity = {
        SOLID: m * data.specific_heat_solid_j_per_kg_k,
        LIQUID: m * data.specific_heat_liquid_j_per_kg_k,
        GAS: m * data.specific_heat_gas_j_per_kg_k,
    }
    plateau = {
        MELTING: (data.melting_point_c, m * data.latent_heat_fusion_j_per_kg),
        BOILING: (data.boiling_point_c, m * data.latent_heat_vaporisation_j_per_kg),
    }
    order = _state_order(heating)
    first = _start_state(data, params.start_temperature_c, heating)
    final = _start_state(data, params.end_temperature_c, heating)  # state the run ends in
    result = []
    time, temperature = 0.0, params.start_temperature_c
    energy = _energy_of(data, m, first, temperature)
    for state in order[order.index(first):order.index(final) + 1]:
        if state in plateau:
            plateau_c, latent = plateau[state]
            net = power - loss * (plateau_c - surroundings)
            duration = latent / (direction * net) if direction * net > 0 else math.inf
            result.append(Stage(state, time, time + duration, plateau_c, plateau_c, 0.0, latent, net, energy))
            energy += direction * latent
        else:
            if state == final:
                target = params.end_temperature_c
            else:
                next_plateau = order[order.index(state) + 1]
                target = plateau[next_plateau][0]
            duration, steady = _sensible_time(
                capacity[state], temperature, target, power, loss, surroundings, direction)
            end_c = target if math.isfinite(duration) else steady
            result.append(Stage(state, time, time + duration, temperature, end_c, capacity[state], 0.0, 0.0, energy))
            energy += capacity[state] * (target - temperature)
            temperature = target
        time += duration
        if not math.isfinite(time):
            break
    return tuple(result)


def _display_end_s(stage_list, params) -> float:
    """Where to stop showing a run whose last stage never ends: five time constants
    into it (or 600 s if nothing changes at all)."""
    last = stage_list[-1]
    if math.isfinite(last.end_s):
        return last.end_s
    if last.heat_capacity_j_per_k > 0 and params.heat_loss_w_per_k > 0:
        return last.start_s + 5.0 * last.heat_capacity_j_per_k / params.heat_loss_w_per_k
    return last.start_s + 600.0


def temperature_at(params: ParticlesParams, stage_list, times_s) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact temperature, state code and energy at ``times_s`` (vectorised).

    Returns:
        ``(temperature_c, state, energy_j)`` arrays shaped like ``times_s``.
    """
    times = np.asarray(times_s, dtype=float)
    starts = np.array([stage.start_s for stage in stage_list])
    index = np.clip(np.searchsorted(starts, times, side="right") - 1, 0, len(stage_list) - 1)
    temperature = np.empty_like(times)
    state = np.empty(times.shape, dtype=int)
    energy = np.empty_like(times)
    power, loss, surroundings = params.heater_power_w, params.heat_loss_w_per_k, params.surroundings_temperature_c
    for number, stage in enumerate(stage_list):
        mask = index == number
        if not mask.any():
            continue
        elapsed = np.minimum(times[mask], stage.end_s) - stage.start_s
        state[mask] = stage.state
        if stage.is_plateau:
            temperature[mask] = stage.start_c
            energy[mask] = stage.start_energy_j + stage.net_power_w * elapsed
        else:
            if loss > 0:
                steady = surroundings + power / loss
                temperature[mask] = steady + (stage.start_c - steady) * np.exp(
                    -loss * elapsed / stage.heat_capacity_j_per_k)
            else:
                temperature[mask] = stage.start_c + power * elapsed / stage.heat_capacity_j_per_k
            energy[mask] = stage.start_energy_j + stage.heat_capacity_j_per_k * (temperature[mask] - stage.start_c)
    return temperature, state, energy


def simulate(params: ParticlesParams | None = None, samples: int = SAMPLES) -> ParticlesRun:
    """The heating or cooling curve for ``params``, sampled at ``samples`` times plus
    every stage boundary (so plateau edges are exact).

    Raises:
        ValueError: for ``samples`` outside [10, 100000].
    """
    params = ParticlesParams() if params is None else params
    samples = check_count("samples", samples, 10, 100000)
    stage_list = stages(params)
    end_s = _display_end_s(stage_list, params)
    boundaries = [stage.start_s for stage in stage_list] + [min(stage.end_s, end_s) for stage in stage_list]
    times = np.union1d(np.linspace(0.0, end_s, samples), np.clip(boundaries, 0.0, end_s))
    temperature, state, energy = temperature_at(params, stage_list, times)
    heater = params.heater_power_w * times
    # Energy balance: heater = change in the sample's energy + energy to the surroundings.
    surroundings = heater - (energy - energy[0])
    return ParticlesRun(
        params=params, stages=stage_list, times_s=times, temperature_c=temperature, state=state,
        energy_j=energy, heater_energy_j=heater, surroundings_energy_j=surroundings,
        finished=math.isfinite(stage_list[-1].end_s),
    )


@dataclass(frozen=True)
class StateAt:
    """The sample at one moment.

    Attributes:
        time_s: the moment, s.
        temperature_c: temperature then, °C.
        state: state code.
        state_name: e.g. "melting" or "freezing".
        liquid_fraction: fraction of the particles in the liquid, 0–1.
        gas_fraction: fraction of the particles in the gas, 0–1.
        energy_supplied_j: energy from the heater so far, J.
    """

    time_s: float
    temperature_c: float
    state: int
    state_name: str
    liquid_fraction: float
    gas_fraction: float
    energy_supplied_j: float


def state_at(run: ParticlesRun, time_s: float) -> StateAt:
    """What the sample is doing at ``time_s`` (clamped to the run)."""
    time_s = float(min(max(time_s, 0.0), run.duration_s))
    temperature, state, _ = temperature_at(run.params, run.stages, np.array([time_s]))
    code = int(state[0])
    liquid = gas = 0.0
    if code in (MELTING, BOILING):
        stage = next(s for s in reversed(run.stages) if s.start_s <= time_s and s.state == code)
        progress = (time_s - stage.start_s) / stage.duration_s if math.isfinite(stage.duration_s) else 0.0
        progress = min(max(progress, 0.0), 1.0)
        changed = progress if run.params.heating else 1.0 - progress  # fraction of the upper state
        if code == MELTING:
            liquid = changed
        else:
            liquid, gas = 1.0 - changed, changed
    elif code == LIQUID:
        liquid = 1.0
    elif code == GAS:
        gas = 1.0
    return StateAt(time_s, float(temperature[0]), code, run.state_names[code], liquid, gas,
                   run.params.heater_power_w * time_s)


# ---------------------------------------------------------------------------------------
# Independent numerical check


def integrate_energy(params: ParticlesParams, duration_s: float, time_step_s: float):
    """Integrate ``dE/dt = P − h (T(E) − T_s)`` with fourth-order Runge–Kutta, where T(E)
    is the inverse of the sample's energy curve (flat on the plateaus). An independent
    check of :func:`simulate`; not used by the app.

    Returns:
        ``(times_s, temperature_c)`` arrays.
    """
    duration_s = check_range("duration_s", duration_s, 0, 1e7, unit="s")
    time_step_s = check_range("time_step_s", time_step_s, 0, duration_s, unit="s")
    data, m = params.data, params.mass_kg
    # Energy-temperature curve (relative to the solid at T_m): piecewise linear.
    low, high = -400.0, 2500.0
    temperatures = [low, data.melting_point_c, data.melting_point_c, data.boiling_point_c,
                    data.boiling_point_c, high]
    energies = [
        _energy_of(data, m, SOLID, low), 0.0, _energy_of(data, m, LIQUID, data.melting_point_c),
        _energy_of(data, m, LIQUID, data.boiling_point_c), _energy_of(data, m, GAS, data.boiling_point_c),
        _energy_of(data, m, GAS, high),
    ]
    start_state = _start_state(data, params.start_temperature_c, params.heating)
    energy = _energy_of(data, m, start_state, params.start_temperature_c)
    power, loss, surroundings = params.heater_power_w, params.heat_loss_w_per_k, params.surroundings_temperature_c

    def rate(e):
        return power - loss * (np.interp(e, energies, temperatures) - surroundings)

    steps = math.ceil(duration_s / time_step_s - 1e-9)
    times = np.minimum(np.arange(steps + 1) * time_step_s, duration_s)
    values = np.empty(steps + 1)
    values[0] = energy
    for index in range(1, steps + 1):
        h = times[index] - times[index - 1]
        k1 = rate(energy)
        k2 = rate(energy + 0.5 * h * k1)
        k3 = rate(energy + 0.5 * h * k2)
        k4 = rate(energy + h * k3)
        energy += h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
        values[index] = energy
    return times, np.interp(values, energies, temperatures)


def hand_calculation_energy_j(data: Substance, mass_kg: float, start_c: float, end_c: float) -> float:
    """Energy to take a solid at ``start_c`` (below T_m) to a gas at ``end_c`` (above T_b),
    term by term as a pupil would: m c_s ΔT + m L_f + m c_l ΔT + m L_v + m c_g ΔT."""
    return mass_kg * (
        data.specific_heat_solid_j_per_kg_k * (data.melting_point_c - start_c)
        + data.latent_heat_fusion_j_per_kg
        + data.specific_heat_liquid_j_per_kg_k * (data.boiling_point_c - data.melting_point_c)
        + data.latent_heat_vaporisation_j_per_kg
        + data.specific_heat_gas_j_per_kg_k * (end_c - data.boiling_point_c)
    )


# ---------------------------------------------------------------------------------------
# Particle picture (illustrative only)

LATTICE_SIDE = 5
PARTICLE_COUNT = LATTICE_SIDE * LATTICE_SIDE
BOX_SIZE = 18.0  # in particle spacings: room for the gas to spread out


def particle_positions(state: StateAt, seed: int = 0, reference_c: tuple = (0.0, 100.0)) -> tuple[np.ndarray, np.ndarray]:
    """Where the particles of the illustrative 2D picture are at ``state``.

    Solid particles vibrate about a square lattice (more as the solid warms, using
    ``reference_c`` = (melting, boiling) point to scale), liquid particles are close
    together but disordered and slide past each other, gas particles are far apart and
    fast, bouncing off the walls of a ``BOX_SIZE`` box. During melting or boiling the
    particles nearest the top change first. Same ``seed`` → same picture.

    Returns:
        ``(x, y)`` arrays of length :data:`PARTICLE_COUNT`, in particle spacings.
    """
    rng = np.random.default_rng(seed)
    n, t = PARTICLE_COUNT, state.time_s
    column, row = np.divmod(np.arange(n), LATTICE_SIDE)
    lattice = np.column_stack([6.94 + column * 1.03, 0.55 + row * 1.03])
    phase = rng.uniform(0, 2 * np.pi, (n, 2))
    frequency = rng.uniform(0.8, 1.2, (n, 2))
    disorder = rng.uniform(-0.22, 0.22, (n, 2))
    gas_start = rng.uniform(0.4, BOX_SIZE - 0.4, (n, 2))
    gas_angle = rng.uniform(0, 2 * np.pi, n)
    # Top rows change state first; a little seeded noise mixes the order within a row.
    order = np.argsort(-(row + rng.uniform(0, 0.9, n)))
    rank = np.empty(n, dtype=int)
    rank[order] = np.arange(n)

    melting_c, boiling_c = reference_c
    warmth = np.clip((state.temperature_c - (melting_c - 60.0)) / 60.0, 0.0, 1.0)
    vibration = (0.04 + 0.10 * warmth) * np.sin(frequency * 7.0 * t + phase)
    solid = lattice + vibration
    slide = 0.3 * np.column_stack([np.sin(0.11 * frequency[:, 0] * t + phase[:, 0]),
                                    np.cos(0.13 * frequency[:, 1] * t + phase[:, 1])])
    liquid = lattice + np.column_stack([(column - 2) * 0.15, 0 * row]) + disorder + slide + 0.08 * np.sin(9.0 * t + phase)
    liquid[:, 0] = np.clip(liquid[:, 0], 0.4, BOX_SIZE - 0.4)
    liquid[:, 1] = np.clip(liquid[:, 1], 0.4, BOX_SIZE - 0.4)
    speed = 1.2 + 0.6 * np.clip((state.temperature_c - boiling_c) / 100.0, 0.0, 1.0)
    travel = gas_start + speed * t * np.column_stack([np.cos(gas_angle), np.sin(gas_angle)]) * frequency
    low, span = 0.4, BOX_SIZE - 0.8
    folded = np.mod(travel - low, 2 * span)
    gas = low + span - np.abs(folded - span)  # bounce off the walls

    gas_count = int(round(state.gas_fraction * n))
    liquid_count = int(round(state.liquid_fraction * n))
    positions = solid.copy()
    is_gas = rank < gas_count
    is_liquid = (rank >= gas_count) & (rank < gas_count + liquid_count)
    positions[is_liquid] = liquid[is_liquid]
    positions[is_gas] = gas[is_gas]
    return positions[:, 0], positions[:, 1]


# ---------------------------------------------------------------------------------------
# Words and tables


def _format_time(seconds: float) -> str:
    return "never" if not math.isfinite(seconds) else f"{seconds:.1f} s"


def describe(run: ParticlesRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p, data = run.params, run.params.data
    names = run.state_names
    if p.heating:
        text = (
            f"{p.mass_kg * 1000:.0f} g of {data.name} heated at {p.power_w:.0f} W from "
            f"{p.start_temperature_c:.1f} °C"
        )
    else:
        text = (
            f"{p.mass_kg * 1000:.0f} g of {data.name} cooling from {p.start_temperature_c:.1f} °C in "
            f"surroundings at {p.surroundings_temperature_c:.1f} °C"
        )
    end = float(run.temperature_c[-1])
    text += f" reaches {end:.1f} °C after {run.duration_s:.0f} s" if run.finished else (
        f" levels off near {end:.1f} °C and never reaches {p.end_temperature_c:.1f} °C")
    plateaus = []
    if run.melting_time_s > 0:
        plateaus.append(f"{names[MELTING]} at {data.melting_point_c:g} °C for {_format_time(run.melting_time_s)}")
    if run.boiling_time_s > 0:
        plateaus.append(f"{names[BOILING]} at {data.boiling_point_c:g} °C for {_format_time(run.boiling_time_s)}")
    text += "; the temperature stays constant while " + " and while ".join(plateaus) + "." if plateaus else (
        "; it does not change state.")
    if p.heating:
        text += f" The heater supplies {run.energy_supplied_j / 1000:.1f} kJ."
    return text


def to_table(run: ParticlesRun) -> Table:
    """The curve as a table: time, temperature, state code and the energy stores."""
    return Table.from_columns(
        [
            ("time", "s", run.times_s),
            ("temperature", "°C", run.temperature_c),
            ("state (0 solid, 1 melting, 2 liquid, 3 boiling, 4 gas)", "", run.state),
            ("energy supplied by heater", "J", run.heater_energy_j),
            ("energy transferred to surroundings", "J", run.surroundings_energy_j),
        ],
        title=f"{run.params.experiment.capitalize()} curve of {run.params.mass_kg * 1000:g} g of "
              f"{run.params.data.name}",
    )


# ---------------------------------------------------------------------------------------
# Virtual practical: the cooling curve of stearic acid

THERMOMETER_LAG_S = 20.0  # a thermometer bulb in a boiling tube responds in ~10-30 s


def thermometer(resolution_c: float) -> Instrument:
    """A thermometer read to ``resolution_c`` (0.5 or 1 °C for liquid-in-glass), with a
    little random scatter from judging the scale."""
    resolution_c = check_range("thermometer_resolution_c", resolution_c, 0, 5, unit="°C")
    return Instrument(
        "thermometer", "°C", resolution=resolution_c, random_sd=0.2 * resolution_c,
        systematic_note=f"the thermometer lags behind the sample (time constant {THERMOMETER_LAG_S:g} s)",
    )


def lagged_temperature_c(run: ParticlesRun, times_s, lag_s: float = THERMOMETER_LAG_S) -> np.ndarray:
    """What a thermometer with response time ``lag_s`` shows at ``times_s``:
    dT_th/dt = (T − T_th)/lag, starting at the sample's temperature."""
    lag_s = check_range("lag_s", lag_s, 0, 600, low_open=False, unit="s")
    times = np.asarray(times_s, dtype=float)
    if lag_s == 0:
        return temperature_at(run.params, run.stages, times)[0]
    fine = np.arange(0.0, times[-1] + 0.25, 0.25)
    true = temperature_at(run.params, run.stages, fine)[0]
    from scipy.signal import lfilter

    keep = math.exp(-0.25 / lag_s)
    reading, _ = lfilter([1.0 - keep], [1.0, -keep], true[1:], zi=[keep * true[0]])
    return np.interp(times, fine, np.concatenate([[true[0]], reading]))


def virtual_practical(
    params: ParticlesParams | None = None,
    reading_interval_s: float = 30.0,
    duration_s: float = 1200.0,
    thermometer_resolution_c: float = 0.5,
    thermometer_lag_s: float = THERMOMETER_LAG_S,
    seed: int | None = 0,
) -> Table:
    """Simulated pupil readings of the cooling curve of stearic acid.

    A boiling tube of molten stearic acid (``params``; by default 20 g, cooling from
    90 °C in a room at 20 °C with h = 0.1 W/K) is read every ``reading_interval_s`` with
    a thermometer to ``thermometer_resolution_c``. The systematic error is thermometer
    lag: the bulb follows the sample with a time constant ``thermometer_lag_s``, so while
    the liquid cools every reading is a little high and the plateau seems to start late;
    on the plateau the thermometer catches up, so the melting point read from the flat
    part is still right.

    Returns:
        Table with columns time / s and temperature / °C.

    Raises:
        ValueError: naming the argument and its range.
    """
    if params is None:
        params = ParticlesParams(substance="stearic acid", experiment="cooling", mass_kg=0.02, heat_loss_w_per_k=0.1)
    duration_s = check_range("duration_s", duration_s, 0, 1e6, unit="s")
    reading_interval_s = check_range("reading_interval_s", reading_interval_s, 0, duration_s, unit="s")
    instrument = thermometer(thermometer_resolution_c)
    rng = make_rng(seed)
    run = simulate(params)
    times = np.arange(0.0, duration_s + 1e-9, reading_interval_s)
    extended = times if times[-1] <= run.duration_s else None
    if extended is None:  # readings after the run ends: the curve continues exactly
        long_params = ParticlesParams(
            substance=params.substance, experiment=params.experiment, mass_kg=params.mass_kg,
            power_w=params.power_w, heat_loss_w_per_k=params.heat_loss_w_per_k,
            start_temperature_c=params.start_temperature_c,
            end_temperature_c=(params.surroundings_temperature_c + 1e-6 if not params.heating
                               else params.end_temperature_c),
            surroundings_temperature_c=params.surroundings_temperature_c,
        )
        run = simulate(long_params)
    readings = instrument.read(lagged_temperature_c(run, times, thermometer_lag_s), rng)
    return Table.from_columns(
        [("time", "s", times), ("temperature", "°C", readings)],
        title=(f"Virtual practical: cooling curve of {params.data.name} (seed {seed}); "
               f"systematic error: {instrument.systematic_note}"),
    )


def plateau_temperature_c(times_s, temperatures_c, tolerance_c: float = 0.6) -> tuple[float, float, float]:
    """Find the flat part of a cooling curve as a pupil would: the longest run of
    consecutive readings that stay within ``tolerance_c`` of each other.

    Returns:
        ``(mean temperature °C, start time s, end time s)`` of that run.
    """
    times = np.asarray(times_s, dtype=float)
    values = np.asarray(temperatures_c, dtype=float)
    best = (0, 0)
    start = 0
    for end in range(len(values)):
        while values[start:end + 1].max() - values[start:end + 1].min() > tolerance_c:
            start += 1
        if end - start > best[1] - best[0]:
            best = (start, end)
    first, last = best
    return float(values[first:last + 1].mean()), float(times[first]), float(times[last])
