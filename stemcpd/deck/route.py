"""The workshop route: what happens in each part of a module, for how long.

One list, :data:`ROUTE`, matched to the workbook spine's headings (see
tests/test_workbook_spine.py). The slides' speaker notes and the trainer pack's session
plan are both made from it, so the timings a trainer reads in the speaker view are the
ones printed on the plan and described on the trainers' page (book/trainers.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One part of a session.

    Attributes:
        heading: how the workbook heading starts (``"## Recall quiz"``; ``"# "`` is the title).
        activity: what the room does, in a few words.
        minutes: how long, in the 75-minute route.
        note: what the trainer does.
    """

    heading: str
    activity: str
    minutes: int
    note: str

    @property
    def speaker_note(self) -> str:
        timing = f"{self.minutes} min" if self.minutes else "after the session"
        return f"{self.activity} ({timing}). {self.note}"


ROUTE: tuple[Step, ...] = (
    Step("# ", "Welcome and outcomes", 5,
         "Read the outcomes aloud; ask who teaches this topic next term."),
    Step("## Before you start", "Action plan", 10,
         "Everyone writes alone (on the course site's page for this module, in \"My CPD record\", or on paper); "
         "then two or three share what they want to change for their pupils and how they will know it worked."),
    Step("## Subject knowledge", "Simulation in pairs", 20,
         "Ask for a prediction before each control is moved or Play is pressed; stop the room twice to compare "
         "predictions with what the model shows."),
    Step("## The misconceptions pupils hold", "Hinge questions", 15,
         "Use three or four of the hinge-question slides: everyone answers at once (fingers for A–D or "
         "mini-whiteboards), then press the right arrow to reveal the answer and the thinking behind each wrong "
         "option. Ask where each idea shows up in participants' classes."),
    Step("## Using this in class", "Classroom use", 5,
         "Show the classroom app (a simulation slide, or `stemcpd app` on a computer with Python) and rehearse "
         "one hinge question with the group as the class."),
    Step("## Practical work", "Practical work and safety", 10,
         "Walk through the virtual practical's data: what pupils plot, where the systematic error shows. Agree "
         "the safety points and hand out the technician sheet."),
    Step("## Recall quiz", "Recall quiz", 5,
         "Individually, on the course site, saying how sure they are before each check. Confident wrong answers "
         "are the ones to discuss. Collect records afterwards for `stemcpd report`."),
    Step("## Reflection", "Reflection", 5,
         "Everyone names the first lesson where they will use this."),
    Step("## A few weeks later", "Impact record", 0,
         "Set the follow-up date (three to six weeks) now; the impact record is written then."),
)

SESSION_MINUTES = sum(step.minutes for step in ROUTE)


def step_for(heading_line: str) -> Step | None:
    """The route step a workbook heading starts, or None (a sub-heading, an extra section)."""
    for step in ROUTE:
        if heading_line.startswith(step.heading):
            return step
    return None
