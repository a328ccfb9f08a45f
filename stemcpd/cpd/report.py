"""A trainer's group report from participants' exported CPD records.

Each participant runs ``stemcpd record export --json``; the trainer runs
``stemcpd report FILES… -o report.html``. :func:`load_records` reads the files, skipping
(and naming) any that are malformed or duplicates; :func:`aggregate` computes, per
question, the facility (share of participants whose latest answer is right), the
misconceptions behind wrong answers ranked by how many participants showed them,
confidence against correctness, progress per module, and the impact summary in the
CPD Impact Toolkit's terms; :func:`to_html` draws it as a self-contained page with plots.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
import hashlib
import html
import io
import json
from pathlib import Path

from stemcpd.cpd.record import RECORD_FORMAT

CONFIDENCE_ORDER = ("guess", "unsure", "sure", None)


@dataclass(frozen=True)
class Participant:
    """One participant's exported record."""

    name: str
    source: str
    attempts: tuple[dict, ...]
    entries: tuple[dict, ...]


@dataclass
class LoadResult:
    """Participants read, and the files skipped with the reason."""

    participants: list[Participant] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


_ATTEMPT_KEYS = {"module", "bank_topic", "question_id", "correct"}
_ENTRY_KEYS = {"module", "kind", "field", "text"}


def _check_record(data) -> str | None:
    """Why ``data`` is not a usable record, or None."""
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        return f"not a stemcpd record (expected \"format\": \"{RECORD_FORMAT}\")"
    if not isinstance(data.get("attempts"), list) or not isinstance(data.get("entries"), list):
        return "has no 'attempts' and 'entries' lists"
    for index, attempt in enumerate(data["attempts"]):
        if not isinstance(attempt, dict) or not _ATTEMPT_KEYS <= set(attempt):
            return f"attempt {index + 1} lacks {sorted(_ATTEMPT_KEYS - set(attempt or {}))}"
    for index, entry in enumerate(data["entries"]):
        if not isinstance(entry, dict) or not _ENTRY_KEYS <= set(entry):
            return f"entry {index + 1} lacks {sorted(_ENTRY_KEYS - set(entry or {}))}"
    return None


def load_records(paths, pseudonymise: bool = False) -> LoadResult:
    """Read participants' JSON records; malformed or duplicate files are skipped with a reason."""
    result = LoadResult()
    seen_content: dict[str, str] = {}
    seen_names: Counter = Counter()
    for path in map(Path, paths):
        try:
            raw = path.read_bytes()
            data = json.loads(raw.decode("utf-8"))
        except OSError as error:
            result.skipped.append((str(path), f"cannot be read ({error.strerror or error})"))
            continue
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            result.skipped.append((str(path), f"is not valid JSON ({error})"))
            continue
        problem = _check_record(data)
        if problem:
            result.skipped.append((str(path), problem))
            continue
        digest = hashlib.sha256(json.dumps([data["attempts"], data["entries"]], sort_keys=True).encode()).hexdigest()
        if digest in seen_content:
            result.skipped.append((str(path), f"duplicates {seen_content[digest]}"))
            continue
        seen_content[digest] = str(path)
        name = str(data.get("participant") or path.stem)
        seen_names[name] += 1
        if seen_names[name] > 1:
            name = f"{name} ({seen_names[name]})"
        result.participants.append(Participant(name, str(path), tuple(data["attempts"]), tuple(data["entries"])))
    if pseudonymise:
        result.participants = [
            Participant(f"Participant {index:02d}", p.source, p.attempts, p.entries)
            for index, p in enumerate(result.participants, start=1)
        ]
    return result


