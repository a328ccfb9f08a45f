"""Technician sheets as HTML: one fragment per practical, the same everywhere it appears.

:func:`sheet_html` writes a ``<section class="stemcpd-tech-sheet">`` that the site's
practical-work page, a workbook's "For technicians" cell and the standalone page of
``stemcpd technician`` all use. Every piece of text comes from the practical's YAML and
is escaped here, so a data file cannot inject markup. The standalone page
(:func:`sheet_page`) carries its own print style sheet (A4, one practical per page);
on the site ``stemcpd/site/static/stemcpd-practicals.css`` does the same job and
``stemcpd-practicals.js`` adds the print buttons.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from stemcpd.practicals import Practical, all_practicals

# Written for a white page (the standalone file and a notebook's output area); the site
# restyles these with the theme's variables so dark mode works there.
SHEET_CSS = """
.stemcpd-tech-sheet { font-size: 0.95rem; line-height: 1.45; }
.stemcpd-tech-sheet table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
.stemcpd-tech-sheet th, .stemcpd-tech-sheet td { border: 1px solid #767676; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
.stemcpd-tech-sheet td.number { text-align: right; white-space: nowrap; }
.stemcpd-tech-sheet th { background: #eef3f8; }
.stemcpd-tech-sheet .stemcpd-tech-ref { font-size: 0.9em; margin: 0; }
.stemcpd-tech-sheet .stemcpd-tech-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0.5em 0 1em; }
.stemcpd-tech-sheet .stemcpd-tech-facts dt { font-weight: 600; }
.stemcpd-tech-sheet .stemcpd-tech-facts dd { margin: 0; }
.stemcpd-tech-sheet .stemcpd-tech-check { border-left: 4px solid #D55E00; padding: 0.3em 0.7em; }
"""

PAGE_CSS = """
body { font-family: system-ui, sans-serif; color: #111; background: #fff; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
.stemcpd-tech-sheet + .stemcpd-tech-sheet { margin-top: 3em; border-top: 2px solid #555; padding-top: 1em; }
.stemcpd-print-bar { margin: 0 0 1em; }
.stemcpd-print-bar button { font: inherit; padding: 0.35em 0.9em; }
:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .stemcpd-print-bar { display: none; }
  .stemcpd-tech-sheet + .stemcpd-tech-sheet { break-before: page; page-break-before: always; border: 0; margin: 0; padding: 0; }
  .stemcpd-tech-sheet tr, .stemcpd-tech-sheet li { break-inside: avoid; }
  .stemcpd-tech-sheet th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def number_text(value: float) -> str:
    """A count or volume as a technician writes it: 10, 2.5, 0.5 (no trailing .0)."""
    return f"{value:g}"


def per_group_text(value: float) -> str:
    """The per-group column: a count, "1 between 2 groups" for a half, "shared" for none
    (an item the class shares, such as a kettle or balance)."""
    if value == 0:
        return "shared"
    if 0 < value < 1:
        return f"1 between {round(1 / value):g} groups"
    return number_text(value)


def _facts(practical: Practical, module_link: str, simulation_text: str) -> str:
    data = practical.data
    board = data["board"]
    rows = [
        ("Class", f"{data['class_size']} pupils in groups of {data['group_size']}: {practical.groups} sets"),
        ("Technician set-up", f"about {data['set_up_minutes']} minutes (plus any solutions made the day before)"),
        ("Lesson", f"about {data['lesson_minutes']} minutes of practical time"),
        ("Eye protection", data.get("eye_protection", "safety spectacles (BS EN 166 F) as the risk assessment requires")),
        ("Course module", module_link),
        ("Virtual practical", simulation_text),
    ]
    if board.get("other_boards"):
        rows.append(("Other boards", escape(board["other_boards"])))
    return "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)


def sheet_html(
    practical: Practical,
    *,
    heading_level: int = 2,
    module_href: Callable[[str], str | None] | None = None,
    show_module: bool = True,
) -> str:
    """The technician sheet for ``practical`` as an HTML fragment.

    Args:
        practical: the practical.
        heading_level: the level of the sheet's title (sections are one level below).
        module_href: gives the link to a module's page, or None where the module has no
            page yet (it is then shown as "planned"); None means no links (a standalone file).
        show_module: False inside the module's own workbook, where naming it is noise.
    """
    data = practical.data
    board = data["board"]
    level, sub = heading_level, heading_level + 1
    anchor = practical.sheet_anchor()
    combined = " Also required in AQA Combined Science: Trilogy (8464)." if board["combined_science"] else (
        f" Separate {practical.subject} (8463/8462) only, not combined science.")
    href = module_href(practical.module) if module_href else None
    if href:
        module_link = f"<a href=\"{escape(href)}\">{escape(practical.module)}</a>"
    elif module_href:
        module_link = f"{escape(practical.module)} (planned: being written)"
    else:
        module_link = f"{escape(practical.module)} (workbooks/{escape(practical.module)}.ipynb)"
    if practical.simulation:
        simulation_text = (f"<code>{escape(practical.simulation)}</code>: rehearse it first with "
                           f"<code>stemcpd app {escape(practical.simulation)}</code>")
    else:
        simulation_text = "none yet"
    if data.get("simulation_note"):
        simulation_text += f" ({escape(data['simulation_note'])})"
    if not show_module:
        module_link = "this module"

    parts = [
        f"<section class=\"stemcpd-tech-sheet\" id=\"{anchor}\" data-practical=\"{escape(practical.id)}\" "
        f"aria-labelledby=\"{anchor}-title\">",
        f"<p class=\"stemcpd-tech-ref\">{escape(practical.board_reference)}.{escape(combined)}</p>",
        f"<h{level} id=\"{anchor}-title\">Technician sheet: {escape(data['title'])}</h{level}>",
        f"<p><strong>Aim.</strong> {escape(data['aim'])}</p>",
        f"<dl class=\"stemcpd-tech-facts\">{_facts(practical, module_link, simulation_text)}</dl>",
        f"<h{sub}>Before the lesson</h{sub}><ol>",
        *(f"<li>{escape(step)}</li>" for step in data["before_the_lesson"]),
        "</ol>",
        f"<h{sub}>Equipment</h{sub}>",
        f"<table><caption class=\"visually-hidden\">Equipment for {escape(data['short_name'])}</caption>"
        f"<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Per group of {data['group_size']}</th>"
        f"<th scope=\"col\">Per class of {data['class_size']}</th><th scope=\"col\">Notes</th></tr></thead><tbody>",
    ]
    for line in practical.equipment():
        parts.append(
            f"<tr><td>{escape(line.item)}</td><td class=\"number\">{per_group_text(line.per_group)}</td>"
            f"<td class=\"number\">{number_text(line.per_class)}</td><td>{escape(line.note)}</td></tr>"
        )
    parts.append("</tbody></table>")
    solutions = data.get("solutions") or []
    parts.append(f"<h{sub}>Solutions</h{sub}>")
    if solutions:
        parts.append(
            "<table><thead><tr><th scope=\"col\">Solution</th><th scope=\"col\">Concentration</th>"
            "<th scope=\"col\">Per group / cm³</th><th scope=\"col\">Make up / cm³</th>"
            "<th scope=\"col\">How to make it</th><th scope=\"col\">Hazard at this concentration</th></tr></thead><tbody>"
        )
        for solution in solutions:
            parts.append(
                f"<tr><td>{escape(solution['name'])}</td><td>{escape(solution['concentration'])}</td>"
                f"<td class=\"number\">{number_text(solution['per_group_cm3'])}</td>"
                f"<td class=\"number\">{number_text(solution['make_up_cm3'])}</td>"
                f"<td>{escape(solution['how_to_make'])}</td><td>{escape(solution['hazard_at_this_concentration'])}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append("<p>No solutions to make up for this practical.</p>")
    parts += [
        f"<h{sub}>Hazards and control measures</h{sub}>",
        "<table><thead><tr><th scope=\"col\">Hazard</th><th scope=\"col\">Control measures</th>"
        "<th scope=\"col\">Reference</th></tr></thead><tbody>",
        *(f"<tr><td>{escape(row['hazard'])}</td><td>{escape(row['control'])}</td>"
          f"<td>{escape(row.get('reference', ''))}</td></tr>" for row in data["hazards"]),
        "</tbody></table>",
        f"<h{sub}>Disposal</h{sub}><ul>",
        *(f"<li>{escape(item)}</li>" for item in data["disposal"]),
        "</ul>",
        f"<h{sub}>Common failures and fixes</h{sub}>",
        "<table><thead><tr><th scope=\"col\">What goes wrong</th><th scope=\"col\">Fix</th></tr></thead><tbody>",
        *(f"<tr><td>{escape(row['problem'])}</td><td>{escape(row['fix'])}</td></tr>" for row in data["common_failures"]),
        "</tbody></table>",
        "<p class=\"stemcpd-tech-check\">This sheet supports, and does not replace, your employer's risk assessment: "
        "check it against the current CLEAPSS Hazcards, Recipe Book and Laboratory Handbook (or SSERC in Scotland) "
        "and adapt it to your class and room.</p>",
        "</section>",
    ]
    return "\n".join(parts)


class TechnicianSheet:
    """What a workbook cell shows: the sheet, with its own small style sheet."""

    def __init__(self, practical: Practical):
        self.practical = practical

    def _repr_html_(self) -> str:
        return f"<style>{SHEET_CSS}</style>" + sheet_html(self.practical, heading_level=4, show_module=False)

    def __repr__(self) -> str:
        return f"Technician sheet: {self.practical.title} ({self.practical.board_reference})"


def sheet_page(practicals: list[Practical] | None = None) -> str:
    """A standalone, print-ready HTML page: one practical's sheet, or several (one per A4 page)."""
    chosen = list(practicals) if practicals is not None else list(all_practicals())
    title = (f"Technician sheet: {chosen[0].title}" if len(chosen) == 1
             else "Technician sheets: GCSE required practicals")
    body = "\n".join(sheet_html(practical) for practical in chosen)
    return (
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{SHEET_CSS}{PAGE_CSS}"
        ".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }"
        "</style></head><body><main>"
        "<p class=\"stemcpd-print-bar\"><button type=\"button\" onclick=\"window.print()\">Print</button> "
        "(A4; each practical starts a new page)</p>"
        f"{body}</main></body></html>"
    )


def technician_command(practical_id: str | None, output: str | None, every: bool = False) -> str:
    """What ``stemcpd technician`` does: list the practicals, or write sheet(s) to a file.

    Returns the message to print. Raises :class:`stemcpd.practicals.PracticalError` for an
    unknown id (nothing is written).
    """
    from pathlib import Path

    from stemcpd.practicals import get_practical

    if not practical_id and not every:
        lines = ["Required practicals with technician sheets (stemcpd technician ID [-o FILE]):"]
        for practical in all_practicals():
            lines.append(f"  {practical.id:38} AQA {practical.data['board']['specification']} RP {practical.number}: "
                         f"{practical.data['short_name']}")
        lines.append("  --all writes every sheet into one file, one practical per printed page.")
        return "\n".join(lines)
    chosen = list(all_practicals()) if every else [get_practical(practical_id)]
    default = "technician-sheets.html" if every else f"{chosen[0].id}-technician-sheet.html"
    path = Path(output or default)
    path.write_text(sheet_page(chosen), encoding="utf-8")
    what = f"{len(chosen)} technician sheets" if every else "Technician sheet"
    return f"{what}: {path.resolve()} (open it in a browser and print on A4)"
