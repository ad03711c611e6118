"""The roll-up (``drafter rollup``, template ``tong-hop``): many units of one period in one Decree 30 report."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel
from support.docx_reading import (
    all_texts,
    assert_decree30_layout,
    cell_texts,
    open_docx,
    repeating_header_rows,
    table_has_all_borders,
)

from drafter import vnformat
from drafter.api import render_rollup, rollup_draft
from drafter.cli import cli
from drafter.facts.figures import SUMMED, value_at
from drafter.facts.rollup import build_rollup
from drafter.inputs import load_report
from drafter.inputs.model import Report
from drafter.plan.rollup import chart_rows
from drafter.vnformat import vietnamese_sort_key

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
#: The annual 2026 samples: two provinces and a ward (the roll-up picks by period).
#: Three annual 2026 samples with the figures a roll-up sums (population, quotas, militia).
ANNUAL_2026 = [SAMPLES / name for name in ("bac-ninh-2026.yaml", "gia-lai-2026.yaml", "phuong-an-khe-2026.yaml")]

def gia_lai_units() -> dict[str, list[str]]:
    """Names of the wards and communes of Gia Lai on the current map, by kind, in Vietnamese order."""
    from vietnam_provinces import Province, Ward

    (code,) = [p.code for p in Province.iter_all() if p.name in ("Gia Lai", "Tỉnh Gia Lai")]
    units: dict[str, list[str]] = {"phường": [], "xã": []}
    for ward in Ward.iter_all():
        if ward.province_code == code:
            kind = ward.division_type.value
            prefix = f"{kind[0].upper()}{kind[1:]} "  # "Phường ", "Xã "
            assert ward.name.startswith(prefix), ward.name
            units[kind].append(ward.name[len(prefix):])
    return {kind: sorted(names, key=vietnamese_sort_key) for kind, names in units.items()}


def communes(count: int = 100) -> list[Report]:
    """``count`` real communes and wards of Gia Lai built from the An Khê sample, each with its own figures.

    Every 3rd one is a ward while the province's 25 wards last, the others communes; every 7th one
    delivers fewer recruits than its quota, every 11th one more.
    """
    base = load_report(SAMPLES / "phuong-an-khe-2026.yaml").model_dump(mode="json")
    names = gia_lai_units()
    assert count <= len(names["phường"]) + len(names["xã"])
    reports = []
    for i in range(count):
        data = copy.deepcopy(base)
        kind = "phường" if i % 3 == 0 and names["phường"] else "xã"
        data["unit"]["name"] = names[kind].pop(0)
        data["unit"]["kind"] = kind
        data["unit"]["population"] = 20_000 + 137 * i
        quota = 30 + i % 25
        data["recruitment"]["quota"] = quota
        data["recruitment"]["delivered"] = quota - (1 + i % 3 if i % 7 == 0 else 0) + (1 if i % 11 == 0 else 0)
        data["recruitment"]["registered_age_17"] = 300 + i
        data["militia"]["strength"] = 300 + 3 * i
        data["militia"]["trained"] = 290 + 3 * i
        data["welfare"]["amount"] = 100_000_000 + 1_000_000 * i
        data["document"]["date"] = str(dt.date(2026, 12, 1) + dt.timedelta(days=i % 20))
        data["proposals"] = [f"Đề nghị hỗ trợ kinh phí sửa chữa nhà làm việc Ban CHQS {data['unit']['kind']}"] if i % 10 == 0 else []
        reports.append(Report.model_validate(data))
    return reports


def commune(name: str, quota: int | None, delivered: int | None, **recruitment) -> Report:
    data = load_report(SAMPLES / "phuong-an-khe-2026.yaml").model_dump(mode="json")
    data["unit"].update(name=name, kind="xã")
    data["recruitment"] = {"quota": quota, "delivered": delivered, **recruitment}
    data["proposals"] = []
    return Report.model_validate(data)


def data_table(doc):
    """The per-unit table: the bordered one whose header starts with "TT"."""
    found = [t for t in doc.tables if table_has_all_borders(t) and cell_texts(t)[0][0] == "TT"]
    assert len(found) == 1, "expected exactly one per-unit table"
    return found[0]


def text_of(docx_bytes: bytes) -> str:
    return "\n".join(all_texts(open_docx(docx_bytes)))


def media(docx_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("word/media/")}


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def samples_docx() -> bytes:
    return render_rollup(ANNUAL_2026, "docx")


@pytest.fixture(scope="module")
def hundred() -> list[Report]:
    return communes(100)


@pytest.fixture(scope="module")
def hundred_docx(hundred) -> bytes:
    return render_rollup(hundred, "docx")


@pytest.fixture(scope="module")
def hundred_text(hundred) -> str:
    return render_rollup(hundred, "txt")


# --------------------------------------------------------------- the samples


def test_the_annual_samples_of_2026_are_three_units():
    reports = [load_report(p) for p in ANNUAL_2026]
    assert {(r.period.year, r.period.span) for r in reports} == {(2026, "year")}


def test_samples_rollup_passes_every_decree30_rule(samples_docx):
    assert_decree30_layout(samples_docx)


def test_samples_table_has_a_row_per_unit_and_a_repeated_header(samples_docx):
    table = data_table(open_docx(samples_docx))
    rows = cell_texts(table)
    assert len(rows) == 1 + len(ANNUAL_2026) + 1
    assert repeating_header_rows(table) == [0]
    assert rows[0][:2] == ["TT", "Đơn vị"]
    assert [r[1] for r in rows[1:-1]] == ["Phường An Khê", "Tỉnh Bắc Ninh", "Tỉnh Gia Lai"]
    assert rows[-1][1] == "Tổng cộng"


def test_samples_totals_are_the_sums_of_the_inputs(samples_docx):
    reports = [load_report(p) for p in ANNUAL_2026]
    rows = cell_texts(data_table(open_docx(samples_docx)))
    header, total = rows[0], rows[-1]
    quota = sum(r.recruitment.quota for r in reports)
    delivered = sum(r.recruitment.delivered for r in reports)
    militia = sum(r.militia.strength for r in reports)
    assert total[header.index("Chỉ tiêu giao quân")] == vnformat.format_integer(quota)
    assert total[header.index("Số giao quân")] == vnformat.format_integer(delivered)
    assert total[header.index("Quân số DQTV")] == vnformat.format_integer(militia)
    overall = Decimal(delivered) * 100 / Decimal(quota)
    assert total[header.index("Tỷ lệ đạt (%)")] == vnformat.format_decimal(round(overall, 2))
    population = sum(r.unit.population for r in reports)
    share = Decimal(militia) * 100 / Decimal(population)
    assert total[header.index("Tỷ lệ DQTV so với dân số (%)")] == vnformat.format_decimal(round(share, 2))


def test_samples_name_the_ward_below_target(samples_docx):
    text = text_of(samples_docx)
    assert "Còn 1 đơn vị chưa đạt chỉ tiêu giao quân: phường An Khê (98,08%)" in text


def test_samples_mixing_a_province_with_its_ward_is_flagged():
    facts = build_rollup(load_report(p) for p in ANNUAL_2026)
    assert [p.code for p in facts.problems if p.code == "W536"] == ["W536"]
    assert "tỉnh Gia Lai" in next(p for p in facts.problems if p.code == "W536").render()


# ------------------------------------------------------------ 100 communes


def test_hundred_communes_pass_every_decree30_rule(hundred_docx):
    assert_decree30_layout(hundred_docx)


def test_hundred_communes_table(hundred, hundred_docx):
    table = data_table(open_docx(hundred_docx))
    rows = cell_texts(table)
    assert len(rows) == 1 + 100 + 1
    assert repeating_header_rows(table) == [0]
    assert [r[0] for r in rows[1:-1]] == [str(n) for n in range(1, 101)]
    names = [r[1] for r in rows[1:-1]]
    # Vietnamese alphabetical order (đ after d, tones second), by the unit's own name
    bare = [name.split(" ", 1)[1] for name in names]
    assert bare == sorted(bare, key=vietnamese_sort_key)
    assert len(set(names)) == 100


def test_hundred_communes_totals_equal_the_sums_of_the_inputs(hundred, hundred_docx):
    facts = build_rollup(hundred)
    for path in SUMMED:
        values = [value_at(r, path) for r in hundred if value_at(r, path) is not None]
        if values:
            assert facts.figures.values[path] == sum(values), path
            assert facts.figures.cover[path] == len(values)
    assert facts.figures.values["awards.collectives"] == sum(a.collectives for r in hundred for a in r.awards)
    rows = cell_texts(data_table(open_docx(hundred_docx)))
    header, total = rows[0], rows[-1]
    column = header.index("Số giao quân")
    assert total[column] == vnformat.format_integer(sum(r.recruitment.delivered for r in hundred))
    # and the total row is the sum of the rows above it, as printed
    printed = [int(r[column].replace(".", "")) for r in rows[1:-1]]
    assert vnformat.format_integer(sum(printed)) == total[column]


def test_hundred_communes_name_every_unit_below_target(hundred, hundred_text):
    below = [r for r in hundred if r.recruitment.delivered < r.recruitment.quota]
    assert below, "the generated set must have units below target"
    assert f"Còn {len(below)} đơn vị chưa đạt chỉ tiêu giao quân:" in hundred_text
    for report in below:
        rate = Decimal(report.recruitment.delivered) * 100 / Decimal(report.recruitment.quota)
        named = f"{report.unit.kind} {report.unit.name} ({vnformat.format_percent(round(rate, 2))})"
        assert named in hundred_text


def test_hundred_communes_masthead_is_the_provincial_command(hundred, hundred_text):
    # the parent line names the body, as its own recipients do (issue 10): "BỘ TƯ LỆNH QUÂN KHU 5"
    assert hundred_text.startswith("BỘ TƯ LỆNH QUÂN KHU 5\nBỘ CHỈ HUY QUÂN SỰ\nTỈNH GIA LAI\nSố:      /BC-BCH")
    latest = max(r.document.date for r in hundred)
    assert vnformat.format_place_date("Gia Lai", latest) in hundred_text
    assert "của các xã, phường thuộc tỉnh Gia Lai" in hundred_text
    assert "- Bộ Tư lệnh Quân khu 5;" in hundred_text


def test_hundred_communes_chart_is_embedded_and_deterministic(hundred, hundred_docx):
    images = media(hundred_docx)
    assert len(images) == 1
    png = next(iter(images.values()))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in png and b"matplotlib" not in png
    again = render_rollup(hundred, "docx")
    assert again == hundred_docx


def test_many_units_chart_shows_those_below_target(hundred):
    facts = build_rollup(hundred)
    rows, only_below = chart_rows(facts)
    assert only_below
    assert rows == sorted(facts.below, key=lambda row: (row.recruitment_rate, row.number))
    assert all(row.below_target for row in rows)


def test_identical_proposals_are_merged(hundred, hundred_text):
    lines = [line for line in hundred_text.splitlines() if "nhà làm việc Ban CHQS" in line]
    # one line per distinct proposal (the wards' and the communes'), naming every unit that made it
    assert [line.split(": ", 1)[1] for line in lines] == [
        "đề nghị hỗ trợ kinh phí sửa chữa nhà làm việc Ban CHQS phường.",
        "đề nghị hỗ trợ kinh phí sửa chữa nhà làm việc Ban CHQS xã."]
    assert lines[0].startswith("- Phường An Bình, phường Diên Hồng và phường Quy Nhơn Đông: ")
    for report in hundred:
        if report.proposals:
            assert f"{report.unit.kind} {report.unit.name}".lower() in "".join(lines).lower()


def test_every_figure_is_traced_to_the_inputs_or_a_recomputed_value(hundred, hundred_text):
    facts = build_rollup(hundred)
    forms: set[str] = set()

    def add(value) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, dt.date):
            forms.update(numbers(vnformat.format_date_nd30(value)))
        elif isinstance(value, (int, Decimal, float)):
            for formatter in (vnformat.format_integer, vnformat.format_decimal, vnformat.format_percent,
                              vnformat.format_money):
                try:
                    forms.update(numbers(formatter(value)))
                except (ValueError, TypeError, ArithmeticError):
                    pass

    def walk(model: BaseModel) -> None:
        for _, value in model:
            if isinstance(value, BaseModel):
                walk(value)
            elif isinstance(value, list):
                for item in value:
                    walk(item) if isinstance(item, BaseModel) else add(item)
            else:
                add(value)

    for report in hundred:
        walk(report)
    for value in [*facts.figures.values.values(), *facts.figures.derived.values()]:
        add(value)
    for c in facts.figures.changes.values():
        add(abs(c.difference))
        add(c.percent)
    for row in facts.rows:
        for value in row.figures.derived.values():
            add(value)
    for count in range(facts.count + 1):  # counts of units and row numbers
        add(count)
    forms.update(str(year) for year in (2025, 2026, 2027))  # the period, the one before and after
    unexplained = [n for n in numbers(hundred_text) if n not in forms]
    assert not unexplained, unexplained[:20]


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*%?", text)


def test_hundred_communes_text_is_clean(hundred_text):
    from drafter.checks.hygiene import (
        hygiene_problems,  # an ImportError is a failure, never a skip
    )

    assert "None" not in hundred_text
    problems = hygiene_problems(hundred_text)
    assert not problems, "\n".join(str(p) for p in problems)


# --------------------------------------------------------- rules of the sums


def test_the_overall_rate_is_recomputed_not_averaged():
    reports = [commune("Ia Grai", 10, 5), commune("Chư Sê", 90, 90), commune("Đak Pơ", 50, 50)]
    facts = build_rollup(reports)
    mean = sum(Decimal(r.recruitment.delivered * 100) / r.recruitment.quota for r in reports) / len(reports)
    assert round(mean, 2) == Decimal("83.33")
    assert facts.figures.derived["recruitment_rate"] == Decimal("96.67")  # 145 / 150
    text = render_rollup(reports, "txt")
    assert "đã giao 145/150 công dân nhập ngũ, đạt 96,67% tổng chỉ tiêu" in text
    assert "83,33" not in text


def test_rates_only_count_units_that_give_both_figures():
    reports = [commune("Ia Grai", 10, 9), commune("Chư Sê", None, 40), commune("Đak Pơ", 20, 20)]
    facts = build_rollup(reports)
    assert facts.figures.values["recruitment.delivered"] == 69
    assert facts.figures.values["recruitment.quota"] == 30
    assert facts.figures.derived["recruitment_rate"] == Decimal("96.67")  # 29 / 30, not 69 / 30
    assert facts.figures.basis["recruitment_rate"] == 2
    text = render_rollup(reports, "txt")
    assert "đạt 96,67% tổng chỉ tiêu (tính trên 2 đơn vị có đủ số liệu)" in text
    assert "Còn 1 đơn vị chưa báo cáo đủ chỉ tiêu và số giao quân: xã Chư Sê" in text
    rows = cell_texts(data_table(open_docx(render_rollup(reports))))
    assert ["1", "Xã Chư Sê", "-", "40", "-"] == rows[1][:5]


def test_a_breakdown_given_by_fewer_units_than_its_total_is_not_bracketed_as_the_totals():
    # samples: "146.915 đồng chí (gồm 1.240 dân quân thường trực, …)" where only Lâm Đồng (now 52.387)
    # broke its militia down, and "60 vụ, việc (gồm 9 vụ bão, lũ, …)" likewise
    reports = [load_report(SAMPLES / name) for name in ("gia-lai-2026.yaml", "lam-dong-2026.yaml")]
    text = render_rollup(reports, "txt")
    assert "đồng chí (gồm" not in text and "vụ, việc (gồm" not in text
    assert re.search(r"Tổng quân số dân quân tự vệ của các đơn vị là 100\.602 đồng chí[,;]", text), text
    assert re.search(r"lực lượng dân quân tự vệ tỉnh Lâm Đồng có 1\.238 dân quân thường trực, 15\.604 dân quân cơ "
                     r"động, 31\.789 dân quân tại chỗ và 3\.756 tự vệ\.", text), text
    assert re.search(r"Trong số các vụ, việc của tỉnh Lâm Đồng có 9 vụ bão, lũ, 7 vụ sạt lở đất và 3 vụ cháy\.",
                     text), text
    alone = render_rollup([reports[1], copy.deepcopy(reports[1]).model_copy(update={"unit": reports[0].unit})], "txt")
    assert re.search(r"đồng chí \(gồm 2\.476 dân quân thường trực", alone), alone  # both units break it down


def test_a_figure_only_one_unit_gives_is_said_of_that_unit():
    # "Các đơn vị đã tổ chức 9 hoạt động đối ngoại quốc phòng (số liệu của tỉnh Gia Lai)": a plural
    # subject for one unit's figure, and the unit named only in brackets
    reports = [load_report(SAMPLES / name) for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml", "lam-dong-2026.yaml")]
    text = render_rollup(reports, "txt")
    assert "Tỉnh Gia Lai đã tổ chức 9 hoạt động đối ngoại quốc phòng." in text, text
    assert "Trên địa bàn tỉnh Gia Lai xảy ra 412 vụ phạm pháp hình sự, giảm 24 vụ" in text, text
    assert "Tỉnh Gia Lai quản lý 1.824,5 ha đất quốc phòng." in text, text
    assert not re.search(r"\(số liệu của (tỉnh|xã|phường)", text), text
    # figures of two units keep the plural and the cover
    assert re.search(r"Các đơn vị đã huấn luyện cho [\d.]+ cán bộ, chiến sĩ dân quân tự vệ \(số liệu của 2/3 đơn vị\)",
                     text), text


def test_a_list_of_figures_says_how_many_units_give_each():
    reports = [load_report(SAMPLES / name) for name in ANNUAL_2026]
    text = render_rollup(reports, "txt")
    # group 1 comes from Bắc Ninh alone, group 2 from Bắc Ninh and Gia Lai
    assert re.search(r"6 cán bộ đối tượng 1 và 144 cán bộ đối tượng 2 đi bồi dưỡng [^.(]*"
                     r"\(số liệu của 1 đến 2 trong 3 đơn vị, tùy chỉ tiêu\)", text), text


def test_every_figure_of_a_sentence_counts_in_its_cover_and_a_total_rests_on_the_units_of_its_parts():
    reports = [load_report(SAMPLES / name) for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml", "lam-dong-2026.yaml")]
    text = render_rollup(reports, "txt")
    # remains abroad from Gia Lai and Lâm Đồng, on home ground from Gia Lai alone
    assert re.search(r"35 hài cốt liệt sĩ hy sinh ở nước ngoài và 6 hài cốt liệt sĩ trên địa bàn "
                     r"\(số liệu của 1 đến 2 trong 3 đơn vị, tùy chỉ tiêu\)", text), text
    # the total of the officers trained is the sum of two units' groups, not of three units
    assert re.search(r"Tổng số cán bộ được bồi dưỡng kiến thức quốc phòng và an ninh là 11\.802 người "
                     r"\(số liệu của 2/3 đơn vị\)", text), text
    # Lâm Đồng gave its responses and people, not its vehicles
    assert re.search(r"tham gia ứng phó 60 vụ, việc \(số liệu của 2 đến 3 trong 3 đơn vị, tùy chỉ tiêu\)", text), text


def test_when_every_unit_reached_its_quota_the_text_says_so():
    reports = [commune("Ia Grai", 10, 10), commune("Chư Sê", 40, 41), commune("Đak Pơ", 20, 20)]
    text = render_rollup(reports, "txt")
    assert "Cả 3 đơn vị đều hoàn thành chỉ tiêu giao quân, trong đó 1 đơn vị vượt chỉ tiêu." in text
    # 71 of 70: "vượt tổng chỉ tiêu 70 công dân" read as 70 more than asked
    assert "giao 71 công dân nhập ngũ trên tổng chỉ tiêu 70, đạt 101,43%, vượt chỉ tiêu" in text, text
    assert "chưa đạt chỉ tiêu giao quân" not in text


def test_one_unit_with_a_quota_is_named_not_counted_as_all():
    # "Tất cả 1 đơn vị có chỉ tiêu đều hoàn thành" was printed when one unit of three gave a quota
    for delivered in (10, 9):
        reports = [commune("Ia Grai", 10, delivered), commune("Chư Sê", None, None), commune("Đak Pơ", None, None)]
        text = render_rollup(reports, "txt")
        assert not re.search(r"(Tất cả|Cả) 1 đơn vị", text), text
        assert re.search(r"Chỉ tiêu giao quân được báo cáo ở 1 đơn vị: xã Ia Grai \((100|90)%\)\.", text), text


def test_no_chart_when_it_adds_nothing():
    two = [commune("Ia Grai", 10, 9), commune("Chư Sê", 40, 40)]
    assert media(render_rollup(two)) == {}
    same = [commune("Ia Grai", 10, 10), commune("Chư Sê", 40, 40), commune("Đak Pơ", 20, 20)]
    assert media(render_rollup(same)) == {}
    none = [commune("Ia Grai", None, None), commune("Chư Sê", None, None), commune("Đak Pơ", None, None)]
    draft = rollup_draft(none)
    assert not any(type(b).__name__ == "Image" for b in draft.blocks)


def test_a_chart_when_rates_differ():
    three = [commune("Ia Grai", 10, 9), commune("Chư Sê", 40, 40), commune("Đak Pơ", 20, 21)]
    data = render_rollup(three)
    assert len(media(data)) == 1
    assert_decree30_layout(data)
    assert "Hình 1. Tỷ lệ hoàn thành chỉ tiêu giao quân năm 2026 của các đơn vị" in text_of(data)


def test_vietnamese_order():
    names = ["Ea Kar", "Đak Pơ", "Dak Đoa", "Ân Phú", "An Phú", "Ayun Pa", "Ia Grai", "Ia Pa"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An Phú", "Ayun Pa", "Ân Phú", "Dak Đoa", "Đak Pơ", "Ea Kar", "Ia Grai", "Ia Pa"]


def test_rollup_settings_replace_what_is_derived():
    settings = {"issuing_agency": "Bộ Chỉ huy Quân sự tỉnh Gia Lai", "number": 7, "date": "2026-12-28",
                "signer": {"rank": "Đại tá", "name": "Nguyễn Văn An", "position": "Phó Chỉ huy trưởng"},
                "recipients": ["Bộ Tư lệnh Quân khu 5"], "archive": "VT, TM"}
    reports = [commune("Ia Grai", 10, 9), commune("Chư Sê", 40, 40), commune("Đak Pơ", 20, 21)]
    data = render_rollup(reports, settings=settings)
    assert_decree30_layout(data)
    text = text_of(data)
    for expected in ("Số: 07/BC-BCH", "Gia Lai, ngày 28 tháng 12 năm 2026", "KT. CHỈ HUY TRƯỞNG",
                     "PHÓ CHỈ HUY TRƯỞNG", "Đại tá Nguyễn Văn An", "- Lưu: VT, TM."):
        assert expected in text


def test_units_of_several_provinces_get_a_generic_masthead_to_fill_in(samples_docx):
    facts = build_rollup(load_report(p) for p in ANNUAL_2026)
    assert facts.scope_noun == "đơn vị" and "cơ quan ban hành" in facts.issuer.blanks
    assert "W538" in [p.code for p in facts.problems]
    text = text_of(samples_docx)
    assert "[TÊN CƠ QUAN BAN HÀNH]" in text and "[Họ và tên]" in text
    assert facts.date == max(load_report(p).document.date for p in ANNUAL_2026)


def test_provinces_of_one_military_region_are_rolled_up_by_its_command():
    base = load_report(SAMPLES / "gia-lai-2026.yaml").model_dump(mode="json")
    reports = []
    for name in ("Gia Lai", "Đắk Lắk", "Quảng Ngãi"):
        data = copy.deepcopy(base)
        data["unit"]["name"] = name
        reports.append(Report.model_validate(data))
    facts = build_rollup(reports)
    assert (facts.issuer.agency, facts.issuer.parent, facts.issuer.code) == (
        "Bộ Tư lệnh Quân khu 5", "Bộ Quốc phòng", "BTL")
    assert facts.scope_noun == "tỉnh thuộc Quân khu 5"


def test_rendering_the_rollup_pack_for_one_report_points_to_the_rollup_command(tmp_path):
    result = CliRunner().invoke(cli, ["render", str(SAMPLES / "gia-lai-2026.yaml"), "-t", "tong-hop",
                                      "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1
    assert "drafter rollup" in result.output
    assert not (tmp_path / "x.docx").exists()


# ----------------------------------------------------------------------- CLI


@pytest.fixture
def runner():
    return CliRunner()


def test_cli_rolls_up_a_folder(runner, tmp_path):
    folder = tmp_path / "xa"
    (folder / "cum-1").mkdir(parents=True)
    for n, report in enumerate(communes(5)):
        target = folder / ("cum-1" if n % 2 else "") / f"xa-{n}.yaml"
        target.write_text(_yaml(report), encoding="utf-8")
    out = tmp_path / "tong-hop.docx"
    result = runner.invoke(cli, ["rollup", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi" in result.output and "5 đơn vị" in result.output
    assert_decree30_layout(out.read_bytes())
    assert len(cell_texts(data_table(open_docx(out.read_bytes())))) == 1 + 5 + 1


def test_cli_prints_markdown(runner):
    result = runner.invoke(cli, ["rollup", *map(str, ANNUAL_2026), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "| TT | Đơn vị |" in result.output
    assert "W536" in result.output  # the warning goes to stderr, which CliRunner mixes in


def test_cli_config_file_and_options(runner, tmp_path):
    config = tmp_path / "tong-hop.yaml"
    config.write_text("issuing_agency: Bộ Chỉ huy Quân sự tỉnh Gia Lai\nparent_agency: Quân khu 5\n"
                      "signer:\n  name: Nguyễn Văn An\n  rank: Đại tá\n", encoding="utf-8")
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", *map(str, ANNUAL_2026), "-c", str(config), "--place", "Gia Lai",
                                 "--number", "12", "--date", "2026-12-30", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = text_of(out.read_bytes())
    assert "BỘ CHỈ HUY QUÂN SỰ" in text and "Số: 12/BC-BCH" in text and "CHỈ HUY TRƯỞNG" in text
    assert "Gia Lai, ngày 30 tháng 12 năm 2026" in text and "Đại tá Nguyễn Văn An" in text
    assert "W538" not in result.output


def test_cli_bad_config_key_is_located_and_suggested(runner, tmp_path):
    config = tmp_path / "tong-hop.yaml"
    config.write_text("issuing_agency: Bộ Chỉ huy Quân sự tỉnh Gia Lai\nsigner_name: Nguyễn Văn An\n",
                      encoding="utf-8")
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", *map(str, ANNUAL_2026), "-c", str(config), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{config}:2:1: lỗi E206" in result.output and "“signer”" in result.output
    assert not out.exists()


def test_cli_refuses_to_mix_periods_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", str(SAMPLES / "gia-lai-2026.yaml"),
                                 str(SAMPLES / "gia-lai-2026-6-thang.yaml"), str(SAMPLES / "bac-ninh-2026.yaml"),
                                 "-o", str(out)])
    assert result.exit_code == 1
    assert "E532" in result.output and "không cùng kỳ" in result.output
    assert "6 tháng đầu năm 2026" in result.output and "gia-lai-2026-6-thang.yaml" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_unit_given_twice_naming_both_files(runner, tmp_path):
    copy_path = tmp_path / "an-khe-ban-sao.yaml"
    copy_path.write_text((SAMPLES / "phuong-an-khe-2026.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", str(SAMPLES / "phuong-an-khe-2026.yaml"), str(copy_path),
                                 str(SAMPLES / "gia-lai-2026.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "E533" in result.output and "phường An Khê, tỉnh Gia Lai có số liệu ở hai nơi" in result.output
    assert "phuong-an-khe-2026.yaml" in result.output and "an-khe-ban-sao.yaml" in result.output
    assert not out.exists()


def test_one_unit_typed_with_the_old_and_the_new_tone_placement_is_still_given_twice(runner, tmp_path):
    # "Hòa" and "Hoà" are one name on the map: summed as two units, its figures counted twice
    text = (SAMPLES / "phuong-an-khe-2026.yaml").read_text(encoding="utf-8")
    old, new = tmp_path / "hoa-cu.yaml", tmp_path / "hoa-moi.yaml"
    old.write_text(text.replace("name: An Khê ", "name: Hòa Khánh ", 1).replace("province: Gia Lai", "province: Đà Nẵng", 1),
                   encoding="utf-8")
    new.write_text(old.read_text(encoding="utf-8").replace("Hòa Khánh", "Hoà  Khánh", 1), encoding="utf-8")
    assert "Hòa Khánh" in old.read_text(encoding="utf-8") and "Hoà  Khánh" in new.read_text(encoding="utf-8")
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", str(old), str(new), str(SAMPLES / "gia-lai-2026.yaml"), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "E533" in result.output and "hoa-cu.yaml" in result.output and "hoa-moi.yaml" in result.output
    assert not out.exists()


def test_cli_same_file_named_twice_is_read_once(runner, tmp_path):
    for report in communes(3):
        (tmp_path / f"{report.unit.name}.yaml").write_text(_yaml(report), encoding="utf-8")
    one = next(tmp_path.glob("*.yaml"))
    result = runner.invoke(cli, ["rollup", str(tmp_path), str(one), "--format", "txt"])
    assert result.exit_code == 0, result.output
    assert "E533" not in result.output
    assert "Căn cứ báo cáo tổng kết công tác quốc phòng, quân sự địa phương năm 2026 của 3 xã, phường" in result.output


def test_cli_bad_input_file_exits_1(runner, tmp_path):
    bad = tmp_path / "xa-loi.yaml"
    bad.write_text("unit:\n  name: Ia Grai\n  kind: xã\n", encoding="utf-8")
    out = tmp_path / "th.docx"
    result = runner.invoke(cli, ["rollup", str(bad), str(SAMPLES / "gia-lai-2026.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "E200" in result.output
    assert not out.exists()


def test_cli_empty_folder_and_wrong_file_type(runner, tmp_path):
    (tmp_path / "trong").mkdir()
    (tmp_path / "ghi-chu.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["rollup", str(tmp_path / "trong"), str(tmp_path / "ghi-chu.txt"), "--format", "txt"])
    assert result.exit_code == 1
    assert "E530" in result.output and "E531" in result.output


def test_cli_refuses_to_overwrite_without_force(runner, tmp_path):
    out = tmp_path / "th.docx"
    out.write_bytes(b"old")
    args = ["rollup", *map(str, ANNUAL_2026), "-o", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1 and "E501" in result.output
    assert out.read_bytes() == b"old"
    assert runner.invoke(cli, args + ["--force"]).exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_cli_docx_needs_an_output(runner):
    result = runner.invoke(cli, ["rollup", *map(str, ANNUAL_2026)])
    assert result.exit_code == 2


def test_help_lists_rollup(runner):
    result = runner.invoke(cli, ["--help"])
    assert "rollup" in result.output
    result = runner.invoke(cli, ["rollup", "--help"])
    assert result.exit_code == 0 and "--config" in result.output


def test_excel_workbook_rows_are_units(tmp_path):
    try:
        from drafter.api import write_workbook
    except ImportError:  # the Excel reader is maintained separately
        pytest.skip("drafter.inputs.excel is not available")
    book = tmp_path / "so-lieu.xlsx"
    reports = communes(4)
    write_workbook(book, reports)
    facts = build_rollup(_sources(book))
    assert facts.count == 4
    assert facts.figures.values["recruitment.quota"] == sum(r.recruitment.quota for r in reports)


def _sources(*items):
    from drafter.inputs.sources import load_sources

    sources, problems = load_sources(items)
    assert not [p for p in problems if p.is_error], [p.render() for p in problems]
    return sources


def _yaml(report: Report) -> str:
    import json

    # JSON is YAML: a generated unit written as a file, as an office would keep it
    return json.dumps(report.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=1)
