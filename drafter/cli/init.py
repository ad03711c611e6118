"""``drafter init --excel so-lieu-2026.xlsx``: the blank workbook officers fill in."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.common import user_errors


@click.command("init")
@click.option("--excel", "excel", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp bảng tính .xlsx sẽ tạo.")
@click.option("--year", type=click.IntRange(1990, 2100), help="Năm báo cáo (để gợi ý và giới hạn ngày hợp lệ).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@user_errors
def command(excel: Path, year: int | None, force: bool) -> None:
    """Tạo bảng tính trống để điền số liệu, mỗi đơn vị một dòng.

    Tiêu đề cột lấy từ mẫu số liệu; dòng 3 giải thích từng cột; các ô có danh sách chọn
    và kiểm tra số, ngày ngay khi gõ. Điền xong, tạo bản thảo bằng “drafter batch”.

    \b
    Ví dụ:
      drafter init --excel so-lieu-2026.xlsx --year 2026
      drafter batch so-lieu-2026.xlsx -o ket-qua/
    """
    from drafter.inputs.excel import write_blank_workbook

    if excel.suffix.lower() != ".xlsx":
        raise click.BadParameter("tên tệp phải có đuôi .xlsx.", param_hint="--excel")
    written = write_blank_workbook(excel, year=year, force=force)
    click.echo(f"Đã tạo {written}. Điền mỗi đơn vị một dòng từ dòng 4 của trang “Số liệu”.")
