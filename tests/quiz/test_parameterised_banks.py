"""Parameterised questions in every module bank (issue 12, item 3): answers from the models,
recomputed here from each question's function and, independently, from the textbook
formula the prompt states, so a wrong model call or a prompt that disagrees with its
numbers fails."""

import functools
import importlib
import math

import pytest

from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names
from stemcpd.quiz.lint import MINIMUM_PARAMETERISED, NOT_MODULE_BANKS
from stemcpd.quiz.parameterised import (
    AnswerFunctionError,
    ParameterisedNumericQuestion,
    allowed_modules,
    resolve_answer_function,
)

G = 9.8
R = 8.314462618
FARADAY = 96485.33212


def strong_acid_ph(v):
    acid, base = 0.1 * 25.0, 0.1 * v["added"]  # mmol
    return -math.log10((acid - base) / (25.0 + v["added"]))


FORMULAS = {
    # (bank topic, question id): the formula the prompt states, in the question's unit.
    ("pendulum", "period-on-another-world"): lambda v: 2 * math.pi * math.sqrt(0.8 / v["g"]),
    ("pendulum", "period-at-a-modest-amplitude"): lambda v: 2 * math.pi * math.sqrt(v["length"] / G),
    ("forces-and-motion", "trolley-and-hanging-mass"): lambda v: v["hanging"] * G / (v["trolley"] + v["hanging"]),
    ("forces-and-motion", "trolley-with-friction"): lambda v: (0.2 * G - v["friction"]) / (v["trolley"] + 0.2),
    ("forces-and-motion", "terminal-velocity-from-drag"): lambda v: math.sqrt(v["mass"] * G / v["drag"]),
    ("energy", "elastic-energy-any-spring"): lambda v: 0.5 * v["k"] * v["extension"] ** 2,
    ("energy", "temperature-rise-of-water"): lambda v: v["energy"] / (v["mass"] * 4200),
    ("energy", "temperature-rise-of-aluminium-block"): lambda v: v["energy"] / (1.0 * 900),
    ("particles-and-heating", "density-of-a-block"): lambda v: v["mass"] / v["volume"],
    ("particles-and-heating", "temperature-rise-any-material"): lambda v: v["energy"] / (v["mass"] * v["c"]),
    ("particles-and-heating", "celsius-to-kelvin"): lambda v: v["temperature"] + 273,
    ("electricity", "charge-from-current-and-time"): lambda v: v["current"] * v["time"],
    ("electricity", "charge-in-a-minute-or-more"): lambda v: v["current"] * v["time"],
    ("electricity", "resistance-of-a-constantan-wire"): lambda v: 49e-8 * v["length"] / (math.pi * (0.274e-3 / 2) ** 2),
    ("magnetism-and-electromagnetism", "force-on-a-wire"): lambda v: v["field"] * v["current"] * v["length"],
    ("magnetism-and-electromagnetism", "force-on-a-motor-side"): lambda v: v["field"] * v["current"] * 0.04,
    ("magnetism-and-electromagnetism", "force-on-a-wire-at-an-angle"):
        lambda v: 0.3 * v["current"] * 0.2 * math.sin(math.radians(v["angle"])),
    ("waves-and-light", "refraction-into-glass-any-angle"):
        lambda v: math.degrees(math.asin(math.sin(math.radians(v["incidence"])) / v["n"])),
    ("waves-and-light", "critical-angle-any-material"): lambda v: math.degrees(math.asin(1 / v["n"])),
    ("waves-and-light", "harmonic-on-a-string"): lambda v: v["harmonic"] * v["speed"] / (2 * v["length"]),
    ("radioactivity", "nuclei-left-after-whole-half-lives"): lambda v: v["initial"] * 0.5 ** (v["time"] / 60),
    ("radioactivity", "nuclei-left-after-part-of-a-half-life"): lambda v: 1e6 * 0.5 ** (v["time"] / v["half_life"]),
    ("radioactivity", "decay-constant-from-half-life"): lambda v: math.log(2) / v["half_life"],
    ("acids-and-titration", "concentration-from-moles-and-volume"): lambda v: v["amount"] / v["volume"],
    ("acids-and-titration", "mass-concentration-of-a-solution"): lambda v: v["mass"] / v["volume"],
    ("acids-and-titration", "ph-before-the-end-point"): strong_acid_ph,
    ("chemical-analysis", "rf-from-two-distances"): lambda v: v["spot"] / v["front"],
    ("chemical-analysis", "rf-of-a-fast-dye"): lambda v: v["spot"] / v["front"],
    ("chemical-analysis", "solvent-front-height"): lambda v: math.sqrt(v["wicking"] * v["time"]),
    ("electrolysis-and-energetics", "energy-to-warm-a-solution"): lambda v: v["mass"] * 4.18 * v["rise"],
    ("electrolysis-and-energetics", "enthalpy-change-from-a-temperature-rise"):
        lambda v: -50 * 4.18 * v["rise"] / v["moles"] / 1000,
    ("electrolysis-and-energetics", "copper-deposited-by-a-current"):
        lambda v: v["current"] * v["time"] / FARADAY / 2 * 63.5,
    ("quantitative-chemistry", "concentration-of-a-solution"): lambda v: v["amount"] / v["volume"],
    ("quantitative-chemistry", "percentage-yield-of-a-preparation"): lambda v: 100 * v["actual"] / v["theoretical"],
    ("quantitative-chemistry", "volume-of-gas-at-rtp"): lambda v: 24.0 * v["amount"],
    ("rates-of-reaction", "hydrogen-from-magnesium"):
        lambda v: 24000 * min(v["magnesium"] / 24.3, v["acid"] * 0.050 / 2),
    ("rates-of-reaction", "hydrogen-when-the-acid-runs-out"):
        lambda v: 24000 * min(0.5 / 24.3, 0.5 * v["volume"] / 1000 / 2),
    ("rates-of-reaction", "rate-ratio-for-a-temperature-rise"):
        lambda v: math.exp(v["activation"] * 1000 / R * (1 / 293 - 1 / v["hot"])),
    ("equilibrium", "haber-kp-at-another-temperature"):
        lambda v: 4.51e-5 * math.exp(92.2e3 / R * (1 / v["temperature"] - 1 / 723.15)),
    ("equilibrium", "exothermic-k-on-cooling"):
        lambda v: v["k"] * math.exp(-v["enthalpy"] * 1000 / R * (1 / 400 - 1 / 500)),
    ("equilibrium", "endothermic-k-on-heating"):
        lambda v: v["k"] * math.exp(-57.2e3 / R * (1 / v["temperature"] - 1 / 298)),
    ("practical-work", "density-practical-result"): lambda v: v["mass"] / v["volume"],
    ("practical-work", "volume-of-a-measured-block"): lambda v: v["length"] * v["width"] * v["height"],
    ("practical-work", "rf-from-a-class-chromatogram"): lambda v: v["spot"] / v["front"],
    ("retrieval-practice", "retrieval-pendulum-period"): lambda v: 2 * math.pi * math.sqrt(v["length"] / G),
    ("retrieval-practice", "retrieval-temperature-rise"): lambda v: v["energy"] / (v["mass"] * 4200),
    ("retrieval-practice", "retrieval-concentration"): lambda v: v["amount"] / v["volume"],
    ("electricity-at-home", "energy-any-appliance"): lambda v: v["power"] * v["time"],
    ("electricity-at-home", "kwh-any-appliance"): lambda v: v["power"] * v["time"],
    ("electricity-at-home", "energy-any-charge"): lambda v: v["charge"] * v["pd"],
    ("electricity-at-home", "grid-heating-any-line"): lambda v: (v["power"] * 1e6 / (v["pd"] * 1e3)) ** 2
    * v["resistance"] / 1e3,
}

