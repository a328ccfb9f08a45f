"""Interactive waves: sliders (declared as data) drive the wave model and its view.

One choice picks what the string does: a travelling wave at the frequency slider's value,
or a standing wave in harmonic 1, 2, … 8, at its own frequency f_n = n v / (2L) (the
frequency slider is then not used). The model takes the kind of wave by name and the
harmonic as the count of loops it is. Play / pause / step / reset move through two periods
of the motion, slowed down so it can be watched.
"""

from __future__ import annotations

from stemcpd.physics.waves.model import WaveParams, describe, simulate, to_table
from stemcpd.physics.waves.view import WaveView
from stemcpd.ui.app import Presets, SimulationApp
from stemcpd.ui.controls import Choice, Control

# The choice's options: name → (words on the button, WaveParams.wave, WaveParams.harmonic).
WAVE_PATTERNS = {"travelling": ("Travelling wave", "travelling", 1)}
WAVE_PATTERNS.update({f"harmonic {n}": (f"Standing, harmonic {n}", "standing", n) for n in range(1, 9)})

CONTROLS = (
    Choice("pattern", "Wave", tuple((name, text) for name, (text, _wave, _harmonic) in WAVE_PATTERNS.items()),
           "travelling",
           help="A travelling wave from the vibration generator, or a standing wave on a string fixed at both "
                "ends, in one of its harmonics (n loops)."),
    Control("frequency_hz", "Frequency", 5, 300, 1, 100, "Hz",
            help="Frequency of the vibration generator (travelling wave only)."),
    Control("amplitude_m", "Amplitude", 0.001, 0.050, 0.001, 0.010, "m",
            help="Amplitude of each travelling wave; a standing wave's antinodes move twice as far."),
    Control("tension_n", "Tension", 0.5, 20.0, 0.1, 2.0, "N",
            help="Pulling force in the string: more tension, faster waves."),
    Control("linear_density_kg_m", "Mass per metre of string", 0.0002, 0.0100, 0.0001, 0.0008, "kg/m",
            help="Heavier string, slower waves: v = √(T/μ)."),
    Control("string_length_m", "Length of string", 0.20, 2.00, 0.01, 1.00, "m",
            help="Fixed end to fixed end for a standing wave; the stretch shown for a travelling wave."),
)

# Hanging masses of 100 g, 200 g, 500 g and 1 kg pull with m × 9.81 N/kg.
TENSION_PRESETS_N = {"100 g": 0.98, "200 g": 1.96, "500 g": 4.91, "1 kg": 9.81}

PERIODS_SHOWN = 2
SAMPLES_PER_PERIOD = 60


class WaveApp(SimulationApp):
    """The waves simulation as a notebook / Voilà app (see :class:`SimulationApp`)."""

    name = "waves"
    title = "Waves on a string"
    summary = "Travelling and standing waves on a string: v = fλ, v = √(T/μ), harmonics, superposition."
    controls = CONTROLS
    presets = (Presets("tension_n", "Hanging mass", TENSION_PRESETS_N, "Tension from a mass hung over a pulley."),)
    playback_frames = PERIODS_SHOWN * SAMPLES_PER_PERIOD
    default_size_px = (1000, 560)

    view_class = WaveView
    params_class = WaveParams
    describe_function = staticmethod(describe)

    def make_params(self, values: dict):
        """The pattern choice becomes the model's named kind of wave and its harmonic."""
        values = dict(values)
        _text, wave, harmonic = WAVE_PATTERNS[values.pop("pattern")]
        return WaveParams(wave=wave, harmonic=harmonic, **values)

    def compute(self, params):
        return simulate(params, periods=PERIODS_SHOWN, samples_per_period=SAMPLES_PER_PERIOD)

    def readout_html(self, run):
        mode = f"Harmonic {run.params.harmonic} (standing)" if run.params.is_standing else "Travelling"
        return (
            f"{mode} · speed <b>v = {run.speed_m_s:.1f} m/s</b> · wavelength <b>λ = {run.wavelength_m:.3f} m</b>"
            f" · frequency <b>f = {run.frequency_hz:.1f} Hz</b> · period <b>T = {run.period_s * 1000:.2f} ms</b>"
        )

    @property
    def run(self):
        """The current :class:`~stemcpd.physics.waves.model.WaveRun`."""
        return self.result

    def to_table(self):
        """The string's shape at the playback time as a :class:`~stemcpd.table.Table`."""
        return to_table(self.result, self.time_s)


APP = WaveApp
show = APP.show  # show(**initial) builds, displays and returns the app
