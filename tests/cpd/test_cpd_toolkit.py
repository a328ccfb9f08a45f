"""Tests for stemcpd.cpd.toolkit: the CPD Impact Toolkit forms, built headless.

Every test points STEMCPD_HOME and HOME at a temporary directory, so nothing
touches the real home directory.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime

import ipywidgets
import pytest

import stemcpd.cpd
from stemcpd.cpd import ProgressStore
from stemcpd.cpd.prompts import PROMPT_TYPES, action_plan_prompts
from stemcpd.cpd.toolkit import (
    ACTION_PLAN_PROMPTS,
    IMPACT_EFFECT_PROMPTS,
    IMPACT_RECORD_PROMPTS,
    Prompt,
    ToolkitForm,
    action_plan,
    impact_record,
)

STATUS_WRAPPER = re.compile(r'^<div role="status" aria-live="polite"[^>]*>(.*)</div>$', re.DOTALL)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STEMCPD_HOME", str(tmp_path / "stemcpd_home"))


@pytest.fixture
def store(tmp_path):
    with ProgressStore(tmp_path / "records" / "progress.sqlite") as opened_store:
        yield opened_store


def status_text(form: ToolkitForm) -> str:
    """The status message, checking it sits in an announced live region."""
    match = STATUS_WRAPPER.match(form.status.value)
    assert match, f"status is not in a role=status live region: {form.status.value!r}"
    return match.group(1)


def fill(form: ToolkitForm, texts: dict[str, str]) -> None:
    for field, text in texts.items():
        form.text_areas[field].value = text


# ------------------------------------------------------------ import isolation


def test_importing_stemcpd_cpd_does_not_import_widget_libraries():
    script = textwrap.dedent(
        """
        import sys
        import stemcpd.cpd
        store = stemcpd.cpd.ProgressStore
        heavy = sorted(name for name in ("ipywidgets", "matplotlib", "IPython") if name in sys.modules)
        assert not heavy, heavy
        form_builder = stemcpd.cpd.action_plan
        assert "ipywidgets" in sys.modules
        assert form_builder.__module__ == "stemcpd.cpd.toolkit"
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_package_exports():
    assert stemcpd.cpd.action_plan is action_plan
    assert stemcpd.cpd.impact_record is impact_record
    assert {"ProgressStore", "Attempt", "Entry", "default_store_path", "action_plan", "impact_record"} <= set(
        stemcpd.cpd.__all__
    )
    assert "action_plan" in dir(stemcpd.cpd)
    with pytest.raises(AttributeError):
        stemcpd.cpd.no_such_name


# --------------------------------------------------------------- prompts data


@pytest.mark.parametrize("prompts", [ACTION_PLAN_PROMPTS, IMPACT_RECORD_PROMPTS, IMPACT_EFFECT_PROMPTS])
def test_prompts_are_complete_data(prompts):
    fields = [prompt.field for prompt in prompts]
    assert len(set(fields)) == len(fields)
    for prompt in prompts:
        field, label, help_text, answer_type = prompt  # plain (field, label, help, type) tuples
        assert re.fullmatch(r"[a-z][a-z_]*", field)
        assert label.strip() and help_text.strip()
        assert answer_type in PROMPT_TYPES


def test_action_plan_asks_the_four_planning_questions():
    labels = " | ".join(prompt.label.lower() for prompt in ACTION_PLAN_PROMPTS)
    for phrase in ("improve", "pupils' needs", "do differently", "evidence", "review"):
        assert phrase in labels


def test_impact_record_follows_guskeys_five_levels_then_sharing():
    labels = [prompt.label for prompt in IMPACT_RECORD_PROMPTS]
    assert len(labels) == 6
    for level, label in enumerate(labels[:5], start=1):
        assert label.startswith(f"Level {level}:")
    assert "reactions" in labels[0].lower()
    assert "learned" in labels[1].lower()
    assert "school or department" in labels[2].lower()
    assert "teaching" in labels[3].lower()
    assert "pupils' learning" in labels[4].lower()
    assert "shared with colleagues" in labels[5].lower()


# ------------------------------------------------------------------ structure


