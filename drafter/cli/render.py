"""``drafter render FILE -o OUTPUT``"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.common import echo_problems, user_errors


@click.command("render")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp kết quả. Với md/txt có thể bỏ trống để in ra màn hình.")
@click.option("-t", "--template", default="bao-cao", show_default=True,
              help="Mẫu: bao-cao, tin-bai, hoặc thư mục mẫu riêng.")
@click.option("-f", "--format", "format_", type=click.Choice(["docx", "md", "txt"]),
              help="Định dạng; mặc định theo đuôi tệp kết quả (docx).")
@click.option("--variant", type=click.IntRange(0, 999), help="Chọn cố định một cách diễn đạt.")
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
@user_errors
def command(file: Path, output: Path | None, template: str, format_: str | None, variant: int | None,
            force: bool) -> None:
    """Tạo bản thảo từ FILE.

    \b
    Ví dụ:
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx
      drafter render samples/gia-lai-2026.yaml --template tin-bai --format md
    """
    from drafter import api
    from drafter.inputs import load

    loaded = load(file)
    echo_problems(loaded.problems)
    if not loaded.ok:
        raise SystemExit(1)
    if output is None:
        if format_ in (None, "docx"):
            raise click.UsageError("cần -o TỆP cho định dạng docx (hoặc chọn --format md|txt để in ra màn hình).")
        click.echo(api.render(loaded.report, template, format_, variant), nl=False)
        return
    written = api.render_to_file(loaded.report, output, template, format_, variant, force)
    click.echo(f"Đã ghi {written}.")
