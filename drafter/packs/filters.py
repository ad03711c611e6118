"""The Vietnamese filters a template uses (``{{ 2847 | so }}``), each with an example for the guide."""

from __future__ import annotations

from jinja2 import pass_context

from drafter import vnformat
from drafter.inputs.dates import signing_year
from drafter.realise.surface import clause, join_clauses, sentence


def _signing_year(context) -> int | None:
    """The year a blank date prints: the signing year of the period the template is about."""
    period = context.get("period")  # the facts' period words, a unit's or a roll-up's
    year, span = getattr(period, "year", None), getattr(period, "span", "year")
    return signing_year(year, span) if isinstance(year, int) else None


# A date the input does not know (a report not yet signed, a conference without its day) prints the
# blank an officer fills in, never "None" (DOMAIN.md section 10); the context gives the blank its year.
@pass_context
def _ngay(context, value):
    return vnformat.format_date_nd30(value, _signing_year(context) if value is None else None)


@pass_context
def _ngay_so(context, value):
    return vnformat.format_date_numeric(value, _signing_year(context) if value is None else None)


FILTERS = {
    "so": vnformat.format_integer,
    "thap_phan": vnformat.format_decimal,
    "phan_tram": vnformat.format_percent,
    "tien": vnformat.format_money,
    "tien_chu": vnformat.format_amount_words,
    "chu": vnformat.format_number_words,
    "ngay": _ngay,
    "ngay_ngan": vnformat.format_date_short,
    "ngay_so": _ngay_so,
    "ds": vnformat.format_list,
    "la_ma": vnformat.format_roman,
    "so_2": vnformat.format_count_padded,
    "hoa_dau": vnformat.capitalize_first,
    "menh_de": clause,
    "cau": sentence,
    "noi": join_clauses,
}

#: One example per filter, for ``drafter templates vars`` and docs/mau-bao-cao.md:
#: name -> (what it does, a snippet). The output shown to users is computed live
#: from the snippet, so it can never drift from the code; a test keeps this in
#: step with FILTERS. Snippets may use the reference's example report (``r``).
FILTER_EXAMPLES: dict[str, tuple[str, str]] = {
    "so": ("số nguyên, dấu chấm ngăn hàng nghìn", "{{ 2847 | so }}"),
    "thap_phan": ("số thập phân, dấu phẩy thập phân", "{{ 1234.5 | thap_phan }}"),
    "phan_tram": ("tỷ lệ phần trăm", "{{ 12.5 | phan_tram }}"),
    "tien": ("số tiền (đồng) viết gọn", "{{ 4700000000 | tien }}"),
    "tien_chu": ("số tiền bằng chữ", "{{ 4700000000 | tien_chu }}"),
    "chu": ("số bằng chữ", "{{ 105 | chu }}"),
    "ngay": ("ngày đầy đủ theo Nghị định 30", "{{ r.document.date | ngay }}"),
    "ngay_ngan": ("ngày ngắn kiểu báo chí", "{{ r.document.date | ngay_ngan }}"),
    "ngay_so": ("ngày dạng số", "{{ r.document.date | ngay_so }}"),
    "ds": ("nối danh sách bằng dấu phẩy và “và”", '{{ ["Lào", "Campuchia", "Thái Lan"] | ds }}'),
    "la_ma": ("số La Mã", "{{ 12 | la_ma }}"),
    "so_2": ("số có hai chữ số", "{{ 7 | so_2 }}"),
    "hoa_dau": ("viết hoa chữ cái đầu", '{{ "ủy ban nhân dân" | hoa_dau }}'),
    "menh_de": ("một ý của người dùng đặt giữa câu", '{{ "Tăng cường tuyên truyền." | menh_de }}'),
    "cau": ("một ý thành một câu trọn vẹn", '{{ "tăng cường tuyên truyền;" | cau }}'),
    "noi": ("nhiều ý nối bằng dấu chấm phẩy", '{{ ["Làm tốt A.", "làm tốt B;"] | noi }}'),
}
