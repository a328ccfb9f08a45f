"""Every numeric question's diagnosed wrong answers are the numbers a real slip gives.

Each entry below recomputes a wrong answer from the prompt's own data (the data quoted
must appear in the prompt) with the slip stated in words, so a reader can check the
diagnosis and a changed prompt cannot leave a stale wrong answer behind. Every wrong
answer must lie outside the question's tolerance, so the right answer is never diagnosed.
"""

import math

from pathlib import Path

import pytest
import yaml

from stemcpd.quiz import NumericQuestion, load_packaged_bank
from stemcpd.quiz.bank import bank_path, packaged_bank_names

G = 9.8  # N/kg, the AQA GCSE equation sheet's value, stated in the prompts that use it

# (bank, question id): [(slip, wrong value recomputed from the prompt's data, data quoted in the prompt)]
SLIPS: dict[tuple[str, str], list[tuple[str, float, tuple[str, ...]]]] = {
    # energy
    ("energy", "speed-at-bottom-frictionless"): [
        ("v² = 2gh given as the speed (no square root)", 2 * G * 2.0, ("2.0 m", "g = 9.8 N/kg")),
        ("mgh = mv² (½ dropped), so v = √(gh)", math.sqrt(G * 2.0), ("2.0 m",)),
    ],
    ("energy", "thermal-energy-on-descent"): [
        ("mgh − mv² (½ dropped)", 1.0 * G * 1.0 - 1.0 * 4.03**2, ("1.0 kg", "1.0 m", "4.03 m/s")),
        ("gave the kinetic energy ½mv² at the bottom", 0.5 * 1.0 * 4.03**2, ("1.0 kg", "4.03 m/s")),
    ],
    ("energy", "elastic-energy-stored"): [
        ("extension left in cm: ½ × 25 × 10²", 0.5 * 25 * 10**2, ("25 N/m", "10 cm")),
        ("extension not squared: ½ × 25 × 0.10", 0.5 * 25 * 0.10, ("25 N/m", "10 cm")),
        ("½ dropped: 25 × 0.10²", 25 * 0.10**2, ("25 N/m", "10 cm")),
    ],
    ("energy", "extension-for-two-newtons"): [
        ("F = ke rearranged as e = F × k", 2.0 * 25, ("2.0 N", "25 N/m")),
    ],
    ("energy", "two-springs-in-series"): [
        ("spring constants added, as resistances in series", 25 + 25, ("25 N/m",)),
        ("the pair treated as one spring", 25, ("25 N/m",)),
    ],
    # acids and titration
    ("acids-and-titration", "acid-concentration-from-titre"): [
        ("volumes swapped: 0.100 × 25.00 ÷ 20.35", 0.100 * 25.00 / 20.35, ("20.35 cm³", "0.100 mol/dm³", "25.00 cm³")),
        ("one volume in dm³, the other in cm³", 0.100 * 20.35e-3 / 25.00, ("20.35 cm³", "25.00 cm³")),
    ],
    ("acids-and-titration", "mean-concordant-titre"): [
        ("rough titre included in the mean", (25.85 + 25.15 + 25.10) / 3, ("25.85", "25.15", "25.10")),
    ],
    ("acids-and-titration", "weak-acid-equivalence-volume"): [
        ("concentrations swapped: 25.0 × 0.100 ÷ 0.150", 25.0 * 0.100 / 0.150, ("25.0 cm³", "0.150 mol/dm³")),
    ],
    ("acids-and-titration", "hydrogen-ions-in-weak-acid"): [
        ("weak acid taken as fully ionised: [H⁺] = the acid's concentration", 0.100, ("0.100 mol/dm³",)),
    ],
    # chemical analysis
    ("chemical-analysis", "spot-distance"): [
        ("Rf fraction upside down: 70 ÷ 0.66", 70 / 0.66, ("0.66", "70 mm")),
    ],
    ("chemical-analysis", "solvent-front-time"): [
        ("front taken to rise at a steady speed: 5 min × 80/40", 5 * 80 / 40, ("40 mm", "5 minutes", "80 mm")),
    ],
    ("chemical-analysis", "stearic-acid-melting-energy"): [
        ("mass left in grams: 215 kJ/kg × 20", 215 * 20, ("215 kJ/kg", "20 g")),
    ],
    ("chemical-analysis", "stearic-acid-plateau-time"): [
        ("energy left in kJ: 215 × 0.020 ÷ 100", 215 * 0.020 / 100, ("100 W", "20 g", "215 kJ/kg")),
        ("mass left in grams: 215 000 × 20 ÷ 100", 215_000 * 20 / 100, ("100 W", "20 g", "215 kJ/kg")),
    ],
    # electricity
    ("electricity", "resistance-of-half-a-metre-of-wire"): [
        ("diameter used as the radius", 49e-8 * 0.50 / (math.pi * 0.274e-3**2), ("49 × 10⁻⁸ Ω m", "0.50 m", "0.274 mm")),
        ("radius left in mm", 49e-8 * 0.50 / (math.pi * (0.274 / 2) ** 2), ("49 × 10⁻⁸ Ω m", "0.50 m", "0.274 mm")),
    ],
    ("electricity", "two-resistors-in-parallel"): [
        ("added as in series", 20 + 30, ("20 Ω", "30 Ω")),
        ("1/R given as R", 1 / 20 + 1 / 30, ("20 Ω", "30 Ω")),
    ],
    ("electricity", "series-parallel-network"): [
        ("all three added as in series", 10 + 20 + 20, ("10 Ω", "20 Ω")),
    ],
    ("electricity", "divider-output-pd"): [
        ("larger resistor given the smaller share", 6.0 * 100 / 300, ("100 Ω", "200 Ω", "6.0 V")),
        ("supply split equally", 6.0 / 2, ("6.0 V",)),
    ],
    ("electricity", "loaded-divider-output-pd"): [
        ("voltmeter treated as ideal: the unloaded output", 6.0 / 2, ("6.0 V", "1.0 kΩ")),
    ],
    ("electricity", "current-in-a-resistor"): [
        ("I = V × R", 6.0 * 100, ("6.0 V", "100 Ω")),
    ],
    # forces and motion
    ("forces-and-motion", "trolley-acceleration"): [
        ("force divided by the trolley's mass only", 0.10 * G / 0.90, ("0.90 kg", "0.10 kg")),
        ("hanging mass in kg used as the force", 0.10 / (0.90 + 0.10), ("0.90 kg", "0.10 kg")),
    ],
    ("forces-and-motion", "trolley-acceleration-with-friction"): [
        ("friction left out of the resultant", 0.10 * G / (0.90 + 0.10), ("0.90 kg", "0.10 kg")),
    ],
    ("forces-and-motion", "skydiver-terminal-velocity"): [
        ("v² = mg/k given as v", 70 * G / 0.25, ("70 kg", "k = 0.25 kg/m")),
        ("mass used as the weight", math.sqrt(70 / 0.25), ("70 kg", "k = 0.25 kg/m")),
    ],
    ("forces-and-motion", "horizontal-throw-time"): [
        ("height ÷ horizontal speed", 5.0 / 10, ("5.0 m", "10 m/s")),
        ("½ dropped: t = √(h/g)", math.sqrt(5.0 / G), ("5.0 m",)),
    ],
    ("forces-and-motion", "horizontal-throw-distance"): [
        ("½ dropped from the fall time", 10 * math.sqrt(5.0 / G), ("10 m/s", "5.0 m")),
    ],
    # radioactivity
    ("radioactivity", "time-for-activity-to-fall"): [
        ("four values (800, 400, 200, 100) counted as four half-lives", 4 * 60, ("60 s", "800 Bq", "100 Bq")),
    ],
    ("radioactivity", "half-life-from-count-rates"): [
        ("the whole time halved", 210 / 2, ("210 s",)),
        ("four values (320, 160, 80, 40) counted as four halvings", 210 / 4, ("320 counts/s", "40 counts/s", "210 s")),
    ],
    ("radioactivity", "percent-left-after-five-half-lives"): [
        ("divided by 2 × 5 instead of 2⁵", 100 / (2 * 5), ("five half-lives",)),
    ],
    ("radioactivity", "activity-of-a-sample"): [
        ("λ = 1/t½ (ln 2 left out)", 1000 / 60, ("1000 nuclei", "60 s")),
    ],
    # magnetism and electromagnetism
    ("magnetism-and-electromagnetism", "motor-force-numeric"): [
        ("length left in cm", 0.20 * 3.0 * 5.0, ("5.0 cm", "3.0 A", "0.20 T")),
    ],
    ("magnetism-and-electromagnetism", "current-for-force"): [
        ("length left in cm", 0.012 / (0.080 * 5.0), ("5.0 cm", "0.080 T", "0.012 N")),
    ],
    ("magnetism-and-electromagnetism", "motor-force-at-an-angle"): [
        ("cos θ instead of sin θ", 0.20 * 3.0 * 0.050 * math.cos(math.radians(30)), ("5.0 cm", "3.0 A", "0.20 T", "30°")),
    ],
    ("magnetism-and-electromagnetism", "generator-peak-emf"): [
        ("ω taken as f", 100 * 0.10 * 0.010 * 5.0, ("100 turns", "0.010 m²", "5.0 times a second", "0.10 T")),
    ],
    ("magnetism-and-electromagnetism", "transformer-secondary-pd"): [
        ("turns ratio upside down", 230 * 1150 / 60, ("1150 turns", "60 turns", "230 V")),
    ],
    ("magnetism-and-electromagnetism", "transformer-primary-current"): [
        ("current scaled up with the p.d.", 2.0 * 230 / 12, ("230 V to 12 V", "2.0 A")),
    ],
    # particles and heating
    ("particles-and-heating", "shc-energy-for-kettle"): [
        ("mass left out: c × ΔT", 4180 * 15, ("4180 J/kg °C", "15 °C")),
    ],
    ("particles-and-heating", "shc-from-practical"): [
        ("273 added to the temperature rise", 50 * 600 / (1.00 * (30.2 + 273)), ("50 W", "600 s", "1.00 kg", "30.2 °C")),
    ],
    ("particles-and-heating", "density-numeric"): [
        ("g/cm³ given as kg/m³", 67.5 / (75.0 - 50.0), ("67.5 g", "50.0 cm³", "75.0 cm³")),
        ("final level used as the volume", 67.5 / 75.0 * 1000, ("67.5 g", "75.0 cm³")),
    ],
    ("particles-and-heating", "boyle-compression"): [
        ("pressure taken as proportional to volume", 100 * 20 / 60, ("60 cm³", "100 kPa", "20 cm³")),
    ],
    ("particles-and-heating", "pressure-law-celsius"): [
        ("°C not converted to K", 100 * 80 / 20, ("100 kPa", "20 °C", "80 °C")),
    ],
    ("particles-and-heating", "peak-wavelength-leslie-cube"): [
        ("°C not converted to K (answer in µm)", 2.90e-3 / 80 * 1e6, ("2.90 × 10⁻³ m K", "80 °C")),
    ],
    # pendulum (the A-level T = 2π√(L/g), with g = 9.81 N/kg as the prompts say)
    ("pendulum", "period-1m"): [
        ("no square root: 2π L/g", 2 * math.pi * 1.00 / 9.81, ("1.00 m", "g = 9.81 N/kg")),
        ("2π left out: √(L/g)", math.sqrt(1.00 / 9.81), ("1.00 m", "g = 9.81 N/kg")),
    ],
    ("pendulum", "length-for-1s-period"): [
        ("not squared: g T/(2π)", 9.81 * 1.00 / (2 * math.pi), ("1.00 s", "g = 9.81 N/kg")),
    ],
    ("pendulum", "period-at-90-degrees"): [
        ("small-angle period used at 90°", 2 * math.pi * math.sqrt(1.00 / 9.81), ("1.00 m", "90°", "g = 9.81 N/kg")),
    ],
    ("pendulum", "g-from-gradient"): [
        ("g = 4π² × gradient", 4 * math.pi**2 * 4.02, ("4.02 s²/m",)),
    ],
    # waves and light
    ("waves-and-light", "wave-speed-on-a-string"): [
        ("μ left in g/m", math.sqrt(2.0 / 0.80), ("0.80 g/m", "2.0 N")),
    ],
    ("waves-and-light", "ripple-speed"): [
        ("wavelength left in cm", 10 * 2.5, ("10 Hz", "2.5 cm")),
    ],
    ("waves-and-light", "third-harmonic-frequency"): [
        ("each loop taken as a whole wavelength", 50 / (1.0 / 3), ("50 m/s", "1.0 m", "three loops")),
    ],
    ("waves-and-light", "angle-of-refraction-in-glass"): [
        ("Snell's law inverted: sin r = n sin i", math.degrees(math.asin(1.52 * math.sin(math.radians(30)))), ("1.52", "30°")),
    ],
    ("waves-and-light", "critical-angle-of-water"): [
        ("sin c given as c", 1 / 1.333, ("1.333",)),
    ],
    # electrolysis and energetics
    ("electrolysis-and-energetics", "copper-mass-faraday"): [
        ("time left in minutes", 0.50 * 30 / 96485 / 2 * 63.55, ("0.50 A", "30 minutes", "63.55", "96 485")),
        ("one electron per copper ion", 0.50 * 1800 / 96485 * 63.55, ("0.50 A", "30 minutes", "63.55", "96 485")),
    ],
    ("electrolysis-and-energetics", "charge-passed"): [
        ("time left in minutes", 0.50 * 30, ("0.50 A", "30 minutes")),
    ],
    ("electrolysis-and-energetics", "hydrogen-volume-faraday"): [
        ("one electron per H₂ molecule (in cm³)", 0.50 * 1800 / 96485 * 24.0 * 1000, ("0.50 A", "30 minutes", "24.0 dm³")),
    ],
    ("electrolysis-and-energetics", "bond-energy-hcl"): [
        ("sign reversed", -(436 + 243 - 2 * 432), ("436", "243", "432")),
        ("one H–Cl bond counted", 436 + 243 - 432, ("436", "243", "432")),
    ],
    ("electrolysis-and-energetics", "delta-h-from-cup"): [
        ("sign reversed (kJ/mol)", 50.0 * 4.18 * 6.5 / 0.0250 / 1000, ("50.0 g", "6.5 °C", "0.0250 mol", "4.18")),
        ("not divided by the moles (kJ)", -50.0 * 4.18 * 6.5 / 1000, ("50.0 g", "6.5 °C", "4.18")),
    ],
    # equilibrium
    ("equilibrium", "hi-at-equilibrium"): [
        ("complete reaction assumed: 2 × 0.500", 2 * 0.500, ("0.500 mol/dm³",)),
    ],
    ("equilibrium", "hydrogen-from-hydrogen-iodide"): [
        ("complete decomposition assumed: 1.000 ÷ 2", 1.000 / 2, ("1.000 mol/dm³",)),
    ],
    ("equilibrium", "hydrogen-iodide-dilute-start"): [
        ("complete reaction assumed: 2 × 0.200", 2 * 0.200, ("0.200 mol/dm³",)),
    ],
    ("equilibrium", "ammonia-from-a-hundred-moles"): [
        ("24.7% of the starting 100 mol", 0.247 * (25 + 75), ("24.7%", "25 mol", "75 mol")),
    ],
    ("equilibrium", "haber-kp-at-350"): [
        ("°C not converted in van 't Hoff", 4.51e-5 * math.exp(92.2e3 / 8.314 * (1 / 350 - 1 / 450)),
         ("4.51 × 10⁻⁵", "450 °C", "350 °C", "−92.2 kJ/mol", "8.314")),
    ],
    # quantitative chemistry
    ("quantitative-chemistry", "molar-mass-calcium-carbonate"): [
        ("one oxygen counted", 40.1 + 12.0 + 16.0, ("Ca = 40.1", "C = 12.0", "O = 16.0")),
    ],
    ("quantitative-chemistry", "moles-of-sodium-hydroxide"): [
        ("mass × Mr", 4.00 * (23.0 + 16.0 + 1.0), ("4.00 g", "Na = 23.0")),
    ],
    ("quantitative-chemistry", "concentration-of-sodium-hydroxide"): [
        ("volume left in cm³", 2.00 / 40.0 / 250, ("2.00 g", "Mr 40.0", "250 cm³")),
    ],
    ("quantitative-chemistry", "mass-of-magnesium-oxide"): [
        ("MgO taken as Mg + O₂", 0.60 / 24.3 * (24.3 + 32.0), ("0.60 g", "Mg = 24.3", "O = 16.0")),
    ],
    ("quantitative-chemistry", "carbon-dioxide-from-limestone"): [
        ("mass of the calcium oxide given", 10.0 * (40.1 + 16.0) / (40.1 + 12.0 + 48.0), ("10.0 g", "Ca = 40.1")),
    ],
    ("quantitative-chemistry", "hydrogen-volume-from-magnesium"): [
        ("worked from the acid, which is in excess", 0.050 * 1.0 / 2 * 24000, ("50 cm³", "1.0 mol/dm³", "24.0 dm³")),
    ],
    # rates of reaction
    ("rates-of-reaction", "hydrogen-volume-from-ribbon"): [
        ("2 mol H₂ per Mg", 2 * 0.050 / 24.3 * 24000, ("0.050 g", "24 dm³", "Mg = 24.3")),
    ],
    ("rates-of-reaction", "initial-rate-doubled-concentration"): [
        ("concentration taken not to matter", 2.5, ("2.5 cm³/s",)),
    ],
    ("rates-of-reaction", "cross-time-half-concentration"): [
        ("time halved with the concentration", 30 / 2, ("30 s", "40 g/dm³", "20 g/dm³")),
    ],
    ("rates-of-reaction", "cross-time-diluted"): [
        ("dilution taken as 10 : 40", 30 * 40 / 10, ("10 cm³", "40 cm³", "30 s")),
        ("time divided by the dilution factor", 30 / 5, ("10 cm³", "50 cm³", "30 s")),
    ],
    ("rates-of-reaction", "mean-rate-first-20-s"): [
        ("time ÷ volume", 20 / 31.4, ("31.4 cm³", "20 s")),
    ],
    ("rates-of-reaction", "first-order-half-life"): [
        ("half-life taken as 1/k", 1 / 0.0200, ("k = 0.0200 s⁻¹",)),
    ],
    # practical work
    ("practical-work", "g-from-virtual-pendulum-gradient"): [
        ("g = 4π² × gradient", 4 * math.pi**2 * 4.04, ("4.04 s²/m",)),
    ],
    ("practical-work", "pendulum-length-axis-intercept"): [
        ("sign of the intercept lost: 0.029 ÷ 4.04", 0.029 / 4.04, ("4.04 s²/m", "+0.029 s²")),
    ],
    ("practical-work", "period-uncertainty-from-half-range"): [
        ("half-range for 10 swings not divided by 10", (15.57 - 15.24) / 2, ("15.57 s", "15.24 s")),
    ],
    ("practical-work", "mean-concordant-titre"): [
        ("rough titre included in the mean", (25.85 + 25.15 + 25.10) / 3, ("25.85", "25.15", "25.10")),
    ],
    ("practical-work", "acid-concentration-from-titre"): [
        ("volumes swapped: 0.100 × 25.0 ÷ 25.125", 0.100 * 25.0 / 25.125, ("25.0 cm³", "25.125 cm³", "0.100 mol/dm³")),
    ],
    ("practical-work", "titre-uncertainty-from-resolution"): [
        ("one reading's uncertainty, not two added", 0.05, ("±0.05 cm³",)),
    ],
    # retrieval practice
    ("retrieval-practice", "hinge-quarter-metre-period"): [
        ("length left in cm", 2 * math.pi * math.sqrt(25.0 / 9.81), ("25.0 cm", "g = 9.81 N/kg")),
    ],
    ("retrieval-practice", "hinge-moon-period"): [
        ("period scaled by 9.81/1.62 instead of its square root", 2 * math.pi * math.sqrt(1.00 / 9.81) * 9.81 / 1.62,
         ("1.00 m", "g = 1.62 N/kg")),
    ],
    ("retrieval-practice", "hinge-sixty-degree-period"): [
        ("small-angle period used at 60°", 2 * math.pi * math.sqrt(1.00 / 9.81), ("1.00 m", "60°", "g = 9.81 N/kg")),
    ],
    ("retrieval-practice", "hinge-horizontal-throw-time"): [
        ("height ÷ horizontal speed", 5.0 / 10, ("5.0 m", "10 m/s")),
    ],
    ("retrieval-practice", "hinge-trolley-acceleration"): [
        ("force divided by the trolley's mass only", 0.10 * G / 0.90, ("0.90 kg", "0.10 kg")),
    ],
}


