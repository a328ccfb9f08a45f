"""The tests for ions and their results, as data (checked by :func:`check_data` on import).

Source: AQA GCSE Chemistry (8462) specification, section 4.8.3 "Identification of ions
by chemical and spectroscopic means" (version 1.1, 2019) and the required practical
"Use of chemical tests to identify the ions in unknown single ionic compounds":

* 4.8.3.1 flame tests: lithium crimson, sodium yellow, potassium lilac, calcium
  orange-red, copper green;
* 4.8.3.2 metal hydroxides: with sodium hydroxide solution aluminium, calcium and
  magnesium ions form white precipitates, but only aluminium hydroxide dissolves in
  excess; copper(II) gives a blue precipitate, iron(II) a green one and iron(III) a
  brown one;
* 4.8.3.3 carbonates: with dilute acid they give carbon dioxide, which turns limewater
  milky (4.8.2.2 test for carbon dioxide);
* 4.8.3.4 halides: with silver nitrate solution in the presence of dilute nitric acid,
  silver chloride is white, silver bromide cream and silver iodide yellow;
* 4.8.3.5 sulfates: with barium chloride solution in the presence of dilute
  hydrochloric acid, a white precipitate.

Results the specification does not list are "no visible change". Two are chemistry the
specification implies rather than states: magnesium, aluminium and iron ions give no
distinctive flame colour (the reason the flame test is not used for them), and a
carbonate fizzes when the nitric or hydrochloric acid of the halide and sulfate tests is
added (the reason the acid is added first: it removes carbonate ions, which would also
give a precipitate with silver or barium ions).

Colours for the drawings are approximate sRGB values chosen to look like the real
thing; the figures always write the colour name beside them, so no result relies on
colour alone.
"""

from __future__ import annotations

# id, name shown to learners, what is added
TESTS = (
    ("flame", "Flame test",
     "Dip a clean nichrome wire loop in the sample and hold it in the edge of a blue Bunsen flame."),
    ("hydroxide", "Sodium hydroxide",
     "Add a few drops of dilute sodium hydroxide solution, then excess."),
    ("carbonate", "Dilute acid, then limewater",
     "Add dilute hydrochloric acid; bubble any gas through limewater."),
    ("halide", "Nitric acid, then silver nitrate",
     "Add dilute nitric acid, then silver nitrate solution."),
    ("sulfate", "Hydrochloric acid, then barium chloride",
     "Add dilute hydrochloric acid, then barium chloride solution."),
)
CATION_TESTS = ("flame", "hydroxide")
ANION_TESTS = ("carbonate", "halide", "sulfate")

# id, name, formula (as printed), kind
IONS = (
    ("Li+", "lithium", "Li⁺", "cation"),
    ("Na+", "sodium", "Na⁺", "cation"),
    ("K+", "potassium", "K⁺", "cation"),
    ("Ca2+", "calcium", "Ca²⁺", "cation"),
    ("Mg2+", "magnesium", "Mg²⁺", "cation"),
    ("Al3+", "aluminium", "Al³⁺", "cation"),
    ("Cu2+", "copper(II)", "Cu²⁺", "cation"),
    ("Fe2+", "iron(II)", "Fe²⁺", "cation"),
    ("Fe3+", "iron(III)", "Fe³⁺", "cation"),
    ("CO3^2-", "carbonate", "CO₃²⁻", "anion"),
    ("Cl-", "chloride", "Cl⁻", "anion"),
    ("Br-", "bromide", "Br⁻", "anion"),
    ("I-", "iodide", "I⁻", "anion"),
    ("SO4^2-", "sulfate", "SO₄²⁻", "anion"),
)

# What is seen when a test gives no result (any ion not listed below for that test).
# test: (text, colour name, precipitate, dissolves in excess, gas)
NO_CHANGE = {
    "flame": ("no distinctive colour: the flame stays blue", "none", False, False, ""),
    "hydroxide": ("no precipitate", "none", False, False, ""),
    "carbonate": ("no fizzing; limewater stays clear", "none", False, False, ""),
    "halide": ("no precipitate", "none", False, False, ""),
    "sulfate": ("no precipitate", "none", False, False, ""),
}

