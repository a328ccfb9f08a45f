"""Ion tests against the AQA GCSE Chemistry (8462) specification, section 4.8.3.

The table below is transcribed again, by hand, from the specification (independently of
the package's data module):
  4.8.3.1 flame tests: lithium crimson, sodium yellow, potassium lilac, calcium
          orange-red, copper green.
  4.8.3.2 NaOH: Al³⁺, Ca²⁺, Mg²⁺ white precipitates, only Al(OH)₃ dissolves in excess;
          Cu²⁺ blue, Fe²⁺ green, Fe³⁺ brown precipitates.
  4.8.3.3 carbonates + dilute acid → CO₂, which turns limewater milky (4.8.2.2).
  4.8.3.4 halides + dilute nitric acid + silver nitrate: chloride white, bromide cream,
          iodide yellow precipitates.
  4.8.3.5 sulfate + dilute hydrochloric acid + barium chloride: white precipitate.
Anything not listed gives no precipitate / no colour (carbonate fizzes with the acid of
the halide and sulfate tests).
"""

import pytest

from stemcpd.chemistry import ions
from stemcpd.chemistry.ions import IonsParams, Observation, identify, test_result

# (test, ion): (colour name, precipitate, dissolves in excess, gas)
SPEC = {
    ("flame", "Li+"): ("crimson", False, False, ""),
    ("flame", "Na+"): ("yellow", False, False, ""),
    ("flame", "K+"): ("lilac", False, False, ""),
    ("flame", "Ca2+"): ("orange-red", False, False, ""),
    ("flame", "Cu2+"): ("green", False, False, ""),
    ("hydroxide", "Al3+"): ("white", True, True, ""),
    ("hydroxide", "Ca2+"): ("white", True, False, ""),
    ("hydroxide", "Mg2+"): ("white", True, False, ""),
    ("hydroxide", "Cu2+"): ("blue", True, False, ""),
    ("hydroxide", "Fe2+"): ("green", True, False, ""),
    ("hydroxide", "Fe3+"): ("brown", True, False, ""),
    ("carbonate", "CO3^2-"): ("milky", False, False, "carbon dioxide"),
    ("halide", "CO3^2-"): ("none", False, False, "carbon dioxide"),
    ("sulfate", "CO3^2-"): ("none", False, False, "carbon dioxide"),
    ("halide", "Cl-"): ("white", True, False, ""),
    ("halide", "Br-"): ("cream", True, False, ""),
    ("halide", "I-"): ("yellow", True, False, ""),
    ("sulfate", "SO4^2-"): ("white", True, False, ""),
}
NOTHING = ("none", False, False, "")
TESTS = ("flame", "hydroxide", "carbonate", "halide", "sulfate")
IONS = ("Li+", "Na+", "K+", "Ca2+", "Mg2+", "Al3+", "Cu2+", "Fe2+", "Fe3+",
        "CO3^2-", "Cl-", "Br-", "I-", "SO4^2-")


def test_the_lab_has_the_specified_tests_and_ions():
    assert ions.TEST_IDS == TESTS
    assert ions.ION_IDS == IONS


@pytest.mark.parametrize("test", TESTS)
@pytest.mark.parametrize("ion", IONS)
def test_every_result_matches_the_specification(test, ion):
    observation = test_result(test, ion)
    assert observation.signature == SPEC.get((test, ion), NOTHING)
    expected_colour = SPEC.get((test, ion), NOTHING)[0]
    if expected_colour != "none":
        assert expected_colour in observation.text  # the words say the colour too
    if observation.dissolves_in_excess:
        assert "dissolves in excess" in observation.text


def test_lookup_accepts_ids_names_and_formulas_never_numbers():
    assert test_result("flame", "K⁺") == test_result("flame", "K+") == test_result("Flame test", "potassium")
    assert test_result("halide", "Br⁻").colour_name == "cream"
    with pytest.raises(ValueError, match=r"test must be one of \['flame', 'hydroxide'"):
        test_result("litmus", "K+")
    with pytest.raises(ValueError, match=r"ion must be one of .*'SO4\^2-'"):
        test_result("flame", "NH4+")
    with pytest.raises(ValueError, match=r"ion must be one of"):
        test_result("flame", 3)
    with pytest.raises(ValueError, match=r"test must be one of"):
        test_result(1, "K+")


@pytest.mark.parametrize("ion", IONS)
def test_identify_recovers_every_ion_from_a_full_set_of_observations(ion):
    observations = {test: test_result(test, ion) for test in TESTS}
    assert identify(observations) == [ion]
    # Also from the observations written as words.
    assert identify({test: seen.text for test, seen in observations.items()}) == [ion]


def test_white_precipitate_alone_is_ambiguous_and_flame_test_decides():
    hydroxide = test_result("hydroxide", "Ca2+")
    assert identify({"hydroxide": hydroxide}) == ["Ca2+", "Mg2+"]
    assert identify({"hydroxide": hydroxide, "flame": test_result("flame", "Ca2+")}) == ["Ca2+"]
    assert identify({"hydroxide": hydroxide, "flame": test_result("flame", "Mg2+")}) == ["Mg2+"]
    # Excess NaOH separates aluminium from both.
    assert identify({"hydroxide": "white precipitate, dissolves in excess"}) == ["Al3+"]
    assert identify({"hydroxide": "white precipitate"}) == ["Ca2+", "Mg2+"]