def raw_numeric_questions(name: str) -> dict[str, dict]:
    bank = yaml.safe_load(bank_path(name).read_text(encoding="utf-8"))
    return {question["id"]: question for question in bank["questions"] if question["type"] == "numeric"}


def allowed_difference(question: dict) -> float:
    tolerance = question["tolerance"]
    if isinstance(tolerance, str):
        return abs(question["answer"]) * float(tolerance.strip().rstrip("%")) / 100
    return tolerance


@pytest.mark.parametrize("name", packaged_bank_names())
def test_every_numeric_question_diagnoses_a_wrong_answer(name):
    undiagnosed = [question_id for question_id, question in raw_numeric_questions(name).items()
                   if not question.get("wrong_answers")]

    assert not undiagnosed, f"{name}: numeric questions with no wrong_answers: {undiagnosed}"


# Banks written with their own recomputation of every answer and every listed wrong answer
# (tests/quiz/test_bank_numbers_<bank>.py) instead of rows in SLIPS.
OWN_RECOMPUTATION = {
    "atmosphere-and-resources": "test_bank_numbers_atmosphere_and_resources.py",
    "atomic-structure-and-periodic-table": "test_bank_numbers_atomic_structure.py",
    "atoms-and-nuclear": "test_bank_numbers_atoms_and_nuclear.py",
    "bonding-and-structure": "test_bank_numbers_bonding_and_structure.py",
    "electricity-at-home": "test_bank_numbers_electricity_at_home.py",
    "em-sound-and-lenses": "test_bank_numbers_em_sound_and_lenses.py",
    "forces-in-action": "test_bank_numbers_forces_in_action.py",
    "making-salts-and-water": "test_bank_numbers_making_salts_and_water.py",
    "organic": "test_bank_numbers_organic.py",
    "space": "test_bank_numbers_space.py",
}