# (test, ion): (text, colour name, precipitate, dissolves in excess, gas)
RESULTS = {
    ("flame", "Li+"): ("crimson flame", "crimson", False, False, ""),
    ("flame", "Na+"): ("yellow (orange-yellow) flame", "yellow", False, False, ""),
    ("flame", "K+"): ("lilac flame", "lilac", False, False, ""),
    ("flame", "Ca2+"): ("orange-red flame", "orange-red", False, False, ""),
    ("flame", "Cu2+"): ("green flame", "green", False, False, ""),
    ("hydroxide", "Ca2+"): ("white precipitate; stays in excess", "white", True, False, ""),
    ("hydroxide", "Mg2+"): ("white precipitate; stays in excess", "white", True, False, ""),
    ("hydroxide", "Al3+"): ("white precipitate; dissolves in excess", "white", True, True, ""),
    ("hydroxide", "Cu2+"): ("blue precipitate", "blue", True, False, ""),
    ("hydroxide", "Fe2+"): ("green precipitate", "green", True, False, ""),
    ("hydroxide", "Fe3+"): ("brown (orange-brown) precipitate", "brown", True, False, ""),
    ("carbonate", "CO3^2-"): ("fizzes; the gas turns limewater milky (carbon dioxide)", "milky", False, False,
                              "carbon dioxide"),
    ("halide", "CO3^2-"): ("fizzes when the acid is added, then no precipitate", "none", False, False,
                           "carbon dioxide"),
    ("halide", "Cl-"): ("white precipitate (silver chloride)", "white", True, False, ""),
    ("halide", "Br-"): ("cream precipitate (silver bromide)", "cream", True, False, ""),
    ("halide", "I-"): ("yellow precipitate (silver iodide)", "yellow", True, False, ""),
    ("sulfate", "CO3^2-"): ("fizzes when the acid is added, then no precipitate", "none", False, False,
                            "carbon dioxide"),
    ("sulfate", "SO4^2-"): ("white precipitate (barium sulfate)", "white", True, False, ""),
}

# Colour names → words observers use for them. A word may stand for more than one
# colour ("red" for crimson or orange-red): that ambiguity is real.
COLOUR_WORDS = {
    "crimson": ("crimson", "deep red", "dark red", "red", "scarlet"),
    "yellow": ("yellow", "orange-yellow", "yellow-orange", "bright yellow", "orange", "pale yellow"),
    "lilac": ("lilac", "pale purple", "light purple", "mauve", "purple", "violet"),
    "orange-red": ("orange-red", "brick red", "brick-red", "red-orange", "red", "orange"),
    "green": ("green", "blue-green", "green-blue", "bright green", "dirty green", "grey-green", "dark green"),
    "blue": ("blue", "light blue", "pale blue"),
    "brown": ("brown", "orange-brown", "red-brown", "rusty brown", "rust"),
    "white": ("white",),
    "cream": ("cream", "creamy", "off-white", "pale yellow"),
    "milky": ("milky", "cloudy", "white"),
}

# Approximate sRGB for the drawings (never used without the colour name beside it).
COLOUR_RGB = {
    "crimson": "#C8102E",
    "yellow": "#FFC000",
    "lilac": "#C8A2C8",
    "orange-red": "#F2542D",
    "green": "#3CB371",
    "blue": "#4A90D9",
    "brown": "#A0522D",
    "white": "#FAFAFA",
    "cream": "#F3E5AB",
    "milky": "#E8E8E8",
    "none": "#DDE8F0",
}
PRECIPITATE_GREEN = "#6B8E23"  # iron(II) hydroxide is a dull green, not a flame green


def check_data() -> None:
    """Check the tables are complete and consistent; raise ValueError naming the entry."""
    test_ids = [test[0] for test in TESTS]
    ion_ids = [ion[0] for ion in IONS]
    if len(set(test_ids)) != len(test_ids) or len(set(ion_ids)) != len(ion_ids):
        raise ValueError("test and ion ids must be unique")
    if set(CATION_TESTS) | set(ANION_TESTS) != set(test_ids):
        raise ValueError("every test must be a cation test or an anion test")
    if set(NO_CHANGE) != set(test_ids):
        raise ValueError("every test needs a no-change observation")
    for ion in IONS:
        if ion[3] not in ("cation", "anion"):
            raise ValueError(f"ion {ion[0]!r}: kind must be 'cation' or 'anion', got {ion[3]!r}")
    colours = set(COLOUR_RGB)
    for (test, ion), entry in RESULTS.items():
        if test not in test_ids or ion not in ion_ids:
            raise ValueError(f"result ({test!r}, {ion!r}): unknown test or ion")
        text, colour, precipitate, dissolves, gas = entry
        if not text or colour not in colours:
            raise ValueError(f"result ({test!r}, {ion!r}): colour {colour!r} has no drawing colour")
        if not isinstance(precipitate, bool) or not isinstance(dissolves, bool) or (dissolves and not precipitate):
            raise ValueError(f"result ({test!r}, {ion!r}): only a precipitate can dissolve in excess")
        if gas not in ("", "carbon dioxide"):
            raise ValueError(f"result ({test!r}, {ion!r}): unknown gas {gas!r}")
    for colour in COLOUR_WORDS:
        if colour not in colours:
            raise ValueError(f"colour words for {colour!r}, which has no drawing colour")
    # Every ion must be told apart from every other by the full set of tests.
    signatures = {}
    for ion in ion_ids:
        key = tuple(RESULTS.get((test, ion), NO_CHANGE[test]) for test in test_ids)
        if key in signatures:
            raise ValueError(f"ions {signatures[key]!r} and {ion!r} give identical results in every test")
        signatures[key] = ion


check_data()
