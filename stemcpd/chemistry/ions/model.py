"""A virtual test lab for identifying ions (AQA GCSE Chemistry 4.8.3, required practical).

Chemistry (see MODEL.md for the teacher's version): five tests, each aimed at one kind
of ion —

* flame test (metal ions): Li⁺ crimson, Na⁺ yellow, K⁺ lilac, Ca²⁺ orange-red, Cu²⁺ green;
* sodium hydroxide (metal ions): Cu²⁺ blue, Fe²⁺ green, Fe³⁺ brown precipitates; Ca²⁺,
  Mg²⁺ and Al³⁺ white, only Al(OH)₃ dissolving in excess;
* dilute acid then limewater (carbonate): fizzing, carbon dioxide turns limewater milky;
* nitric acid then silver nitrate (halides): Cl⁻ white, Br⁻ cream, I⁻ yellow precipitates;
* hydrochloric acid then barium chloride (sulfate): white precipitate.

The results are data (:mod:`stemcpd.chemistry.ions.data`, transcribed from the
specification and checked on import). :func:`test_result` looks a result up;
:func:`identify` works backwards from observations (as objects or as an observer's
words) to the ions they allow; :func:`unknown_sample` makes a seeded unknown salt; and
:func:`virtual_practical` gives a class's results with realistic imperfections: a trace
of sodium whose yellow flame hides potassium's lilac (the classic systematic error) and
the varied colour words real observers use.

Limits: one salt (one cation, one anion) per sample; ions outside the specification's
list (e.g. nitrate, ammonium) give "no change" everywhere; colours are idealised.
"""

from __future__ import annotations

from dataclasses import dataclass
import csv
import html
import io

import numpy as np

from stemcpd.chemistry.ions import data
from stemcpd.practical import make_rng
from stemcpd.table import Table
from stemcpd.validation import check_count, check_range

TEST_IDS = tuple(test[0] for test in data.TESTS)
TEST_NAMES = {test[0]: test[1] for test in data.TESTS}
TEST_METHODS = {test[0]: test[2] for test in data.TESTS}
ION_IDS = tuple(ion[0] for ion in data.IONS)
ION_NAMES = {ion[0]: ion[1] for ion in data.IONS}
ION_FORMULAS = {ion[0]: ion[2] for ion in data.IONS}
ION_KINDS = {ion[0]: ion[3] for ion in data.IONS}
CATIONS = tuple(ion for ion in ION_IDS if ION_KINDS[ion] == "cation")
ANIONS = tuple(ion for ion in ION_IDS if ION_KINDS[ion] == "anion")
COLOUR_NAMES = tuple(data.COLOUR_RGB)  # the order used for colour numbers in to_table()


@dataclass(frozen=True)
class Observation:
    """What is seen when one test is done on one ion.

    Attributes:
        test: the test's id, e.g. ``"hydroxide"``.
        text: the observation in words, e.g. ``"white precipitate; dissolves in excess"``.
        colour_name: the colour, e.g. ``"lilac"``; ``"none"`` when nothing is seen.
        precipitate: True if a solid forms.
        dissolves_in_excess: True if the precipitate dissolves in excess reagent.
        gas: the gas given off (``"carbon dioxide"``), or ``""``.
    """

    test: str
    text: str
    colour_name: str
    precipitate: bool
    dissolves_in_excess: bool = False
    gas: str = ""

    @property
    def signature(self) -> tuple:
        """What identifies the result: colour, precipitate, dissolving, gas."""
        return (self.colour_name, self.precipitate, self.dissolves_in_excess, self.gas)

    @property
    def positive(self) -> bool:
        """True if anything is seen (a colour, a precipitate or a gas)."""
        return self.colour_name != "none" or self.precipitate or bool(self.gas)


def _test_id(test) -> str:
    """A test id from an id or a name (a number is refused: tests are named)."""
    if isinstance(test, str):
        for test_id, name in TEST_NAMES.items():
            if test.lower() in (test_id, name.lower()):
                return test_id
    raise ValueError(f"test must be one of {list(TEST_IDS)} (or a test's name), got {test!r}")