@dataclass(frozen=True)
class QuestionFacility:
    module: str
    bank_topic: str
    question_id: str
    answered: int
    correct: int

    @property
    def facility(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass
class GroupReport:
    participants: list[str]
    skipped: list[tuple[str, str]]
    questions: list[QuestionFacility]
    misconceptions: list[tuple[str, int]]  # (id, participants showing it), most common first
    confidence: dict[str, tuple[int, int]]  # level -> (correct, wrong) over all attempts
    modules: dict[str, dict[str, int]]  # module -> {"started", "quiz", "reflection", "impact"}
    impact: dict[str, int]  # circle -> participants who recorded an effect there
    shared_with_colleagues: int


def aggregate(loaded: LoadResult) -> GroupReport:
    """Compute the group's results from loaded records."""
    from stemcpd.cpd.toolkit import IMPACT_CIRCLES

    latest_by_question: dict[tuple[str, str, str], dict[str, bool]] = defaultdict(dict)
    misconception_people: dict[str, set[str]] = defaultdict(set)
    confidence = {str(level): [0, 0] for level in CONFIDENCE_ORDER}
    modules: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    impact = {circle: set() for circle in IMPACT_CIRCLES}
    shared = set()
    for person in loaded.participants:
        for attempt in person.attempts:
            key = (str(attempt["module"]), str(attempt["bank_topic"]), str(attempt["question_id"]))
            latest_by_question[key][person.name] = bool(attempt["correct"])
            if attempt.get("misconception") and not attempt["correct"]:
                misconception_people[str(attempt["misconception"])].add(person.name)
            level = str(attempt.get("confidence")) if attempt.get("confidence") in CONFIDENCE_ORDER else "None"
            confidence[level][0 if attempt["correct"] else 1] += 1
            modules[key[0]]["started"].add(person.name)
            modules[key[0]]["quiz"].add(person.name)
        for entry in person.entries:
            if not str(entry.get("text", "")).strip():
                continue
            module = str(entry["module"])
            modules[module]["started"].add(person.name)
            if entry["kind"] in ("reflection", "impact_record"):
                modules[module][entry["kind"].replace("_record", "")].add(person.name)
            if entry["kind"] == "impact_record":
                for circle, fields in IMPACT_CIRCLES.items():
                    if entry["field"] in fields:
                        impact[circle].add(person.name)
                if entry["field"] == "shared_with_colleagues":
                    shared.add(person.name)
    questions = sorted(
        (QuestionFacility(m, b, q, len(answers), sum(answers.values())) for (m, b, q), answers in latest_by_question.items()),
        key=lambda item: (item.facility, item.module, item.question_id),
    )
    return GroupReport(
        participants=[p.name for p in loaded.participants],
        skipped=list(loaded.skipped),
        questions=questions,
        misconceptions=sorted(((m, len(people)) for m, people in misconception_people.items()), key=lambda x: (-x[1], x[0])),
        confidence={level: (c, w) for level, (c, w) in confidence.items()},
        modules={m: {k: len(v) for k, v in kinds.items()} for m, kinds in sorted(modules.items())},
        impact={circle: len(people) for circle, people in impact.items()},
        shared_with_colleagues=len(shared),
    )


def _plot_png(draw) -> bytes:
    from stemcpd.ui.figures import encode_png, new_figure

    figure, (axes,) = new_figure(800, 360)
    draw(axes)
    figure.canvas.draw()
    import numpy as np

    return encode_png(np.asarray(figure.canvas.buffer_rgba()), compress_level=6)


def _img(png: bytes, alt: str) -> str:
    from stemcpd.ui.figures import png_to_html

    return png_to_html(png, alt)


def to_html(report: GroupReport, title: str = "Workshop results", hide_file_names: bool = False) -> str:
    """A self-contained HTML page with tables and plots of the group's results.

    ``hide_file_names`` lists skipped files by number only (file names often carry
    participants' names, which a pseudonymised report must not show)."""
    from stemcpd.ui.palette import OKABE_ITO

    n = len(report.participants)
    parts = [f"<h1>{html.escape(title)}</h1><p>{n} participants.</p>"]
    if report.skipped:
        def shown(path: str, reason: str) -> str:
            if hide_file_names:
                reason = "duplicates another file" if reason.startswith("duplicates ") else reason
                return f"<li>a file {html.escape(reason)}</li>"
            return f"<li><code>{html.escape(path)}</code> {html.escape(reason)}</li>"

        items = "".join(shown(path, reason) for path, reason in report.skipped)
        parts.append(f"<section><h2>Files skipped</h2><ul>{items}</ul></section>")

    if report.questions:
        shown = report.questions[:20]
        labels = [f"{q.question_id}" for q in shown]

        def draw_facility(axes):
            facility = [100 * q.facility for q in shown]
            bars = axes.barh(range(len(shown)), facility, color=OKABE_ITO["blue"], edgecolor="black", hatch="//")
            axes.set_yticks(range(len(shown)), labels, fontsize=9)
            axes.invert_yaxis()
            axes.set_xlim(0, 100)
            axes.set_xlabel("facility: participants right / %")
            axes.set_title("Hardest questions first")
            axes.bar_label(bars, labels=[f"{q.correct}/{q.answered}" for q in shown], padding=3, fontsize=9)

        hardest = shown[0]
        parts.append(
            "<section><h2>Facility per question</h2>"
            + _img(_plot_png(draw_facility), f"Bar chart of facility per question; hardest is {hardest.question_id} "
                   f"with {hardest.correct} of {hardest.answered} right.")
            + "<table><thead><tr><th scope='col'>Module</th><th scope='col'>Question</th><th scope='col'>Right</th>"
            "<th scope='col'>Facility</th></tr></thead><tbody>"
            + "".join(
                f"<tr><td>{html.escape(q.module)}</td><td>{html.escape(q.question_id)}</td>"
                f"<td>{q.correct} of {q.answered}</td><td>{100 * q.facility:.0f}%</td></tr>"
                for q in report.questions
            )
            + "</tbody></table></section>"
        )
    if report.misconceptions:
        top = report.misconceptions[:12]

        def draw_misconceptions(axes):
            axes.barh(range(len(top)), [count for _, count in top], color=OKABE_ITO["vermillion"],
                      edgecolor="black", hatch="..")
            axes.set_yticks(range(len(top)), [m for m, _ in top], fontsize=9)
            axes.invert_yaxis()
            axes.set_xlabel("participants whose wrong answers showed it")
            axes.set_title("Misconceptions behind wrong answers")

        parts.append(
            "<section><h2>Misconceptions, most common first</h2>"
            + _img(_plot_png(draw_misconceptions), "Bar chart of misconceptions: "
                   + "; ".join(f"{m} ({c})" for m, c in top))
            + "<ol>" + "".join(f"<li>{html.escape(m)}: {c} of {n}</li>" for m, c in report.misconceptions) + "</ol>"
            "</section>"
        )
    levels = [level for level in ("guess", "unsure", "sure", "None") if sum(report.confidence[level])]
    if levels:
        def draw_confidence(axes):
            right = [report.confidence[level][0] for level in levels]
            wrong = [report.confidence[level][1] for level in levels]
            names = ["not said" if level == "None" else level for level in levels]
            axes.bar(names, right, color=OKABE_ITO["bluish_green"], edgecolor="black", label="right")
            axes.bar(names, wrong, bottom=right, color=OKABE_ITO["orange"], edgecolor="black", hatch="xx", label="wrong")
            axes.set_ylabel("answers")
            axes.set_title("Confidence against correctness")
            axes.legend()

        rows = "".join(
            f"<tr><td>{'not said' if level == 'None' else level}</td><td>{report.confidence[level][0]}</td>"
            f"<td>{report.confidence[level][1]}</td></tr>" for level in levels
        )
        sure_wrong = report.confidence["sure"][1]
        parts.append(
            "<section><h2>Confidence against correctness</h2>"
            + _img(_plot_png(draw_confidence), f"Stacked bars of right and wrong answers by confidence; "
                   f"{sure_wrong} answers were wrong although the participant was sure.")
            + f"<p>{sure_wrong} answers were confidently wrong: the errors most worth discussing.</p>"
            "<table><thead><tr><th scope='col'>Confidence</th><th scope='col'>Right</th><th scope='col'>Wrong</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></section>"
        )
    if report.modules:
        rows = "".join(
            f"<tr><td>{html.escape(m)}</td><td>{c.get('started', 0)}</td><td>{c.get('quiz', 0)}</td>"
            f"<td>{c.get('reflection', 0)}</td><td>{c.get('impact', 0)}</td></tr>"
            for m, c in report.modules.items()
        )
        parts.append(
            "<section><h2>Progress per module</h2><table><thead><tr><th scope='col'>Module</th>"
            "<th scope='col'>Started</th><th scope='col'>Took the quiz</th><th scope='col'>Reflected</th>"
            f"<th scope='col'>Recorded impact</th></tr></thead><tbody>{rows}</tbody></table></section>"
        )
    if n:
        share = lambda count: f"{count} of {n} ({100 * count / n:.0f}%)"  # noqa: E731
        items = "".join(f"<li>{html.escape(circle)}: {share(count)}</li>" for circle, count in report.impact.items())
        parts.append(
            "<section><h2>Impact (CPD Impact Toolkit)</h2><p>Participants who recorded an effect:</p>"
            f"<ul>{items}</ul><p>Shared their learning with colleagues: {share(report.shared_with_colleagues)}.</p>"
            "</section>"
        )
    css = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}"
           "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #777;padding:.25em .5em}"
           "th{background:#e8f1f8}h2{border-bottom:2px solid #0072B2}")
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{css}</style></head><body><main>{''.join(parts)}</main></body></html>")
