"""A trainer's group report from participants' exported CPD records.

Each participant runs ``stemcpd record export --json``; the trainer runs
``stemcpd report FILES… -o report.html``. :func:`load_records` reads each file in
isolation through :mod:`stemcpd.cpd.record_file` (size limit, JSON Schema, strict
types), skipping and naming any that are malformed, duplicates or earlier exports of
a participant who appears again; participants' files are hostile until checked; :func:`aggregate` computes, per
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

from stemcpd.cpd.impact import STATUS_LABELS, STATUSES, EffectCounts, headline_figures
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


MAX_LABEL_CHARACTERS = 48
"""Longest question id or misconception drawn on a plot; longer ones end in "…" (the
tables give them in full). Very long labels made matplotlib's layout take minutes."""


def _identity(data: dict, fallback_name: str) -> tuple[str, str]:
    """Who a record belongs to, the same for every export of one person's record.

    A re-export after one more answer adds items at the end but keeps the first ones,
    so the participant's name and their earliest answer or entry identify them; two
    people who both left the default name "me" still differ in their first answer.
    """
    name = str(data.get("participant") or fallback_name)
    firsts = []
    for kind, key in (("attempts", "answered_at"), ("entries", "saved_at")):
        items = data.get(kind) or []
        if items:
            first = min(items, key=lambda item: item[key])
            firsts.append(json.dumps(first, sort_keys=True, ensure_ascii=False))
    return name, "|".join(firsts)


def _export_order(data: dict) -> tuple[str, int]:
    """Sorts exports of one record oldest first: by export time, then by size."""
    return str(data.get("exported_at") or ""), len(data["attempts"]) + len(data["entries"])


def _read_one(path: Path) -> dict:
    """One participant file, read and checked in isolation (limits, schema, strict types).

    Raises:
        RecordFileError: For anything that is not a valid record, naming the problem.
    """
    from stemcpd.cpd.record_file import RecordFileError, load_record_file

    try:
        return load_record_file(path)
    except RecordFileError:
        raise
    except RecursionError:
        raise RecordFileError(str(path), "is nested too deeply to be a CPD record") from None
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the whole report
        raise RecordFileError(str(path), f"could not be read ({type(error).__name__})") from None


def load_records(paths, pseudonymise: bool = False) -> LoadResult:
    """Read participants' JSON records, each in isolation; bad files are skipped with a reason.

    Each file goes through :func:`stemcpd.cpd.record_file.load_record_file` (size limit,
    no NaN, the record's JSON Schema: ``"correct": "false"`` is refused, not counted
    as right). A file identical to an earlier one is a duplicate; an older export of a
    participant who appears again (same name, same first answer) is replaced by the
    later export, so a re-export after one more answer counts the participant once.
    """
    from stemcpd.cpd.record_file import RecordFileError

    result = LoadResult()
    seen_content: dict[str, str] = {}
    by_identity: dict[tuple[str, str], tuple[str, dict]] = {}
    order: list[tuple[str, str]] = []
    for path in map(Path, paths):
        try:
            data = _read_one(path)
        except RecordFileError as error:
            result.skipped.append((str(path), error.problem))
            continue
        # The name is part of the content: two people can give identical answers at the
        # same minute, but the same file sent twice carries the same name.
        digest = hashlib.sha256(json.dumps([data.get("participant"), data["attempts"], data["entries"]],
                                           sort_keys=True).encode()).hexdigest()
        if digest in seen_content:
            result.skipped.append((str(path), f"duplicates {seen_content[digest]}"))
            continue
        seen_content[digest] = str(path)
        identity = _identity(data, path.stem)
        if identity in by_identity:
            earlier_path, earlier = by_identity[identity]
            if _export_order(data) >= _export_order(earlier):
                result.skipped.append((earlier_path, f"is an earlier export of the same participant as {path}"))
                by_identity[identity] = (str(path), data)
            else:
                result.skipped.append((str(path), f"is an earlier export of the same participant as {earlier_path}"))
            continue
        by_identity[identity] = (str(path), data)
        order.append(identity)
    seen_names: Counter = Counter()
    for identity in order:
        source, data = by_identity[identity]
        name = identity[0]
        seen_names[name] += 1
        if seen_names[name] > 1:
            name = f"{name} ({seen_names[name]})"
        result.participants.append(Participant(name, source, tuple(data["attempts"]), tuple(data["entries"])))
    if pseudonymise:
        result.participants = [
            Participant(f"Participant {index:02d}", p.source, p.attempts, p.entries)
            for index, p in enumerate(result.participants, start=1)
        ]
    return result


