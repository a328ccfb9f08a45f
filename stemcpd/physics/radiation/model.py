"""Infrared radiation from surfaces: the Leslie cube, Stefan–Boltzmann and radiative cooling.

Physics (see MODEL.md beside this file for the teacher's version):

* Every surface emits infrared radiation. A surface of area A (m²), emissivity ε (0 to
  1, no unit) and absolute temperature T (K) emits the power ``P = ε σ A T⁴`` (the
  Stefan–Boltzmann law, σ = 5.670374419 × 10⁻⁸ W m⁻² K⁻⁴, CODATA 2018). A perfect
  emitter (black body) has ε = 1.
* It also absorbs radiation from its surroundings at temperature T_s. A good emitter
  is an equally good absorber (Kirchhoff's law: absorptivity = emissivity at the same
  wavelength), so it absorbs ``ε σ A T_s⁴`` and the net power radiated is
  ``ε σ A (T⁴ − T_s⁴)``.
* The peak of a black body's spectrum is at ``λ_max = b / T`` (Wien's displacement law,
  b = 2.897771955 × 10⁻³ m K, CODATA 2018): near 10 μm, in the infrared, for objects
  near room temperature.
* Cooling by radiation alone: an object of heat capacity C (J/K) obeys
  ``C dT/dt = −ε σ A (T⁴ − T_s⁴)``. It has an exact (implicit) solution, used in
  the tests. For small temperature differences
  ``T⁴ − T_s⁴ ≈ 4 T_s³ (T − T_s)``, which is Newton's law of cooling with
  ``h = 4 ε σ A T_s³`` (W/K): exponential cooling with time constant ``C / h``.

The time simulation integrates the full (non-linear) equation with the classical
fourth-order Runge–Kutta method at a fixed step, for four cubes at once, each painted
all over with one of the four Leslie-cube surfaces.

Limits: radiation only — in a real room convection removes as much energy again or more,
so real cubes cool faster; ε is taken as the same at every wavelength and angle (a
"grey" surface); the surroundings are a large enclosure at one temperature; the cube
has one uniform temperature.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import math

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_range

# CODATA 2018 recommended values (NIST, https://physics.nist.gov/cuu/Constants/; E. Tiesinga
# et al., Rev. Mod. Phys. 93, 025010 (2021)). σ and b are exact in the 2019 SI, as are h, c, k.
STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8
WIEN_DISPLACEMENT_M_K = 2.897771955e-3
PLANCK_J_S = 6.62607015e-34
SPEED_OF_LIGHT_M_S = 299792458.0
BOLTZMANN_J_K = 1.380649e-23
ZERO_CELSIUS_K = 273.15

# Total hemispherical emissivities near room temperature to 100 °C, typical values chosen
# inside the published ranges. Sources: F. P. Incropera, D. P. DeWitt et al., Fundamentals
# of Heat and Mass Transfer (6th ed., Wiley 2007), Table A.11 (black paints 0.95–0.98; white
# acrylic paint 0.90; highly polished aluminium 0.04–0.06, commercial sheet 0.09); The
# Engineering ToolBox, "Emissivity coefficients of common materials" (oxidised / dull
# aluminium 0.2–0.3). White paint looks white because it reflects *visible* light; in the
# far infrared it is almost as good an emitter as black paint.
SURFACE_EMISSIVITIES = {
    "Matt black": 0.97,
    "White paint": 0.90,
    "Dull aluminium": 0.20,
    "Shiny aluminium": 0.05,
}
EMISSIVITY_RANGES = {
    "Matt black": (0.95, 0.98),
    "White paint": (0.85, 0.95),
    "Dull aluminium": (0.10, 0.30),
    "Shiny aluminium": (0.03, 0.10),
}


def to_kelvin(temperature_c):
    """°C → K (T / K = θ / °C + 273.15)."""
    return np.asarray(temperature_c, dtype=float) + ZERO_CELSIUS_K


def black_body_exitance_w_m2(temperature_k):
    """Power emitted per square metre by a black body, ``σ T⁴``, W/m²."""
    temperature = np.asarray(temperature_k, dtype=float)
    for value in np.atleast_1d(temperature).ravel():
        check_range("temperature_k", value, 0, 1e6, low_open=False, unit="K")
    result = STEFAN_BOLTZMANN_W_M2_K4 * temperature**4
    return float(result) if result.ndim == 0 else result


def emitted_power_w(emissivity, area_m2, temperature_k):
    """Power a surface emits, ``ε σ A T⁴``, W.

    Raises:
        ValueError: if ε is not in (0, 1], A not in (0, 1e6] m² or T not in [0, 1e6] K.
    """
    _check_emissivity(emissivity)
    check_range("area_m2", area_m2, 0, 1e6, unit="m²")
    return np.asarray(emissivity, dtype=float) * area_m2 * black_body_exitance_w_m2(temperature_k)


def net_radiated_power_w(emissivity, area_m2, temperature_k, surroundings_k):
    """Net power radiated, emitted minus absorbed, ``ε σ A (T⁴ − T_s⁴)``, W
    (negative when the surroundings are hotter)."""
    return emitted_power_w(emissivity, area_m2, temperature_k) - emitted_power_w(emissivity, area_m2, surroundings_k)


def linearised_heat_loss_w_per_k(emissivity, area_m2, surroundings_k):
    """Newton's-law coefficient for small temperature differences, ``h = 4 ε σ A T_s³``, W/K."""
    _check_emissivity(emissivity)
    check_range("area_m2", area_m2, 0, 1e6, unit="m²")
    check_range("surroundings_k", surroundings_k, 0, 1e6, unit="K")
    return 4.0 * np.asarray(emissivity, dtype=float) * STEFAN_BOLTZMANN_W_M2_K4 * area_m2 * surroundings_k**3


