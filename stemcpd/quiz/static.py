"""The quiz for the static course site: answered and marked in the browser, no kernel.

:func:`to_html` turns a bank into one self-contained HTML fragment: the questions
(bank Markdown rendered and sanitised by :mod:`stemcpd.quiz.markup`), one
``<script type="application/json">`` with what the browser needs to mark them, and
one ``<script>`` holding the quiz engine (``static_quiz.js``, namespaced as
``window.stemcpdQuiz`` and safe to include twice on a page). Nothing is fetched.

The marking rules stay in Python; the browser gets their results as data:

* multiple choice / multiple select: each option's correctness, feedback (HTML) and
  misconception (with the catalogue's description), shown in
  :func:`stemcpd.quiz.render.display_order`, as in the live quiz;
* numeric: the answer, the allowed difference and the expected significant figures,
  and a table of unit spellings computed here with pint (:func:`unit_table`): each
  spelling, normalised as :func:`stemcpd.quiz.units.parse_response` normalises a
  typed unit, maps to its dimension and its factor (and offset) to SI. The engine
  only reads the number, looks the unit up and applies
  :meth:`stemcpd.quiz.questions.NumericQuestion.mark`'s rules;
  ``tests/browser/test_static_quiz_in_browser.py`` runs the same typed answers
  through both and requires the same verdicts. A unit pint knows but the table
  lacks (``furlong``) gets the "couldn't read the unit" message in the browser;
* ordering, short text and parameterised numeric questions are shown with a
  "Show answer" disclosure only.

Every question also keeps its "Show answer" disclosure (the answer and the
misconception behind each distractor, by its readable name), for teachers reading
the book. Every check is an attempt in the browser's record (``window.stemcpdStore``,
``stemcpd/site/static/stemcpd-store.js``) with the same fields the Python store keeps
(module, bank topic, question id, response, correct, score, misconception, optional
confidence), so "My CPD record", the Review page and ``stemcpd report`` see site
answers; the latest answer to each question is shown again on return. Answers kept
by earlier versions under ``stemcpd-quiz:<topic>:<question id>`` are moved into the
record once. Units in feedback are printed typographically (mol/dm³, m s⁻²).
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import random
import re
from importlib import resources

from stemcpd.quiz.bank import Bank, Question
from stemcpd.quiz.catalogue import catalogue, misconception_name
from stemcpd.quiz.feedback import HYPERCORRECTION_MESSAGE
from stemcpd.quiz.markup import markdown_html, markdown_inline_html
from stemcpd.quiz.parameterised import ParameterisedNumericQuestion
from stemcpd.quiz.questions import (
    POWER_OF_TEN_SLIP,
    ExtendedResponseQuestion,
    MatchingQuestion,
    WRONG_DIMENSION,
    MultipleChoiceQuestion,
    MultipleSelectQuestion,
    NumericQuestion,
    OrderingQuestion,
    ShortTextQuestion,
    _quoted,
)
from stemcpd.quiz.units import (
    MAX_RESPONSE_CHARACTERS,
    MAX_UNIT_CHARACTERS,
    _normalise_unit,
    dimension_words,
    normalise,
    parse_unit,
    pretty_unit,
    squeeze_unit,
    unit_registry,
    ResponseParseError,
)

_FRAGMENT_IDS = itertools.count(1)

COMMON_UNITS = (
    # Written as "symbol^exponent" factors; spellings (m/s^2, m s^-2, m*s^-2, names
    # and plurals) are generated from these and checked with pint.
    "m", "cm", "mm", "km", "um", "nm",
    "m^2", "cm^2", "mm^2", "km^2",
    "m^3", "cm^3", "dm^3", "mm^3", "L", "mL",
    "s", "ms", "us", "ns", "min", "h", "day",
    "kg", "g", "mg", "t",
    "m s^-1", "km h^-1", "cm s^-1", "mm s^-1", "km s^-1",
    "m s^-2", "cm s^-2", "N kg^-1",
    "N", "kN", "mN", "MN",
    "kg m s^-1", "N s",
    "J", "kJ", "MJ", "mJ", "eV", "keV", "MeV", "kW h",
    "W", "kW", "MW", "mW",
    "Hz", "kHz", "MHz", "GHz", "s^-1", "Bq", "kBq", "MBq",
    "A", "mA", "uA", "kA",
    "V", "mV", "kV", "uV",
    "ohm", "kohm", "Mohm",
    "C", "mC", "uC", "nC",
    "Pa", "kPa", "MPa", "hPa", "atm", "bar", "N m^-2", "mmHg",
    "kg m^-3", "g cm^-3", "g dm^-3", "g L^-1",
    "K", "degC",
    "mol", "mmol", "kmol",
    "mol dm^-3", "mol m^-3", "mol L^-1", "mmol dm^-3", "M",
    "g mol^-1", "kg mol^-1",
    "J mol^-1", "kJ mol^-1",
    "J kg^-1", "kJ kg^-1", "J kg^-1 K^-1", "J g^-1 K^-1",
    "N m^-1", "N cm^-1",
    "cm^3 s^-1", "cm^3 min^-1", "mol s^-1", "g s^-1",
    "T", "mT",
    "degree", "rad", "percent",
    "ms^-1", "ms^-2",  # what "ms-1" means to pint (per millisecond): named, with a hint
)
"""Units the browser knows, besides each bank's own answer units: the common ones
of school science, so a right answer in another unit (2010 ms) is converted and a
unit of the wrong quantity (2.01 m for a time) is named."""


def _factors(unit) -> list[tuple[str, int]]:
    registry = unit_registry()
    return [(registry.get_symbol(name), int(exponent)) for name, exponent in unit._units.items()
            if float(exponent).is_integer()]


def _power(symbol: str, exponent: int) -> str:
    return symbol if exponent == 1 else f"{symbol}^{exponent}"


def _spellings(written: str) -> set[str]:
    """Ways a learner might type a unit, before normalisation."""
    unit = parse_unit(_normalise_unit(normalise(written)))
    found = {written}
    # The symbols as written ("mol L^-1") and as pint names them ("mol l^-1").
    written_factors = [_WRITTEN_FACTOR.fullmatch(part) for part in written.split()]
    if written_factors and all(written_factors):
        found |= _arrangements([(match[1], int(match[2] or 1)) for match in written_factors])
    found |= _arrangements(_factors(unit))
    if len(_factors(unit)) == 1 and _factors(unit)[0][1] == 1:
        name = str(unit)
        definition = unit_registry()._units.get(name)
        found.update({name, name + "s"})
        # Aliases without plurals: "amps" is also atto-metres per second to pint.
        found.update(alias for alias in (getattr(definition, "aliases", ()) or ()) if alias.isascii() and alias.isalpha())
    return found


_WRITTEN_FACTOR = re.compile(r"([A-Za-z]+)(?:\^(-?\d+))?")


def _arrangements(factors: list[tuple[str, int]]) -> set[str]:
    """m/s^2, m s^-2, m*s^-2, m/(s^2) … for one list of (symbol, exponent) factors."""
    found: set[str] = set()
    if not factors:
        return found
    positive = [_power(symbol, exponent) for symbol, exponent in factors if exponent > 0]
    negative = [_power(symbol, -exponent) for symbol, exponent in factors if exponent < 0]
    every = [_power(symbol, exponent) for symbol, exponent in factors]
    for joiner in (" ", "*"):
        found.add(joiner.join(every))
        if negative:
            numerator = joiner.join(positive) or "1"
            if len(negative) == 1:
                found.add(f"{numerator}/{negative[0]}")
            found.add(f"{numerator}/({joiner.join(negative)})")
            found.add(numerator + "".join(f"/{part}" for part in negative))
    return found


def unit_key(unit_text: str) -> str:
    """A normalised unit with the spaces pint ignores removed ("m / s" → "m/s");
    the browser squeezes the same way before looking a unit up."""
    return squeeze_unit(unit_text)


def _to_si(unit) -> tuple[float, float]:
    registry = unit_registry()
    zero = registry.Quantity(0.0, unit).to_base_units().magnitude
    one = registry.Quantity(1.0, unit).to_base_units().magnitude
    return float(one - zero), float(zero)


def _dimension_id(unit) -> str:
    return str(unit.dimensionality) or "dimensionless"


def _dimension_entry(unit) -> list[str]:
    noun, phrase = dimension_words(unit)
    return [f" measures {noun}", phrase]


def unit_table(extra_units=()) -> tuple[dict[str, list], dict[str, list[str]]]:
    """What the browser needs to read units, computed by pint.

    Args:
        extra_units: Unit texts to add to :data:`COMMON_UNITS` (a bank's answer units).

    Returns:
        ``(units, dimensions)``: ``units`` maps a normalised spelling (see
        :func:`unit_key`) to ``[dimension id, factor to SI, offset to SI, the unit
        as feedback prints it (pretty_unit)]``;
        ``dimensions`` maps a dimension id to ``[" measures time", "a time"]``
        (what :func:`stemcpd.quiz.units.describe_unit` and ``dimension_phrase`` say).
    """
    return _unit_table(tuple(sorted(set(extra_units))))


@functools.lru_cache(maxsize=64)
def _unit_table(extra_units: tuple[str, ...]):
    units: dict[str, list] = {}
    dimensions: dict[str, list[str]] = {}
    for written in (*COMMON_UNITS, *extra_units):
        try:
            target = parse_unit(_normalise_unit(normalise(written)))
            spellings = _spellings(written)
        except (ResponseParseError, KeyError, ValueError):
            continue
        factor, offset = _to_si(target)
        dimension = _dimension_id(target)
        dimensions.setdefault(dimension, _dimension_entry(target))
        for spelling in spellings:
            # Keep a spelling only if the Python parser reads it as this very unit.
            normalised = _normalise_unit(normalise(spelling))
            try:
                read = parse_unit(normalised)
            except ResponseParseError:
                continue
            if read.dimensionality != target.dimensionality or _to_si(read) != (factor, offset):
                continue
            key = unit_key(normalised)
            units.setdefault(key, [dimension, factor, offset, pretty_unit(key)])
    dimensionless = parse_unit("")
    units[""] = [_dimension_id(dimensionless), 1.0, 0.0, ""]
    dimensions.setdefault(_dimension_id(dimensionless), _dimension_entry(dimensionless))
    return units, dimensions


def _misconception_note(misconception_id: str | None) -> dict | None:
    if not misconception_id:
        return None
    described = catalogue().get(misconception_id)
    return {"id": misconception_id, "name": misconception_name(misconception_id),
            "description": described.description if described else ""}


def _option_data(question, index: int) -> dict:
    option = question.options[index]
    return {
        "index": index,
        "correct": option.correct,
        "credit": option.score,
        "quoted": _quoted(option.text),
        "feedback": markdown_inline_html(option.feedback) if option.feedback else "",
        "misconception": _misconception_note(None if option.correct else option.misconception),
    }


def _numeric_data(question: NumericQuestion) -> dict:
    unit = parse_unit(question.unit)
    return {
        "answer": question.answer,
        "unit": question.unit,
        "unitShown": pretty_unit(question.unit),
        "dimension": _dimension_id(unit),
        "dimensionless": bool(unit.dimensionless),
        "si": list(_to_si(unit)),
        "allowed": question.allowed_difference(),
        "sigFigs": question.sig_figs,
        "example": question.example_shown(),
        "modelAnswer": question.model_answer_shown(),
        "phrase": _dimension_entry(unit)[1],
        "wrongAnswers": [
            {"value": wrong.value, "allowed": question.wrong_answer_allowed_difference(wrong),
             "feedback": wrong.feedback, "misconception": wrong.misconception}
            for wrong in question.wrong_answers
        ],
    }


def question_data(question: Question) -> dict:
    """What the engine needs to mark one question (``kind`` "choice", "select",
    "numeric" or "reveal" for the types shown with a "Show answer" only)."""
    data: dict = {"id": question.id}
    if isinstance(question, MultipleChoiceQuestion):
        data.update(kind="choice", options=[_option_data(question, index) for index in range(len(question.options))])
    elif isinstance(question, MultipleSelectQuestion):
        data.update(kind="select", options=[_option_data(question, index) for index in range(len(question.options))])
    elif isinstance(question, NumericQuestion):
        data.update(kind="numeric", **_numeric_data(question))
    else:
        data.update(kind="reveal")
    return data


def bank_data(bank: Bank, module: str | None = None) -> dict:
    """The JSON the engine reads for a bank: limits, the unit table and every question.

    Args:
        bank: The questions.
        module: The CPD module (workbook name, e.g. ``"physics-pendulum"``) whose page
            shows the quiz; attempts are stored under it. None (a quiz outside the
            course) stores them under the bank's topic.
    """
    numeric_units = [question.unit for question in bank if isinstance(question, NumericQuestion)]
    units, dimensions = unit_table(numeric_units)
    return {
        "topic": bank.topic,
        "title": bank.title,
        "module": module or bank.topic,
        "hypercorrection": HYPERCORRECTION_MESSAGE,
        "maxResponse": MAX_RESPONSE_CHARACTERS,
        "maxUnit": MAX_UNIT_CHARACTERS,
        "misconceptions": {"powerOfTen": POWER_OF_TEN_SLIP, "wrongDimension": WRONG_DIMENSION},
        "units": units,
        "dimensions": dimensions,
        "questions": [question_data(question) for question in bank],
    }


def json_for_script(data) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>`` and
    ``&`` are written as ``\\u003c`` … so no ``</script>`` or ``<!--`` can appear."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@functools.lru_cache(maxsize=1)
def engine_script() -> str:
    """The quiz engine's JavaScript (``static_quiz.js``)."""
    return resources.files("stemcpd.quiz").joinpath("static_quiz.js").read_text(encoding="utf-8")


def _label_for(prefix: str, question: Question, suffix: str) -> str:
    return f"{prefix}-{question.id}-{suffix}"


def _choice_inputs(prefix: str, question, multiple: bool) -> str:
    input_type = "checkbox" if multiple else "radio"
    items = []
    for index in _display_order(question):
        option = question.options[index]
        items.append(
            f'<li><label><input type="{input_type}" name="{prefix}-{question.id}" value="{index}" disabled> '
            f"{markdown_inline_html(option.text)}</label></li>"
        )
    hint = "<p><em>Tick all that apply.</em></p>" if multiple else ""
    return f'{hint}<ol type="A" class="stemcpd-quiz-options">{"".join(items)}</ol>'


def display_order(
    question: MultipleChoiceQuestion | MultipleSelectQuestion | OrderingQuestion | MatchingQuestion,
) -> list[int]:
    """The order to show a question's options (or steps) in: shuffled, so the right
    answer is not always where the bank's author wrote it, but the same every time
    (seeded by the question id) so a class discussing "option B" means the same
    option. Steps of an ordering question are never shown already in order. The live
    quiz (:mod:`stemcpd.quiz.render`) and the static one both use it."""
    if isinstance(question, OrderingQuestion):
        count = len(question.steps)
    elif isinstance(question, MatchingQuestion):
        count = len(question.pairs)
    else:
        count = len(question.options)
    order = list(range(count))
    random.Random(f"stemcpd:{question.id}").shuffle(order)
    if isinstance(question, (OrderingQuestion, MatchingQuestion)) and order == sorted(order):
        order.reverse()
    return order


_display_order = display_order


def _reveal_html(question: Question, shown: Question) -> str:
    esc = html.escape
    if isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        multiple = isinstance(question, MultipleSelectQuestion)
        rows = []
        for index in _display_order(question):
            option = question.options[index]
            if option.correct:
                verdict = "✓ tick" if multiple else "✓ correct"
            elif option.credit:
                verdict = f"◐ partly right ({option.credit:g}% credit)"
            else:
                named = f"misconception: {esc(misconception_name(option.misconception))}" if option.misconception else ""
                verdict = ("✗ leave" if multiple else "✗ wrong") + (f" ({named})" if named else "")
            rows.append(f"<li><strong>{verdict}</strong> — {markdown_inline_html(option.text)}: "
                        f"{markdown_inline_html(option.feedback)}</li>")
        return f"<ul>{''.join(rows)}</ul>"
    if isinstance(question, OrderingQuestion):
        ordered = "".join(f"<li>{markdown_inline_html(step)}</li>" for step in question.steps)
        return f"<ol>{ordered}</ol>{markdown_html(question.explanation) if question.explanation else ''}"
    if isinstance(question, MatchingQuestion):
        pairs = "".join(f"<li>{markdown_inline_html(left)} → {markdown_inline_html(right)}</li>"
                        for left, right in question.pairs)
        return f"<ul>{pairs}</ul>{markdown_html(question.explanation) if question.explanation else ''}"
    if isinstance(question, ExtendedResponseQuestion):
        points = "".join(f"<li>{markdown_inline_html(point)}</li>" for point in question.mark_scheme)
        return (f"<p>Mark scheme ({question.marks} mark{'s' if question.marks != 1 else ''}):</p><ul>{points}</ul>"
                f"<p>Model answer:</p>{markdown_html(question.model_answer)}")
    if isinstance(question, ShortTextQuestion):
        accepted = ", ".join(esc(answer) for answer in question.answers)
        wrong = "".join(
            f"<li>✗ {esc(entry.text)}{_named(entry.misconception)}: {markdown_inline_html(entry.feedback)}</li>"
            for entry in question.wrong_answers
        )
        explanation = markdown_html(question.explanation) if question.explanation else ""
        return f"<p>Accepted: {accepted}</p>{explanation}{f'<ul>{wrong}</ul>' if wrong else ''}"
    tolerance = shown.tolerance if isinstance(shown.tolerance, str) else f"{shown.tolerance:g} {pretty_unit(shown.unit)}"
    return f"<p>{esc(shown.model_answer_shown())} (accepted within {esc(str(tolerance))})</p>"


def _named(misconception_id: str | None) -> str:
    return f" (misconception: {html.escape(misconception_name(misconception_id))})" if misconception_id else ""


def _question_html(prefix: str, number: int, question: Question) -> str:
    # Fixed values (seed 0) for a parameterised question, so every build is the same.
    shown = question.instance(0) if isinstance(question, ParameterisedNumericQuestion) else question
    prompt_id = _label_for(prefix, question, "prompt")
    prompt = (f'<div class="stemcpd-quiz-prompt" id="{prompt_id}"><p><strong>Q{number}.</strong></p>'
              f"{markdown_html(shown.prompt)}</div>")
    markable = isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)) or (
        isinstance(question, NumericQuestion))
    parts = [f'<div class="stemcpd-quiz-question" data-question-id="{html.escape(question.id, quote=True)}" '
             f'role="group" aria-labelledby="{prompt_id}">', prompt]
    if isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion)):
        parts.append(_choice_inputs(prefix, question, isinstance(question, MultipleSelectQuestion)))
    elif isinstance(question, NumericQuestion):
        input_id = _label_for(prefix, question, "answer")
        parts.append(
            f'<p><label for="{input_id}">Your answer (number and unit): </label>'
            f'<input type="text" id="{input_id}" class="stemcpd-quiz-text" autocomplete="off" spellcheck="false" '
            f'placeholder="e.g. {html.escape(question.example_response(), quote=True)}" disabled></p>'
        )
    elif isinstance(question, OrderingQuestion):
        items = "".join(f"<li>{markdown_inline_html(question.steps[index])}</li>" for index in _display_order(question))
        parts.append(f"<p><em>Put these steps in order.</em></p><ul>{items}</ul>")
    elif isinstance(question, MatchingQuestion):
        rights = "".join(f"<li>{markdown_inline_html(question.rights[index])}</li>"
                         for index in display_order(question))
        lefts = "".join(f"<li>{markdown_inline_html(left)}</li>" for left in question.lefts)
        parts.append(f"<p><em>Match each item with one of:</em></p><ul>{rights}</ul><ol>{lefts}</ol>")
    elif isinstance(question, ExtendedResponseQuestion):
        practical = f"<p><em>{html.escape(question.practical)}</em></p>" if question.practical else ""
        parts.append(f"{practical}<p><em>Write your answer ({question.marks} marks), then compare it with the "
                     "mark scheme.</em></p>")
    elif isinstance(shown, NumericQuestion) and isinstance(question, ParameterisedNumericQuestion):
        parts.append("<p><em>In the live quiz the values change with each attempt.</em></p>")
    if markable:
        parts.append(_confidence_html(prefix, question))
        parts.append(
            f'<p><button type="button" class="stemcpd-quiz-check" disabled>Check answer '
            f'<span class="stemcpd-quiz-visually-hidden">to question {number}</span></button></p>'
            '<div class="stemcpd-quiz-feedback" role="status" aria-live="polite"></div>'
        )
    parts.append(f"<details><summary>Show answer</summary>{_reveal_html(question, shown)}</details>")
    parts.append("</div>")
    return "".join(parts)


