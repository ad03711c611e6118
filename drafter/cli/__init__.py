"""The ``drafter`` command: a thin Click layer over :mod:`drafter.api`.

Each command lives in its own module and is imported only when it runs, so
``drafter --help`` stays fast. The group's options apply to every command:
``--lang vi|en``, ``--quiet``, ``--verbose`` (see :mod:`drafter.cli.console`).
"""

from __future__ import annotations

import importlib
import sys

import click

from drafter import __version__, i18n
from drafter.cli import console
from drafter.i18n import N_, _

COMMANDS = {
    "init": ("drafter.cli.init", N_("Tạo tệp số liệu mới: tệp YAML có chú thích cho một đơn vị, hoặc bảng tính Excel trống.")),
    "validate": ("drafter.cli.validate", N_("Kiểm tra tệp số liệu, liệt kê mọi lỗi.")),
    "render": ("drafter.cli.render", N_("Tạo bản thảo báo cáo hoặc bài tin từ một tệp số liệu (kèm PDF nếu muốn).")),
    "check": ("drafter.cli.check", N_("Soạn rồi kiểm tra bản thảo: số liệu, câu có nguồn, trình bày, chính tả.")),
    "explain": ("drafter.cli.explain", N_("In bản thảo từng câu kèm nguồn: trường số liệu, giá trị, dòng trong tệp.")),
    "batch": ("drafter.cli.batch", N_("Tạo bản thảo cho mọi đơn vị: thư mục YAML hoặc bảng tính Excel.")),
    "rollup": ("drafter.cli.rollup", N_("Tổng hợp báo cáo của nhiều đơn vị cùng kỳ thành một báo cáo có bảng, biểu đồ.")),
    "templates": ("drafter.cli.templates", N_("Mẫu: liệt kê, sao ra để sửa, kiểm tra, tra cứu biến.")),
    "schema": ("drafter.cli.schema", N_("In JSON Schema của tệp số liệu cho trình soạn thảo.")),
}