def peak_wavelength_m(temperature_k):
    """Wavelength of the peak of a black body's spectrum, ``b / T`` (Wien), m."""
    temperature = np.asarray(temperature_k, dtype=float)
    for value in np.atleast_1d(temperature).ravel():
        check_range("temperature_k", value, 0, 1e9, unit="K")
    result = WIEN_DISPLACEMENT_M_K / temperature
    return float(result) if result.ndim == 0 else result


def planck_spectral_exitance(wavelength_m, temperature_k):
    """Black-body power per square metre per metre of wavelength (Planck's law),
    ``2 π h c² / λ⁵ / (e^(hc/λkT) − 1)``, in W m⁻² m⁻¹."""
    wavelength = np.asarray(wavelength_m, dtype=float)
    temperature_k = check_range("temperature_k", temperature_k, 0, 1e9, unit="K")
    exponent = PLANCK_J_S * SPEED_OF_LIGHT_M_S / (wavelength * BOLTZMANN_J_K * temperature_k)
    return 2.0 * math.pi * PLANCK_J_S * SPEED_OF_LIGHT_M_S**2 / wavelength**5 / np.expm1(exponent)


def _check_emissivity(emissivity) -> None:
    for value in np.atleast_1d(np.asarray(emissivity, dtype=float)).ravel():
        check_range("emissivity", value, 0, 1)


def exact_cooling_time_s(emissivity: float, area_m2: float, heat_capacity_j_per_k: float,
                         start_k: float, surroundings_k: float, temperature_k) -> np.ndarray:
    """Exact time for radiation alone to take an object from ``start_k`` to ``temperature_k``.

    From ``C dT/dt = −ε σ A (T⁴ − a⁴)`` with a = T_s:
    ``t = (C / (ε σ A)) [F(T₀) − F(T)]``, where
    ``F(T) = (1 / 4a³) [ln|(T − a)/(T + a)| − 2 arctan(T/a)]``
    (so dF/dT = 1/(T⁴ − a⁴)). Valid for cooling (T₀ > a) and warming (T₀ < a) as long
    as T lies between T₀ and a.
    """
    a = float(surroundings_k)
    temperature = np.asarray(temperature_k, dtype=float)

    def antiderivative(t):
        return (np.log(np.abs((t - a) / (t + a))) - 2.0 * np.arctan(t / a)) / (4.0 * a**3)

    rate = emissivity * STEFAN_BOLTZMANN_W_M2_K4 * area_m2 / heat_capacity_j_per_k
    return (antiderivative(float(start_k)) - antiderivative(temperature)) / rate


