"""The CPD Impact Toolkit's prompts, circles and Guskey's levels, as plain data.

Every form that asks a teacher to plan, reflect or record impact is built from this
module: the notebook forms (:mod:`stemcpd.cpd.toolkit`, ipywidgets), the course site's
browser forms (``stemcpd-record.js``, fed by :func:`form_data`) and the printed records
(:mod:`stemcpd.cpd.record` and the site's "My CPD record" page). Keeping the questions
here, free of any widget library, means one wording everywhere and a site build that
never imports ipywidgets just to read them.

The impact record follows Guskey's five levels of evaluating professional development
(reactions; learning; organisation support and change; use of new knowledge and skills;
pupil learning outcomes), plus what the teacher shared with colleagues, grouped into the
CPD Impact Toolkit's three circles (on me, on colleagues, on pupils).

Honest impact: beside its free text, each Guskey level and each circle asks for an
*effect* (positive, none yet, negative) as a choice, stored as its own entry
(``<level field>_effect``, ``effect_on_me`` …). Reports count only those choices, so
"no change yet" written in a box is never counted as impact, and a record written before
the choices existed reads as "unknown", never guessed from its text.

Action-plan examples are written per module (:func:`action_plan_prompts`): a chemistry
module shows a chemistry example, never the circuits one.
"""

from __future__ import annotations

from typing import NamedTuple


class Prompt(NamedTuple):
    """One question on a Toolkit form.

    Attributes:
        field: Name the answer is stored under; stable across versions.
        label: The question as the teacher reads it.
        help: A hint or example, shown under the box and as its placeholder.
        type: How it is answered: ``"text"`` (a box), ``"date"`` (a calendar date,
            stored as ``YYYY-MM-DD``) or ``"effect"`` (one of :data:`EFFECTS`).
    """

    field: str
    label: str
    help: str
    type: str = "text"


EFFECTS: tuple[str, ...] = ("positive", "none_yet", "negative")
"""The answers an effect question takes, as stored in the record."""

EFFECT_LABELS: dict[str, str] = {"positive": "Positive", "none_yet": "None yet", "negative": "Negative"}
"""Each stored effect as a teacher reads it."""

UNKNOWN_EFFECT, NOT_ANSWERED = "unknown", "not_answered"
"""How a report labels a circle or level with no effect choice: ``unknown`` when the
teacher wrote about it before effects were asked (an old record), ``not_answered`` when
nothing was recorded at all."""

PROMPT_TYPES = ("text", "date", "effect")


ACTION_PLAN_PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "improvement_focus",
        "What I want to improve, and why (my pupils' needs)",
        "e.g. My Year 9s think current is used up around a circuit; "
        "their answers on the diagnostic question show it.",
    ),
    Prompt(
        "planned_change",
        "What I will do differently",
        "e.g. Start each circuits lesson with the rope model and a hinge question.",
    ),
    Prompt(
        "success_evidence",
        "How I will know it has worked (evidence I will collect)",
        "e.g. Fewer 'current used up' answers on the same diagnostic question "
        "in three weeks; pupils' explanations in their books.",
    ),
    Prompt(
        "review_date",
        "When and with whom I will review it",
        "e.g. After the end-of-topic test, w/c 10 March, with my head of department.",
    ),
    Prompt(
        "review_on",
        "Review date (for my calendar)",
        "The day you will look at the evidence and write your impact record; "
        "it can be added to your calendar.",
        "date",
    ),
)
"""Prompts of the action plan a teacher writes after a module (generic examples; the
forms use :func:`action_plan_prompts`, whose examples fit the module)."""

IMPACT_RECORD_PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "reactions",
        "Level 1: My reactions to this CPD",
        "Was it useful and relevant to my classes? What would I change about it?",
    ),
    Prompt(
        "learning",
        "Level 2: What I learned",
        "New subject knowledge, misconceptions I now recognise, teaching approaches.",
    ),
    Prompt(
        "organisation_support",
        "Level 3: Support and change in my school or department",
        "Time, resources or colleagues that helped or got in the way; anything "
        "the department changed.",
    ),
    Prompt(
        "use_in_practice",
        "Level 4: How I have used it in my teaching",
        "Which lessons or classes; what I did differently and how often.",
    ),
    Prompt(
        "pupil_outcomes",
        "Level 5: What difference it made to pupils' learning",
        "Evidence from pupils' work, assessments or answers, compared with before.",
    ),
    Prompt(
        "shared_with_colleagues",
        "What I shared with colleagues",
        "e.g. Showed the simulation at a department meeting; shared the hinge questions.",
    ),
)
"""Prompts of the impact record, after Guskey's levels of evaluation."""