def _ion_id(ion) -> str:
    """An ion id from an id, a formula or a name (a number is refused: ions are named)."""
    if isinstance(ion, str):
        for ion_id in ION_IDS:
            if ion in (ion_id, ION_FORMULAS[ion_id]) or ion.lower() == ION_NAMES[ion_id]:
                return ion_id
    raise ValueError(f"ion must be one of {list(ION_IDS)} (or its formula or name), got {ion!r}")


def test_result(test, ion) -> Observation:
    """What is seen when ``test`` is done on a solution of ``ion`` alone.

    Args:
        test: test id (``"flame"``, ``"hydroxide"``, ``"carbonate"``, ``"halide"``,
            ``"sulfate"``) or its name.
        ion: ion id (``"K+"``, ``"SO4^2-"`` …), formula or name.

    Raises:
        ValueError: naming the allowed tests or ions.
    """
    test_id, ion_id = _test_id(test), _ion_id(ion)
    text, colour, precipitate, dissolves, gas = data.RESULTS.get((test_id, ion_id), data.NO_CHANGE[test_id])
    return Observation(test_id, text, colour, precipitate, dissolves, gas)


test_result.__test__ = False  # not a pytest test, despite its name


def salt_result(test, cation, anion) -> Observation:
    """What is seen when ``test`` is done on a salt of ``cation`` and ``anion``: flame and
    hydroxide tests respond to the metal ion, the other three to the negative ion."""
    test_id = _test_id(test)
    cation_id, anion_id = _ion_id(cation), _ion_id(anion)
    if ION_KINDS[cation_id] != "cation" or ION_KINDS[anion_id] != "anion":
        raise ValueError(f"a salt needs a cation from {list(CATIONS)} and an anion from {list(ANIONS)}")
    return test_result(test_id, cation_id if test_id in data.CATION_TESTS else anion_id)


def _options(test_id: str) -> list[Observation]:
    """Every distinct observation ``test`` can give."""
    seen, result = set(), []
    for ion in ION_IDS:
        observation = test_result(test_id, ion)
        if observation.signature not in seen:
            seen.add(observation.signature)
            result.append(observation)
    return result


def _colour_phrases():
    phrases = {}
    for colour, words in data.COLOUR_WORDS.items():
        for word in words:
            phrases.setdefault(word, set()).add(colour)
    return sorted(phrases.items(), key=lambda item: -len(item[0]))


COLOUR_PHRASES = _colour_phrases()
NEGATIVE_WORDS = ("no ", "nothing", "none", "stays clear", "no change", "not ")


def interpret(test, words: str) -> list[Observation]:
    """The observations an observer's ``words`` could mean for ``test``.

    Colour words are matched longest first ("brick red" before "red"); a word that
    stands for two colours ("red": crimson or orange-red) keeps both. "dissolves" marks
    a precipitate dissolving in excess; "fizz" or "bubbles" a gas.

    Returns:
        The matching observations (possibly several, possibly none).
    """
    test_id = _test_id(test)
    text = f" {words.lower()} "
    if test_id == "flame":
        text = text.replace("blue", " ")  # the Bunsen flame itself is blue: not a result
    colours = set()
    for phrase, names in COLOUR_PHRASES:
        if phrase in text:
            colours |= names
            text = text.replace(phrase, " ")
    fizz_words = ("fizz", "bubble", "effervesc")
    fizz = any(word in text for word in fizz_words) and not any(f"no {word}" in text for word in fizz_words)
    dissolves = "dissolv" in text
    matches = []
    for option in _options(test_id):
        if option.colour_name == "none":
            if colours:
                continue
            if not option.gas and fizz:
                continue
            if option.gas and not fizz:
                continue
            matches.append(option)
        elif option.colour_name in colours and option.dissolves_in_excess == dissolves:
            matches.append(option)
    return matches


