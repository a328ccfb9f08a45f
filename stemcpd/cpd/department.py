"""The department view: a head of science's one-page summary for a line-management meeting.

``stemcpd report --department FILES… -o department.html`` reads the department's exported
records (the same files a trainer's group report reads, checked the same hostile-file
way by :func:`stemcpd.cpd.report.load_records`) and prints, per teacher and for the
department:

* **needs analysis**: the modules each teacher's diagnostic answers point to first
  (:mod:`stemcpd.quiz.diagnostic`), and how many teachers share each need, because the
  programmes this course follows credit precise departmental needs analysis;
* **modules done**: started and completed (action plan, quiz and reflection written);
* **actions planned**: what each teacher will do differently and when they review it;
* **impact recorded**: the effect chosen per circle (never read from text, see
  :mod:`stemcpd.cpd.impact`) and impact records due.

The page is self-contained HTML with print CSS for A4, so it prints or saves as PDF from
any browser.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
import html
from types import SimpleNamespace

from stemcpd.cpd.followup import impact_due
from stemcpd.cpd.impact import STATUS_LABELS, EffectCounts, headline_figures, teacher_statuses
from stemcpd.cpd.report import LoadResult, impact_html, latest_texts

NEEDS_SHOWN = 3
"""How many of a teacher's weakest modules count as their needs."""


@dataclass(frozen=True)
class PlannedAction:
    module: str
    planned_change: str
    review_on: date
    review_set_by_teacher: bool
    state: str  # due | upcoming | later | done (see stemcpd.cpd.followup.ImpactDue)


@dataclass(frozen=True)
class TeacherSummary:
    name: str
    needs: tuple[str, ...]  # module ids, weakest first; empty if no diagnostic taken
    diagnostic_taken: bool
    started: tuple[str, ...]
    completed: tuple[str, ...]
    actions: tuple[PlannedAction, ...]
    impact: dict[str, str]  # circle key -> status
    impact_due: int


@dataclass
class DepartmentReport:
    teachers: list[TeacherSummary]
    skipped: list[tuple[str, str]]
    shared_needs: list[tuple[str, int]]  # (module, teachers), most shared first
    modules_done: dict[str, tuple[int, int]]  # module -> (started, completed)
    impact: dict[str, EffectCounts]
    impact_levels: dict[int, EffectCounts] = field(default_factory=dict)


def _needs(attempts) -> tuple[tuple[str, ...], bool]:
    from stemcpd.quiz.diagnostic import BANK_NAME, assess

    latest: dict[str, SimpleNamespace] = {}
    confidences: dict[str, str | None] = {}
    for attempt in attempts:
        if attempt.get("bank_topic") == BANK_NAME:
            latest[str(attempt["question_id"])] = SimpleNamespace(
                score=float(attempt.get("score", 0)), correct=bool(attempt.get("correct")),
                misconception=attempt.get("misconception"))
            confidences[str(attempt["question_id"])] = attempt.get("confidence")
    if not latest:
        return (), False
    needs = [need.module for need in assess(latest, confidences) if need.wrong]
    return tuple(needs[:NEEDS_SHOWN]), True


def summarise_department(loaded: LoadResult, today: date | None = None) -> DepartmentReport:
    """Per-teacher and department figures from loaded records."""
    from stemcpd.cpd.prompts import IMPACT_CIRCLE_KEYS, IMPACT_CIRCLES

    today = today or datetime.now(timezone.utc).date()
    teachers, impact_records = [], []
    needs_count: Counter = Counter()
    started_count: Counter = Counter()
    completed_count: Counter = Counter()
    for person in loaded.participants:
        needs, taken = _needs(person.attempts)
        needs_count.update(needs)
        quiz_modules = {str(a["module"]) for a in person.attempts if a.get("bank_topic") != "needs-analysis"}
        written = {kind: {module for module, texts in latest_texts(person.entries, kind).items()
                          if any(text.strip() for text in texts.values())}
                   for kind in ("action_plan", "reflection", "impact_record")}
        started = sorted((quiz_modules | written["action_plan"] | written["reflection"] | written["impact_record"])
                         - {"needs-analysis"})
        completed = sorted(module for module in started
                           if module in quiz_modules and module in written["action_plan"]
                           and module in written["reflection"])
        started_count.update(started)
        completed_count.update(completed)
        plans = latest_texts(person.entries, "action_plan")
        actions = tuple(
            PlannedAction(item.review.module, plans.get(item.review.module, {}).get("planned_change", "").strip(),
                          item.review.on, item.review.set_by_teacher, item.state)
            for item in impact_due(person.entries, today)
        )
        records = list(latest_texts(person.entries, "impact_record").values())
        impact_records.append(records)
        teachers.append(TeacherSummary(
            name=person.name, needs=needs, diagnostic_taken=taken, started=tuple(started),
            completed=tuple(completed), actions=actions, impact=teacher_statuses(records),
            impact_due=sum(action.state == "due" for action in actions),
        ))
    figures = headline_figures(impact_records)
    modules = sorted(set(started_count) | set(completed_count))
    return DepartmentReport(
        teachers=teachers,
        skipped=list(loaded.skipped),
        shared_needs=sorted(needs_count.items(), key=lambda item: (-item[1], item[0])),
        modules_done={module: (started_count[module], completed_count[module]) for module in modules},
        impact={circle: figures[IMPACT_CIRCLE_KEYS[circle]] for circle in IMPACT_CIRCLES},
        impact_levels={number: figures[f"level{number}"] for number in range(1, 6)},
    )


