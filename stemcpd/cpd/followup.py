"""Follow-up that happens: review dates in the teacher's calendar, and impact records due.

An action plan ends with a review date (the ``review_on`` field, ``YYYY-MM-DD``). The
impact record is meant for that day, a few weeks after teaching with the module, but
nothing in a browser tab or a notebook reminds anyone weeks later. A calendar does:

* :func:`review_dates` reads every module's review date from a record's entries;
* :func:`to_ics` writes them as an iCalendar file (RFC 5545) that Outlook, Google
  Calendar and Apple Calendar import: one all-day event per module, with a reminder the
  morning before, a stable UID (re-importing updates the event instead of duplicating
  it), escaped text and lines folded at 75 octets;
* :func:`impact_due` lists each planned module's impact record as due, upcoming or done.
  A module with an action plan but no review date is due :data:`DEFAULT_REVIEW_WEEKS`
  weeks after the plan was first saved (the Toolkit's "a few weeks later"); the page and
  ``stemcpd record due`` say which rule gave the date.

The same rules run in the browser (``stemcpd-record.js``) for the record page; the tests
check both against the same cases. Entries are plain dicts shaped like the record file's
(``module, kind, field, text, saved_at``), so a store, an export or the browser's record
all work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
import hashlib
import re

from stemcpd.cpd.prompts import IMPACT_CIRCLES, circle_effect_field

DEFAULT_REVIEW_WEEKS = 6
"""Weeks after the action plan when an impact record is due if no review date was set."""

UPCOMING_DAYS = 14
"""An impact record due within this many days is listed as coming up."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Review:
    """One module's planned review.

    Attributes:
        module: Module id, e.g. ``"physics-pendulum"``.
        title: The module's readable title.
        on: The review day.
        set_by_teacher: True when the teacher chose the date; False when it is the
            default (:data:`DEFAULT_REVIEW_WEEKS` after the plan).
        planned_change: What the teacher said they would do differently ('' if unsaid).
        success_evidence: The evidence they said they would collect ('' if unsaid).
    """

    module: str
    title: str
    on: date
    set_by_teacher: bool
    planned_change: str = ""
    success_evidence: str = ""


@dataclass(frozen=True)
class ImpactDue:
    """Where one planned module's impact record stands on a given day.

    Attributes:
        review: The review it belongs to.
        state: ``"due"`` (review day reached, circles' effects not all chosen),
            ``"upcoming"`` (due within :data:`UPCOMING_DAYS`), ``"later"`` or ``"done"``.
        days: Days from today to the review day (negative once past).
    """

    review: Review
    state: str
    days: int

    def sentence(self) -> str:
        """E.g. "Pendulums: impact record due since 3 March 2027 (your review date)"."""
        when = f"{self.review.on.day} {self.review.on:%B %Y}"
        why = "your review date" if self.review.set_by_teacher else \
            f"{DEFAULT_REVIEW_WEEKS} weeks after your action plan; set a review date to change it"
        if self.state == "due":
            return f"{self.review.title}: impact record due since {when} ({why})"
        if self.state == "done":
            return f"{self.review.title}: impact recorded (review {when})"
        return f"{self.review.title}: impact record due on {when}, in {self.days} days ({why})"


def _latest(entries: Iterable[Mapping], kind: str) -> dict[str, dict[str, tuple[str, str]]]:
    """module -> field -> (text, saved_at) of the latest entry; also the first saved_at per module."""
    latest: dict[str, dict[str, tuple[str, str]]] = {}
    for entry in sorted(entries, key=lambda item: str(item.get("saved_at", ""))):
        if entry.get("kind") != kind:
            continue
        fields = latest.setdefault(str(entry["module"]), {})
        first = fields.get("", ("", str(entry.get("saved_at", ""))))
        fields[str(entry["field"])] = (str(entry.get("text", "")), str(entry.get("saved_at", "")))
        fields[""] = first  # "" keeps when the plan was first saved
    return latest


def _day(timestamp: str) -> date | None:
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.date()


