"""Property-based fuzzing of everything that reads outside input (issue 16).

GIFT import, YAML banks, participant records for the trainer's report and typed
answers: each generated case must finish within a time limit (a hang is a failure:
the case runs in a forked child that is killed at the limit) and must either work or
fail with the module's own documented error, never anything else. Sized to run in
about two minutes on two cores (hypothesis ``max_examples`` below; ``deadline=None``
because the limit is our own, per case).
"""

import json
import string

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from stemcpd.quiz import Feedback, NumericQuestion, load_bank  # noqa: E402
from stemcpd.quiz.bank import BankError  # noqa: E402
from stemcpd.quiz.gift import GiftError, from_gift  # noqa: E402

from hostile_limits import within  # noqa: E402

LIMIT_S = 10.0
FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
# A report case draws plots (about half a second each), so it gets fewer examples.
FUZZ_REPORT = settings(FUZZ, max_examples=100)

# ------------------------------------------------------------------ GIFT import

gift_pieces = st.sampled_from([
    "::", "{", "}", "=", "~", "#", "->", "%50%", "%-100%", "\\", "\\:", "\\=", "\n\n", "\n", "//", "[html]",
    "[plain]", "[markdown]", "<", ">", "<b>", "</", "<script>", " " * 200, "\u00a0" * 50, "$CATEGORY:", "TRUE",
    "F", "1.5:0.1", "1..2", "Give your answer in m/s.", "\x00", "\u202e", "\ud800", "\ue001", "水", "€",
])
gift_texts = st.one_of(
    st.lists(st.one_of(gift_pieces, st.text(max_size=20)), max_size=40).map("".join),
    st.builds(lambda name, prompt, answers: f"::{name}::{prompt} {{{answers}}}",
              st.text(max_size=30), st.text(max_size=60),
              st.lists(st.builds(lambda mark, text: f"{mark}{text}", st.sampled_from(["=", "~", "~%50%", "#"]),
                                 st.text(max_size=20)), max_size=6).map(" ".join)),
)


def _import_gift(text):
    try:
        questions = from_gift(text)
    except GiftError as error:
        return ("refused", str(error))
    for question in questions:
        json.dumps(question.prompt).encode("utf-8")  # every text encodes: no lone surrogates
        question.prompt.encode("utf-8")
    return ("read", len(questions))


@FUZZ
@given(text=gift_texts)
def test_from_gift_finishes_and_fails_only_with_gift_error(text):
    within(LIMIT_S, _import_gift, text)


# ------------------------------------------------------------------ YAML banks

yaml_scalars = st.one_of(st.text(alphabet=string.printable, max_size=30).map(json.dumps), st.integers().map(str),
                         st.floats(allow_nan=True).map(str), st.sampled_from(["~", "null", "true", "[]", "{}",
                                                                                 "*a", "&a x", "!!python/object:os.system",
                                                                                 "<<: *a", "1e999", "'", '"']))
question_fields = st.dictionaries(
    st.sampled_from(["id", "type", "prompt", "answer", "unit", "tolerance", "options", "sig_figs", "steps",
                     "answers", "misconception", "explanation", "zzz"]),
    yaml_scalars, max_size=8)
types = st.sampled_from(["numeric", "multiple_choice", "multiple_select", "ordering", "short_text", "parameterised",
                         "nonsense"])


def _bank_yaml(topic, title, questions, indent_slip):
    lines = [f"topic: {topic}", f"title: {title}", "questions:"]
    for question_type, fields in questions:
        lines.append(f"  - type: {question_type}")
        for key, value in fields.items():
            lines.append(f"{'   ' if indent_slip else '    '}{key}: {value}")
    return "\n".join(lines) + "\n"


bank_texts = st.builds(_bank_yaml, st.sampled_from(["fuzz", "Fuzz Bank", "", "a" * 300]), yaml_scalars,
                       st.lists(st.tuples(types, question_fields), max_size=5), st.booleans())


def _load(path_text):
    path, text = path_text
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(text)
    try:
        return ("loaded", len(load_bank(path)))
    except BankError as error:
        assert error.path.name == "bank.yaml" and str(error).startswith("bank.yaml")
        return ("refused", str(error))


