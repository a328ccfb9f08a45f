"""Honest impact counting (issue 15): only chosen effects count; "none yet", "not answered"
and "unknown" (old text-only records) are told apart, per circle and Guskey level."""

import json

import pytest

from stemcpd.cpd import ProgressStore, record, report
from stemcpd.cpd.impact import EffectCounts, circle_status, headline_figures, level_status, teacher_statuses
from stemcpd.cpd.prompts import EFFECT_FIELDS, IMPACT_EFFECT_PROMPTS
from stemcpd.cpd.record_file import RecordFileError, load_record_file, schema


def test_text_alone_is_never_an_effect():
    texts = {"pupil_outcomes": "No change yet, too early to say", "learning": "Lots"}
    assert circle_status(texts, "On pupils") == "unknown"
    assert circle_status(texts, "On colleagues and my department") == "not_answered"
    assert level_status(texts, 5) == "unknown" and level_status(texts, 2) == "unknown"
    assert level_status(texts, 3) == "not_answered"


def test_chosen_effects_count_and_a_bad_value_is_not_one():
    texts = {"effect_on_pupils": "none_yet", "effect_on_me": "positive", "learning_effect": "positive",
             "effect_on_colleagues": "very positive!"}
    assert circle_status(texts, "On pupils") == "none_yet"
    assert circle_status(texts, "On me") == "positive"
    assert circle_status(texts, "On colleagues and my department") == "not_answered"
    assert level_status(texts, 2) == "positive"


def test_a_teacher_is_positive_if_any_module_says_so_and_counted_once():
    statuses = teacher_statuses([{"effect_on_pupils": "negative"}, {"effect_on_pupils": "positive"}])
    assert statuses["pupils"] == "positive"
    assert teacher_statuses([{"effect_on_pupils": "none_yet"}, {"pupil_outcomes": "text"}])["pupils"] == "none_yet"
    assert teacher_statuses([])["pupils"] == "not_answered"


def test_headline_figures_are_over_those_who_answered():
    figures = headline_figures([
        [{"effect_on_pupils": "positive", "effect_on_me": "positive"}],
        [{"effect_on_pupils": "none_yet", "effect_on_me": "positive"}],
        [{"effect_on_pupils": "negative"}],
        [{"pupil_outcomes": "Better answers"}],  # an old record: unknown
        [],                                      # no impact record at all
    ])
    pupils = figures["pupils"]
    assert pupils == EffectCounts(positive=1, none_yet=1, negative=1, unknown=1, not_answered=1)
    assert pupils.answered == 3 and pupils.total == 5
    assert pupils.positive_percent == pytest.approx(100 / 3)
    assert pupils.headline() == "1 of 3 who answered (33%); 1 not answered, 1 unknown"
    assert figures["me"].positive == 2 and figures["me"].not_answered == 3
    assert EffectCounts().positive_percent is None


def _participant(tmp_path, name, texts):
    store = ProgressStore(tmp_path / f"{name}.sqlite")
    store.save_entries(module="physics-pendulum", kind="reflection", texts={"surprised_me": "x"})
    if texts:
        store.save_entries(module="physics-pendulum", kind="impact_record", texts=texts)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(record.to_json(store, participant=name)), encoding="utf-8")
    return path


def test_group_report_counts_none_yet_apart_from_not_answered(tmp_path):
    files = [
        _participant(tmp_path, "A", {"effect_on_pupils": "positive", "pupil_outcomes": "Better answers"}),
        _participant(tmp_path, "B", {"effect_on_pupils": "none_yet", "pupil_outcomes": "No change yet"}),
        _participant(tmp_path, "C", {"pupil_outcomes": "No change yet"}),
        _participant(tmp_path, "D", {}),
    ]
    group = report.aggregate(report.load_records(files))
    pupils = group.impact["On pupils"]
    assert (pupils.positive, pupils.none_yet, pupils.negative, pupils.unknown, pupils.not_answered) == (1, 1, 0, 1, 1)
    assert group.impact_levels[5].positive == 0 and group.impact_levels[5].unknown == 3  # no level-5 choice made
    page = report.to_html(group)
    assert "<strong>On pupils</strong>: 50% positive (1 of 2 who answered (50%); 1 not answered, 1 unknown)" in page
    assert "<th scope='col'>None yet</th>" in page and "<th scope='col'>Not answered</th>" in page


def test_the_schema_knows_exactly_the_effect_fields_and_refuses_other_values(tmp_path):
    import re

    rule = schema()["definitions"]["entry"]["allOf"][0]["if"]["properties"]["field"]["pattern"]
    assert {prompt.field for prompt in IMPACT_EFFECT_PROMPTS} == EFFECT_FIELDS
    for name in EFFECT_FIELDS:
        assert re.fullmatch(rule, name)
    assert not re.fullmatch(rule, "pupil_outcomes")
    bad = {"format": "stemcpd-record", "version": 1, "attempts": [], "entries": [
        {"module": "m", "kind": "impact_record", "field": "effect_on_pupils", "text": "yes!",
         "saved_at": "2026-01-01T00:00:00Z"}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(RecordFileError, match="effect_on_pupils|entries\\[0\\]"):
        load_record_file(path)


def test_the_notebook_form_saves_an_effect_choice(tmp_path):
    from stemcpd.cpd.toolkit import impact_record

    store = ProgressStore(tmp_path / "p.sqlite")
    form = impact_record("physics-pendulum", store, display=False)
    assert form.choices["effect_on_pupils"].value is None  # not answered until chosen
    form.choices["effect_on_pupils"].value = "none_yet"
    form.text_areas["pupil_outcomes"].value = "Too early to tell"
    assert form.save()
    assert store.latest_entries("physics-pendulum", "impact_record") == {
        "effect_on_pupils": "none_yet", "pupil_outcomes": "Too early to tell"}
    again = impact_record("physics-pendulum", store, display=False)
    assert again.choices["effect_on_pupils"].value == "none_yet"
