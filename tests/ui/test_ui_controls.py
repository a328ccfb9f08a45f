"""Controls as data, nice axis steps, the palette, and the frame renderer."""

import pytest

from stemcpd.ui.controls import Control, build_controls, control_values
from stemcpd.ui.palette import OKABE_ITO, SERIES_STYLES, series_style
from stemcpd.ui.scales import ladder_ceiling, nice_ceiling


def test_control_validates_its_own_range():
    with pytest.raises(ValueError, match="minimum"):
        Control("x", "X", 2, 1, 0.1, 1.5)
    with pytest.raises(ValueError, match=r"value 5 must be in \[0, 1\]"):
        Control("x", "X", 0, 1, 0.1, 5)
    with pytest.raises(ValueError, match="step"):
        Control("x", "X", 0, 1, 0, 0.5)


def test_control_decimals_and_range_text():
    assert Control("x", "X", 0, 1, 0.01, 0.5).decimals == 2
    assert Control("x", "X", 0, 100, 1, 5).decimals == 0
    assert Control("x", "X", 0.1, 3, 0.1, 1, "m").describe_range() == "0.1 to 3 m"


def test_build_controls_makes_labelled_sliders_and_reports_changes():
    controls = (Control("length_m", "Length", 0.1, 3, 0.01, 1, "m", help="pivot to bob"),
                Control("angle_deg", "Angle", 1, 90, 1, 10, "°"))
    seen = []
    sliders = build_controls(controls, on_change=seen.append)
    assert list(sliders) == ["length_m", "angle_deg"]
    assert sliders["length_m"].description == "Length (m)"
    assert sliders["length_m"].readout_format == ".2f"
    assert sliders["length_m"].tooltip == "pivot to bob"
    sliders["angle_deg"].value = 30
    assert seen == [{"length_m": 1.0, "angle_deg": 30.0}]
    assert control_values(sliders) == {"length_m": 1.0, "angle_deg": 30.0}


def test_nice_ceiling_and_ladder():
    assert nice_ceiling(0.031) == pytest.approx(0.05)
    assert nice_ceiling(7.2) == 10
    assert nice_ceiling(2.0) == 2.0
    assert nice_ceiling(101) == 200
    with pytest.raises(ValueError):
        nice_ceiling(0)
    assert ladder_ceiling(12, (5, 10, 20)) == 20
    assert ladder_ceiling(99, (5, 10, 20)) == 20


def test_palette_is_okabe_ito_and_styles_differ_by_more_than_colour():
    assert OKABE_ITO["vermillion"] == "#D55E00" and OKABE_ITO["blue"] == "#0072B2"
    colours = [style["color"] for style in SERIES_STYLES]
    assert set(colours) <= set(OKABE_ITO.values())
    dashes = [str(style["linestyle"]) for style in SERIES_STYLES]
    assert len(set(dashes)) == len(dashes)
    assert series_style(len(SERIES_STYLES)) == series_style(0)


def test_integer_controls_make_int_sliders():
    import ipywidgets as widgets

    control = Control("turns", "Turns", 1, 500, 1, 100, integer=True)
    slider = build_controls((control,))["turns"]
    assert isinstance(slider, widgets.IntSlider) and slider.value == 100 and slider.readout_format == "d"
    with pytest.raises(ValueError, match="integer control needs whole-number"):
        Control("turns", "Turns", 1, 500, 0.5, 100, integer=True)


def test_playback_time_is_shown_in_a_unit_that_suits_the_run():
    from stemcpd.ui.app import format_time

    assert format_time(2.5, 10) == "2.50 s"
    assert format_time(0.0025, 0.02) == "2.50 ms"
    assert format_time(2.5e-12, 50e-12) == "2.50 ps"
    assert format_time(3e-7, 1e-6) == "0.30 µs"


def test_button_actions_wait_for_pending_widget_updates_in_a_kernel():
    from stemcpd.ui.timing import after_pending_updates, kernel_event_loop

    assert kernel_event_loop() is None  # pytest is not a kernel
    calls = []
    after_pending_updates(lambda: calls.append("now"))  # outside a kernel: runs at once
    assert calls == ["now"]

    class KernelLoop:
        """Stands in for the kernel's event loop: records, runs later on demand."""

        def __init__(self):
            self.scheduled = []

        def call_later(self, delay, function):
            self.scheduled.append((delay, function))

    loop, seen = KernelLoop(), []
    after_pending_updates(lambda: seen.append("checked"), delay_s=0.3, loop=loop)
    seen.append("late update arrives")  # what the front end sends meanwhile
    assert seen == ["late update arrives"] and loop.scheduled[0][0] == 0.3
    loop.scheduled[0][1]()
    assert seen == ["late update arrives", "checked"]

    def broken():
        raise RuntimeError("boom")

    after_pending_updates(broken, loop=loop)
    loop.scheduled[1][1]()  # logged, not raised into the event loop


def test_new_figure_makes_axes_with_relative_widths():
    from stemcpd.ui.figures import new_figure

    figure, (narrow, wide) = new_figure(900, 400, ncols=2, width_ratios=(1, 2))
    figure.canvas.draw()
    assert wide.get_position().width == pytest.approx(2 * narrow.get_position().width, rel=0.15)
    assert figure.get_size_inches() * figure.dpi == pytest.approx((900, 400))
