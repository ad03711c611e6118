"""``drafter validate FILE...``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import _


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

    with console.timed(_("Kiểm tra")):
        results = validate(list(files))
    failed = 0
    for loaded in results:
        console.echo_problems(loaded.problems)
        if loaded.ok:
            warnings = len(loaded.problems)
            if warnings:
                console.info(_("{source}: hợp lệ ({count} cảnh báo).").format(source=loaded.source, count=warnings))
            else:
                console.info(_("{source}: hợp lệ.").format(source=loaded.source))
            if loaded.report.document.date is None:
                # not a warning: a draft before signing is meant to have none, and the blank is
                # visible in it, as the blank number is; said here so that a forgotten date is seen
                console.info(_("{source}: chưa có ngày ban hành (document.date): bản thảo để trống ngày, tháng "
                               "để điền khi ký.").format(source=loaded.source))
        else:
            failed += 1
            errors = sum(p.is_error for p in loaded.problems)
            console.error(_("{source}: {count} lỗi.").format(source=loaded.source, count=errors))
    if failed:
        sys.exit(1)
