"""Hostile GIFT files (issue 16, items 2 and 8): import finishes in linear time and
refuses characters that hide or corrupt text, naming the line."""

import pytest

from stemcpd.quiz.bank import Bank
from stemcpd.quiz.gift import GiftError, from_gift, read_gift
from stemcpd.quiz.static import to_html

from hostile_limits import within

LIMIT_S = 10.0

# Each built to 24 KB and 96 KB: before the fix the first took 13 s at 24 KB and
# over a minute at 96 KB (a backtracking regex on "<" followed by spaces).
QUADRATIC_SHAPES = {
    "spaces-after-angle": lambda size: "[plain]Where? <" + " " * size + "x {=a ~b}",
    "spaces-either-side-of-slash": lambda size: "[plain]Q <" + " " * (size // 2) + "/" + " " * (size // 2) + "b {=a ~b}",
    "many-angles-with-spaces": lambda size: "[plain]Q " + ("<" + " " * 60) * (size // 61 + 1) + "{=a ~b}",
    "html-format-angles": lambda size: "[html]Q " + ("<" + "\u00a0" * 60) * (size // 61 + 1) + "{=a ~b}",
    "unclosed-tag-name": lambda size: "[plain]Q <b" + "x" * size + " {=a ~b}",
    "repeated-unit-sentence": lambda size: "::n::Q" + " Give your answer in" * (size // 20) + " {#1}",
}


@pytest.mark.parametrize("size", [24_000, 96_000])
@pytest.mark.parametrize("shape", sorted(QUADRATIC_SHAPES))
def test_gift_import_of_long_runs_finishes(shape, size):
    text = QUADRATIC_SHAPES[shape](size)
    assert len(text) >= size

    def attempt(source):
        try:
            return len(from_gift(source))
        except GiftError as error:  # a clear refusal is fine; a hang is not
            return str(error)

    within(LIMIT_S, attempt, text)


def test_sixteen_thousand_same_named_questions_get_unique_ids_quickly():
    text = "\n\n".join(["::Same name::Which? {=a ~b}"] * 16_000)
    ids = within(LIMIT_S, lambda: [question.id for question in from_gift(text)])
    assert len(ids) == len(set(ids)) == 16_000
    assert ids[:3] == ["same-name", "same-name-2", "same-name-3"]


def test_dedup_skips_ids_taken_by_a_question_named_like_a_suffix():
    questions = from_gift("::a::Q {=x ~y}\n\n::a-2::Q {=x ~y}\n\n::a::Q {=x ~y}\n\n::a::Q {=x ~y}")
    assert [question.id for question in questions] == ["a", "a-2", "a-3", "a-4"]


@pytest.mark.parametrize(
    ("character", "words"),
    [
        ("\x00", "control character U+0000"),
        ("\x1b", "control character U+001B"),
        ("\u202e", "bidirectional control character U+202E"),
        ("\u2066", "bidirectional control character U+2066"),
        ("\u200f", "bidirectional control character U+200F"),
        ("\ud800", "lone surrogate"),
        ("\udfff", "lone surrogate"),
        ("\ue003", "private-use character"),
    ],
)
def test_hidden_characters_are_refused_naming_the_line(character, words):
    text = "::one::Fine? {=a ~b}\n\n// comment\n::two::Hidden" + character + " here? {=a ~b}"
    with pytest.raises(GiftError) as caught:
        read_gift(text)
    assert words in str(caught.value)
    assert caught.value.line == 4


def test_imported_text_always_encodes_as_utf8():
    """A lone surrogate used to import and then break ``to_html(...).encode()``."""
    questions = from_gift("::ok::Which is right — α, β or 水? {=α ~β ~水}")
    assert to_html(Bank("imported", "Imported", tuple(questions)), inline=True).encode("utf-8")
    with pytest.raises(GiftError):
        from_gift("::bad::Which \udc80? {=a ~b}")


def test_tabs_newlines_and_crlf_still_import():
    questions = from_gift("::t::Tab\there?\r\nNext line {=a ~b}\r\n")
    assert questions[0].prompt.startswith("Tab")
