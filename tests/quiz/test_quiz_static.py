"""The static quiz fragment (``stemcpd.quiz.to_html``) without a browser: its shape,
every question present, bank Markdown sanitised, the data script safely escaped, and
the unit table agreeing with the Python parser."""

import json
import re
import subprocess
import sys

import pytest

from stemcpd.quiz import Bank, MultipleChoiceQuestion, NumericQuestion, Option, load_packaged_bank, to_html
from stemcpd.quiz.markup import markdown_html, markdown_inline_html, sanitise
from stemcpd.quiz.static import bank_data, display_order, json_for_script, unit_key, unit_table
from stemcpd.quiz.units import _normalise_unit, normalise, parse_unit, pretty_unit, unit_registry

PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "<svg onload=alert(1)>",
    "![x](http://example.com/x.png)",
    '[x](http://a" onclick="alert(1))',
    "</script><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "`<script>alert(1)</script>`",
    "<style>body{display:none}</style>",
]


def hostile_bank():
    options = tuple(
        Option(payload, correct=(index == 0), feedback=payload, misconception=None if index == 0 else "heavier-swings-faster")
        for index, payload in enumerate(PAYLOADS)
    )
    return Bank(
        "hostile", "<script>alert('title')</script>",
        (MultipleChoiceQuestion("choice", " ".join(PAYLOADS), options),
         NumericQuestion("number", "\n\n".join(PAYLOADS), 2.0, "s", "1%")),
    )


def outside_scripts(fragment: str) -> str:
    """The fragment with its three own scripts (data, store, engine) removed."""
    without_data = re.sub(r'<script type="application/json" class="stemcpd-quiz-data">.*?</script>', "", fragment, flags=re.S)
    without_store = re.sub(r"<script>/\* stemcpd browser store.*?</script>", "", without_data, flags=re.S)
    return re.sub(r"<script>/\* stemcpd static quiz engine.*?</script>", "", without_store, flags=re.S)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_never_yields_script_handlers_or_unsafe_links(payload):
    for rendered in (markdown_html(payload), markdown_inline_html(payload)):
        lowered = rendered.lower()
        assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered and "<svg" not in lowered
        assert "<style" not in lowered
        assert not re.search(r"<[^>]*\son\w+\s*=", lowered), rendered
        assert not re.search(r"<a[^>]*href=\"(javascript|data)", lowered), rendered


def test_sanitiser_keeps_only_allowlisted_tags_and_attributes():
    dirty = ('<p onclick="x()">a<script>evil()</script><b>b</b><a href="javascript:x" onmouseover="y">c</a>'
             '<a href="https://example.org/">d</a><span class="math notranslate nohighlight">\\(x\\)</span>'
             '<span class="other" style="color:red">e</span><img src=x alt="pic">')
    clean = sanitise(dirty)
    assert clean == ('<p>ab<a rel="noopener noreferrer nofollow">c</a>'
                     '<a href="https://example.org/" rel="noopener noreferrer nofollow">d</a>'
                     '<span class="math notranslate nohighlight">\\(x\\)</span><span>e</span>pic</p>')


def test_maths_becomes_mathml_with_no_script():
    rendered = markdown_inline_html("period $T = 2\\pi\\sqrt{L/g}$ and $a<b$ with *emphasis*")
    assert '<math alttext="T = 2\\pi\\sqrt{L/g}" display="inline">' in rendered
    assert "<msqrt>" in rendered and "<mi>π</mi>" in rendered
    assert "<mo>&lt;</mo>" in rendered and "<em>emphasis</em>" in rendered


@pytest.mark.parametrize("tex", [
    "\\href{javascript:alert(1)}{click}",
    "\\style{background:url(https://example.org/x)}{y}",
    "\\class{x}{y} \\unicode{x41}",
    "\\frac{1}{",  # cannot be converted: shown as text
    "x" * 600,  # too long to convert: shown as text
])
def test_tex_in_a_bank_cannot_make_a_link_style_or_request(tex):
    for rendered in (markdown_html(f"before ${tex}$ after"), markdown_inline_html(f"${tex}$")):
        lowered = rendered.lower()
        assert "href=" not in lowered and "style=" not in lowered
        assert not re.search(r"<[^>]+\s(href|style|src|xlink:href|on\w+)\s*=", lowered), rendered


