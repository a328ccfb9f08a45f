"""Run a button's action after the widget updates the browser has not yet sent.

The ipywidgets front end sends at most one state update at a time and holds later ones
until the kernel has handled it, but a button click is sent at once. A learner who picks
an option (or types) and clicks straight away can therefore have the click arrive before
the choice, and be marked on what was selected a moment earlier. Deferring the action by
a short moment on the kernel's event loop lets those held updates arrive first.
"""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)

SETTLE_DELAY_S = 0.3


def after_pending_updates(callback, delay_s: float = SETTLE_DELAY_S) -> None:
    """Call ``callback()`` once pending widget updates have had time to arrive.

    In a running kernel the call is scheduled on its event loop; elsewhere (scripts,
    tests driving widgets directly) it runs at once.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        callback()
        return

    def _run():
        try:
            callback()
        except Exception:  # shown in the kernel log; the widget shows its own errors
            log.exception("button action failed")

    loop.call_later(delay_s, _run)
