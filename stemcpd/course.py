"""What a workbook calls: one CPD module's quiz, Toolkit forms and record, wired together.

A workbook starts with ``module = Module("physics-pendulum", ...)`` and then calls
``module.action_plan()``, ``module.quiz("pendulum")``, ``module.reflection()`` and
``module.impact_record()``. Quiz answers and Toolkit entries all go to the same
:class:`~stemcpd.cpd.ProgressStore`, tagged with the module's id. Nothing is written
until the teacher answers or saves something.
"""

from __future__ import annotations

import logging

from stemcpd.cpd import ProgressStore

log = logging.getLogger(__name__)


class Module:
    """One CPD module as its workbook uses it.

    Args:
        module_id: stable id, e.g. ``"physics-pendulum"`` (the workbook's file name).
        title: the module's title, for headings.
        minutes: estimated time for the self-paced route, in minutes.
        store: where answers and entries are saved; defaults to the teacher's own
            record (``~/.stemcpd/progress.sqlite`` or ``$STEMCPD_HOME``).
    """

    def __init__(self, module_id: str, title: str, minutes: int, store: ProgressStore | None = None):
        if not module_id or not module_id.replace("-", "").isalnum():
            raise ValueError(f"module_id must be letters, digits and hyphens, got {module_id!r}")
        if not 0 < minutes <= 600:
            raise ValueError(f"minutes must be in (0, 600], got {minutes!r}")
        self.module_id = module_id
        self.title = title
        self.minutes = minutes
        self.store = store if store is not None else ProgressStore()
        self.last_save_error: str | None = None

    def record_attempt(self, question, response, feedback, confidence=None) -> None:
        """Save one quiz answer; a failing store is logged, never breaks the quiz."""
        try:
            self.store.record_attempt(
                module=self.module_id,
                bank_topic=getattr(question, "topic", "") or self.module_id,
                question_id=question.id,
                response=response,
                feedback=feedback,
                confidence=confidence,
            )
            self.last_save_error = None
        except Exception as error:  # noqa: BLE001 - e.g. SchemaTooNewError: a store problem never reaches the quiz
            self.last_save_error = f"Your answer was marked but could not be saved: {error}"
            if not getattr(self, "_save_warned", False):  # once, not on every answer
                self._save_warned = True
                log.warning(self.last_save_error)

    def quiz(self, bank_name: str, display: bool = True):
        """Show the recall quiz from packaged bank ``bank_name``; answers are recorded."""
        from stemcpd.quiz.render import QuizWidget
        from stemcpd.quiz import load_packaged_bank

        quiz = QuizWidget(load_packaged_bank(bank_name), on_attempt=self.record_attempt, module_id=self.module_id)
        if display:
            from IPython.display import display as ipython_display

            ipython_display(quiz)
        return quiz

    def action_plan(self, display: bool = True):
        """Show the 'before you start' action-plan form."""
        from stemcpd.cpd.toolkit import action_plan

        return action_plan(self.module_id, self.store, display=display)

    def reflection(self, display: bool = True):
        """Show the end-of-module reflection form."""
        from stemcpd.cpd.toolkit import reflection

        return reflection(self.module_id, self.store, display=display)

    def impact_record(self, display: bool = True):
        """Show the impact-record form (to fill in a few weeks later)."""
        from stemcpd.cpd.toolkit import impact_record

        return impact_record(self.module_id, self.store, display=display)


class NeedsAnalysis:
    """The course's starting quiz and its advice: answer the questions, then press
    "Which modules first?" for the modules ordered by what the answers showed (wrong and
    confidently wrong first). Answers are kept in the CPD record as module
    ``needs-analysis``.

    Attributes:
        quiz: the :class:`~stemcpd.quiz.render.QuizWidget` of the diagnostic bank.
        widget: the quiz, the button and the advice, ready to display.
    """

    def __init__(self, store: ProgressStore | None = None):
        import ipywidgets as widgets

        from stemcpd.quiz.diagnostic import load_diagnostic
        from stemcpd.quiz.render import QuizWidget

        self.module = Module("needs-analysis", "Where to start: needs analysis", 15, store=store)
        self.feedbacks: dict = {}
        self.confidences: dict = {}
        self.quiz = QuizWidget(load_diagnostic(), on_attempt=self._remember, module_id=self.module.module_id)
        self.button = widgets.Button(description="Which modules first?",
                                     tooltip="Order the modules by what your answers showed")
        self.advice = widgets.HTML('<div role="status" aria-live="polite"></div>')
        self.button.on_click(lambda _button: self.advise())
        self.widget = widgets.VBox([self.quiz.widget, self.button, self.advice])
        self.widget.add_class("stemcpd-needs-analysis")

    def _remember(self, question, response, feedback, confidence):
        self.feedbacks[question.id] = feedback
        self.confidences[question.id] = confidence
        self.module.record_attempt(question, response, feedback, confidence)

    def advise(self, count: int = 6) -> list[tuple[str, str]]:
        """Show and return the first ``count`` modules to do, each with its reason."""
        import html as html_module

        from stemcpd.quiz.diagnostic import route

        steps = route(self.feedbacks, self.confidences, count)
        ranked = [(step["module"], step["reason"]) for step in steps]
        items = "".join(
            f'<li><strong>{html_module.escape(step["title"])}</strong> ({html_module.escape(step["module"])}): '
            f'{html_module.escape(step["reason"])}</li>'
            for step in steps
        )
        self.advice.value = f'<div role="status" aria-live="polite"><p>Start with:</p><ol>{items}</ol></div>'
        return ranked

    def static_html(self) -> str:
        """The questions for a page without a kernel and, after them, the route: the
        browser orders the modules from the answers as :meth:`advise` does
        (:func:`stemcpd.quiz.static.needs_route_html`)."""
        from stemcpd.quiz.static import needs_route_html

        return self.quiz.static_html() + needs_route_html()

    def _repr_mimebundle_(self, **kwargs):
        from stemcpd.ui.static import mimebundle_with_static_fallback

        return mimebundle_with_static_fallback(self.widget, self.static_html(), "Needs analysis quiz", **kwargs)


def needs_analysis(store: ProgressStore | None = None, display: bool = True) -> NeedsAnalysis:
    """Build (and by default display) the course's starting :class:`NeedsAnalysis`."""
    analysis = NeedsAnalysis(store)
    if display:
        from IPython.display import display as ipython_display

        ipython_display(analysis)
    return analysis