@dataclass(frozen=True)
class RadiationParams:
    """Leslie-cube style cubes cooling by radiation. Validated on creation.

    Attributes:
        temperature_c: starting temperature of the cubes (their hot water), in degrees
            Celsius (°C); [−100, 1000].
        ambient_temperature_c: temperature of the surroundings, in °C; [−100, 1000].
        face_area_m2: area of one face of a cube, in square metres (m²); (0, 10]. A cube
            radiates from six faces, 6 × this.
        heat_capacity_j_per_k: heat capacity of one cube and its water, in joules per
            kelvin (J/K); (0, 1e7]. 1 kg of water in an aluminium cube ≈ 4600 J/K.
        duration_s: how long the cooling is followed, in seconds (s); (0, 1e6].
        surface_names: the surfaces compared, one cube per surface.
        emissivities: emissivity of each surface (no unit); each in (0, 1].
    """

    temperature_c: float = 80.0
    ambient_temperature_c: float = 20.0
    face_area_m2: float = 0.01
    heat_capacity_j_per_k: float = 4600.0
    duration_s: float = 7200.0
    surface_names: tuple = field(default=tuple(SURFACE_EMISSIVITIES))
    emissivities: tuple = field(default=tuple(SURFACE_EMISSIVITIES.values()))

    def __post_init__(self):
        checks = {
            "temperature_c": check_range(
                "temperature_c", self.temperature_c, -100, 1000, low_open=False, unit="°C"),
            "ambient_temperature_c": check_range(
                "ambient_temperature_c", self.ambient_temperature_c, -100, 1000, low_open=False, unit="°C"),
            "face_area_m2": check_range("face_area_m2", self.face_area_m2, 0, 10, unit="m²"),
            "heat_capacity_j_per_k": check_range(
                "heat_capacity_j_per_k", self.heat_capacity_j_per_k, 0, 1e7, unit="J/K"),
            "duration_s": check_range("duration_s", self.duration_s, 0, 1e6, unit="s"),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)
        emissivities = tuple(check_range("emissivities", value, 0, 1) for value in self.emissivities)
        names = tuple(str(name) for name in self.surface_names)
        if not 1 <= len(emissivities) <= 8 or len(names) != len(emissivities):
            raise ValueError(
                f"surface_names and emissivities must have the same length, 1 to 8, got "
                f"{len(names)} and {len(emissivities)}"
            )
        object.__setattr__(self, "emissivities", emissivities)
        object.__setattr__(self, "surface_names", names)

    @property
    def temperature_k(self) -> float:
        """Starting temperature, K."""
        return self.temperature_c + ZERO_CELSIUS_K

    @property
    def ambient_temperature_k(self) -> float:
        """Temperature of the surroundings, K."""
        return self.ambient_temperature_c + ZERO_CELSIUS_K

    @property
    def cube_area_m2(self) -> float:
        """Radiating area of one cube, six faces, m²."""
        return 6.0 * self.face_area_m2


@dataclass(frozen=True)
class RadiationRun:
    """The faces of a Leslie cube, and cubes of each surface cooling by radiation.

    Attributes:
        params: the parameters.
        time_step_s: Runge–Kutta step used, s.
        times_s: sample times, s.
        temperature_c: temperature of each cube, °C; shape (surfaces, times).
        newton_temperature_c: the small-ΔT (Newton's law) prediction for each cube, °C;
            same shape.
        emitted_power_w: power one face of each surface emits at the starting temperature, W.
        absorbed_power_w: power one face absorbs from the surroundings, W.
        net_power_w: emitted − absorbed, W.
        peak_wavelength_m: Wien peak for the starting temperature, m.
    """

    params: RadiationParams
    time_step_s: float
    times_s: np.ndarray
    temperature_c: np.ndarray
    newton_temperature_c: np.ndarray
    emitted_power_w: np.ndarray
    absorbed_power_w: np.ndarray
    net_power_w: np.ndarray
    peak_wavelength_m: float

    @property
    def final_temperature_c(self) -> np.ndarray:
        """Temperature of each cube at the end, °C."""
        return self.temperature_c[:, -1]


def default_time_step(params: RadiationParams) -> float:
    """A step far inside RK4's accuracy: a fifth of the shortest cooling time constant
    (at the hotter of the two temperatures), and at most 1/100 of the duration."""
    hottest = max(params.temperature_k, params.ambient_temperature_k, 1.0)
    fastest_h = 4.0 * max(params.emissivities) * STEFAN_BOLTZMANN_W_M2_K4 * params.cube_area_m2 * hottest**3
    return min(params.duration_s / 100.0, 0.2 * params.heat_capacity_j_per_k / fastest_h)


MAXIMUM_STEPS = 200_000


