"""Run a button's action after the widget updates the browser has not yet sent.

The ipywidgets front end sends at most one state update at a time and holds later ones
until the kernel has handled it, but a button click is sent at once. A learner who picks
an option (or types) and clicks straight away can therefore have the click arrive before
the choice, and be marked on what was selected a moment earlier. Deferring the action by
a short moment on the kernel's event loop lets those held updates arrive first.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SETTLE_DELAY_S = 0.3


def kernel_event_loop():
    """The running IPython kernel's event loop (with ``call_later``), or None outside a
    kernel (a script, a test driving widgets directly)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    kernel = getattr(get_ipython(), "kernel", None)
    return getattr(kernel, "io_loop", None)


def after_pending_updates(callback, delay_s: float = SETTLE_DELAY_S, loop=None) -> None:
    """Call ``callback()`` once pending widget updates have had time to arrive.

    In a kernel the call is scheduled on the kernel's event loop (which goes on handling
    incoming messages meanwhile); elsewhere it runs at once.

    Args:
        callback: what the button does.
        delay_s: how long to let held updates arrive, s.
        loop: the event loop to use (default: the running kernel's, if any).
    """
    loop = loop if loop is not None else kernel_event_loop()
    if loop is None:
        callback()
        return

    def _run():
        try:
            callback()
        except Exception:  # shown in the kernel log; the widget shows its own errors
            log.exception("button action failed")

    loop.call_later(delay_s, _run)
