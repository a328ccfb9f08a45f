"""Paper chromatography: a Lucas–Washburn solvent front, dye spots at Rf × the front
distance spreading as they go, pure substances versus mixtures, identification by Rf,
and the required-practical virtual practical.

Public model API (no plotting or widget libraries are imported here):
:func:`simulate`, :func:`washburn_height_mm`, :func:`spot_sigma_mm`, :func:`rf_value`,
:func:`edge_measured_rf`, :func:`visible_spots`, :func:`identify`, :func:`describe`,
:func:`to_table`, :func:`virtual_practical`, :class:`ChromatographyParams`,
:class:`Chromatogram`, and the data :data:`DYES`, :data:`SOLVENTS`, :data:`SAMPLES`.
The view lives in :mod:`stemcpd.chemistry.chromatography.view` and the app in
:mod:`stemcpd.chemistry.chromatography.app`.
"""

from .model import (
    DYES,
    SAMPLE_NAMES,
    SAMPLES,
    SOLVENT_NAMES,
    SOLVENTS,
    Chromatogram,
    ChromatographyParams,
    Dye,
    Sample,
    Solvent,
    describe,
    edge_measured_rf,
    identify,
    rf_value,
    simulate,
    spot_sigma_mm,
    to_table,
    virtual_practical,
    visible_spots,
    washburn_height_mm,
)

__all__ = [
    "DYES",
    "SAMPLE_NAMES",
    "SAMPLES",
    "SOLVENT_NAMES",
    "SOLVENTS",
    "Chromatogram",
    "ChromatographyParams",
    "Dye",
    "Sample",
    "Solvent",
    "describe",
    "edge_measured_rf",
    "identify",
    "rf_value",
    "simulate",
    "spot_sigma_mm",
    "to_table",
    "virtual_practical",
    "visible_spots",
    "washburn_height_mm",
]
