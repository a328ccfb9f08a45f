"""Electromagnetism: the motor effect (F = BIL sin θ), a coil generator (Faraday's law,
emf = N B A ω sin ωt) and transformers (V_s/V_p = N_s/N_p, with an efficiency).

Public model API (no plotting or widget libraries are imported here). The view lives in
:mod:`stemcpd.physics.electromagnetism.view` and the generator app in
:mod:`stemcpd.physics.electromagnetism.app`.
"""

from .model import (
    GeneratorParams,
    GeneratorRun,
    TransformerParams,
    TransformerResult,
    describe,
    describe_transformer,
    flux_linkage,
    generator_emf,
    motor_force,
    numerical_emf,
    peak_emf,
    rms_emf,
    simulate_generator,
    to_table,
    transformer,
)

__all__ = [
    "GeneratorParams",
    "GeneratorRun",
    "TransformerParams",
    "TransformerResult",
    "describe",
    "describe_transformer",
    "flux_linkage",
    "generator_emf",
    "motor_force",
    "numerical_emf",
    "peak_emf",
    "rms_emf",
    "simulate_generator",
    "to_table",
    "transformer",
]