IMPACT_CIRCLES: dict[str, tuple[str, ...]] = {
    "On me": ("reactions", "learning", "use_in_practice"),
    "On colleagues and my department": ("organisation_support", "shared_with_colleagues"),
    "On pupils": ("pupil_outcomes",),
}
"""The CPD Impact Toolkit's three circles, and which impact-record prompts feed each."""

REFLECTION_PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "surprised_me",
        "What surprised me or changed my thinking",
        "e.g. The period formula is an approximation; pupils' 'heavier is faster' idea.",
    ),
    Prompt(
        "first_lesson",
        "The first lesson where I will use this",
        "Class, topic and date; which simulation, question or practical I will use.",
    ),
    Prompt(
        "still_unsure",
        "What I am still unsure about",
        "Something to read up on, ask a colleague or try again.",
    ),
)
"""Prompts of the reflection a teacher writes at the end of a module."""

IMPACT_CIRCLE_KEYS: dict[str, str] = {
    "On me": "me",
    "On colleagues and my department": "colleagues",
    "On pupils": "pupils",
}
"""A short key per circle, used in effect field names and in reports' columns."""


def circle_effect_field(circle: str) -> str:
    """The entry field holding a circle's overall effect, e.g. ``"effect_on_pupils"``."""
    return f"effect_on_{IMPACT_CIRCLE_KEYS[circle]}"


def level_effect_field(field: str) -> str:
    """The entry field holding a Guskey level's effect, e.g. ``"learning_effect"``."""
    return f"{field}_effect"


_CIRCLE_EFFECT_LABELS = {
    "On me": "Overall, the effect on me and my teaching so far",
    "On colleagues and my department": "Overall, the effect on colleagues and my department so far",
    "On pupils": "Overall, the effect on my pupils so far",
}
_LEVEL_EFFECT_LABELS = {
    "reactions": "Level 1 effect: was it worthwhile for me?",
    "learning": "Level 2 effect: on what I know and understand",
    "organisation_support": "Level 3 effect: on my school or department",
    "use_in_practice": "Level 4 effect: on my teaching",
    "pupil_outcomes": "Level 5 effect: on pupils' learning",
}
_EFFECT_HELP = ("Choose 'Positive' only for an effect you have seen; 'None yet' is an honest "
                "and useful answer a few weeks in.")

IMPACT_EFFECT_PROMPTS: tuple[Prompt, ...] = tuple(
    Prompt(level_effect_field(field), label, _EFFECT_HELP, "effect") for field, label in _LEVEL_EFFECT_LABELS.items()
) + tuple(
    Prompt(circle_effect_field(circle), label, _EFFECT_HELP, "effect") for circle, label in _CIRCLE_EFFECT_LABELS.items()
)
"""The impact record's effect questions: one per Guskey level, one per circle. The
circles' answers give the CPD Impact Toolkit's headline figures."""

EFFECT_FIELDS = frozenset(prompt.field for prompt in IMPACT_EFFECT_PROMPTS)


def is_effect_field(field: str) -> bool:
    """Whether an impact-record field holds an effect choice rather than free text."""
    return field in EFFECT_FIELDS


FORM_TITLES = {
    "action_plan": "My action plan",
    "reflection": "My reflection",
    "impact_record": "My impact record",
}



class GuskeyLevel(NamedTuple):
    """One of Guskey's five levels of evaluating professional development.

    Attributes:
        number: 1 (reactions) to 5 (pupil learning outcomes).
        name: The level as Guskey names it.
        field: The impact-record prompt that gathers evidence at this level.
    """

    number: int
    name: str
    field: str


