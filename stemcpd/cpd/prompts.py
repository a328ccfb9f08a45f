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
"""

from __future__ import annotations

from typing import NamedTuple


class Prompt(NamedTuple):
    """One question on a Toolkit form.

    Attributes:
        field: Name the answer is stored under; stable across versions.
        label: The question as the teacher reads it.
        help: A hint or example, shown under the box and as its placeholder.
    """

    field: str
    label: str
    help: str


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
        "When I will review it",
        "e.g. After the end-of-topic test, w/c 10 March, with my head of department.",
    ),
)
"""Prompts of the action plan a teacher writes after a module."""

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
    "impact_record": IMPACT_RECORD_PROMPTS,
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
        "type", "level"}]}]}``. The impact record's groups are the toolkit's three
        circles (fields in Guskey-level order within each, unknown fields in a last
        group); other forms have one untitled group. ``type`` is ``"text"`` for every
        field today: the browser engine renders fields by type, so a later kind of
        answer (a choice, say) is new data plus one renderer, not a new form.

    Raises:
        KeyError: If ``kind`` is not a Toolkit form and no prompts are given.
    """
    prompts = tuple(Prompt(*prompt) for prompt in (prompts if prompts is not None else PROMPTS_BY_KIND[kind]))

    def field_data(prompt: Prompt) -> dict:
        level = guskey_level(prompt.field) if kind == "impact_record" else None
        return {"field": prompt.field, "label": prompt.label, "help": prompt.help, "type": "text",
                "level": level.number if level else None}

    if kind != "impact_record":
        groups = [{"title": None, "fields": [field_data(prompt) for prompt in prompts]}]
    else:
        by_field = {prompt.field: prompt for prompt in prompts}
        groups, placed = [], set()
        for circle, fields in IMPACT_CIRCLES.items():
            chosen = [by_field[name] for name in fields if name in by_field]
            chosen.sort(key=lambda prompt: (guskey_level(prompt.field) or GuskeyLevel(9, "", "")).number)
            if chosen:
                groups.append({"title": circle, "fields": [field_data(prompt) for prompt in chosen]})
                placed.update(prompt.field for prompt in chosen)
        rest = [prompt for prompt in prompts if prompt.field not in placed]
        if rest:
            groups.append({"title": "Other", "fields": [field_data(prompt) for prompt in rest]})
    return {"kind": kind, "title": FORM_TITLES.get(kind, kind), "groups": groups}
