"""The trainer's pack: everything for one module's session in one folder that works offline.

``stemcpd slides MODULE --pack DIR`` writes

* ``index.html``: what is in the pack and the order to use it in;
* ``session-plan.html``: one printable page, the route with start and end times, what the
  trainer does, what to prepare and send beforehand (:mod:`stemcpd.deck.route`);
* ``slides/``: the deck with its hinge questions and live simulations (reveal.js,
  MathJax and the player beside it);
* ``retrieval-starter.html``: printable questions from the module's bank, answers on the
  last page (:mod:`stemcpd.quiz.starter`);
* ``worksheet-<simulation>.html``: a worksheet with a class's results for each virtual
  practical the module uses (:mod:`stemcpd.printables`);
* ``technician-<practical>.html``: the technician's sheet for each required practical the
  module covers (:mod:`stemcpd.practicals`).

Nothing in the pack loads anything from another host.
"""

from __future__ import annotations

from dataclasses import dataclass
import html
from pathlib import Path
import re

import nbformat

_PAGE_CSS = """
body { font: 16px/1.45 system-ui, sans-serif; color: #222; background: #fff; margin: 0; }
main { max-width: 60em; margin: 0 auto; padding: 1.2em; }
h1 { font-size: 1.6em; margin: 0 0 0.3em; } h2 { font-size: 1.2em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
  padding: 0.35em 0.5em; border-bottom: 1px solid #bbb; } th { background: #eef3f7; }
.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
a { color: #0a5a8c; } a:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.meta { color: #555; }
@media (prefers-color-scheme: dark) { body { color: #e8e8e8; background: #14181b; } th { background: #23303a; }
  a { color: #7cc3f0; } .meta { color: #c0c0c0; } }
@media print { body { font-size: 11pt; } main { max-width: none; padding: 0; } a { color: inherit; }
  @page { margin: 1.5cm; } }
"""


@dataclass(frozen=True)
class PackItem:
    """One file in the pack: its path inside the pack and what it is for."""

    path: str
    title: str
    purpose: str


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_PAGE_CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def module_facts(notebook) -> dict:
    """What the pack needs from a workbook: title, minutes, bank and simulations."""
    from stemcpd.ui.static import parse_placeholders

    first = notebook.cells[0].source if notebook.cells else ""
    title = re.sub(r"^#\s*", "", first.splitlines()[0]).strip() if first else "Workshop"
    minutes = re.search(r"\*\*Time:\*\*\s*about\s*(\d+)", first)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    bank = re.search(r"""\.quiz\(\s*["']([a-z0-9-]+)["']""", code)
    simulations: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/html", "")
            for simulation, _settings, _tag in parse_placeholders("".join(text) if isinstance(text, list) else text):
                if simulation not in simulations:
                    simulations.append(simulation)
    return {"title": title, "self_paced_minutes": int(minutes.group(1)) if minutes else None,
            "bank": bank.group(1) if bank else None, "simulations": simulations}


def session_plan_html(module_id: str, facts: dict, items: list[PackItem], site_url: str | None = None) -> str:
    """The one-page plan: the route's times, what the trainer does, what to prepare."""
    from stemcpd.deck.route import ROUTE, SESSION_MINUTES

    rows, start = [], 0
    for step in ROUTE:
        when = f"{start}–{start + step.minutes} min" if step.minutes else "3–6 weeks later"
        rows.append(f'<tr><td class="time">{when}</td><th scope="row">{html.escape(step.activity)}</th>'
                    f"<td>{html.escape(step.note)}</td></tr>")
        start += step.minutes
    title = html.escape(facts["title"])
    site = (f'<a href="{html.escape(site_url, quote=True)}">{html.escape(site_url)}</a>' if site_url
            else "the course site's page for this module")
    prepare = [
        f"Send participants the link to {site} a few days before, with the needs analysis (“Where to start”).",
        "Print the retrieval starter (one per participant) and, for the practical, the worksheet.",
        "Give the technician sheet to the technician at least a week before, if the session includes the practical.",
        "Open the slides on the presenting computer from this folder; press F for full screen and S for these "
        "timings in the speaker view.",
    ]
    files = "".join(f'<li><a href="{html.escape(item.path, quote=True)}">{html.escape(item.title)}</a>: '
                    f"{html.escape(item.purpose)}</li>" for item in items if item.path != "session-plan.html")
    return _page(f"Session plan: {facts['title']}", (
        f"<h1>Session plan: {title}</h1>"
        f'<p class="meta">Module <code>{html.escape(module_id)}</code> · a {SESSION_MINUTES}-minute workshop '
        "(60 minutes: set the action plan as pre-work and skip the practical walk-through; 90 minutes: pairs plan "
        "the lesson they will teach with the simulation and the hinge question they will use).</p>"
        '<h2>Timings</h2><table><thead><tr><th scope="col">When</th><th scope="col">Activity</th>'
        f'<th scope="col">What you do</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"<h2>Before the session</h2><ul>{''.join(f'<li>{line}</li>' for line in prepare)}</ul>"
        f"<h2>In this pack</h2><ul>{files}</ul>"
        "<h2>After the session</h2><p>Collect participants' record files and run "
        "<code>stemcpd report records/*.json -o report.html --pseudonymise</code> for the group's results; "
        "book the follow-up for the impact record.</p>"))


