"""The quick record check never accepts what the JSON Schema refuses (it may defer more)."""

import copy
import json

from hypothesis import given, settings, strategies as st

from stemcpd.cpd.record_file import _validator, quick_valid

GOOD = {
    "format": "stemcpd-record", "version": 1, "participant": "Asha", "exported_at": "2026-12-03T10:00:00+00:00",
    "attempts": [{"module": "physics-pendulum", "bank_topic": "pendulum", "question_id": "period-mass",
                  "response": "1", "correct": False, "score": 0.0, "misconception": "heavier-swings-faster",
                  "confidence": "sure", "answered_at": "2026-12-03T09:00:00Z"}],
    "entries": [{"module": "physics-pendulum", "kind": "impact_record", "field": "effect_on_pupils",
                 "text": "none_yet", "saved_at": "2026-12-03T09:05:00+01:00"},
                {"module": "physics-pendulum", "kind": "action_plan", "field": "review_on",
                 "text": "2027-01-10", "saved_at": "2026-12-03T09:05:00Z"}],
}

PATHS = [("format",), ("version",), ("participant",), ("exported_at",), ("attempts",), ("entries",),
         ("attempts", 0), ("entries", 0)]
PATHS += [("attempts", 0, key) for key in GOOD["attempts"][0]]
PATHS += [("entries", 0, key) for key in GOOD["entries"][0]] + [("entries", 1, "text"), ("entries", 1, "field")]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**7, 10**7), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["positive", "none_yet", "negative", "", " ", "2027-13-01", "review_on",
                                           "effect_on_me", "impact_record", "action_plan", "sure", "x" * 201,
                                           "2026-12-03T09:00:00", "2026-12-03T09:00Z", "1"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def test_a_good_record_is_accepted_quickly():
    assert quick_valid(GOOD) and _validator().is_valid(GOOD)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1, max_size=3))
def test_quick_valid_never_accepts_what_the_schema_refuses(mutations):
    record = copy.deepcopy(GOOD)
    for path, value, delete in mutations:
        parent = record
        try:
            for key in path[:-1]:
                parent = parent[key]
            if delete and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    if quick_valid(record):
        assert _validator().is_valid(record), json.dumps(record)[:500]
