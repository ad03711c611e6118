"""``drafter init``: a new input file. A commented YAML for one unit (asking, on a terminal,
for what the options do not give), or with ``--excel`` the blank workbook for many units."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _, problem_texts

KINDS = ("tỉnh", "thành phố", "xã", "phường", "đặc khu", "thị trấn", "huyện", "quận", "thị xã", "khu vực")


def _fold(text: str) -> str:
    """Lower case without diacritics, so that "xa", "Xã" and "xã" are the same answer."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def _kind(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    for kind in KINDS:
        if _fold(value) == _fold(kind):
            return kind
    raise click.BadParameter(_("chọn một trong: {choices}.").format(choices=", ".join(KINDS)))


@click.command("init")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Tệp YAML sẽ tạo; mặc định so-lieu.yaml."))
@click.option("--unit", help=N_("Tên đơn vị, không kèm loại: “Ia Grai”, “Gia Lai”."))
@click.option("--kind", callback=_kind, metavar="LOẠI",
              help=N_("Loại đơn vị: tỉnh, thành phố, xã, phường, đặc khu (trước 7/2025 còn thị trấn, huyện, quận, "
                      "thị xã); khu vực: Ban Chỉ huy Phòng thủ khu vực, tên như “4 - Vĩnh Yên”; bỏ trống để tự điền "
                      "theo danh mục hành chính."))
@click.option("--province", help=N_("Tỉnh, thành phố của xã, phường, đặc khu."))
@click.option("--year", type=click.IntRange(1990, 2100), help=N_("Năm báo cáo; mặc định năm nay."))
@click.option("--span", type=click.Choice(["year", "half-year"]),
              help=N_("Kỳ báo cáo: year (tổng kết năm, mặc định) hoặc half-year (sơ kết 6 tháng đầu năm)."))
@click.option("-i", "--interactive", is_flag=True,
              help=N_("Hỏi từng thông tin còn thiếu (mặc định khi chạy trên cửa sổ lệnh mà chưa có --unit)."))
