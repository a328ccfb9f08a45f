"""Generated CPD records for tests and benchmarks: a seeded, realistic programme.

:func:`generate_programme` writes ``count`` participants' record files (the format
``stemcpd record export --json`` writes) and a manifest assigning each to a course, term
and region, and returns the statuses it chose, so a test can check a report's figures
against what was generated rather than against the report's own code.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
import json
from pathlib import Path
import random

from stemcpd.cpd.prompts import GUSKEY_LEVELS, IMPACT_CIRCLE_KEYS, IMPACT_CIRCLES, circle_effect_field, level_effect_field
from stemcpd.cpd.record import RECORD_FORMAT, RECORD_VERSION

COURSES = ("Physics for non-specialists", "Chemistry subject knowledge", "Practical science leadership")
TERMS = ("2026 autumn", "2027 spring", "2027 summer")
REGIONS = ("North West", "London", "South West", "Yorkshire", "Wales")
MODULES = ("physics-pendulum", "physics-electricity", "chemistry-rates-of-reaction", "chemistry-equilibrium")
CHOICES = ("positive", "none_yet", "negative", "unknown", "not_answered")
WEIGHTS = (0.55, 0.2, 0.05, 0.1, 0.1)


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def generate_record(rng: random.Random, name: str, start: datetime) -> tuple[dict, dict[str, list[str]]]:
    """One participant's record and, per circle key, the status chosen for each module."""
    attempts, entries, chosen = [], [], {key: [] for key in IMPACT_CIRCLE_KEYS.values()}
    moment = start
    for module in rng.sample(MODULES, rng.choice((1, 1, 2))):
        for number in range(6):
            moment += timedelta(minutes=rng.randint(1, 4))
            correct = rng.random() < 0.7
            attempts.append({"module": module, "bank_topic": module.split("-", 1)[1], "question_id": f"q{number}",
                             "response": "1", "correct": correct, "score": 1.0 if correct else 0.0,
                             "misconception": None if correct else "heavier-swings-faster",
                             "confidence": rng.choice(("guess", "unsure", "sure")), "answered_at": _timestamp(moment)})
        moment += timedelta(minutes=5)
        for field, text in (("improvement_focus", "Pupils think current is used up"),
                            ("planned_change", "Hinge questions and the simulation"),
                            ("review_on", (moment + timedelta(weeks=4)).date().isoformat())):
            entries.append({"module": module, "kind": "action_plan", "field": field, "text": text,
                            "saved_at": _timestamp(moment)})
        entries.append({"module": module, "kind": "reflection", "field": "surprised_me", "text": "Amplitude",
                        "saved_at": _timestamp(moment)})
        moment += timedelta(weeks=5)
        for circle, fields in IMPACT_CIRCLES.items():
            status = rng.choices(CHOICES, WEIGHTS)[0]
            chosen[IMPACT_CIRCLE_KEYS[circle]].append(status)
            if status == "not_answered":
                continue
            entries.append({"module": module, "kind": "impact_record", "field": fields[0],
                            "text": "No change yet" if status == "none_yet" else "Better explanations",
                            "saved_at": _timestamp(moment)})
            if status != "unknown":
                # An earlier answer, changed later: only the latest counts.
                entries.append({"module": module, "kind": "impact_record", "field": circle_effect_field(circle),
                                "text": rng.choice(("positive", "none_yet")), "saved_at": _timestamp(moment)})
                entries.append({"module": module, "kind": "impact_record", "field": circle_effect_field(circle),
                                "text": status, "saved_at": _timestamp(moment + timedelta(days=1))})
        level = rng.choice(GUSKEY_LEVELS)
        entries.append({"module": module, "kind": "impact_record", "field": level_effect_field(level.field),
                        "text": "positive", "saved_at": _timestamp(moment)})
    record = {"format": RECORD_FORMAT, "version": RECORD_VERSION, "participant": name,
              "exported_at": _timestamp(moment + timedelta(days=2)), "attempts": attempts, "entries": entries}
    return record, chosen


def generate_programme(folder: Path, count: int, seed: int = 0) -> tuple[Path, list[dict]]:
    """Write ``count`` record files and ``manifest.csv`` into ``folder``.

    Returns:
        The manifest's path and, per participant, ``{"course", "term", "region",
        "statuses": {circle key: [status per module]}}``.
    """
    rng = random.Random(seed)
    folder = Path(folder)
    (folder / "records").mkdir(parents=True, exist_ok=True)
    truth = []
    start = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "course", "term", "region"])
        for index in range(count):
            name = f"Teacher {index:05d}"
            record, chosen = generate_record(rng, name, start + timedelta(minutes=index))
            path = folder / "records" / f"{index:05d}.json"
            path.write_text(json.dumps(record), encoding="utf-8")
            course, term, region = rng.choice(COURSES), rng.choice(TERMS), rng.choice(REGIONS)
            writer.writerow([f"records/{index:05d}.json", course, term, region])
            truth.append({"course": course, "term": term, "region": region, "statuses": chosen})
    return manifest, truth
