"""GIFT import and export (``stemcpd.quiz.gift``): every GIFT feature read into the
exact stemcpd question, marking of imported questions, clear errors for what stemcpd
cannot hold, escapes, hostile HTML, round trips of every shipped bank, and the draft
bank written for a teacher to complete."""

import re

import pytest

from stemcpd.quiz import (
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    Option,
    OrderingQuestion,
    ParameterisedNumericQuestion,
    ShortTextQuestion,
    Variable,
    WrongAnswer,
    load_bank,
    load_packaged_bank,
)
from stemcpd.quiz.bank import packaged_bank_names
from stemcpd.quiz.questions import ExtendedResponseQuestion, MatchingQuestion
from stemcpd.quiz.gift import (
    UNCLASSIFIED_MISCONCEPTION,
    GiftError,
    from_gift,
    read_gift,
    to_bank_yaml,
    to_gift,
    unsupported_reason,
)


def only(text, topic="imported"):
    questions = from_gift(text, topic)
    assert len(questions) == 1
    return questions[0]


# --- reading each GIFT feature ---------------------------------------------


def test_multiple_choice_with_name_comments_and_feedback():
    text = """\
// a comment line before the question
::Grant's tomb::Who is buried in Grant's tomb?{
    =no one#Right: it is a tomb, not a grave.
    ~Grant#He is entombed, not buried.
    // a comment inside the answers
    ~Jefferson
}
"""
    assert only(text, "history") == MultipleChoiceQuestion(
        "grant-s-tomb",
        "Who is buried in Grant's tomb?",
        (
            Option("no one", True, "Right: it is a tomb, not a grave.", None),
            Option("Grant", False, "He is entombed, not buried.", None),
            Option("Jefferson", False, "", None),
        ),
        "history",
    )


def test_percentage_weights_without_equals_make_multiple_select():
    question = only(r"Which are prime?{~%50%2#Yes. ~%50%3 ~%-100%4#4 \= 2 × 2.}")
    assert question == MultipleSelectQuestion(
        "q1", "Which are prime?",
        (Option("2", True, "Yes."), Option("3", True, ""), Option("4", False, "4 = 2 × 2.")), "imported",
    )
    assert read_gift("Which are prime?{~%50%2 ~%50%3 ~%-50%4}").notes == ()


def test_unusual_multiple_select_weights_are_noted():
    result = read_gift("::w::Pick{~%70%a ~%30%b ~c}")
    assert result.questions[0].correct_indexes == (0, 1)
    assert len(result.notes) == 1 and "'w' (line 1)" in result.notes[0] and "70%" in result.notes[0]


@pytest.mark.parametrize("token, true_is_right", [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)])
def test_true_false_with_both_feedbacks(token, true_is_right):
    question = only(f"The Sun is a star.{{{token}#Think again.#Well done.}}")
    assert question.options == (
        Option("True", true_is_right, "Well done." if true_is_right else "Think again."),
        Option("False", not true_is_right, "Think again." if true_is_right else "Well done."),
    )
    assert question.correct_option.text == ("True" if true_is_right else "False")


def test_short_answer_with_wrong_answers_partial_credit_and_general_feedback():
    result = read_gift(
        "::Process::Plants make glucose by {=photosynthesis =photo-synthesis#Yes. =%0%respiration#That releases energy."
        " =%50%synthesis ####Light energy is transferred.}."
    )
    assert result.questions[0] == ShortTextQuestion(
        "process",
        "Plants make glucose by _____.",
        ("photosynthesis", "photo-synthesis"),
        (),
        (WrongAnswer("respiration", "That releases energy.", None),),
        "Yes.\nLight energy is transferred.",
        "imported",
    )
    assert len(result.notes) == 1 and "'synthesis' (50%) was dropped" in result.notes[0]


