"""How the commands talk: in the chosen language, as much as ``--quiet`` / ``--verbose`` ask,
without colour when ``NO_COLOR`` is set (https://no-color.org).

Commands print through these functions instead of ``click.echo`` directly:

- :func:`info`: what was done ("Đã ghi …"); hidden by ``--quiet``;
- :func:`detail`: timings, the template used; only with ``--verbose``, on stderr;
- :func:`error`: always shown, on stderr;
- :func:`echo_problems`: errors always, warnings unless ``--quiet``, in the chosen language.

A write to standard output that fails (``> /dev/full``, ``>&-``) raises :class:`OutputClosed`,
which :func:`drafter.cli.common.user_errors` reports as E610.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass

import click

from drafter.i18n import _, language, render_problem


@dataclass
class Settings:
    quiet: bool = False
    verbose: bool = False


settings = Settings()


def configure(quiet: bool = False, verbose: bool = False) -> None:
    settings.quiet, settings.verbose = quiet, verbose and not quiet


def no_color() -> bool:
    """NO_COLOR set to anything but the empty string turns colour off."""
    return bool(os.environ.get("NO_COLOR"))


def _color() -> bool | None:
    return False if no_color() else None


class OutputClosed(OSError):
    """Standard output is closed or cannot be written (a full disk behind ``>``)."""


def _guarded(write, *args, **kwargs) -> None:
    try:
        write(*args, **kwargs)
    except BrokenPipeError:
        raise
    except OSError as error:
        from drafter.errors import os_reason

        raise OutputClosed(error.errno, os_reason(error, writing=True)) from None


def info(message: str = "", fg: str | None = None, bold: bool | None = None, err: bool = False, nl: bool = True,
         always: bool = False) -> None:
    """A report line on stdout; ``always`` for one that also matters with --quiet (a failure's summary)."""
    if always or not settings.quiet:
        _guarded(click.secho, message, fg=fg, bold=bold, err=err, nl=nl, color=_color())


def output(data: str) -> None:
    """The document itself (Markdown, text) on stdout: never hidden, never silently lost."""
    if sys.stdout is None:  # started with stdout closed (">&-"): the text has nowhere to go
        raise OutputClosed(errno.EBADF, "đầu ra chuẩn đã đóng")
    _guarded(click.echo, data, nl=False, color=_color())


def error(message: str) -> None:
    click.secho(message, fg="red", err=True, color=_color())


def warning(message: str) -> None:
    if not settings.quiet:
        click.secho(message, fg="yellow", err=True, color=_color())


def detail(message: str) -> None:
    if settings.verbose:
        click.secho(message, dim=True, err=True, color=_color())


def echo_problems(problems) -> None:
    for problem in problems:
        if problem.is_error:
            error(render_problem(problem))
        else:
            warning(render_problem(problem))


def seconds(value: float) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") + " giây" if language() == "vi" else text + " s"


@contextmanager
def timed(what: str):
    """With ``--verbose``, say how long ``what`` took."""
    start = time.perf_counter()
    yield
    detail(_("{what}: {seconds}").format(what=what, seconds=seconds(time.perf_counter() - start)))
