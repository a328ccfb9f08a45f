"""The command-line side of follow-up, the department view and programme evaluation.

``stemcpd/cli.py`` declares the options; these functions do the work, so the CLI stays a
thin table of commands (and these are testable without argparse).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
import sys


class CommandError(RuntimeError):
    """A problem the user can fix; the CLI prints it as one line."""


def _store(path: str | None):
    from stemcpd.cpd import ProgressStore

    return ProgressStore(path) if path else ProgressStore()


def _today(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today {text!r} is not a date like 2027-03-10") from None


def record_due(store_path: str | None = None, today: str | None = None) -> int:
    """Print the impact records that are due, then those coming up (``stemcpd record due``)."""
    from stemcpd.cpd.followup import impact_due, store_entries

    store = _store(store_path)
    if not store.exists:
        print(f"No CPD record yet at {store.path}: write a module's action plan first.")
        return 0
    items = impact_due(store_entries(store), _today(today))
    if not items:
        print("No action plans yet, so no impact records are due. Each module's action plan sets a review date.")
        return 0
    due = [item for item in items if item.state == "due"]
    print(f"{len(due)} impact record{'s' if len(due) != 1 else ''} due." if due else "No impact record is due yet.")
    for state, heading in (("due", "Due now"), ("upcoming", "Coming up"), ("later", "Later"), ("done", "Done")):
        chosen = [item for item in items if item.state == state]
        if chosen:
            print(f"\n{heading}:")
            for item in chosen:
                print(f"  - {item.sentence()}")
    if due:
        print("\nWrite each in the module's workbook (module.impact_record()) or on the site's module page.")
    return 0


def record_calendar(output: str, store_path: str | None = None, name: str = "") -> int:
    """Write the action plans' review dates as an iCalendar file (``stemcpd record calendar``)."""
    from stemcpd.cpd.followup import review_dates, store_entries, to_ics

    store = _store(store_path)
    reviews = review_dates(store_entries(store)) if store.exists else []
    if not reviews:
        raise CommandError("no action plans with a review date yet: write a module's action plan first")
    target = Path(output)
    target.write_bytes(to_ics(reviews, owner=name or str(store.path)).encode("utf-8"))
    print(f"{len(reviews)} review date{'s' if len(reviews) != 1 else ''} in {target.resolve()}: "
          "open it (or import it) in Outlook, Google Calendar or Apple Calendar.")
    return 0


def report_department(files: list[str], output: str, title: str, pseudonymise: bool, today: str | None) -> int:
    """The head of science's department view (``stemcpd report --department``)."""
    from stemcpd.cpd import department, report

    loaded = report.load_records(files, pseudonymise=pseudonymise)
    for path, reason in loaded.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if not loaded.participants:
        raise CommandError("no usable teacher records among the files given")
    summary = department.summarise_department(loaded, _today(today))
    Path(output).write_text(department.to_html(summary, title=title), encoding="utf-8")
    print(f"Department view for {len(summary.teachers)} teachers: {Path(output).resolve()} "
          "(open it in a browser and print it for the meeting)")
    return 0


def report_programme(manifest: str, output: str, title: str, processes: int, print_sql: bool) -> int:
    """Headline figures per course, term and region (``stemcpd report --programme``)."""
    from stemcpd.cpd import programme

    if print_sql:
        print(programme.headline_sql())
        return 0
    try:
        rows = programme.read_manifest(manifest)
    except programme.ManifestError as error:
        raise CommandError(str(error)) from None
    data = programme.read_programme(rows, processes=processes)
    for path, reason in data.skipped[:20]:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if len(data.skipped) > 20:
        print(f"… and {len(data.skipped) - 20} more skipped (listed in the report)", file=sys.stderr)
    if not data.participants:
        raise CommandError("no usable records among the manifest's files")
    figures = programme.headline_figures(data)
    Path(output).write_text(programme.to_html(figures, data.skipped, title=title), encoding="utf-8")
    everyone = next(row for row in figures if row.grouping == "all")
    print(f"Programme report for {everyone.teachers} teachers: {Path(output).resolve()}")
    for key, counts in everyone.circles.items():
        print(f"  positive effect on {key}: {counts.headline()}")
    return 0
