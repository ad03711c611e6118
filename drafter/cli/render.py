"""``drafter render FILE -o OUTPUT [--pdf]``"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _


@click.command("render")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Tệp kết quả. Với md/txt có thể bỏ trống để in ra màn hình."))
@click.option("-t", "--template", default="bao-cao", show_default=True,
              help=N_("Mẫu: bao-cao, tin-bai, thư mục mẫu riêng, hoặc mẫu Word (.docx)."))
@click.option("-f", "--format", "format_", type=click.Choice(["docx", "md", "txt"]),
              help=N_("Định dạng; mặc định theo đuôi tệp kết quả (docx)."))
@click.option("--pdf", is_flag=True,
              help=N_("Ghi thêm tệp PDF cùng tên bên cạnh tệp .docx (cần LibreOffice)."))
@click.option("--variant", type=click.IntRange(0, 999), help=N_("Chọn cố định một cách diễn đạt."))
@click.option("--force", is_flag=True, help=N_("Ghi đè tệp kết quả đã có."))
@click.option("--review", is_flag=True,
              help=N_("Bản đọc soát: tệp .docx có ghi chú (comment) Word ở mỗi số liệu, số tự tính, đoạn trích "
                      "và câu văn mẫu, nói rõ lấy từ trường nào, dòng nào của tệp số liệu; in kèm bản tóm tắt."))
@click.option("--review-summary", is_flag=True,
              help=N_("In bản tóm tắt cho người đọc soát: số số liệu, số tự tính, câu văn mẫu, đoạn trích cần đối chiếu."))
@user_errors
def command(file: Path, output: Path | None, template: str, format_: str | None, pdf: bool, variant: int | None,
            force: bool, review: bool, review_summary: bool) -> None:
    """Tạo bản thảo từ FILE.

    \b
    Ví dụ:
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx --pdf
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx --review
      drafter render samples/gia-lai-2026.yaml --template tin-bai --format md
    """
    from drafter import api
    from drafter.inputs import load

    if pdf and (output is None or (format_ or "docx") != "docx" or output.suffix.lower() in (".md", ".txt")):
        raise click.UsageError(_("--pdf cần -o TỆP.docx (PDF được tạo từ tệp .docx)."))
    if review and (output is None or (format_ or "docx") != "docx" or output.suffix.lower() in (".md", ".txt")):
        raise click.UsageError(_("--review cần -o TỆP.docx (ghi chú đọc soát là ghi chú của Word); "
                                 "xem nguồn từng câu dạng chữ bằng lệnh “drafter explain”."))
    with console.timed(_("Đọc số liệu")):
        loaded = load(file, located=review or review_summary)  # review notes name lines
    console.echo_problems(loaded.problems)
    if not loaded.ok:
        raise SystemExit(1)
    _describe_template(template)
    if output is None:
        if format_ in (None, "docx"):
            raise click.UsageError(_("cần -o TỆP cho định dạng docx (hoặc chọn --format md|txt để in ra màn hình)."))
        with console.timed(_("Tạo văn bản")):
            text = api.render(loaded.report, template, format_, variant)
        console.output(text)
        if review_summary:  # the document is on stdout: the summary goes beside it, on stderr
            print_summary(api.explain(loaded, template, variant).summary, err=True)
        return
    with console.timed(_("Tạo văn bản") + (" + PDF" if pdf else "")):
        written = api.render_to_file(loaded, output, template, format_, variant, force, pdf=pdf, review=review)
    console.info(_("Đã ghi {path}.").format(path=written))
    if pdf:
        from drafter.output.pdf import pdf_path

        console.info(_("Đã ghi {path}.").format(path=pdf_path(written)))
    if review or review_summary:
        print_summary(api.explain(loaded, template, variant).summary)


def print_summary(summary, err: bool = False) -> None:
    """The reviewers' summary: how much a reviewer has to check against the input."""
    console.info(_("Cần đối chiếu: {figures} số liệu, {derived} số tự tính, {quoted} đoạn trích từ số liệu, "
                   "{frames} câu văn mẫu, {warnings} cảnh báo ({comments} ghi chú).").format(
        figures=summary.figures, derived=summary.derived, quoted=summary.quoted, frames=summary.frames,
        warnings=summary.warnings, comments=summary.comments), err=err)
    if summary.variables:
        console.info(_("Mẫu Word: {count} chỗ điền do chương trình soạn, không phải một trường nhập.").format(
            count=summary.variables), err=err)
    if summary.unsourced:
        console.info(_("{count} đoạn, câu không rõ nguồn (mẫu không ghi nguồn từng câu): đọc kỹ toàn bộ.").format(
            count=summary.unsourced), fg="yellow", err=err)


def _describe_template(template: str) -> None:
    """With --verbose: the template folder (or Word form) in use, so that one knows which file to edit."""
    if not console.settings.verbose:
        return
    from drafter.api import find_pack
    from drafter.packs.manifest import is_word_form

    where = Path(template).resolve() if is_word_form(template) else find_pack(template).folder
    console.detail(_("Mẫu: {name} ({path})").format(name=template, path=where))
