"""The ``drafter`` command: a thin Click layer over :mod:`drafter.api`.

Each command lives in its own module and is imported only when it runs, so
``drafter --help`` stays fast.
"""

from __future__ import annotations

import importlib
import sys

import click

from drafter import __version__

COMMANDS = {
    "validate": ("drafter.cli.validate", "Kiểm tra tệp số liệu, liệt kê mọi lỗi."),
    "render": ("drafter.cli.render", "Tạo bản thảo báo cáo hoặc bài tin từ một tệp số liệu."),
    "schema": ("drafter.cli.schema", "In JSON Schema của tệp số liệu cho trình soạn thảo."),
    "templates": ("drafter.cli.templates", "Mẫu: liệt kê, sao ra để sửa, kiểm tra, tra cứu biến."),
    "batch": ("drafter.cli.batch", "Tạo bản thảo cho mọi đơn vị: thư mục YAML hoặc bảng tính Excel."),
    "init": ("drafter.cli.init", "Tạo bảng tính Excel trống để điền số liệu nhiều đơn vị."),
    "rollup": ("drafter.cli.rollup", "Tổng hợp báo cáo của nhiều đơn vị cùng kỳ thành một báo cáo có bảng, biểu đồ."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx, formatter):
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Lệnh"):
            formatter.write_dl(rows)


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="drafter", message="%(prog)s %(version)s")
def cli():
    """Soạn bản thảo báo cáo tổng kết, sơ kết và bài tin hội nghị
    công tác quốc phòng, quân sự địa phương từ tệp số liệu YAML.

    \b
    Ví dụ:
      drafter validate samples/gia-lai-2026.yaml
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx
    """


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a legacy code page that cannot print Vietnamese.
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    cli(prog_name="drafter")