def plot_label(text: str, limit: int = MAX_LABEL_CHARACTERS) -> str:
    """A label for a plot: one line, at most ``limit`` characters (drawn without mathtext)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain_tick_labels(axes, axis: str = "y") -> None:
    """Draw tick labels literally: ``$…$`` in a participant's file is not mathtext."""
    for label in (axes.get_yticklabels() if axis == "y" else axes.get_xticklabels()):
        label.set_parse_math(False)
        label.set_usetex(False)


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
    impact: dict[str, EffectCounts]  # circle title -> participants per effect status (see stemcpd.cpd.impact)
    shared_with_colleagues: int
    impact_levels: dict[int, EffectCounts] = field(default_factory=dict)  # Guskey level -> the same
    action_themes: list[tuple[str, int]] = field(default_factory=list)  # (theme, participants), most first


def latest_texts(entries, kind: str) -> dict[str, dict[str, str]]:
    """Each module's latest text per field of one entry kind (later entries win)."""
    latest: dict[str, dict[str, str]] = defaultdict(dict)
    for entry in sorted(entries, key=lambda item: str(item.get("saved_at", ""))):
        if entry.get("kind") == kind:
            latest[str(entry["module"])][str(entry["field"])] = str(entry.get("text", ""))
    return dict(latest)


ACTION_THEMES: dict[str, tuple[str, ...]] = {
    "Hinge and diagnostic questions": ("hinge", "diagnostic", "multiple-choice", "multiple choice"),
    "Simulations and models": ("simulation", "model", "analogy"),
    "Practical work": ("practical", "experiment", "investigation", "required practical"),
    "Demonstrations": ("demonstration", "demo ", "predict-observe", "predict, observe", "poe"),
    "Retrieval and spaced quizzing": ("retrieval", "quiz", "spaced", "starter"),
    "Misconceptions": ("misconception", "think that", "believe"),
    "Worked examples and calculations": ("worked example", "calculation", "ratio table", "equation"),
    "Talk and explanation": ("discussion", "explain", "explanation", "talk", "questioning"),
    "Assessment and feedback": ("assessment", "feedback", "test", "marking", "exam"),
}
"""Themes a trainer looks for in action plans, each with the words that show it. A plan
can have several themes; the dashboard and report count participants per theme."""


def action_themes(texts: list[str]) -> list[str]:
    """The themes one participant's action-plan texts touch (see :data:`ACTION_THEMES`)."""
    words = " ".join(texts).lower()
    return [theme for theme, keys in ACTION_THEMES.items() if any(key in words for key in keys)]


def aggregate(loaded: LoadResult) -> GroupReport:
    """Compute the group's results from loaded records."""
    from stemcpd.cpd.prompts import IMPACT_CIRCLE_KEYS, IMPACT_CIRCLES

    latest_by_question: dict[tuple[str, str, str], dict[str, bool]] = defaultdict(dict)
    misconception_people: dict[str, set[str]] = defaultdict(set)
    confidence = {str(level): [0, 0] for level in CONFIDENCE_ORDER}
    modules: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    shared = set()
    impact_records: list[list[dict[str, str]]] = []
    themes: Counter = Counter()
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
            if entry["kind"] == "impact_record" and entry["field"] == "shared_with_colleagues":
                shared.add(person.name)
        # Effects come only from the effect choices (stemcpd.cpd.impact): text is never counted.
        impact_records.append(list(latest_texts(person.entries, "impact_record").values()))
        plans = latest_texts(person.entries, "action_plan").values()
        themes.update(action_themes([text for plan in plans for name, text in plan.items()
                                     if name in ("improvement_focus", "planned_change")]))
    figures = headline_figures(impact_records)
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
        impact={circle: figures[IMPACT_CIRCLE_KEYS[circle]] for circle in IMPACT_CIRCLES},
        shared_with_colleagues=len(shared),
        impact_levels={number: figures[f"level{number}"] for number in range(1, 6)},
        action_themes=sorted(themes.items(), key=lambda item: (-item[1], item[0])),
    )


