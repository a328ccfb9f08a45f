"""Hinge questions come from every bank with one right letter and each wrong option's
misconception; hostile bank text is escaped; a deck has screen-sized slides, hinge
slides with the answer as a fragment, timed trainer notes, no quiz or code; the session
plan's times add up to the route."""

import re
from pathlib import Path

import nbformat
import pytest

from stemcpd.quiz.bank import load_bank
from stemcpd.slides import add_slide_metadata
from stemcpd.deck.hinge import hinge_questions, question_html, reveal_html
from stemcpd.deck.route import ROUTE, SESSION_MINUTES, step_for

BANKS = sorted((Path(__file__).resolve().parents[2] / "stemcpd" / "quiz" / "banks").glob("*.yaml"))


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_every_bank_gives_hinge_questions_with_one_answer_and_named_misconceptions(path):
    hinges = hinge_questions(path.stem)
    assert hinges, f"{path.stem} has no multiple-choice question that diagnoses a misconception"
    for hinge in hinges:
        letters = [letter for letter, _ in hinge.options]
        assert letters == list("ABCDEFGH"[: len(letters)])
        assert hinge.answer in letters
        assert {letter for letter, _, _ in hinge.wrong} == set(letters) - {hinge.answer}
        assert all(name and feedback for _, name, feedback in hinge.wrong)
    bank = load_bank(path)
    diagnosed = {option.misconception for q in bank for option in getattr(q, "options", ()) if
                 option.misconception and type(q).__name__ == "MultipleChoiceQuestion"}
    shown = {option.misconception for hinge in hinges for q in [bank[hinge.question_id]] for option in q.options
             if option.misconception}
    assert diagnosed <= shown  # every misconception the bank's MC questions diagnose has its hinge slide


def test_hostile_bank_text_is_escaped_on_hinge_slides(tmp_path):
    bank = tmp_path / "hostile.yaml"
    bank.write_text(
        "topic: hostile\ntitle: Hostile\nquestions:\n"
        "  - id: q\n    type: multiple_choice\n"
        "    prompt: \"<script>alert(1)</script> <img src=x onerror=alert(2)> Which?\"\n"
        "    options:\n"
        "      - text: \"<b onclick=alert(3)>right</b>\"\n        correct: true\n        feedback: fine\n"
        "      - text: \"<iframe src=//example.org>\"\n        misconception: heavier-falls-faster\n"
        "        feedback: \"<a href='javascript:alert(4)'>x</a>\"\n",
        encoding="utf-8")
    (hinge,) = hinge_questions(bank)
    page = question_html(hinge, 1, 1) + reveal_html(hinge)
    assert not re.search(r"<(script|img|iframe)\b", page)  # shown as text, never as elements
    assert not re.search(r"<[^>]*\son\w+\s*=", page)
    assert not re.search(r"""href\s*=\s*["']?javascript:""", page)
    assert "&lt;script&gt;" in page


def _fake_executed_workbook():
    form = ('<div class="stemcpd-record-form"><script type="application/json" class="stemcpd-record-form-data">'
            '{"title": "My action plan", "groups": [{"fields": [{"label": "What I want to improve", "help": "e.g. x"}]}]}'
            "</script></div>")
    player = ('<figure class="stemcpd-player" data-stemcpd-sim="pendulum" data-stemcpd-settings="{}">'
              "<p>desc</p></figure>")

    def code(source, html_text=None, stream=None):
        cell = nbformat.v4.new_code_cell(source)
        if html_text is not None:
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html_text, "text/plain": ""})]
        if stream is not None:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stream)]
        return cell

    long = "\n\n".join("A long paragraph about the period of a pendulum and what sets it. " * 5 for _ in range(6))
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Pendulums\n\n**Time:** about 30 minutes"),
        code('module = Module("physics-pendulum", "Pendulums", 30)'),
        nbformat.v4.new_markdown_cell("## Before you start: your action plan"),
        code("module.action_plan();", form),
        nbformat.v4.new_markdown_cell("## Subject knowledge: what sets the period?\n\n" + long),
        code("app = show()", player),
        code("print(2.01)", stream="2.01\n"),
        nbformat.v4.new_markdown_cell("## The misconceptions pupils hold\n\nThese come from research."),
        nbformat.v4.new_markdown_cell("## Recall quiz"),
        code('quiz = module.quiz("pendulum")', '<div class="stemcpd-quiz"><section>q</section></div>'),
    ])


def test_deck_cells_hinges_notes_and_no_quiz():
    notebook = add_slide_metadata(_fake_executed_workbook())
    types = [cell.metadata["slideshow"]["slide_type"] for cell in notebook.cells]
    assert types[0] == "slide" and set(types) <= {"slide", "subslide", "fragment", "-", "notes", "skip"}
    text = "\n".join(str(cell.get("outputs", "")) + cell.source for cell in notebook.cells)
    assert "stemcpd-quiz" not in text  # the full quiz is not a slide; hinge questions are
    hinges = [cell for cell in notebook.cells if "stemcpd-hinge\"" in str(cell.get("outputs", ""))]
    assert len(hinges) == len(hinge_questions("pendulum"))
    for cell in hinges:  # each hinge question is followed by its answer as a fragment, then its note
        index = notebook.cells.index(cell)
        assert cell.metadata["slideshow"]["slide_type"] == "subslide"
        assert notebook.cells[index + 1].metadata["slideshow"]["slide_type"] == "fragment"
        assert "stemcpd-hinge-reveal" in str(notebook.cells[index + 1].outputs)
        assert notebook.cells[index + 2].metadata["slideshow"]["slide_type"] == "notes"
    # hinge slides sit in the misconceptions section, before the recall quiz
    sources = [cell.source for cell in notebook.cells]
    misconceptions = next(i for i, s in enumerate(sources) if s.startswith("## The misconceptions"))
    quiz = next(i for i, s in enumerate(sources) if s.startswith("## Recall quiz"))
    assert all(misconceptions < notebook.cells.index(cell) < quiz for cell in hinges)
    notes = [cell.source for cell in notebook.cells if cell.metadata["slideshow"]["slide_type"] == "notes"]
    for heading in ("# ", "## Before you start", "## Subject knowledge", "## The misconceptions pupils hold",
                    "## Recall quiz"):
        step = step_for(heading)
        assert sum(step.speaker_note in note for note in notes) == 1, heading
    assert any(re.search(r"\(\d+ min\)", note) for note in notes)
    # the action-plan form becomes its prompts; the long section is several slides
    assert "What I want to improve" in text and "stemcpd-record-form-data" not in text
    subject = [cell for cell in notebook.cells if cell.cell_type == "markdown" and "A long paragraph" in cell.source]
    assert len(subject) >= 2


def test_route_times_add_up_and_every_spine_section_has_a_step():
    assert SESSION_MINUTES == sum(step.minutes for step in ROUTE) == 75
    for heading in ("## Before you start", "## Subject knowledge", "## The misconceptions pupils hold",
                    "## Using this in class", "## Practical work", "## Recall quiz", "## Reflection",
                    "## A few weeks later"):
        assert step_for(heading + ": x") is not None, heading


def test_live_slides_point_each_simulation_at_its_classroom_app():
    from stemcpd.slides import _link_classroom_apps

    notebook = add_slide_metadata(_fake_executed_workbook())
    _link_classroom_apps(notebook)
    text = "".join(str(output.get("data", {}).get("text/html", ""))
                   for cell in notebook.cells for output in cell.get("outputs", []))
    assert "stemcpd app pendulum" in text
