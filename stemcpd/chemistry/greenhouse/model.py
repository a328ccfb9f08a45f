"""The greenhouse effect as an energy balance: a planet with and without an atmosphere
that absorbs infrared.

Physics and chemistry (see MODEL.md beside this file for the teacher's version):

* Sunlight: the solar constant S = 1361 W/m² (Kopp and Lean, Geophys. Res. Lett. 38,
  L01706, 2011) spread over the whole sphere gives S/4 per m² of surface; a fraction
  α (albedo, 0.30 for Earth today) is reflected.
* **No greenhouse gases.** The surface radiates as a black body, σT⁴ (σ = 5.670374419
  × 10⁻⁸ W m⁻² K⁻⁴, CODATA 2018). Balance: σT⁴ = S(1 − α)/4, so
  T = [S(1 − α)/(4σ)]^¼ = 254.6 K ≈ 255 K (−18 °C), the published "effective" value.
* **One absorbing layer.** An atmosphere absorbs a fraction ε of the surface's infrared
  and, being at temperature Tₐ, emits ε σ Tₐ⁴ both up and down. Balances at the top of
  the atmosphere, in the layer and at the surface give
  T_surface = T_effective × [2 / (2 − ε)]^¼ and Tₐ = T_surface / 2^¼.
  ε is set so that the pre-industrial atmosphere (280 ppm CO₂) gives the published
  mean surface temperature of about 288 K (15 °C): ε₀ = 2 [1 − (T_eff/288)⁴] ≈ 0.78.
* **More carbon dioxide** adds a radiative forcing ΔF = 5.35 ln(C/280) W/m² (Myhre et
  al., Geophys. Res. Lett. 25, 2715, 1998), taken as a reduction of the outgoing
  infrared at the starting temperatures: ε rises by 2ΔF/(σ T_surface⁴). With no
  feedbacks (water vapour, ice, clouds are not modelled) doubling CO₂ warms the
  surface by about 1.2 K, the published "no-feedback" (Planck) response; the observed
  and projected warming is larger because of feedbacks.

Limits: one well-mixed layer, a grey absorber, no convection, no feedbacks; a teaching
model for why the surface is 33 K warmer than 255 K, not a climate projection. The
Stefan–Boltzmann law and energy balance are beyond GCSE chemistry (physics A level).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

import numpy as np

from stemcpd.table import Table
from stemcpd.validation import check_range, check_switch

SOLAR_CONSTANT_W_M2 = 1361.0
STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8
EARTH_ALBEDO = 0.30
PRE_INDUSTRIAL_CO2_PPM = 280.0
OBSERVED_SURFACE_K = 288.0
MYHRE_COEFFICIENT_W_M2 = 5.35
CELSIUS_OFFSET = 273.15


def effective_temperature_k(albedo: float = EARTH_ALBEDO, solar_constant_w_m2: float = SOLAR_CONSTANT_W_M2) -> float:
    """Temperature of a planet with no greenhouse gases, K: [S(1 − α)/(4σ)]^¼.

    Raises:
        ValueError: for an albedo outside [0, 1) or a solar constant outside (0, 1e5] W/m².
    """
    albedo = check_range("albedo", albedo, 0, 1, low_open=False, high_open=True)
    solar_constant_w_m2 = check_range("solar_constant_w_m2", solar_constant_w_m2, 0, 1e5, unit="W/m²")
    return (solar_constant_w_m2 * (1 - albedo) / (4 * STEFAN_BOLTZMANN_W_M2_K4)) ** 0.25


def one_layer_surface_temperature_k(absorptivity: float, albedo: float = EARTH_ALBEDO) -> float:
    """Surface temperature under one layer absorbing a fraction ``absorptivity`` of the
    surface's infrared, K: T_eff × [2/(2 − ε)]^¼.

    Raises:
        ValueError: for an absorptivity outside [0, 1] or an albedo outside [0, 1).
    """
    absorptivity = check_range("absorptivity", absorptivity, 0, 1, low_open=False)
    return effective_temperature_k(albedo) * (2 / (2 - absorptivity)) ** 0.25


def co2_forcing_w_m2(co2_ppm: float) -> float:
    """Radiative forcing of CO₂ relative to 280 ppm, W/m²: 5.35 ln(C/280) (Myhre et al. 1998).

    Raises:
        ValueError: for a concentration outside (0, 100000] ppm.
    """
    co2_ppm = check_range("co2_ppm", co2_ppm, 0, 100000, unit="ppm")
    return MYHRE_COEFFICIENT_W_M2 * math.log(co2_ppm / PRE_INDUSTRIAL_CO2_PPM)


PRE_INDUSTRIAL_ABSORPTIVITY = 2 * (1 - (effective_temperature_k() / OBSERVED_SURFACE_K) ** 4)


def absorptivity_for(co2_ppm: float) -> float:
    """ε for a CO₂ concentration: ε₀ (gives 288 K at 280 ppm, albedo 0.30) plus
    2ΔF/(σ·288⁴), capped at 1."""
    extra = 2 * co2_forcing_w_m2(co2_ppm) / (STEFAN_BOLTZMANN_W_M2_K4 * OBSERVED_SURFACE_K**4)
    return min(max(PRE_INDUSTRIAL_ABSORPTIVITY + extra, 0.0), 1.0)


def warming_for_co2_k(co2_ppm: float) -> float:
    """No-feedback warming of the surface from 280 ppm to ``co2_ppm`` (albedo 0.30), K."""
    return one_layer_surface_temperature_k(absorptivity_for(co2_ppm)) - one_layer_surface_temperature_k(
        absorptivity_for(PRE_INDUSTRIAL_CO2_PPM))


@dataclass(frozen=True)
class GreenhouseParams:
    """A planet's energy balance. Validated on creation.

    Attributes:
        greenhouse_gases: whether the planet has an infrared-absorbing atmosphere
            (``True``, like Earth's) or none (``False``); ``True`` or ``False``.
        co2_ppm: carbon dioxide concentration, in parts per million by volume (ppm); [100, 2000].
        albedo: fraction of sunlight reflected (no unit); [0.1, 0.6].
    """

    greenhouse_gases: bool = True
    co2_ppm: float = 420.0
    albedo: float = EARTH_ALBEDO

    def __post_init__(self):
        object.__setattr__(self, "greenhouse_gases", check_switch("greenhouse_gases", self.greenhouse_gases))
        object.__setattr__(self, "co2_ppm", check_range("co2_ppm", self.co2_ppm, 100, 2000, low_open=False,
                                                        unit="ppm"))
        object.__setattr__(self, "albedo", check_range("albedo", self.albedo, 0.1, 0.6, low_open=False))


@dataclass(frozen=True)
class GreenhouseRun:
    """The balanced energy flows, W/m² of the planet's surface, and temperatures, K.

    Attributes:
        params: the parameters.
        absorptivity: ε of the atmosphere (0 with no greenhouse gases).
        incoming_w_m2: S/4.
        reflected_w_m2: α S/4.
        absorbed_solar_w_m2: (1 − α) S/4.
        surface_emission_w_m2: σ T_surface⁴.
        back_radiation_w_m2: infrared the atmosphere sends down.
        outgoing_infrared_w_m2: infrared leaving to space (= absorbed solar: balance).
        surface_k, atmosphere_k, effective_k: temperatures.
        curve_absorptivity, curve_surface_k: surface temperature against ε, for the view.
    """

    params: GreenhouseParams
    absorptivity: float
    incoming_w_m2: float
    reflected_w_m2: float
    absorbed_solar_w_m2: float
    surface_emission_w_m2: float
    back_radiation_w_m2: float
    outgoing_infrared_w_m2: float
    surface_k: float
    atmosphere_k: float
    effective_k: float
    curve_absorptivity: np.ndarray
    curve_surface_k: np.ndarray

    @property
    def surface_c(self) -> float:
        """Surface temperature, °C."""
        return self.surface_k - CELSIUS_OFFSET

    @property
    def greenhouse_warming_k(self) -> float:
        """How much warmer the surface is than with no greenhouse gases, K."""
        return self.surface_k - self.effective_k


def balance(params: GreenhouseParams | None = None) -> GreenhouseRun:
    """Solve the energy balance for these parameters."""
    params = GreenhouseParams() if params is None else params
    epsilon = absorptivity_for(params.co2_ppm) if params.greenhouse_gases else 0.0
    effective = effective_temperature_k(params.albedo)
    surface = one_layer_surface_temperature_k(epsilon, params.albedo)
    atmosphere = surface / 2**0.25
    sigma = STEFAN_BOLTZMANN_W_M2_K4
    incoming = SOLAR_CONSTANT_W_M2 / 4
    layer_emission = epsilon * sigma * atmosphere**4
    surface_emission = sigma * surface**4
    curve = np.linspace(0.0, 1.0, 101)
    return GreenhouseRun(
        params=params, absorptivity=epsilon, incoming_w_m2=incoming, reflected_w_m2=params.albedo * incoming,
        absorbed_solar_w_m2=(1 - params.albedo) * incoming, surface_emission_w_m2=surface_emission,
        back_radiation_w_m2=layer_emission,
        outgoing_infrared_w_m2=(1 - epsilon) * surface_emission + layer_emission,
        surface_k=surface, atmosphere_k=atmosphere if epsilon > 0 else float("nan"), effective_k=effective,
        curve_absorptivity=curve,
        curve_surface_k=np.array([one_layer_surface_temperature_k(e, params.albedo) for e in curve]),
    )


def describe(run: GreenhouseRun) -> str:
    """Two sentences a screen reader can speak about this balance."""
    p = run.params
    if not p.greenhouse_gases:
        return (f"With no greenhouse gases and an albedo of {p.albedo:.2f}, the surface radiates the "
                f"{run.absorbed_solar_w_m2:.0f} W/m² it absorbs straight to space and settles at "
                f"{run.surface_k:.0f} K ({run.surface_c:.0f} °C).").replace("(-", "(−")
    return (f"With {p.co2_ppm:.0f} ppm of carbon dioxide the atmosphere absorbs {run.absorptivity * 100:.0f}% of the "
            f"surface's infrared and sends {run.back_radiation_w_m2:.0f} W/m² back down, so the surface settles at "
            f"{run.surface_k:.1f} K ({run.surface_c:.1f} °C), {run.greenhouse_warming_k:.0f} K warmer than the "
            f"{run.effective_k:.0f} K it would be without greenhouse gases. Energy in = energy out: "
            f"{run.absorbed_solar_w_m2:.0f} W/m² absorbed, {run.outgoing_infrared_w_m2:.0f} W/m² leaving.")


def to_table(run: GreenhouseRun) -> Table:
    """Surface temperature against the atmosphere's infrared absorptivity."""
    return Table.from_columns(
        [("infrared absorbed by the atmosphere", "%", run.curve_absorptivity * 100),
         ("surface temperature", "K", run.curve_surface_k)],
        title=f"One-layer greenhouse model, albedo {run.params.albedo:.2f}",
    )


# Reactions the atmosphere module names (AQA 8462 4.9.1–4.9.3), balanced with state
# symbols; a test checks each balances.
ATMOSPHERE_REACTIONS = (
    ("photosynthesis (made the oxygen)", "6CO2(g) + 6H2O(l) -> C6H12O6(aq) + 6O2(g)"),
    ("dissolved CO₂ precipitated as calcium carbonate", "CO2(aq) + Ca(OH)2(aq) -> CaCO3(s) + H2O(l)"),
    ("complete combustion of methane", "CH4(g) + 2O2(g) -> CO2(g) + 2H2O(l)"),
    ("incomplete combustion: carbon monoxide", "2CH4(g) + 3O2(g) -> 2CO(g) + 4H2O(l)"),
    ("incomplete combustion: soot (particulates)", "CH4(g) + O2(g) -> C(s) + 2H2O(l)"),
    ("sulfur in fuels", "S(s) + O2(g) -> SO2(g)"),
    ("nitrogen oxides in hot engines", "N2(g) + O2(g) -> 2NO(g)"),
)

# Dry air today, percentage by volume (AQA 4.9.1.1 rounds these to about 4/5 nitrogen
# and 1/5 oxygen). NOAA Global Monitoring Laboratory: CO₂ about 420 ppm in 2023.
DRY_AIR_PERCENT = {"nitrogen": 78.08, "oxygen": 20.95, "argon": 0.93, "carbon dioxide": 0.042}


def ppm_to_percent(ppm: float) -> float:
    """Parts per million by volume to percent: ÷ 10 000.

    Raises:
        ValueError: for a value outside [0, 1e6] ppm.
    """
    return check_range("ppm", ppm, 0, 1e6, low_open=False, unit="ppm") / 10000.0
