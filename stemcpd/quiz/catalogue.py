"""The misconception catalogue: what each misconception id in the banks means.

Banks tag every distractor with a misconception id (``heavier-falls-faster``). The
catalogue, one YAML file per topic in ``stemcpd/quiz/misconceptions/``, says what
each id means in a teacher's words, where the CPD workbooks address it, and which
simulation shows it:

.. code-block:: yaml

    topic: forces-and-motion
    misconceptions:
      - id: heavier-falls-faster
        name: "Heavier falls faster"     # optional: shown to teachers; default made from the id
        description: "Pupils expect a heavier object to fall faster ..."
        addressed_in: "workbooks/physics-forces-and-motion.ipynb#the-misconceptions-pupils-hold"
        simulation: projectile      # optional: a name in stemcpd.simulations.available()
        source: "Driver et al. (1994)"   # optional

An id used in several banks is defined once, in one file. Loading checks each file
against :data:`CATALOGUE_SCHEMA` and raises :class:`CatalogueError` naming the
file, line and misconception id (the same line-finding as :mod:`stemcpd.quiz.bank`);
an id defined in two files is an error naming both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when validating: importing jsonschema takes about a second
    import jsonschema
import yaml

from stemcpd.quiz.bank import _YAML_TYPE_NAMES, BankError, _find_node, _parse_yaml, _short_repr

CATALOGUE_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "stemcpd misconception catalogue",
    "type": "object",
    "required": ["topic", "misconceptions"],
    "properties": {
        "topic": {"$ref": "#/$defs/slug"},
        "misconceptions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/misconception"}},
    },
    "additionalProperties": False,
    "$defs": {
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80},
        "misconception": {
            "type": "object",
            "required": ["id", "description", "addressed_in"],
            "properties": {
                "id": {"$ref": "#/$defs/slug"},
                "name": {"type": "string", "minLength": 1, "maxLength": 80},
                "description": {"type": "string", "minLength": 1},
                "addressed_in": {"type": "string", "pattern": r"^workbooks/[a-z0-9-]+\.ipynb(#[a-z0-9-]+)?$"},
                "simulation": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                "source": {"type": "string", "minLength": 1},
            },
            "additionalProperties": False,
        },
    },
}
"""The JSON Schema (draft 2020-12) every catalogue file must match."""


class CatalogueError(BankError):
    """A catalogue file that cannot be loaded; reads ``"energy.yaml, line 7, misconception 'x': …"``."""

    item_kind = "misconception"


@dataclass(frozen=True)
class Misconception:
    """One idea pupils hold, as the catalogue describes it.

    Attributes:
        id: Slug used by the banks, e.g. ``"heavier-falls-faster"``.
        description: What pupils think and why, in a teacher's words.
        addressed_in: Workbook and section, e.g.
            ``"workbooks/physics-energy.ipynb#the-misconceptions-pupils-hold"``.
        simulation: Name of a simulation that shows it (``stemcpd.simulations``), or None.
        source: Research reference, or None.
        topic: The catalogue file's topic.
        name: What teachers see, e.g. ``"Heavier falls faster"``; the catalogue's
            ``name`` or, when it has none, :func:`default_name` of the id.
    """

    id: str
    description: str
    addressed_in: str
    simulation: str | None = None
    source: str | None = None
    topic: str = ""
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", default_name(self.id))

    @property
    def workbook(self) -> str:
        """The workbook path without the section, e.g. ``"workbooks/physics-energy.ipynb"``."""
        return self.addressed_in.split("#", 1)[0]

    @property
    def section(self) -> str | None:
        """The section anchor, e.g. ``"the-misconceptions-pupils-hold"``, or None."""
        return self.addressed_in.split("#", 1)[1] if "#" in self.addressed_in else None


def default_name(misconception_id: str) -> str:
    """A readable name made from an id: ``"heavier-swings-faster"`` → ``"Heavier swings faster"``.

    Ids with abbreviations (``ph-…``, ``pd-…``) get a ``name`` in the catalogue instead.
    """
    words = misconception_id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


BUILT_IN_NAMES = {
    "power-of-ten-slip": "A power-of-ten slip",
    "unit-measures-wrong-quantity": "A unit of the wrong quantity",
    "celsius-not-converted-to-kelvin": "°C not converted to K",
    "kelvin-given-for-celsius": "Kelvin given where °C was asked",
}
"""Names of the misconceptions numeric marking itself detects (not in any catalogue file)."""


def misconception_name(misconception_id: str) -> str:
    """What to call a misconception in front of a teacher: its catalogue name, the
    built-in name of a marking misconception, or :func:`default_name` of the id."""
    described = dict(_packaged()).get(misconception_id)
    if described is not None:
        return described.name
    return BUILT_IN_NAMES.get(misconception_id) or default_name(misconception_id)


def catalogue_folder() -> Path:
    """The packaged ``stemcpd/quiz/misconceptions`` folder."""
    return Path(str(resources.files("stemcpd.quiz").joinpath("misconceptions")))


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(CATALOGUE_SCHEMA)


def _describe(error: jsonschema.ValidationError) -> tuple[str, list]:
    path = list(error.absolute_path)
    field = " ".join(f"item {step + 1}" if isinstance(step, int) else f"'{step}'" for step in path[2:] or path)
    field = field or "the catalogue"
    if len(path) == 2:
        field = "the misconception"
    keyword = error.validator
    if keyword == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return f"missing required field '{missing[0]}'", path
    if keyword == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = next(str(key) for key in error.instance if str(key) not in allowed)
        return f"unknown field '{extra}' (allowed: {', '.join(sorted(allowed))})", [*path, extra]
    if keyword == "type":
        expected = _YAML_TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        return f"{field} should be {expected}, not {_short_repr(error.instance)}", path
    if keyword == "pattern" and path[-1:] == ["addressed_in"]:
        return (
            f"'addressed_in' {error.instance!r} must look like "
            "'workbooks/physics-energy.ipynb#the-misconceptions-pupils-hold'",
            path,
        )
    if keyword == "pattern":
        return f"{field} {error.instance!r} must be a slug, e.g. heavier-falls-faster", path
    if keyword == "minLength":
        return f"{field} must not be empty", path
    if keyword == "minItems":
        return f"{field} needs at least {error.validator_value} item(s)", path
    return f"{field}: {error.message}", path


def _item_id(data: Any, path: list) -> tuple[str | None, int | None]:
    if len(path) >= 2 and path[0] == "misconceptions" and isinstance(path[1], int):
        item = data["misconceptions"][path[1]]
        item_id = item.get("id") if isinstance(item, dict) else None
        return (item_id if isinstance(item_id, str) else None), path[1] + 1
    return None, None


def load_catalogue_file(path: Path | str) -> tuple[Misconception, ...]:
    """Load and check one catalogue file.

    Args:
        path: A ``<topic>.yaml`` file; its ``topic`` must match the file name.

    Raises:
        CatalogueError: For the first problem, naming file, line and misconception id.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CatalogueError(path, "the file is not UTF-8 text") from None
    except OSError as error:
        raise CatalogueError(path, f"cannot read the file ({error.strerror or error})") from None
    try:
        root, data = _parse_yaml(path, text)
    except BankError as error:
        raise CatalogueError(path, error.problem, error.line) from None
    errors = sorted(_validator().iter_errors(data), key=lambda error: _find_node(root, list(error.absolute_path))[1])
    if errors:
        problem, pointed = _describe(errors[0])
        item_id, number = _item_id(data, list(errors[0].absolute_path))
        raise CatalogueError(path, problem, _find_node(root, pointed)[1], item_id, number)
    if data["topic"] != path.stem:
        raise CatalogueError(
            path, f"topic {data['topic']!r} does not match the file name ({path.stem}.yaml)", _find_node(root, ["topic"])[1]
        )
    first_line: dict[str, int] = {}
    found = []
    for index, item in enumerate(data["misconceptions"]):
        line = _find_node(root, ["misconceptions", index, "id"])[1]
        if item["id"] in first_line:
            raise CatalogueError(path, f"duplicate id (first defined on line {first_line[item['id']]})", line,
                                 item["id"], index + 1)
        first_line[item["id"]] = line
        found.append(Misconception(item["id"], item["description"], item["addressed_in"], item.get("simulation"),
                                   item.get("source"), data["topic"], item.get("name", "")))
    return tuple(found)


