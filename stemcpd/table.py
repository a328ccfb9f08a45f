"""Measured or simulated data as a small table with units, ready for CSV.

Every simulation's ``to_table(result)`` returns a :class:`Table`, so a learner can take
what they measured into a spreadsheet and analyse it (gradient, intercept, uncertainty).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
import io
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Table:
    """Columns of numbers with a name and a unit each.

    Attributes:
        columns: column names, e.g. ``("time", "angle")``.
        units: unit of each column, e.g. ``("s", "°")``; ``""`` for none.
        data: 2-D float array, one row per measurement, one column per name.
        title: what the table is, for a file header or a caption.
    """

    columns: tuple[str, ...]
    units: tuple[str, ...]
    data: np.ndarray
    title: str = ""

    def __post_init__(self):
        data = np.atleast_2d(np.asarray(self.data, dtype=float))
        if data.size == 0:
            data = data.reshape(0, len(self.columns))
        if len(self.columns) != len(self.units):
            raise ValueError(f"columns ({len(self.columns)}) and units ({len(self.units)}) differ in number")
        if data.shape[1] != len(self.columns):
            raise ValueError(f"data has {data.shape[1]} columns but {len(self.columns)} names were given")
        object.__setattr__(self, "data", data)

    @classmethod
    def from_columns(cls, spec, title: str = "") -> "Table":
        """Build from ``[(name, unit, values), ...]`` (all values the same length)."""
        names, units, values = zip(*spec)
        return cls(tuple(names), tuple(units), np.column_stack([np.asarray(v, dtype=float) for v in values]), title)

    def __len__(self) -> int:
        return self.data.shape[0]

    def column(self, name: str) -> np.ndarray:
        """The values of one column."""
        try:
            return self.data[:, self.columns.index(name)]
        except ValueError:
            raise KeyError(f"no column {name!r}; columns are {list(self.columns)}") from None

    @property
    def headers(self) -> list[str]:
        """Column headings in the ``name / unit`` style used on GCSE graphs."""
        return [f"{name} / {unit}" if unit else name for name, unit in zip(self.columns, self.units)]

    def to_csv(self, path: str | Path | None = None, significant_figures: int = 6) -> str:
        """The table as CSV text (and written to ``path`` if given)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.headers)
        for row in self.data:
            writer.writerow([f"{value:.{significant_figures}g}" for value in row])
        text = buffer.getvalue()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_html(self, max_rows: int = 50) -> str:
        """A plain HTML table (first ``max_rows`` rows) with a caption."""
        import html

        head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>" for row in self.data[:max_rows]
        )
        more = f"<p>… {len(self) - max_rows} more rows in the CSV.</p>" if len(self) > max_rows else ""
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table class='stemcpd-table'>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _cell(value: float) -> str:
    """One number for a teacher's eyes: four significant figures, a typographic minus
    sign, no ``-0``, and ``× 10ⁿ`` instead of e-notation for very small or large values."""
    from stemcpd.text import MINUS, number

    text = f"{value:.4g}"
    if "e" in text:
        return number(value, 4)
    if text.startswith("-"):
        return "0" if float(text) == 0 else MINUS + text[1:]
    return text
