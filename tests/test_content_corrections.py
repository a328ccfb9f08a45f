"""The content errors listed in issue 13 stay corrected.

Each test names the error it guards against. Numbers are recomputed from the data a
question gives the learner (the per-bank tests in tests/quiz/test_bank_numbers_*.py
check the same answers against the models); words are checked where a wrong statement
was the defect. Conventions checked across the course:

* **Beyond GCSE.** Snell's law, the critical angle, p ∝ T for a gas and T = 2π√(L/g)
  are A-level content for AQA. Every workbook line (a paragraph, list item or table
  row is one line in these notebooks) and every quiz question that mentions one of
  them carries the flag "beyond GCSE" (or "beyond AQA GCSE" where other boards'
  GCSEs include it).
* **g.** GCSE calculations take g = 9.8 N/kg, the AQA equation sheet's value; pendulum
  calculations (A level) may take 9.81 N/kg, the A-level data-sheet value, and say so.
  Every workbook that uses g has one "**Value of g.**" paragraph stating the value
  and why.
* **Sodium hydroxide.** Every workbook that gives a hazard for sodium hydroxide
  solution states CLEAPSS Hazcard 91's thresholds in the same words (see
  ``NAOH_THRESHOLDS``), and every concentration it classifies agrees with them.
"""

import json
import math
import re
from pathlib import Path

import pytest

from stemcpd.quiz import NumericQuestion, load_packaged_bank
from stemcpd.quiz.bank import packaged_bank_names

REPO = Path(__file__).resolve().parents[1]
WORKBOOKS = sorted((REPO / "workbooks").glob("*.ipynb"))

BEYOND_GCSE = re.compile(r"beyond (AQA )?GCSE", re.IGNORECASE)

# What counts as a mention of each A-level item, in workbook Markdown/LaTeX and in banks.
A_LEVEL_ITEMS = {
    "Snell's law": re.compile(r"Snell|n_1 \\sin|n₁ sin"),
    "the critical angle": re.compile(r"critical angle|\\sin C|sin C\b", re.IGNORECASE),
    "p ∝ T for a gas": re.compile(
        r"p\s*(∝|\\propto)\s*T|pressure is proportional to the (\*\*)?absolute|"
        r"in kelvin for the gas law|gas laws need temperatures in kelvin",
        re.IGNORECASE,
    ),
    "T = 2π√(L/g)": re.compile(r"2\s*π\s*√|2\\pi\\sqrt|2 pi sqrt|4π²\s*/\s*\*?g|4\\pi\^2\s*/\s*g"),
}

NAOH_THRESHOLDS = (
    "CLEAPSS Hazcard 91: sodium hydroxide solution is corrosive at 0.5 mol/dm³ or more "
    "and irritant from 0.05 mol/dm³ up to 0.5 mol/dm³"
)
NAOH_CORROSIVE_FROM_MOL_DM3 = 0.5
NAOH_IRRITANT_FROM_MOL_DM3 = 0.05


def flat(text: str) -> str:
    return " ".join(text.split())


