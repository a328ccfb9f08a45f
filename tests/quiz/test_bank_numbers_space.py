"""The space bank's numbers agree with the orbits model: each numeric answer and each
listed wrong answer is recomputed from the prompt's own data (v = 2πr/T and its slips),
and the parameterised questions mark the model's own answer."""

import math

import pytest

from stemcpd.physics.orbits import orbital_radius_km, orbital_speed_km_s
from stemcpd.quiz import load_packaged_bank

HOUR_S = 3600.0


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("space")


def flat(text: str) -> str:
    return " ".join(text.split())


def check(question, answer, wrong_answers, quoted):
    prompt = flat(question.prompt)
    for data in quoted:
        assert data in prompt, f"{question.id}: the prompt no longer quotes {data!r}"
    assert question.answer == pytest.approx(answer, rel=0.005)  # quoted to 3 significant figures
    listed = {wrong.misconception: wrong.value for wrong in question.wrong_answers}
    assert set(listed) == set(wrong_answers)
    for misconception, value in wrong_answers.items():
        # a wrong answer is written to the figures a pupil would give: within 1 % of the slip
        assert listed[misconception] == pytest.approx(value, rel=0.01), (question.id, misconception)
        assert abs(listed[misconception] - question.answer) > 0.01 * question.answer


def test_space_station_speed(bank):
    radius_km, period_s = 6370 + 420, 92.6 * 60
    check(
        bank["space-station-speed"],
        orbital_speed_km_s(radius_km, period_s / HOUR_S),
        {
            "orbital-speed-forgets-2-pi": radius_km / period_s,
            "height-used-as-orbital-radius": 2 * math.pi * 420 / period_s,
            "period-not-converted-to-seconds": 2 * math.pi * radius_km / 92.6,  # km per minute
        },
        ("420 km", "6370 km", "92.6 minutes"),
    )


def test_geostationary_speed(bank):
    check(
        bank["geostationary-speed"],
        orbital_speed_km_s(42200, 24),
        {
            "period-not-converted-to-seconds": 2 * math.pi * 42200 / 24,  # km per hour
            "orbital-speed-forgets-2-pi": 42200 / (24 * HOUR_S),
        },
        ("42 200 km", "24 hours"),
    )


def test_radius_of_the_moons_orbit(bank):
    period_hours = 27.3 * 24
    circumference = 1.02 * period_hours * HOUR_S
    check(
        bank["radius-of-the-moons-orbit"],
        orbital_radius_km(1.02, period_hours),
        {
            "orbital-speed-forgets-2-pi": circumference,
            "diameter-used-as-radius": circumference / math.pi,
        },
        ("1.02 km/s", "27.3 days"),
    )
    # and the answer is the Moon's published mean distance, 384 400 km, to 0.5 %
    assert bank["radius-of-the-moons-orbit"].answer == pytest.approx(384400, rel=0.005)


def test_space_station_answer_matches_keplers_law_to_one_percent(bank):
    from stemcpd.physics.orbits import BODIES, kepler_period_s

    period = kepler_period_s((6370 + 420) * 1e3, BODIES["Earth"]["mass_kg"])
    assert period / 60 == pytest.approx(92.6, rel=0.01)  # the prompt's period is the real one


@pytest.mark.parametrize("question_id", ["moon-speed-any-orbit", "satellite-period-any-orbit",
                                         "orbit-radius-from-speed-and-period"])
def test_parameterised_questions_mark_the_models_answer(bank, question_id):
    question = bank[question_id]
    for seed in range(6):
        instance = question.instance(seed)
        assert question.mark(f"{instance.answer:.6g} {question.unit}", seed=seed).correct
