"""Shared UI layer: the colour palette, controls declared as data, and figure rendering.

- :mod:`stemcpd.ui.palette` — the Okabe–Ito colour-blind-safe palette and line styles
  (imports nothing heavy).
- :mod:`stemcpd.ui.controls` — :class:`Control` (a slider or choice described as data) and
  :func:`build_controls`, which turns a tuple of them into ipywidgets.
- :mod:`stemcpd.ui.figures` — a matplotlib figure on the Agg canvas and
  :class:`FrameRenderer`, which turns it into PNG bytes quickly by redrawing only the
  artists that change.

Only :mod:`stemcpd.ui.palette` and the :class:`Control` dataclass may be imported by model
code; everything else is for views and apps.
"""