def identify(observations) -> list[str]:
    """The ions consistent with ``observations``.

    Args:
        observations: mapping of test (id, name or number) → :class:`Observation` or an
            observer's words (see :func:`interpret`).

    Each test speaks only about its own kind of ion (flame and hydroxide about metal
    ions; the acid tests about negative ions). An ion is a candidate if every test of
    its kind that was done gives the result the ion would give; kinds with no test done
    are not listed.

    Returns:
        Candidate ion ids, cations first, in the order of :data:`ION_IDS`.
    """
    allowed = {"cation": set(CATIONS), "anion": set(ANIONS)}
    tested = set()
    for test, seen in dict(observations).items():
        test_id = _test_id(test)
        kind = "cation" if test_id in data.CATION_TESTS else "anion"
        tested.add(kind)
        options = [seen] if isinstance(seen, Observation) else interpret(test_id, str(seen))
        signatures = {option.signature for option in options}
        allowed[kind] &= {ion for ion in allowed[kind] if test_result(test_id, ion).signature in signatures}
    return [ion for ion in ION_IDS if ION_KINDS[ion] in tested and ion in allowed[ION_KINDS[ion]]]


# ---------------------------------------------------------------------------------------
# Unknown samples and the virtual practical

# Salts a school prep room would hand out as unknowns (soluble, or tested as the solid).
UNKNOWN_SALTS = (
    ("Li+", "Cl-"), ("Li+", "CO3^2-"), ("Na+", "CO3^2-"), ("Na+", "Br-"), ("Na+", "I-"),
    ("K+", "Cl-"), ("K+", "Br-"), ("K+", "I-"), ("K+", "SO4^2-"), ("K+", "CO3^2-"),
    ("Ca2+", "Cl-"), ("Mg2+", "SO4^2-"), ("Mg2+", "Cl-"), ("Al3+", "SO4^2-"),
    ("Cu2+", "SO4^2-"), ("Cu2+", "Cl-"), ("Fe2+", "SO4^2-"), ("Fe3+", "Cl-"),
)


@dataclass(frozen=True)
class UnknownSample:
    """A labelled bottle of an unknown salt.

    Attributes:
        cation: ion id of its metal ion.
        anion: ion id of its negative ion.
        sodium_impurity: True if it carries a trace of a sodium compound (enough to
            colour a flame yellow: it hides potassium's lilac, and gives a yellow flame
            to salts whose metal gives no flame colour).
    """

    cation: str
    anion: str
    sodium_impurity: bool = False

    @property
    def name(self) -> str:
        """E.g. "potassium sulfate" (with "+ trace of sodium")."""
        metal = ION_NAMES[self.cation]
        return f"{metal} {ION_NAMES[self.anion]}" + (" (with a trace of sodium)" if self.sodium_impurity else "")

    def observe(self, test) -> Observation:
        """What the test shows on this sample (the impurity hides a lilac flame)."""
        observation = salt_result(test, self.cation, self.anion)
        # Sodium's intense yellow swamps a weak colour (lilac) or no colour at all.
        if self.sodium_impurity and observation.test == "flame" and observation.colour_name in ("lilac", "none"):
            sodium = test_result("flame", "Na+")
            return Observation("flame", "yellow flame (from the trace of sodium)", sodium.colour_name, False)
        return observation


def unknown_sample(seed: int | None = 0, impurity_probability: float = 0.0) -> UnknownSample:
    """A seeded unknown salt from :data:`UNKNOWN_SALTS`; with probability
    ``impurity_probability`` it carries a trace of sodium (never added to a sodium salt)."""
    impurity_probability = check_range("impurity_probability", impurity_probability, 0, 1, low_open=False)
    rng = make_rng(seed)
    cation, anion = UNKNOWN_SALTS[int(rng.integers(len(UNKNOWN_SALTS)))]
    impure = bool(rng.random() < impurity_probability) and cation != "Na+"
    return UnknownSample(cation, anion, impure)


def observer_words(observation: Observation, rng: np.random.Generator) -> str:
    """How a pupil might write ``observation`` down: a colour word of their own choosing
    (any word observers use for that colour), plus the key facts."""
    if observation.colour_name == "none":
        return observation.text.split(":")[0].split(";")[0] if not observation.gas else (
            "fizzed, no precipitate")
    choices = data.COLOUR_WORDS.get(observation.colour_name, (observation.colour_name,))
    word = choices[int(rng.integers(len(choices)))]
    if observation.test == "flame":
        return f"{word} flame"
    if observation.test == "carbonate":
        return f"fizzed; limewater went {word}"
    text = f"{word} precipitate"
    if observation.test == "hydroxide" and observation.colour_name == "white":
        text += ", dissolves in excess" if observation.dissolves_in_excess else ", stays in excess"
    return text


