"""``drafter rollup INPUTS... -o tong-hop.docx``"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _


@click.command("rollup")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Tệp kết quả. Với md/txt có thể bỏ trống để in ra màn hình."))
@click.option("-f", "--format", "format_", type=click.Choice(["docx", "md", "txt"]),
              help=N_("Định dạng; mặc định theo đuôi tệp kết quả (docx)."))
@click.option("-c", "--config", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Tệp YAML thông tin văn bản tổng hợp (xem ví dụ dưới)."))
@click.option("--issuing-agency", help=N_("Tên cơ quan ban hành; mặc định suy từ các đơn vị."))
@click.option("--parent-agency", help=N_("Cơ quan chủ quản (dòng trên tên cơ quan ban hành)."))
@click.option("--number", type=click.IntRange(1, 99999), help=N_("Số văn bản; bỏ trống để điền tay."))
@click.option("--date", type=click.DateTime(formats=["%Y-%m-%d"]),
              help=N_("Ngày ban hành (YYYY-MM-DD); mặc định là ngày ký muộn nhất trong các báo cáo."))
@click.option("--place", help=N_("Địa danh ghi trước ngày tháng."))
@click.option("--signer", help=N_("Họ và tên người ký."))
@click.option("--signer-rank", help=N_("Quân hàm người ký."))
@click.option("--signer-position", help=N_("Chức vụ người ký; mặc định là người đứng đầu cơ quan."))
@click.option("--recipient", "recipients", multiple=True, help=N_("Nơi nhận (lặp lại cho mỗi nơi)."))
@click.option("--order", type=click.Choice(["name", "input"]),
              help=N_("Thứ tự đơn vị trong bảng: name (theo tên, mặc định) hoặc input (theo thứ tự tệp)."))
@click.option("-t", "--template", default="tong-hop", show_default=True,
              help=N_("Mẫu báo cáo tổng hợp: tong-hop hoặc thư mục mẫu riêng."))
@click.option("--force", is_flag=True, help=N_("Ghi đè tệp kết quả đã có."))
@click.option("--review", is_flag=True,
              help=N_("Bản đọc soát: ghi chú Word ở mỗi số liệu, nói rõ cộng từ những đơn vị nào."))
@user_errors
def command(inputs: tuple[Path, ...], output: Path | None, format_: str | None, config: Path | None,
            issuing_agency: str | None, parent_agency: str | None, number: int | None, date, place: str | None,
            signer: str | None, signer_rank: str | None, signer_position: str | None,
            recipients: tuple[str, ...], order: str | None, template: str, force: bool, review: bool) -> None:
    """Tổng hợp báo cáo của nhiều đơn vị cùng kỳ thành một báo cáo.

    INPUTS là các tệp số liệu .yaml, bảng tính .xlsx hoặc thư mục chứa chúng
    (tìm cả trong thư mục con). Số tổng cộng là tổng số liệu gốc của các đơn vị,
    tỷ lệ chung tính lại từ các số tổng cộng. Các báo cáo phải cùng năm và cùng
    kỳ; mỗi đơn vị chỉ có một tệp.

    \b
    Ví dụ:
      drafter rollup bao-cao-xa/ -o tong-hop.docx
      drafter rollup bao-cao-xa/ --config tong-hop.yaml -o tong-hop.docx
      drafter rollup a.yaml b.yaml c.yaml --format md
      drafter rollup bao-cao-xa/ -o tong-hop.docx --review

    \b
    Tệp --config (mọi dòng đều không bắt buộc):
      issuing_agency: Bộ Chỉ huy Quân sự tỉnh Gia Lai
      parent_agency: Quân khu 5
      issuer_code: BCH
      number: 215
      date: 2026-12-20
      place: Gia Lai
      signer:
        rank: Đại tá
        name: Nguyễn Văn An
        position: Phó Chỉ huy trưởng
      recipients:
        - Bộ Tư lệnh Quân khu 5
        - Thường trực Tỉnh ủy
      archive: VT, TM
      order: name
    """
    from drafter import api

    if output is None and format_ in (None, "docx"):
        raise click.UsageError(_("cần -o TỆP cho định dạng docx (hoặc chọn --format md|txt để in ra màn hình)."))
    format_ = format_ or {".md": "md", ".txt": "txt"}.get(output.suffix.lower(), "docx")
    _plain_text([("--issuing-agency", issuing_agency), ("--parent-agency", parent_agency), ("--place", place),
                 ("--signer", signer), ("--signer-rank", signer_rank), ("--signer-position", signer_position),
                 *(("--recipient", text) for text in recipients)])
    info = _settings(config, {
        "issuing_agency": issuing_agency, "parent_agency": parent_agency, "number": number,
        "date": date.date() if date else None, "place": place, "order": order,
        "recipients": list(recipients) or None,
    }, {"name": signer, "rank": signer_rank, "position": signer_position})
    if review and (output is None or format_ != "docx"):
        raise click.UsageError(_("--review cần -o TỆP.docx (ghi chú đọc soát là ghi chú của Word); "
                                 "xem nguồn từng câu dạng chữ bằng lệnh “drafter explain”."))
    # only the number of the inputs' warnings is printed: no file is read again for their lines
    result = api.rollup(list(inputs), info, template, format_, output=output, force=force, review=review,
                        warnings_located=False)
    if result.input_warnings:
        console.warning(_("Các tệp số liệu có {count} cảnh báo; xem chi tiết bằng lệnh “drafter validate”.").format(
            count=len(result.input_warnings)))
    console.echo_problems(list(result.warnings))
    if output is None:
        console.output(result.content)
        return
    # the period as drafter.facts.naming names it, in the user's language
    period = (_("6 tháng đầu năm {year}") if result.span == "half-year" else _("năm {year}")).format(year=result.year)
    console.info(_("Đã ghi {path} ({count} đơn vị, {period}).").format(path=result.path, count=result.count,
                                                                       period=period))
    if result.review is not None:
        from drafter.cli.render import print_summary

        print_summary(result.review)


def _plain_text(options: list[tuple[str, str | None]]) -> None:
    """Options are text for the document: refused, like report data, when they hold a control
    character (E216: it would reach the terminal and break the .docx) or a direction mark (E123)."""
    from drafter.errors import DrafterError, Problem
    from drafter.inputs.validation import _CONTROL, BIDI_CONTROLS

    problems = []
    for option, text in options:
        for pattern, code in ((_CONTROL, "E216"), (BIDI_CONTROLS, "E123")):
            found = pattern.search(text or "")
            if found:
                problems.append(Problem(code, option, found=f"U+{ord(found.group()):04X}"))
                break
    if problems:
        raise DrafterError(problems)


def _settings(config: Path | None, options: dict, signer: dict):
    """The config file, with the command-line options on top."""
    from pydantic import ValidationError

    from drafter.inputs.rollup_config import RollupInfo, load_info

    info = load_info(config) if config else RollupInfo()
    data = info.model_dump(exclude_unset=True)
    data.update({key: value for key, value in options.items() if value is not None})
    given = {key: value for key, value in signer.items() if value is not None}
    if given:
        if "name" not in given and not data.get("signer"):
            raise click.UsageError(_("cần --signer (họ và tên người ký) khi dùng --signer-rank hoặc --signer-position."))
        data["signer"] = {**(data.get("signer") or {}), **given}
    try:
        return RollupInfo.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise click.UsageError(_("giá trị không hợp lệ cho {where}: {message}").format(where=where, message=first["msg"])) from None