def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def markdown_lines(path: Path) -> list[str]:
    return [
        line
        for cell in notebook(path)["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if line.strip()
    ]


def code_text(path: Path) -> str:
    return "\n".join("".join(cell["source"]) for cell in notebook(path)["cells"] if cell["cell_type"] == "code")


def workbook(name: str) -> Path:
    return REPO / "workbooks" / f"{name}.ipynb"


def question_texts(question) -> list[str]:
    """Every piece of text a learner can see in a question."""
    texts = [question.prompt, getattr(question, "explanation", "") or ""]
    for option in getattr(question, "options", ()):
        texts += [option.text, option.feedback or ""]
    for wrong in getattr(question, "wrong_answers", ()):
        texts += [getattr(wrong, "text", ""), wrong.feedback]  # numeric wrong answers have a value, no text
    texts += list(getattr(question, "steps", ()))
    return [flat(text) for text in texts if text]


def all_questions():
    for name in packaged_bank_names():
        for question in load_packaged_bank(name):
            yield name, question


def option_with(question, misconception):
    return next(option for option in question.options if option.misconception == misconception)


# --- Bank items -----------------------------------------------------------------------


def test_ldr_mnemonic_is_lurd():
    question = load_packaged_bank("electricity")["ldr-in-the-dark"]
    text = " ".join(question_texts(question))
    assert '"LURD: Light Up, Resistance Down"' in text
    assert "Light Down" not in text
    assert "It rises" in question.correct_option.text  # dark: resistance up, larger share of the p.d.


def test_wrong_formula_option_follows_from_its_slip():
    question = load_packaged_bank("quantitative-chemistry")["empirical-formula-from-masses"]
    slip = option_with(question, "oxygen-counted-as-molecules")
    # The slip: divide the oxygen by Mr(O2) = 32 instead of Ar(O) = 16.
    magnesium_mol = 0.24 / 24.3
    oxygen_as_molecules_mol = 0.16 / 32
    assert round(magnesium_mol / oxygen_as_molecules_mol) == 2  # Mg : "O" = 2 : 1
    assert slip.text.startswith("Mg₂O:") and "a 2 : 1 ratio" in slip.text
    assert "0.16 ÷ 32 = 0.0050 mol" in slip.text and "0.24 ÷ 24.3 = 0.0099 mol Mg" in slip.text
    assert f"{magnesium_mol:.2g}" == "0.0099" and f"{oxygen_as_molecules_mol:.2g}" == "0.005"
    assert "MgO₂" not in " ".join(question_texts(question))
    # the right answer, with oxygen atoms
    assert round(magnesium_mol / (0.16 / 16.0)) == 1 and "1 : 1" in question.correct_option.text


def test_nitride_lowers_the_oxygen_to_magnesium_ratio():
    question = load_packaged_bank("quantitative-chemistry")["magnesium-oxide-systematic-error"]
    nitride = option_with(question, "direction-of-systematic-error")
    feedback = flat(nitride.feedback)
    # Mass gained per mole of Mg: nitrogen in Mg3N2 (28 g per 3 mol Mg) against oxygen in MgO (16 g).
    nitrogen_per_mol_mg = 2 * 14.0 / 3
    assert nitrogen_per_mol_mg < 16.0
    assert f"{nitrogen_per_mol_mg:.2g}" == "9.3" and "≈ 9.3 g of nitrogen" in feedback
    assert "it lowers the ratio, not raises it" in feedback
    assert "ratio falls" in feedback
    assert "too low, not too high" not in feedback  # the old feedback implied nitride raises it


def test_motor_coil_explained_by_forces_through_the_axle():
    feedback = flat(load_packaged_bank("magnetism-and-electromagnetism")["wire-parallel-to-field"].correct_option.feedback)
    assert "the lines of those forces pass through the axle" in feedback
    assert "not a wire lying along the field" in feedback


def test_magnetic_materials_question_avoids_coins_and_mentions_stainless_steel():
    question = load_packaged_bank("magnetism-and-electromagnetism")["which-metals-are-magnetic"]
    text = " ".join(question_texts(question))
    assert "copper coin" not in flat(question.prompt)  # UK 1p and 2p coins since 1992 are steel
    assert "copper-plated steel" in text and "1992" in text
    assert "most stainless steel" in flat(question.correct_option.feedback)
    assert "heavier" not in text  # the mass-based distractor was tagged with the wrong idea
    for option in question.options:
        if option.misconception == "all-metals-are-magnetic":
            assert option.text.startswith("All three"), option.text  # each distractor really is that idea


def test_charged_ruler_is_not_a_wrong_answer_to_what_is_attracted():
    question = load_packaged_bank("needs-analysis")["na-magnetism-what-is-attracted"]
    assert "magnetic material" in flat(question.prompt)
    ruler = option_with(question, "magnetic-poles-are-charges")
    assert "do pull together, but by static electricity" in flat(ruler.feedback)
    assert "a magnet does not affect it" not in flat(ruler.feedback)


def test_two_half_lives_feedback_matches_each_wrong_answer():
    question = load_packaged_bank("radioactivity")["two-half-lives"]
    assert 800 / 2 / 2 == 200 and question.correct_option.text == "200"
    linear = option_with(question, "half-life-is-half-the-lifetime")
    assert linear.text == "0" and 800 - 400 - 400 == 0
    assert "losing half of the original 800 (400) in each half-life" in flat(linear.feedback)
    once = option_with(question, "half-life-counts-from-start")
    assert once.text == "400" and 800 / 2 == 400
    assert "400 is what is left after one half-life" in flat(once.feedback)


# Shown model answers known not to mark fully right (none now: pendulum period-1m became
# 2.01, to the 3 s.f. its prompt asks for).
KNOWN_SHOWN_ANSWER_DEFECTS: set = set()


def shown_answer_feedback(question):
    shown = question.model_answer_shown()
    return shown, question.mark(shown)


def test_displayed_model_answer_is_marked_fully_right_everywhere():
    """A model answer shown with `:g` drops trailing zeros ("0.08" for 0.0800) and keeps
    extra digits ("2.368" where 3 s.f. are asked); a learner who types what the quiz shows
    must not be marked "Partly right"."""
    for name, question in all_questions():
        if isinstance(question, NumericQuestion) and (name, question.id) not in KNOWN_SHOWN_ANSWER_DEFECTS:
            shown, feedback = shown_answer_feedback(question)
            assert feedback.correct and feedback.score == 1.0, (name, question.id, shown, feedback.message)


def test_known_shown_answer_defects_are_still_defects():
    """When one is fixed, remove it from KNOWN_SHOWN_ANSWER_DEFECTS so the test above covers it."""
    for name, question_id in KNOWN_SHOWN_ANSWER_DEFECTS:
        _, feedback = shown_answer_feedback(load_packaged_bank(name)[question_id])
        assert feedback.score < 1.0, f"{name}:{question_id} is fixed; remove it from KNOWN_SHOWN_ANSWER_DEFECTS"


@pytest.mark.parametrize(
    ("bank", "question_id", "recomputed"),
    [
        # mgh − ½mv² from the prompt's m = 1.0 kg, h = 1.0 m, v = 4.03 m/s, g = 9.8 N/kg
        ("energy", "thermal-energy-on-descent", round(1.0 * 9.8 * 1.0 - 0.5 * 1.0 * 4.03**2, 2)),
        # 4π² ÷ gradient 4.04 s²/m
        ("practical-work", "g-from-virtual-pendulum-gradient", round(4 * math.pi**2 / 4.04, 2)),
        # −(T² intercept 0.029 s²) ÷ gradient 4.04 s²/m
        ("practical-work", "pendulum-length-axis-intercept", round(-0.029 / 4.04, 4)),
        # [H⁺] = 10^−2.88, to 3 significant figures
        ("acids-and-titration", "hydrogen-ions-in-weak-acid", float(f"{10 ** -2.88:.3g}")),
        # 0.100 mol/dm³ × 20.35 cm³ ÷ 25.00 cm³, to 3 significant figures
        ("acids-and-titration", "acid-concentration-from-titre", float(f"{0.100 * 20.35 / 25.00:.3g}")),
    ],
)
def test_model_answers_agree_with_their_own_data(bank, question_id, recomputed):
    assert load_packaged_bank(bank)[question_id].answer == recomputed


def sig(value: float, figures: int) -> float:
    """``value`` rounded to ``figures`` significant figures."""
    return float(f"{value:.{figures}g}")


RT = 2 * math.pi  # the 2π in T = 2π√(L/g)
# Every numeric question in every bank: (bank, id, data the prompt must quote, the
# answer recomputed from that data alone, rounded as the model answer is written).
NUMERIC_ANSWERS_FROM_PROMPT_DATA = [
    ("acids-and-titration", "acid-concentration-from-titre", ("20.35 cm³", "0.100 mol/dm³", "25.00 cm³"),
     sig(0.100 * 20.35 / 25.00, 3)),
    ("acids-and-titration", "mean-concordant-titre", ("25.15", "25.10"), (25.15 + 25.10) / 2),
    ("acids-and-titration", "weak-acid-equivalence-volume", ("0.100 mol/dm³", "25.0 cm³", "0.150 mol/dm³"),
     sig(0.150 * 25.0 / 0.100, 3)),
    ("acids-and-titration", "hydrogen-ions-in-weak-acid", ("pH 2.88",), sig(10**-2.88, 3)),
    ("chemical-analysis", "spot-distance", ("Rf of 0.66", "70 mm"), sig(0.66 * 70, 3)),
    ("chemical-analysis", "solvent-front-time", ("40 mm", "5 minutes", "80 mm"), sig(5 * (80 / 40) ** 2, 3)),
    ("chemical-analysis", "stearic-acid-melting-energy", ("215 kJ/kg", "20 g"), sig(215 * 0.020, 2)),
    ("chemical-analysis", "stearic-acid-plateau-time", ("100 W", "20 g", "215 kJ/kg"), sig(215e3 * 0.020 / 100, 3)),
    ("electricity", "resistance-of-half-a-metre-of-wire", ("49 × 10⁻⁸ Ω m", "0.50 m", "0.274 mm"),
     sig(49e-8 * 0.50 / (math.pi * (0.274e-3 / 2) ** 2), 3)),
    ("electricity", "two-resistors-in-parallel", ("20 Ω", "30 Ω"), sig(1 / (1 / 20 + 1 / 30), 3)),
    ("electricity", "series-parallel-network", ("10 Ω", "20 Ω"), sig(10 + 1 / (1 / 20 + 1 / 20), 3)),
    ("electricity", "divider-output-pd", ("100 Ω", "200 Ω", "6.0 V"), sig(6.0 * 200 / 300, 2)),
    ("electricity", "loaded-divider-output-pd", ("1.0 kΩ", "6.0 V"), sig(6.0 * 500 / 1500, 2)),
    ("electricity", "current-in-a-resistor", ("100 Ω", "6.0 V"), sig(6.0 / 100, 2)),
    ("electrolysis-and-energetics", "copper-mass-faraday", ("0.50 A", "30 minutes", "63.55", "96 485"),
     sig(0.50 * 1800 / 96485 / 2 * 63.55, 3)),
    ("electrolysis-and-energetics", "charge-passed", ("0.50 A", "30 minutes"), 0.50 * 30 * 60),
    ("electrolysis-and-energetics", "hydrogen-volume-faraday", ("0.50 A", "30 minutes", "24.0 dm³"),
     sig(0.50 * 1800 / 96485 / 2 * 24000, 3)),
    ("electrolysis-and-energetics", "bond-energy-hcl", ("H–H 436", "Cl–Cl 243", "H–Cl 432"), 436 + 243 - 2 * 432),
    ("electrolysis-and-energetics", "delta-h-from-cup", ("50.0 g", "6.5 °C", "0.0250 mol", "c = 4.18"),
     -sig(50.0 * 4.18 * 6.5 / 0.0250 / 1000, 3)),
    ("energy", "speed-at-bottom-frictionless", ("2.0 m", "g = 9.8 N/kg"), sig(math.sqrt(2 * 9.8 * 2.0), 3)),
    ("energy", "thermal-energy-on-descent", ("1.0 kg", "1.0 m", "4.03 m/s", "g = 9.8 N/kg"),
     sig(1.0 * 9.8 * 1.0 - 0.5 * 1.0 * 4.03**2, 3)),
    ("energy", "elastic-energy-stored", ("25 N/m", "10 cm"), sig(0.5 * 25 * 0.10**2, 3)),
    ("energy", "extension-for-two-newtons", ("2.0 N", "25 N/m"), sig(2.0 / 25, 2)),
    ("energy", "two-springs-in-series", ("25 N/m",), sig(1 / (1 / 25 + 1 / 25), 3)),
    ("equilibrium", "hi-at-equilibrium", ("0.500 mol/dm³", "Kc = 54.3"),
     sig(2 * 0.500 * math.sqrt(54.3) / (2 + math.sqrt(54.3)), 3)),
    ("equilibrium", "hydrogen-from-hydrogen-iodide", ("1.000 mol/dm³", "Kc = 54.3"), sig(1.000 / (2 + math.sqrt(54.3)), 3)),
    ("equilibrium", "hydrogen-iodide-dilute-start", ("0.200 mol/dm³", "Kc = 54.3"),
     sig(2 * 0.200 * math.sqrt(54.3) / (2 + math.sqrt(54.3)), 3)),
    ("equilibrium", "ammonia-from-a-hundred-moles", ("24.7%", "25 mol", "75 mol"), sig(24.7 / 1.247, 3)),
    ("equilibrium", "haber-kp-at-350", ("4.51 × 10⁻⁵", "−92.2 kJ/mol", "8.314"),
     sig(4.51e-5 * math.exp(92.2e3 / 8.314 * (1 / 623.15 - 1 / 723.15)), 3)),
    ("forces-and-motion", "trolley-acceleration", ("0.90 kg", "0.10 kg", "g = 9.8 N/kg"), sig(0.10 * 9.8 / 1.00, 3)),
    ("forces-and-motion", "trolley-acceleration-with-friction", ("0.90 kg", "0.10 kg", "0.10 N", "g = 9.8 N/kg"),
     sig((0.10 * 9.8 - 0.10) / 1.00, 3)),
    ("forces-and-motion", "skydiver-terminal-velocity", ("70 kg", "k = 0.25 kg/m", "g = 9.8 N/kg"),
     sig(math.sqrt(70 * 9.8 / 0.25), 3)),
    ("forces-and-motion", "horizontal-throw-time", ("5.0 m", "g = 9.8 N/kg"), sig(math.sqrt(2 * 5.0 / 9.8), 3)),
    ("forces-and-motion", "horizontal-throw-distance", ("10 m/s", "5.0 m", "g = 9.8 N/kg"),
     sig(10 * math.sqrt(2 * 5.0 / 9.8), 3)),
    ("magnetism-and-electromagnetism", "motor-force-numeric", ("5.0 cm", "3.0 A", "0.20 T"), sig(0.20 * 3.0 * 0.050, 2)),
    ("magnetism-and-electromagnetism", "current-for-force", ("5.0 cm", "0.080 T", "0.012 N"), sig(0.012 / (0.080 * 0.050), 2)),
    ("magnetism-and-electromagnetism", "motor-force-at-an-angle", ("30°",), sig(0.20 * 3.0 * 0.050 * 0.5, 2)),
    ("magnetism-and-electromagnetism", "generator-peak-emf", ("100 turns", "0.010 m²", "5.0 times", "0.10 T"),
     sig(100 * 0.10 * 0.010 * 2 * math.pi * 5.0, 3)),
    ("magnetism-and-electromagnetism", "transformer-secondary-pd", ("1150 turns", "60 turns", "230 V"), sig(230 * 60 / 1150, 3)),
    ("magnetism-and-electromagnetism", "transformer-primary-current", ("230 V to 12 V", "2.0 A"), sig(12 * 2.0 / 230, 3)),
    ("particles-and-heating", "shc-energy-for-kettle", ("2.0 kg", "4180 J/kg °C", "15 °C"), 2.0 * 4180 * 15),
    ("particles-and-heating", "shc-from-practical", ("50 W", "1.00 kg", "600 s", "30.2 °C"), sig(50 * 600 / 30.2, 3)),
    ("particles-and-heating", "density-numeric", ("67.5 g", "50.0 cm³", "75.0 cm³"), sig(67.5 / 25.0 * 1000, 3)),
    ("particles-and-heating", "boyle-compression", ("60 cm³", "100 kPa", "20 cm³"), 100 * 60 / 20),
    ("particles-and-heating", "pressure-law-celsius", ("100 kPa", "20 °C", "80 °C", "add 273"),
     sig(100 * (80 + 273) / (20 + 273), 4)),
    ("particles-and-heating", "peak-wavelength-leslie-cube", ("2.90 × 10⁻³ m K", "80 °C"),
     sig(2.90e-3 / (80 + 273.15) * 1e6, 3)),
    ("pendulum", "length-for-1s-period", ("1.00 s", "g = 9.81 N/kg"), sig(9.81 * (1.00 / RT) ** 2, 4)),
    ("pendulum", "g-from-gradient", ("4.02 s²/m",), sig(4 * math.pi**2 / 4.02, 3)),
    ("practical-work", "g-from-virtual-pendulum-gradient", ("4.04 s²/m",), sig(4 * math.pi**2 / 4.04, 3)),
    ("practical-work", "pendulum-length-axis-intercept", ("4.04 s²/m", "+0.029 s²"), sig(-0.029 / 4.04, 2)),
    ("practical-work", "period-uncertainty-from-half-range", ("15.57 s, 15.24 s and 15.54 s",),
     sig((15.57 - 15.24) / 2 / 10, 3)),
    ("practical-work", "mean-concordant-titre", ("25.15 cm³ and 25.10 cm³",), (25.15 + 25.10) / 2),
    ("practical-work", "acid-concentration-from-titre", ("25.0 cm³", "25.125 cm³", "0.100 mol/dm³"),
     sig(0.100 * 25.125 / 25.0, 4)),
    ("practical-work", "titre-uncertainty-from-resolution", ("±0.05 cm³",), 2 * 0.05),
    ("quantitative-chemistry", "molar-mass-calcium-carbonate", ("Ca = 40.1, C = 12.0, O = 16.0",),
     round(40.1 + 12.0 + 3 * 16.0, 1)),
    ("quantitative-chemistry", "moles-of-sodium-hydroxide", ("4.00 g", "Na = 23.0, O = 16.0, H = 1.0"),
     sig(4.00 / 40.0, 3)),
    ("quantitative-chemistry", "concentration-of-sodium-hydroxide", ("2.00 g", "Mr 40.0", "250 cm³"),
     sig(2.00 / 40.0 / 0.250, 3)),
    ("quantitative-chemistry", "mass-of-magnesium-oxide", ("0.60 g", "Mg = 24.3, O = 16.0"),
     sig(0.60 / 24.3 * 40.3, 3)),
    ("quantitative-chemistry", "carbon-dioxide-from-limestone", ("10.0 g", "Ca = 40.1, C = 12.0, O = 16.0"),
     sig(10.0 / 100.1 * 44.0, 2)),
    ("quantitative-chemistry", "hydrogen-volume-from-magnesium", ("0.50 g", "24.0 dm³", "Mg = 24.3"),
     sig(0.50 / 24.3 * 24000, 3)),
    ("radioactivity", "time-for-activity-to-fall", ("60 s", "800 Bq", "100 Bq"), 60 * math.log2(800 / 100)),
    ("radioactivity", "half-life-from-count-rates", ("320 counts/s", "40 counts/s", "210 s"), 210 / math.log2(320 / 40)),
    ("radioactivity", "percent-left-after-five-half-lives", ("five half-lives",), 100 / 2**5),
    ("radioactivity", "activity-of-a-sample", ("1000 nuclei", "60 s"), sig(math.log(2) / 60 * 1000, 4)),
    ("rates-of-reaction", "hydrogen-volume-from-ribbon", ("0.050 g", "24 dm³", "Mg = 24.3"), sig(0.050 / 24.3 * 24000, 3)),
    ("rates-of-reaction", "initial-rate-doubled-concentration", ("1.0 mol/dm³", "2.5 cm³/s", "2.0 mol/dm³"),
     2.5 * 2.0 / 1.0),
    ("rates-of-reaction", "cross-time-half-concentration", ("30 s", "40 g/dm³", "20 g/dm³"), 30 * 40 / 20),
    ("rates-of-reaction", "cross-time-diluted", ("10 cm³", "40 cm³ of water", "30 s"), 30 * 50 / 10),
    ("rates-of-reaction", "mean-rate-first-20-s", ("31.4 cm³", "20 s"), sig(31.4 / 20, 3)),
    ("rates-of-reaction", "first-order-half-life", ("k = 0.0200 s⁻¹",), sig(math.log(2) / 0.0200, 3)),
    ("retrieval-practice", "hinge-quarter-metre-period", ("25.0 cm", "g = 9.81 N/kg"), sig(RT * math.sqrt(0.250 / 9.81), 4)),
    ("retrieval-practice", "hinge-moon-period", ("g = 1.62 N/kg", "1.00 m"), sig(RT * math.sqrt(1.00 / 1.62), 4)),
    ("retrieval-practice", "hinge-horizontal-throw-time", ("5.0 m", "g = 9.8 N/kg"), sig(math.sqrt(2 * 5.0 / 9.8), 4)),
    ("retrieval-practice", "hinge-trolley-acceleration", ("0.90 kg", "0.10 kg", "g = 9.8 N/kg"), sig(0.10 * 9.8 / 1.00, 3)),
    ("waves-and-light", "wave-speed-on-a-string", ("0.80 g/m", "2.0 N"), sig(math.sqrt(2.0 / 0.80e-3), 2)),
    ("waves-and-light", "ripple-speed", ("10 Hz", "2.5 cm"), sig(10 * 0.025, 2)),
    ("waves-and-light", "third-harmonic-frequency", ("50 m/s", "1.0 m", "three loops"), 3 * 50 / (2 * 1.0)),
    ("waves-and-light", "angle-of-refraction-in-glass", ("n = 1.00", "n = 1.52", "30°"),
     sig(math.degrees(math.asin(math.sin(math.radians(30)) / 1.52)), 3)),
    ("waves-and-light", "critical-angle-of-water", ("1.333",), sig(math.degrees(math.asin(1 / 1.333)), 3)),
    ("forces-in-action", "moment-on-a-spanner", ("40 N", "25 cm"), 40 * 0.25),
    ("forces-in-action", "water-pressure-at-depth", ("2.0 m", "1000 kg/m³", "g = 9.8 N/kg"), 2.0 * 1000 * 9.8),
    ("forces-in-action", "trolleys-stick-together", ("0.50 kg", "4.0 m/s", "1.5 kg"), 0.50 * 4.0 / (0.50 + 1.5)),
    ("forces-in-action", "air-bag-force", ("60 kg", "15 m/s", "0.50 s"), 60 * 15 / 0.50),
    ("forces-in-action", "stopping-distance-sum", ("20 m/s", "0.60 s", "25 m"), 20 * 0.60 + 25),
    ("em-sound-and-lenses", "frequency-of-orange-light", ("600 nm", "3.0 × 10⁸ m/s"), 3.0e8 / 600e-9),
    ("em-sound-and-lenses", "echo-speed-of-sound", ("85 m", "0.50 s"), 2 * 85 / 0.50),
    ("em-sound-and-lenses", "sonar-depth", ("0.40 s", "1500 m/s"), 1500 * 0.40 / 2),
    ("em-sound-and-lenses", "mirror-angle-from-surface", ("30°",), 90 - 30),
    ("atoms-and-nuclear", "alphas-in-the-uranium-series", ("²³⁸₉₂U", "²⁰⁶₈₂Pb"), (238 - 206) / 4),
    ("making-salts-and-water", "theoretical-crystals", ("25.0 cm³", "1.00 mol/dm³", "249.7"), sig(0.0250 * 249.7, 3)),
    ("making-salts-and-water", "percentage-yield-crystals", ("6.24 g", "4.10 g"), sig(100 * 4.10 / 6.24, 3)),
    ("making-salts-and-water", "residue-after-distillation", ("102.5 g", "60.0 g"), 102.5 - 60.0),
    ("making-salts-and-water", "dissolved-solids-concentration", ("25.0 cm³", "0.90 g"), sig(0.90 / 0.0250, 2)),
    ("atomic-structure-and-periodic-table", "neutrons-in-chlorine-37", ("chlorine-37", "17"), 37 - 17),
    ("atomic-structure-and-periodic-table", "boron-relative-atomic-mass", ("19.9 %", "80.1 %"),
     sig((10 * 19.9 + 11 * 80.1) / 100, 3)),
    ("atomic-structure-and-periodic-table", "electrons-in-sulfide", ("S²⁻", "16"), 16 + 2),
    ("bonding-and-structure", "surface-area-to-volume", ("10 nm",), 6 * 10**2 / 10**3),
    ("bonding-and-structure", "bonds-formed-by-nitrogen", ("5 electrons",), 8 - 5),
    ("bonding-and-structure", "liquid-range-of-methane", ("−182.5 °C", "−161.5 °C"), -161.5 - -182.5),
    ("atmosphere-and-resources", "oxygen-from-iron-wool", ("100 cm³", "79 cm³"), 100 - 79),
    ("atmosphere-and-resources", "co2-ppm-to-percent", ("420 ppm",), 420 / 10000),
    ("atmosphere-and-resources", "oxygen-in-a-room", ("150 m³", "one-fifth"), 150 / 5),
    ("organic", "co2-from-methane", ("8.0 g", "C = 12", "H = 1", "O = 16"), 8.0 / (12 + 4 * 1) * (12 + 2 * 16)),
    ("organic", "oxygen-to-balance-octane", ("2C₈H₁₈", "16CO₂", "18H₂O"), (16 * 2 + 18) / 2),
    ("organic", "alkene-from-cracking-hexadecane", ("C₁₆H₃₄", "C₁₀H₂₂", "3X"), ((16 - 10) * 12 + (34 - 22) * 1) / 3),
    ("space", "space-station-speed", ("420 km", "6370 km", "92.6 minutes"), sig(2 * math.pi * (6370 + 420) / (92.6 * 60), 3)),
    ("space", "geostationary-speed", ("42 200 km", "24 hours"), sig(2 * math.pi * 42200 / (24 * 3600), 3)),
    ("space", "radius-of-the-moons-orbit", ("1.02 km/s", "27.3 days"), sig(1.02 * 27.3 * 86400 / (2 * math.pi), 3)),
    ("electricity-at-home", "hair-dryer-power", ("5.0 A", "230 V"), 230 * 5.0),
    ("electricity-at-home", "heater-energy-in-joules", ("2000 W", "5 minutes"), 2000 * 5 * 60),
    ("electricity-at-home", "heater-energy-in-kwh", ("2500 W", "3.0 hours"), 2.5 * 3.0),
    ("electricity-at-home", "energy-from-charge", ("15 C", "12 V"), 15 * 12),
    ("electricity-at-home", "current-in-grid-cables", ("20 MW", "400 kV"), 20e6 / 400e3),
    ("electricity-at-home", "heating-in-grid-cables", ("50 A", "5.0 Ω"), 50**2 * 5.0),
]
# Answers that need a model run (the exact large-amplitude period) rather than the prompt's data
# alone, and the one known shown-answer defect; each is checked against the model in tests/quiz.
NUMERIC_ANSWERS_FROM_MODELS = {
    ("pendulum", "period-1m"), ("pendulum", "period-at-90-degrees"), ("retrieval-practice", "hinge-sixty-degree-period"),
}


@pytest.mark.parametrize(("bank", "question_id", "quoted", "recomputed"), NUMERIC_ANSWERS_FROM_PROMPT_DATA,
                         ids=[f"{entry[0]}:{entry[1]}" for entry in NUMERIC_ANSWERS_FROM_PROMPT_DATA])
def test_every_numeric_answer_follows_from_its_prompt(bank, question_id, quoted, recomputed):
    question = load_packaged_bank(bank)[question_id]
    prompt = flat(question.prompt)
    for data in quoted:
        assert data in prompt, f"{question_id}: the prompt no longer quotes {data!r}"
    assert question.answer == pytest.approx(recomputed, rel=1e-9, abs=1e-12), (question_id, question.answer, recomputed)


def test_the_table_covers_every_numeric_question():
    listed = {(bank, question_id) for bank, question_id, _, _ in NUMERIC_ANSWERS_FROM_PROMPT_DATA}
    numeric = {(name, question.id) for name, question in all_questions() if isinstance(question, NumericQuestion)}
    assert listed | NUMERIC_ANSWERS_FROM_MODELS == numeric
    assert not listed & NUMERIC_ANSWERS_FROM_MODELS


def test_pendulum_offset_is_read_from_the_graph():
    question = load_packaged_bank("practical-work")["offset-in-pendulum-graph"]
    assert "-0.7 cm" in flat(question.prompt)
    assert round(0.029 / 4.04 * 100, 1) == 0.7  # the intercept on the length axis, in cm
    assert "about 0.7 cm by the graph" in question.correct_option.text
    assert "1 cm" not in " ".join(question_texts(question))


def test_end_point_is_two_drops_not_one():
    question = load_packaged_bank("acids-and-titration")["end-point-meaning"]
    drop_cm3 = 0.05
    assert round((25.05 - 24.95) / drop_cm3) == 2
    assert "two drops (0.10 cm³)" in question.correct_option.text
    assert "one drop takes" not in question.correct_option.text


def test_three_significant_figure_titration_answer():
    question = load_packaged_bank("acids-and-titration")["acid-concentration-from-titre"]
    assert "to 3 significant figures" in flat(question.prompt) and question.sig_figs == 3
    assert f"{question.answer:g}" == "0.0814"  # shown with its three significant figures
    assert question.mark("0.0814 mol/dm^3").score == 1.0
    assert question.mark("0.081 mol/dm^3").score == 0.75  # two significant figures: partly right


# --- Conventions in banks ---------------------------------------------------------------

EARTH_G = re.compile(r"g = (\d+(?:\.\d+)?) N/kg")


def test_banks_use_aqa_g_or_say_why_not():
    for name, question in all_questions():
        text = " ".join(question_texts(question))
        values = {value for value in EARTH_G.findall(text) if float(value) > 5}  # not the Moon's 1.62
        assert values <= {"9.8", "9.81"}, (name, question.id, values)
        if "9.81" in values:
            # 9.81 only where T = 2π√(L/g) is used (A level), flagged in the question
            assert BEYOND_GCSE.search(text), (name, question.id)


@pytest.mark.parametrize("name", ["energy", "forces-and-motion"])
def test_gcse_mechanics_banks_take_g_as_9_8(name):
    bank = load_packaged_bank(name)
    assert "g = 9.8 N/kg, the value on the AQA GCSE equation sheet" in flat(bank.source)
    assert not any("9.81" in flat(question.prompt) for question in bank)


def test_specific_heat_capacity_in_aqa_units():
    bank = load_packaged_bank("particles-and-heating")
    assert "J/kg °C, as on the AQA GCSE equation sheet" in flat(bank.source)
    for question in bank:
        for text in question_texts(question):
            assert "J/(kg K)" not in text or "same unit" in text, (question.id, text)


@pytest.mark.parametrize("item", list(A_LEVEL_ITEMS))
def test_a_level_items_in_banks_are_flagged(item):
    pattern = A_LEVEL_ITEMS[item]
    unflagged = []
    for name, question in all_questions():
        text = " ".join(question_texts(question))
        if pattern.search(text) and not BEYOND_GCSE.search(text):
            unflagged.append(f"{name}:{question.id}")
    assert not unflagged, f"{item} is used without 'beyond GCSE' in: {unflagged}"


# --- Workbooks ---------------------------------------------------------------------------


def flagged(lines: list[str], index: int) -> bool:
    """Line ``index`` carries the flag; a display equation ($$ … $$) may take it from the
    sentence that introduces it."""
    if BEYOND_GCSE.search(lines[index]):
        return True
    return lines[index].startswith("$$") and index > 0 and bool(BEYOND_GCSE.search(lines[index - 1]))


@pytest.mark.parametrize("item", list(A_LEVEL_ITEMS))
def test_a_level_items_in_workbooks_are_flagged(item):
    pattern = A_LEVEL_ITEMS[item]
    unflagged = []
    for path in WORKBOOKS:
        lines = markdown_lines(path)
        unflagged += [
            f"{path.stem}: {line[:90]}"
            for index, line in enumerate(lines)
            if pattern.search(line) and not flagged(lines, index)
        ]
    assert not unflagged, f"{item} mentioned without 'beyond GCSE':\n" + "\n".join(unflagged)


def test_each_a_level_item_is_really_mentioned_somewhere():
    """The patterns above still find the content (so the flag test cannot pass vacuously)."""
    text = "\n".join(line for path in WORKBOOKS for line in markdown_lines(path))
    for item, pattern in A_LEVEL_ITEMS.items():
        assert pattern.search(text), item


def test_infrared_practical_is_required_in_combined_science_too():
    lines = [line for line in markdown_lines(workbook("physics-particles-and-heating")) if "Leslie cube" in line]
    practical = next(line for line in lines if "required practicals" in line)
    assert "**infrared radiation** (the Leslie cube; GCSE Physics and Combined Science)" in practical
    assert "**thermal insulation** (GCSE Physics only)" in practical
    assert "separate physics" not in practical


def test_sodium_hydroxide_thresholds_stated_once_and_the_same_everywhere():
    stated_in = []
    for path in WORKBOOKS:
        for line in markdown_lines(path):
            if not re.search(r"sodium hydroxide", line, re.IGNORECASE):
                continue
            if not re.search(r"corrosive|irritant", line, re.IGNORECASE):
                continue
            assert line.count(NAOH_THRESHOLDS) == 1, f"{path.stem}: {line[:120]}"
            stated_in.append(path.stem)
            # every concentration the line classifies agrees with the Hazcard
            rest = line.replace(NAOH_THRESHOLDS, "")
            for value, word in re.findall(r"(\d+(?:\.\d+)?) mol/dm³[^.;()]{0,40}?\b(corrosive|irritant)", rest):
                concentration = float(value)
                expected = (
                    "corrosive" if concentration >= NAOH_CORROSIVE_FROM_MOL_DM3
                    else "irritant" if concentration >= NAOH_IRRITANT_FROM_MOL_DM3 else "low hazard"
                )
                assert word == expected, f"{path.stem}: {value} mol/dm³ called {word}: {line[:120]}"
    assert set(stated_in) >= {
        "chemistry-acids-and-titration", "chemistry-chemical-analysis", "chemistry-electrolysis-and-energetics",
    }


def test_elastic_limit_and_limit_of_proportionality_kept_apart():
    lines = markdown_lines(workbook("physics-energy"))
    text = "\n".join(lines)
    definition = next(line for line in lines if "Up to the **limit of proportionality**" in line)
    assert "**elastic limit**" in definition and "not the same" in definition
    assert "5 N elastic limit" not in text  # the simulation's single limit is explained, not conflated
    assert any("uses one limit for both" in line for line in lines)


def test_feather_and_hammer_question_reads_correctly():
    text = "\n".join(markdown_lines(workbook("physics-forces-and-motion")))
    assert "a feather fall slowly but a hammer on the Moon does not" not in text
    assert "On Earth a feather falls far more slowly than a hammer; on the Moon" in text


def test_stainless_steel_where_magnetic_metals_are_listed():
    for path in WORKBOOKS:
        for line in markdown_lines(path):
            if re.search(r"iron,? (steel,? )?nickel and cobalt|iron, steel, nickel", line, re.IGNORECASE):
                assert "stainless steel" in line, f"{path.stem}: {line[:120]}"
    assert any("most stainless steel" in line for line in markdown_lines(workbook("physics-magnetism-and-electromagnetism")))


def test_pendulum_misconception_table_rows_all_have_answers():
    lines = markdown_lines(workbook("physics-pendulum"))
    header = next(index for index, line in enumerate(lines) if line.startswith("| Misconception"))
    assert "(answer)" in lines[header]
    rows = [line for line in lines[header + 2:] if line.startswith("|")]
    assert len(rows) >= 4
    for row in rows:
        question_cell = [cell.strip() for cell in row.strip("|").split("|")][-1]
        assert re.search(r"\([^()]*\)\s*$", question_cell), f"row without an answer: {row}"


G_USE = re.compile(r"9\.81?\b|N/kg|\bmgh\b|\$mg\$|\\sqrt\{2gh\}|2\\pi\\sqrt\{L/g\}|\\frac\{L\}\{g\}|finding \*g\*")


def test_every_module_that_uses_g_states_its_value_once():
    users = []
    for path in WORKBOOKS:
        lines = markdown_lines(path)
        if not (any(G_USE.search(line) for line in lines) or re.search(r"9\.81", code_text(path))):
            continue
        users.append(path.stem)
        statements = [line for line in lines if line.startswith("**Value of g.**")]
        assert len(statements) == 1, path.stem
        statement = statements[0]
        assert "9.8 N/kg" in statement and "AQA" in statement, path.stem
        uses_981 = any("9.81" in line for line in lines if line is not statement) or "9.81" in code_text(path)
        if uses_981:
            assert "9.81 N/kg" in statement, f"{path.stem} uses 9.81 N/kg without saying so"
    assert {
        "physics-energy", "physics-forces-and-motion", "physics-pendulum", "physics-magnetism-and-electromagnetism",
        "pedagogy-practical-work",
    } <= set(users)


def test_gcse_text_uses_aqa_g():
    """Outside the "Value of g." paragraph, GCSE statements about falling use 9.8."""
    text = "\n".join(markdown_lines(workbook("physics-forces-and-motion")))
    assert "changes by 9.8 m/s every second" in text
    assert "(9.8 m/s² downwards.)" in text


def test_specific_heat_capacity_written_as_aqa_does_in_the_workbook():
    lines = markdown_lines(workbook("physics-particles-and-heating"))
    assert any("4180 J/kg °C" in line for line in lines)
    assert not any("J/(kg K)" in line and "same unit" not in line for line in lines)
