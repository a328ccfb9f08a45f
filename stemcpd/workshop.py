"""A live workshop on a JupyterHub: participants share what they agree to; the trainer's
dashboard shows the room as it answers.

How the pieces meet (see ``book/trainers.md`` for the trainer's steps):

* **The exchange directory.** The hub gives every participant's server the same
  environment variable, ``STEMCPD_EXCHANGE`` (``deploy/tljh/jupyterhub_config.d/`` and
  ``deploy/z2jh/config.yaml`` set it; the end-to-end test reads both files). It names a
  folder every participant can write to and only the trainer reads from a dashboard.
* **Consent, then sharing.** :class:`SharePanel` (``stemcpd.workshop.share_panel()`` in a
  workbook) asks each participant what to share: quiz answers (which question, right or
  wrong, the misconception a wrong answer shows), how sure they were, their action plan
  and their name. Nothing is shared until they choose; everything unticked stays out of
  the file. :func:`share` writes ``<exchange>/<user>.json`` in the portable record
  format, atomically (a temporary file renamed into place), containing only the agreed
  fields; while the panel is open it re-shares whenever the record changes.
* **The dashboard.** :class:`Dashboard` (a Voilà app: ``stemcpd workshop dashboard`` or
  the notebook :func:`write_dashboard_notebook` writes) reads every file in the exchange
  every few seconds through the group report's hostile-file checks
  (:func:`stemcpd.cpd.report.load_records`): a damaged or malicious file is counted as
  skipped and never stops the page. It shows facility per question, the misconceptions
  the room holds, confidence against correctness and action-plan themes. On screen it
  is pseudonymised by default (Participant 01, 02 …), because a projector is public.

Nothing here imports ipywidgets until a panel or dashboard is built.
"""

from __future__ import annotations

from dataclasses import dataclass
import getpass
import html
import json
import os
from pathlib import Path
import tempfile
import threading

EXCHANGE_ENVIRONMENT_VARIABLE = "STEMCPD_EXCHANGE"
DEFAULT_EXCHANGE = "/srv/stemcpd/exchange"
REFRESH_SECONDS = 3.0

CONSENT_CHOICES: dict[str, str] = {
    "answers": "My quiz answers (which questions I got right, and the misconception a wrong answer shows)",
    "confidence": "How sure I was of each answer",
    "action_plan": "My action plan (what I will change), for the room's themes",
    "name": "My name (otherwise the trainer sees only my username, and the projector a number)",
}
"""What a participant can agree to share, each as they read it. Unticked means not in the file."""


@dataclass(frozen=True)
class Consent:
    """What one participant agreed to share."""

    answers: bool = False
    confidence: bool = False
    action_plan: bool = False
    name: bool = False

    @property
    def anything(self) -> bool:
        return self.answers or self.action_plan


def exchange_dir() -> Path | None:
    """The hub's exchange folder (``$STEMCPD_EXCHANGE``), or None outside a workshop hub."""
    value = os.environ.get(EXCHANGE_ENVIRONMENT_VARIABLE, "").strip()
    return Path(value) if value else None


def _user() -> str:
    # JupyterHub sets JUPYTERHUB_USER in every single-user server.
    name = os.environ.get("JUPYTERHUB_USER") or getpass.getuser()
    return "".join(character for character in name if character.isalnum() or character in "-_.")[:100] or "participant"


def shared_record(store, consent: Consent, participant: str, modules: set[str] | None = None) -> dict:
    """The record a participant shares: the record format, with only the agreed fields.

    Responses (what exactly was typed) are never shared; attempts keep the question, right
    or wrong, score and misconception, plus confidence only if agreed. Entries are the
    action plan only, and only if agreed.
    """
    from datetime import datetime, timezone

    from stemcpd.cpd.record import RECORD_FORMAT, RECORD_VERSION

    attempts, entries = [], []
    if consent.answers:
        for attempt in store.attempts():
            if modules and attempt.module not in modules:
                continue
            attempts.append({
                "module": attempt.module, "bank_topic": attempt.bank_topic, "question_id": attempt.question_id,
                "response": "", "correct": attempt.correct, "score": attempt.score,
                "misconception": attempt.misconception,
                "confidence": attempt.confidence if consent.confidence else None,
                "answered_at": attempt.answered_at.isoformat(),
            })
    if consent.action_plan:
        for entry in store.entries(kind="action_plan"):
            if modules and entry.module not in modules:
                continue
            entries.append({"module": entry.module, "kind": entry.kind, "field": entry.field, "text": entry.text,
                            "saved_at": entry.saved_at.isoformat()})
    return {"format": RECORD_FORMAT, "version": RECORD_VERSION, "participant": participant if consent.name else "",
            "exported_at": datetime.now(timezone.utc).isoformat(), "attempts": attempts, "entries": entries}