def test_form_has_heading_labelled_boxes_save_button_and_live_status(store):
    form = action_plan("pendulum", store, display=False)
    assert isinstance(form.widget, ipywidgets.VBox)
    heading, *middle, save_button, status = form.widget.children
    assert isinstance(heading, ipywidgets.HTML)
    assert "<h3>" in heading.value and "pendulum" in heading.value and "action plan" in heading.value
    assert save_button is form.save_button and save_button.description == "Save"
    assert status is form.status
    assert status_text(form) == "Not saved yet."

    prompts = action_plan_prompts("pendulum")
    text_prompts = [prompt for prompt in prompts if prompt.type == "text"]
    assert list(form.text_areas) == [prompt.field for prompt in text_prompts]
    assert list(form.choices) == ["review_on"]  # the review date is a date picker
    assert isinstance(form.choices["review_on"], ipywidgets.DatePicker)
    boxes_in_widget = [
        child for box in middle for child in box.children if isinstance(child, ipywidgets.Textarea)
    ]
    assert boxes_in_widget == list(form.text_areas.values())
    for prompt in text_prompts:
        text_area = form.text_areas[prompt.field]
        assert text_area.description == prompt.label  # rendered as the box's <label>
        assert text_area.placeholder == prompt.help
        assert text_area.value == ""


def test_impact_record_form_has_one_box_per_guskey_prompt(store):
    form = impact_record("pendulum", store, display=False)
    assert [area.description for area in form.text_areas.values()] == [
        prompt.label for prompt in IMPACT_RECORD_PROMPTS
    ]
    assert "impact record" in form.widget.children[0].value


def test_module_name_is_escaped_in_the_heading(store):
    form = ToolkitForm("<script>alert(1)</script>", "reflection", [("note", "Note", "Anything")], store)
    assert "<script>" not in form.widget.children[0].value
    assert "&lt;script&gt;" in form.widget.children[0].value


@pytest.mark.parametrize(
    "module, kind, prompts, message",
    [
        ("", "action_plan", ACTION_PLAN_PROMPTS, "module"),
        ("pendulum", "diary", ACTION_PLAN_PROMPTS, "kind"),
        ("pendulum", "reflection", [], "prompts"),
        ("pendulum", "reflection", [("a", "A", "a"), ("a", "A again", "a")], "unique"),
    ],
)
def test_bad_form_arguments_are_rejected(store, module, kind, prompts, message):
    with pytest.raises(ValueError, match=message):
        ToolkitForm(module, kind, prompts, store)


# ----------------------------------------------------- displaying writes nothing


def test_displaying_a_form_creates_no_file(tmp_path, capsys):
    form = action_plan("pendulum")  # default store, displayed (as text outside Jupyter)
    impact_record("pendulum")
    assert form.store.path == tmp_path / "stemcpd_home" / "progress.sqlite"
    assert not (tmp_path / "stemcpd_home").exists()
    assert "ToolkitForm" in capsys.readouterr().out  # displayed outside IPython: its repr


# ---------------------------------------------------------------------- saving


def test_save_button_stores_the_text_and_reports_time_and_place(store):
    form = ToolkitForm(
        "pendulum", "action_plan", ACTION_PLAN_PROMPTS, store, clock=lambda: datetime(2024, 3, 4, 14, 5)
    )
    fill(form, {"improvement_focus": "Pupils think heavier bobs swing faster", "planned_change": "Predict–observe–explain"})
    form.save_button.click()
    assert status_text(form) == f"Saved at 14:05 — stored in {store.path}"
    assert store.latest_entries("pendulum", "action_plan") == {
        "improvement_focus": "Pupils think heavier bobs swing faster",
        "planned_change": "Predict–observe–explain",
    }


def test_save_writes_only_changed_fields(store):
    form = action_plan("pendulum", store, display=False)
    fill(form, {"planned_change": "v1", "review_date": "March"})
    assert form.save() is True
    assert len(store.entries()) == 2

    assert form.save() is True  # nothing changed
    assert len(store.entries()) == 2
    assert "Nothing new to save" in status_text(form)

    fill(form, {"planned_change": "v2"})
    assert form.save() is True
    assert [(entry.field, entry.text) for entry in store.entries()] == [
        ("planned_change", "v1"),
        ("review_date", "March"),
        ("planned_change", "v2"),
    ]
    assert re.fullmatch(r"Saved at \d\d:\d\d — stored in .*progress\.sqlite", status_text(form))