CONFIDENCE_CHOICES = (("guess", "Guess", "I guessed"), ("unsure", "Unsure", "I think so"), ("sure", "Sure", "I'm sure"))
"""The optional confidence choice, as the live quiz offers it
(:data:`stemcpd.quiz.render.CONFIDENCE_LEVELS`): value, label, longer meaning."""


def _confidence_html(prefix: str, question: Question) -> str:
    name = _label_for(prefix, question, "confidence")
    choices = "".join(
        f'<label title="{meaning}"><input type="radio" name="{name}" value="{value}" '
        f'class="stemcpd-quiz-confidence-choice" disabled> {label}</label> '
        for value, label, meaning in CONFIDENCE_CHOICES
    )
    return (f'<fieldset class="stemcpd-quiz-confidence"><legend>How sure are you? (optional)</legend>'
            f"{choices}</fieldset>")


_STYLE = (
    # The theme's colours (light and dark mode) where there is a theme, so the quiz reads
    # well on a notebook output area whatever its own background; plain colours otherwise.
    ".stemcpd-quiz,.stemcpd-needs-route{color:var(--pst-color-text-base,inherit);"
    "background:var(--pst-color-background,transparent);padding:.1em .6em;border-radius:4px}"
    ".stemcpd-quiz h3,.stemcpd-needs-route h3{color:var(--pst-color-text-base,inherit)}"
    ".stemcpd-quiz a,.stemcpd-needs-route a{color:var(--pst-color-link,#0645ad)}"
    ".stemcpd-quiz-question{margin:1em 0;padding:.5em 1em;border:1px solid #767676;border-radius:4px}"
    ".stemcpd-quiz-options{list-style-type:upper-alpha}"
    ".stemcpd-quiz-options label{display:inline-block;padding:.15em 0;cursor:pointer}"
    ".stemcpd-quiz-feedback:not(:empty){margin:.5em 0;padding:.4em .8em;border-left:6px solid #595959}"
    ".stemcpd-quiz-feedback.stemcpd-quiz-correct{border-left-color:#0b6e2f}"
    ".stemcpd-quiz-feedback.stemcpd-quiz-partly{border-left-color:#8a5a00}"
    ".stemcpd-quiz-feedback.stemcpd-quiz-wrong{border-left-color:#a4000f}"
    ".stemcpd-quiz-misconception{font-size:.95em}"
    ".stemcpd-quiz-confidence{border:0;margin:.3em 0;padding:0}"
    ".stemcpd-quiz-confidence legend{font-size:.95em;padding:0;float:left;margin-right:.6em}"
    ".stemcpd-quiz-confidence label{margin-right:.8em;cursor:pointer}"
    ".stemcpd-quiz-summary{font-weight:600}"
    ".stemcpd-quiz-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}"
)