GUSKEY_LEVELS: tuple[GuskeyLevel, ...] = (
    GuskeyLevel(1, "Participants' reactions", "reactions"),
    GuskeyLevel(2, "Participants' learning", "learning"),
    GuskeyLevel(3, "Organisation support and change", "organisation_support"),
    GuskeyLevel(4, "Participants' use of new knowledge and skills", "use_in_practice"),
    GuskeyLevel(5, "Pupil learning outcomes", "pupil_outcomes"),
)
"""Guskey's levels, each with the impact-record field that answers it (the field
``shared_with_colleagues`` belongs to a circle but to no level)."""

PROMPTS_BY_KIND: dict[str, tuple[Prompt, ...]] = {
    "action_plan": ACTION_PLAN_PROMPTS,
    "reflection": REFLECTION_PROMPTS,
    "impact_record": IMPACT_RECORD_PROMPTS + IMPACT_EFFECT_PROMPTS,
}
"""Each Toolkit form's prompts, by the entry kind its answers are stored under."""


def guskey_level(field: str) -> GuskeyLevel | None:
    """The Guskey level an impact-record field answers, or None (e.g. sharing)."""
    return next((level for level in GUSKEY_LEVELS if level.field == field), None)


def form_data(kind: str, prompts=None) -> dict:
    """A Toolkit form as data for the site's generic form engine (and record page).

    Args:
        kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
        prompts: The form's prompts; None means the standard ones for ``kind``.

    Returns:
        ``{"kind", "title", "groups": [{"title", "fields": [{"field", "label", "help",
        "type", "level"}]}]}``; an ``"effect"`` field also has ``"choices"`` (``[{"value",
        "label"}]``). The impact record's groups are the toolkit's three circles: text
        fields in Guskey-level order, each followed by its level's effect question, then
        the circle's overall effect; unknown fields go in a last group. Other forms have
        one untitled group. The browser engine renders fields by ``type``, so a new kind
        of answer is new data plus one renderer, not a new form.

    Raises:
        KeyError: If ``kind`` is not a Toolkit form and no prompts are given.
    """
    prompts = tuple(Prompt(*prompt) for prompt in (prompts if prompts is not None else PROMPTS_BY_KIND[kind]))

    def field_data(prompt: Prompt) -> dict:
        level = None
        if kind == "impact_record":
            base = prompt.field[: -len("_effect")] if prompt.field.endswith("_effect") else prompt.field
            level = guskey_level(base)
        data = {"field": prompt.field, "label": prompt.label, "help": prompt.help, "type": prompt.type,
                "level": level.number if level else None}
        if prompt.type == "effect":
            data["choices"] = [{"value": value, "label": EFFECT_LABELS[value]} for value in EFFECTS]
        return data

    if kind != "impact_record":
        groups = [{"title": None, "fields": [field_data(prompt) for prompt in prompts]}]
    else:
        by_field = {prompt.field: prompt for prompt in prompts}
        groups, placed = [], set()
        for circle, fields in IMPACT_CIRCLES.items():
            chosen = [by_field[name] for name in fields if name in by_field]
            chosen.sort(key=lambda prompt: (guskey_level(prompt.field) or GuskeyLevel(9, "", "")).number)
            ordered = []
            for prompt in chosen:
                ordered.append(prompt)
                effect = by_field.get(level_effect_field(prompt.field))
                if effect is not None:
                    ordered.append(effect)
            overall = by_field.get(circle_effect_field(circle))
            if overall is not None:
                ordered.append(overall)
            if ordered:
                groups.append({"title": circle, "fields": [field_data(prompt) for prompt in ordered]})
                placed.update(prompt.field for prompt in ordered)
        rest = [prompt for prompt in prompts if prompt.field not in placed]
        if rest:
            groups.append({"title": "Other", "fields": [field_data(prompt) for prompt in rest]})
    return {"kind": kind, "title": FORM_TITLES.get(kind, kind), "groups": groups}


# ------------------------------------------------------------ per-module examples


class ActionPlanExamples(NamedTuple):
    """Examples under the action plan's first three prompts, written for one module."""

    improvement_focus: str
    planned_change: str
    success_evidence: str


