"""``drafter explain FILE [-t TEMPLATE] [--format text|json]``: each sentence of the draft with its sources."""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafter.cli import console
from drafter.cli.common import user_errors
from drafter.cli.render import print_summary
from drafter.i18n import N_, _

_KIND_LABELS = {"figure": N_("số liệu"), "derived": N_("tự tính"), "text": N_("trích"), "frame": N_("câu mẫu"),
                "warning": N_("cảnh báo"), "variable": N_("biến mẫu")}


@click.command("explain")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-t", "--template", default="bao-cao", show_default=True,
              help=N_("Mẫu: bao-cao, tin-bai, thư mục mẫu riêng hoặc mẫu Word .docx."))
@click.option("-f", "--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=N_("text: để đọc; json: cho chương trình khác."))
@click.option("--row", type=click.IntRange(1), help=N_("Với bảng tính .xlsx: chỉ giải thích dòng này (số dòng trong Excel)."))
@click.option("--variant", type=click.IntRange(0, 999), help=N_("Chọn cố định một cách diễn đạt."))
@user_errors
def command(file: Path, template: str, format_: str, row: int | None, variant: int | None) -> None:
    """In bản thảo từng câu một, mỗi câu kèm nguồn của nó: trường số liệu, giá trị,
    dòng trong tệp YAML (hoặc ô trong bảng tính); câu văn mẫu được đánh dấu.

    \b
    Ví dụ:
      drafter explain samples/gia-lai-2026.yaml
      drafter explain samples/gia-lai-2026.yaml -t tin-bai --format json
      drafter explain so-lieu-2026.xlsx --row 7
    """
    from drafter import api

    explained, failed = [], False
    for loaded in _inputs(file, row):  # a workbook's bad row is reported; the other rows are explained
        console.echo_problems(loaded.problems)
        if loaded.ok:
            explained.append(api.explain(loaded, template, variant))
        failed = failed or not loaded.ok
    if format_ == "json":
        data = {"file": str(file), "template": template, "documents": [e.as_json() for e in explained]}
        console.output(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for explanation in explained:
            _print_text(explanation)
    if failed:
        raise SystemExit(1)


def _inputs(file: Path, row: int | None):
    """The input's units: one for a YAML file, the rows of a workbook (or the one asked for)."""
    from drafter.errors import DrafterError, Problem
    from drafter.inputs import load

    if file.suffix.lower() not in (".xlsx", ".xlsm"):
        if row is not None:
            raise click.UsageError(_("--row chỉ dùng với bảng tính .xlsx."))
        return [load(file)]
    from drafter.inputs.excel import read_workbook

    rows = read_workbook(file)
    if row is None:
        return rows
    chosen = [loaded for loaded in rows if loaded.source.endswith(f"!{row}:{row}")]
    if not chosen:
        if rows and "!" not in rows[0].source:
            return rows[:1]  # the whole workbook is unreadable: that is what to say
        numbers = ", ".join(loaded.source.rsplit("!", 1)[-1].split(":")[0] for loaded in rows) or "-"
        raise DrafterError([Problem("E801", str(file), found=str(row), expected=numbers)])
    return chosen


def _print_text(explanation) -> None:
    console.info(_("{source} — mẫu {template}").format(source=explanation.source, template=explanation.template),
                 bold=True, always=True)
    number = 0
    for line in explanation.lines:
        if line.kind == "heading":
            console.info(line.text, bold=True, always=True)
            continue
        number += 1
        mark = _(" (câu văn mẫu: xác nhận lại)") if line.frame else ""
        console.info(f"[{number}] {line.text}{mark}", always=True)
        for said, note in line.sources:
            console.info("    " + _source_line(said, note), always=True)
        for note in line.warnings:
            console.info("    " + note.text, fg="yellow", always=True)
        if line.kind in ("sentence", "paragraph") and not line.frame and not line.sources:
            console.info("    " + _("(không rõ nguồn: đối chiếu cả câu)"), fg="yellow", always=True)
    print_summary(explanation.summary)
    console.info()


def _source_line(said: str, note) -> str:
    """``[số liệu] “3.350” recruitment.delivered = 3350 (Tuyển quân - Số giao quân) — so-lieu.yaml:122``."""
    label = _(_KIND_LABELS.get(note.kind, note.kind))
    shown = f"“{said}” " if said else ""
    if note.kind == "derived":
        inputs = "; ".join(f"{path}: {place}" if place else path for path, place in note.inputs)
        rest = f"{note.path}: {note.title}{note.computation or ' = ' + note.value}" + (f" ({inputs})" if inputs else "")
        return f"[{label}] {shown}{rest}"
    name = f" ({note.title})" if note.title else ""
    variable = f" {{{{ {note.variable} }}}}" if note.variable else ""
    value = f" = {note.value}" if note.value and note.kind == "figure" else ""
    place = f" — {note.place}" if note.place else ""
    return f"[{label}]{variable} {shown}{note.path}{value}{name}{place}"
