"""Moodle GIFT import and export, and a draft bank for imported questions.

GIFT is Moodle's plain-text question format (one question per blank-line
separated block, answers in braces). This module reads it as Moodle's own
importer does (``question/format/gift/format.php``) and writes it so that Moodle,
and :func:`from_gift`, read back what stemcpd meant.

Import (:func:`from_gift`, or :func:`read_gift` for the notes too):

* ``//`` comment lines, ``::name::`` question names, ``$CATEGORY:`` lines
  (recorded in :attr:`GiftImport.categories`), ``\\~ \\= \\# \\{ \\} \\: \\\\``
  and ``\\n`` escapes, ``[plain]`` / ``[markdown]`` / ``[moodle]`` / ``[html]``
  format markers;
* ``{=right ~wrong#feedback}`` → :class:`MultipleChoiceQuestion`;
  ``{~%50%a ~%50%b ~%-100%c}`` (no ``=``, so Moodle shows tick boxes) →
  :class:`MultipleSelectQuestion` whose options with positive weight are right;
* ``{T}`` / ``{TRUE}`` / ``{F}`` / ``{FALSE}``, with ``#feedback if wrong#feedback
  if right`` → a multiple-choice question with options "True" and "False";
* ``{=a =b}`` → :class:`ShortTextQuestion` (``=%0%wrong#why`` becomes a
  :class:`WrongAnswer`);
* ``{#3.14:0.01}`` (tolerance) and ``{#1..5}`` (range: answer 3, absolute tolerance
  2) → :class:`NumericQuestion`;
* ``####general feedback`` → appended to every option's feedback (Moodle shows it
  whatever was chosen), or a short-text question's explanation;
* "missing word" questions (text after the braces) keep a ``_____`` blank where
  the braces were, as Moodle shows them.

What stemcpd cannot hold raises :class:`GiftError` naming the question (its name,
or its first words) and the line it starts on: matching (``{=a -> 1}``), essay
(``{}``), description items (no braces), single-answer multiple choice with
partial credit or more than one ``=`` answer, numerical questions with more or
fewer than one full-credit answer, and text that still looks like HTML once
converted. Dropped parts that change no mark's rightness are listed in
:attr:`GiftImport.notes` instead: partial-credit numerical and short answers,
feedback on numerical answers (a stemcpd numeric question writes its own), and
multiple-select weights stemcpd marks by its own rule.

Text is always plain in stemcpd. ``[plain]`` text is taken literally; ``[html]``,
``[moodle]`` (GIFT's default) and ``[markdown]`` text is converted to plain text:
tags are removed, ``<script>`` and ``<style>`` contents dropped, entities decoded.
Raw HTML never survives an import.

GIFT has no units: a numeric question's unit (and significant figures) are
stated at the end of the exported prompt as "Give your answer in s to 3
significant figures.", and :func:`from_gift` reads that sentence back. Without it
an imported numeric question is unitless (``unit=""``).

GIFT has no misconception ids either, so imported distractors have
``misconception=None``. :func:`to_bank_yaml` writes a bank a teacher can load at
once and then complete: each missing misconception becomes
:data:`UNCLASSIFIED_MISCONCEPTION`, each missing required feedback a neutral
sentence, and every such placeholder is listed in the returned
:class:`BankDraft`, so nothing is invented silently.

Export (:func:`to_gift`): multiple choice (a "True"/"False" pair as GIFT
true/false), multiple select (each right option ``100/n`` %, each wrong one
``-100/n`` %, which is stemcpd's own marking rule), numeric (absolute tolerance
in the question's unit), short text (synonyms expanded into accepted answers).
Ordering questions (GIFT has no ordering type) and parameterised questions (GIFT
cannot draw new values) raise :class:`GiftError`; export one fixed attempt of a
parameterised question with ``to_gift([question.instance(seed)])``, or pass
``skip_unsupported=True`` to leave a ``//`` comment in their place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from stemcpd.quiz.bank import Question
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion
from stemcpd.quiz.questions import (
    ExtendedResponseQuestion,
    MatchingQuestion,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    Option,
    OrderingQuestion,
    ShortTextQuestion,
    WrongAnswer,
)
from stemcpd.quiz.units import ResponseParseError, parse_unit


MISSING_WORD_BLANK = "_____"
"""What replaces the braces of a "missing word" question, as in Moodle."""

UNCLASSIFIED_MISCONCEPTION = "unclassified"
"""Misconception id :func:`to_bank_yaml` gives a distractor that has none."""

MAX_SYNONYM_PHRASINGS = 50
"""Most accepted phrasings a short-text question's synonyms may expand into on export."""

TRUE_FALSE_TEXTS = ("True", "False")
"""Option texts of an imported true/false question; such a pair exports as GIFT true/false."""

