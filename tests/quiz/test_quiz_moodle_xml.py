"""Moodle XML export (``stemcpd.quiz.moodle_xml``): the document parses, has one
<question> per exportable question with the right type and fractions, units and
tolerances, escapes bank text instead of passing it on as HTML, and names the
question it cannot export."""

import xml.etree.ElementTree as ElementTree

import pytest

from stemcpd.quiz import (
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    Option,
    OrderingQuestion,
    ShortTextQuestion,
    WrongAnswer,
    load_packaged_bank,
)
from stemcpd.quiz.bank import packaged_bank_names
from stemcpd.quiz.gift import unsupported_reason
from stemcpd.quiz.moodle_xml import MoodleXmlError, to_moodle_xml


def questions_of(xml_text):
    root = ElementTree.fromstring(xml_text.encode("utf-8"))
    assert root.tag == "quiz"
    return [element for element in root.findall("question") if element.get("type") != "category"]


def fractions(element):
    return [answer.get("fraction") for answer in element.findall("answer")]


@pytest.mark.parametrize("name", packaged_bank_names())
def test_every_shipped_bank_exports(name):
    bank = load_packaged_bank(name)
    exportable = [question for question in bank if unsupported_reason(question) is None]
    elements = questions_of(to_moodle_xml(bank, category=bank.title, skip_unsupported=True))
    assert [element.findtext("name/text") for element in elements] == [question.id for question in exportable]
    for question, element in zip(exportable, elements):
        if isinstance(question, MultipleChoiceQuestion):
            assert element.get("type") in ("multichoice", "truefalse")
            assert sorted(fractions(element)).count("100") == 1 and set(fractions(element)) <= {"100", "0"}
        elif isinstance(question, NumericQuestion):
            assert element.get("type") == "numerical"
            assert float(element.findtext("answer/text")) == question.answer
            assert float(element.findtext("answer/tolerance")) == pytest.approx(question.allowed_difference())


def test_structure_fractions_and_escaping():
    questions = [
        MultipleChoiceQuestion("mc", "Is 2 < 3 & <script>x</script>?\nSecond line",
                               (Option("Yes <b>", True, "Right & proper"), Option("No", False, "Wrong", "m"))),
        MultipleSelectQuestion("ms", "Pick", (Option("a", True), Option("b", True), Option("c", True), Option("d"))),
        MultipleChoiceQuestion("tf", "True?", (Option("True", False, "No."), Option("False", True, "Yes."))),
        NumericQuestion("num", "How long?", 2.006, "s", "1%", 3),
        NumericQuestion("pure", "How many?", 12.0, "", 0.5),
        ShortTextQuestion("st", "Name it", ("half-life",), (), (WrongAnswer("life", "Half of it.", "m"),), "Why."),
    ]
    text = to_moodle_xml(questions, category="Physics/Pendulum")
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.find("question[@type='category']/category/text").text == "$course$/top/Physics/Pendulum"
    mc, ms, tf, num, pure, st = questions_of(text)

    # Options go out in the quiz's seeded shuffle, and Moodle shuffles them again.
    assert mc.get("type") == "multichoice" and mc.findtext("single") == "true" and sorted(fractions(mc)) == ["0", "100"]
    assert mc.findtext("shuffleanswers") == "true"
    assert mc.find("questiontext").get("format") == "html"
    assert mc.findtext("questiontext/text") == "<p>Is 2 &lt; 3 &amp; &lt;script&gt;x&lt;/script&gt;?<br>Second line</p>"
    assert mc.findtext("answer[@fraction='100']/text") == "<p>Yes &lt;b&gt;</p>"
    assert mc.findtext("answer[@fraction='100']/feedback/text") == "<p>Right &amp; proper</p>"
    assert "<script>" not in text and "&lt;script&gt;" not in text.replace("&amp;lt;script&amp;gt;", "")

    assert ms.findtext("single") == "false" and sorted(fractions(ms)) == ["-33.33333", "33.33333", "33.33333", "33.33333"]
    assert tf.get("type") == "truefalse"
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "0"), ("false", "100")]

    assert num.findtext("answer/text") == "2.006" and num.findtext("answer/tolerance") == "0.02006"
    assert num.findtext("units/unit/unit_name") == "s" and num.findtext("units/unit/multiplier") == "1"
    assert num.findtext("unitpenalty") == "0.5" and "3 significant figures" in num.findtext("questiontext/text")
    assert pure.find("units") is None and pure.findtext("showunits") == "3"

    assert st.get("type") == "shortanswer" and fractions(st) == ["100", "0"]
    assert [a.findtext("text") for a in st.findall("answer")] == ["half-life", "life"]
    assert st.findtext("generalfeedback/text") == "<p>Why.</p>"


def test_ordering_is_refused_naming_the_question():
    ordering = OrderingQuestion("method-order", "Put in order", ("a", "b"))
    with pytest.raises(MoodleXmlError, match="question 'method-order'.*ordering"):
        to_moodle_xml([ordering])
    text = to_moodle_xml([ordering, NumericQuestion("n", "N?", 1.0, "s", 0.1)], skip_unsupported=True)
    assert "skipped method-order" in text and len(questions_of(text)) == 1
