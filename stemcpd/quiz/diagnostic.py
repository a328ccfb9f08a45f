"""Needs analysis: a diagnostic quiz at the start of the course, and what to study first.

The bank ``banks/needs-analysis.yaml`` has one or two multiple-choice questions per
CPD module, each built on a misconception that module tackles. :func:`recommend`
turns the teacher's answers into the modules ordered by weakness, each with a
reason in plain words.

Which module a question points to is kept here as data
(:data:`QUESTION_MODULES`), not as a ``module:`` key in the bank, because the bank
schema allows no extra keys on a question (``unevaluatedProperties: false``). A
test checks that every question in the bank is mapped and every mapping names a
question and a known module.

Weakness of a module is the average shortfall of its questions' scores
(``1 - score``); a confident error (wrong and ``"sure"``) counts
:data:`CONFIDENT_ERROR_WEIGHT` times as much, because a misconception held with
confidence is the one least likely to be noticed and fixed alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from stemcpd.quiz.bank import Bank, load_packaged_bank
from stemcpd.quiz.catalogue import misconception_name
from stemcpd.quiz.feedback import Feedback

BANK_NAME = "needs-analysis"

MODULES = (
    "physics-forces-and-motion",
    "physics-forces-in-action",
    "physics-energy",
    "physics-electricity",
    "physics-electricity-at-home",
    "physics-waves-and-light",
    "physics-waves-em-sound-lenses",
    "physics-particles-and-heating",
    "physics-atoms-and-nuclear",
    "physics-radioactivity",
    "physics-magnetism-and-electromagnetism",
    "physics-space",
    "physics-pendulum",
    "chemistry-atomic-structure-and-periodic-table",
    "chemistry-bonding-and-structure",
    "chemistry-quantitative-chemistry",
    "chemistry-rates-of-reaction",
    "chemistry-equilibrium",
    "chemistry-acids-and-titration",
    "chemistry-electrolysis-and-energetics",
    "chemistry-organic",
    "chemistry-chemical-analysis",
    "chemistry-atmosphere-and-resources",
    "chemistry-making-salts-and-water",
    "pedagogy-retrieval-practice",
    "pedagogy-practical-work",
)
"""The CPD modules (workbook file stems in ``workbooks/``), in course order; ties keep this order."""

QUESTION_MODULES: dict[str, str] = {
    "na-forces-top-of-throw": "physics-forces-and-motion",
    "na-momentum-crumple-zone": "physics-forces-in-action",
    "na-energy-ball-stops": "physics-energy",
    "na-electricity-series-current": "physics-electricity",
    "na-mains-which-wires": "physics-electricity-at-home",
    "na-waves-cork": "physics-waves-and-light",
    "na-lenses-distant-lamp": "physics-waves-em-sound-lenses",
    "na-particles-bath-and-cup": "physics-particles-and-heating",
    "na-nuclear-beta-decay": "physics-atoms-and-nuclear",
    "na-radioactivity-two-half-lives": "physics-radioactivity",
    "na-magnetism-what-is-attracted": "physics-magnetism-and-electromagnetism",
    "na-space-floating-astronauts": "physics-space",
    "na-pendulum-heavier-bob": "physics-pendulum",
    "na-periodic-potassium-reactivity": "chemistry-atomic-structure-and-periodic-table",
    "na-bonding-salt-lattice": "chemistry-bonding-and-structure",
    "na-quantitative-magnesium-mass": "chemistry-quantitative-chemistry",
    "na-rates-temperature": "chemistry-rates-of-reaction",
    "na-equilibrium-dynamic": "chemistry-equilibrium",
    "na-acids-strong-and-weak": "chemistry-acids-and-titration",
    "na-electrolysis-molten-conducts": "chemistry-electrolysis-and-energetics",
    "na-energetics-bond-breaking": "chemistry-electrolysis-and-energetics",
    "na-organic-fractionating-column": "chemistry-organic",
    "na-analysis-pure": "chemistry-chemical-analysis",
    "na-atmosphere-greenhouse": "chemistry-atmosphere-and-resources",
    "na-salts-filter-paper": "chemistry-making-salts-and-water",
    "na-retrieval-revision": "pedagogy-retrieval-practice",
    "na-practical-purpose": "pedagogy-practical-work",
}
"""Diagnostic question id → the workbook module that addresses its misconceptions."""

CONFIDENT_ERROR_WEIGHT = 1.5

ROUTE_LENGTH = 6
"""How many modules a route recommends (the live "Which modules first?" shows as many)."""

MODULE_TITLES: dict[str, str] = {
    "physics-forces-and-motion": "Forces and motion",
    "physics-forces-in-action": "Forces in action",
    "physics-energy": "Energy",
    "physics-electricity": "Electricity",
    "physics-electricity-at-home": "Electricity at home",
    "physics-waves-and-light": "Waves and light",
    "physics-waves-em-sound-lenses": "Electromagnetic waves, sound and lenses",
    "physics-particles-and-heating": "Particles and heating",
    "physics-atoms-and-nuclear": "Atoms and nuclear physics",
    "physics-radioactivity": "Radioactivity",
    "physics-magnetism-and-electromagnetism": "Magnetism and electromagnetism",
    "physics-space": "Space physics",
    "physics-pendulum": "Pendulums",
    "chemistry-atomic-structure-and-periodic-table": "Atomic structure and the periodic table",
    "chemistry-bonding-and-structure": "Bonding, structure and properties",
    "chemistry-quantitative-chemistry": "Quantitative chemistry",
    "chemistry-rates-of-reaction": "Rates of reaction",
    "chemistry-equilibrium": "Reversible reactions and equilibrium",
    "chemistry-acids-and-titration": "Acids, pH curves and titration",
    "chemistry-electrolysis-and-energetics": "Electrolysis and energy changes",
    "chemistry-organic": "Crude oil, hydrocarbons and alkanes",
    "chemistry-chemical-analysis": "Chemical analysis",
    "chemistry-atmosphere-and-resources": "The atmosphere, climate and using resources",
    "chemistry-making-salts-and-water": "Making salts and purifying water",
    "pedagogy-retrieval-practice": "Retrieval practice and formative assessment",
    "pedagogy-practical-work": "Practical work",
}
"""Each module's short title (the start of its workbook's ``Module(...)`` title; a test
checks they agree)."""


@dataclass(frozen=True)
class ModuleNeed:
    """How one module came out of the diagnostic.

    Attributes:
        module: Workbook stem, e.g. ``"physics-energy"``.
        weakness: 0 (all right) to 1.5 (all confidently wrong); None if unanswered.
        answered: Questions answered.
        wrong: Questions not fully right.
        misconceptions: Misconception ids the wrong answers suggest, first seen first.
    """

    module: str
    weakness: float | None
    answered: int
    wrong: int
    misconceptions: tuple[str, ...]

    @property
    def reason(self) -> str:
        """One sentence saying why the module is where it is in the order."""
        if self.answered == 0:
            return "Not covered by your answers yet: take its diagnostic question(s) to check."
        if self.wrong == 0:
            return f"You answered its {_questions(self.answered)} correctly: a refresher, or skip."
        names = [misconception_name(misconception) for misconception in self.misconceptions]
        suggested = f" (suggesting: {'; '.join(names)})" if names else ""
        return f"{self.wrong} of {_questions(self.answered)} not right{suggested}."


def _questions(count: int) -> str:
    return f"{count} diagnostic question" + ("" if count == 1 else "s")


def load_diagnostic() -> Bank:
    """The packaged needs-analysis bank."""
    return load_packaged_bank(BANK_NAME)


def mark_responses(responses: Mapping[str, Any], bank: Bank | None = None) -> dict[str, Feedback]:
    """Mark responses to the diagnostic: question id → response (option index or text).

    Unknown question ids raise ``KeyError`` (naming the known ids).
    """
    bank = bank if bank is not None else load_diagnostic()
    return {question_id: bank[question_id].mark(response) for question_id, response in responses.items()}


def assess(
    feedbacks_by_question: Mapping[str, Any],
    confidences: Mapping[str, str | None] | None = None,
    question_modules: Mapping[str, str] = QUESTION_MODULES,
) -> list[ModuleNeed]:
    """Every module's result, weakest first (unanswered after weak, strong last).

    Args:
        feedbacks_by_question: Question id → Feedback (anything with ``.score``,
            ``.correct`` and ``.misconception``). Ids not in the diagnostic are ignored.
        confidences: Optional question id → ``"guess"``/``"unsure"``/``"sure"``.
        question_modules: Question id → module; defaults to :data:`QUESTION_MODULES`.
    """
    confidences = confidences or {}
    modules = list(MODULES) + [module for module in dict.fromkeys(question_modules.values()) if module not in MODULES]
    shortfalls: dict[str, list[float]] = {module: [] for module in modules}
    wrong: dict[str, int] = {module: 0 for module in modules}
    misconceptions: dict[str, list[str]] = {module: [] for module in modules}
    for question_id, feedback in feedbacks_by_question.items():
        module = question_modules.get(question_id)
        if module is None:
            continue
        shortfall = 1.0 - float(feedback.score)
        if not feedback.correct:
            wrong[module] += 1
            if confidences.get(question_id) == "sure":
                shortfall *= CONFIDENT_ERROR_WEIGHT
            if feedback.misconception and feedback.misconception not in misconceptions[module]:
                misconceptions[module].append(feedback.misconception)
        shortfalls[module].append(shortfall)
    needs = [
        ModuleNeed(
            module,
            sum(shortfalls[module]) / len(shortfalls[module]) if shortfalls[module] else None,
            len(shortfalls[module]),
            wrong[module],
            tuple(misconceptions[module]),
        )
        for module in modules
    ]

    def order(need: ModuleNeed) -> tuple:
        if need.weakness is None:
            group = 1  # unknown: after anything shown to be weak, before anything shown to be strong
        elif need.weakness > 0:
            group = 0
        else:
            group = 2
        return (group, -(need.weakness or 0.0), modules.index(need.module))

    return sorted(needs, key=order)


def recommend(
    feedbacks_by_question: Mapping[str, Any],
    confidences: Mapping[str, str | None] | None = None,
) -> list[tuple[str, str]]:
    """The course's modules ordered by weakness, each with a reason.

    Modules with wrong answers come first (most wrong, and most confidently
    wrong, first), then modules not covered by the answers given, then modules
    answered correctly. Ties keep course order (:data:`MODULES`).

    Args:
        feedbacks_by_question: Question id → Feedback from marking the diagnostic.
        confidences: Optional question id → confidence, to weight confident errors.

    Returns:
        ``[(module, reason), …]`` for every module.

    Example:
        >>> feedbacks = mark_responses({"na-waves-cork": 1, "na-energy-ball-stops": 0})  # doctest: +SKIP
        >>> recommend(feedbacks)[0]  # doctest: +SKIP
        ('physics-waves-and-light', '1 of 1 diagnostic question not right (suggesting: Wave carries objects).')
    """
    return [(need.module, need.reason) for need in assess(feedbacks_by_question, confidences)]


def recommend_from_attempts(attempts: Iterable[Any]) -> list[tuple[str, str]]:
    """:func:`recommend` from stored attempts at the diagnostic (the latest answer to each question counts)."""
    feedbacks: dict[str, Any] = {}
    confidences: dict[str, str | None] = {}
    for attempt in sorted(attempts, key=lambda attempt: attempt.id):
        if attempt.bank_topic == BANK_NAME:
            feedbacks[attempt.question_id] = attempt
            confidences[attempt.question_id] = attempt.confidence
    return recommend(feedbacks, confidences)


def module_href(module: str) -> str:
    """A module's page, relative to the site's root, e.g. ``"workbooks/physics-energy.html"``."""
    return f"workbooks/{module}.html"


def route(
    feedbacks_by_question: Mapping[str, Any],
    confidences: Mapping[str, str | None] | None = None,
    count: int = ROUTE_LENGTH,
) -> list[dict[str, str]]:
    """The first ``count`` modules of :func:`recommend`, as the site stores a route:
    ``[{"module", "title", "href", "reason"}, …]`` (``href`` relative to the site root)."""
    return [
        {"module": module, "title": MODULE_TITLES.get(module, module), "href": module_href(module), "reason": reason}
        for module, reason in recommend(feedbacks_by_question, confidences)[:count]
    ]


def browser_data() -> dict[str, Any]:
    """What the static page needs to route from the answers in the browser's record,
    computed here so the browser only applies it (``stemcpdQuiz.needsRoute`` in
    ``static_quiz.js`` follows :func:`assess` and :attr:`ModuleNeed.reason`)."""
    bank = load_diagnostic()
    names = {}
    for question in bank:
        for option in getattr(question, "options", ()):
            if option.misconception:
                names[option.misconception] = misconception_name(option.misconception)
    return {
        "bank": BANK_NAME,
        "module": BANK_NAME,
        "count": ROUTE_LENGTH,
        "confidentErrorWeight": CONFIDENT_ERROR_WEIGHT,
        "questionModules": dict(QUESTION_MODULES),
        "modules": [{"module": module, "title": MODULE_TITLES.get(module, module), "href": module_href(module)}
                    for module in MODULES],
        "misconceptionNames": names,
    }