def load_catalogue(paths: Iterable[Path | str]) -> dict[str, Misconception]:
    """Load several catalogue files into one mapping, id → :class:`Misconception`.

    Raises:
        CatalogueError: For a broken file, or an id defined in two files (naming both).
    """
    merged: dict[str, Misconception] = {}
    defined_in: dict[str, Path] = {}
    for path in sorted(Path(path) for path in paths):
        for misconception in load_catalogue_file(path):
            if misconception.id in merged:
                _, line = _id_line(path, misconception.id)
                raise CatalogueError(
                    path,
                    f"id already defined in {defined_in[misconception.id].name}, line "
                    f"{_id_line(defined_in[misconception.id], misconception.id)[1]}; define each id once",
                    line,
                    misconception.id,
                )
            merged[misconception.id] = misconception
            defined_in[misconception.id] = path
    return merged


def _id_line(path: Path, misconception_id: str) -> tuple[int, int | None]:
    root, data = _parse_yaml(path, path.read_text(encoding="utf-8"))
    for index, item in enumerate(data["misconceptions"]):
        if item["id"] == misconception_id:
            return index, _find_node(root, ["misconceptions", index, "id"])[1]
    return -1, None


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[str, Misconception], ...]:
    return tuple(load_catalogue(catalogue_folder().glob("*.yaml")).items())


def catalogue() -> dict[str, Misconception]:
    """Every packaged misconception, id → :class:`Misconception` (a fresh dict each call)."""
    return dict(_packaged())