@FUZZ
@given(text=bank_texts)
def test_load_bank_on_generated_yaml_finishes_and_fails_only_with_bank_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz-bank") / "bank.yaml"
    within(LIMIT_S, _load, (str(path), text))


# ------------------------------------------------------------------ participant records

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
              st.sampled_from(["false", "true", "NaN", "$\\frac{1}{$", "2026-13-45T99:00:00+00:00"])),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20)
attempt_like = st.fixed_dictionaries(
    {"module": st.one_of(st.just("physics-pendulum"), json_values), "bank_topic": st.just("pendulum"),
     "question_id": st.one_of(st.text(min_size=1, max_size=60), json_values),
     "response": st.one_of(st.text(max_size=30), json_values),
     "correct": st.one_of(st.booleans(), st.sampled_from(["false", "true", 0, 1, None])),
     "score": st.one_of(st.floats(-2, 2), st.sampled_from(["NaN", 1e308, -1e308])),
     "misconception": st.one_of(st.none(), st.text(max_size=60)),
     "confidence": st.one_of(st.none(), st.sampled_from(["sure", "unsure", "guess", "certain"])),
     "answered_at": st.sampled_from(["2026-11-02T10:00:00+00:00", "2026-11-02T10:00:00", "yesterday"])})
record_like = st.fixed_dictionaries(
    {"format": st.sampled_from(["stemcpd-record", "other"]), "version": st.sampled_from([1, 2, "1", True]),
     "participant": st.one_of(st.text(max_size=40), json_values),
     "attempts": st.one_of(st.lists(attempt_like, max_size=5), json_values),
     "entries": st.one_of(st.just([]), json_values)})


def _report(folder_and_records):
    from stemcpd.cpd import report

    folder, records = folder_and_records
    paths = []
    for number, (data, raw_tail) in enumerate(records):
        path = f"{folder}/p{number}.json"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, allow_nan=True) + raw_tail)
        paths.append(path)
    loaded = report.load_records(paths)
    for person in loaded.participants:  # only strictly typed records get through
        assert all(attempt["correct"] is True or attempt["correct"] is False for attempt in person.attempts)
    page = report.to_html(report.aggregate(loaded))
    assert len(loaded.participants) + len(loaded.skipped) == len(paths)
    return len(page)


@FUZZ_REPORT
@given(records=st.lists(st.tuples(st.one_of(record_like, json_values), st.sampled_from(["", "", "]", "\x00"])),
                        min_size=1, max_size=4))
def test_report_on_generated_participant_json_finishes_and_never_raises(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("fuzz-report")
    within(30, _report, (str(folder), records))


# ------------------------------------------------------------------ typed answers

typed_answers = st.one_of(
    st.text(max_size=80),
    st.builds(lambda mantissa, exponent, unit: f"{mantissa}e{exponent} {unit}",
              st.sampled_from(["1", "-9.99", "1.7976931348623157", "5"]), st.integers(-400, 400),
              st.sampled_from(["m", "km", "Gm", "mm", "s", "ms", "kJ", "m/s", "kg/m^3", ""])),
    st.sampled_from(["$\\href{javascript:alert(1)}{x}$", "\\style{background:url(http://127.0.0.2/x)}{y}",
                     "<img src=x onerror=alert(1)>", "1e308 m", "9" * 400 + " m", "1 × 10^308 km"]),
)
QUESTIONS = [NumericQuestion("tiny", "?", 1e-9, "m"), NumericQuestion("huge", "?", 3e8, "m/s"),
             NumericQuestion("plain", "?", 2.0, "s", sig_figs=2), NumericQuestion("zero", "?", 0.0, "kJ", tolerance=0.5)]


def _mark_all(answer):
    results = []
    for question in QUESTIONS:
        feedback = question.mark(answer)
        assert isinstance(feedback, Feedback) and 0.0 <= feedback.score <= 1.0 and feedback.message
        results.append(feedback.correct)
    return results


@FUZZ
@given(answer=typed_answers)
def test_typed_answers_are_marked_without_raising(answer):
    within(LIMIT_S, _mark_all, answer)
