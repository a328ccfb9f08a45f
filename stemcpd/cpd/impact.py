"""Honest impact figures: what teachers recorded as an effect, and nothing else.

The CPD Impact Toolkit reports three headline figures: the share of teachers reporting
a positive effect on themselves, on colleagues and on pupils. A record answers those
with an explicit choice per circle (and per Guskey level): positive, none yet or
negative (:data:`stemcpd.cpd.prompts.EFFECTS`), stored beside the free text. This module
turns one impact record's latest entries into a status per circle and level, and counts
statuses for a group.

Why it is strict:

* **Only a choice counts.** Text such as "no change yet" in the pupils box is never read
  as an effect. A circle whose boxes hold text but whose choice is missing is
  ``unknown``: records written before the choices existed read that way, never guessed.
* **"None yet" and "not answered" stay apart.** A teacher who says nothing has changed
  yet answered the question; one who wrote nothing did not. Both are shown, and the
  headline percentage is taken over those who answered, as the Toolkit's is, with the
  number who did not answer beside it.
* **One teacher, one vote per circle.** Across several modules a teacher counts as
  "positive" for a circle if any of their impact records says so; otherwise negative if
  any says so, then none yet, unknown, not answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stemcpd.cpd.prompts import (
    EFFECT_LABELS,
    EFFECTS,
    GUSKEY_LEVELS,
    IMPACT_CIRCLE_KEYS,
    IMPACT_CIRCLES,
    NOT_ANSWERED,
    UNKNOWN_EFFECT,
    circle_effect_field,
    level_effect_field,
)

STATUSES: tuple[str, ...] = (*EFFECTS, UNKNOWN_EFFECT, NOT_ANSWERED)
"""Every status a circle or level can have, in the order reports show them."""

STATUS_LABELS: dict[str, str] = {
    **EFFECT_LABELS,
    UNKNOWN_EFFECT: "Unknown (text only, no effect chosen)",
    NOT_ANSWERED: "Not answered",
}

_PRECEDENCE = {"positive": 0, "negative": 1, "none_yet": 2, UNKNOWN_EFFECT: 3, NOT_ANSWERED: 4}


def _written(texts: Mapping[str, str], field: str) -> bool:
    value = texts.get(field)
    return isinstance(value, str) and bool(value.strip())


def _status(texts: Mapping[str, str], effect_field: str, text_fields: Iterable[str]) -> str:
    choice = texts.get(effect_field)
    if choice in EFFECTS:
        return choice
    # Anything else in the effect field (a hand-edited file, an old value) is not an effect.
    if any(_written(texts, field) for field in text_fields):
        return UNKNOWN_EFFECT
    return NOT_ANSWERED


def circle_status(texts: Mapping[str, str], circle: str) -> str:
    """The status of one circle ("On pupils" …) in one module's latest impact entries."""
    return _status(texts, circle_effect_field(circle), IMPACT_CIRCLES[circle])


def level_status(texts: Mapping[str, str], level_number: int) -> str:
    """The status of one Guskey level (1 to 5) in one module's latest impact entries."""
    level = GUSKEY_LEVELS[level_number - 1]
    return _status(texts, level_effect_field(level.field), (level.field,))


def record_statuses(texts: Mapping[str, str]) -> dict[str, str]:
    """Status per circle key (``me``, ``colleagues``, ``pupils``) and per level (``level1`` …)."""
    statuses = {IMPACT_CIRCLE_KEYS[circle]: circle_status(texts, circle) for circle in IMPACT_CIRCLES}
    statuses.update({f"level{level.number}": level_status(texts, level.number) for level in GUSKEY_LEVELS})
    return statuses


def combine(statuses: Iterable[str]) -> str:
    """One teacher's status from several records: positive wins, then negative, none yet …"""
    return min(statuses, key=lambda status: _PRECEDENCE.get(status, 9), default=NOT_ANSWERED)


@dataclass(frozen=True)
class EffectCounts:
    """How many teachers (or records) are in each status for one circle or level."""

    positive: int = 0
    none_yet: int = 0
    negative: int = 0
    unknown: int = 0
    not_answered: int = 0

    @property
    def answered(self) -> int:
        """Those who chose an effect (positive, none yet or negative)."""
        return self.positive + self.none_yet + self.negative

    @property
    def total(self) -> int:
        return self.answered + self.unknown + self.not_answered

    @property
    def positive_percent(self) -> float | None:
        """The Toolkit's headline: positive as a share of those who answered (None if nobody did)."""
        return 100.0 * self.positive / self.answered if self.answered else None

    def as_dict(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in STATUSES}

    def headline(self) -> str:
        """E.g. "3 of 4 who answered (75%); 1 not answered, 2 unknown"."""
        if not self.answered:
            core = "nobody chose an effect yet"
        else:
            core = f"{self.positive} of {self.answered} who answered ({self.positive_percent:.0f}%)"
        extras = [f"{count} {label}" for count, label in ((self.not_answered, "not answered"),
                                                          (self.unknown, "unknown")) if count]
        return core + ("; " + ", ".join(extras) if extras else "")


def tally(statuses: Iterable[str]) -> EffectCounts:
    """Count statuses; anything unrecognised counts as unknown."""
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        counts[status if status in counts else UNKNOWN_EFFECT] += 1
    return EffectCounts(**counts)


def teacher_statuses(records: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """One teacher's status per circle and level over all their modules' impact records."""
    records = list(records)
    keys = [*IMPACT_CIRCLE_KEYS.values(), *(f"level{level.number}" for level in GUSKEY_LEVELS)]
    if not records:
        return dict.fromkeys(keys, NOT_ANSWERED)
    per_record = [record_statuses(texts) for texts in records]
    return {key: combine(statuses[key] for statuses in per_record) for key in keys}


def headline_figures(teachers: Iterable[Iterable[Mapping[str, str]]]) -> dict[str, EffectCounts]:
    """The Toolkit's figures for a group: per circle key and level, counts of teachers.

    Args:
        teachers: For each teacher, their modules' latest impact-record entries
            (field → text); an empty list for a teacher with no impact record.
    """
    per_teacher = [teacher_statuses(records) for records in teachers]
    keys = [*IMPACT_CIRCLE_KEYS.values(), *(f"level{level.number}" for level in GUSKEY_LEVELS)]
    return {key: tally(statuses[key] for statuses in per_teacher) for key in keys}