def _technician_sheets(module_id: str) -> list[tuple[str, str, str]]:
    """``(file stem, title, HTML)`` of each technician sheet for ``module_id``'s required
    practicals (:mod:`stemcpd.practicals`), each a print-ready page."""
    from stemcpd.practicals import practicals_for_module
    from stemcpd.practicals.sheet import sheet_page

    return [(practical.id, practical.title, sheet_page([practical])) for practical in practicals_for_module(module_id)]


def write_pack(workbook: Path, folder: Path, executed=None, site_url: str | None = None, log=print) -> list[PackItem]:
    """Write the trainer's pack for ``workbook`` into ``folder``; return what was written.

    Args:
        workbook: ``workbooks/<module>.ipynb``.
        folder: the pack's folder (created; files in it are replaced).
        executed: an already executed copy of the workbook (else it is run now).
        site_url: the course site's address for this module, printed on the plan.
        log: where progress lines go.
    """
    from stemcpd.printables import practical_worksheet, practicals_available
    from stemcpd.quiz.starter import retrieval_starter
    from stemcpd.slides import build_slides, execute

    workbook = Path(workbook)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    module_id = workbook.stem
    if executed is None:
        log(f"Running {module_id} to build its slides…")
        executed = execute(nbformat.read(workbook, as_version=4), workbook.parent)
    facts = module_facts(executed)
    items: list[PackItem] = []

    slides = build_slides(workbook, folder / "slides", executed=executed, log=log)
    items.append(PackItem(f"slides/{slides.name}", "Slides",
                          "the session's deck: hinge questions, live simulations, trainer notes (press S)"))
    if facts["bank"]:
        starter = folder / "retrieval-starter.html"
        starter.write_text(retrieval_starter({"last_lesson": facts["bank"]}, count=6, seed=0,
                                             title=f"Retrieval starter: {facts['title']}"), encoding="utf-8")
        items.append(PackItem(starter.name, "Retrieval starter",
                              "six questions from the module's bank to print, answers on the last page"))
    with_practicals = set(practicals_available())
    for simulation in facts["simulations"]:
        if simulation in with_practicals:
            sheet = folder / f"worksheet-{simulation}.html"
            sheet.write_text(practical_worksheet(simulation, seed=0), encoding="utf-8")
            items.append(PackItem(sheet.name, f"Worksheet: {simulation}",
                                  "a class's results from the virtual practical, to analyse; teacher's notes last"))
    for stem, title, page in _technician_sheets(module_id):
        sheet = folder / f"technician-{stem}.html"
        sheet.write_text(page, encoding="utf-8")
        items.append(PackItem(sheet.name, f"Technician sheet: {title}",
                              "equipment per group and per class, recipes, hazards, disposal, set-up time"))
    items.append(PackItem("session-plan.html", "Session plan", "one printable page: timings and preparation"))
    (folder / "session-plan.html").write_text(session_plan_html(module_id, facts, items, site_url), encoding="utf-8")

    listing = "".join(f'<li><a href="{html.escape(item.path, quote=True)}">{html.escape(item.title)}</a>: '
                      f"{html.escape(item.purpose)}</li>" for item in items)
    (folder / "index.html").write_text(_page(f"Trainer's pack: {facts['title']}", (
        f"<h1>Trainer's pack: {html.escape(facts['title'])}</h1>"
        "<p>Everything for the session, working from this folder with no network: copy it to a USB stick or "
        f"a shared drive. Start with the session plan.</p><ul>{listing}</ul>")), encoding="utf-8")
    return [PackItem("index.html", "Contents", "this list"), *items]