def test_observer_words_are_interpreted_with_their_real_ambiguities():
    assert identify({"flame": "brick red"}) == ["Ca2+"]
    assert identify({"flame": "red flame"}) == ["Li+", "Ca2+"]  # crimson or orange-red
    assert identify({"flame": "mauve"}) == ["K+"]
    assert identify({"flame": "no colour, flame stays blue"}) == ["Mg2+", "Al3+", "Fe2+", "Fe3+"]
    assert identify({"hydroxide": "light blue precipitate"}) == ["Cu2+"]
    assert identify({"halide": "off-white precipitate"}) == ["Br-"]
    assert identify({"halide": "pale yellow precipitate"}) == ["Br-", "I-"]
    assert identify({"carbonate": "fizzed, limewater went cloudy"}) == ["CO3^2-"]
    assert identify({"carbonate": "no fizzing"}) == ["Cl-", "Br-", "I-", "SO4^2-"]
    assert identify({"sulfate": "purple precipitate"}) == []


def test_salts_respond_to_the_ion_each_test_is_for():
    assert ions.salt_result("flame", "Cu2+", "SO4^2-").colour_name == "green"
    assert ions.salt_result("sulfate", "Cu2+", "SO4^2-").signature == ("white", True, False, "")
    observations = {test: ions.salt_result(test, "Fe3+", "Cl-") for test in TESTS}
    assert identify(observations) == ["Fe3+", "Cl-"]
    with pytest.raises(ValueError, match="a salt needs a cation"):
        ions.salt_result("flame", "Cl-", "K+")


def test_unknown_samples_are_seeded_and_identified_without_impurity():
    samples = [ions.unknown_sample(seed) for seed in range(40)]
    assert samples == [ions.unknown_sample(seed) for seed in range(40)]
    assert len({(s.cation, s.anion) for s in samples}) > 8
    for sample in samples:
        assert not sample.sodium_impurity
        seen = {test: sample.observe(test) for test in TESTS}
        assert identify(seen) == [sample.cation, sample.anion]
    with pytest.raises(ValueError, match="impurity_probability"):
        ions.unknown_sample(0, impurity_probability=1.5)
    with pytest.raises(ValueError, match="seed"):
        ions.unknown_sample(-1)


def test_sodium_impurity_hides_lilac_flame():
    sample = ions.UnknownSample("K+", "SO4^2-", sodium_impurity=True)
    assert sample.observe("flame").colour_name == "yellow"
    assert identify({test: sample.observe(test) for test in TESTS}) == ["Na+", "SO4^2-"]


def test_virtual_practical_is_seeded_and_shows_the_systematic_error():
    table = ions.virtual_practical(samples=40, impurity_probability=0.3, seed=5)
    assert len(table) == 40 and table.columns[0] == "sample" and table.columns[-1] == "ions the results point to"
    assert table.to_csv() == ions.virtual_practical(samples=40, impurity_probability=0.3, seed=5).to_csv()
    assert table.to_csv() != ions.virtual_practical(samples=40, impurity_probability=0.3, seed=6).to_csv()
    masked = clean = 0
    words_used = set()
    for row, answer in zip(table.rows, table.answers):
        found = row[-1]
        words_used.add(row[1])
        if not answer.sodium_impurity:
            # Without the impurity the pupil's words still point to the true ions (a word
            # such as "red" may leave a second candidate).
            assert ions.ION_FORMULAS[answer.cation] in found and ions.ION_FORMULAS[answer.anion] in found
            clean += 1
        elif answer.cation == "K+":
            assert "Na⁺" in found and "K⁺" not in found  # the classic mistake
            masked += 1
    assert clean > 10 and masked >= 1
    assert len(words_used) > 8  # observers use many colour words
    assert table.to_html().startswith("<table")
    with pytest.raises(ValueError, match="samples"):
        ions.virtual_practical(samples=0)


def test_run_test_describe_and_params():
    result = ions.run_test(IonsParams(test="hydroxide", ion="Ca2+"))
    assert result.candidates == ("Ca2+", "Mg2+")
    text = ions.describe(result)
    assert "Sodium hydroxide on calcium ions, Ca²⁺" in text and "colour: white" in text
    assert "Ca²⁺ or Mg²⁺" in text
    assert "shows potassium ions" in ions.describe(ions.run_test(IonsParams(test="flame", ion="K+")))
    assert "says nothing about Br⁻" in ions.describe(ions.run_test(IonsParams(test="flame", ion="Br-")))
    assert IonsParams(test="Flame test", ion="K⁺") == IonsParams(test="flame", ion="K+")
    for field, value, message in (("test", 1, "test must be one of ['flame'"),
                                  ("ion", 3, "ion must be one of ['Li+'"),
                                  ("ion", "NH4+", "ion must be one of")):
        with pytest.raises(ValueError) as error:
            IonsParams(**{field: value})
        assert message in str(error.value)


def test_to_table_encodes_every_result():
    table = ions.to_table(ions.run_test())
    assert len(table) == 14 and table.headers[0] == "ion number"
    colours = table.column("flame colour number")
    assert ions.COLOUR_NAMES[int(colours[2])] == "lilac"
    assert table.column("hydroxide precipitate (1 yes)").tolist() == [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    assert "lilac" in table.title and "SO4^2-" in table.title


def test_results_grid_words_match_lookups():
    grid = ions.results_grid()
    assert len(grid) == 14 and all(len(row) == 5 for row in grid)
    assert grid[IONS.index("I-")][TESTS.index("halide")] == test_result("halide", "I-").text
    assert isinstance(test_result("flame", "Li+"), Observation)
