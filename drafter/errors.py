"""User-facing problems and the catalogue of their Vietnamese messages.

Every message a user can see has a stable code, so that the README's
troubleshooting table can explain it and a translation can replace it.

>>> Problem("E201", "bao-cao.yaml", 4, 3, "recruitment.quota", found="-5").render()
'bao-cao.yaml:4:3: lỗi E201 [recruitment.quota]: số không được âm (gặp: -5). Sửa: nhập số từ 0 trở lên.'
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: code -> (message, fix). Messages take ``{found}``, ``{expected}`` and any extra keyword.
MESSAGES: dict[str, tuple[str, str]] = {
    # E1xx: reading the file
    "E101": ("không đọc được tệp ({detail})", "kiểm tra đường dẫn và quyền đọc tệp."),
    "E102": ("tệp rỗng", "điền nội dung theo tệp mẫu trong thư mục samples/."),
    "E103": ("lỗi cú pháp YAML: {detail}", "kiểm tra thụt lề (dùng dấu cách, không dùng tab) và dấu “:” sau tên trường."),
    "E104": ("khóa “{found}” bị lặp lại", "mỗi trường chỉ được khai một lần; xóa dòng thừa."),
    "E105": ("tệp không phải mã UTF-8", "lưu lại tệp với mã UTF-8 (Notepad: File > Save As > Encoding: UTF-8)."),
    "E106": ("nội dung gốc phải là các cặp “tên: giá trị”", "bắt đầu tệp bằng “unit:” như tệp mẫu."),
    "E107": ("đường dẫn là một thư mục, không phải tệp", "chỉ ra một tệp .yaml cụ thể."),
    "E108": ("thẻ YAML “{found}” không được phép", "bỏ thẻ bắt đầu bằng “!”; chỉ dùng giá trị thường."),
    "E109": ("tệp quá lớn hoặc có quá nhiều tham chiếu lồng nhau", "kiểm tra lại tệp; một báo cáo chỉ cần vài trăm dòng."),
    # E2xx: a field's value
    "E200": ("thiếu trường bắt buộc “{expected}”", "thêm trường này, xem tệp mẫu."),
    "E201": ("số không được âm (gặp: {found})", "nhập số từ 0 trở lên."),
    "E202": ("cần một số nguyên, gặp “{found}”", "viết số không có dấu chấm phân cách hàng nghìn, ví dụ 2847."),
    "E203": ("cần một số, gặp “{found}”", "viết số thập phân với dấu chấm, ví dụ 0.89."),
    "E204": ("giá trị “{found}” không hợp lệ", "chọn một trong: {expected}."),
    "E205": ("cần một ngày, gặp “{found}”", "viết ngày dạng YYYY-MM-DD, ví dụ 2026-12-13."),
    "E206": ("trường “{found}” không có trong mẫu{suggestion}", "xóa hoặc sửa tên trường."),
    "E207": ("cần một danh sách, gặp “{found}”", "viết mỗi ý trên một dòng bắt đầu bằng “- ”."),
    "E208": ("cần một nhóm trường, gặp “{found}”", "viết các trường con thụt vào dưới dòng này."),
    "E209": ("cần chữ, gặp “{found}”", "viết nội dung dạng chữ."),
    "E210": ("để trống", "điền nội dung hoặc xóa trường."),
    "E211": ("nội dung quá dài ({found} ký tự)", "rút gọn còn dưới {expected} ký tự."),
    "E212": ("số quá lớn ({found})", "kiểm tra lại; giá trị tối đa là {expected}."),
    "E213": ("số quá nhỏ ({found})", "giá trị tối thiểu là {expected}."),
    "E214": ("giá trị “{found}” không đúng dạng", "{expected}."),
    "E215": ("dùng “{found}” thay cho một số", "ghi rõ số lượng, ví dụ 0 hoặc 12."),
    "E299": ("giá trị không hợp lệ: {detail}", "sửa theo tệp mẫu."),
    # E3xx: figures that cannot all be true
    "E301": ("số giao quân {found} vượt xa chỉ tiêu {expected}", "kiểm tra lại chỉ tiêu và số giao quân."),
    "E302": ("{what} ({found}) lớn hơn {whole} ({expected})", "kiểm tra lại hai số này."),
    "E303": ("ngày {found} nằm ngoài kỳ báo cáo ({expected})", "sửa ngày hoặc năm, kỳ báo cáo."),
    "E304": ("cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025", "báo cáo từ năm 2025 dùng cấp tỉnh hoặc cấp xã."),
    "E305": ("{what} chiếm {found} dân số, vượt 100%", "kiểm tra lại dân số và số liệu."),
    "E306": ("khen thưởng không có tập thể hay cá nhân nào", "ghi số tập thể hoặc số cá nhân được khen."),
    "E307": ("đơn vị cấp xã cần tên tỉnh", "thêm “province:” dưới “unit:”."),
    # W4xx: warnings, the draft is still written
    "W401": ("số giao quân {found} vượt chỉ tiêu {expected}", "nếu đúng, giữ nguyên."),
    "W402": ("{what} chiếm {found} dân số, cao bất thường", "kiểm tra lại dân số và số liệu."),
    "W403": ("số giao quân {found} chưa đạt chỉ tiêu {expected}", "nếu đúng, báo cáo sẽ nêu rõ tỷ lệ đạt."),
    "W404": ("không có số liệu nào cho phần kết quả", "báo cáo chỉ có phần đánh giá chung và phương hướng."),
    # E5xx: producing the output
    "E501": ("tệp “{found}” đã có", "thêm --force để ghi đè, hoặc chọn tên khác với -o."),
    "E502": ("không ghi được tệp ({detail})", "kiểm tra thư mục đích có tồn tại và được phép ghi."),
    "E503": ("không tìm thấy mẫu “{found}”", "các mẫu có sẵn: {expected}."),
    "E504": ("mẫu “{found}” lỗi: {detail}", "sửa mẫu theo tài liệu docs/mau-bao-cao.md."),
    "E505": ("định dạng “{found}” không dùng được cho mẫu này", "chọn một trong: {expected}."),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``E…``) or doubtful (``W…``) in one input, with its place."""

    code: str
    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str = ""
    found: str = ""
    expected: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return not self.code.startswith("W")

    @property
    def where(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return place

    @property
    def message(self) -> str:
        text, _ = MESSAGES[self.code]
        return text.format(found=self.found, expected=self.expected, **_defaults(self.extra))

    @property
    def fix(self) -> str:
        _, fix = MESSAGES[self.code]
        return fix.format(found=self.found, expected=self.expected, **_defaults(self.extra))

    def render(self) -> str:
        kind = "lỗi" if self.is_error else "cảnh báo"
        field_path = f" [{self.path}]" if self.path else ""
        message = self.message
        stop = "" if message.endswith(("?", ".", "!")) else "."
        return f"{self.where}: {kind} {self.code}{field_path}: {message}{stop} Sửa: {self.fix}"


def _defaults(extra: dict) -> dict:
    return {"detail": "", "suggestion": "", "what": "", "whole": "", **extra}


class DrafterError(Exception):
    """Raised with the problems that stop a draft; the CLI prints them and exits 1."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.render() for p in self.problems))