def share(store, consent: Consent, folder: Path | None = None, user: str | None = None,
          display_name: str = "") -> Path | None:
    """Write (or, with nothing agreed, withdraw) this participant's file in the exchange.

    Returns:
        The file written, or None when consent was withdrawn (the file is removed).

    Raises:
        RuntimeError: when there is no exchange folder (not on a workshop hub).
    """
    folder = folder or exchange_dir()
    if folder is None:
        raise RuntimeError(f"no workshop exchange here: ${EXCHANGE_ENVIRONMENT_VARIABLE} is not set "
                           "(the hub's configuration sets it; see book/deployment.md)")
    user = user or _user()
    target = Path(folder) / f"{user}.json"
    if not consent.anything:
        target.unlink(missing_ok=True)
        return None
    record = shared_record(store, consent, display_name or user)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{user}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(record, stream, ensure_ascii=False)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)  # atomic: the dashboard never reads half a file
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


class SharePanel:
    """The participant's consent choices and a Share button, for a workbook or Voilà page.

    Attributes:
        widget: The panel (an ``ipywidgets.VBox``).
        checkboxes: Consent choice name → its ``Checkbox`` (all unticked at first).
        share_button, status: The button and the live status line.
    """

    def __init__(self, store=None, folder: Path | None = None, user: str | None = None,
                 live: bool = True) -> None:
        import ipywidgets

        from stemcpd.cpd import ProgressStore

        self.store = store if store is not None else ProgressStore()
        self.folder = folder or exchange_dir()
        self.user = user or _user()
        self.checkboxes = {name: ipywidgets.Checkbox(value=False, description=label, indent=False,
                                                     style={"description_width": "initial"},
                                                     layout=ipywidgets.Layout(width="100%"))
                           for name, label in CONSENT_CHOICES.items()}
        self.display_name = ipywidgets.Text(description="Name to show", placeholder="e.g. Asha Patel",
                                            style={"description_width": "initial"})
        self.share_button = ipywidgets.Button(description="Share with the trainer", button_style="primary",
                                              icon="share")
        self.status = ipywidgets.HTML()
        self.share_button.on_click(lambda _: self.share())
        intro = ipywidgets.HTML(
            "<h3>Share with the workshop trainer</h3><p>Tick what you agree to share. Nothing is shared until "
            "you press the button; untick everything and press it again to withdraw. While this page is open, "
            "new answers are shared as you go.</p>")
        self.widget = ipywidgets.VBox([intro, *self.checkboxes.values(), self.display_name, self.share_button,
                                       self.status], layout=ipywidgets.Layout(max_width="50em"))
        self.widget.add_class("stemcpd-share-panel")
        self._shared_consent: Consent | None = None
        self._last_seen: tuple = ()
        self._stop = threading.Event()
        if self.folder is None:
            self._say("This is not a workshop hub (no exchange folder), so there is nothing to share with.", True)
            self.share_button.disabled = True
        if live and self.folder is not None:
            threading.Thread(target=self._follow, daemon=True).start()

    def consent(self) -> Consent:
        return Consent(**{name: box.value for name, box in self.checkboxes.items()})

    def share(self) -> bool:
        """Share now with the ticked choices (as the button does); True on success."""
        consent = self.consent()
        try:
            path = share(self.store, consent, self.folder, self.user, self.display_name.value.strip())
        except Exception as error:  # noqa: BLE001 - the participant must see why
            self._say(f"Not shared: {html.escape(str(error))}", True)
            return False
        self._shared_consent = consent if path else None
        if path is None:
            self._say("Withdrawn: the trainer no longer has anything from you.")
        else:
            agreed = ", ".join(name.replace("_", " ") for name, value in consent.__dict__.items() if value)
            self._say(f"Shared ({html.escape(agreed)}). New answers are shared as you go while this page is open.")
        return True

    def _follow(self) -> None:
        # Re-share when the record changes, with the consent last given (never widened).
        while not self._stop.wait(REFRESH_SECONDS):
            if self._shared_consent is None:
                continue
            try:
                stat = self.store.path.stat()
                seen = (stat.st_mtime_ns, stat.st_size)
                wal = self.store.path.with_name(self.store.path.name + "-wal")
                if wal.exists():
                    seen += (wal.stat().st_mtime_ns, wal.stat().st_size)
            except OSError:
                continue
            if seen != self._last_seen:
                self._last_seen = seen
                try:
                    share(self.store, self._shared_consent, self.folder, self.user, self.display_name.value.strip())
                except Exception:  # noqa: BLE001 - the next change tries again; the button reports errors
                    pass

    def close(self) -> None:
        self._stop.set()

    def _say(self, message: str, problem: bool = False) -> None:
        colour = "#b00020" if problem else "inherit"
        self.status.value = f'<div role="status" aria-live="polite" style="color:{colour}">{message}</div>'

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def share_panel(store=None) -> SharePanel:
    """Show the consent and sharing panel in a workbook on a workshop hub (and return it)."""
    from IPython.display import display

    panel = SharePanel(store)
    display(panel.widget)
    return panel