def review_dates(entries: Iterable[Mapping], titles: Mapping[str, str] | None = None) -> list[Review]:
    """Every module with an action plan, with its review day, soonest first.

    Args:
        entries: The record's entries (dicts shaped like the record file's).
        titles: Module id -> readable title; missing ids are made readable.
    """
    from stemcpd.cpd.record import module_title

    titles = titles or {}
    reviews = []
    for module, fields in _latest(entries, "action_plan").items():
        texts = {name: text for name, (text, _) in fields.items() if name}
        if not any(text.strip() for text in texts.values()):
            continue
        chosen = texts.get("review_on", "").strip()
        on = None
        if _DATE.match(chosen):
            try:
                on = date.fromisoformat(chosen)
            except ValueError:
                on = None
        set_by_teacher = on is not None
        if on is None:
            first = _day(fields[""][1])
            if first is None:
                continue
            on = first + timedelta(weeks=DEFAULT_REVIEW_WEEKS)
        reviews.append(Review(module, titles.get(module) or module_title(module), on, set_by_teacher,
                              texts.get("planned_change", "").strip(), texts.get("success_evidence", "").strip()))
    return sorted(reviews, key=lambda review: (review.on, review.module))


def impact_done(texts: Mapping[str, str]) -> bool:
    """Whether an impact record has an effect chosen for every circle ("none yet" counts)."""
    return all(texts.get(circle_effect_field(circle)) in ("positive", "none_yet", "negative")
               for circle in IMPACT_CIRCLES)


def impact_due(entries: Iterable[Mapping], today: date | None = None,
               titles: Mapping[str, str] | None = None) -> list[ImpactDue]:
    """Each planned module's impact record: due first (longest overdue first), then upcoming,
    later and done."""
    entries = list(entries)
    today = today or datetime.now(timezone.utc).date()
    impact = {module: {name: text for name, (text, _) in fields.items() if name}
              for module, fields in _latest(entries, "impact_record").items()}
    result = []
    for review in review_dates(entries, titles):
        days = (review.on - today).days
        if impact_done(impact.get(review.module, {})):
            state = "done"
        elif days <= 0:
            state = "due"
        elif days <= UPCOMING_DAYS:
            state = "upcoming"
        else:
            state = "later"
        result.append(ImpactDue(review, state, days))
    order = {"due": 0, "upcoming": 1, "later": 2, "done": 3}
    return sorted(result, key=lambda item: (order[item.state], item.days))


# ------------------------------------------------------------------- iCalendar


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    # Other control characters are not allowed in a content line.
    return "".join(character for character in text if character >= " " or character == "\t")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += character
        size += width
    out.append(current)
    return "\r\n".join(out)


def to_ics(reviews: Iterable[Review], owner: str = "", stamp: datetime | None = None,
           course_url: str = "") -> str:
    """The reviews as an iCalendar file (RFC 5545), one all-day event each.

    Args:
        reviews: From :func:`review_dates`.
        owner: Whose record (goes into each event's UID, so two teachers' events differ).
        stamp: The DTSTAMP (default now, UTC).
        course_url: Where the record page is, added to each event's description.
    """
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//stemcpd//CPD review dates//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:CPD reviews"]
    for review in reviews:
        uid_source = f"{owner}|{review.module}".encode("utf-8")
        uid = hashlib.sha256(uid_source).hexdigest()[:24] + "@stemcpd"
        description = [f"Review your action plan for {review.title} and write your impact record: did it "
                       "make a difference to you, your colleagues and your pupils?"]
        if review.planned_change:
            description.append(f"What you planned: {review.planned_change}")
        if review.success_evidence:
            description.append(f"Evidence to look at: {review.success_evidence}")
        if course_url:
            description.append(f"Your record: {course_url}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{review.on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{review.on + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape('CPD review: ' + review.title)}",
            f"DESCRIPTION:{_escape(chr(10).join(description))}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape('CPD review tomorrow: ' + review.title)}",
            "TRIGGER:-PT15H",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def store_entries(store) -> list[dict]:
    """A :class:`~stemcpd.cpd.store.ProgressStore`'s entries as record-file dicts."""
    return [{"module": e.module, "kind": e.kind, "field": e.field, "text": e.text,
             "saved_at": e.saved_at.isoformat()} for e in store.entries()]