MODULE_BANKS = [name for name in packaged_bank_names() if name not in NOT_MODULE_BANKS]
SEEDS = range(12)


@functools.lru_cache(maxsize=None)
def parameterised(name):
    return tuple(question for question in load_packaged_bank(name) if isinstance(question, ParameterisedNumericQuestion))


@pytest.mark.parametrize("name", MODULE_BANKS)
def test_every_module_bank_has_enough_parameterised_questions(name):
    assert len(parameterised(name)) >= MINIMUM_PARAMETERISED


def test_chemistry_models_are_used():
    functions = {question.answer_function for name in MODULE_BANKS for question in parameterised(name)}
    assert any(function.startswith("stemcpd.chemistry.") for function in functions)
    assert any(function.startswith("stemcpd.physics.") for function in functions)


@pytest.mark.parametrize("name", MODULE_BANKS)
def test_answers_are_the_models_and_agree_with_the_stated_formula(name):
    for question in parameterised(name):
        module_name, function_name = question.answer_function.split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        formula = FORMULAS.get((question.topic, question.id))
        for seed in SEEDS:
            values = question.values(seed)
            instance = question.instance(seed)
            arguments = {key: values[value] if isinstance(value, str) else value for key, value in question.arguments}
            assert instance.answer == pytest.approx(float(function(**arguments)), rel=1e-12)
            if formula is not None:
                # The prompt's own numbers and formula give an answer the question accepts.
                by_hand = formula(values)
                assert abs(by_hand - instance.answer) <= instance.allowed_difference(), (question.id, values)
                assert instance.mark(f"{by_hand:.6g} {instance.unit}").correct, (question.id, values)
            for placeholder, value in values.items():
                assert question.variables[[v.name for v in question.variables].index(placeholder)].format(value) in instance.prompt


def test_new_parameterised_questions_all_have_a_formula_check():
    known = {(question.topic, question.id) for name in MODULE_BANKS for question in parameterised(name)}
    missing = set(FORMULAS) - known
    assert not missing, f"formula for a question that no longer exists: {missing}"


def test_answer_functions_come_from_the_simulation_registry():
    modules = allowed_modules()
    assert "stemcpd.chemistry.moles" in modules and "stemcpd.physics.pendulum" in modules
    assert resolve_answer_function("stemcpd.chemistry.moles:concentration")(0.1, 0.5) == pytest.approx(0.2)


@pytest.mark.parametrize("reference", ["os:system", "stemcpd.quiz.bank:load_bank", "stemcpd.physics.pendulum.app:APP",
                                       "stemcpd.chemistry:available", "stemcpd.physics.nonexistent:f", "subprocess:run"])
def test_anything_outside_the_model_packages_is_refused_before_import(reference, monkeypatch):
    imported = []
    real_import = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda name, *a: imported.append(name) or real_import(name, *a))
    with pytest.raises(AnswerFunctionError):
        resolve_answer_function(reference)
    assert reference.split(":")[0] not in imported