@pytest.mark.parametrize("name", packaged_bank_names())
def test_every_wrong_answer_is_a_recomputed_slip(name):
    if name in OWN_RECOMPUTATION:
        own = Path(__file__).with_name(OWN_RECOMPUTATION[name]).read_text(encoding="utf-8")
        assert "wrong_answers" in own and not any(bank == name for bank, _ in SLIPS), name
        return
    for question_id, question in raw_numeric_questions(name).items():
        listed = sorted(wrong["value"] for wrong in question.get("wrong_answers", ()))
        slips = SLIPS.get((name, question_id), [])
        prompt = " ".join(question["prompt"].split())
        for slip, _, quoted in slips:
            for data in quoted:
                assert data in prompt, f"{name}/{question_id}: '{data}' ({slip}) is not in the prompt"
        recomputed = sorted(value for _, value, _ in slips)
        assert len(listed) == len(recomputed), f"{name}/{question_id}: {listed} vs slips {recomputed}"
        for value, expected in zip(listed, recomputed):
            # a wrong answer is written to the figures a pupil would give: within 1 % of the slip
            assert value == pytest.approx(expected, rel=0.01, abs=1e-12), f"{name}/{question_id}"
            assert abs(value - question["answer"]) > allowed_difference(question), (
                f"{name}/{question_id}: wrong answer {value} is inside the tolerance of {question['answer']}")


def test_every_slip_belongs_to_a_numeric_question():
    for name, question_id in SLIPS:
        assert question_id in raw_numeric_questions(name), (name, question_id)


@pytest.mark.parametrize("name", packaged_bank_names())
def test_the_engine_diagnoses_each_wrong_answer(name):
    for question in load_packaged_bank(name):
        if not isinstance(question, NumericQuestion):
            continue
        for wrong in question.wrong_answers:
            feedback = question.mark(f"{wrong.value} {question.unit}")
            assert not feedback.correct, (name, question.id, wrong.value)
            assert feedback.misconception == wrong.misconception, (name, question.id, wrong.value)
