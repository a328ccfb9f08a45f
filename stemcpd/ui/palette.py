"""The one palette every stemcpd plot uses: Okabe & Ito's colour-blind-safe set.

Colour never carries meaning alone: each series also gets its own line style or marker,
so a plot still reads in greyscale or on a washed-out projector.

Reference: M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people" (2008).
"""

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Series styles in the order plots should use them: colour plus a distinct dash pattern.
# Yellow is left out: it has too little contrast on white for thin lines.
SERIES_STYLES = (
    {"color": OKABE_ITO["blue"], "linestyle": "-"},
    {"color": OKABE_ITO["vermillion"], "linestyle": "--"},
    {"color": OKABE_ITO["bluish_green"], "linestyle": "-."},
    {"color": OKABE_ITO["reddish_purple"], "linestyle": ":"},
    {"color": OKABE_ITO["orange"], "linestyle": (0, (5, 1, 1, 1, 1, 1))},
    {"color": OKABE_ITO["sky_blue"], "linestyle": (0, (1, 1))},
    {"color": OKABE_ITO["black"], "linestyle": (0, (8, 2))},
)


def series_style(index: int) -> dict:
    """Return the colour and line style for the ``index``-th series of a plot."""
    return dict(SERIES_STYLES[index % len(SERIES_STYLES)])