_FORMATS = ("moodle", "html", "plain", "markdown")
_ESCAPABLE = "\\:#={}~n"
# Escaped characters are swapped for private-use placeholders while the block is
# parsed, so "\=" can never be read as syntax; they are restored in each text.
_PLACEHOLDER_BASE = 0xE000
_PLACEHOLDERS = {
    character: chr(_PLACEHOLDER_BASE + index) for index, character in enumerate(_ESCAPABLE)
}
_RESTORE = {ord(placeholder): ("\n" if character == "n" else character) for character, placeholder in _PLACEHOLDERS.items()}
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?|-?\.\d+)%")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ANSWER_UNIT_SENTENCE = re.compile(
    r"Give your answer(?: in (?P<unit>[^\n]{1,200}?))?(?: to (?P<sig_figs>\d{1,4}) significant figures?)?\."
)
_FULL_CREDIT = 100.0


class GiftError(ValueError):
    """GIFT text stemcpd cannot read, or a question GIFT cannot hold.

    The message reads ``"GIFT question 'Pendulum period' (line 12): <problem>"``.

    Attributes:
        problem: The problem on its own.
        question: The question's name, id or first words, or None.
        line: 1-based line the question starts on, or None (export errors).
    """

    def __init__(self, problem: str, question: str | None = None, line: int | None = None):
        self.problem = problem
        self.question = question
        self.line = line
        location = "GIFT"
        if question is not None:
            location += f" question {question!r}"
        if line is not None:
            location += f" (line {line})"
        super().__init__(f"{location}: {problem}")


@dataclass(frozen=True)
class GiftImport:
    """What :func:`read_gift` found.

    Attributes:
        questions: The questions, in file order.
        notes: One sentence per thing dropped or changed on import, naming the question.
        categories: Question id → the ``$CATEGORY`` in force where it appeared.
    """

    questions: tuple[Question, ...]
    notes: tuple[str, ...] = ()
    categories: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Import


def from_gift(text: str, topic: str = "imported") -> list[Question]:
    """Read Moodle GIFT text as stemcpd questions.

    Args:
        text: The contents of a GIFT file.
        topic: Topic given to every question.

    Returns:
        The questions, in file order (see :func:`read_gift` for what was dropped).

    Raises:
        GiftError: For GIFT stemcpd cannot hold or read, naming the question and line.
    """
    return list(read_gift(text, topic).questions)


def read_gift(text: str, topic: str = "imported") -> GiftImport:
    """Read Moodle GIFT text, keeping notes of what could not be carried over.

    Args:
        text: The contents of a GIFT file.
        topic: Topic given to every question.

    Raises:
        TypeError: If ``text`` is not a string.
        GiftError: As for :func:`from_gift`.
    """
    if not isinstance(text, str):
        raise TypeError(f"GIFT text must be a string, got {type(text).__name__}")
    _refuse_hidden_characters(text)
    questions: list[Question] = []
    notes: list[str] = []
    categories: dict[str, str] = {}
    used_ids = _UsedIds()
    category: str | None = None
    for start_line, block in _blocks(text.lstrip("\ufeff")):
        protected = _protect_escapes(block)
        if protected.startswith("$CATEGORY:"):
            category = _restore(protected[len("$CATEGORY:"):]).strip()
            continue
        question, question_notes = _read_question(protected, start_line, len(questions) + 1, topic, used_ids)
        used_ids.add(question.id)
        questions.append(question)
        notes.extend(question_notes)
        if category is not None:
            categories[question.id] = category
    return GiftImport(tuple(questions), tuple(notes), categories)


# Characters no question needs and that hide or disguise text: the private-use
# placeholders this reader uses for escapes; NUL and other C0/C1 controls except tab,
# newline and carriage return; bidirectional controls, which can make text display
# in a different order from how it reads ("Trojan source"); and lone surrogates,
# which are not characters at all and make encoding the page fail later.
_HIDDEN_CHARACTERS = re.compile(
    "(?P<placeholder>[\ue000-\ue008])"
    "|(?P<control>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f])"
    "|(?P<bidi>[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069])"
    "|(?P<surrogate>[\ud800-\udfff])"
)
_HIDDEN_PROBLEMS = {
    "placeholder": "contains a private-use character (U+E000 to U+E008), which GIFT text never needs",
    "control": "contains the control character {code} (e.g. NUL), which is not text; remove it",
    "bidi": "contains the bidirectional control character {code}, which can make text display in a "
            "different order from how it reads; remove it",
    "surrogate": "contains {code}, half of a character (a lone surrogate), so the file was not saved as "
                 "valid text; re-save it as UTF-8",
}


def _refuse_hidden_characters(text: str) -> None:
    """Raise GiftError naming the line of the first character no question may contain."""
    match = _HIDDEN_CHARACTERS.search(text)
    if match is None:
        return
    code = f"U+{ord(match.group(0)):04X}"
    line = len((text[:match.start()] + "x").splitlines())  # numbered as _blocks numbers them
    raise GiftError(_HIDDEN_PROBLEMS[match.lastgroup].format(code=code), line=line)


def _blocks(text: str) -> Iterable[tuple[int, str]]:
    """Yield ``(first line number, text)`` of each blank-line separated block, without comment lines."""
    lines: list[str] = []
    start = 0
    for line_number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        if not line:
            if lines:
                yield start, "\n".join(lines)
            lines = []
            continue
        if line.startswith("//"):
            continue  # Moodle drops comment lines but they do not end a question
        if not lines:
            start = line_number
        lines.append(line)
    if lines:
        yield start, "\n".join(lines)