# --------------------------------------------------------------------- dashboard


def room_state(folder: Path, show_names: bool = False):
    """Read the exchange folder: ``(GroupReport, files skipped)``; bad files never raise."""
    from stemcpd.cpd import report

    paths = sorted(path for path in Path(folder).glob("*.json") if not path.name.startswith("."))
    loaded = report.load_records(paths, pseudonymise=not show_names)
    return report.aggregate(loaded)


def dashboard_html(group, show_names: bool = False) -> str:
    """The dashboard's body: the room's results as accessible HTML tables and bars."""
    from stemcpd.cpd.record import misconception_name

    e = html.escape
    n = len(group.participants)
    parts = [f"<p class='stemcpd-room-count' role='status' aria-live='polite'><strong>{n}</strong> "
             f"participant{'s' if n != 1 else ''} sharing"
             + (f"; {len(group.skipped)} file{'s' if len(group.skipped) != 1 else ''} could not be read and "
                f"{'were' if len(group.skipped) != 1 else 'was'} skipped" if group.skipped else "") + ".</p>"]
    if n:
        parts.append("<p class='stemcpd-room-names'>" + ", ".join(e(name) for name in group.participants) + "</p>")

    def bar(fraction: float, colour: str) -> str:
        width = max(0.0, min(1.0, fraction)) * 100
        return (f"<span class='stemcpd-bar' aria-hidden='true'><span style='width:{width:.0f}%;"
                f"background:{colour}'></span></span>")

    if group.questions:
        rows = "".join(
            f"<tr><td>{e(q.question_id)}</td><td>{q.correct} of {q.answered}</td>"
            f"<td>{100 * q.facility:.0f}% {bar(q.facility, '#0072B2')}</td></tr>" for q in group.questions)
        parts.append("<section><h2>Facility per question (hardest first)</h2><table><thead><tr>"
                     "<th scope='col'>Question</th><th scope='col'>Right</th><th scope='col'>Facility</th></tr>"
                     f"</thead><tbody>{rows}</tbody></table></section>")
    if group.misconceptions:
        rows = "".join(f"<tr><td>{e(misconception_name(m))}</td><td>{count} of {n} {bar(count / n, '#D55E00')}"
                       "</td></tr>" for m, count in group.misconceptions)
        parts.append("<section><h2>Misconceptions the room holds</h2><table><thead><tr><th scope='col'>"
                     f"Misconception</th><th scope='col'>Participants</th></tr></thead><tbody>{rows}</tbody>"
                     "</table></section>")
    levels = [level for level in ("sure", "unsure", "guess", "None") if sum(group.confidence.get(level, (0, 0)))]
    if levels:
        rows = "".join(
            f"<tr><td>{'not shared' if level == 'None' else level}</td><td>{group.confidence[level][0]}</td>"
            f"<td>{group.confidence[level][1]}</td></tr>" for level in levels)
        parts.append("<section><h2>Confidence against correctness</h2>"
                     f"<p>Confidently wrong answers: <strong>{group.confidence['sure'][1]}</strong> "
                     "(the ones most worth discussing).</p><table><thead><tr><th scope='col'>Confidence</th>"
                     f"<th scope='col'>Right</th><th scope='col'>Wrong</th></tr></thead><tbody>{rows}</tbody>"
                     "</table></section>")
    if group.action_themes:
        rows = "".join(f"<li>{e(theme)}: {count}</li>" for theme, count in group.action_themes)
        parts.append(f"<section><h2>Action-plan themes</h2><ul>{rows}</ul></section>")
    if not n:
        parts.append("<p>Waiting for participants: they appear here as soon as they tick what to share and "
                     "press <em>Share with the trainer</em>.</p>")
    style = ("<style>.stemcpd-dashboard table{border-collapse:collapse;margin:.3em 0 1em}"
             ".stemcpd-dashboard th,.stemcpd-dashboard td{border:1px solid #888;padding:.2em .5em;text-align:left}"
             ".stemcpd-bar{display:inline-block;width:8em;height:.8em;border:1px solid #555;vertical-align:middle}"
             ".stemcpd-bar span{display:block;height:100%}</style>")
    return style + "<div class='stemcpd-dashboard'>" + "".join(parts) + "</div>"


