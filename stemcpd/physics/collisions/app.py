"""Interactive collisions: sliders (declared as data) drive the collisions model and view.

Choose each trolley's mass, A's speed and how bouncy the collision is (or press
"Perfectly elastic" / "Stick together"); press Play to watch. The readout gives the
velocities after, total momentum before and after, and the kinetic energy transferred.
"""

from __future__ import annotations

from stemcpd.physics.collisions.model import CollisionParams, collide, describe, to_table
from stemcpd.physics.collisions.view import CollisionView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Control

# Few values per control keep the site's player data small (it offers every value).
CONTROLS = (
    Control("mass_a_kg", "Mass of trolley A", 0.5, 4.0, 0.5, 2.0, "kg",
            help="The trolley that moves in from the left."),
    Control("mass_b_kg", "Mass of trolley B", 0.5, 4.0, 0.5, 1.0, "kg",
            help="The trolley at rest on the right."),
    Control("velocity_a_m_s", "Velocity of A before", 0.5, 4.0, 0.5, 3.0, "m/s",
            help="Positive is to the right, towards B."),
    Control("restitution", "Bounciness (coefficient of restitution)", 0.0, 1.0, 0.25, 1.0, "",
            help="1: perfectly elastic, kinetic energy kept. 0: the trolleys stick together."),
)

COLLISION_KINDS = {"Perfectly elastic": 1.0, "Stick together": 0.0}


class CollisionsApp(SimulationApp):
    """Two trolleys collide: conservation of momentum, elastic and inelastic collisions."""

    name = "collisions"
    title = "Momentum in collisions"
    summary = "Collide two trolleys: momentum conserved, kinetic energy kept only in elastic collisions."
    controls = CONTROLS
    presets = (Presets("restitution", "Collision", COLLISION_KINDS, "Choose an elastic collision or one where the trolleys stick."),)
    playback_frames = 120
    default_size_px = (1000, 420)

    view_class = CollisionView
    params_class = CollisionParams
    compute_function = staticmethod(collide)
    describe_function = staticmethod(describe)
    table_function = staticmethod(to_table)

    def readout_html(self, run):
        p = run.params
        before = p.mass_a_kg * p.velocity_a_m_s + p.mass_b_kg * p.velocity_b_m_s
        after = p.mass_a_kg * run.velocity_a_after_m_s + p.mass_b_kg * run.velocity_b_after_m_s
        return (
            f"After: <b>v<sub>A</sub> = {run.velocity_a_after_m_s:.2f} m/s</b>, "
            f"<b>v<sub>B</sub> = {run.velocity_b_after_m_s:.2f} m/s</b> · momentum "
            f"{before:.2f} → {after:.2f} kg m/s · kinetic energy {run.kinetic_before_j:.2f} → "
            f"{run.kinetic_after_j:.2f} J"
        )

    def playback_readout_html(self, run, time_s):
        """The time, with the trolleys' velocities at that moment (before or after)."""
        after = time_s >= run.collision_time_s
        v_a = run.velocity_a_after_m_s if after else run.params.velocity_a_m_s
        v_b = run.velocity_b_after_m_s if after else run.params.velocity_b_m_s
        return (
            f"{super().playback_readout_html(run, time_s)} · {'after' if after else 'before'}: "
            f"v<sub>A</sub> = {v_a:.2f} m/s, v<sub>B</sub> = {v_b:.2f} m/s"
        )


APP = CollisionsApp
show = APP.show  # show(**initial) builds, displays and returns the app