def simulate(params: RadiationParams | None = None, time_step_s: float | None = None) -> RadiationRun:
    """Cool one cube of each surface by radiation alone, from ``temperature_c``.

    Args:
        params: defaults to ``RadiationParams()``.
        time_step_s: fixed Runge–Kutta step, s; defaults to :func:`default_time_step`;
            (0, duration_s], and at most 200 000 steps.

    Returns:
        A :class:`RadiationRun`; the last sample is at ``duration_s``.
    """
    params = RadiationParams() if params is None else params
    if time_step_s is None:
        time_step_s = default_time_step(params)
    time_step_s = check_range("time_step_s", time_step_s, 0, params.duration_s, unit="s")
    steps = math.ceil(params.duration_s / time_step_s - 1e-9)
    if steps > MAXIMUM_STEPS:
        raise ValueError(
            f"time_step_s {time_step_s:g} s needs {steps} steps for {params.duration_s:g} s; "
            f"the most allowed is {MAXIMUM_STEPS} (use a shorter duration_s or a larger heat capacity)"
        )
    times = np.minimum(np.arange(steps + 1) * time_step_s, params.duration_s)
    emissivity = np.asarray(params.emissivities)
    ambient4 = params.ambient_temperature_k**4
    rates = emissivity * STEFAN_BOLTZMANN_W_M2_K4 * params.cube_area_m2 / params.heat_capacity_j_per_k
    temperatures = np.empty((len(emissivity), steps + 1))
    steps_taken = np.diff(times).tolist()
    # Plain floats in the inner loop: four short ODEs gain nothing from numpy per step.
    for surface, rate in enumerate(rates.tolist()):
        current = params.temperature_k
        values = [current]
        for h in steps_taken:
            k1 = -rate * (current**4 - ambient4)
            k2 = -rate * ((current + 0.5 * h * k1) ** 4 - ambient4)
            k3 = -rate * ((current + 0.5 * h * k2) ** 4 - ambient4)
            k4 = -rate * ((current + h * k3) ** 4 - ambient4)
            current += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
            values.append(current)
        temperatures[surface] = values

    h_newton = linearised_heat_loss_w_per_k(emissivity, params.cube_area_m2, params.ambient_temperature_k)
    decay = np.exp(-np.outer(h_newton / params.heat_capacity_j_per_k, times))
    newton = params.ambient_temperature_c + (params.temperature_c - params.ambient_temperature_c) * decay
    emitted = emitted_power_w(emissivity, params.face_area_m2, params.temperature_k)
    absorbed = emitted_power_w(emissivity, params.face_area_m2, params.ambient_temperature_k)
    return RadiationRun(
        params=params,
        time_step_s=float(time_step_s),
        times_s=times,
        temperature_c=temperatures - ZERO_CELSIUS_K,
        newton_temperature_c=newton,
        emitted_power_w=np.asarray(emitted),
        absorbed_power_w=np.asarray(absorbed),
        net_power_w=np.asarray(emitted - absorbed),
        peak_wavelength_m=peak_wavelength_m(max(params.temperature_k, 1e-9)),
    )


def to_table(run: RadiationRun) -> Table:
    """The cooling curves as a table: time, then each cube's temperature."""
    stride = max(1, math.ceil(len(run.times_s) / 400))
    columns = [("time", "s", run.times_s[::stride])]
    columns += [
        (f"temperature, {name.lower()}", "°C", run.temperature_c[index, ::stride])
        for index, name in enumerate(run.params.surface_names)
    ]
    return Table.from_columns(
        columns,
        title=(
            f"Cooling by radiation alone from {run.params.temperature_c:g} °C, surroundings "
            f"{run.params.ambient_temperature_c:g} °C, cube area {run.params.cube_area_m2:g} m²"
        ),
    )


def power_table(run: RadiationRun) -> Table:
    """Per face: emissivity, power emitted, absorbed and net, at the starting temperature."""
    return Table.from_columns(
        [
            ("emissivity", "", np.asarray(run.params.emissivities)),
            ("power emitted", "W", run.emitted_power_w),
            ("power absorbed", "W", run.absorbed_power_w),
            ("net power radiated", "W", run.net_power_w),
        ],
        title="Per face: " + ", ".join(run.params.surface_names),
    )


# ----- virtual practical: the Leslie cube ---------------------------------------------------
# A thermopile radiation sensor reading irradiance to 0.1 W/m², scatter about 0.3 W/m²
# (air currents, where it is held). Its systematic error: it is not zeroed against the
# room, and a warm radiator behind the pupil adds a constant background.
def radiation_sensor(background_w_m2: float) -> Instrument:
    """The IR sensor; ``background_w_m2`` is its constant zero (background) error."""
    return Instrument(
        "infrared radiation sensor", "W/m²", resolution=0.1, random_sd=0.3, zero_error=background_w_m2,
        systematic_note=f"background infrared not zeroed out (+{background_w_m2:g} W/m² on every reading)",
    )


CUBE_THERMOMETER = Instrument("thermometer in the cube", "°C", resolution=1.0, random_sd=0.3)