def impact_html(circles: dict[str, EffectCounts], levels: dict[int, EffectCounts], teachers: int) -> str:
    """The impact section: the Toolkit's headline figures, then every status per circle and level."""
    from stemcpd.cpd.prompts import GUSKEY_LEVELS

    headline = "".join(
        f"<li><strong>{html.escape(circle)}</strong>: "
        + (f"{counts.positive_percent:.0f}% positive" if counts.positive_percent is not None else "no answers yet")
        + f" ({html.escape(counts.headline())})</li>"
        for circle, counts in circles.items()
    )
    head = "".join(f"<th scope='col'>{html.escape(STATUS_LABELS[status])}</th>" for status in STATUSES)

    def row(name: str, counts: EffectCounts) -> str:
        cells = "".join(f"<td>{value}</td>" for value in counts.as_dict().values())
        return f"<tr><th scope='row'>{html.escape(name)}</th>{cells}</tr>"

    rows = "".join(row(circle, counts) for circle, counts in circles.items())
    rows += "".join(row(f"Level {level.number}: {level.name}", levels[level.number])
                    for level in GUSKEY_LEVELS if level.number in levels)
    return (
        "<section class='impact'><h2>Impact (CPD Impact Toolkit)</h2>"
        f"<p>Teachers reporting a positive effect, of those who chose an effect ({teachers} participants):</p>"
        f"<ul>{headline}</ul>"
        "<p>Only an effect a teacher chose counts: text alone is never read as an effect. "
        "<em>Unknown</em> means text was written without choosing an effect (records made before the "
        "choice existed); <em>Not answered</em> means nothing was recorded.</p>"
        f"<table><thead><tr><th scope='col'>Teachers</th>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _plot_png(draw) -> bytes:
    from stemcpd.ui.figures import encode_png, new_figure

    import matplotlib

    # Labels come from participants' files: never hand them to LaTeX, whatever the
    # user's matplotlibrc says (the tick labels also turn off mathtext, see draw_*).
    with matplotlib.rc_context({"text.usetex": False}):
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
        labels = [plot_label(q.question_id) for q in shown]

        def draw_facility(axes):
            facility = [100 * q.facility for q in shown]
            bars = axes.barh(range(len(shown)), facility, color=OKABE_ITO["blue"], edgecolor="black", hatch="//")
            axes.set_yticks(range(len(shown)), labels, fontsize=9)
            _plain_tick_labels(axes)
            axes.invert_yaxis()
            axes.set_xlim(0, 100)
            axes.set_xlabel("facility: participants right / %")
            axes.set_title("Hardest questions first")
            axes.bar_label(bars, labels=[f"{q.correct}/{q.answered}" for q in shown], padding=3, fontsize=9)

        hardest = shown[0]
        parts.append(
            "<section><h2>Facility per question</h2>"
            + _img(_plot_png(draw_facility), f"Bar chart of facility per question; hardest is {plot_label(hardest.question_id)} "
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
            axes.set_yticks(range(len(top)), [plot_label(m) for m, _ in top], fontsize=9)
            _plain_tick_labels(axes)
            axes.invert_yaxis()
            axes.set_xlabel("participants whose wrong answers showed it")
            axes.set_title("Misconceptions behind wrong answers")

        parts.append(
            "<section><h2>Misconceptions, most common first</h2>"
            + _img(_plot_png(draw_misconceptions), "Bar chart of misconceptions: "
                   + "; ".join(f"{plot_label(m)} ({c})" for m, c in top))
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
    if report.action_themes:
        items = "".join(f"<li>{html.escape(theme)}: {count} of {n}</li>" for theme, count in report.action_themes)
        parts.append("<section><h2>Action-plan themes</h2><p>What participants plan to change, by theme "
                     f"(a plan can touch several):</p><ul>{items}</ul></section>")
    if n:
        share = lambda count: f"{count} of {n} ({100 * count / n:.0f}%)"  # noqa: E731
        parts.append(impact_html(report.impact, report.impact_levels, n)
                     + f"<p>Shared their learning with colleagues: {share(report.shared_with_colleagues)}.</p>")
    css = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}"
           "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #777;padding:.25em .5em}"
           "th{background:#e8f1f8}h2{border-bottom:2px solid #0072B2}")
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{css}</style></head><body><main>{''.join(parts)}</main></body></html>")
