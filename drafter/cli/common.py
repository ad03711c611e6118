"""What every command shares: turning every way a command can fail into a located Vietnamese
message and an exit code, never a traceback.

- :class:`~drafter.errors.DrafterError`: its problems, exit 1;
- an operating-system error that reached here: its own code (:func:`drafter.errors.os_problem`),
  exit 1; standard output closed or full (``> /dev/full``, ``>&-``, a reader that went away): E610;
- out of memory: E614, exit 1;
- Ctrl-C, or SIGTERM / SIGHUP (from ``timeout``, a service manager, a closed terminal): whatever
  was being written is removed by the code that was writing it, and the exit code is
  128 + the signal (130 for Ctrl-C, 143 for SIGTERM);
- anything else is a bug of ours: said plainly, with the traceback only under ``DRAFTER_DEBUG``.
"""

from __future__ import annotations

import functools
import os
import signal
import sys

import click

from drafter.cli.console import OutputClosed, echo_problems
from drafter.errors import DrafterError, Problem, Stopped, note_stop, os_problem
from drafter.i18n import _

#: Signals that stop a run the way Ctrl-C does (SIGINT is Python's KeyboardInterrupt already).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def install_stop_handlers() -> None:
    """Make SIGTERM and SIGHUP raise :class:`~drafter.errors.Stopped` in the main thread, so that
    every ``finally`` runs: temporary files are removed, LibreOffice is stopped, workers are ended.
    Every stop, Ctrl-C's too, is noted as it comes (:func:`~drafter.errors.note_stop`): should
    Python drop its exception while the command starts, a batch still stops."""
    handlers = {number: _stop for number in STOP_SIGNALS}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started to ignore it
        handlers[signal.SIGINT] = _interrupt
    for number, handler in handlers.items():
        try:
            signal.signal(number, handler)
        except (ValueError, OSError):  # not the main thread, or a platform without it
            pass
    sys.unraisablehook = functools.partial(_unraisable, sys.unraisablehook)


def _unraisable(report, unraisable):
    # Python reports a stop it dropped (raised in an after-fork hook, a __del__) with a traceback,
    # which would only alarm: the stop is noted, and acted on
    if not issubclass(unraisable.exc_type or Exception, KeyboardInterrupt):
        report(unraisable)


def _interrupt(number, frame):
    note_stop(number)
    raise KeyboardInterrupt


def _stop(number, frame):
    note_stop(number)
    for other in STOP_SIGNALS + (signal.SIGINT,):  # a second signal must not cut the clean-up short
        try:
            signal.signal(other, signal.SIG_IGN)
        except (ValueError, OSError):
            pass
    raise Stopped(number)


def user_errors(function):
    """Print a :class:`DrafterError` as located messages and exit 1, never a traceback (see above)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except DrafterError as error:
            echo_problems(error.problems)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt as stop:
            number = getattr(stop, "signum", signal.SIGINT)
            if number == signal.SIGINT:
                click.secho(_("Đã dừng theo yêu cầu; không có tệp dở dang nào được ghi."), fg="yellow", err=True)
            else:
                echo_problems([Problem("E615", "drafter", found=signal.Signals(number).name)])
            sys.exit(128 + number)
        except (BrokenPipeError, OutputClosed) as error:
            _quiet_stdout()
            detail = "nơi nhận đã đóng" if isinstance(error, BrokenPipeError) else error.strerror or str(error)
            echo_problems([Problem("E610", "stdout", extra={"detail": detail})])
            sys.exit(1)
        except MemoryError:
            echo_problems([Problem("E614", "drafter")])
            sys.exit(1)
        except OSError as error:  # one no deeper code turned into a problem of its own
            echo_problems([os_problem(error, str(error.filename or "drafter"))])
            sys.exit(1)
        except Exception as error:  # a bug of ours: say so plainly, keep the traceback for DRAFTER_DEBUG
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.secho(f"Lỗi nội bộ của drafter ({type(error).__name__}: {error}). "
                        "Chạy lại với DRAFTER_DEBUG=1 để xem chi tiết và gửi cho nhóm phát triển.", fg="red", err=True)
            sys.exit(1)

    return wrapper


def _quiet_stdout() -> None:
    # Python must not complain again when it flushes stdout on the way out
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
