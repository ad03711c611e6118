"""``drafter batch INPUTS... -o OUT/``: a thin layer over :func:`drafter.batch.run_batch`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli.common import echo_problems, user_errors

#: Up to this many jobs the summary shows every row; above, only what did not go well.
FULL_TABLE = 30


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Thư mục kết quả (tạo nếu chưa có).")
@click.option("-t", "--template", "templates", multiple=True, default=("bao-cao",), show_default=True,
              help="Mẫu; lặp lại để tạo nhiều mẫu: -t bao-cao -t tin-bai.")
@click.option("-f", "--format", "formats", multiple=True, default=("docx",), show_default=True,
              type=click.Choice(["docx", "md", "txt"]), help="Định dạng; lặp lại để tạo nhiều định dạng.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Số tiến trình song song; mặc định bằng số lõi CPU.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.option("--skip-existing", is_flag=True, help="Bỏ qua tệp đã có (để chạy tiếp một lần chạy bị dừng).")
@click.option("--rollup", "rollup_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Sau khi xong, viết thêm báo cáo tổng hợp các đơn vị vào tệp này (.docx, .md, .txt).")
@user_errors
def command(inputs: tuple[Path, ...], out_dir: Path, templates: tuple[str, ...], formats: tuple[str, ...],
            jobs: int | None, force: bool, skip_existing: bool, rollup_path: Path | None) -> None:
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
      drafter batch so-lieu-2026.xlsx -o ket-qua/ --jobs 2
      drafter batch so-lieu/ -o ket-qua/ --skip-existing   (chạy tiếp sau khi bị dừng)
      drafter batch so-lieu/ -o ket-qua/ --rollup ket-qua/tong-hop.docx

    Thoát với mã 0 khi mọi việc xong, 1 khi có việc lỗi, 130 khi bị dừng (Ctrl-C).
    """
    from drafter.api import find_pack
    from drafter.batch import DONE, FAILED, SKIPPED, run_batch
    from drafter.errors import DrafterError

    if force and skip_existing:
        raise click.UsageError("chỉ chọn một trong --force và --skip-existing.")
    for template in templates:  # an unknown template is a wrong command, not a bad unit
        try:
            find_pack(template)
        except DrafterError as error:
            if error.problems[0].code == "E503":
                raise click.BadParameter(error.problems[0].message + "; " + error.problems[0].fix,
                                         param_hint="--template") from None
            raise
    with _Progress() as progress:
        result = run_batch(inputs, out_dir, templates, formats, jobs, force, skip_existing, progress)
    echo_problems(result.problems)
    _print_summary(result.rows, result.summary)
    done, failed, skipped = (result.count(s) for s in (DONE, FAILED, SKIPPED))
    line = f"Xong {done}, lỗi {failed}, bỏ qua {skipped} (tổng {len(result.rows)} việc). Tổng hợp: {result.summary}"
    click.secho(line, fg="red" if failed else "green", bold=True)
    if result.interrupted:
        click.secho("Đã dừng theo yêu cầu; các tệp đã ghi đều hoàn chỉnh. "
                    "Chạy lại với --skip-existing để tạo nốt phần còn thiếu.", fg="yellow", err=True)
    if rollup_path is not None and not result.interrupted:
        _write_rollup(inputs, rollup_path, force)
    sys.exit(result.exit_code)


def _write_rollup(inputs: tuple[Path, ...], output: Path, force: bool) -> None:
    """The roll-up of the same inputs; its own problems (mixed periods, a unit twice) stop only it."""
    from drafter.errors import DrafterError
    from drafter.rollup import rollup_to_file

    try:
        written = rollup_to_file(list(inputs), output, force=force)
    except DrafterError as error:
        echo_problems(error.problems)
        click.secho("Không tạo được báo cáo tổng hợp.", fg="red", err=True)
        sys.exit(1)
    click.echo(f"Đã ghi báo cáo tổng hợp {written}.")


def _print_summary(rows, summary_path) -> None:
    from drafter.batch import DONE, STATUS_TEXT

    shown = rows if len(rows) <= FULL_TABLE else [r for r in rows if r.status != DONE]
    if not shown:
        return
    if len(shown) < len(rows):
        click.echo(f"Các việc chưa xong ({len(shown)}/{len(rows)}; danh sách đầy đủ trong {summary_path}):")
    table = [("Đơn vị / nguồn", "Mẫu", "Tệp", "Kết quả", "Lý do")]
    table += [(r.unit or r.source, r.template, r.file or "-", STATUS_TEXT[r.status], r.reason) for r in shown]
    widths = [min(48, max(len(row[i]) for row in table)) for i in range(4)]
    for index, row in enumerate(table):
        cells = [_fit(row[i], widths[i]) for i in range(4)] + [row[4]]
        text = "  ".join(cells).rstrip()
        color = None if index == 0 else {"lỗi": "red", "bỏ qua": "yellow"}.get(row[3])
        click.secho(text, fg=color, bold=index == 0)


def _fit(text: str, width: int) -> str:
    return (text if len(text) <= width else "…" + text[-(width - 1):]).ljust(width)


class _Progress:
    """click.progressbar on stderr, one per stage, only when stderr is a terminal."""

    LABELS = {"doc": "Đọc số liệu", "ghi": "Tạo văn bản"}

    def __init__(self):
        self.enabled = sys.stderr.isatty()
        self.stage = None
        self.bar = None

    def __call__(self, stage: str, advance: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=max(total, 1), label=self.LABELS.get(stage, stage),
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