MODULE_ACTION_PLAN_EXAMPLES: dict[str, ActionPlanExamples] = {
    "physics-pendulum": ActionPlanExamples(
        "My Year 10s think a heavier bob swings faster; half chose it on the hinge question.",
        "Predict-observe-explain with two bobs of different mass before the timing practical.",
        "The same hinge question in the next unit test; fewer 'heavier is faster' answers.",
    ),
    "physics-electricity": ActionPlanExamples(
        "My Year 9s think current is used up around a circuit; their answers on the diagnostic question show it.",
        "Start each circuits lesson with the rope model and a hinge question.",
        "Fewer 'current used up' answers on the same diagnostic question in three weeks; "
        "pupils' explanations in their books.",
    ),
    "physics-electricity-at-home": ActionPlanExamples(
        "My Year 10s say the grid uses high voltage 'so electricity gets there faster', "
        "and think the fuse stops shocks.",
        "Predict-observe-explain with the grid simulation (double the p.d., quarter the loss) and a hinge question "
        "on what a fuse protects.",
        "The same hinge questions in three weeks; grid explanations in the topic test "
        "that link p.d., current and heating.",
    ),
    "physics-energy": ActionPlanExamples(
        "Year 10 describe energy as 'used up' and mix up stores with transfers in exam answers.",
        "Use store-and-pathway diagrams for every example this half term, and the spring simulation "
        "for elastic potential energy.",
        "Pupils' written explanations of a falling ball and a stretched spring name stores and pathways.",
    ),
    "physics-forces-and-motion": ActionPlanExamples(
        "My Year 11s believe a moving object needs a resultant force to keep moving.",
        "Open the topic with the terminal-velocity simulation and a force-diagram hinge question each lesson.",
        "Force diagrams for a parachutist at steady speed show balanced forces in the end-of-topic test.",
    ),
    "physics-magnetism-and-electromagnetism": ActionPlanExamples(
        "Pupils apply Fleming's left-hand rule by rote and cannot say why the motor keeps turning.",
        "Build a simple motor in pairs and use the motor-effect simulation to explain the split-ring commutator.",
        "Pupils explain the commutator correctly in a six-mark question compared with last year's class.",
    ),
    "physics-particles-and-heating": ActionPlanExamples(
        "Year 10 confuse temperature with internal energy and lose marks on specific heat capacity calculations.",
        "Run the specific heat capacity required practical with a predict-then-measure step and a worked "
        "example on ΔE = mcΔθ.",
        "Calculation marks on the heating question of the end-of-topic test, compared with last year.",
    ),
    "physics-radioactivity": ActionPlanExamples(
        "Pupils think a sample's half-life shortens as it decays, and that irradiated objects become radioactive.",
        "Dice-decay model with the class, then the half-life simulation; a hinge question on irradiation "
        "versus contamination.",
        "Half-life graph readings and irradiation answers in the mock exam questions.",
    ),
    "physics-waves-and-light": ActionPlanExamples(
        "Year 11 think the wave itself carries the water forwards and mix up frequency with speed.",
        "Slinky and ripple-tank demonstrations, then the standing-wave simulation; one hinge question per lesson.",
        "Wave-speed calculations and 'what moves?' explanations in the end-of-topic test.",
    ),
    "chemistry-acids-and-titration": ActionPlanExamples(
        "My Year 11s think a strong acid is the same as a concentrated one.",
        "Compare strong and weak acids at equal concentration with the pH-curve simulation before the titration practical.",
        "Fewer strong/concentrated mix-ups on the exam-style question; better titration end-point explanations.",
    ),
    "chemistry-chemical-analysis": ActionPlanExamples(
        "Pupils think a 'pure' substance in chemistry means natural or safe to eat.",
        "Melting-point data for pure and impure samples and the chromatography simulation for Rf values.",
        "Pupils' definitions of pure and their Rf calculations in the end-of-topic test.",
    ),
    "chemistry-electrolysis-and-energetics": ActionPlanExamples(
        "Year 10 think bond making takes in energy and cannot say which ions go to which electrode.",
        "Use the energy-profile simulation for bond breaking and making, and predict-then-test electrolysis "
        "of brine.",
        "Correct exothermic explanations and electrode half-equations in the end-of-topic test.",
    ),
    "chemistry-equilibrium": ActionPlanExamples(
        "Pupils think reactions stop at equilibrium and that Le Chatelier's principle is a rule to memorise.",
        "Use the equilibrium simulation to show both reactions continuing, then predict shifts before showing them.",
        "Explanations of the Haber process conditions in the six-mark question, compared with last year.",
    ),
    "chemistry-quantitative-chemistry": ActionPlanExamples(
        "My Year 11s can use n = m/Mr but cannot set up a reacting-masses calculation from an equation.",
        "Model every reacting-masses question with a ratio table, then fade the support over three lessons.",
        "Marks on reacting-masses and percentage-yield questions in the mock, compared with the previous mock.",
    ),
    "chemistry-rates-of-reaction": ActionPlanExamples(
        "Year 10 think a catalyst gives particles more energy, and that more collisions alone means a faster rate.",
        "Use the energy-distribution simulation to show activation energy falling, before the rates practical.",
        "Catalyst explanations that mention an alternative pathway in the end-of-topic test.",
    ),
    "pedagogy-retrieval-practice": ActionPlanExamples(
        "My classes forget last term's topics by the mock; starters re-teach rather than retrieve.",
        "Low-stakes retrieval quizzes with confidence ratings at the start of every lesson, spaced over weeks.",
        "Scores on spaced quiz questions rising over six weeks; fewer confidently wrong answers.",
    ),
    "pedagogy-practical-work": ActionPlanExamples(
        "Pupils follow required-practical instructions but cannot say what the method is testing or its uncertainty.",
        "Before each required practical, pupils predict, identify variables and estimate uncertainty.",
        "Practical questions on the mock about method and uncertainty, compared with last year's cohort.",
    ),
}
"""Action-plan examples for every course module, keyed by module id."""