def virtual_practical(
    temperatures_c=(90.0, 80.0, 70.0, 60.0, 50.0, 40.0),
    ambient_temperature_c: float = 20.0,
    face_area_m2: float = 0.01,
    distance_m: float = 0.10,
    background_w_m2: float = 2.0,
    distance_errors_m=None,
    seed: int | None = 0,
) -> Table:
    """Simulated class results for the Leslie-cube required practical.

    Hot water in the cube cools; at each temperature the pupil reads the thermometer
    and holds the IR sensor ``distance_m`` in front of each face. For a face small
    compared with the distance, the net irradiance at the sensor is
    ``ε σ (T⁴ − T_s⁴) A / (π d²)`` (a Lambertian emitter, inverse-square law).
    Plotting each face's reading against T⁴ − T_s⁴ gives straight lines whose
    gradients are in the ratio of the emissivities; the systematic background makes
    a non-zero intercept, and makes ratios of single readings too close to 1.
    ``distance_errors_m`` (one per face) adds the other classic error: the sensor
    held at a slightly different distance from each face.

    Returns:
        Table: cube temperature / °C, T⁴ − T_room⁴ / K⁴ (from the measured temperature),
        then one reading column per surface / W/m².
    """
    temperatures = np.asarray(temperatures_c, dtype=float)
    if temperatures.size < 1:
        raise ValueError("temperatures_c must list at least one temperature")
    for value in temperatures:
        check_range("temperatures_c", value, -100, 1000, low_open=False, unit="°C")
    ambient_temperature_c = check_range(
        "ambient_temperature_c", ambient_temperature_c, -100, 1000, low_open=False, unit="°C")
    face_area_m2 = check_range("face_area_m2", face_area_m2, 0, 10, unit="m²")
    distance_m = check_range("distance_m", distance_m, 0, 10, unit="m")
    background_w_m2 = check_range("background_w_m2", background_w_m2, -1000, 1000, unit="W/m²")
    names, emissivities = list(SURFACE_EMISSIVITIES), np.array(list(SURFACE_EMISSIVITIES.values()))
    errors = np.zeros(len(names)) if distance_errors_m is None else np.asarray(distance_errors_m, dtype=float)
    if errors.shape != (len(names),):
        raise ValueError(f"distance_errors_m must give one distance error per surface ({len(names)})")
    distances = distance_m + errors
    for value in distances:
        check_range("distance_m plus its error", value, 0, 10, unit="m")
    rng = make_rng(seed)
    measured_temperatures = CUBE_THERMOMETER.read(temperatures, rng)
    ambient_k = ambient_temperature_c + ZERO_CELSIUS_K
    fourth_power = to_kelvin(temperatures) ** 4 - ambient_k**4
    irradiance = (
        emissivities[:, None] * STEFAN_BOLTZMANN_W_M2_K4 * fourth_power[None, :]
        * face_area_m2 / (math.pi * distances[:, None] ** 2)
    )
    readings = radiation_sensor(background_w_m2).read(irradiance, rng)
    columns = [
        ("cube temperature", "°C", measured_temperatures),
        ("T⁴ − T_room⁴", "K⁴", to_kelvin(measured_temperatures) ** 4 - ambient_k**4),
    ]
    columns += [(f"{name.lower()} reading", "W/m²", readings[index]) for index, name in enumerate(names)]
    return Table.from_columns(
        columns,
        title=f"Virtual practical: Leslie cube, sensor {distance_m * 100:g} cm from each face (seed {seed})",
    )


def describe(run: RadiationRun) -> str:
    """One or two sentences a screen reader can speak about this run."""
    p = run.params
    names = p.surface_names
    best, worst = int(np.argmax(p.emissivities)), int(np.argmin(p.emissivities))
    text = (
        f"At {p.temperature_c:.0f} °C in {p.ambient_temperature_c:.0f} °C surroundings, a "
        f"{p.face_area_m2 * 1e4:.0f} cm² {names[best].lower()} face radiates a net "
        f"{run.net_power_w[best]:.2f} W and a {names[worst].lower()} face {run.net_power_w[worst]:.3f} W; "
        f"the peak wavelength is {run.peak_wavelength_m * 1e6:.1f} μm, in the infrared."
    )
    minutes = p.duration_s / 60.0
    text += (
        f" By radiation alone, after {minutes:.0f} minutes the {names[best].lower()} cube is at "
        f"{run.final_temperature_c[best]:.1f} °C and the {names[worst].lower()} cube at "
        f"{run.final_temperature_c[worst]:.1f} °C."
    )
    return text