def _protect_escapes(text: str) -> str:
    result = []
    position = 0
    while position < len(text):
        character = text[position]
        if character == "\\" and position + 1 < len(text) and text[position + 1] in _ESCAPABLE:
            escaped = text[position + 1]
            result.append("\\" if escaped == "\\" else _PLACEHOLDERS[escaped])
            position += 2
        else:
            result.append(character)
            position += 1
    return "".join(result)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


class _TextExtractor(HTMLParser):
    """Plain text of an HTML fragment: tags removed, script and style contents dropped."""

    _DROPPED = {"script", "style", "head", "title", "template", "noscript", "iframe", "object",
                "textarea", "select", "video", "audio", "canvas"}
    _BREAKS = {"br", "p", "div", "li", "tr", "ul", "ol", "table", "blockquote", "pre", "hr", "section",
               "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self, keep_newlines: bool):
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.dropped_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._DROPPED:
            self.dropped_depth += 1
        elif tag in self._BREAKS and not self.dropped_depth:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self._BREAKS and not self.dropped_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROPPED:
            self.dropped_depth = max(0, self.dropped_depth - 1)
        elif tag in self._BREAKS and not self.dropped_depth:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropped_depth:
            self.parts.append(data if self.keep_newlines else re.sub(r"\s+", " ", data))


def html_to_text(text: str, keep_newlines: bool = False) -> str:
    """Plain text of an HTML fragment: tags removed, ``<script>``/``<style>`` contents dropped.

    Args:
        text: The HTML.
        keep_newlines: Keep line breaks in the text itself (Moodle's auto-format
            and Markdown show them); in HTML they are only spaces.
    """
    extractor = _TextExtractor(keep_newlines)
    extractor.feed(text)
    extractor.close()
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in "".join(extractor.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Tags that would mean something to a browser; "x<y and y>z" is not one.
# Possessive quantifiers (*+) keep this linear: with plain "\s*/?\s*" a "<" followed
# by thousands of spaces made the engine try every split of the run (issue 16, item 2).
_HTML_TAG = re.compile(
    r"<\s*+/?\s*+(?:script|style|iframe|img|svg|object|embed|link|meta|form|input|button|a|b|i|u|p|div|span|"
    r"br|hr|table|tr|td|th|ul|ol|li|h[1-6]|sub|sup|em|strong|code|pre|math|video|audio|source|base|html|body|"
    r"head|title|textarea|select|option|frame|frameset|details|dialog|template|canvas)\b[^<>]*+>",
    re.IGNORECASE,
)


class _Context:
    """Where a question is, for its error messages and notes."""

    def __init__(self, label: str, line: int):
        self.label = label
        self.line = line

    def error(self, problem: str) -> GiftError:
        return GiftError(problem, self.label, self.line)

    def note(self, text: str) -> str:
        return f"question {self.label!r} (line {self.line}): {text}"


def _split_format(text: str, default_format: str) -> tuple[str, str]:
    if text.startswith("["):
        end = text.find("]")
        if end != -1 and text[1:end] in _FORMATS:
            return text[1:end], text[end + 1:]
    return default_format, text


def _plain(text: str, default_format: str, context: _Context, what: str) -> str:
    """One GIFT text as stemcpd plain text (format marker read, escapes restored, HTML removed)."""
    text_format, body = _split_format(text.strip(), default_format)
    body = _restore(body).strip()
    if text_format != "plain":
        body = html_to_text(body, keep_newlines=text_format != "html")
    match = _HTML_TAG.search(body)
    if match:
        raise context.error(
            f"the {what} still looks like HTML after conversion ({match.group(0)[:40]!r}); "
            "stemcpd questions are plain text, so remove the markup"
        )
    return body


def _first_words(protected_text: str) -> str:
    text = html_to_text(_restore(protected_text.split("{", 1)[0]))
    text = " ".join(text.split()[:6])
    return (text[:60] + "…") if len(text) > 60 else (text or "(no text)")


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug[:60].rstrip("-")


class _UsedIds:
    """Ids taken so far in one import, with the next suffix to try for each base.

    Remembering the next number per base keeps de-duplication linear: 16,000
    questions with one name used to rescan "-2", "-3", … for each (issue 16, item 8).
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.taken

    def add(self, question_id: str) -> None:
        self.taken.add(question_id)


def _unique_id(base: str, used: _UsedIds) -> str:
    if base not in used:
        return base
    number = used.next_number.get(base, 2)
    while f"{base}-{number}" in used:  # only skips ids a question named "base-N" took itself
        number += 1
    used.next_number[base] = number + 1
    return f"{base}-{number}"


def _read_question(
    protected: str, line: int, number: int, topic: str, used_ids: _UsedIds
) -> tuple[Question, list[str]]:
    name: str | None = None
    text = protected
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            raise GiftError("the question name opened with '::' is never closed", _first_words(text[2:]), line)
        name = _restore(text[2:end]).strip()
        text = text[end + 2:].strip()
    context = _Context(name or _first_words(text), line)

    start, finish = text.find("{"), text.find("}")
    if start == -1 and finish == -1:
        raise context.error("has no answers in braces {…}: a description item has no stemcpd question type")
    if start == -1 or finish == -1 or finish < start:
        raise context.error("has an unmatched brace; write a literal { or } as \\{ or \\}")
    if "{" in text[start + 1:finish]:
        raise context.error("has '{' inside its answers; write a literal brace as \\{")
    after = text[finish + 1:]
    if "{" in after or "}" in after:
        raise context.error("has more than one answer block {…}; stemcpd questions have one")
    answer_text = text[start + 1:finish].strip()
    if text.endswith("}"):
        question_text = text[:start]
    else:
        question_text = text[:start] + MISSING_WORD_BLANK + after

    general_feedback = ""
    separator = answer_text.rfind("####")
    if separator != -1:
        general_feedback = answer_text[separator + 4:]
        answer_text = answer_text[:separator].strip()

    text_format, _ = _split_format(question_text.strip(), "moodle")
    prompt = _plain(question_text, "moodle", context, "question text")
    if not prompt:
        raise context.error("has no question text")
    general = _plain(general_feedback, text_format, context, "general feedback")
    question_id = _unique_id(_slug(name or "") or f"q{number}", used_ids)

    if answer_text == "":
        raise context.error("is an essay question ({}); stemcpd has no essay type")
    notes: list[str] = []
    try:
        if answer_text.startswith("#"):
            question = _numerical(question_id, prompt, answer_text[1:], text_format, general, topic, context, notes)
        elif "~" in answer_text:
            question = _multiple_choice(question_id, prompt, answer_text, text_format, general, topic, context, notes)
        elif "=" in answer_text and "->" in answer_text:
            raise context.error(
                "is a matching question ({=a -> 1 …}); stemcpd has no matching type "
                "(write it as several multiple-choice questions)"
            )
        elif answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
            question = _true_false(question_id, prompt, answer_text, text_format, general, topic, context)
        else:
            question = _short_answer(question_id, prompt, answer_text, text_format, general, topic, context, notes)
    except GiftError:
        raise
    except ValueError as error:  # a question-type rule, e.g. fewer than two options
        raise context.error(str(error).split(": ", 1)[-1]) from None
    return question, notes


def _weighted(piece: str, default_weight: float) -> tuple[float, str]:
    match = _WEIGHT.match(piece)
    if match:
        return float(match.group(1)), piece[match.end():]
    return default_weight, piece


def _with_general(feedback: str, general: str) -> str:
    return "\n".join(part for part in (feedback, general) if part)


def _multiple_choice(
    question_id: str, prompt: str, answer_text: str, text_format: str, general: str, topic: str,
    context: _Context, notes: list[str],
) -> MultipleChoiceQuestion | MultipleSelectQuestion:
    single = "=" in answer_text  # as Moodle: no "=" answer means tick boxes
    pieces = [piece.strip() for piece in re.split(r"(?=[~=])", answer_text)]
    pieces = [piece for piece in pieces if piece]
    options: list[Option] = []
    weights: list[float] = []
    for piece in pieces:
        if piece.startswith("="):
            weight, body = _FULL_CREDIT, piece[1:]
        else:
            weight, body = _weighted(piece[1:] if piece.startswith("~") else piece, 0.0)
        option_text, _, feedback = body.partition("#")
        text = _plain(option_text, text_format, context, "option text")
        if not text:
            raise context.error(f"option {len(options) + 1} has no text")
        feedback_text = _with_general(_plain(feedback, text_format, context, "feedback"), general)
        options.append(Option(text, weight > 0, feedback_text, None))
        weights.append(weight)
    if single:
        # A weighted "~%50%" option is a nearly-right distractor: partial credit.
        options = [
            Option(option.text, False, option.feedback, option.misconception, weight)
            if 0 < weight < _FULL_CREDIT else Option(option.text, weight >= _FULL_CREDIT, option.feedback, None)
            for option, weight in zip(options, weights)
        ]
        right = sum(option.correct for option in options)
        if right != 1:
            raise context.error(f"has {right} full-credit (=) answers; a stemcpd multiple-choice question has exactly one")
        return MultipleChoiceQuestion(question_id, prompt, tuple(options), topic)
    right_count = sum(weight > 0 for weight in weights)
    if right_count == 0:
        raise context.error("no option has a positive weight, so no option is right")
    share = _FULL_CREDIT / right_count
    if any(abs(weight - share) > 0.01 for weight in weights if weight > 0) or any(
        abs(weight + share) > 0.01 for weight in weights if weight < 0
    ):
        notes.append(context.note(
            f"multiple-select weights {', '.join(f'{weight:g}%' for weight in weights)} are not used as written; "
            "stemcpd scores (right options ticked − wrong options ticked) ÷ right options"
        ))
    return MultipleSelectQuestion(question_id, prompt, tuple(options), topic)


def _true_false(
    question_id: str, prompt: str, answer_text: str, text_format: str, general: str, topic: str, context: _Context
) -> MultipleChoiceQuestion:
    bits = answer_text.split("#", 2)
    is_true = bits[0].strip() in ("T", "TRUE")
    wrong_feedback = _plain(bits[1], text_format, context, "feedback") if len(bits) > 1 else ""
    right_feedback = _plain(bits[2], text_format, context, "feedback") if len(bits) > 2 else ""
    true_feedback, false_feedback = (right_feedback, wrong_feedback) if is_true else (wrong_feedback, right_feedback)
    options = (
        Option(TRUE_FALSE_TEXTS[0], is_true, _with_general(true_feedback, general)),
        Option(TRUE_FALSE_TEXTS[1], not is_true, _with_general(false_feedback, general)),
    )
    return MultipleChoiceQuestion(question_id, prompt, options, topic)


def _answer_pieces(answer_text: str) -> list[str]:
    pieces = [piece.strip() for piece in answer_text.split("=")]
    if pieces and not pieces[0]:
        pieces.pop(0)
    return pieces


def _short_answer(
    question_id: str, prompt: str, answer_text: str, text_format: str, general: str, topic: str,
    context: _Context, notes: list[str],
) -> ShortTextQuestion:
    answers: list[str] = []
    wrong_answers: list[WrongAnswer] = []
    explanations: list[str] = []
    for piece in _answer_pieces(answer_text):
        weight, body = _weighted(piece, _FULL_CREDIT)
        answer, _, feedback = body.partition("#")
        answer_plain = _plain(answer, text_format, context, "answer")
        if re.search(r"(?<!\\)\*", answer_plain):
            raise context.error(f"answer {answer_plain!r} uses Moodle's * wildcard, which stemcpd does not match")
        answer_plain = answer_plain.replace("\\*", "*")
        feedback_plain = _plain(feedback, text_format, context, "feedback")
        if weight >= _FULL_CREDIT:
            answers.append(answer_plain)
            if feedback_plain and feedback_plain not in explanations:
                explanations.append(feedback_plain)
        elif weight <= 0:
            if feedback_plain:
                wrong_answers.append(WrongAnswer(answer_plain, feedback_plain, None))
        else:
            notes.append(context.note(
                f"partial-credit answer {answer_plain!r} ({weight:g}%) was dropped; stemcpd short answers are right or wrong"
            ))
    if not answers:
        raise context.error("has no full-credit answer")
    if general and general not in explanations:
        explanations.append(general)
    return ShortTextQuestion(question_id, prompt, tuple(answers), (), tuple(wrong_answers), "\n".join(explanations), topic)


def _number(text: str, context: _Context, what: str) -> float:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        raise context.error(f"{what} {text!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        raise context.error(f"{what} {text!r} is too large")
    return value


def _numerical(
    question_id: str, prompt: str, answer_text: str, text_format: str, general: str, topic: str,
    context: _Context, notes: list[str],
) -> NumericQuestion:
    wrong_feedback = ""
    if "~" in answer_text:
        answer_text, wrong_feedback = answer_text.split("~", 1)
    full_credit: list[tuple[float, float]] = []
    dropped_feedback = bool(_plain(wrong_feedback.partition("#")[2], text_format, context, "feedback")) or bool(general)
    for piece in _answer_pieces(answer_text):
        weight, body = _weighted(piece, _FULL_CREDIT)
        value_text, _, feedback = body.partition("#")
        dropped_feedback = dropped_feedback or bool(_plain(feedback, text_format, context, "feedback"))
        value_text = _restore(value_text).strip()
        if value_text.find("..") > 0:
            low_text, high_text = value_text.split("..", 1)
            low, high = _number(low_text, context, "range start"), _number(high_text, context, "range end")
            if low > high:
                raise context.error(f"range {value_text!r} starts above where it ends")
            answer, tolerance = (low + high) / 2, (high - low) / 2
        elif value_text.find(":") > 0:
            answer_part, tolerance_part = value_text.split(":", 1)
            answer = _number(answer_part, context, "answer")
            tolerance = _number(tolerance_part, context, "tolerance")
            if tolerance < 0:
                raise context.error(f"tolerance {tolerance_part.strip()!r} is negative")
        else:
            answer, tolerance = _number(value_text, context, "answer"), 0.0
        if weight >= _FULL_CREDIT:
            full_credit.append((answer, tolerance))
        elif weight > 0:
            notes.append(context.note(
                f"partial-credit answer {value_text!r} ({weight:g}%) was dropped; stemcpd keeps the full-credit answer"
            ))
    if len(full_credit) != 1:
        raise context.error(
            f"has {len(full_credit)} full-credit numerical answers; a stemcpd numeric question has exactly one"
        )
    if dropped_feedback:
        notes.append(context.note("numerical feedback was dropped; stemcpd writes its own feedback for numbers"))
    answer, tolerance = full_credit[0]
    prompt, unit, sig_figs = _read_unit_sentence(prompt)
    return NumericQuestion(question_id, prompt, answer, unit, tolerance, sig_figs, topic)


def _read_unit_sentence(prompt: str) -> tuple[str, str, int | None]:
    """Split off the "Give your answer in … ." sentence :func:`to_gift` adds."""
    index = prompt.rfind(" Give your answer")
    match = _ANSWER_UNIT_SENTENCE.fullmatch(prompt, index + 1) if index > 0 else None
    if match is None or (match["unit"] is None and match["sig_figs"] is None):
        return prompt, "", None
    unit = match["unit"] or ""
    if unit:
        try:
            parse_unit(unit)
        except ResponseParseError:
            return prompt, "", None
    sig_figs = int(match["sig_figs"]) if match["sig_figs"] else None
    if sig_figs == 0:
        return prompt, "", None
    return prompt[:index], unit, sig_figs


# ---------------------------------------------------------------------------
# Export


def numeric_prompt(question: NumericQuestion) -> str:
    """The prompt with the unit and significant figures stated, for formats without units."""
    parts = []
    if question.unit:
        parts.append(f" in {question.unit}")
    if question.sig_figs:
        parts.append(f" to {question.sig_figs} significant figure{'s' if question.sig_figs > 1 else ''}")
    if not parts:
        return question.prompt
    return f"{question.prompt} Give your answer{''.join(parts)}."


def format_number(value: float) -> str:
    """A number as GIFT and Moodle read it, exactly (``repr`` of the float, ``.0`` dropped)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def tolerance_for_export(question: NumericQuestion) -> float:
    """The absolute tolerance in the answer's unit, to 12 significant figures (no 0.0200599999…)."""
    return float(f"{question.allowed_difference():.12g}")


def multiple_select_fractions(question: MultipleSelectQuestion) -> list[float]:
    """Moodle grade (%) of each option: right ``100/n``, wrong ``-100/n`` (stemcpd's marking rule)."""
    share = round(_FULL_CREDIT / len(question.correct_indexes), 5)
    return [share if option.correct else -share for option in question.options]


def format_fraction(percent: float) -> str:
    """A Moodle grade percentage such as ``"33.33333"`` or ``"-50"``."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def accepted_phrasings(question: ShortTextQuestion) -> list[str]:
    """Every accepted answer with its synonyms substituted, for formats without synonyms.

    Raises:
        ValueError: If there are more than :data:`MAX_SYNONYM_PHRASINGS`.
    """
    phrasings = list(question.answers)
    for group in question.synonyms:
        expanded: list[str] = []
        for phrasing in phrasings:
            expanded.append(phrasing)
            for phrase in group:
                pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
                if pattern.search(phrasing):
                    expanded.extend(pattern.sub(lambda _match, other=other: other, phrasing) for other in group)
        phrasings = expanded
    unique: list[str] = []
    seen: set[str] = set()
    for phrasing in phrasings:
        key = " ".join(phrasing.casefold().split())
        if key not in seen:
            seen.add(key)
            unique.append(phrasing)
    if len(unique) > MAX_SYNONYM_PHRASINGS:
        raise ValueError(
            f"question {question.id!r}: its synonyms give {len(unique)} phrasings, more than "
            f"{MAX_SYNONYM_PHRASINGS}; list the accepted answers instead"
        )
    return unique


def unsupported_reason(question: object) -> str | None:
    """Why a question has no GIFT or Moodle XML form, or None if it has one."""
    if isinstance(question, OrderingQuestion):
        return "ordering questions have no GIFT or standard Moodle type"
    if isinstance(question, (MatchingQuestion, ExtendedResponseQuestion)):
        return f"{type(question).__name__} export is not written yet"
    if isinstance(question, ParameterisedNumericQuestion):
        return (
            "parameterised questions draw new values for each attempt, which GIFT and Moodle numerical "
            "questions cannot; export one attempt with question.instance(seed)"
        )
    if not isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion, NumericQuestion, ShortTextQuestion)):
        return f"{type(question).__name__} is not a stemcpd question type"
    return None


def _escape(text: str, after_marker: bool = False) -> str:
    text = text.replace("\r", "").replace("\\", "\\\\")
    for character in "~=#{}:":
        text = text.replace(character, "\\" + character)
    text = text.replace("\n", "\\n")
    # A leading "[word]" would be read as a format marker; "[plain]" keeps it text.
    return f"[plain]{text}" if text.startswith("[") and not after_marker else text


def _gift_question(question: Question) -> str:
    header = f"::{_escape(question.id)}::"
    if isinstance(question, NumericQuestion):
        body = (
            f"{{#{format_number(question.answer)}:{format_number(tolerance_for_export(question))}}}"
        )
        return f"{header}[plain]{_escape(numeric_prompt(question), after_marker=True)}{body}"
    prompt = f"{header}[plain]{_escape(question.prompt, after_marker=True)}"
    if isinstance(question, MultipleChoiceQuestion):
        texts = tuple(option.text for option in question.options)
        if texts == TRUE_FALSE_TEXTS:
            is_true = question.options[0].correct
            right, wrong = (question.options[0], question.options[1]) if is_true else (question.options[1], question.options[0])
            answer = "TRUE" if is_true else "FALSE"
            feedback = ""
            if wrong.feedback or right.feedback:
                feedback = f"#{_escape(wrong.feedback)}"
            if right.feedback:
                feedback += f"#{_escape(right.feedback)}"
            return f"{prompt}{{{answer}{feedback}}}"
        lines = []
        for option in question.options:
            if option.correct:
                marker = "="
            elif option.credit:
                marker = f"~%{format_fraction(option.credit)}%"
            else:
                marker = "~%0%" if option.text.startswith("%") else "~"
            lines.append(f"\t{marker}{_escape(option.text)}{_feedback(option.feedback)}")
        return prompt + "{\n" + "\n".join(lines) + "\n}"
    if isinstance(question, MultipleSelectQuestion):
        lines = [
            f"\t~%{format_fraction(fraction)}%{_escape(option.text)}{_feedback(option.feedback)}"
            for option, fraction in zip(question.options, multiple_select_fractions(question))
        ]
        return prompt + "{\n" + "\n".join(lines) + "\n}"
    # ShortTextQuestion
    texts = [question.prompt, question.explanation, *(wrong.feedback for wrong in question.wrong_answers)]
    phrasings = accepted_phrasings(question)
    if any("->" in text for text in [*texts, *phrasings, *(wrong.text for wrong in question.wrong_answers)]):
        raise GiftError("contains '->', which Moodle would read as a matching question", question.id)
    lines = [f"\t={'%100%' if text.startswith('%') else ''}{_escape(text.replace('*', chr(92) + '*'))}" for text in phrasings]
    lines += [
        f"\t=%0%{_escape(wrong.text.replace('*', chr(92) + '*'))}{_feedback(wrong.feedback)}"
        for wrong in question.wrong_answers
    ]
    if question.explanation:
        lines.append(f"\t####{_escape(question.explanation)}")
    return prompt + "{\n" + "\n".join(lines) + "\n}"


def _feedback(text: str) -> str:
    return f"#{_escape(text)}" if text else ""


def to_gift(questions: Iterable[Question], *, skip_unsupported: bool = False) -> str:
    """Write questions as Moodle GIFT text.

    Args:
        questions: stemcpd questions, e.g. a loaded :class:`~stemcpd.quiz.bank.Bank`.
        skip_unsupported: Write a ``//`` comment instead of raising for ordering and
            parameterised questions.

    Returns:
        GIFT text, one blank-line separated question each; the question's id is its name.

    Raises:
        GiftError: Naming the first question GIFT cannot hold (unless skipped).
    """
    blocks = ["// Exported from stemcpd. GIFT has no misconception ids or units; units are stated in the prompts."]
    for question in questions:
        reason = unsupported_reason(question)
        if reason is not None:
            question_id = getattr(question, "id", repr(question)[:40])
            if not skip_unsupported:
                raise GiftError(reason, question_id)
            blocks.append(f"// Skipped question {question_id.replace(chr(10), ' ')}: {reason}.")
            continue
        try:
            blocks.append(_gift_question(question))
        except GiftError:
            raise
        except ValueError as error:
            raise GiftError(str(error).split(": ", 1)[-1], question.id) from None
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------
# Draft bank


@dataclass(frozen=True)
class Placeholder:
    """A value :func:`to_bank_yaml` had to fill in for the bank to load.

    Attributes:
        question_id: The question.
        where: The part of it, e.g. ``"option 2 'It doubles.'"``.
        field: ``"misconception"``, ``"feedback"`` or ``"unit"``.
        value: What was written.
    """

    question_id: str
    where: str
    field: str
    value: str

    def __str__(self) -> str:
        return f"question {self.question_id!r}, {self.where}: {self.field} set to {self.value!r}"


@dataclass(frozen=True)
class BankDraft:
    """A bank written from questions, and the placeholders a teacher should replace.

    Attributes:
        yaml_text: The bank, loadable by :func:`stemcpd.quiz.load_bank`.
        placeholders: Every filled-in value, in question order.
    """

    yaml_text: str
    placeholders: tuple[Placeholder, ...]

    def report(self) -> str:
        """One line per placeholder, or a sentence saying there are none."""
        if not self.placeholders:
            return "No placeholders: every field came from the questions."
        return "\n".join(str(placeholder) for placeholder in self.placeholders)


DISTRACTOR_FEEDBACK_PLACEHOLDER = "That's not the right option."
RIGHT_OPTION_FEEDBACK_PLACEHOLDER = "This option is right."
WRONG_ANSWER_FEEDBACK_PLACEHOLDER = "That isn't the answer."
UNITLESS_PLACEHOLDER = "dimensionless"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def to_bank_yaml(questions: Iterable[Question], topic: str, title: str) -> BankDraft:
    """Write questions (e.g. from :func:`from_gift`) as a stemcpd bank for a teacher to complete.

    Banks need a misconception id and feedback for every distractor, which GIFT
    does not carry. Missing ids become :data:`UNCLASSIFIED_MISCONCEPTION`, missing
    feedback a neutral sentence, and a unitless numeric answer ``dimensionless``;
    each is listed in :attr:`BankDraft.placeholders`.

    Args:
        questions: The questions.
        topic: The bank's topic slug, e.g. ``"imported-forces"``.
        title: The bank's heading.

    Raises:
        ValueError: If the topic is not a slug or the title is empty.
    """
    if not isinstance(topic, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", topic):
        raise ValueError(f"topic must be a slug like 'imported-forces', got {topic!r}")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title must not be empty")
    placeholders: list[Placeholder] = []
    entries = [_bank_entry(question, placeholders) for question in questions]
    if not entries:
        raise ValueError("a bank needs at least one question")
    data = {"topic": topic, "title": title, "questions": entries}
    header = (
        "# Draft bank written by stemcpd.quiz.gift.to_bank_yaml.\n"
        f"# {len(placeholders)} placeholder value(s) to replace: misconception '{UNCLASSIFIED_MISCONCEPTION}', "
        "neutral feedback or a 'dimensionless' unit (see the draft's report).\n"
    )
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return BankDraft(header + text, tuple(placeholders))


def _option_entries(question: MultipleChoiceQuestion | MultipleSelectQuestion, placeholders: list[Placeholder]) -> list[dict]:
    entries = []
    for number, option in enumerate(question.options, start=1):
        entry: dict = {"text": option.text}
        where = f"option {number} {_short(option.text)!r}"
        if option.correct:
            entry["correct"] = True
            if option.feedback:
                entry["feedback"] = option.feedback
            elif isinstance(question, MultipleSelectQuestion):
                entry["feedback"] = RIGHT_OPTION_FEEDBACK_PLACEHOLDER
                placeholders.append(Placeholder(question.id, where, "feedback", RIGHT_OPTION_FEEDBACK_PLACEHOLDER))
        else:
            if option.credit:
                entry["credit"] = option.credit
            entry["feedback"] = option.feedback or DISTRACTOR_FEEDBACK_PLACEHOLDER
            if not option.feedback:
                placeholders.append(Placeholder(question.id, where, "feedback", DISTRACTOR_FEEDBACK_PLACEHOLDER))
            entry["misconception"] = option.misconception or UNCLASSIFIED_MISCONCEPTION
            if not option.misconception:
                placeholders.append(Placeholder(question.id, where, "misconception", UNCLASSIFIED_MISCONCEPTION))
        entries.append(entry)
    return entries


def _bank_entry(question: Question, placeholders: list[Placeholder]) -> dict:
    entry: dict = {"id": question.id}
    if isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        entry["type"] = "multiple_choice" if isinstance(question, MultipleChoiceQuestion) else "multiple_select"
        entry["prompt"] = question.prompt
        entry["options"] = _option_entries(question, placeholders)
    elif isinstance(question, NumericQuestion):
        entry.update(type="numeric", prompt=question.prompt, answer=question.answer)
        entry["unit"] = question.unit or UNITLESS_PLACEHOLDER
        if not question.unit:
            placeholders.append(Placeholder(question.id, "the answer", "unit", UNITLESS_PLACEHOLDER))
        entry["tolerance"] = question.tolerance
        if question.sig_figs is not None:
            entry["sig_figs"] = question.sig_figs
    elif isinstance(question, ShortTextQuestion):
        entry.update(type="short_text", prompt=question.prompt, answers=list(question.answers))
        if question.synonyms:
            entry["synonyms"] = [list(group) for group in question.synonyms]
        wrong_entries = []
        for number, wrong in enumerate(question.wrong_answers, start=1):
            where = f"wrong answer {number} {_short(wrong.text)!r}"
            if not wrong.feedback:
                placeholders.append(Placeholder(question.id, where, "feedback", WRONG_ANSWER_FEEDBACK_PLACEHOLDER))
            if not wrong.misconception:
                placeholders.append(Placeholder(question.id, where, "misconception", UNCLASSIFIED_MISCONCEPTION))
            wrong_entries.append({
                "text": wrong.text,
                "feedback": wrong.feedback or WRONG_ANSWER_FEEDBACK_PLACEHOLDER,
                "misconception": wrong.misconception or UNCLASSIFIED_MISCONCEPTION,
            })
        if wrong_entries:
            entry["wrong_answers"] = wrong_entries
        if question.explanation:
            entry["explanation"] = question.explanation
    elif isinstance(question, OrderingQuestion):
        entry.update(type="ordering", prompt=question.prompt, steps=list(question.steps))
        if question.explanation:
            entry["explanation"] = question.explanation
    elif isinstance(question, ParameterisedNumericQuestion):
        entry.update(type="parameterised_numeric", prompt=question.prompt)
        entry["variables"] = {
            variable.name: {
                "min": variable.minimum, "max": variable.maximum, "step": variable.step,
                **({"unit": variable.unit} if variable.unit else {}),
            }
            for variable in question.variables
        }
        entry.update(answer_function=question.answer_function, arguments=dict(question.arguments), unit=question.unit,
                     tolerance=question.tolerance)
        if question.sig_figs is not None:
            entry["sig_figs"] = question.sig_figs
    else:
        raise ValueError(f"{type(question).__name__} is not a stemcpd question type")
    return entry
