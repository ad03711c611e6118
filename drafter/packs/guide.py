"""The guide to templates: every variable, function and filter with an example, for the console and the docs.

One description serves two readers: ``drafter templates vars`` (officers at the console,
:func:`render_text`) and ``docs/mau-bao-cao.md`` (the guide, :func:`render_markdown`,
regenerated with ``python -m drafter.packs.guide > docs/mau-bao-cao.md``). The variables come
from the tree of :mod:`drafter.packs.variables`, which the template checker reads too; the
examples of functions and filters are computed now, from the code itself.

>>> [row.example for row in filter_rows() if row.name == "so"]
['2.847']
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.packs.variables import FUNCTIONS, Var, context_vars, example_facts

# context_vars is named here too: the template checker has always found the tree in this module.
__all__ = ["Row", "context_vars", "filter_rows", "function_rows", "render_markdown", "render_text", "variable_rows"]


# ------------------------------------------------------------------- the rows


@dataclass(frozen=True)
class Row:
    name: str  # "r.recruitment.quota", "{{ 2847 | so }}"
    title: str
    kind: str = ""
    example: str = ""
    note: str = ""
    depth: int = 0


def variable_rows() -> list[Row]:
    """Every variable, depth first, lists written ``r.awards[].giver``."""
    rows: list[Row] = []

    def walk(name: str, var: Var, depth: int) -> None:
        rows.append(Row(name, var.title, var.kind, var.example, var.note, depth))
        if name in ("facts.report", "facts.unit", "facts.period", "facts.derived", "facts.changes"):
            return  # the same as r, unit, period, d, changes: listed once
        if name == "changes":
            # every comparison has the same parts: list the names, then the parts once
            for child, sub in var.fields.items():
                rows.append(Row(f"changes.{child}", sub.title, sub.kind, depth=depth + 1))
            for part, sub in next(iter(var.fields.values())).fields.items():
                rows.append(Row(f"changes.<tên>.{part}", sub.title, sub.kind, depth=depth + 1))
            return
        for child, sub in (var.fields or {}).items():
            walk(f"{name}.{child}", sub, depth + 1)
        if var.item is not None and var.item.fields:
            for child, sub in var.item.fields.items():
                walk(f"{name}[].{child}", sub, depth + 1)

    for name, var in context_vars().items():
        if var.kind != "hàm":
            walk(name, var, 0)
    return rows


def _example_env():
    from jinja2 import StrictUndefined

    from drafter.packs.filters import FILTERS

    from drafter.packs.sandbox import Sandbox

    env = Sandbox(undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def filter_rows() -> list[Row]:
    """Every filter with its example; the output is computed now, from the filter itself."""
    from drafter.packs.filters import FILTER_EXAMPLES, FILTERS
    from drafter.packs.jinja import context

    env, values = _example_env(), context(example_facts())
    return [Row(name, FILTER_EXAMPLES[name][0], example=env.from_string(FILTER_EXAMPLES[name][1]).render(values),
                note=FILTER_EXAMPLES[name][1]) for name in FILTERS]


def function_rows() -> list[Row]:
    from drafter.packs.jinja import context

    env, values = _example_env(), context(example_facts())
    return [Row(name, title, "hàm", env.from_string(usage).render(values), usage) for name, (title, usage) in FUNCTIONS.items()]


# ------------------------------------------------------------------ printing


def render_text() -> str:
    """The console listing of ``drafter templates vars``."""
    lines = ["BIẾN DÙNG TRONG MẪU (viết trong {{ … }}; “[]” là từng phần tử của danh sách)", ""]
    rows = variable_rows()
    width = max(len(row.name) + 2 * row.depth for row in rows) + 2
    for row in rows:
        label = "  " * row.depth + row.name
        extra = f" [{row.kind}]" if row.kind else ""
        example = f" — ví dụ: {row.example}" if row.example and row.kind != "nhóm" else ""
        lines.append(f"{label:<{width}}{row.title}{extra}{example}")
    lines += ["", "HÀM CHỌN CÁCH DIỄN ĐẠT", ""]
    for row in function_rows():
        lines.append(f"  {row.note}  →  {row.example}    ({row.title})")
    lines += ["", "BỘ LỌC (viết sau dấu |)", ""]
    for row in filter_rows():
        lines.append(f"  {row.note}  →  {row.example}    ({row.title})")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """docs/mau-bao-cao.md: the guide, with the tables generated from the code."""
    out = [GUIDE_HEAD.rstrip(), ""]
    out += ["## Bảng biến", "", VARS_INTRO, "", "| biến | ý nghĩa | kiểu | ví dụ |", "|---|---|---|---|"]
    for row in variable_rows():
        example = row.example if row.kind != "nhóm" else ""
        out.append(f"| `{_cell(row.name)}` | {_cell(row.title)} | {_cell(row.kind)} | {_cell(example)} |")
    out += ["", "## Hàm chọn cách diễn đạt", "", FUNCTIONS_INTRO, "",
            "| hàm | tác dụng | ví dụ | kết quả |", "|---|---|---|---|"]
    for row in function_rows():
        out.append(f"| `{row.name}` | {_cell(row.title)} | `{_cell(row.note)}` | {_cell(row.example)} |")
    out += ["", "## Bộ lọc", "", FILTERS_INTRO, "", "| bộ lọc | tác dụng | ví dụ | kết quả |", "|---|---|---|---|"]
    for row in filter_rows():
        out.append(f"| `{row.name}` | {_cell(row.title)} | `{_cell(row.note)}` | {_cell(row.example)} |")
    out += ["", GUIDE_TAIL.strip(), ""]
    return "\n".join(out)


GUIDE_HEAD = """\
<!-- Tệp này được tạo tự động: python -m drafter.packs.guide > docs/mau-bao-cao.md. Đừng sửa tay. -->
# Tự làm mẫu báo cáo, bài tin

