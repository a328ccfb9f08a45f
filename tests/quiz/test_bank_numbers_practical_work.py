"""The practical-work bank's numbers agree with the seeded virtual practicals.

Every numeric answer is recomputed from the model (the pendulum and titration virtual
practicals, and stemcpd.practical.fit_line) and checked within the question's own
tolerance; the data quoted in prompts and feedback are checked against the same seeded
tables, so a change to a model's random stream shows up here.
"""

import math

import pytest

from stemcpd.chemistry import titration
from stemcpd.chemistry.titration.model import BURETTE
from stemcpd.physics import pendulum
from stemcpd.physics.pendulum.model import METRE_RULE
from stemcpd.practical import fit_line
from stemcpd.quiz import NumericQuestion, load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("practical-work")


@pytest.fixture(scope="module")
def pendulum_table():
    return pendulum.virtual_practical(seed=0)


@pytest.fixture(scope="module")
def pendulum_fit(pendulum_table):
    return fit_line(pendulum_table.column("length measured"), pendulum_table.column("mean period squared"))


@pytest.fixture(scope="module")
def titration_table():
    return titration.virtual_practical(seed=0)


def prompt(question):
    return " ".join(question.prompt.split())


def assert_matches_model(question, model_value, unit):
    assert question.unit == unit
    assert abs(question.answer - model_value) <= question.allowed_difference()


def test_g_from_the_gradient(bank, pendulum_fit):
    gradient = pendulum_fit[0]
    question = bank["g-from-virtual-pendulum-gradient"]
    assert "gradient 4.04 s²/m" in prompt(question)
    assert gradient == pytest.approx(4.04, abs=0.005)
    assert_matches_model(question, 4 * math.pi**2 / gradient, "N/kg")
    assert question.mark(f"{4 * math.pi**2 / 4.04:.3g} N/kg").correct  # from the quoted, rounded gradient
    assert question.answer == round(4 * math.pi**2 / 4.04, 2) == 9.77  # the prompt's own data, not 9.78


def test_length_axis_intercept_is_the_systematic_error(bank, pendulum_fit):
    gradient, intercept = pendulum_fit[0], pendulum_fit[1]
    question = bank["pendulum-length-axis-intercept"]
    assert "+0.029 s²" in prompt(question)
    assert intercept == pytest.approx(0.029, abs=0.0005)
    assert_matches_model(question, -intercept / gradient, "m")
    assert_matches_model(question, -0.029 / 4.04, "m")
    assert question.answer == round(-0.029 / 4.04, 4) == -0.0072  # the prompt's own data, not -0.0071
    # the offset is the metre rule's systematic error (about -1 cm), blurred by random error
    assert -intercept / gradient == pytest.approx(METRE_RULE.zero_error, abs=0.005)
    assert "-0.7 cm" in prompt(bank["offset-in-pendulum-graph"])
    assert -intercept / gradient * 100 == pytest.approx(-0.7, abs=0.05)


def test_offset_question_reads_the_shortfall_from_the_graph(bank):
    # The graph shows about 0.7 cm, so the answer must not claim "about 1 cm" (the model's hidden
    # 1.0 cm error is what the learner is trying to find, not something they are given).
    question = bank["offset-in-pendulum-graph"]
    texts = [question.prompt] + [option.text for option in question.options] + [
        option.feedback for option in question.options]
    flat = " ".join(" ".join(texts).split())
    assert "1 cm" not in flat
    assert "about 0.7 cm by the graph" in question.correct_option.text


def test_period_uncertainty_from_half_the_range(bank, pendulum_table):
    row = int(abs(pendulum_table.column("length measured") - 0.6).argmin())  # the 0.6 m length
    timings = [pendulum_table.column(f"time for 10 swings, run {run}")[row] for run in (1, 2, 3)]
    question = bank["period-uncertainty-from-half-range"]
    assert "15.57 s, 15.24 s and 15.54 s" in prompt(question)
    assert timings == pytest.approx([15.57, 15.24, 15.54])
    assert_matches_model(question, (max(timings) - min(timings)) / 2 / 10, "s")


def test_mean_concordant_titre(bank, titration_table):
    titres = titration_table.column("titre")
    question = bank["mean-concordant-titre"]
    assert list(titres) == pytest.approx([25.85, 25.15, 25.10])
    assert "25.85 cm³" in prompt(question) and "25.15 cm³ and 25.10 cm³" in prompt(question)
    assert_matches_model(question, titration.mean_concordant_titre(titration_table), "cm^3")
    assert "25.125 cm³" in " ".join(bank["rough-titre"].correct_option.feedback.split())
    # the rough titre's overshoot, quoted in feedback as "about 0.7 cm³"
    assert titres[0] - titration.mean_concordant_titre(titration_table) == pytest.approx(0.7, abs=0.05)


def test_acid_concentration(bank, titration_table):
    params = titration.TitrationParams()  # the virtual practical's default titration
    question = bank["acid-concentration-from-titre"]
    assert params.acid_ml == 25.0 and params.base_molar == 0.100 and params.acid_pka is not None  # ethanoic acid
    concentration = params.base_molar * titration.mean_concordant_titre(titration_table) / params.acid_ml
    assert_matches_model(question, concentration, "mol/dm^3")
    assert concentration > params.acid_molar  # the air bubble's systematic error makes it high


def test_air_bubble_and_concordance_quoted(bank):
    text = prompt(bank["concordant-but-inaccurate"])
    assert "adds 0.15 cm³" in text and "within 0.10 cm³" in text
    assert titration.model.AIR_BUBBLE_ML == pytest.approx(0.15)
    assert titration.model.CONCORDANT_ML == pytest.approx(0.10)


def test_titre_uncertainty_from_burette_resolution(bank):
    question = bank["titre-uncertainty-from-resolution"]
    assert "nearest 0.05 cm³" in prompt(question)
    assert BURETTE.resolution == pytest.approx(0.05)
    assert_matches_model(question, 2 * BURETTE.resolution, "cm^3")


def test_every_numeric_answer_is_checked_here(bank):
    checked = {
        "g-from-virtual-pendulum-gradient", "pendulum-length-axis-intercept", "period-uncertainty-from-half-range",
        "mean-concordant-titre", "acid-concentration-from-titre", "titre-uncertainty-from-resolution",
    }
    assert {q.id for q in bank if isinstance(q, NumericQuestion)} == checked
