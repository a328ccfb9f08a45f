"""Property-based fuzzing: ``mark`` never raises and always returns a valid Feedback.

Needs hypothesis (a test-only dependency). At least 10,000 generated responses
(text in any script, control and surrogate characters, numbers with and without
units, lists, None, huge strings, odd types) are marked against every question of
every shipped bank plus one question of each type from the new-types test bank,
so every question type is covered even before a shipped bank uses it.
"""


import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from stemcpd.quiz import (  # noqa: E402
    Feedback,
    NumericQuestion,
    ParameterisedNumericQuestion,
    apply_confidence,
    is_confident_error,
    load_bank,
)
from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names  # noqa: E402
from stemcpd.quiz.types import registry  # noqa: E402

from test_quiz_question_types import NEW_TYPES_BANK  # noqa: E402  (pytest puts tests/quiz on sys.path)

REQUIRED_RESPONSES = 10_000
# Every registered type (a new type module joins the fuzz without editing this file).
ALL_TYPES = {question_type.question_class for question_type in registry().values()}

UNITS = ["", "s", "ms", "m", "cm", "km", "m/s", "m s^-1", "m s⁻²", "m/s²", "ms^-2", "kg", "g", "N", "N/kg", "J", "kJ",
         "W", "V", "A", "mA", "Ω", "ohm", "Hz", "°C", "K", "Pa", "mol", "g/cm^3", "kg/m³", "wibble", "s^10^10", "((s",
         "degC/s", "1/s", "per s", "µs", "Gm", "Tm", "Ym", "ym", "mm", "MJ", "GW", "kg/mm^3", "km^3"]


def questions(tmp_path_factory):
    found = [question for name in packaged_bank_names() for question in load_packaged_bank(name)]
    path = tmp_path_factory.mktemp("fuzz") / "new-types.yaml"
    path.write_text(NEW_TYPES_BANK, encoding="utf-8")
    return found + list(load_bank(path))


def texts_of(question) -> list[str]:
    """Strings that mean something to this question: its options, steps and answers."""
    texts = [option.text for option in getattr(question, "options", ())]
    texts += list(getattr(question, "steps", ()))
    texts += list(getattr(question, "answers", ()))
    for wrong in getattr(question, "wrong_answers", ()):
        # a numeric wrong answer is a value in the question's unit, a short-text one is text
        texts.append(wrong.text if hasattr(wrong, "text") else f"{wrong.value:g} {question.unit}")
    if hasattr(question, "answer"):
        texts.append(f"{question.answer:g} {question.unit}")
    return texts or ["?"]


# Numbers at the edges of a float: converting "1e308 km" to metres or dividing by a
# small model answer overflows, and "1e-320" is subnormal (issue 16, item 6).
extreme_numbers = st.builds(
    lambda mantissa, exponent: f"{mantissa}e{exponent}",
    st.sampled_from(["1", "-1", "9.99", "1.7976931348623157", "4.9", "2.5"]),
    st.one_of(st.integers(290, 330), st.integers(-330, -290), st.integers(-400, 400)),
)

numbers_with_units = st.builds(
    lambda number, separator, unit: f"{number}{separator}{unit}",
    st.one_of(st.integers(), st.floats(), st.decimals(allow_nan=True).map(str), extreme_numbers,
              st.sampled_from(["1e999", "-0", ".5", "2,01", "9.81 × 10^0", "1e-400", "10^10^10", "NaN", "∞",
                              "1e308", "9e307", "1.7976931348623157e308", "1e-320", "5e-324", "1 × 10^308"])),
    st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u202e"]),
    st.sampled_from(UNITS),
)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)
huge_strings = st.builds(lambda character, count: character * count, st.characters(blacklist_categories=()),
                         st.integers(min_value=100, max_value=50_000))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.complex_numbers(), st.binary(max_size=50),
                    any_text, numbers_with_units)
generic_responses = st.one_of(
    scalars,
    huge_strings,
    st.lists(scalars, max_size=30),
    st.tuples(st.integers(-3, 12), st.integers(-3, 12)),
    st.sets(st.integers(-5, 20), max_size=10),
    st.frozensets(any_text, max_size=5),
    st.lists(st.integers(-2, 12), max_size=500),
    st.dictionaries(any_text, scalars, max_size=3),
    st.lists(st.lists(st.integers(), max_size=3), max_size=3),
    st.builds(object),
)


def responses_for(question):
    texts = texts_of(question)
    size = len(texts)
    meaningful = st.one_of(
        st.sampled_from(texts),
        st.sampled_from(texts).map(lambda text: text.upper() + " !"),
        st.lists(st.sampled_from(texts), max_size=size + 2),
        st.permutations(texts),
        st.permutations(list(range(size))),
        st.lists(st.integers(-1, size + 1), max_size=size + 2),
    )
    return st.one_of(generic_responses, meaningful)


def assert_valid(feedback):
    assert isinstance(feedback, Feedback)
    assert isinstance(feedback.correct, bool)
    assert isinstance(feedback.score, float) and 0.0 <= feedback.score <= 1.0
    assert isinstance(feedback.message, str) and feedback.message
    assert feedback.misconception is None or isinstance(feedback.misconception, str)
    assert not feedback.correct or feedback.score == 1.0


def test_mark_never_raises_on_generated_responses(tmp_path_factory):
    every_question = questions(tmp_path_factory)
    assert {type(question) for question in every_question} == ALL_TYPES
    marked = []
    types_marked = set()

    @settings(max_examples=REQUIRED_RESPONSES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(
        pair=st.sampled_from(every_question).flatmap(lambda question: st.tuples(st.just(question), responses_for(question))),
        seed=st.one_of(st.integers(), st.none(), st.text(max_size=3)),
        confidence=st.one_of(st.none(), st.sampled_from(["sure", "Sure", "guess", "unsure"]), any_text, st.integers()),
    )
    def check(pair, seed, confidence):
        question, response = pair
        feedback = question.mark(response)
        assert_valid(feedback)
        if isinstance(question, ParameterisedNumericQuestion):
            assert_valid(question.mark(response, seed=seed))
        shown = apply_confidence(feedback, confidence)
        assert_valid(shown)
        assert (shown.score, shown.correct, shown.misconception) == (feedback.score, feedback.correct, feedback.misconception)
        assert isinstance(is_confident_error(feedback, confidence), bool)
        marked.append(response)
        types_marked.add(type(question))

    check()

    assert len(marked) >= REQUIRED_RESPONSES
    assert types_marked == ALL_TYPES


@pytest.mark.parametrize("response", ["1e308 m", "-1e308 m", "1e308 km", "1.7976931348623157e308 Gm", "9e307 mm",
                                      "1e-320 km", "5e-324 m", "1e308", "1e308 kJ", "1 × 10^308 Ym"])
def test_mark_says_too_large_instead_of_overflowing(tmp_path_factory, response):
    """Issue 16, item 6: "1e308 m" raised OverflowError for most numeric questions."""
    numeric = [question for question in questions(tmp_path_factory) if hasattr(question, "unit")]
    assert len(numeric) > 50
    for question in numeric:
        assert_valid(question.mark(response))
    huge = [question.mark(f"1e308 {question.unit}") for question in numeric
            if isinstance(question, NumericQuestion) and abs(question.answer) < 1e-2]
    assert all(not feedback.correct for feedback in huge)
    assert "too large" in NumericQuestion("x", "How far?", 2.0, "m").mark("1e308 km").message
