"""What every command shares: printing problems and turning failures into exit codes."""

from __future__ import annotations

import functools
import os
import sys

import click

from drafter.cli.console import echo_problems
from drafter.errors import DrafterError


def user_errors(function):
    """Print a :class:`DrafterError` as located Vietnamese messages and exit 1, never a traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except DrafterError as error:
            echo_problems(error.problems)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.secho("Đã dừng theo yêu cầu; không có tệp dở dang nào được ghi.", fg="yellow", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader went away ("drafter render … --format txt | head"): nothing to say to it, and
            # Python must not complain when it flushes stdout on the way out
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except MemoryError:
            click.secho("Không đủ bộ nhớ để xử lý tệp này. Kiểm tra lại tệp (một báo cáo chỉ cần vài trăm dòng), "
                        "hoặc đóng bớt chương trình khác rồi chạy lại.", fg="red", err=True)
            sys.exit(1)
        except Exception as error:  # a bug of ours: say so plainly, keep the traceback for DRAFTER_DEBUG
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.secho(f"Lỗi nội bộ của drafter ({type(error).__name__}: {error}). "
                        "Chạy lại với DRAFTER_DEBUG=1 để xem chi tiết và gửi cho nhóm phát triển.", fg="red", err=True)
            sys.exit(1)

    return wrapper
