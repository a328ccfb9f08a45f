"""Print-ready worksheets for virtual practicals.

:func:`practical_worksheet` turns a simulation's seeded ``virtual_practical()`` into a
page a class can work from: the results table, a graph grid, analysis questions, and a
teacher's page naming the systematic error the data contain. Each seed gives a
different but reproducible set of "class results", so groups can get different data.
"""

from __future__ import annotations

import html
import importlib

from stemcpd import simulations
from stemcpd.practical import Instrument

_CSS = """
body { font-family: system-ui, sans-serif; font-size: 13pt; color: #111; max-width: 48em; margin: 1.5em auto; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } .meta { color: #333; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.95em; }
th, td { border: 1px solid #555; padding: 0.25em 0.5em; text-align: right; }
th { background: #eef3f8; } caption { font-weight: bold; margin-bottom: 0.3em; text-align: left; }
.grid { height: 14cm; border: 1px solid #555; margin: 0.6em 0;
        background-image: linear-gradient(#bbb 1px, transparent 1px), linear-gradient(90deg, #bbb 1px, transparent 1px);
        background-size: 5mm 5mm; }
ol li { margin-bottom: 2.2em; }
.teacher { break-before: page; page-break-before: always; }
@page { size: A4; margin: 15mm; }
"""

QUESTIONS = (
    "Look at the table. Which variable was changed (independent), which was measured (dependent), and which were kept the same?",
    "Where there are repeats, find the mean of each row and the uncertainty (half the range of the repeats).",
    "Plot a graph of the dependent variable against the independent variable on the grid. Choose scales that use most of the grid, and label each axis with the quantity and its unit.",
    "Draw a line or curve of best fit. Describe the relationship it shows.",
    "If the line is straight, find its gradient (show the triangle you used) and its intercept. What does the gradient tell you?",
    "Does the line pass through the origin? If the theory says it should, what kind of error could shift it, and which direction?",
    "Suggest one change to the method that would reduce the random error, and one that would remove the systematic error.",
)


def practical_worksheet(name: str, seed: int = 0) -> str:
    """A print-ready HTML worksheet from simulation ``name``'s virtual practical.

    Raises:
        ValueError: when the simulation has no virtual practical (the message lists those that do).
    """
    with_practicals = practicals_available()
    if name not in with_practicals:
        raise ValueError(f"no virtual practical for {name!r}; choose from {', '.join(with_practicals)}")
    model = importlib.import_module(simulations.get(name).app_module.rsplit(".", 1)[0] + ".model")
    table = model.virtual_practical(seed=seed)
    notes = sorted({
        value.systematic_note for value in vars(model).values()
        if isinstance(value, Instrument) and value.systematic_note
    })
    title = getattr(table, "title", f"Virtual practical: {name}")
    questions = "".join(f"<li>{html.escape(q)}</li>" for q in QUESTIONS)
    teacher_notes = "".join(f"<li>{html.escape(note)}</li>" for note in notes) or (
        "<li>See the table's title and the simulation's model note for the error built into these data.</li>"
    )
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1>"
        "<p class='meta'>Name: ______________________ &nbsp; Class: ________ &nbsp; Date: ____________</p>"
        "<p>These are a class's results from this practical. Analyse them as if you had taken them.</p>"
        f"{table.to_html()}"
        "<div class='grid' role='img' aria-label='Graph grid for plotting the results'></div>"
        f"<h2>Questions</h2><ol>{questions}</ol>"
        "<section class='teacher'><h2>For the teacher</h2>"
        f"<p>Simulation: <code>{html.escape(name)}</code>, seed {seed} (the same seed gives the same data; "
        "another seed gives another group's data). The data contain realistic instrument resolution, "
        "random scatter and this systematic error:</p>"
        f"<ul>{teacher_notes}</ul>"
        f"<p>Open the simulation with <code>stemcpd app {html.escape(name)}</code> to show the true values.</p>"
        "</section></main></body></html>"
    )


def practicals_available() -> list[str]:
    """Names of the simulations whose model has a ``virtual_practical``."""
    names = []
    for name, simulation in simulations.available().items():
        model = importlib.import_module(simulation.app_module.rsplit(".", 1)[0] + ".model")
        if callable(getattr(model, "virtual_practical", None)):
            names.append(name)
    return names