def test_fragment_shape_and_every_question_present():
    bank = load_packaged_bank("pendulum")
    fragment = to_html(bank)

    assert fragment.startswith('<section class="stemcpd-quiz"') and fragment.endswith("</section>")
    assert fragment.count("<script") == 3  # data, store and engine: a page on its own
    assert fragment.count('<script type="application/json" class="stemcpd-quiz-data">') == 1
    assert "src=" not in fragment and "http://" not in fragment and "https://" not in fragment
    for question in bank:
        assert f'data-question-id="{question.id}"' in fragment
    assert fragment.count("<details><summary>Show answer</summary>") == len(bank)
    # One live region per checkable question, and the running score.
    assert fragment.count('role="status" aria-live="polite"') == 1 + sum(
        not question.__class__.__name__.startswith(("Ordering", "ShortText", "Parameterised")) for question in bank)
    assert re.search(r'<p class="stemcpd-quiz-summary" role="status" aria-live="polite"', fragment)
    assert "Clear my answers" in fragment
    data = json.loads(re.search(r'class="stemcpd-quiz-data">(.*?)</script>', fragment, re.S).group(1))
    assert [entry["id"] for entry in data["questions"]] == [question.id for question in bank]


def test_options_follow_the_live_quizs_order():
    bank = load_packaged_bank("pendulum")
    fragment = to_html(bank)
    for question in bank:
        if isinstance(question, MultipleChoiceQuestion):
            values = re.findall(rf'name="[^"]*-{question.id}" value="(\d+)"', fragment)
            assert [int(value) for value in values] == display_order(question)


def test_bank_text_cannot_reach_the_page_as_markup():
    fragment = to_html(hostile_bank())
    visible = outside_scripts(fragment)

    assert "<script" not in visible.lower() and "<img" not in visible.lower() and "<iframe" not in visible.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", visible)
    assert "javascript:" not in re.sub(r">[^<]*<", "><", visible)  # only as text, never in a tag
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in visible