SUBJECT_ACTION_PLAN_EXAMPLES: dict[str, ActionPlanExamples] = {
    "physics": ActionPlanExamples(
        "A physics idea my pupils hold that this module challenges, such as 'a force is needed to keep things moving'.",
        "The simulation or demonstration I will use to open the topic, and a hinge question to check it.",
        "The same hinge question in three weeks; pupils' explanations in their books or the topic test.",
    ),
    "chemistry": ActionPlanExamples(
        "A chemistry idea my pupils hold that this module challenges, such as 'particles of a solid are not moving'.",
        "The simulation or practical I will use to open the topic, and a hinge question to check it.",
        "The same hinge question in three weeks; pupils' explanations or calculations in the topic test.",
    ),
    "biology": ActionPlanExamples(
        "A biology idea my pupils hold that this module challenges, such as 'plants get their food from the soil'.",
        "The model or practical I will use to open the topic, and a hinge question to check it.",
        "The same hinge question in three weeks; pupils' explanations in their books or the topic test.",
    ),
    "pedagogy": ActionPlanExamples(
        "A habit in my teaching I want to change, and the evidence from my classes that it matters.",
        "The routine I will try in every lesson with one class for the next half term.",
        "What I will compare before and after: quiz scores, pupils' work or a colleague's observation.",
    ),
}
"""Examples for a module without its own, by the subject its id starts with (e.g. a new
``physics-…`` or ``chemistry-…`` module)."""

GENERIC_ACTION_PLAN_EXAMPLES = ActionPlanExamples(
    "One thing my pupils find hard in this topic, and the evidence from their answers.",
    "What I will do differently in the next lessons on it.",
    "The evidence I will collect in three weeks to see whether it worked.",
)


def action_plan_examples(module: str) -> ActionPlanExamples:
    """The examples for a module: its own, else its subject's, else general ones."""
    if module in MODULE_ACTION_PLAN_EXAMPLES:
        return MODULE_ACTION_PLAN_EXAMPLES[module]
    subject = str(module).split("-", 1)[0]
    return SUBJECT_ACTION_PLAN_EXAMPLES.get(subject, GENERIC_ACTION_PLAN_EXAMPLES)


def action_plan_prompts(module: str) -> tuple[Prompt, ...]:
    """The action-plan prompts with examples written for ``module`` (same fields and labels)."""
    examples = action_plan_examples(module)._asdict()
    # A module's own examples are examples; a subject's or the general ones are hints.
    lead = "e.g. " if module in MODULE_ACTION_PLAN_EXAMPLES else ""
    return tuple(
        prompt._replace(help=lead + examples[prompt.field]) if prompt.field in examples else prompt
        for prompt in ACTION_PLAN_PROMPTS
    )
