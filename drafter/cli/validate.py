"""``drafter validate FILE...``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli.common import echo_problems, user_errors


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@user_errors
def command(files: tuple[Path, ...]) -> None:
    """Kiểm tra FILES và liệt kê mọi lỗi của mọi tệp trong một lần chạy.

    \b
    Ví dụ:
      drafter validate samples/*.yaml

    Thoát với mã 0 khi mọi tệp hợp lệ, 1 khi có lỗi.
    """
    from drafter.api import validate

    results = validate(list(files))
    failed = 0
    for loaded in results:
        echo_problems(loaded.problems)
        if loaded.ok:
            warnings = len(loaded.problems)
            note = f" ({warnings} cảnh báo)" if warnings else ""
            click.echo(f"{loaded.source}: hợp lệ{note}.")
        else:
            failed += 1
            errors = sum(p.is_error for p in loaded.problems)
            click.secho(f"{loaded.source}: {errors} lỗi.", fg="red", err=True)
    if failed:
        sys.exit(1)