@dataclass(frozen=True)
class ResultsTable:
    """A results table of words (the shared :class:`~stemcpd.table.Table` holds numbers
    only).

    Attributes:
        columns: column headings.
        rows: one tuple of strings per row.
        title: what the table is.
        answers: the true samples, row by row (for the teacher).
    """

    columns: tuple
    rows: tuple
    title: str = ""
    answers: tuple = ()

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[str]:
        """The entries of one column."""
        try:
            index = self.columns.index(name)
        except ValueError:
            raise KeyError(f"no column {name!r}; columns are {list(self.columns)}") from None
        return [row[index] for row in self.rows]

    def to_csv(self) -> str:
        """The table as CSV text."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()

    def to_html(self) -> str:
        """A plain HTML table with a caption."""
        head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in self.rows)
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table class='stemcpd-table'>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def virtual_practical(samples: int = 8, impurity_probability: float = 0.3, seed: int | None = 0) -> ResultsTable:
    """A pupil's results table for the "identifying ions" required practical.

    Each of ``samples`` unknown salts (seeded) gets all five tests; the pupil writes
    each observation in their own colour words. The systematic error: a sample may
    carry a trace of sodium (probability ``impurity_probability``), whose yellow flame
    hides the lilac of potassium — so a potassium salt is wrongly "identified" as a
    sodium salt unless the flame is viewed through blue cobalt glass.

    Returns:
        A :class:`ResultsTable` with columns sample, one per test, and "ions the
        results point to" (from :func:`identify` on the pupil's words); ``answers``
        holds the true :class:`UnknownSample` of each row.
    """
    samples = check_count("samples", samples, 1, 100)
    impurity_probability = check_range("impurity_probability", impurity_probability, 0, 1, low_open=False)
    rng = make_rng(seed)
    rows, answers = [], []
    for number in range(1, samples + 1):
        sample = unknown_sample(int(rng.integers(2**31)), impurity_probability)
        words = {test: observer_words(sample.observe(test), rng) for test in TEST_IDS}
        found = identify(words)
        rows.append((f"{number}", *(words[test] for test in TEST_IDS),
                     ", ".join(ION_FORMULAS[ion] for ion in found) or "none"))
        answers.append(sample)
    return ResultsTable(
        columns=("sample", *(TEST_NAMES[test] for test in TEST_IDS), "ions the results point to"),
        rows=tuple(rows),
        title=(f"Virtual practical: identifying ions in unknown salts (seed {seed}); systematic error: "
               "a trace of sodium hides potassium's lilac flame"),
        answers=tuple(answers),
    )


# ---------------------------------------------------------------------------------------
# The app's model: one test on one ion


@dataclass(frozen=True)
class IonsParams:
    """Which test is done on which ion. Validated on creation.

    Attributes:
        test: the test's id, one of :data:`TEST_IDS` (``"flame"``, ``"hydroxide"``,
            ``"carbonate"``, ``"halide"``, ``"sulfate"``); its name is accepted too and
            stored as the id.
        ion: the ion's id, one of :data:`ION_IDS` (``"Li+"`` … ``"SO4^2-"``); its
            formula or name is accepted too and stored as the id.
    """

    test: str = "flame"
    ion: str = "K+"

    def __post_init__(self):
        object.__setattr__(self, "test", _test_id(self.test))
        object.__setattr__(self, "ion", _ion_id(self.ion))

    @property
    def test_id(self) -> str:
        """The test's id, e.g. ``"flame"``."""
        return self.test

    @property
    def ion_id(self) -> str:
        """The ion's id, e.g. ``"K+"``."""
        return self.ion


@dataclass(frozen=True)
class IonTest:
    """One test on one ion, and what it shows.

    Attributes:
        params: the choice of test and ion.
        observation: what is seen.
        candidates: ions this observation alone allows (of the kind the test is for).
        conclusion: what the observation shows, in words.
    """

    params: IonsParams
    observation: Observation
    candidates: tuple
    conclusion: str

    @property
    def short_grid(self) -> tuple:
        """Every test on every ion in a few words (:func:`short_text`): one row per ion
        of :data:`ION_IDS`, one column per test of :data:`TEST_IDS`; the results grid
        the figure shows beside this test."""
        return _short_grid()


