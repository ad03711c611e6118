"""``drafter templates list|export|check|vars``: what offices need to bring their own wording."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _


@click.group("templates")
def command() -> None:
    """Mẫu văn bản: xem danh sách, sao ra để sửa, kiểm tra, tra cứu biến.

    \b
    Ví dụ:
      drafter templates list
      drafter templates export bao-cao ./mau-cua-toi/
      drafter templates check ./mau-cua-toi/
      drafter templates check mau-cong-van.docx
      drafter templates vars
    """


@command.command("list")
@user_errors
def list_packs() -> None:
    """Liệt kê các mẫu có sẵn."""
    from drafter.packs.catalog import describe, list_packs

    console.output("\n\n".join(describe(pack) for pack in list_packs()) + "\n")


@command.command("export")
@click.argument("name")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help=N_("Ghi vào thư mục đã có tệp (ghi đè tệp trùng tên)."))
@user_errors
def export(name: str, folder: Path, force: bool) -> None:
    """Sao mẫu NAME ra thư mục FOLDER để sửa câu chữ.

    \b
    Ví dụ:
      drafter templates export bao-cao ./mau-cua-toi/
      drafter render so-lieu.yaml --template ./mau-cua-toi/ -o bao-cao.docx
    """
    from drafter.api import export_template

    written = export_template(name, folder, force)
    console.info(_("Đã sao mẫu “{name}” vào {folder}: {files}.").format(
        name=name, folder=folder, files=", ".join(p.name for p in written)))
    wording = folder / ("phrases.yaml" if (folder / "phrases.yaml").is_file() else "body.j2")
    console.info(_("Sửa {body}, rồi kiểm tra: drafter templates check {folder}").format(body=wording, folder=folder))


@command.command("check")
@click.argument("target")
@user_errors
def check(target: str) -> None:
    """Kiểm tra một mẫu (tên mẫu có sẵn, thư mục mẫu, hoặc tệp Word .docx) và liệt kê mọi lỗi."""
    from drafter.packs.catalog import check as check_template

    problems = check_template(target)
    if problems:
        console.echo_problems(problems)
        console.error(_("{target}: có {count} lỗi; chưa dùng được để soạn.").format(target=target, count=len(problems)))
        sys.exit(1)
    console.info(_("{target}: mẫu hợp lệ.").format(target=target))


@command.command("vars")
@click.option("--markdown", is_flag=True, help=N_("In dạng Markdown (tài liệu docs/mau-bao-cao.md)."))
@user_errors
def variables(markdown: bool) -> None:
    """Liệt kê mọi biến, hàm và bộ lọc dùng được trong mẫu, kèm ví dụ."""
    from drafter.packs.guide import render_markdown, render_text

    console.output(render_markdown() if markdown else render_text())