def test_numerical_tolerance_and_range():
    assert only("::pi::What is pi?{#3.14:0.01}") == NumericQuestion("pi", "What is pi?", 3.14, "", 0.01, None, "imported")
    ranged = only("Pick a number from 1 to 5.{#1..5}")
    assert (ranged.answer, ranged.tolerance, ranged.unit) == (3.0, 2.0, "")
    exact = only("How many legs has a spider?{#8}")
    assert (exact.answer, exact.tolerance) == (8.0, 0.0)


def test_numerical_partial_credit_is_dropped_with_a_note():
    result = read_gift("::born::When was Grant born?{#=1822:0#Exactly. =%50%1822:2#Close. ~#No.}")
    assert result.questions[0] == NumericQuestion("born", "When was Grant born?", 1822.0, "", 0.0, None, "imported")
    assert any("'1822:2' (50%) was dropped" in note for note in result.notes)
    assert any("feedback was dropped" in note for note in result.notes)


def test_numerical_reads_back_the_unit_sentence():
    question = only("::g::What is g? Give your answer in m/s^2 to 3 significant figures.{#9.81:0.1}")
    assert (question.prompt, question.unit, question.sig_figs) == ("What is g?", "m/s^2", 3)
    unknown = only("::x::How far? Give your answer in furlongs of cheese.{#2:1}")
    assert unknown.unit == "" and unknown.prompt.endswith("furlongs of cheese.")


def test_general_feedback_reaches_every_option():
    question = only("2 + 2?{=4#Yes. ~5 ####Count on your fingers.}")
    assert [option.feedback for option in question.options] == ["Yes.\nCount on your fingers.", "Count on your fingers."]


def test_categories_are_recorded_and_blank_lines_separate_questions():
    result = read_gift("$CATEGORY: physics/waves\n\n::a::A?{T}\n\n\n::b::B?{F}\n")
    assert [question.id for question in result.questions] == ["a", "b"]
    assert result.categories == {"a": "physics/waves", "b": "physics/waves"}


def test_escapes():
    question = only(r"::esc::Is 1 \= 1 \{really\} \~ \#1\: yes\\no\nnext?{=a \~ b#c \= d ~e}")
    assert question.prompt == "Is 1 = 1 {really} ~ #1: yes\\no\nnext?"
    assert question.options[0] == Option("a ~ b", True, "c = d")


def test_format_markers():
    assert only("[markdown]Is **this** 2 < 3?{T}").prompt == "Is **this** 2 < 3?"
    assert only("[html]<p>Is <b>this</b> &amp; that<br>right?</p>{T}").prompt == "Is this & that\nright?"
    assert only("[moodle]Plain &amp; simple\nline two{T}").prompt == "Plain & simple\nline two"
    question = only("[html]<i>Pick</i>{=[plain]2 < 3 ~[html]<b>bold</b> &lt; 1}")
    assert question.prompt == "Pick" and [o.text for o in question.options] == ["2 < 3", "bold < 1"]


def test_plain_format_keeps_text_literally():
    assert only("[plain]Is 2 < 3 & 4 > 1?{T}").prompt == "Is 2 < 3 & 4 > 1?"
    assert only("[plain]Is [H+] high?{=[plain][H+] ~[OH-]}").options[0].text == "[H+]"


