"""The GCSE required practicals as data: what a technician prepares, and where the course
teaches each one.

Why data: the same facts appear in four places — the printable technician sheet
(``stemcpd technician``), the site's "Practical work" page, the "For technicians"
section of each module workbook, and the module map. Kept once, as one schema-checked
YAML file per practical in ``data/``, they cannot drift apart, and a test can recompute
every solution recipe (mass = c × V × M, or c₁V₁ = c₂V₂) from its own numbers.

Safety references follow one rule: a CLEAPSS Hazcard, Student Safety Sheet or guide is
cited by number only where the number is certain; otherwise it is named by substance
("the CLEAPSS Hazcard for copper(II) oxide"), because a wrong number sends a technician
to the wrong sheet, which is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import json
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
SCHEMA_FILE = Path(__file__).parent / "schema.json"
SUBJECT_ORDER = ("physics", "chemistry")


class PracticalError(ValueError):
    """A practical's data file is missing or does not satisfy the schema (names file and field)."""


@dataclass(frozen=True)
class EquipmentLine:
    """One line of the equipment list, with the class total already worked out."""

    item: str
    per_group: float
    per_class: float
    note: str = ""


@dataclass(frozen=True)
class Practical:
    """One required practical, read from ``data/<id>.yaml`` (see ``schema.json``)."""

    data: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def subject(self) -> str:
        return self.data["subject"]

    @property
    def number(self) -> int:
        return self.data["board"]["number"]

    @property
    def module(self) -> str:
        return self.data["module"]

    @property
    def simulation(self) -> str | None:
        return self.data["simulation"]

    @property
    def groups(self) -> int:
        """Groups in the class: class size ÷ group size, rounded up (a group of 2 is still a set)."""
        return -(-self.data["class_size"] // self.data["group_size"])

    @property
    def board_reference(self) -> str:
        """E.g. "AQA 8463 physics required practical 1 (specification 4.1.1.3)"."""
        board = self.data["board"]
        return (f"{board['name']} {board['specification']} {self.subject} required practical {board['number']} "
                f"(specification {board['spec_reference']})")

    @property
    def exam_label(self) -> str:
        """The label extended-response questions carry in ``practical:``, e.g.
        "AQA physics RP 1: specific heat capacity" (see :func:`practical_for_label`)."""
        return f"AQA {self.subject} RP {self.number}: {self.data['short_name']}"

    def equipment(self) -> list[EquipmentLine]:
        """The equipment list with per-class totals (per group × groups unless the data says otherwise)."""
        lines = []
        for entry in self.data["equipment"]:
            per_class = entry.get("per_class", entry["per_group"] * self.groups)
            lines.append(EquipmentLine(entry["item"], entry["per_group"], per_class, entry.get("note", "")))
        return lines

    def sheet_anchor(self) -> str:
        """The id of this practical's sheet on the site's practical-work page."""
        return f"sheet-{self.id}"


def _schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def load_practical_file(path: Path) -> Practical:
    """Read and check one practical's YAML file.

    Raises:
        PracticalError: naming the file and the failing field, if it is not valid.
    """
    import jsonschema

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise PracticalError(f"{path.name}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise PracticalError(f"{path.name}: expected a mapping of fields at the top level")
    errors = sorted(jsonschema.Draft7Validator(_schema()).iter_errors(data), key=lambda error: list(error.path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.path) or "(top level)"
        raise PracticalError(f"{path.name}: {where}: {error.message}")
    if data["id"] != path.stem:
        raise PracticalError(f"{path.name}: id {data['id']!r} does not match the file name")
    if not data["id"].startswith(data["subject"] + "-"):
        raise PracticalError(f"{path.name}: id must start with its subject ({data['subject']}-)")
    return Practical(data)


@lru_cache(maxsize=None)
def all_practicals() -> tuple[Practical, ...]:
    """Every required practical, physics then chemistry, in the board's numbering."""
    practicals = [load_practical_file(path) for path in sorted(DATA_DIR.glob("*.yaml"))]
    return tuple(sorted(practicals, key=lambda p: (SUBJECT_ORDER.index(p.subject), p.number)))


def practical_ids() -> list[str]:
    return [practical.id for practical in all_practicals()]


def get_practical(practical_id: str) -> Practical:
    """The practical with this id.

    Raises:
        PracticalError: for an unknown id (the message lists the known ones).
    """
    for practical in all_practicals():
        if practical.id == practical_id:
            return practical
    raise PracticalError(f"no required practical {practical_id!r}; choose from: {', '.join(practical_ids())}")


def practicals_for_module(module: str) -> list[Practical]:
    """The required practicals a module teaches."""
    return [practical for practical in all_practicals() if practical.module == module]


def practical_for_label(label: str) -> Practical | None:
    """The practical a question's ``practical:`` label names ("AQA physics RP 3: …"),
    matched on board, subject and number so the words after the colon may vary."""
    import re

    match = re.match(r"\s*AQA\s+(physics|chemistry)\s+RP\s*(\d+)\b", label or "", re.IGNORECASE)
    if not match:
        return None
    subject, number = match.group(1).lower(), int(match.group(2))
    for practical in all_practicals():
        if practical.subject == subject and practical.number == number:
            return practical
    return None


def technician_sheet(practical_id: str):
    """The technician sheet for a workbook cell: displays as the printable sheet.

    >>> technician_sheet("physics-specific-heat-capacity")   # doctest: +SKIP
    """
    from stemcpd.practicals.sheet import TechnicianSheet

    return TechnicianSheet(get_practical(practical_id))


__all__ = [
    "Practical", "PracticalError", "all_practicals", "get_practical", "practical_ids",
    "practicals_for_module", "practical_for_label", "technician_sheet", "load_practical_file",
]