class Dashboard:
    """The trainer's live view of the room (a Voilà app on the hub).

    Attributes:
        widget: The whole dashboard.
        show_names: Checkbox, unticked by default: names stay off the projector.
        body: The ``HTML`` widget redrawn every :data:`REFRESH_SECONDS` seconds.
    """

    def __init__(self, folder: Path | None = None, live: bool = True) -> None:
        import ipywidgets

        self.folder = Path(folder) if folder else exchange_dir()
        if self.folder is None:
            raise RuntimeError(f"no workshop exchange: set ${EXCHANGE_ENVIRONMENT_VARIABLE} (the hub does)")
        self.show_names = ipywidgets.Checkbox(value=False, description="Show participants' names (not on a projector)",
                                              indent=False, style={"description_width": "initial"},
                                              layout=ipywidgets.Layout(width="auto"))
        self.body = ipywidgets.HTML()
        self.show_names.observe(lambda _: self.refresh(), names="value")
        heading = ipywidgets.HTML("<h1>Workshop: the room right now</h1>")
        self.widget = ipywidgets.VBox([heading, self.show_names, self.body])
        self.widget.add_class("stemcpd-live-dashboard")
        self._stop = threading.Event()
        self.refresh()
        if live:
            threading.Thread(target=self._follow, daemon=True).start()

    def refresh(self) -> None:
        try:
            text = dashboard_html(room_state(self.folder, self.show_names.value), self.show_names.value)
        except Exception as error:  # noqa: BLE001 - e.g. the folder vanished: say so, keep refreshing
            text = f"<p role='status'>Cannot read the exchange folder {html.escape(str(self.folder))}: " \
                   f"{html.escape(type(error).__name__)}.</p>"
        if text != self.body.value:
            self.body.value = text

    def _follow(self) -> None:
        while not self._stop.wait(REFRESH_SECONDS):
            self.refresh()

    def close(self) -> None:
        self._stop.set()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


DASHBOARD_NOTEBOOK = "stemcpd-workshop-dashboard.ipynb"


def write_dashboard_notebook(folder: Path) -> Path:
    """Write the Voilà notebook that shows the dashboard (one cell), and return its path."""
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                   "source": ["from stemcpd.workshop import Dashboard\n", "Dashboard()"]}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    path = Path(folder) / DASHBOARD_NOTEBOOK
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return path


def participant_count(folder: Path) -> int:
    """How many participants' files the exchange holds (for a quick check from a shell)."""
    return sum(1 for path in Path(folder).glob("*.json") if not path.name.startswith("."))


__all__ = ["Consent", "SharePanel", "Dashboard", "share", "share_panel", "shared_record", "exchange_dir",
           "dashboard_html", "room_state", "write_dashboard_notebook", "CONSENT_CHOICES"]
