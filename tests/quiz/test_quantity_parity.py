"""The browser marks typed quantities exactly as Python does (issue 12, item 2).

``static_quantity.js`` is generic: the unit table, prefixes, patterns and names come
from :func:`stemcpd.quiz.quantity.browser_data`. This runs one table of typed answers
(every case in ``quantity_cases.py`` plus the existing browser-agreement table) through
the JavaScript in Node and through :func:`stemcpd.quiz.quantity.mark_quantity`, and
requires the same verdict: correct, score, misconception and message.
"""

import json
import shutil
import subprocess
from dataclasses import asdict
from importlib import resources

import pytest

from quantity_cases import CASES, spec
from stemcpd.quiz import quantity
from stemcpd.quiz.questions import NumericQuestion

EXTRA_TYPED = [
    "2.01 s", "2.006 s", "2010 ms", "2.01e0 s", "2.01 × 10^0 s", "201 × 10^-2 s", "0.0335 min", "2.01 seconds",
    "2.01", "2.0 s", "2 s", "2.010 s", "20.1 s", "0.201 s", "2010 s", "2.01 m", "2.01 kg", "2.01 ms", "2.01 ms-1",
    "3 s", "1.5 s", "-2.01 s", "2,01 s", "", "   ", "s", "two", "2.01 furlongs", "2.01 s^", "2.01 m/s^2",
    "1e999 s", "2.01 (s", "2.01 s/", "2.01s", "+2.01 s", ".201e1 s", "2.01 S", "x" * 120, "2.01 h", "2.01 μs",
    "9.81 m/s^2", "9.81 m s^-2", "9.81 m/s²", "9.81 m·s⁻²", "9.81 N/kg", "981 cm/s^2", "9.81 m/s", "9.81",
    "98.1 m/s^2", "9.8 m s-2", "9.81 ms^-2", "981", "24.8 cm", "0.248 m", "248 mm", "2.48 m", "0.248",
    "19.2 degree", "19.2 °", "19.2", "0.335 rad", "19.2 degrees", "3.1 %", "3.125 percent", "3.125",
    "25 degC", "298 K", "0.1 mol/dm^3", "0.1 mol dm^-3", "100 mol/m^3", "0.1 M", "0.1 mol/L", "1e-320 km",
    "5e-324 m", "1e308 km", "10^3 s", "1 000 s", "1,000 s", "0,5 s", "KJ", "5 Kg", "5 hz", "5 Mj",
]
QUESTIONS = [
    NumericQuestion("time", "Period?", 2.006, "s", "1%", 3),
    NumericQuestion("acceleration", "g?", 9.81, "m/s^2", "1%"),
    NumericQuestion("length", "Length?", 0.2485, "m", "1%"),
    NumericQuestion("angle", "Angle?", 19.2, "degree", "2%"),
    NumericQuestion("share", "Share?", 3.125, "percent", "1%"),
    NumericQuestion("temperature", "Temperature?", 298.15, "K", 0.5),
    NumericQuestion("concentration", "Concentration?", 0.1, "mol/dm^3", "2%", 1),
    NumericQuestion("offset", "Celsius?", 25.0, "degC", 0.5),
    NumericQuestion("energy", "Energy in kJ?", 1.5, "kJ", "2%"),
]

RUNNER = """
const fs = require("fs");
globalThis.window = globalThis;
require("vm").runInThisContext(fs.readFileSync(process.argv[2], "utf8"), {filename: "static_quantity.js"});
const input = JSON.parse(fs.readFileSync(0, "utf8"));
window.stemcpdQuantity.configure(input.data);
const out = input.cases.map(([spec, typed]) => window.stemcpdQuantity.mark(spec, typed));
process.stdout.write(JSON.stringify(out));
"""


def browser_spec(question_spec):
    data = asdict(question_spec)
    return {"answer": data["answer"], "unit": data["unit"], "allowed": data["allowed"], "relative": data["relative"],
            "sigFigs": data["sig_figs"], "precision": data["precision"],
            "wrongAnswers": [{"value": w["value"], "misconception": w["misconception"], "feedback": w["feedback"]}
                             for w in data["wrong_answers"]],
            "prompt": data["prompt"], "example": data["example"], "modelAnswer": data["model_answer"]}


def test_browser_and_python_give_identical_verdicts(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("node is needed to run the browser's marker")
    pairs = [(case[0], case[1]) for case in CASES]
    pairs += [(quantity.spec_for(question), typed) for question in QUESTIONS for typed in EXTRA_TYPED]
    pairs += [(spec(0.25, "dimensionless", "1%"), "0.25"), (spec(0.25, "dimensionless", "1%"), "25 %")]
    # question_data is what the static quiz page carries: the same spec, as JSON.
    assert quantity.question_data(QUESTIONS[0]) == browser_spec(quantity.spec_for(QUESTIONS[0]))
    runner = tmp_path / "runner.js"
    runner.write_text(RUNNER, encoding="utf-8")
    script = resources.files("stemcpd.quiz").joinpath("static_quantity.js")
    payload = {"data": quantity.browser_data(), "cases": [[browser_spec(s), typed] for s, typed in pairs]}
    completed = subprocess.run(["node", str(runner), str(script)], input=json.dumps(payload), capture_output=True,
                               text=True, timeout=120, check=True)
    in_browser = json.loads(completed.stdout)
    disagreements = []
    for (question_spec, typed), browser in zip(pairs, in_browser, strict=True):
        python = quantity.mark_quantity(typed, question_spec)
        mine = (python.correct, python.score, python.misconception, python.message)
        theirs = (browser["correct"], browser["score"], browser["misconception"], browser["message"])
        if mine != theirs:
            disagreements.append((question_spec.unit, typed, mine, theirs))
    assert len(pairs) > 900
    assert disagreements == [], "\n".join(map(str, disagreements[:20]))