@click.option("--excel", "excel", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Thay vì tệp YAML, tạo bảng tính .xlsx trống để điền nhiều đơn vị, mỗi đơn vị một dòng."))
@click.option("--force", is_flag=True, help=N_("Ghi đè tệp đã có."))
@user_errors
def command(output: Path | None, unit: str | None, kind: str | None, province: str | None, year: int | None,
            span: str | None, interactive: bool, excel: Path | None, force: bool) -> None:
    """Tạo tệp số liệu mới để điền.

    Tệp YAML cho một đơn vị: tên, loại đơn vị, tỉnh được đối chiếu với danh mục
    đơn vị hành chính hiện hành (gõ sai được gợi ý tên đúng), quân khu tự điền;
    mọi mục số liệu có sẵn, để dưới dấu “#” kèm chú thích tiếng Việt. Tệp hợp lệ
    ngay (drafter validate), chỉ còn điền số liệu. Chạy trên cửa sổ lệnh mà không
    có --unit thì chương trình hỏi từng thông tin.

    Với --excel: bảng tính trống, tiêu đề cột lấy từ mẫu số liệu, dòng 3 giải thích
    từng cột, các ô có danh sách chọn; điền xong, tạo bản thảo bằng “drafter batch”.

    \b
    Ví dụ:
      drafter init
      drafter init -o so-lieu.yaml --unit "Ia Grai" --province "Gia Lai" --year 2026
      drafter init -o gia-lai.yaml --unit "Gia Lai" --year 2026 --span half-year
      drafter init --excel so-lieu-2026.xlsx --year 2026
    """
    if excel is not None:
        if any(value is not None for value in (output, unit, kind, province, span)) or interactive:
            raise click.UsageError(_("--excel chỉ dùng cùng --year và --force."))
        _workbook(excel, year, force)
        return
    from drafter.api import write_starter
    from drafter.errors import DrafterError, Problem

    output = output or Path("so-lieu.yaml")
    if output.exists() and not force:  # before any question is asked
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    if unit is None and not (interactive or (sys.stdin is not None and sys.stdin.isatty())):
        raise click.UsageError(_("cần --unit TÊN (hoặc thêm --interactive để được hỏi từng bước)."))
    if unit is None or interactive:
        unit, kind, province, year, span = _ask(unit, kind, province, year, span)
    year, span = year or dt.date.today().year, span or "year"
    with console.timed(_("Tạo tệp")):
        written = write_starter(output, unit, kind, province, year, span, force=force)
    from drafter.inputs.starter import resolve_unit

    label = resolve_unit(unit, kind, province, year, span)[0].label
    period = (_("tổng kết năm {year}") if span == "year" else _("sơ kết 6 tháng đầu năm {year}")).format(year=year)
    console.info(_("Đã tạo {path} cho {unit} ({period}).").format(path=written, unit=label, period=period))
    console.info(_("Tiếp theo: mở tệp, sửa các dòng có chữ “SỬA”, bỏ dấu “#” ở các mục có số liệu và điền số; "
                   "rồi chạy “drafter validate {path}”.").format(path=written))


def _workbook(excel: Path, year: int | None, force: bool) -> None:
    from drafter.api import write_workbook

    if excel.suffix.lower() != ".xlsx":
        raise click.BadParameter(_("tên tệp phải có đuôi .xlsx."), param_hint="--excel")
    written = write_workbook(excel, year=year, force=force)
    console.info(_("Đã tạo {path}. Điền mỗi đơn vị một dòng từ dòng 4 của trang “Số liệu”.").format(path=written))


def _prompt(question: str, **kwargs):
    """``click.prompt``, with the ends of input said plainly: no more input (stdin at its end or
    closed, E611) and bytes that are not UTF-8 text (E612). Ctrl-C stays Ctrl-C."""
    from drafter.errors import DrafterError, Problem

    convert = kwargs.pop("value_proc", None) or click.types.convert_type(kwargs.get("type"), kwargs.get("default"))

    def checked(answer: str):
        # bytes that are not UTF-8 arrive as lone surrogates ("\udcff"): say so instead of "not a number"
        if any("\udc80" <= ch <= "\udcff" for ch in answer):
            raise DrafterError([Problem("E612", "stdin")])
        return convert(answer)

    try:
        return click.prompt(question, value_proc=checked, **kwargs)
    except click.exceptions.Abort as abort:
        if isinstance(abort.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise DrafterError([Problem("E611", "stdin", found=question)]) from None
    except UnicodeDecodeError:
        raise DrafterError([Problem("E612", "stdin")]) from None
    except RuntimeError:  # input(): lost sys.stdin (started with it closed)
        raise DrafterError([Problem("E611", "stdin", found=question)]) from None


def _ask(unit, kind, province, year, span):
    """Ask for what is missing; a name is checked against the map at once and asked again,
    with the closest real name, when it is not there."""
    from drafter.inputs.reference import find_province
    from drafter.inputs.starter import (
        AREA_KIND,
        COMMUNE_KINDS,
        PROVINCE_KINDS,
        resolve_unit,
    )

    today = dt.date.today()
    if year is None:
        year = _prompt(_("Năm báo cáo"), default=today.year, type=click.IntRange(1990, 2100))
    if span is None:
        half = 5 <= today.month <= 9 and year == today.year  # the half-year review is held in June-July
        span = _prompt(_("Kỳ báo cáo: year (tổng kết năm) hoặc half-year (sơ kết 6 tháng đầu năm)"),
                            default="half-year" if half else "year", value_proc=_span)
    if kind in COMMUNE_KINDS or kind == AREA_KIND or (kind is None and province):
        commune = True
    elif kind in PROVINCE_KINDS:
        commune = False
    else:
        commune = _prompt(_("Cấp của đơn vị: tỉnh (tỉnh, thành phố) hoặc xã (xã, phường, đặc khu)"),
                               default="xã", value_proc=_level) == "commune"
    if commune and (province is None or find_province(province) is None):
        province = _prompt(_("Tỉnh, thành phố"), value_proc=_province)
    if not commune:
        province = None

    def known(text: str) -> str:
        found, problems = resolve_unit(text, kind, province, year, span)
        for problem in problems:
            if problem.code == "E308" and problem.file == "--unit":
                raise click.UsageError(problem_texts(problem)[0])
        return found.name

    if unit is None or any(p.code == "E308" for p in resolve_unit(unit, kind, province, year, span)[1]):
        question = _("Tên xã, phường, đặc khu (không kèm chữ “xã”, “phường”)") if commune else _("Tên tỉnh, thành phố")
        unit = _prompt(question, value_proc=known)
    return unit, kind, province, year, span


def _province(text: str) -> str:
    from drafter.inputs.reference import find_province, suggest_province

    found = find_province(text)
    if found is None:
        suggestion = suggest_province(text)
        hint = _("; có phải ý bạn là “{0}”?").format(suggestion) if suggestion else ""
        raise click.UsageError(_("không có tỉnh, thành phố “{name}” trên bản đồ hành chính hiện hành").format(name=text)
                               + hint)
    return found.name


def _span(text: str) -> str:
    folded = _fold(text)
    if folded in ("year", "nam", "ca nam", "tong ket", "tong ket nam", "12 thang"):
        return "year"
    if folded in ("half-year", "half year", "6 thang", "6", "so ket", "6 thang dau nam", "nua nam"):
        return "half-year"
    raise click.UsageError(_("trả lời year hoặc half-year."))


def _level(text: str) -> str:
    folded = _fold(text)
    if folded in ("tinh", "thanh pho", "province"):
        return "province"
    if folded in ("xa", "phuong", "dac khu", "commune"):
        return "commune"
    raise click.UsageError(_("trả lời tỉnh hoặc xã."))
