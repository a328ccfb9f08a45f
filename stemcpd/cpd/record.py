"""A teacher's CPD record, summarised from the progress store and exported.

:func:`summarise` turns everything in a :class:`~stemcpd.cpd.store.ProgressStore` into
one :class:`ModuleRecord` per module: quiz results (latest answer per question, the
misconceptions wrong answers revealed, confident errors), the action plan, reflection
and impact record (grouped into the CPD Impact Toolkit's three circles), an estimate of
time spent and whether the module is complete. :func:`to_html` renders a print-ready
page a teacher can show as evidence of professional learning; :func:`to_json` writes
the portable record a trainer's group report reads; :func:`to_pdf` prints the page to
PDF with a headless Chromium where one is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
import html
import json
from pathlib import Path

from stemcpd.cpd.store import Attempt, Entry, ProgressStore

RECORD_FORMAT = "stemcpd-record"
RECORD_VERSION = 1
SESSION_GAP = timedelta(minutes=30)  # a longer pause starts a new study session
SESSION_LEAD_IN = timedelta(minutes=5)  # reading before the first saved answer


@dataclass(frozen=True)
class QuizSummary:
    """Quiz results of one module (latest answer to each question counts)."""

    questions_answered: int
    questions_correct: int
    attempts: int
    confident_errors: int
    misconceptions: tuple[str, ...]

    @property
    def percent_correct(self) -> float:
        return 100.0 * self.questions_correct / self.questions_answered if self.questions_answered else 0.0


@dataclass(frozen=True)
class ModuleRecord:
    """Everything recorded for one module."""

    module: str
    title: str
    first_activity: datetime
    last_activity: datetime
    minutes_spent: int
    quiz: QuizSummary
    action_plan: dict[str, str] = field(default_factory=dict)
    reflection: dict[str, str] = field(default_factory=dict)
    impact_record: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Action plan written, quiz attempted and reflection written."""
        return bool(self.action_plan) and self.quiz.attempts > 0 and bool(self.reflection)

    @property
    def status(self) -> str:
        if self.complete and self.impact_record:
            return "complete, impact recorded"
        if self.complete:
            return "complete; impact record to come"
        return "in progress"


def module_title(module: str, root: Path | None = None) -> str:
    """The module's title: the first heading of ``workbooks/<module>.ipynb`` if the course
    is at ``root``, otherwise the id made readable ("physics-pendulum" → "Physics: pendulum")."""
    if root is not None:
        path = root / "workbooks" / f"{module}.ipynb"
        if path.is_file():
            try:
                cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
                first = "".join(cells[0]["source"]).splitlines()[0]
                if first.startswith("# "):
                    return first[2:].strip()
            except (ValueError, KeyError, IndexError):
                pass
    subject, _, topic = module.partition("-")
    return f"{subject.capitalize()}: {topic.replace('-', ' ')}" if topic else module


def misconception_name(misconception_id: str) -> str:
    """A misconception id as a teacher reads it: "heavier-swings-faster" → "Heavier swings faster"."""
    text = " ".join(word for word in misconception_id.replace("_", "-").split("-") if word)
    return text[:1].upper() + text[1:]


def _misconceptions_html(ids: tuple[str, ...]) -> str:
    """The misconceptions wrong answers showed, by name with the catalogue's description."""
    if not ids:
        return ""
    try:
        from stemcpd.quiz.catalogue import catalogue

        described = catalogue()
    except Exception:  # noqa: BLE001 - the record must print even if the catalogue cannot load
        described = {}
    items = "".join(
        f"<li><strong>{html.escape(misconception_name(identifier))}</strong>"
        + (f": {html.escape(described[identifier].description)}" if identifier in described else "")
        + "</li>"
        for identifier in ids
    )
    return f"<p>Misconceptions my wrong answers showed:</p><ul>{items}</ul>"


def estimate_minutes(times: list[datetime]) -> int:
    """Study time from activity times: pauses over 30 minutes split sessions, and each
    session gets 5 minutes of reading before its first saved answer."""
    if not times:
        return 0
    times = sorted(times)
    total = SESSION_LEAD_IN
    for before, after in zip(times, times[1:]):
        gap = after - before
        total += gap if gap <= SESSION_GAP else SESSION_LEAD_IN
    return round(total.total_seconds() / 60)