Mỗi cơ quan có cách viết riêng. `drafter` cho phép sửa câu chữ của mẫu có sẵn, hoặc dùng chính
mẫu Word của cơ quan, mà vẫn lấy số liệu tự động từ tệp số liệu. Lệnh `drafter templates list`
liệt kê các mẫu có sẵn.

## Cách 1: sửa một mẫu có sẵn (gói mẫu)

1. Sao mẫu ra một thư mục riêng:

   ```bash
   drafter templates export bao-cao ./mau-cua-toi/
   ```

   Thư mục có `manifest.yaml` (tên, mô tả mẫu), `body.j2` (nội dung) và `macros.j2` (các câu dùng chung).
2. Mở `body.j2` bằng một trình soạn thảo văn bản (Notepad++, VS Code), sửa câu chữ, lưu với mã UTF-8.
3. Kiểm tra rồi soạn:

   ```bash
   drafter templates check ./mau-cua-toi/
   drafter render so-lieu.yaml --template ./mau-cua-toi/ -o bao-cao.docx
   ```

Trong `body.j2`, mỗi dòng là một đoạn văn; các dòng liền nhau được nối thành một đoạn, dòng trống
ngăn cách các đoạn. Một số dòng có ý nghĩa riêng:

| dòng bắt đầu bằng | ý nghĩa |
|---|---|
| `@summary:` | trích yếu của báo cáo |
| `@doc_type:` | tên loại văn bản (mặc định BÁO CÁO) |
| `#` | tên phần, tự đánh số “Phần I”, “Phần II” |
| `##`, `###`, `####` | đề mục, tự đánh số “I.”, “1.”, “a)” |
| `- ` | một đoạn riêng |
| `!title`, `!byline` | tít và dòng tác giả của bài tin |

Đề mục không có nội dung bên dưới sẽ tự bỏ, số thứ tự tự đánh lại.

## Cách 2: dùng mẫu Word của cơ quan