def store_script() -> str:
    """The browser store (``stemcpd/site/static/stemcpd-store.js``), inlined with the
    engine in a standalone fragment so answers are kept the way the site keeps them."""
    from stemcpd.site import STATIC_DIR

    return (STATIC_DIR / "stemcpd-store.js").read_text(encoding="utf-8")


SITE_BUILD_VARIABLE = "STEMCPD_SITE_BUILD"
"""Set (to "1") by the site extension :mod:`stemcpd.site.quiz` while the book builds, so
quizzes executed for the site leave the engine out: the site serves it once, as
``_static/stemcpd-quiz.js``, to the pages that have a quiz."""


def building_site() -> bool:
    """Whether this code runs inside the course site's build (see :data:`SITE_BUILD_VARIABLE`)."""
    import os

    return os.environ.get(SITE_BUILD_VARIABLE) == "1"


def to_html(bank: Bank, module: str | None = None, inline: bool | None = None) -> str:
    """The bank as a kernel-free quiz fragment for a static page.

    Args:
        bank: The questions.
        module: The CPD module whose page shows the quiz (e.g. ``"physics-pendulum"``);
            answers are stored under it in the browser's record. None stores them
            under the bank's topic.
        inline: True puts the store and the engine in the fragment (a page on its
            own: no external resources); False leaves them to the page (the course
            site loads ``_static/stemcpd-quiz.js`` on pages with a quiz). None:
            False while the site builds (:func:`building_site`), else True.

    Returns:
        HTML with the questions, one ``application/json`` data script and, inline,
        the store and engine scripts; no bank text outside sanitised HTML or
        escaped JSON.
    """
    inline = (not building_site()) if inline is None else inline
    prefix = f"stemcpd-quiz-{next(_FRAGMENT_IDS)}"
    title_id = f"{prefix}-title"
    questions = "".join(_question_html(prefix, number, question) for number, question in enumerate(bank, start=1))
    markable = sum(isinstance(question, (MultipleChoiceQuestion, MultipleSelectQuestion, NumericQuestion))
                   for question in bank)
    module_id = module or bank.topic
    scripts = f"<script>{store_script()}</script><script>{engine_script()}</script>" if inline else ""
    return (
        f'<section class="stemcpd-quiz" aria-labelledby="{title_id}" data-topic="{html.escape(bank.topic, quote=True)}" '
        f'data-module="{html.escape(module_id, quote=True)}">'
        f"<style>{_STYLE}</style>"
        f'<h3 id="{title_id}">{html.escape(bank.title)}</h3>'
        "<p><em>Answer a question, say how sure you are if you like, and press “Check answer”. "
        "Your answers are kept in this browser only: they come back when you return, count in "
        "My CPD record, and return on the Review page when they are due.</em></p>"
        "<noscript><p>Turn on JavaScript to check your answers here; “Show answer” works without it.</p></noscript>"
        f"{questions}"
        f'<p class="stemcpd-quiz-summary" role="status" aria-live="polite" data-markable="{markable}"></p>'
        '<p><button type="button" class="stemcpd-quiz-clear" disabled>Clear my answers from this page</button></p>'
        f'<script type="application/json" class="stemcpd-quiz-data">{json_for_script(bank_data(bank, module))}</script>'
        f"{scripts}"
        "</section>"
    )


