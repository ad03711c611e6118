"""``drafter batch INPUTS... -o OUT/``: a thin layer over :func:`drafter.api.batch`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _

#: Up to this many jobs the summary shows every row; above, only what did not go well.
FULL_TABLE = 30


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help=N_("Thư mục kết quả (tạo nếu chưa có)."))
@click.option("-t", "--template", "templates", multiple=True, default=("bao-cao",), show_default=True,
              help=N_("Mẫu; lặp lại để tạo nhiều mẫu: -t bao-cao -t tin-bai."))
@click.option("-f", "--format", "formats", multiple=True, default=("docx",), show_default=True,
              type=click.Choice(["docx", "md", "txt"]), help=N_("Định dạng; lặp lại để tạo nhiều định dạng."))
@click.option("--pdf", is_flag=True,
              help=N_("Ghi thêm tệp PDF bên cạnh mỗi tệp .docx (cần LibreOffice; mỗi PDF một dòng trong summary.csv)."))
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help=N_("Số tiến trình song song; mặc định bằng số lõi CPU."))
@click.option("--force", is_flag=True, help=N_("Ghi đè tệp đã có."))
@click.option("--skip-existing", is_flag=True, help=N_("Bỏ qua tệp đã có (để chạy tiếp một lần chạy bị dừng)."))
@click.option("--review", is_flag=True,
              help=N_("Mỗi tệp .docx là bản đọc soát: có ghi chú Word nói rõ nguồn của từng số liệu, câu chữ."))
@click.option("--rollup", "rollup_path", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Sau khi xong, viết thêm báo cáo tổng hợp các đơn vị vào tệp này (.docx, .md, .txt)."))
@user_errors
def command(inputs: tuple[Path, ...], out_dir: Path, templates: tuple[str, ...], formats: tuple[str, ...],
            pdf: bool, jobs: int | None, force: bool, skip_existing: bool, review: bool,
            rollup_path: Path | None) -> None:
    """Tạo bản thảo cho mọi đơn vị trong INPUTS: tệp YAML, thư mục chứa tệp YAML
    (tìm cả thư mục con), hoặc bảng tính .xlsx (mỗi dòng một đơn vị).

    Một đơn vị lỗi không làm dừng các đơn vị khác; kết quả từng việc ghi trong OUT/summary.csv.
    Tên tệp kết quả ghép từ loại, tên đơn vị, kỳ và mẫu:

    \b
      tinh-gia-lai-2026-bao-cao.docx
      xa-phu-loi-2026-6-thang-tin-bai.docx

    \b
    Ví dụ:
      drafter batch so-lieu/ -o ket-qua/ -t bao-cao -t tin-bai
      drafter batch so-lieu-2026.xlsx -o ket-qua/ --jobs 2 --pdf
      drafter batch so-lieu/ -o ket-qua/ --skip-existing   (chạy tiếp sau khi bị dừng)
      drafter batch so-lieu/ -o ket-qua/ --rollup ket-qua/tong-hop.docx

    Thoát với mã 0 khi mọi việc xong, 1 khi có việc lỗi, 130 khi bị dừng (Ctrl-C).
    """
    from drafter.api import batch, check_template
    from drafter.errors import DrafterError
    from drafter.output.batch import DONE, FAILED, SKIPPED

    if force and skip_existing:
        raise click.UsageError(_("chỉ chọn một trong --force và --skip-existing."))
    if pdf and "docx" not in formats:
        raise click.UsageError(_("--pdf cần định dạng docx (PDF được tạo từ tệp .docx)."))
    if review and "docx" not in formats:
        raise click.UsageError(_("--review cần định dạng docx (ghi chú đọc soát là ghi chú của Word)."))
    for template in templates:  # an unknown template is a wrong command, not a bad unit
        try:
            check_template(template)  # a pack or a Word form, with every problem it has
        except DrafterError as error:
            if error.problems[0].code == "E503":
                from drafter.i18n import problem_texts

                raise click.BadParameter("; ".join(problem_texts(error.problems[0])), param_hint="--template") from None
            raise
    if pdf:
        from drafter.output.pdf import find_office

        console.detail(_("LibreOffice: {path}").format(path=find_office() or "-"))
    with _Progress() as progress, console.timed(_("Chạy hàng loạt")):
        result = batch(inputs, out_dir, templates, formats, jobs, force, skip_existing, progress, pdf=pdf,
                       review=review)
    console.echo_problems(result.problems)
    _print_summary(result.rows, result.summary)
    done, failed, skipped = (result.count(s) for s in (DONE, FAILED, SKIPPED))
    line = _("Xong {done}, lỗi {failed}, bỏ qua {skipped} (tổng {total} việc). Tổng hợp: {summary}").format(
        done=done, failed=failed, skipped=skipped, total=len(result.rows), summary=result.summary)
    console.info(line, fg="red" if failed else "green", bold=True, always=bool(failed))
    if review:
        from drafter.checks.provenance import Summary  # review copies only: off a plain batch's start
        from drafter.cli.render import print_summary

        print_summary(sum((row.review for row in result.rows if row.review is not None), Summary()))
    if result.interrupted:
        console.error(_("Đã dừng theo yêu cầu; các tệp đã ghi đều hoàn chỉnh. "
                        "Chạy lại với --skip-existing để tạo nốt phần còn thiếu."))
        sys.exit(result.exit_code)
    if rollup_path is not None and not result.interrupted:
        _write_rollup(inputs, rollup_path, force)
    sys.exit(result.exit_code)


def _write_rollup(inputs: tuple[Path, ...], output: Path, force: bool) -> None:
    """The roll-up of the same inputs; its own problems (mixed periods, a unit twice) stop only it."""
    from drafter.api import rollup_to_file
    from drafter.errors import DrafterError

    try:
        written = rollup_to_file(list(inputs), output, force=force)
    except DrafterError as error:
        console.echo_problems(error.problems)
        console.error(_("Không tạo được báo cáo tổng hợp."))
        sys.exit(1)
    console.info(_("Đã ghi báo cáo tổng hợp {path}.").format(path=written))


def _print_summary(rows, summary_path) -> None:
    from drafter.output.batch import DONE, FAILED, SKIPPED

    status_text = {DONE: N_("xong"), FAILED: N_("lỗi"), SKIPPED: N_("bỏ qua")}  # as batch.STATUS_TEXT

    if console.settings.quiet:  # only what went wrong
        shown = [r for r in rows if r.status == FAILED]
    else:
        shown = rows if len(rows) <= FULL_TABLE else [r for r in rows if r.status != DONE]
    if not shown:
        return
    if len(shown) < len(rows):
        console.info(_("Các việc chưa xong ({shown}/{total}; danh sách đầy đủ trong {summary}):").format(
            shown=len(shown), total=len(rows), summary=summary_path), always=True)
    colors = {FAILED: "red", SKIPPED: "yellow"}
    table = [((_("Đơn vị / nguồn"), _("Mẫu"), _("Tệp"), _("Kết quả"), _("Lý do")), None)]
    table += [((r.unit or r.source, r.template, r.file or "-", _(status_text[r.status]), r.reason), r.status)
              for r in shown]
    widths = [min(48, max(len(row[i]) for row, _status in table)) for i in range(4)]
    for index, (row, status) in enumerate(table):
        cells = [_fit(row[i], widths[i]) for i in range(4)] + [row[4]]
        console.info("  ".join(cells).rstrip(), fg=colors.get(status), bold=index == 0, always=True)


def _fit(text: str, width: int) -> str:
    return (text if len(text) <= width else "…" + text[-(width - 1):]).ljust(width)


class _Progress:
    """click.progressbar on stderr, one per stage, only when stderr is a terminal."""

    LABELS = {"doc": N_("Đọc số liệu"), "ghi": N_("Tạo văn bản")}

    def __init__(self):
        self.enabled = sys.stderr.isatty() and not console.settings.quiet
        self.stage = None
        self.bar = None

    def __call__(self, stage: str, advance: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=max(total, 1), label=_(self.LABELS.get(stage, stage)),
                                         file=sys.stderr, show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(advance)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