Mở mẫu báo cáo quen dùng trong Word, thay các con số bằng thẻ, lưu thành tệp `.docx`:

```
Năm {{ period.year }}, {{ unit.full }} đã giao {{ r.recruitment.delivered | so }} công dân nhập ngũ,
đạt {{ d.recruitment_rate | phan_tram }} chỉ tiêu.
```

Bảng có một hàng cho mỗi phần tử: đặt `{%tr for a in r.awards %}` ở hàng đầu, các thẻ
`{{ a.giver }}`, `{{ a.individuals | so }}` ở hàng giữa và `{%tr endfor %}` ở hàng cuối. Thẻ dùng được cả
ở đầu trang, chân trang. Word tự đổi dấu nháy thẳng thành nháy cong: không sao, chương trình tự sửa.
Soạn bằng:

```bash
drafter templates check mau-cong-van.docx
drafter render so-lieu.yaml --template mau-cong-van.docx -o bao-cao.docx
```

## Cú pháp trong thẻ

- `{{ biến }}` in một giá trị; `{{ biến | bộ lọc }}` in giá trị đã viết theo cách Việt Nam.
- `{% if r.recruitment %} … {% endif %}`: chỉ in khi có số liệu. Số liệu để trống mà vẫn in ra sẽ bị
  báo lỗi, nên đặt mọi mục có thể trống trong `{% if %}`.
- `{% for a in r.awards %} … {% endfor %}`: lặp qua một danh sách.
- `{{ "chữ" ~ biến }}` nối chữ với giá trị.

## Kiểm tra trước khi soạn

`drafter templates check` đọc mẫu và liệt kê một lần mọi lỗi: sai cú pháp (kèm dòng, hoặc số đoạn, ô
bảng với mẫu Word), biến không có (kèm gợi ý tên gần đúng), bộ lọc không có. Lệnh `render` tự kiểm tra
như vậy trước khi soạn; mẫu có lỗi thì không tạo tệp nào.

## An toàn

Mẫu chạy trong môi trường cách ly (Jinja2 sandbox): mẫu chỉ đọc được các biến trong bảng dưới đây,
không đọc, ghi tệp hay chạy lệnh được. Mọi tên bắt đầu bằng `_` và lệnh `.format` bị chặn ngay khi
kiểm tra. Chữ trong số liệu (kể cả `<`, `&`, `{{`) được in đúng như đã nhập.
"""

VARS_INTRO = """\
Viết tên biến trong `{{ … }}`. `r` là toàn bộ tệp số liệu; `unit`, `period` là cách gọi đơn vị, kỳ
báo cáo đã chia theo cấp; `d` là các tỷ lệ, tổng do chương trình tính; `changes` là so sánh với kỳ
trước. `[]` là từng phần tử của danh sách: `r.awards[].giver` dùng như
`{% for a in r.awards %}{{ a.giver }}{% endfor %}`. Ví dụ lấy từ một tệp số liệu mẫu
(tỉnh Gia Lai, năm 2026, ngày ban hành 05/12/2026)."""

FUNCTIONS_INTRO = """\
Để các báo cáo không giống hệt nhau, mẫu có thể chọn giữa nhiều cách viết. Lựa chọn cố định theo đơn
vị và kỳ: soạn lại cùng tệp số liệu luôn ra cùng câu chữ. Tham số đầu là một tên tùy đặt, khác nhau cho
mỗi chỗ chọn."""

FILTERS_INTRO = "Viết sau dấu `|`: `{{ r.recruitment.delivered | so }}`. Kết quả dưới đây do chính bộ lọc tính ra."

GUIDE_TAIL = """\
Ngoài ra dùng được các bộ lọc, hàm sẵn có của Jinja2 như `length`, `first`, `last`, `join`, `default`,
`range`, `namespace` và biến `loop.index` trong vòng lặp."""


if __name__ == "__main__":
    print(render_markdown(), end="")
