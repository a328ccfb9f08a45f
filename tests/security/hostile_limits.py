"""Run one call under a wall-clock limit, so a hang is a test failure, not a stuck run.

The call runs in a forked child process (a regular expression stuck in C code cannot
be interrupted from a thread or by a signal handler); the child is killed when the
limit passes. Limits are generous (seconds, not milliseconds): these are behaviour
checks that something finishes, not benchmarks.
"""

import multiprocessing
import pickle
import traceback

DEFAULT_LIMIT_S = 10.0


class Hung(AssertionError):
    """The call did not finish within its limit."""


def _child(connection, function, args, kwargs):
    try:
        result = ("ok", function(*args, **kwargs))
        try:
            pickle.dumps(result)
        except Exception:
            result = ("ok", repr(result[1]))
    except BaseException as error:  # noqa: BLE001 - reported to the parent as is
        try:
            pickle.loads(pickle.dumps(error))
            result = ("error", error)
        except Exception:
            result = ("error", RuntimeError(f"{type(error).__name__}: {error}"))
        result = result + (traceback.format_exc(),)
    connection.send(result)
    connection.close()


def within(limit_s, function, *args, **kwargs):
    """Return ``function(*args, **kwargs)``, re-raise what it raised, or fail if it hangs.

    Raises:
        Hung: If it runs longer than ``limit_s`` seconds (the child is killed).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args, kwargs), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limit_s):
            raise Hung(f"{getattr(function, '__name__', function)} did not finish within {limit_s} s")
        outcome = receiver.recv()
    except EOFError:
        process.join(5)
        raise AssertionError(f"the child process died (exit code {process.exitcode}) without an answer") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    if outcome[0] == "ok":
        return outcome[1]
    raise outcome[1]