_SHORT_GRID: list = []


def _short_grid() -> tuple:
    if not _SHORT_GRID:  # the same for every result: computed once
        _SHORT_GRID.append(tuple(tuple(short_text(test_result(test, ion)) for test in TEST_IDS) for ion in ION_IDS))
    return _SHORT_GRID[0]


def _list_formulas(ions) -> str:
    formulas = [ION_FORMULAS[ion] for ion in ions]
    return formulas[0] if len(formulas) == 1 else ", ".join(formulas[:-1]) + " or " + formulas[-1]


def run_test(params: IonsParams | None = None) -> IonTest:
    """Do test ``params.test`` on ion ``params.ion`` and work out what it shows."""
    params = IonsParams() if params is None else params
    test_id, ion_id = params.test_id, params.ion_id
    observation = test_result(test_id, ion_id)
    candidates = tuple(identify({test_id: observation}))
    kind = "metal ions" if test_id in data.CATION_TESTS else "negative ions"
    if not candidates:
        conclusion = f"rules out every {kind[:-1]} this test detects"
    elif len(candidates) == 1:
        conclusion = f"shows {ION_NAMES[candidates[0]]} ions, {ION_FORMULAS[candidates[0]]}"
    else:
        conclusion = f"could be {_list_formulas(candidates)}: another test is needed"
    if ION_KINDS[ion_id] == ("anion" if test_id in data.CATION_TESTS else "cation"):
        conclusion = f"says nothing about {ION_FORMULAS[ion_id]}: this test is for {kind}"
    return IonTest(params, observation, candidates, conclusion)


def short_text(observation: Observation) -> str:
    """A few words for a results grid, e.g. "white ppt, dissolves in excess"; "–" when
    nothing is seen."""
    if not observation.positive:
        return "–"
    if observation.test == "flame":
        return f"{observation.colour_name} flame"
    if observation.test == "carbonate":
        return "fizzes; limewater milky"
    if not observation.precipitate:
        return "fizzes, no ppt"
    text = f"{observation.colour_name} ppt"
    if observation.test == "hydroxide" and observation.colour_name == "white":
        text += ", dissolves in excess" if observation.dissolves_in_excess else ", stays in excess"
    return text


def results_grid() -> tuple:
    """The results table of the specification: one row per ion, one column per test, each
    entry the observation in words."""
    return tuple(tuple(test_result(test, ion).text for test in TEST_IDS) for ion in ION_IDS)


def describe(result: IonTest) -> str:
    """One or two sentences a screen reader can speak about this test."""
    ion, test, seen = result.params.ion_id, result.params.test_id, result.observation
    colour = f"colour: {seen.colour_name}" if seen.colour_name != "none" else "no colour"
    return (f"{TEST_NAMES[test]} on {ION_NAMES[ion]} ions, {ION_FORMULAS[ion]}: {seen.text} ({colour}). "
            f"This {result.conclusion}.")


def to_table(result: IonTest | None = None) -> Table:
    """Every result as numbers (the shared Table holds numbers only): one row per ion;
    per test a colour number (index in :data:`COLOUR_NAMES`, given in the title) and
    whether a precipitate forms. :func:`results_grid` has the same in words."""
    columns = [("ion number", "", np.arange(1, len(ION_IDS) + 1))]
    for test in TEST_IDS:
        results = [test_result(test, ion) for ion in ION_IDS]
        columns.append((f"{test} colour number", "", [COLOUR_NAMES.index(r.colour_name) for r in results]))
        columns.append((f"{test} precipitate (1 yes)", "", [int(r.precipitate) for r in results]))
    key = ", ".join(f"{i} {name}" for i, name in enumerate(COLOUR_NAMES))
    ions = ", ".join(f"{i} {ion}" for i, ion in enumerate(ION_IDS, start=1))
    return Table.from_columns(columns, title=f"Tests for ions (AQA 4.8.3). Ions: {ions}. Colours: {key}")
