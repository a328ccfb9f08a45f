"""Gas model speed: steps per second of the vectorised hard-disc engine at 1000 discs
(collisions included), against a straightforward per-pair Python loop on the same state.

The loop version checks every pair (i, j) in pure Python with the same physics
(overlap, approach test, contact-time rewind, line-of-centres collision) and the same
wall handling; it is run for fewer steps and its time per step scaled up. Run:
``python benchmarks/bench_gas.py [--json PATH] [--runs N] [--steps N]``
"""

from __future__ import annotations

import math
import time

import numpy as np

from _report import parser, report, summarise
from stemcpd.physics.gas import GasParams, advance, default_time_step_ps, initial_state

PARAMS = GasParams(number_of_particles=1000, box_side_nm=30.0, seed=0)  # area fraction 0.10


def loop_step(positions, velocities, dt, side, d) -> int:
    """One step, every pair visited by a Python double loop (the naive way)."""
    radius = d / 2.0
    n = len(positions)
    for i in range(n):
        positions[i][0] += velocities[i][0] * dt
        positions[i][1] += velocities[i][1] * dt
        for axis in (0, 1):
            if positions[i][axis] < radius and velocities[i][axis] < 0:
                positions[i][axis] = 2 * radius - positions[i][axis]
                velocities[i][axis] = -velocities[i][axis]
            elif positions[i][axis] > side - radius and velocities[i][axis] > 0:
                positions[i][axis] = 2 * (side - radius) - positions[i][axis]
                velocities[i][axis] = -velocities[i][axis]
    collisions = 0
    for i in range(n):
        xi, yi = positions[i]
        for j in range(i + 1, n):
            rx, ry = positions[j][0] - xi, positions[j][1] - yi
            r2 = rx * rx + ry * ry
            if r2 >= d * d:
                continue
            vx, vy = velocities[j][0] - velocities[i][0], velocities[j][1] - velocities[i][1]
            closing = rx * vx + ry * vy
            v2 = vx * vx + vy * vy or 1e-300
            tau = (closing + math.sqrt(max(closing * closing - v2 * (r2 - d * d), 0.0))) / v2
            if closing >= 0 and tau > dt:
                continue
            tau = min(tau, dt)
            cx, cy = rx - vx * tau, ry - vy * tau
            norm = math.hypot(cx, cy)
            nx, ny = cx / norm, cy / norm
            vn = vx * nx + vy * ny
            kx, ky = vn * nx, vn * ny
            velocities[i][0] += kx; velocities[i][1] += ky
            velocities[j][0] -= kx; velocities[j][1] -= ky
            positions[i][0] += kx * tau; positions[i][1] += ky * tau
            positions[j][0] -= kx * tau; positions[j][1] -= ky * tau
            xi, yi = positions[i]
            collisions += 1
    return collisions


def main() -> None:
    arguments = parser(__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=5, help="timed runs of the vectorised engine (≥ 5)")
    arguments.add_argument("--steps", type=int, default=200, help="steps per run (≥ 200)")
    arguments.add_argument("--loop-steps", type=int, default=3, help="steps per run of the Python loop")
    args = arguments.parse_args()
    dt = default_time_step_ps(PARAMS)
    side, d = PARAMS.box_side_nm, PARAMS.particle_diameter_nm
    start = initial_state(PARAMS)

    # Warm up into a collisional state, then every timing starts from that same state.
    positions, velocities = start.positions_nm.copy(), start.velocities_nm_ps.copy()
    advance(positions, velocities, dt, side, d, 200)
    warm_positions, warm_velocities = positions.copy(), velocities.copy()

    vector_times, collisions = [], []
    for _ in range(args.runs):
        positions, velocities = warm_positions.copy(), warm_velocities.copy()
        began = time.perf_counter()
        _, hits = advance(positions, velocities, dt, side, d, args.steps)
        vector_times.append((time.perf_counter() - began) / args.steps)
        collisions.append(hits / args.steps)

    loop_times = []
    for _ in range(3):
        positions, velocities = warm_positions.tolist(), warm_velocities.tolist()
        began = time.perf_counter()
        for _step in range(args.loop_steps):
            loop_step(positions, velocities, dt, side, d)
        loop_times.append((time.perf_counter() - began) / args.loop_steps)

    vector = summarise(vector_times)
    loop = summarise(loop_times)
    rows = [
        {"name": "numpy sort-and-sweep, per step", **vector,
         "ratio": loop["median_ms"] / vector["median_ms"],
         "note": (f"{1e3 / vector['median_ms']:.0f} steps/s; {args.runs} runs × {args.steps} steps; "
                  f"{np.median(collisions):.0f} collisions/step; ratio = loop / numpy")},
        {"name": "per-pair Python loop, per step", **loop,
         "note": f"{1e3 / loop['median_ms']:.1f} steps/s; 3 runs × {args.loop_steps} steps, per-step time"},
    ]
    report(f"Hard-disc gas, {PARAMS.number_of_particles} discs, area fraction {PARAMS.area_fraction:.2f}",
           rows, args.json)


if __name__ == "__main__":
    main()