def test_clearing_a_box_is_saved(store):
    form = action_plan("pendulum", store, display=False)
    fill(form, {"planned_change": "something"})
    form.save()
    fill(form, {"planned_change": ""})
    assert form.save() is True
    assert store.latest_entries("pendulum", "action_plan") == {"planned_change": ""}


def test_new_form_is_prefilled_with_the_latest_saved_text(store):
    first = action_plan("pendulum", store, display=False)
    fill(first, {"planned_change": "old plan"})
    first.save()
    fill(first, {"planned_change": "new plan", "review_date": "after mocks"})
    first.save()
    store.save_entry(module="rates", kind="action_plan", field="planned_change", text="another module")
    store.save_entry(module="pendulum", kind="impact_record", field="learning", text="another kind")

    again = action_plan("pendulum", store, display=False)
    assert again.text_areas["planned_change"].value == "new plan"
    assert again.text_areas["review_date"].value == "after mocks"
    assert again.text_areas["improvement_focus"].value == ""
    assert "Loaded your saved answers" in status_text(again)
    # Pre-filled text counts as saved: saving again adds nothing.
    again.save()
    assert len(store.entries("pendulum", "action_plan")) == 3


def test_form_for_a_module_with_nothing_saved_says_so(store):
    store.save_entry(module="rates", kind="action_plan", field="planned_change", text="x")
    form = action_plan("pendulum", store, display=False)
    assert status_text(form) == "Not saved yet."
    assert all(area.value == "" for area in form.text_areas.values())


# -------------------------------------------------------------------- failures


def test_failed_save_is_reported_and_keeps_the_typed_text(tmp_path):
    blocking_file = tmp_path / "not_a_directory"
    blocking_file.write_text("a file where the record's folder should be")
    store = ProgressStore(blocking_file / "progress.sqlite")
    form = action_plan("pendulum", store, display=False)
    fill(form, {"planned_change": "Hours of careful writing"})

    form.save_button.click()
    assert form.save() is False
    message = status_text(form)
    assert "Not saved" in message and "still in the boxes" in message
    assert "Saved at" not in message
    assert form.text_areas["planned_change"].value == "Hours of careful writing"


class FlakyStore(ProgressStore):
    """A real store whose first save fails, like a locked database."""

    def __init__(self, path):
        super().__init__(path)
        self.failures_left = 1

    def save_entries(self, **arguments):
        if self.failures_left:
            self.failures_left -= 1
            raise sqlite3.OperationalError("database is locked <by another program>")
        return super().save_entries(**arguments)


def test_save_after_a_failure_writes_everything_typed(tmp_path):
    store = FlakyStore(tmp_path / "progress.sqlite")
    form = impact_record("pendulum", store, display=False)
    fill(form, {"reactions": "useful", "learning": "period depends on length"})

    assert form.save() is False
    message = status_text(form)
    assert "OperationalError" in message
    assert "&lt;by another program&gt;" in message  # error text is escaped
    assert store.entries() == []

    assert form.save() is True
    assert store.latest_entries("pendulum", "impact_record") == {
        "reactions": "useful",
        "learning": "period depends on length",
    }
    store.close()


def test_unreadable_record_is_reported_and_form_still_works(tmp_path):
    corrupt_path = tmp_path / "progress.sqlite"
    corrupt_path.write_bytes(b"this is not a SQLite database" * 100)
    store = ProgressStore(corrupt_path)
    form = action_plan("pendulum", store, display=False)
    assert "Could not read your saved answers" in status_text(form)
    assert all(area.value == "" for area in form.text_areas.values())

    fill(form, {"planned_change": "typed anyway"})
    assert form.save() is False
    assert form.text_areas["planned_change"].value == "typed anyway"