_CSS = """
body { font-family: system-ui, sans-serif; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.4; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #0072B2; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 0.95em; }
th, td { border: 1px solid #777; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #e8f1f8; } .meta { color: #333; } .due { font-weight: bold; }
@page { size: A4 landscape; margin: 14mm; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } }
"""


def to_html(report: DepartmentReport, title: str = "Science department CPD", generated: date | None = None) -> str:
    """The department view as a printable, self-contained HTML page."""
    from stemcpd.cpd.record import module_title

    generated = generated or datetime.now(timezone.utc).date()
    n = len(report.teachers)
    e = html.escape
    parts = [f"<header><h1>{e(title)}</h1><p class='meta'>{n} teachers · generated {generated.day} "
             f"{generated:%B %Y} · for a line-management meeting: needs, modules, actions and impact.</p></header>"]
    if report.skipped:
        items = "".join(f"<li><code>{e(path)}</code> {e(reason)}</li>" for path, reason in report.skipped)
        parts.append(f"<section><h2>Files skipped</h2><ul>{items}</ul></section>")
    taken = sum(teacher.diagnostic_taken for teacher in report.teachers)
    needs = "".join(f"<tr><td>{e(module_title(module))}</td><td>{count} of {taken}</td></tr>"
                    for module, count in report.shared_needs)
    parts.append(
        "<section><h2>Needs analysis across the department</h2>"
        f"<p>{taken} of {n} teachers took the diagnostic. Modules their answers point to first "
        f"(each teacher's {NEEDS_SHOWN} weakest), by how many teachers share the need:</p>"
        + (f"<table><thead><tr><th scope='col'>Module</th><th scope='col'>Teachers with this need</th></tr></thead>"
           f"<tbody>{needs}</tbody></table>" if needs else "<p>No shared needs found yet.</p>")
        + "</section>")
    rows = "".join(f"<tr><td>{e(module_title(module))}</td><td>{started}</td><td>{completed}</td></tr>"
                   for module, (started, completed) in report.modules_done.items())
    parts.append("<section><h2>Modules done</h2>"
                 + (f"<table><thead><tr><th scope='col'>Module</th><th scope='col'>Started</th>"
                    f"<th scope='col'>Completed</th></tr></thead><tbody>{rows}</tbody></table>" if rows
                    else "<p>No module started yet.</p>") + "</section>")
    teacher_rows = []
    for teacher in report.teachers:
        need_text = ", ".join(module_title(module) for module in teacher.needs) or (
            "no weak areas" if teacher.diagnostic_taken else "diagnostic not taken")
        impact = "; ".join(f"{key}: {STATUS_LABELS[status].split(' (')[0].lower()}"
                           for key, status in teacher.impact.items() if not key.startswith("level"))
        due = f"<span class='due'>{teacher.impact_due} due</span>" if teacher.impact_due else "none due"
        teacher_rows.append(
            f"<tr><th scope='row'>{e(teacher.name)}</th><td>{e(need_text)}</td>"
            f"<td>{len(teacher.completed)} of {len(teacher.started)}</td><td>{len(teacher.actions)}</td>"
            f"<td>{e(impact)}</td><td>{due}</td></tr>")
    parts.append(
        "<section><h2>Teachers</h2><table><thead><tr><th scope='col'>Teacher</th><th scope='col'>Needs (first)</th>"
        "<th scope='col'>Modules completed</th><th scope='col'>Action plans</th><th scope='col'>Effect chosen "
        f"(me; colleagues; pupils)</th><th scope='col'>Impact records</th></tr></thead><tbody>{''.join(teacher_rows)}"
        "</tbody></table></section>")
    action_rows = "".join(
        f"<tr><td>{e(teacher.name)}</td><td>{e(module_title(action.module))}</td>"
        f"<td>{e(action.planned_change) or '<em>not written</em>'}</td>"
        f"<td>{action.review_on.day} {action.review_on:%b %Y}"
        f"{'' if action.review_set_by_teacher else ' (default)'}</td><td>{e(action.state)}</td></tr>"
        for teacher in report.teachers for action in teacher.actions)
    parts.append(
        "<section><h2>Actions planned</h2>"
        + (f"<table><thead><tr><th scope='col'>Teacher</th><th scope='col'>Module</th><th scope='col'>What they will "
           "do differently</th><th scope='col'>Review</th><th scope='col'>Impact record</th></tr></thead>"
           f"<tbody>{action_rows}</tbody></table>" if action_rows else "<p>No action plans yet.</p>")
        + "</section>")
    if n:
        parts.append(impact_html(report.impact, report.impact_levels, n))
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>{_CSS}</style></head><body><main>{''.join(parts)}</main></body></html>")
