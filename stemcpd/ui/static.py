"""Live widgets in notebooks, plain HTML on the static course site.

Jupyter shows the richest output a cell offers. A stemcpd object that displays a widget
also offers ``text/html`` (what the page would show without a kernel) and ``text/plain``
(a description); the book's configuration ranks ``text/html`` above the widget view, so
the static site never shows an empty widget placeholder.

A simulation's ``text/html`` is a small placeholder, :func:`player_placeholder_html`: it
names the simulation and the workbook's control values, and carries the description as
text. At build time the ``stemcpd.site.player`` Sphinx extension finds it, computes every
setting's data with the simulation's own model and view (:mod:`stemcpd.ui.player_data`)
and the generic browser player draws it. So displaying an app in a notebook costs
nothing extra: no frames are drawn at display time.
"""

from __future__ import annotations

import html
import json

PLAYER_CLASS = "stemcpd-player"
SIM_ATTRIBUTE = "data-stemcpd-sim"
SETTINGS_ATTRIBUTE = "data-stemcpd-settings"


def mimebundle_with_static_fallback(widget, static_html: str, text: str, **kwargs) -> dict:
    """The widget's own mime bundle plus a static HTML and a plain-text version."""
    bundle = widget._repr_mimebundle_(**kwargs)
    bundle["text/html"] = static_html
    bundle["text/plain"] = text
    return bundle


def player_placeholder_html(simulation: str, settings: dict, title: str, summary: str, description: str) -> str:
    """The static page's stand-in for a simulation, filled in by the site's player.

    Args:
        simulation: the simulation's name (``stemcpd.simulations``), e.g. ``"pendulum"``.
        settings: the workbook's control values, e.g. ``{"length_m": 1.0, ...}``.
        title: the simulation's title (the caption starts with it).
        summary: its one-line summary (the rest of the caption).
        description: ``describe()`` of the workbook's setting: what the figure shows, as
            text for readers without JavaScript (and for search).
    """
    settings_json = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    caption = f"{title} simulation. {summary}".strip()
    return (
        f'<figure class="{PLAYER_CLASS}" {SIM_ATTRIBUTE}="{html.escape(simulation, quote=True)}" '
        f'{SETTINGS_ATTRIBUTE}="{html.escape(settings_json, quote=True)}">'
        f'<p class="stemcpd-player-description">{html.escape(description)}</p>'
        # Seen where no player runs (slides, a page without JavaScript); the site's
        # player replaces it while it loads.
        '<p class="stemcpd-player-loading">The interactive simulation, with every control, '
        "is on the course site and in the workbook."
        "<noscript> It needs JavaScript; the description above says what the figure shows.</noscript></p>"
        f"<figcaption>{html.escape(caption)}</figcaption>"
        "</figure>"
    )


def parse_placeholders(body: str) -> list[tuple[str, dict, str]]:
    """Every simulation placeholder in a page's HTML: ``[(simulation, settings, tag)]``
    where ``tag`` is the placeholder's opening ``<figure …>`` tag as it appears."""
    import re

    found = []
    pattern = re.compile(
        rf'<figure class="{PLAYER_CLASS}" {SIM_ATTRIBUTE}="([^"]*)" {SETTINGS_ATTRIBUTE}="([^"]*)">'
    )
    for match in pattern.finditer(body):
        simulation = html.unescape(match.group(1))
        settings = json.loads(html.unescape(match.group(2)))
        found.append((simulation, settings, match.group(0)))
    return found