_NEEDS_IDS = itertools.count(1)


def needs_route_html() -> str:
    """The needs analysis's advice for a static page: a "Which modules first?" button
    that turns the answers in the browser's record into a route (the recommended
    modules in order, linked, each with its reason), kept in the record as ``needs``
    and shown again on return. The browser applies
    :func:`stemcpd.quiz.diagnostic.browser_data`; the diagnosis itself is
    :mod:`stemcpd.quiz.diagnostic`'s."""
    from stemcpd.quiz.diagnostic import browser_data

    heading_id = f"stemcpd-needs-route-{next(_NEEDS_IDS)}"
    return (
        f'<section class="stemcpd-needs-route" aria-labelledby="{heading_id}">'
        f'<h3 id="{heading_id}">Your route through the course</h3>'
        "<p>When you have answered the questions above (all of them, or as many as you like), "
        "press the button for the modules to do first, in order, and why. The route is kept in "
        "this browser, in My CPD record.</p>"
        '<p><button type="button" class="stemcpd-needs-route-button" disabled>Which modules first?</button></p>'
        '<div class="stemcpd-needs-route-result" role="status" aria-live="polite"></div>'
        f'<script type="application/json" class="stemcpd-needs-data">{json_for_script(browser_data())}</script>'
        "</section>"
    )
