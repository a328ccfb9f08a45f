"""Density of regular and irregular solids and of liquids; floating and sinking.

Physics (see MODEL.md beside this file for the teacher's version):

* Density ``ρ = m / V`` in kg/m³ (1 g/cm³ = 1000 kg/m³).
* A regular block (cuboid) has volume ``V = l w h``; an irregular object's volume is
  the volume of liquid it displaces when fully under the surface (eureka can, or the
  rise in a measuring cylinder).
* An object floats in a liquid if its (average) density is less than the liquid's.
  A floating object sinks until it displaces its own mass of liquid (Archimedes), so
  the fraction of its volume below the surface is ``ρ_object / ρ_liquid``; for an
  upright block that is also the fraction of its height under water.
* On a mass–volume graph every object of one material lies on the straight line
  ``m = ρ V`` through the origin; the gradient is the density.

Limits: uniform (solid, non-porous) objects; the liquid's density is the same at every
depth; surface tension is ignored (a steel needle can float on water; the model says
it sinks); a floating block is assumed to float upright (a flat block does; a tall thin
one tips over on its side).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stemcpd.practical import Instrument, make_rng
from stemcpd.table import Table
from stemcpd.validation import check_range

# Densities near 20 °C in kg/m³. Sources: CRC Handbook of Chemistry and Physics, 97th ed.
# (2016), "Density of solids" / "Physical constants of organic compounds" (aluminium
# 2698, copper 8960, ice at 0 °C 917, ethanol 789.3 at 20 °C, glycerol 1261.3 at 20 °C);
# steel, brass and oak are alloys and natural materials whose density varies: carbon steel
# 7850 (7750–8050), brass 8500 (8400–8730), oak 700 (600–900, depending on species and
# moisture) — Kaye & Laby, Tables of Physical and Chemical Constants (NPL), §2.2.1, and
# The Engineering ToolBox, "Densities of solids" / "Wood species densities".
MATERIAL_DENSITIES_KG_M3 = {
    "Aluminium": 2700.0,
    "Steel": 7850.0,
    "Copper": 8960.0,
    "Brass": 8500.0,
    "Oak": 700.0,
    "Ice": 917.0,
}
LIQUID_DENSITIES_KG_M3 = {
    "Water (20 °C)": 998.0,
    "Ethanol": 789.0,
    "Glycerol": 1261.0,
}
# Pure air-free water (CRC Handbook, "Properties of water in the range 0–100 °C"; Tanaka
# et al., Metrologia 38, 301 (2001)): maximum density at 4 °C.
WATER_DENSITY_4C_KG_M3 = 999.97
WATER_DENSITY_20C_KG_M3 = 998.21

CM3_PER_M3 = 1e6
G_PER_KG = 1e3


def density(mass_kg, volume_m3):
    """Density ``ρ = m / V`` in kg/m³ (scalars or arrays).

    Raises:
        ValueError: if the mass is not in (0, 1e9] kg or the volume not in (0, 1e6] m³.
    """
    mass = np.asarray(mass_kg, dtype=float)
    volume = np.asarray(volume_m3, dtype=float)
    for value in np.atleast_1d(mass).ravel():
        check_range("mass_kg", value, 0, 1e9, unit="kg")
    for value in np.atleast_1d(volume).ravel():
        check_range("volume_m3", value, 0, 1e6, unit="m³")
    result = mass / volume
    return float(result) if result.ndim == 0 else result


def cuboid_volume(length_m: float, width_m: float, height_m: float) -> float:
    """Volume of a rectangular block, ``l × w × h``, in m³."""
    length_m = check_range("length_m", length_m, 0, 100, unit="m")
    width_m = check_range("width_m", width_m, 0, 100, unit="m")
    height_m = check_range("height_m", height_m, 0, 100, unit="m")
    return length_m * width_m * height_m


def fraction_submerged(object_density_kg_m3: float, liquid_density_kg_m3: float) -> float:
    """Fraction of a free object's volume below the surface: ``ρ_object / ρ_liquid``,
    or 1 if it sinks (density at least the liquid's)."""
    object_density_kg_m3 = check_range("object_density_kg_m3", object_density_kg_m3, 0, 1e5, unit="kg/m³")
    liquid_density_kg_m3 = check_range("liquid_density_kg_m3", liquid_density_kg_m3, 0, 1e5, unit="kg/m³")
    return min(object_density_kg_m3 / liquid_density_kg_m3, 1.0)


def floats(object_density_kg_m3: float, liquid_density_kg_m3: float) -> bool:
    """True if the object floats: its density is less than the liquid's."""
    return fraction_submerged(object_density_kg_m3, liquid_density_kg_m3) < 1.0


def displaced_volume_m3(volume_m3: float, object_density_kg_m3: float, liquid_density_kg_m3: float,
                        pushed_under: bool = False) -> float:
    """Volume of liquid an object displaces, m³.

    A sinking object — or a floating one pushed under, as in a eureka can with a sinker —
    displaces its whole volume; a freely floating one only ``V ρ_object / ρ_liquid``
    (its own mass of liquid).
    """
    volume_m3 = check_range("volume_m3", volume_m3, 0, 1e6, unit="m³")
    if pushed_under:
        return volume_m3
    return volume_m3 * fraction_submerged(object_density_kg_m3, liquid_density_kg_m3)


@dataclass(frozen=True)
class BlockParams:
    """A rectangular block in a liquid. Validated on creation.

    Attributes:
        density_kg_m3: density of the block's material, in kilograms per cubic metre
            (kg/m³); (0, 30000].
        length_m: length of the block (seen side-on), in metres (m); (0, 10].
        width_m: width of the block (front to back), in metres (m); (0, 10].
        height_m: height of the block, in metres (m); (0, 10].
        liquid_density_kg_m3: density of the liquid it is put in, in kg/m³; (0, 30000].
    """

    density_kg_m3: float = 2700.0
    length_m: float = 0.05
    width_m: float = 0.05
    height_m: float = 0.04
    liquid_density_kg_m3: float = 998.0

    def __post_init__(self):
        checks = {
            "density_kg_m3": check_range("density_kg_m3", self.density_kg_m3, 0, 30000, unit="kg/m³"),
            "length_m": check_range("length_m", self.length_m, 0, 10, unit="m"),
            "width_m": check_range("width_m", self.width_m, 0, 10, unit="m"),
            "height_m": check_range("height_m", self.height_m, 0, 10, unit="m"),
            "liquid_density_kg_m3": check_range(
                "liquid_density_kg_m3", self.liquid_density_kg_m3, 0, 30000, unit="kg/m³"
            ),
        }
        for name, value in checks.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class BlockResult:
    """What the block is like and what it does in the liquid.

    Attributes:
        params: the parameters.
        volume_m3: l × w × h, m³.
        mass_kg: ρ V, kg.
        floats: True if it floats in the liquid.
        fraction_submerged: fraction of the volume (and height) under the surface; 1 if it sinks.
        submerged_depth_m: depth of the block's bottom below the surface when floating,
            or its full height when it sinks, m.
        displaced_volume_m3: liquid displaced when left free, m³.
        displaced_mass_kg: mass of that liquid, kg (equals ``mass_kg`` when it floats).
    """

    params: BlockParams
    volume_m3: float
    mass_kg: float
    floats: bool
    fraction_submerged: float
    submerged_depth_m: float
    displaced_volume_m3: float
    displaced_mass_kg: float

    def mass_volume_lines_g(self, volumes_cm3) -> tuple[np.ndarray, np.ndarray]:
        """m = ρV for the block's material and for the liquid at ``volumes_cm3``, g:
        the two lines of the mass–volume graph."""
        p = self.params
        return mass_volume_line(p.density_kg_m3, volumes_cm3), mass_volume_line(p.liquid_density_kg_m3, volumes_cm3)

    @property
    def volume_cm3(self) -> float:
        """Volume in cm³."""
        return self.volume_m3 * CM3_PER_M3

    @property
    def mass_g(self) -> float:
        """Mass in g."""
        return self.mass_kg * G_PER_KG


def analyse(params: BlockParams | None = None) -> BlockResult:
    """Volume, mass, and floating or sinking for a block (defaults to ``BlockParams()``)."""
    params = BlockParams() if params is None else params
    volume = cuboid_volume(params.length_m, params.width_m, params.height_m)
    mass = params.density_kg_m3 * volume
    fraction = fraction_submerged(params.density_kg_m3, params.liquid_density_kg_m3)
    displaced = volume * fraction
    return BlockResult(
        params=params,
        volume_m3=volume,
        mass_kg=mass,
        floats=fraction < 1.0,
        fraction_submerged=fraction,
        submerged_depth_m=fraction * params.height_m,
        displaced_volume_m3=displaced,
        displaced_mass_kg=displaced * params.liquid_density_kg_m3,
    )


def mass_volume_line(density_kg_m3: float, volumes_cm3) -> np.ndarray:
    """Masses in g of objects of this density with the given volumes in cm³ (m = ρ V)."""
    density_kg_m3 = check_range("density_kg_m3", density_kg_m3, 0, 1e5, unit="kg/m³")
    return density_kg_m3 / 1000.0 * np.asarray(volumes_cm3, dtype=float)


def to_table(result: BlockResult, volumes_cm3=None) -> Table:
    """The mass–volume line of the block's material (and the liquid's) as a table.

    Args:
        result: the block.
        volumes_cm3: volumes to tabulate; defaults to 0 to twice the block's volume in
            11 steps (the block's own volume is the middle row).
    """
    if volumes_cm3 is None:
        volumes_cm3 = np.linspace(0.0, 2.0 * result.volume_cm3, 11)
    volumes = np.asarray(volumes_cm3, dtype=float)
    p = result.params
    return Table.from_columns(
        [
            ("volume", "cm³", volumes),
            ("mass of material", "g", mass_volume_line(p.density_kg_m3, volumes)),
            ("mass of liquid", "g", mass_volume_line(p.liquid_density_kg_m3, volumes)),
        ],
        title=(
            f"Mass against volume: material {p.density_kg_m3:g} kg/m³, liquid {p.liquid_density_kg_m3:g} kg/m³ "
            f"(block {p.length_m * 100:g} × {p.width_m * 100:g} × {p.height_m * 100:g} cm)"
        ),
    )


# ----- virtual practical -----------------------------------------------------------------
RULER = Instrument("ruler", "mm", resolution=1.0, random_sd=0.3)
MENISCUS_OFFSET_CM3 = 0.5


def balance(resolution_g: float) -> Instrument:
    """A top-pan balance reading to ``resolution_g`` (0.1 g or 0.01 g)."""
    resolution_g = check_range("balance_resolution_g", resolution_g, 0, 10, unit="g")
    return Instrument("top-pan balance", "g", resolution=resolution_g, random_sd=0.3 * resolution_g)


def measuring_cylinder(meniscus_error: bool = True) -> Instrument:
    """A measuring cylinder with 1 cm³ divisions; judging the meniscus scatters a
    reading by about 0.3 cm³. With ``meniscus_error`` the pupil reads the top of the
    meniscus instead of the bottom: every reading is 0.5 cm³ too high."""
    return Instrument(
        "measuring cylinder", "cm³", resolution=1.0, random_sd=0.3,
        zero_error=MENISCUS_OFFSET_CM3 if meniscus_error else 0.0,
        systematic_note="read at the top of the meniscus, not the bottom (+0.5 cm³)" if meniscus_error else "",
    )


def _check_positive_list(name: str, values, high: float, unit: str) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.size == 0:
        raise ValueError(f"{name} must list at least one value")
    for value in array.ravel():
        check_range(name, value, 0, high, unit=unit)
    return array


def virtual_practical_regular(
    density_kg_m3: float = 2700.0,
    dimensions_m=((0.02, 0.02, 0.02), (0.03, 0.02, 0.02), (0.04, 0.03, 0.02), (0.05, 0.04, 0.03), (0.06, 0.05, 0.04)),
    balance_resolution_g: float = 0.1,
    seed: int | None = 0,
) -> Table:
    """Regular blocks of one material: dimensions with a ruler (1 mm), mass on a balance.

    No systematic error is added: the ruler's 1 mm resolution (±0.5 mm, about 2.5% on a
    2 cm side) is the largest uncertainty, which is why bigger blocks give better values.

    Returns:
        Table: length, width, height / mm; volume / cm³; mass / g; density / kg/m³.
    """
    density_kg_m3 = check_range("density_kg_m3", density_kg_m3, 0, 30000, unit="kg/m³")
    dimensions = _check_positive_list("dimensions_m", dimensions_m, 10, "m").reshape(-1, 3)
    rng = make_rng(seed)
    measured_mm = RULER.read(dimensions * 1000.0, rng)
    true_mass_g = density_kg_m3 * np.prod(dimensions, axis=1) * G_PER_KG
    mass_g = balance(balance_resolution_g).read(true_mass_g, rng)
    volume_cm3 = np.prod(measured_mm, axis=1) / 1000.0
    return Table.from_columns(
        [
            ("length", "mm", measured_mm[:, 0]),
            ("width", "mm", measured_mm[:, 1]),
            ("height", "mm", measured_mm[:, 2]),
            ("volume", "cm³", volume_cm3),
            ("mass", "g", mass_g),
            ("density", "kg/m³", mass_g / volume_cm3 * 1000.0),
        ],
        title=f"Virtual practical: density of regular blocks (seed {seed})",
    )


def virtual_practical_irregular(
    density_kg_m3: float = 7850.0,
    volumes_cm3=(8.0, 15.0, 23.0, 31.0, 42.0),
    method: str = "eureka can",
    meniscus_error: bool = True,
    balance_resolution_g: float = 0.1,
    starting_volume_cm3: float = 50.0,
    seed: int | None = 0,
) -> Table:
    """Irregular objects: mass on a balance, volume by displacement.

    ``method="eureka can"``: the object is lowered into a full eureka can and the water
    that overflows is read in a measuring cylinder (one reading, so a meniscus error of
    +0.5 cm³ makes every volume too big and every density too small).
    ``method="measuring cylinder"``: the object is lowered into a cylinder holding
    ``starting_volume_cm3`` of water, read before and after; the volume is the
    difference, so the same meniscus error cancels.

    Returns:
        Table: mass / g; reading before / cm³ (0 for a eureka can); reading after / cm³;
        volume / cm³; density / kg/m³.
    """
    if method not in ("eureka can", "measuring cylinder"):
        raise ValueError(f"method must be 'eureka can' or 'measuring cylinder', got {method!r}")
    density_kg_m3 = check_range("density_kg_m3", density_kg_m3, 0, 30000, unit="kg/m³")
    volumes = _check_positive_list("volumes_cm3", volumes_cm3, 1000, "cm³")
    starting_volume_cm3 = check_range("starting_volume_cm3", starting_volume_cm3, 0, 1000, unit="cm³")
    rng = make_rng(seed)
    cylinder = measuring_cylinder(meniscus_error)
    mass_g = balance(balance_resolution_g).read(density_kg_m3 * volumes / 1000.0, rng)
    if method == "eureka can":
        before = np.zeros_like(volumes)
        after = cylinder.read(volumes, rng)
    else:
        before = cylinder.read(np.full_like(volumes, starting_volume_cm3), rng)
        after = cylinder.read(starting_volume_cm3 + volumes, rng)
    measured_volume = after - before
    return Table.from_columns(
        [
            ("mass", "g", mass_g),
            ("reading before", "cm³", before),
            ("reading after", "cm³", after),
            ("volume", "cm³", measured_volume),
            ("density", "kg/m³", mass_g / measured_volume * 1000.0),
        ],
        title=f"Virtual practical: density of irregular objects by displacement, {method} (seed {seed})",
    )


def virtual_practical_liquid(
    liquid_density_kg_m3: float = 998.0,
    volumes_cm3=(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0),
    meniscus_error: bool = True,
    balance_resolution_g: float = 0.1,
    cylinder_mass_g: float = 62.4,
    seed: int | None = 0,
) -> Table:
    """A liquid's density: pour it into a measuring cylinder on a balance, a little at a
    time, and record the volume reading and the total mass.

    The pupil pours until the reading shows each volume in ``volumes_cm3``; a meniscus
    read at its top means the true volume is 0.5 cm³ less each time. The gradient of
    mass against volume is still the density (the error only moves the intercept), but
    density worked out point by point from mass/volume comes out too low.

    Returns:
        Table: volume reading / cm³; mass of cylinder and liquid / g; mass of liquid / g;
        density / kg/m³ (point by point).
    """
    liquid_density_kg_m3 = check_range("liquid_density_kg_m3", liquid_density_kg_m3, 0, 30000, unit="kg/m³")
    volumes = _check_positive_list("volumes_cm3", volumes_cm3, 1000, "cm³")
    cylinder_mass_g = check_range("cylinder_mass_g", cylinder_mass_g, 0, 10000, unit="g")
    rng = make_rng(seed)
    scale = balance(balance_resolution_g)
    cylinder = measuring_cylinder(meniscus_error)
    empty = scale.read(cylinder_mass_g, rng)
    # The reading is what the pupil aims for; the true volume is what would give it.
    true_volumes = volumes - cylinder.zero_error + rng.normal(0.0, cylinder.random_sd, volumes.shape)
    total = scale.read(cylinder_mass_g + liquid_density_kg_m3 * true_volumes / 1000.0, rng)
    liquid_mass = total - empty
    return Table.from_columns(
        [
            ("volume reading", "cm³", volumes),
            ("mass of cylinder and liquid", "g", total),
            ("mass of liquid", "g", liquid_mass),
            ("density", "kg/m³", liquid_mass / volumes * 1000.0),
        ],
        title=f"Virtual practical: density of a liquid, empty cylinder {float(empty):g} g (seed {seed})",
    )


def virtual_practical(part: str = "irregular", seed: int | None = 0, **options) -> Table:
    """The density required practical, one part at a time.

    Args:
        part: ``"regular"`` (:func:`virtual_practical_regular`), ``"irregular"``
            (:func:`virtual_practical_irregular`) or ``"liquid"``
            (:func:`virtual_practical_liquid`).
        seed: random seed (non-negative integer) or None.
        **options: passed on to the part's function.
    """
    parts = {
        "regular": virtual_practical_regular,
        "irregular": virtual_practical_irregular,
        "liquid": virtual_practical_liquid,
    }
    if part not in parts:
        raise ValueError(f"part must be one of {list(parts)}, got {part!r}")
    return parts[part](seed=seed, **options)


def describe(result: BlockResult) -> str:
    """One or two sentences a screen reader can speak about this block."""
    p = result.params
    text = (
        f"A {p.length_m * 100:.1f} × {p.width_m * 100:.1f} × {p.height_m * 100:.1f} cm block of density "
        f"{p.density_kg_m3:.0f} kg/m³ has a volume of {result.volume_cm3:.1f} cm³ and a mass of "
        f"{result.mass_g:.1f} g."
    )
    if result.floats:
        text += (
            f" It floats in the {p.liquid_density_kg_m3:.0f} kg/m³ liquid with "
            f"{result.fraction_submerged * 100:.0f}% of its height ({result.submerged_depth_m * 100:.1f} cm) "
            f"under the surface, displacing its own mass of liquid."
        )
    elif p.density_kg_m3 == p.liquid_density_kg_m3:
        text += (
            f" It has the same density as the {p.liquid_density_kg_m3:.0f} kg/m³ liquid, so once under the "
            f"surface it neither rises nor sinks, displacing {result.volume_cm3:.1f} cm³."
        )
    else:
        text += (
            f" It is denser than the {p.liquid_density_kg_m3:.0f} kg/m³ liquid, so it sinks and displaces "
            f"{result.volume_cm3:.1f} cm³ of it."
        )
    return text

