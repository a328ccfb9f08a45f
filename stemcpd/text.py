"""Numbers and small text tables written for teachers, not programmers.

The course site hides every code cell and shows only its output, so what a workbook
prints must read on its own: ``9.03 × 10⁻⁹``, not ``9.03e-09``; ``− 0.00071``, not
``+ -0.00071``; a labelled table, not a Python list or dict. These helpers keep that
formatting in one place so the workbooks stay thin.
"""

from __future__ import annotations

import html
import math

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
MINUS = "\u2212"  # the typographic minus sign, not a hyphen


def number(value: float, significant_figures: int = 3) -> str:
    """A number in plain decimal, or in ``a × 10ⁿ`` form when it is very small or large.

    Plain decimal is used from 0.001 up to (but not including) 1 000 000; outside that
    range the standard-form version is easier to read than a row of zeros. Negative
    numbers get a typographic minus sign.

    Args:
        value: the number.
        significant_figures: how many significant figures to show (at least 1).

    Raises:
        ValueError: if ``significant_figures`` is less than 1.
    """
    if significant_figures < 1:
        raise ValueError(f"significant_figures must be at least 1, got {significant_figures}")
    value = float(value)
    if math.isnan(value):
        return "not a number"
    if math.isinf(value):
        return f"{MINUS}∞" if value < 0 else "∞"
    if value == 0:
        return "0"
    sign = MINUS if value < 0 else ""
    size = abs(value)
    exponent = math.floor(math.log10(size))
    mantissa = round(size / 10**exponent, significant_figures - 1)
    if mantissa >= 10:  # rounding carried into the next power of ten, e.g. 9.996 → 10.0
        mantissa, exponent = mantissa / 10, exponent + 1
    if -3 <= exponent < 6:
        decimals = max(significant_figures - 1 - exponent, 0)
        return f"{sign}{round(size, decimals):,.{decimals}f}".replace(",", " ")
    return f"{sign}{mantissa:.{significant_figures - 1}f} × 10{str(exponent).translate(_SUPERSCRIPTS)}"


def fixed(value: float, decimals: int) -> str:
    """A number to ``decimals`` places with a typographic minus sign: ``−114.1``."""
    value = round(float(value), decimals)
    text = f"{abs(value):.{decimals}f}"
    return f"{MINUS}{text}" if value < 0 else text


def signed(value: float, decimals: int) -> str:
    """A signed term for an equation: ``+ 0.25`` or ``− 0.00071`` (never ``+ -0.00071``)."""
    value = round(float(value), decimals)
    return f"{MINUS if value < 0 else '+'} {abs(value):.{decimals}f}"


def html_table(headers, rows, caption: str = "") -> str:
    """A small HTML table of text, for results that are words rather than numbers.

    :class:`stemcpd.table.Table` holds numbers with units; this is for a table such as
    "observations → possible ions". Every cell is escaped, so any text is safe.

    Args:
        headers: column headings.
        rows: rows of cells (each converted with ``str``), each as long as ``headers``.
        caption: what the table shows, or ``""`` for none.

    Raises:
        ValueError: if a row's length differs from the number of headings.
    """
    headers = [str(heading) for heading in headers]
    body = []
    for row in rows:
        cells = [str(cell) for cell in row]
        if len(cells) != len(headers):
            raise ValueError(f"a row has {len(cells)} cells but there are {len(headers)} headings: {cells!r}")
        body.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th scope='col'>{html.escape(heading)}</th>" for heading in headers)
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f"<table class='stemcpd-table'>{caption_html}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def show_table(headers, rows, caption: str = ""):
    """:func:`html_table` as a notebook display object (``IPython.display.HTML``)."""
    from IPython.display import HTML

    return HTML(html_table(headers, rows, caption))