def test_json_cannot_close_its_script():
    text = json_for_script({"a": "</script><script>alert(1)</script> <!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script> <!-- & \u2028"}
    data_script = re.search(r'class="stemcpd-quiz-data">(.*?)</script>', to_html(hostile_bank()), re.S).group(1)
    assert "</" not in data_script and "<!--" not in data_script


def test_every_spelling_in_the_unit_table_reads_as_its_unit_in_python():
    units, dimensions = unit_table(["J/(kg*K)", "atm^-2", "mol/dm^3"])
    registry = unit_registry()
    for key, (dimension, factor, offset, shown) in units.items():
        assert shown == pretty_unit(key) and "^" not in shown
        unit = parse_unit(_normalise_unit(normalise(key)))
        assert unit_key(_normalise_unit(normalise(key))) == key
        assert (str(unit.dimensionality) or "dimensionless") == dimension and dimension in dimensions
        assert registry.Quantity(1.0, unit).to_base_units().magnitude == pytest.approx(factor + offset)
    for spelling in ("m/s^2", "m s^-2", "m*s^-2", "s", "ms", "min", "h", "cm", "mm", "km", "J kg^-1 K^-1",
                     "J/(kg*K)", "mol/dm^3", "mol dm^-3", "atm^-2", "seconds", "ohm", "kohm", "N/kg", ""):
        assert unit_key(_normalise_unit(normalise(spelling))) in units, spelling
    for typed in ("m/s²", "m·s⁻²", "m s-2", "m / s ^2"):
        assert unit_key(_normalise_unit(normalise(typed))) in units, typed


def test_numeric_data_comes_from_the_question():
    question = load_packaged_bank("pendulum")["period-1m"]
    data = next(entry for entry in bank_data(load_packaged_bank("pendulum"))["questions"] if entry["id"] == "period-1m")
    assert data["kind"] == "numeric" and data["answer"] == question.answer and data["sigFigs"] == 3
    assert data["allowed"] == question.allowed_difference() and data["example"] == "1.23 s"
    assert data["phrase"] == "a time"


def test_distractors_carry_their_misconception_and_its_description():
    data = bank_data(load_packaged_bank("pendulum"))
    option = next(entry for entry in data["questions"] if entry["id"] == "period-mass")["options"][1]
    assert option["misconception"]["id"] == "heavier-swings-faster"
    assert "heavier bob" in option["misconception"]["description"]


def test_static_html_of_the_widget_is_the_interactive_quiz():
    from stemcpd.quiz.render import QuizWidget

    page = QuizWidget(load_packaged_bank("pendulum"))._repr_mimebundle_()["text/html"]
    assert page.startswith('<section class="stemcpd-quiz"') and "window.stemcpdQuiz" in page


def test_to_html_is_lazy_and_imports_no_widgets_or_plots():
    code = (
        "import sys, stemcpd.quiz as quiz\n"
        "quiz.to_html(quiz.load_packaged_bank('pendulum'))\n"
        "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_distractors_carry_a_readable_misconception_name():
    data = bank_data(load_packaged_bank("pendulum"))
    option = next(entry for entry in data["questions"] if entry["id"] == "period-mass")["options"][1]
    assert option["misconception"]["name"] == "Heavier swings faster"
    # The "Show answer" disclosure names misconceptions for teachers, never by id.
    reveal = "".join(re.findall(r"<details>.*?</details>", to_html(load_packaged_bank("pendulum")), re.S))
    assert "misconception: Heavier swings faster" in reveal and "heavier-swings-faster" not in reveal


def test_the_module_id_reaches_the_quiz_data():
    from stemcpd.course import Module

    widget = Module("physics-pendulum", "Pendulums", 30).quiz("pendulum", display=False)
    page = widget._repr_mimebundle_()["text/html"]
    data = json.loads(re.search(r'class="stemcpd-quiz-data">(.*?)</script>', page, re.S).group(1))
    assert data["module"] == "physics-pendulum" and data["topic"] == "pendulum"
    assert 'data-module="physics-pendulum"' in page
    # A quiz outside any module keeps its answers under the bank's topic.
    assert bank_data(load_packaged_bank("pendulum"))["module"] == "pendulum"


def test_numeric_data_prints_units_typographically():
    bank = Bank("chem", "Chem", (NumericQuestion("conc", "c?", 0.1, "mol/dm^3", "2%", 1),
                                 NumericQuestion("shc", "c?", 4200, "J/(kg*degC)", "2%")))
    questions = {entry["id"]: entry for entry in bank_data(bank)["questions"]}
    assert questions["conc"]["unitShown"] == "mol/dm³" and questions["conc"]["modelAnswer"] == "0.1 mol/dm³"
    assert questions["conc"]["phrase"] == "a concentration (an amount per volume)"
    assert questions["shc"]["unitShown"] == "J/(kg·°C)"
    dimensions = bank_data(bank)["dimensions"]
    assert not any("[" in text or "**" in text for entry in dimensions.values() for text in entry)


def test_site_build_leaves_the_engine_to_the_page(monkeypatch):
    from stemcpd.quiz.static import SITE_BUILD_VARIABLE

    bank = load_packaged_bank("pendulum")
    monkeypatch.setenv(SITE_BUILD_VARIABLE, "1")
    on_site = to_html(bank)
    assert on_site.count("<script") == 1 and "window.stemcpdQuiz" not in on_site
    assert to_html(bank, inline=True).count("<script") == 3
    monkeypatch.delenv(SITE_BUILD_VARIABLE)
    assert to_html(bank).count("<script") == 3


def test_confidence_is_offered_as_in_the_live_quiz():
    from stemcpd.quiz.render import CONFIDENCE_LEVELS

    fragment = to_html(load_packaged_bank("pendulum"))
    labels = re.findall(r'class="stemcpd-quiz-confidence-choice" disabled> (\w+)</label>', fragment)
    assert tuple(labels[:3]) == CONFIDENCE_LEVELS
    assert "How sure are you? (optional)" in fragment
