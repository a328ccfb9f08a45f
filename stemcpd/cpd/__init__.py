"""The teacher's CPD record: quiz attempts and CPD Impact Toolkit entries.

:class:`ProgressStore` keeps everything in one SQLite file (see
:func:`default_store_path`). :func:`action_plan` and :func:`impact_record`
show the Toolkit forms in a notebook; they are loaded on first use, so
``import stemcpd.cpd`` does not import ipywidgets. The prompts themselves are plain
data in :mod:`stemcpd.cpd.prompts`; the portable record file (its JSON Schema, shared
with the course site) is read by :mod:`stemcpd.cpd.record_file`.
"""

from __future__ import annotations

from typing import Any

from stemcpd.cpd.store import Attempt, Entry, ProgressStore, default_store_path

_TOOLKIT_NAMES = (
    "action_plan",
    "impact_record",
    "reflection",
    "ToolkitForm",
    "ACTION_PLAN_PROMPTS",
    "IMPACT_RECORD_PROMPTS",
    "REFLECTION_PROMPTS",
)

__all__ = ["ProgressStore", "Attempt", "Entry", "default_store_path", *_TOOLKIT_NAMES]


def __getattr__(name: str) -> Any:
    # Toolkit names are resolved on first access so the store stays usable
    # (and cheap to import) where ipywidgets is not wanted, e.g. a CLI.
    if name in _TOOLKIT_NAMES:
        from stemcpd.cpd import toolkit

        return getattr(toolkit, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_TOOLKIT_NAMES})
