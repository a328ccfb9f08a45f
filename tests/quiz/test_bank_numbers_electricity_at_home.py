"""The electricity-at-home bank's numbers agree with the grid model: every numeric answer,
and every listed wrong answer, is recomputed from the prompt's own data; parameterised
questions call the model itself; the fuse and kWh items' keyed answers follow from their
data."""

import pytest

from stemcpd.physics.grid import (
    current_from_power_a,
    energy_from_charge_j,
    energy_from_power_j,
    energy_kwh,
    kwh_to_joules,
    line_power_lost_w,
    plug_fuse_a,
    power_from_current_and_resistance_w,
    power_from_pd_and_current_w,
)
from stemcpd.quiz import load_packaged_bank


@pytest.fixture(scope="module")
def bank():
    return load_packaged_bank("electricity-at-home")


def within(question, model_value):
    return abs(question.answer - model_value) <= question.allowed_difference()


def wrong(question):
    return {round(answer.value, 6) for answer in question.wrong_answers}


def test_hair_dryer_power(bank):
    question = bank["hair-dryer-power"]
    assert within(question, power_from_pd_and_current_w(230.0, 5.0))
    assert wrong(question) == {230.0 / 5.0, round(5.0 / 230.0, 4)}
    assert question.mark("1.15 kW").correct


def test_heater_energy_in_joules(bank):
    question = bank["heater-energy-in-joules"]
    assert within(question, energy_from_power_j(2000.0, 5 * 60.0))
    assert wrong(question) == {2000.0 * 5, 2000.0 / 5}
    assert question.mark("600 kJ").correct


def test_heater_energy_in_kwh(bank):
    question = bank["heater-energy-in-kwh"]
    assert within(question, energy_kwh(2500.0 / 1000, 3.0))
    assert wrong(question) == {2500.0 * 3.0, 2.5 * 3.0 * 60}
    assert question.mark("7.5 kWh").correct
    assert question.mark(f"{kwh_to_joules(7.5):.0f} J").correct  # 27 MJ is the same energy


def test_energy_from_charge(bank):
    question = bank["energy-from-charge"]
    assert within(question, energy_from_charge_j(15.0, 12.0))
    assert wrong(question) == {15.0 / 12.0, round(12.0 / 15.0, 6)}


def test_current_in_grid_cables(bank):
    question = bank["current-in-grid-cables"]
    assert within(question, current_from_power_a(20e6, 400e3))
    assert wrong(question) == {20e6 / 400, 20 / 400}


def test_heating_in_grid_cables(bank):
    question = bank["heating-in-grid-cables"]
    assert within(question, power_from_current_and_resistance_w(50.0, 5.0))
    assert within(question, line_power_lost_w(20e6, 400e3, 5.0))  # the same line as the simulation's default
    assert wrong(question) == {50.0 * 5.0, (400e3) ** 2 / 5.0}


def test_fuse_choice_follows_from_its_data(bank):
    question = bank["choose-a-plug-fuse"]
    assert "920 W" in question.prompt and "230 V" in question.prompt
    assert current_from_power_a(920.0, 230.0) == pytest.approx(4.0)
    assert question.correct_option.text == f"{plug_fuse_a(920.0):g} A"


def test_heater_or_lamp_follows_from_its_data(bank):
    question = bank["heater-or-lamp"]
    heater, lamp = energy_kwh(3.0, 10 / 60), energy_kwh(0.1, 8.0)
    assert heater == pytest.approx(0.5) and lamp == pytest.approx(0.8)
    assert "0.8 kWh" in question.correct_option.text and "0.5 kWh" in question.correct_option.text


@pytest.mark.parametrize("question_id", ["energy-any-appliance", "kwh-any-appliance", "energy-any-charge",
                                         "grid-heating-any-line"])
def test_parameterised_questions_mark_the_models_answer(bank, question_id):
    question = bank[question_id]
    for seed in range(8):
        instance = question.instance(seed)
        assert question.mark(f"{instance.answer} {question.unit}", seed=seed).correct