def test_missing_word_keeps_a_blank():
    question = only("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert question.prompt == "Grant is _____ in Grant's tomb."
    assert question.correct_option.text == "entombed"


def test_ids_from_names_or_position_and_made_unique():
    questions = from_gift("::Same Name::A{T}\n\n::Same Name::B{T}\n\nC{T}\n\n::!!!::D{T}\n\n::q3::E{T}")
    assert [question.id for question in questions] == ["same-name", "same-name-2", "q3", "q4", "q3-2"]


# --- marking what was imported -----------------------------------------------


def test_imported_questions_mark():
    choice, select, true_false, short, number = from_gift(
        "Colour of the sky?{=blue#Yes. ~green#No: that is grass.}\n\n"
        "Which are even?{~%50%2 ~%50%4 ~%-50%5}\n\n"
        "Water boils at 100 °C at sea level.{T}\n\n"
        "Which gas do plants take in?{=carbon dioxide =CO2 =%0%oxygen#They give that out.}\n\n"
        "What is 6 × 7?{#42:0.5}"
    )
    assert choice.mark("blue").correct and choice.mark(1).message == "No: that is grass."
    assert select.mark([0, 1]).correct and select.mark([0, 2]).score == 0.0 and select.mark([0]).score == 0.5
    assert true_false.mark("True").correct and not true_false.mark("False").correct
    assert short.mark("Carbon-dioxide").correct and short.mark("co2").correct
    assert short.mark("oxygen").message == "They give that out." and short.mark("oxygen").misconception is None
    assert number.mark("42.3").correct and not number.mark("43").correct


# --- what stemcpd cannot hold ---------------------------------------------------


@pytest.mark.parametrize(
    "block, fragment",
    [
        ("::Capitals::Match them.{=Canada -> Ottawa =Italy -> Rome}", "matching"),
        ("::Info::Just some text, no answers.", "description"),
        ("::Two::Pick{=a =b ~c}", "2 full-credit"),
        ("::Num::How many?{#=1 =2}", "2 full-credit numerical"),
        ("::Brace::Pick {=a ~b", "unmatched brace"),
        ("::Blanks::A {=a ~b} and {=c ~d}", "more than one answer block"),
        ("::NaN::How many?{#lots}", "not a number"),
        ("::Wild::Name it{=*}", "wildcard"),
    ],
)
def test_errors_name_the_question_and_line(block, fragment):
    text = "// header\n\n::First::Fine?{T}\n\n" + block
    with pytest.raises(GiftError) as caught:
        from_gift(text)
    name = block[2:].split("::", 1)[0]
    assert f"question {name!r} (line 5)" in str(caught.value) and fragment in str(caught.value)
    assert caught.value.line == 5 and caught.value.question == name


def test_error_without_a_name_quotes_the_first_words():
    with pytest.raises(GiftError, match=r"question 'Match these European countries with their' \(line 1\).*matching"):
        from_gift("Match these European countries with their capitals.{=France -> Paris =Spain -> Madrid}")


HOSTILE = [
    "<script>alert(1)</script>Which?",
    "<img src=x onerror=alert(1)>Which?",
    '<a href="javascript:alert(1)">Which?</a>',
    "<svg onload=alert(1)>Which?",
    "<iframe src=javascript:alert(1)></iframe>Which?",
    "<style>body{display:none}</style>Which?".replace("{", "\\{").replace("}", "\\}"),
    "Which?<SCRIPT>alert(1)</SCRIPT>",
]


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("marker", ["", "[html]", "[moodle]", "[markdown]"])
def test_hostile_html_never_survives(payload, marker):
    escaped = re.sub(r"([~=#{}:])", r"\\\1", payload.replace("\\{", "{").replace("\\}", "}"))
    text = f"{marker}{escaped}{{={escaped}#{escaped} ~wrong#{escaped}}}"
    question = only(text)
    texts = [question.prompt] + [part for option in question.options for part in (option.text, option.feedback)]
    for value in texts:
        assert "<" not in value and "alert" not in value.replace("alert(1)", "") and "javascript" not in value.lower()
    assert question.prompt == "Which?"


@pytest.mark.parametrize("marker", ["[plain]", "[html]"])
def test_text_that_is_still_html_is_refused(marker):
    payload = "&lt;script&gt;alert(1)&lt;/script&gt;" if marker == "[html]" else "<script>alert(1)</script>"
    with pytest.raises(GiftError, match="still looks like HTML"):
        from_gift(f"::h::{marker}{payload}{{T}}")


def test_private_use_characters_are_refused():
    with pytest.raises(GiftError, match="private-use"):
        from_gift("A\ue001B{T}")


# --- export ---------------------------------------------------------------------


def _same(original, imported):
    assert type(imported) is type(original) and imported.id == original.id and imported.prompt == original.prompt
    if isinstance(original, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        assert [(o.text, o.correct, o.feedback) for o in imported.options] == [
            (o.text, o.correct, o.feedback) for o in original.options
        ]
    elif isinstance(original, NumericQuestion):
        assert (imported.answer, imported.unit, imported.sig_figs) == (original.answer, original.unit, original.sig_figs)
        assert imported.allowed_difference() == pytest.approx(original.allowed_difference(), rel=1e-12, abs=1e-15)
        # GIFT carries each wrong answer's value and feedback; it has no place for a misconception id
        assert [w.value for w in imported.wrong_answers] == [w.value for w in original.wrong_answers]
    elif isinstance(original, ExtendedResponseQuestion):
        assert (imported.marks, imported.mark_scheme, imported.model_answer) == (
            original.marks, original.mark_scheme, original.model_answer)
    elif isinstance(original, MatchingQuestion):
        assert imported.pairs == original.pairs
    else:
        assert set(original.answers) <= set(imported.answers)
        assert [(w.text, w.feedback) for w in imported.wrong_answers] == [
            (w.text, w.feedback) for w in original.wrong_answers
        ]
        assert imported.explanation == original.explanation


@pytest.mark.parametrize("name", packaged_bank_names())
def test_every_shipped_bank_round_trips(name):
    bank = load_packaged_bank(name)
    exportable = [question for question in bank if unsupported_reason(question) is None]
    result = read_gift(to_gift(bank, skip_unsupported=True), bank.topic)
    assert result.notes == ()
    assert len(result.questions) == len(exportable) > 0
    for original, imported in zip(exportable, result.questions):
        _same(original, imported)


def test_tricky_text_round_trips():
    questions = [
        MultipleChoiceQuestion(
            "tricky", "[H+] = 10^-7 {mol/dm^3}? A\\B ~ #1: yes\nsecond line // not a comment",
            (Option("[plain] looks like a marker", True, "=right= #1"), Option("%50% off", False, "~no~", "x"),
             Option("//slashes", False, "")),
        ),
        MultipleChoiceQuestion("tf", "Is it?", (Option("True", False, "No."), Option("False", True, ""))),
        MultipleSelectQuestion("ms", "Pick", (Option("a", True, "A"), Option("b", True), Option("c", False, "C"))),
        NumericQuestion("n", "How long?", -0.000528, "s", "3%", 2),
        NumericQuestion("u", "How many?", 12.0, "", 0.5),
        ShortTextQuestion("st", "Name it", ("half-life", "half life"), (),
                          (WrongAnswer("life", "Not quite: #half# of it.", "m"),), "T½ = ln 2 / λ"),
    ]
    imported = from_gift(to_gift(questions))
    assert len(imported) == len(questions)
    for original, back in zip(questions, imported):
        _same(original, back)


def test_multiple_select_weights_follow_stemcpd_marking():
    question = MultipleSelectQuestion("ms", "Pick", (Option("a", True), Option("b", True), Option("c", True), Option("d")))
    gift = to_gift([question])
    assert "~%33.33333%a" in gift and "~%-33.33333%d" in gift


def test_short_text_synonyms_become_accepted_answers():
    question = ShortTextQuestion("pd", "What is measured across the lamp?", ("p.d. across the lamp",),
                                 (("p.d.", "potential difference", "voltage"),))
    imported = only(to_gift([question]))
    assert set(imported.answers) == {"p.d. across the lamp", "potential difference across the lamp",
                                     "voltage across the lamp"}


def test_numeric_export_states_unit_and_absolute_tolerance():
    gift = to_gift([NumericQuestion("period-1m", "What is the period?", 2.006, "s", "1%", 3)])
    assert "What is the period? Give your answer in s to 3 significant figures.{#2.006:0.02006" in gift


def ordering():
    return OrderingQuestion("steps", "Put in order", ("a", "b", "c"))


def parameterised():
    return ParameterisedNumericQuestion(
        "period-any-length", "A pendulum is {length} m long. What is its period?",
        (Variable("length", 0.2, 2.0, 0.05, "m"),), "stemcpd.physics.pendulum:small_angle_period",
        (("length_m", "length"), ("g", 9.81)), "s", "1%",
    )


@pytest.mark.parametrize("make, fragment", [(ordering, "ordering"), (parameterised, "instance(seed)")])
def test_unsupported_types_raise_naming_the_question(make, fragment):
    question = make()
    with pytest.raises(GiftError, match=rf"question '{question.id}'.*{re.escape(fragment)}"):
        to_gift([question])
    skipped = to_gift([question, NumericQuestion("n", "N?", 1.0, "s", 0.1)], skip_unsupported=True)
    assert f"// Skipped question {question.id}" in skipped and [q.id for q in from_gift(skipped)] == ["n"]


def test_a_parameterised_instance_exports():
    instance = parameterised().instance(3)
    assert only(to_gift([instance])).answer == instance.answer


def test_arrow_in_short_text_is_refused():
    with pytest.raises(GiftError, match="matching"):
        to_gift([ShortTextQuestion("arrow", "Reaction?", ("A -> B",))])


# --- draft bank -------------------------------------------------------------------


def test_draft_bank_loads_and_reports_every_placeholder(tmp_path):
    questions = from_gift(
        "::Sky::Colour of the sky?{=blue ~green#That is grass.}\n\n"
        "::Even::Which are even?{~%50%2 ~%50%4 ~%-50%5}\n\n"
        "::Pi::What is pi?{#3.14:0.01}\n\n"
        "::Gas::Which gas?{=carbon dioxide =%0%oxygen#They give that out.}"
    )
    draft = to_bank_yaml(questions, "imported-test", "Imported")
    path = tmp_path / "imported.yaml"
    path.write_text(draft.yaml_text, encoding="utf-8")
    bank = load_bank(path)
    assert [question.id for question in bank] == ["sky", "even", "pi", "gas"]
    assert bank["sky"].options[1].misconception == UNCLASSIFIED_MISCONCEPTION
    found = {(p.question_id, p.field) for p in draft.placeholders}
    assert found == {("sky", "misconception"), ("even", "feedback"), ("even", "misconception"), ("pi", "unit"),
                     ("gas", "misconception")}
    assert len([p for p in draft.placeholders if p.question_id == "even"]) == 4  # 2 right, 1 wrong ×2
    assert "question 'sky', option 2 'green': misconception set to 'unclassified'" in draft.report()


def test_draft_bank_of_a_complete_bank_has_no_placeholders(tmp_path):
    bank = load_packaged_bank("pendulum")
    draft = to_bank_yaml(bank, bank.topic, bank.title)
    assert draft.placeholders == () and draft.report().startswith("No placeholders")
    path = tmp_path / "pendulum.yaml"
    path.write_text(draft.yaml_text, encoding="utf-8")
    assert load_bank(path).questions == bank.questions


def test_draft_bank_rejects_a_bad_topic():
    with pytest.raises(ValueError, match="slug"):
        to_bank_yaml([], "Not a slug", "T")


def test_weighted_multiple_choice_option_is_partial_credit():
    # Moodle's weighted answers ("~%50%"): a nearly-right option earns part of the mark.
    question, = from_gift("::Part::Pick one{=right ~%50%nearly#Close. ~wrong}")
    assert [option.credit for option in question.options] == [None, 50.0, None]
    assert question.mark(1).score == 0.5 and question.mark(2).score == 0.0
    again, = from_gift(to_gift([question]))
    assert [(option.text, option.correct, option.credit) for option in again.options] == [
        (option.text, option.correct, option.credit) for option in question.options]
