"""``drafter check FILE... [-t TEMPLATE] [-f txt|md|docx] [--variant N] [--no-spelling] [--allow FILE]``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.i18n import N_, _


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-t", "--template", default="bao-cao", show_default=True,
              help=N_("Mẫu: bao-cao, tin-bai, thư mục mẫu riêng, hoặc tệp Word .docx."))
@click.option("-f", "--format", "format_", type=click.Choice(["txt", "md", "docx"]),
              help=N_("Định dạng bản thảo được kiểm tra; mặc định txt (docx với mẫu Word)."))
@click.option("--variant", type=click.IntRange(0, 999), help=N_("Chọn cố định một cách diễn đạt."))
@click.option("--no-spelling", is_flag=True, help=N_("Bỏ qua kiểm tra chính tả."))
@click.option("--allow", "allow", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=N_("Tệp danh sách từ được chấp nhận khi kiểm tra chính tả (mỗi dòng một hoặc nhiều từ, "
                      "# mở đầu ghi chú); dùng được nhiều lần."))
@user_errors
def command(files: tuple[Path, ...], template: str, format_: str | None, variant: int | None, no_spelling: bool,
            allow: tuple[Path, ...]) -> None:
    """Soạn bản thảo từ FILES rồi kiểm tra: mọi số liệu có nguồn và đủ, mọi câu có nguồn và
    đủ ý của người dùng, trình bày tiếng Việt, chính tả.

    \b
    Ví dụ:
      drafter check samples/gia-lai-2026.yaml
      drafter check samples/*.yaml -t tin-bai -f docx
      drafter check so-lieu.yaml -t ./mau-cua-toi/ --allow tu-rieng.txt

    Thoát với mã 0 khi mọi bản thảo đạt, 1 khi có bản thảo không đạt hoặc tệp số liệu lỗi.
    """
    from drafter import api
    from drafter.checks.spelling import hunspell_available, load_word_list
    from drafter.errors import DrafterError
    from drafter.inputs import load

    allowed: set[str] = set()
    for path in allow:
        allowed |= load_word_list(path)
    if not no_spelling and not hunspell_available():
        console.warning(_("Chưa cài hunspell với từ điển vi_VN nên không kiểm tra chính tả "
                          "(cài bằng: apt-get install hunspell hunspell-vi)."))
    failed = 0
    for file in files:
        loaded = load(file)
        console.echo_problems(loaded.problems)
        result = None
        if loaded.ok:
            try:
                with console.timed(_("Kiểm tra {file}").format(file=file)):
                    result = api.check(loaded.report, template, format_, variant, not no_spelling, allowed)
            except DrafterError as error:
                console.echo_problems(error.problems)
        if result is None:
            console.error(_("{file}: không kiểm tra được.").format(file=file))
            failed += 1
            continue
        where = f"{file} [{template}, {result.format}]"
        if result.ok:
            console.info(_("{where}: đạt.").format(where=where), fg="green")
            continue
        failed += 1
        console.info(_("{where}: không đạt, {count} lỗi.").format(where=where, count=result.count), fg="red",
                     always=True)
        _print_result(result)
    if failed:
        sys.exit(1)


def _print_result(result) -> None:
    """The faults, one a line, under the check that found them; the details as the checks word them."""
    figures = result.figures
    sections = [
        (_("Số liệu không rõ nguồn"), figures.unexplained),
        (_("Số liệu bị thiếu"), figures.missing),
        (_("Câu"), result.sentences or ()),
        (_("Trình bày"), [str(issue) for issue in result.hygiene]),
        (_("Chính tả"), [str(issue) for issue in result.spelling or ()]),
    ]
    for title, lines in sections:
        if lines:
            console.info(f"  {title}:", always=True)
            for line in lines:
                console.info(f"    {line}", always=True)