def _quiz_summary(attempts: list[Attempt]) -> QuizSummary:
    latest: dict[tuple[str, str], Attempt] = {}
    for attempt in attempts:  # stored in order, so the last one wins
        latest[(attempt.bank_topic, attempt.question_id)] = attempt
    misconceptions = []
    for attempt in attempts:
        if attempt.misconception and attempt.misconception not in misconceptions:
            misconceptions.append(attempt.misconception)
    return QuizSummary(
        questions_answered=len(latest),
        questions_correct=sum(attempt.correct for attempt in latest.values()),
        attempts=len(attempts),
        confident_errors=sum(1 for a in attempts if not a.correct and a.confidence == "sure"),
        misconceptions=tuple(misconceptions),
    )


def _latest(entries: list[Entry], kind: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for entry in entries:
        if entry.kind == kind:
            texts[entry.field] = entry.text
    return {name: text for name, text in texts.items() if text.strip()}


def summarise(store: ProgressStore, root: Path | None = None) -> list[ModuleRecord]:
    """One record per module with any activity, most recently active first."""
    attempts, entries = store.attempts(), store.entries()
    modules = sorted({a.module for a in attempts} | {e.module for e in entries})
    records = []
    for module in modules:
        module_attempts = [a for a in attempts if a.module == module]
        module_entries = [e for e in entries if e.module == module]
        times = [a.answered_at for a in module_attempts] + [e.saved_at for e in module_entries]
        records.append(ModuleRecord(
            module=module,
            title=module_title(module, root),
            first_activity=min(times),
            last_activity=max(times),
            minutes_spent=estimate_minutes(times),
            quiz=_quiz_summary(module_attempts),
            action_plan=_latest(module_entries, "action_plan"),
            reflection=_latest(module_entries, "reflection"),
            impact_record=_latest(module_entries, "impact_record"),
        ))
    return sorted(records, key=lambda record: record.last_activity, reverse=True)


def to_json(store: ProgressStore, participant: str = "me") -> dict:
    """The portable record (every attempt and entry) for a trainer's group report."""
    return {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "participant": participant,
        "exported_at": datetime.now(timezone.utc).isoformat(),
        "attempts": [
            {"module": a.module, "bank_topic": a.bank_topic, "question_id": a.question_id,
             "response": a.response, "correct": a.correct, "score": a.score,
             "misconception": a.misconception, "confidence": a.confidence,
             "answered_at": a.answered_at.isoformat()}
            for a in store.attempts()
        ],
        "entries": [
            {"module": e.module, "kind": e.kind, "field": e.field, "text": e.text, "saved_at": e.saved_at.isoformat()}
            for e in store.entries()
        ],
    }


_PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 52em;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 2px solid #0072B2; }
h3 { margin-bottom: 0.2em; } .meta { color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #777; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #e8f1f8; }
.status { font-weight: bold; } .empty { color: #555; font-style: italic; }
dl dt { font-weight: bold; margin-top: 0.4em; } dl dd { margin-left: 1em; white-space: pre-wrap; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: auto; } section { break-inside: avoid-page; } }
"""


def _fields_html(texts: dict[str, str], prompts) -> str:
    if not texts:
        return '<p class="empty">Not written yet.</p>'
    labels = {prompt.field: prompt.label for prompt in prompts}
    items = "".join(
        f"<dt>{html.escape(labels.get(name, name.replace('_', ' ').capitalize()))}</dt><dd>{html.escape(text)}</dd>"
        for name, text in texts.items()
    )
    return f"<dl>{items}</dl>"


def _impact_html(texts: dict[str, str]) -> str:
    from stemcpd.cpd.impact import STATUS_LABELS, circle_status
    from stemcpd.cpd.prompts import IMPACT_CIRCLES, IMPACT_EFFECT_PROMPTS, IMPACT_RECORD_PROMPTS, level_effect_field

    if not texts:
        return '<p class="empty">Not written yet: come back a few weeks after teaching with it.</p>'
    effect_labels = {prompt.field: prompt.label for prompt in IMPACT_EFFECT_PROMPTS}
    parts = []
    for circle, fields in IMPACT_CIRCLES.items():
        chosen = {name: texts[name] for name in fields if name in texts}
        levels = "".join(
            f"<dt>{html.escape(effect_labels[level_effect_field(name)])}</dt>"
            f"<dd>{html.escape(STATUS_LABELS[texts[level_effect_field(name)]])}</dd>"
            for name in fields if texts.get(level_effect_field(name)) in ("positive", "none_yet", "negative")
        )
        overall = STATUS_LABELS[circle_status(texts, circle)]
        parts.append(f"<h4>{html.escape(circle)}: effect {html.escape(overall.lower())}</h4>"
                     + _fields_html(chosen, IMPACT_RECORD_PROMPTS) + (f"<dl>{levels}</dl>" if levels else ""))
    return "".join(parts)


def to_html(records: list[ModuleRecord], teacher: str = "", generated: datetime | None = None) -> str:
    """A print-ready, self-contained HTML page of the CPD record."""
    from stemcpd.cpd.toolkit import ACTION_PLAN_PROMPTS, REFLECTION_PROMPTS

    generated = generated or datetime.now(timezone.utc)
    total_minutes = sum(record.minutes_spent for record in records)
    complete = sum(record.complete for record in records)
    who = f" — {html.escape(teacher)}" if teacher else ""
    rows = "".join(
        f"<tr><td>{html.escape(r.title)}</td><td>{r.first_activity:%d %b %Y}</td><td>{r.minutes_spent} min</td>"
        f"<td>{r.quiz.questions_correct} of {r.quiz.questions_answered}</td><td class='status'>{r.status}</td></tr>"
        for r in records
    )
    sections = []
    for r in records:
        misconceptions = _misconceptions_html(r.quiz.misconceptions)
        confident = (f"<p>Answers I was sure of but got wrong: {r.quiz.confident_errors}.</p>"
                     if r.quiz.confident_errors else "")
        sections.append(
            f"<section><h2>{html.escape(r.title)}</h2>"
            f"<p class='meta'>{r.first_activity:%d %B %Y} to {r.last_activity:%d %B %Y} · about {r.minutes_spent} "
            f"minutes · <span class='status'>{r.status}</span></p>"
            f"<h3>Recall quiz</h3><p>{r.quiz.questions_correct} of {r.quiz.questions_answered} questions right "
            f"(latest answers; {r.quiz.attempts} attempts in all).</p>{misconceptions}{confident}"
            f"<h3>Action plan</h3>{_fields_html(r.action_plan, ACTION_PLAN_PROMPTS)}"
            f"<h3>Reflection</h3>{_fields_html(r.reflection, REFLECTION_PROMPTS)}"
            f"<h3>Impact</h3>{_impact_html(r.impact_record)}</section>"
        )
    body = (
        "".join(sections) if records else '<p class="empty">No CPD activity recorded yet: work through a '
        "module's action plan, quiz and reflection and it will appear here.</p>"
    )
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>CPD record{who}</title><style>{_PAGE_CSS}</style></head><body>"
        f"<header><h1>Continuing professional development record{who}</h1>"
        f"<p class='meta'>Science CPD with stemcpd · generated {generated:%d %B %Y} · {len(records)} modules, "
        f"{complete} complete · about {total_minutes // 60} h {total_minutes % 60} min of study "
        "(estimated from the times answers and notes were saved).</p></header>"
        "<main><table><caption>Summary</caption><thead><tr><th scope='col'>Module</th><th scope='col'>Started</th>"
        "<th scope='col'>Time</th><th scope='col'>Quiz</th><th scope='col'>Status</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{body}</main></body></html>"
    )


def to_pdf(html_path: Path, pdf_path: Path, chromium: str = "/usr/bin/chromium") -> Path:
    """Print the HTML record to an A4 PDF with headless Chromium (via playwright).

    Raises:
        RuntimeError: when Chromium or playwright is not installed, saying what to install.
    """
    if not Path(chromium).exists():
        raise RuntimeError(f"PDF export needs Chromium at {chromium}; print the HTML page from a browser instead")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RuntimeError("PDF export needs the playwright package (pip install playwright)") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            page.goto(Path(html_path).resolve().as_uri())
            page.pdf(path=str(pdf_path), format="A4", print_background=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()
    return pdf_path
