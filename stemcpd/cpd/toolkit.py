"""The CPD Impact Toolkit as notebook forms: an action plan and an impact record.

Each form is a column of labelled text boxes, one per prompt, with a Save
button and a status line that screen readers announce. Prompts are data
(:mod:`stemcpd.cpd.prompts`, re-exported here); one class, :class:`ToolkitForm`,
turns any prompt list into a form. On the static course site the same form is the
browser's: :meth:`ToolkitForm.static_html` writes the form as data that
``stemcpd-record.js`` turns into labelled boxes saved in the browser.

The impact record follows Guskey's five levels of evaluating professional
development (reactions; learning; organisation support and change; use of new
knowledge and skills; pupil learning outcomes), plus what the teacher shared
with colleagues.

What the form promises the teacher:

* Displaying a form never creates the record file; it is pre-filled from the
  record only if the file already exists.
* A failed save is reported in the status line and the typed text stays in the
  boxes; nothing is cleared.
* Saving writes only the fields that changed, all in one transaction, so the
  record keeps a readable history of each field.

This is the only module of :mod:`stemcpd.cpd` that imports ipywidgets.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
import json

import ipywidgets
from IPython.display import display as ipython_display

from stemcpd.cpd.prompts import (  # noqa: F401 - re-exported: the toolkit's public names
    ACTION_PLAN_PROMPTS,
    EFFECT_LABELS,
    EFFECTS,
    FORM_TITLES,
    IMPACT_EFFECT_PROMPTS,
    GUSKEY_LEVELS,
    IMPACT_CIRCLES,
    IMPACT_RECORD_PROMPTS,
    REFLECTION_PROMPTS,
    Prompt,
    action_plan_prompts,
    form_data,
)
from stemcpd.cpd.store import ENTRY_KINDS, ProgressStore
from stemcpd.ui.static import mimebundle_with_static_fallback
from stemcpd.ui.timing import after_pending_updates


class ToolkitForm:
    """A notebook form whose answers are saved to the CPD record.

    Args:
        module: CPD module the form is about, e.g. ``"pendulum"``.
        kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
        prompts: The questions, as :class:`Prompt` or ``(field, label, help)``
            tuples; field names must be unique.
        store: Where answers are saved; None means the default
            :class:`~stemcpd.cpd.store.ProgressStore`.
        clock: Returns the local time shown in the status line; for tests.

    Attributes:
        widget: The whole form (an ``ipywidgets.VBox``) to display.
        text_areas: Field name to its ``Textarea`` (text prompts).
        choices: Field name to the widget of a non-text prompt: ``RadioButtons`` for
            an effect (positive / none yet / negative), ``DatePicker`` for a date.
        save_button: The Save button; clicking it calls :meth:`save`.
        status: ``HTML`` widget whose text says what last happened.
        store: The store answers are saved to.

    Raises:
        ValueError: If module is empty, kind is not allowed, or prompts are
            empty or repeat a field.
    """

    def __init__(
        self,
        module: str,
        kind: str,
        prompts: Sequence[Prompt | tuple[str, str, str]],
        store: ProgressStore | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if not isinstance(module, str) or not module.strip():
            raise ValueError("module must be a non-empty string")
        if kind not in ENTRY_KINDS:
            raise ValueError(
                f"kind must be one of {', '.join(map(repr, ENTRY_KINDS))}, not {kind!r}"
            )
        self.prompts = tuple(Prompt(*prompt) for prompt in prompts)
        if not self.prompts:
            raise ValueError("prompts must contain at least one prompt")
        fields = [prompt.field for prompt in self.prompts]
        repeated = sorted({field for field in fields if fields.count(field) > 1})
        if repeated:
            raise ValueError(f"prompts must have unique fields; repeated: {', '.join(repeated)}")

        self.module = module
        self.kind = kind
        self.store = store if store is not None else ProgressStore()
        self._clock = clock if clock is not None else datetime.now
        # What the record holds for each field, so Save writes only changes.
        self._saved_texts: dict[str, str] = {}

        self.text_areas: dict[str, ipywidgets.Textarea] = {}
        self.choices: dict[str, ipywidgets.Widget] = {}
        prompt_boxes = []
        for prompt in self.prompts:
            if prompt.type != "text":
                self.choices[prompt.field] = choice = _choice_widget(prompt)
                prompt_boxes.append(ipywidgets.VBox([choice, ipywidgets.HTML(
                    value=f'<small style="color: #555">{html.escape(prompt.help)}</small>')]))
                continue
            text_area = ipywidgets.Textarea(
                value="",
                # The description is rendered as a <label for=...> of the box,
                # so screen readers announce the question.
                description=prompt.label,
                placeholder=prompt.help,
                tooltip=prompt.help,
                rows=4,
                # One update when the box loses focus (before the Save click), not
                # throttled keystrokes that a quick Save could overtake.
                continuous_update=False,
                style={"description_width": "initial"},
                # Column layout puts the long label above the box, not beside it.
                layout=ipywidgets.Layout(width="100%", flex_flow="column", align_items="stretch"),
            )
            help_text = ipywidgets.HTML(
                value=f'<small style="color: #555">{html.escape(prompt.help)}</small>'
            )
            self.text_areas[prompt.field] = text_area
            prompt_boxes.append(ipywidgets.VBox([text_area, help_text]))

        self.save_button = ipywidgets.Button(
            description="Save",
            button_style="primary",
            icon="save",
            tooltip=f"Save to your CPD record ({self.store.path})",
        )
        self.save_button.on_click(lambda _button: after_pending_updates(self.save))
        self.status = ipywidgets.HTML()
        heading = ipywidgets.HTML(
            value=f"<h3>{html.escape(FORM_TITLES[kind])}: {html.escape(module)}</h3>"
        )
        self.widget = ipywidgets.VBox(
            [heading, *prompt_boxes, self.save_button, self.status],
            layout=ipywidgets.Layout(width="100%", max_width="50em"),
        )
        self._prefill()

    def static_html(self) -> str:
        """The form for the static course site, where no kernel runs.

        A ``div.stemcpd-record-form`` carrying the form as JSON data (module id, kind,
        prompts grouped as :func:`~stemcpd.cpd.prompts.form_data` groups them), from
        which the site's form engine (``stemcpd-record.js``) builds labelled boxes that
        save in the browser as the teacher types. Until that script runs (or where it
        cannot), the prompts show as a list, so the page still says what to write.
        """
        data = {"module": self.module, **form_data(self.kind, self.prompts)}
        # Inside <script> only "</" could end the element early; escaping <, > and &
        # as JSON \u escapes keeps any prompt text inert.
        data_json = (json.dumps(data, ensure_ascii=False)
                     .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
        items = "".join(
            f"<li><strong>{html.escape(prompt.label)}</strong><br><em>{html.escape(prompt.help)}</em></li>"
            for prompt in self.prompts
        )
        title = html.escape(FORM_TITLES.get(self.kind, self.kind))
        return (
            f'<div class="stemcpd-record-form" data-module="{html.escape(self.module, quote=True)}" '
            f'data-kind="{html.escape(self.kind, quote=True)}">'
            f"<h3>{title}</h3>"
            f'<script type="application/json" class="stemcpd-record-form-data">{data_json}</script>'
            f'<div class="stemcpd-record-form-fallback"><ul>{items}</ul>'
            "<p><em>Your browser did not run this page's script, so the boxes to write in are "
            "missing: write your answers elsewhere, or open this workbook in JupyterLab.</em></p></div>"
            "</div>"
        )

    def _repr_mimebundle_(self, **kwargs):
        return mimebundle_with_static_fallback(
            self.widget, self.static_html(), f"{FORM_TITLES.get(self.kind, self.kind)} for {self.module}", **kwargs
        )

    def save(self) -> bool:
        """Save the changed answers, as the Save button does.

        Returns:
            True if the record now holds what is in the boxes, False if saving
            failed (the status line says why; the boxes keep their text).
        """
        current_texts = {field: area.value for field, area in self.text_areas.items()}
        current_texts.update({field: _choice_text(widget) for field, widget in self.choices.items()})
        changed_texts = {
            field: text
            for field, text in current_texts.items()
            if text != self._saved_texts.get(field, "")
        }
        where = html.escape(str(self.store.path))
        if not changed_texts:
            self._set_status(f"Nothing new to save: your record in {where} is up to date.")
            return True
        try:
            self.store.save_entries(module=self.module, kind=self.kind, texts=changed_texts)
        except Exception as error:  # noqa: BLE001 - any failure must reach the teacher
            self._set_status(
                "<strong>Not saved.</strong> "
                f"{html.escape(type(error).__name__)}: {html.escape(str(error))}. "
                "Your text is still in the boxes; copy it somewhere safe before "
                "closing this page, then try Save again.",
                is_error=True,
            )
            return False
        self._saved_texts.update(changed_texts)
        self._set_status(f"Saved at {self._clock():%H:%M} — stored in {where}")
        return True

    def _prefill(self) -> None:
        # Checking first means displaying a form never creates the file.
        if not self.store.path.exists():
            self._set_status("Not saved yet.")
            return
        try:
            saved = self.store.latest_entries(self.module, self.kind)
        except Exception as error:  # noqa: BLE001 - show it; the form still works
            self._set_status(
                "<strong>Could not read your saved answers</strong> from "
                f"{html.escape(str(self.store.path))}: "
                f"{html.escape(type(error).__name__)}: {html.escape(str(error))}.",
                is_error=True,
            )
            return
        for field, area in self.text_areas.items():
            if field in saved:
                area.value = saved[field]
                self._saved_texts[field] = saved[field]
        for field, widget in self.choices.items():
            if field in saved and _set_choice(widget, saved[field]):
                self._saved_texts[field] = saved[field]
        if any(field in saved for field in (*self.text_areas, *self.choices)):
            self._set_status(
                f"Loaded your saved answers from {html.escape(str(self.store.path))}."
            )
        else:
            self._set_status("Not saved yet.")

    def _set_status(self, message_html: str, *, is_error: bool = False) -> None:
        colour = "#b00020" if is_error else "inherit"
        self.status.value = (
            f'<div role="status" aria-live="polite" style="color: {colour}">'
            f"{message_html}</div>"
        )


def _choice_widget(prompt: Prompt) -> ipywidgets.Widget:
    """The widget for a prompt answered by choosing: an effect or a date."""
    if prompt.type == "effect":
        # No option chosen at first: "not answered" must stay distinguishable from "none yet".
        return ipywidgets.RadioButtons(
            options=[(EFFECT_LABELS[value], value) for value in EFFECTS], value=None,
            description=prompt.label, style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="100%"),
        )
    if prompt.type == "date":
        return ipywidgets.DatePicker(description=prompt.label, value=None, style={"description_width": "initial"})
    raise ValueError(f"prompt {prompt.field!r} has an unknown type {prompt.type!r}")


def _choice_text(widget: ipywidgets.Widget) -> str:
    """What a choice widget stores: the effect's value, or the date as YYYY-MM-DD ('' when unset)."""
    value = widget.value
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _set_choice(widget: ipywidgets.Widget, text: str) -> bool:
    """Show a stored answer in a choice widget; False when it is not a valid answer."""
    from datetime import date

    try:
        if isinstance(widget, ipywidgets.DatePicker):
            widget.value = date.fromisoformat(text) if text else None
        else:
            widget.value = text if text in EFFECTS else None
            return text in EFFECTS or text == ""
    except (ValueError, ipywidgets.TraitError):
        return False
    return True


