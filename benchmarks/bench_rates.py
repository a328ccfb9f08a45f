"""Rates particle box speed: steps per second of the vectorised A + B box at 1000
particles (collisions and reactions included), against a per-pair Python loop on the
same state.

The loop version visits every pair (i, j) in pure Python with the same physics (overlap,
approach test, rewind to contact, line-of-centres exchange, energy test, A + B → C + D)
and the same wall handling; it is run for fewer steps and its time per step compared.
Run: ``python benchmarks/bench_rates.py [--json PATH] [--runs N] [--steps N]``
"""

from __future__ import annotations

import math
import time

import numpy as np

from _report import parser, report, summarise
from stemcpd.chemistry.rates.model import (
    PARTICLE_DIAMETER_NM,
    TIME_STEP_PS,
    RatesParams,
    advance_box,
    initial_box,
    threshold_speed2,
)

PARAMS = RatesParams(number_of_particles=1000)


def loop_step(positions, velocities, species, dt, side, d, threshold) -> int:
    """One step, every pair visited by a Python double loop (the naive way)."""
    low, high = d / 2.0, side - d / 2.0
    n = len(positions)
    for i in range(n):
        for axis in (0, 1):
            positions[i][axis] += velocities[i][axis] * dt
            if (positions[i][axis] < low and velocities[i][axis] < 0) or (
                    positions[i][axis] > high and velocities[i][axis] > 0):
                velocities[i][axis] = -velocities[i][axis]
            positions[i][axis] = min(max(positions[i][axis], low), high)
    collisions = 0
    for i in range(n):
        for j in range(i + 1, n):
            rx, ry = positions[j][0] - positions[i][0], positions[j][1] - positions[i][1]
            r2 = rx * rx + ry * ry
            if r2 >= d * d:
                continue
            vx, vy = velocities[j][0] - velocities[i][0], velocities[j][1] - velocities[i][1]
            closing = rx * vx + ry * vy
            if closing >= 0:
                continue
            v2 = vx * vx + vy * vy or 1e-300
            tau = min((closing + math.sqrt(max(closing * closing - v2 * (r2 - d * d), 0.0))) / v2, dt)
            cx, cy = rx - vx * tau, ry - vy * tau
            norm = math.hypot(cx, cy)
            nx, ny = cx / norm, cy / norm
            vn = vx * nx + vy * ny
            velocities[i][0] += vn * nx; velocities[i][1] += vn * ny
            velocities[j][0] -= vn * nx; velocities[j][1] -= vn * ny
            positions[i][0] += vn * nx * tau; positions[i][1] += vn * ny * tau
            positions[j][0] -= vn * nx * tau; positions[j][1] -= vn * ny * tau
            if {species[i], species[j]} == {0, 1} and vn * vn > threshold:
                species[i] += 2
                species[j] += 2
            collisions += 1
    return collisions


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=5, help="timed runs of the vectorised box (≥ 5)")
    arguments.add_argument("--steps", type=int, default=200, help="steps per run (≥ 200)")
    arguments.add_argument("--loop-steps", type=int, default=3, help="steps per run of the Python loop")
    args = arguments.parse_args()
    side, d = PARAMS.box_side_nm, PARTICLE_DIAMETER_NM
    threshold = threshold_speed2(PARAMS.effective_activation_energy_kj_mol)

    # Warm up out of the lattice start; every timing then begins from that same state.
    positions, velocities, species = initial_box(PARAMS)
    advance_box(positions, velocities, species, TIME_STEP_PS, side, threshold, 100)
    warm = positions.copy(), velocities.copy(), species.copy()

    vector_times, collisions = [], []
    for _ in range(args.runs):
        positions, velocities, species = (array.copy() for array in warm)
        began = time.perf_counter()
        counts = advance_box(positions, velocities, species, TIME_STEP_PS, side, threshold, args.steps)
        vector_times.append((time.perf_counter() - began) / args.steps)
        collisions.append(counts[:, 0].mean())

    loop_times = []
    for _ in range(3):
        positions, velocities, species = warm[0].tolist(), warm[1].tolist(), warm[2].tolist()
        began = time.perf_counter()
        for _step in range(args.loop_steps):
            loop_step(positions, velocities, species, TIME_STEP_PS, side, d, threshold)
        loop_times.append((time.perf_counter() - began) / args.loop_steps)

    vector = summarise(vector_times)
    loop = summarise(loop_times)
    rows = [
        {"name": "numpy sort-and-sweep box, per step", **vector,
         "ratio": loop["median_ms"] / vector["median_ms"],
         "note": (f"{1e3 / vector['median_ms']:.0f} steps/s; {args.runs} runs × {args.steps} steps; "
                  f"{np.median(collisions):.1f} collisions/step; ratio = loop / numpy")},
        {"name": "per-pair Python loop, per step", **loop,
         "note": f"{1e3 / loop['median_ms']:.1f} steps/s; 3 runs × {args.loop_steps} steps, per-step time"},
    ]
    report(f"Rates particle box, {PARAMS.number_of_particles} particles, area fraction {PARAMS.area_fraction:.3f}",
           rows, args.json)


if __name__ == "__main__":
    main()
