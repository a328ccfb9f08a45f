"""The module map as data: every AQA GCSE physics and chemistry topic, the module that
teaches it, and the required practicals under it.

``curriculum.yaml`` beside this file lists the specifications' topics (AQA 8463 and
8462 as the spine) with a module id each. A module is *available* when its workbook
exists and *planned* when it is one of :data:`PLANNED_MODULES` still being written; the
map shows planned modules without a link, so a teacher sees the whole specification and
what the course does not cover yet. :func:`module_map` joins topics, modules and the
practicals' data; ``stemcpd.site.practicals`` draws it on book/modules.md at build time,
and a test keeps the map, the practicals and ``_toc.yml`` in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from stemcpd.practicals import Practical, all_practicals

CURRICULUM_FILE = Path(__file__).parent / "curriculum.yaml"

# Modules the course is adding that have no workbook yet (shown on the map as
# "planned"). Empty: every module of the map has its workbook.
PLANNED_MODULES: tuple[str, ...] = ()

# Course modules that teach no specification topic of their own, and why.
OUTSIDE_THE_SPECIFICATION = {
    "physics-pendulum": "a favourite KS4 investigation and part of an A-level practical, not a GCSE topic",
}


@dataclass(frozen=True)
class Topic:
    """One specification topic and the module that teaches it."""

    subject: str
    ref: str
    topic: str
    module: str
    separate_only: bool = False
    practicals: tuple[Practical, ...] = field(default=())

    def contains(self, spec_reference: str) -> bool:
        """Whether a specification reference (e.g. 4.1.1.3) falls under this topic (4.1.1)."""
        return spec_reference == self.ref or spec_reference.startswith(self.ref + ".")


@lru_cache(maxsize=None)
def topics() -> tuple[Topic, ...]:
    """Every topic, physics then chemistry, in specification order, each with its practicals
    (a practical sits under the topic with the longest reference that contains its own)."""
    data = yaml.safe_load(CURRICULUM_FILE.read_text(encoding="utf-8"))
    bare = [
        Topic(subject, entry["ref"], entry["topic"], entry["module"], bool(entry.get("separate_only", False)))
        for subject in ("physics", "chemistry") for entry in data[subject]
    ]
    placed: dict[int, list[Practical]] = {}
    for practical in all_practicals():
        reference = practical.data["board"]["spec_reference"]
        candidates = [index for index, topic in enumerate(bare)
                      if topic.subject == practical.subject and topic.contains(reference)]
        if candidates:
            best = max(candidates, key=lambda index: len(bare[index].ref))
            placed.setdefault(best, []).append(practical)
    return tuple(
        Topic(topic.subject, topic.ref, topic.topic, topic.module, topic.separate_only, tuple(placed.get(index, ())))
        for index, topic in enumerate(bare)
    )


def module_ids() -> set[str]:
    """Every module the map names (topics and practicals)."""
    return {topic.module for topic in topics()} | {practical.module for practical in all_practicals()}


def module_status(module: str, workbooks_dir: Path) -> str:
    """``"available"`` when ``workbooks/<module>.ipynb`` exists, ``"planned"`` when it is a
    module being written, ``"missing"`` otherwise (a mistake the map test reports)."""
    if (workbooks_dir / f"{module}.ipynb").is_file():
        return "available"
    if module in PLANNED_MODULES:
        return "planned"
    return "missing"
