"""The roll-up's settings file (``drafter rollup --config rollup.yaml``): what it cannot derive.

Read with the located YAML reader and checked by the same rules as report data, so a mistake
is reported with its file, line and fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from drafter.errors import DrafterError, Problem
from drafter.inputs.model import Name, Strict, Text


def _field(title: str, description: str, **kwargs):
    return Field(title=title, description=description, **kwargs)


class RollupSigner(Strict):
    """The signer of the roll-up; the position defaults to the head of the issuing body."""

    name: Name = _field("Người ký", "Họ và tên người ký.")
    rank: Name | None = _field("Cấp bậc", "Quân hàm người ký, nếu có.", default=None)
    position: Name | None = _field(
        "Chức vụ người ký", "Chỉ huy trưởng, Phó Chỉ huy trưởng, Tư lệnh…; mặc định là người đứng đầu cơ quan.",
        default=None)
    authority: list[Name] | None = _field(
        "Thẩm quyền ký", "Các dòng trên chức vụ: “KT. CHỈ HUY TRƯỞNG”. Bỏ trống để tự suy.", default=None)


class RollupInfo(Strict):
    """What the roll-up cannot derive from the units: ``--config rollup.yaml``.

    Every key is optional; a missing one is derived from the units (see
    :func:`build_rollup`) or, when it cannot be, left as a visible blank
    ("[Họ và tên]") for the officer to fill in, with a warning (W538). The example users see is in
    ``drafter rollup --help`` (:mod:`drafter.cli.rollup`); ``order: input`` keeps the files' order.
    """

    issuing_agency: Name | None = _field(
        "Cơ quan ban hành", "Tên đầy đủ cơ quan tổng hợp; mặc định suy từ các đơn vị.", default=None)
    parent_agency: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = _field(
        "Cơ quan chủ quản", "Dòng trên tên cơ quan ban hành; để chuỗi rỗng nếu không có.", default=None)
    issuer_code: Annotated[str, StringConstraints(pattern=r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")] | None = _field(
        "Ký hiệu cơ quan", "Phần sau “BC-” trong ký hiệu: BCH, BTL…", default=None)
    number: int | None = _field("Số văn bản", "Bỏ trống để điền tay.", default=None, ge=1, le=99999)
    date: dt.date | None = _field(
        "Ngày ban hành", "Mặc định là ngày ký muộn nhất trong các báo cáo được tổng hợp.", default=None)
    place: Name | None = _field("Địa danh", "Địa danh ghi trước ngày tháng.", default=None)
    signer: RollupSigner | None = _field("Người ký", "Người ký báo cáo tổng hợp.", default=None)
    recipients: list[Name] | None = _field(
        "Nơi nhận", "Mỗi dòng một nơi nhận; dòng “Lưu” tự thêm. Bỏ trống để tự suy.", default=None)
    archive: Name = _field("Lưu", "Nơi lưu: “VT, TM”.", default="VT")
    summary: Text | None = _field("Trích yếu", "Thay trích yếu tự soạn.", default=None)
    order: Literal["name", "input"] = _field(
        "Thứ tự đơn vị", "name: theo tên (thứ tự chữ cái tiếng Việt); input: theo thứ tự tệp.", default="name")


def load_info(path: Path | str) -> RollupInfo:
    """Read ``rollup.yaml``; raises :class:`DrafterError` with located problems."""
    from drafter.inputs.field_errors import problem_from_pydantic
    from drafter.inputs.yaml_reader import read_yaml

    try:
        data, positions = read_yaml(path)
    except DrafterError as error:
        raise DrafterError([Problem("E534", p.file, p.line, p.column, found=p.file)
                            if p.code == "E106" else p for p in error.problems]) from None
    from drafter.inputs.validation import text_problems

    controls = [p for p in text_problems(data, positions) if p.code in ("E216", "E123")]  # as in report data
    if controls:
        raise DrafterError(controls)
    try:
        return RollupInfo.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            problem = problem_from_pydantic(item, positions, data)
            if problem.code == "E206":
                import difflib

                close = difflib.get_close_matches(problem.found, list(RollupInfo.model_fields), n=1, cutoff=0.6)
                problem = dataclasses.replace(problem, extra={
                    **problem.extra, "suggestion": f"; có phải ý bạn là “{close[0]}”?" if close else ""})
            problems.append(problem)
        raise DrafterError(problems) from None