i18n.install_click()


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name][0])
        i18n.localize(module.command)
        return module.command

    def format_commands(self, ctx, formatter):
        rows = [(name, _(help_text)) for name, (_module, help_text) in COMMANDS.items()]
        with formatter.section(_("Lệnh")):
            formatter.write_dl(rows)

    def make_context(self, info_name, args, parent=None, **extra):
        if parent is None:  # a new run: the language of the environment until --lang says otherwise
            i18n.set_language(None)
            i18n.localize(self)
            if console.no_color():
                extra.setdefault("color", False)
        return super().make_context(info_name, args, parent, **extra)


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    # eager, so that it is set before the command it precedes is looked up and its help shown
    if value:
        i18n.set_language(value.lower())
        i18n.localize(ctx.command)


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.option("--lang", type=click.Choice(["vi", "en"], case_sensitive=False), is_eager=True, expose_value=False,
              callback=_set_language,
              help=N_("Ngôn ngữ của lệnh: vi (mặc định) hoặc en; cũng đặt được bằng biến DRAFTER_LANG. "
                      "Văn bản tạo ra luôn bằng tiếng Việt."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Chỉ in lỗi."))
@click.option("-v", "--verbose", is_flag=True, help=N_("In thêm chi tiết: mẫu dùng, thời gian từng bước."))
@click.version_option(__version__, "--version", "-V", prog_name="drafter", message="%(prog)s %(version)s",
                      help=N_("In số phiên bản rồi thoát."))
def cli(quiet: bool, verbose: bool):
    """Soạn bản thảo báo cáo tổng kết, sơ kết và bài tin hội nghị
    công tác quốc phòng, quân sự địa phương từ tệp số liệu YAML.

    \b
    Ví dụ:
      drafter init -o so-lieu.yaml
      drafter validate samples/gia-lai-2026.yaml
      drafter render samples/gia-lai-2026.yaml -o bao-cao.docx --pdf

    Mã thoát: 0 thành công, 1 số liệu sai hoặc không ghi được, 2 gọi lệnh sai cú pháp.
    """
    if quiet and verbose:
        raise click.UsageError(_("chỉ chọn một trong --quiet và --verbose."))
    console.configure(quiet=quiet, verbose=verbose)


def main() -> None:
    import gc

    from drafter.cli import dataclass_code
    from drafter.cli.common import install_stop_handlers

    dataclass_code.install()
    _without_pydantic_plugins()
    # A command is one short process that makes some 100,000 objects while it imports and few
    # of them ever become garbage: at the default threshold (700) the cycle collector runs 150
    # times, 20 ms of a render, and frees nothing. Collecting 14 times less often halves that;
    # cyclic garbage waits a little longer (a few MB at most) and is still collected.
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    install_stop_handlers()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with it closed (">&-"): said when there is something to write
            continue
        # Windows consoles default to a legacy code page that cannot print Vietnamese.
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    from drafter.cli.common import user_errors

    try:
        user_errors(_run)()
    except SystemExit as leaving:
        gc.freeze()
        _leave_now(leaving.code)  # returns when Python's own way out is needed
        raise
    finally:
        # On its way out Python collects cycles over every object still alive (some 50,000,
        # pydantic's schemas and the modules included): 35 ms of a render. Frozen objects are
        # left out of those collections; they are still freed as the modules are cleared, and
        # the exit handlers (temporary folders, batch workers) still run.
        gc.freeze()


def _run() -> None:
    try:
        cli(prog_name="drafter")
    except OSError as error:
        from drafter.cli.console import OutputClosed

        if error.filename is None and not isinstance(error, (BrokenPipeError, OutputClosed)):
            from drafter.errors import os_reason

            # the group's own --help or --version to a full disk: no command's console wrote it,
            # and it is the same E610 as a command's output
            raise OutputClosed(error.errno, os_reason(error, writing=True)) from None
        raise


def _leave_now(code) -> None:
    """End the process once everything it owes is done, without tearing the interpreter down.

    After the exit handlers, Python frees every module and object one by one (12 ms of a
    render, 4 ms of ``--help``): memory the operating system takes back at once. So the
    standard streams are flushed and the exit handlers run (temporary folders, a batch's
    workers), then the process ends with the command's status. Anything out of the ordinary
    takes Python's own way: a thread still running (Python waits for it), a status that is a
    message, a stream that cannot be flushed (Python reports that and exits 120, as before).
    """
    import atexit
    import os
    import threading

    if threading.active_count() > 1 or not (code is None or isinstance(code, int)):
        return
    # in Python's own order: the exit handlers (which it then forgets), then the streams
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - Python's own exit tries again and reports it
            return
    os._exit(code or 0)


_PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugins" (pydantic/plugin/_loader.py)


def _without_pydantic_plugins() -> None:
    """No pydantic plugins in the command's process, unless the user's environment says otherwise.

    The first model pydantic builds asks its plugin loader for plugins: the loader imports
    ``importlib.metadata`` (with email, zipfile, csv…) and scans every installed package's entry
    points, 20–25 ms of a 250 ms render, for plugins drafter never uses. With
    ``PYDANTIC_DISABLE_PLUGINS=__all__`` pydantic returns no plugins without scanning, but the
    loader module still imports ``importlib.metadata``; so, in that case only, the loader is
    replaced by one that answers as pydantic's own would: no plugins. A user who sets the variable
    to anything else (names of plugins to leave out, or nothing) gets pydantic's loader as it is.
    """
    import os
    import types

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in _PLUGINS_OFF or "pydantic.plugin._loader" in sys.modules:
        return
    loader = types.ModuleType("pydantic.plugin._loader", "No pydantic plugins (drafter.cli._without_pydantic_plugins).")
    loader.get_plugins = lambda: ()

    def real(name: str):
        # The module is pydantic's private one: should a later pydantic ask its loader for
        # anything but get_plugins, it gets the real loader's answer rather than an ImportError.
        import importlib

        if name.startswith("__"):  # the import system's and inspect's questions are not pydantic's
            raise AttributeError(name)
        del sys.modules["pydantic.plugin._loader"]
        return getattr(importlib.import_module("pydantic.plugin._loader"), name)

    loader.__getattr__ = real
    sys.modules["pydantic.plugin._loader"] = loader