def show_form(
    module: str, kind: str, prompts, store: ProgressStore | None = None, *, display: bool = True
) -> ToolkitForm:
    """Build a Toolkit form and (unless ``display`` is False) show it in the notebook.

    Args:
        module: CPD module, e.g. ``"pendulum"``.
        kind: ``"action_plan"``, ``"reflection"`` or ``"impact_record"``.
        prompts: The form's prompts.
        store: Where to save; None means the default record.
        display: Whether to display the form in the notebook; tests pass False.

    Returns:
        The form, so a notebook or test can reach its boxes and status.
    """
    form = ToolkitForm(module, kind, prompts, store)
    if display:
        ipython_display(form)
    return form


def action_plan(module: str, store: ProgressStore | None = None, *, display: bool = True) -> ToolkitForm:
    """Show the "before you start" action-plan form for a module (see :func:`show_form`)."""
    return show_form(module, "action_plan", action_plan_prompts(module), store, display=display)


def reflection(module: str, store: ProgressStore | None = None, *, display: bool = True) -> ToolkitForm:
    """Show the end-of-module reflection form for a module (see :func:`show_form`)."""
    return show_form(module, "reflection", REFLECTION_PROMPTS, store, display=display)


def impact_record(module: str, store: ProgressStore | None = None, *, display: bool = True) -> ToolkitForm:
    """Show the impact-record form (Guskey's levels, each with its effect, and each circle's
    overall effect) for a module (see :func:`show_form`)."""
    return show_form(module, "impact_record", IMPACT_RECORD_PROMPTS + IMPACT_EFFECT_PROMPTS, store, display=display)
