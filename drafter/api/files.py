"""Files the library writes besides documents: a pack copied out for an office to edit, the
workbook officers fill in, a starter YAML with its schema. Each written atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from drafter.errors import DrafterError, Problem, os_problem
from drafter.inputs.model import Report
from drafter.output.files import write_atomic


def export_template(source: str | Path, target: Path | str, force: bool = False) -> list[Path]:
    """Copy a pack, and the shared partials and bank it uses, into ``target``; the copy needs
    nothing else (:func:`drafter.packs.catalog.pack_files`).

    Refuses a folder that already has files unless ``force``; never writes through a symbolic
    link or over anything that is not a regular file, even with ``force`` (E607). Returns the
    files written.
    """
    from drafter.packs.catalog import pack_files

    target = Path(target)
    if os.path.islink(target):
        raise DrafterError([Problem("E607", str(target), found=str(target), extra={"detail": "liên kết tượng trưng"})])
    files = pack_files(source)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not force:
        raise DrafterError([Problem("E521", str(target), found=str(target))])
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DrafterError([os_problem(error, str(target), writing=True)]) from None
    return [write_atomic(target / name, content, force=True) for name, content in files.items()]


def write_workbook(path: Path | str, reports: Sequence[Report] = (), year: int | None = None,
                   force: bool = False) -> Path:
    """The workbook officers fill in (one row per report given; none: blank), written atomically;
    never over an existing file unless ``force``."""
    from drafter.inputs.excel import workbook_bytes

    target = Path(path)
    if target.exists() and not force:
        raise DrafterError([Problem("E501", str(target), found=str(target))])
    return write_atomic(target, workbook_bytes(reports, year), force=force)


def schema_json() -> str:
    """The JSON Schema of the input model, as editors (VS Code's YAML extension) read it."""
    import json

    from drafter.inputs.model import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Số liệu báo cáo công tác quốc phòng, quân sự địa phương"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_starter(path: Path | str, name: str, kind: str | None = None, province: str | None = None,
                  year: int | None = None, span: str = "year", force: bool = False, schema: bool = True) -> Path:
    """Resolve the unit on the map and write a starter YAML atomically (no overwrite without ``force``).

    With ``schema``, ``report.schema.json`` is written (or refreshed) beside it: the first line
    of the YAML points there, for the editor's completion and checks.
    """
    import datetime as dt

    from drafter.inputs.starter import resolve_unit, starter_yaml

    from drafter.output.files import refuse_unusual

    path = Path(path)
    refuse_unusual(path)
    if schema:  # checked before anything is written: a link there must not leave the YAML alone
        refuse_unusual(path.parent / "report.schema.json")
    if path.exists() and not force:
        raise DrafterError([Problem("E501", str(path), found=str(path))])
    year = year or dt.date.today().year
    unit, problems = resolve_unit(name, kind, province, year, span)
    if problems:
        raise DrafterError(problems)
    text = starter_yaml(unit, year, span, schema="report.schema.json" if schema else None, filename=path.name)
    written = write_atomic(path, text, force=force)
    if schema:
        write_atomic(path.parent / "report.schema.json", schema_json(), force=True)
    return written