def test_prompt_tuples_and_named_prompts_are_interchangeable(store):
    form = ToolkitForm("pendulum", "reflection", [Prompt("note", "A note", "hint"), ("other", "Other", "hint")], store)
    assert list(form.text_areas) == ["note", "other"]


def test_reflection_form_saves_under_its_own_kind(tmp_path):
    from stemcpd.cpd import ProgressStore, REFLECTION_PROMPTS, reflection

    store = ProgressStore(tmp_path / "progress.sqlite")
    form = reflection("pendulum", store, display=False)
    assert list(form.text_areas) == [prompt.field for prompt in REFLECTION_PROMPTS]
    first_field = REFLECTION_PROMPTS[0].field
    form.text_areas[first_field].value = "T depends on amplitude after all"
    assert form.save() is True
    assert store.latest_entries("pendulum", "reflection") == {first_field: "T depends on amplitude after all"}
    assert store.latest_entries("pendulum", "action_plan") == {}


def test_forms_offer_a_static_html_version_for_the_book(tmp_path):
    from stemcpd.cpd import ACTION_PLAN_PROMPTS, ProgressStore, action_plan

    form = action_plan("pendulum", ProgressStore(tmp_path / "p.sqlite"), display=False)
    bundle = form._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    # The site's form engine (stemcpd-record.js) builds the form from this data.
    assert page.startswith('<div class="stemcpd-record-form" data-module="pendulum" data-kind="action_plan">')
    data = json.loads(re.search(
        r'<script type="application/json" class="stemcpd-record-form-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert (data["module"], data["kind"], data["title"]) == ("pendulum", "action_plan", "My action plan")
    assert [field["field"] for field in data["groups"][0]["fields"]] == [p.field for p in ACTION_PLAN_PROMPTS]
    assert {field["field"]: field["type"] for field in data["groups"][0]["fields"]}["review_on"] == "date"
    assert {field["type"] for field in data["groups"][0]["fields"]} == {"text", "date"}
    # Without the script the prompts still show, as a list.
    for prompt in ACTION_PLAN_PROMPTS:
        assert prompt.label.replace("'", "&#x27;") in page
    assert not (tmp_path / "p.sqlite").exists()


def test_the_impact_form_data_groups_fields_by_circle_with_guskey_levels(tmp_path):
    from stemcpd.cpd import ProgressStore, impact_record
    from stemcpd.cpd.toolkit import GUSKEY_LEVELS, IMPACT_CIRCLES

    page = impact_record("physics-pendulum", ProgressStore(tmp_path / "p.sqlite"), display=False).static_html()
    data = json.loads(re.search(r'class="stemcpd-record-form-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert [group["title"] for group in data["groups"]] == list(IMPACT_CIRCLES)
    for group in data["groups"]:
        texts = [field for field in group["fields"] if field["type"] == "text"]
        assert {field["field"] for field in texts} == set(IMPACT_CIRCLES[group["title"]])
        # Every level's text is followed by its effect, and the circle's overall effect comes last.
        effects = [field["field"] for field in group["fields"] if field["type"] == "effect"]
        assert effects[-1].startswith("effect_on_")
        assert [f"{field['field']}_effect" for field in texts if field["level"]] == effects[:-1]
        levels = [field["level"] for field in group["fields"] if field["level"] is not None]
        assert levels == sorted(levels)
    level_of = {field["field"]: field["level"] for group in data["groups"] for field in group["fields"]
                if field["type"] == "text"}
    assert {level.field: level.number for level in GUSKEY_LEVELS} == {k: v for k, v in level_of.items() if v}
    assert level_of["shared_with_colleagues"] is None


def test_static_form_data_cannot_close_its_script_element(tmp_path):
    from stemcpd.cpd import ProgressStore

    form = ToolkitForm("m", "reflection", [("a", "</script><img src=x onerror=alert(1)> & more", "help")],
                       ProgressStore(tmp_path / "p.sqlite"))
    page = form.static_html()
    script = re.search(r'class="stemcpd-record-form-data">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["groups"][0]["fields"][0]["label"] == "</script><img src=x onerror=alert(1)> & more"
    assert "<img" not in page.replace("&lt;img", "")
