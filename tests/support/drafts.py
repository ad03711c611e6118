"""Drafts built by hand for layout tests: a realistic three-page report with every kind of block."""

from __future__ import annotations

import struct
import zlib

from drafter.document import (
    Draft,
    Heading,
    Image,
    Masthead,
    Paragraph,
    Signature,
    Table,
)

LEAD = (
    "Năm 2026, dưới sự lãnh đạo, chỉ đạo trực tiếp của Đảng ủy Quân khu, Bộ Tư lệnh Quân khu 5, "
    "Thường trực Tỉnh ủy, Ủy ban nhân dân tỉnh, Bộ Chỉ huy Quân sự tỉnh đã tham mưu, phối hợp chặt chẽ "
    "với các sở, ban, ngành, địa phương triển khai thực hiện toàn diện các nhiệm vụ quốc phòng, quân sự "
    "địa phương; duy trì nghiêm chế độ trực sẵn sàng chiến đấu, bảo đảm an toàn các mục tiêu, địa bàn trọng điểm."
)
RECRUIT = (
    "Công tác tuyển chọn và gọi công dân nhập ngũ được triển khai đúng quy trình, công khai, dân chủ; toàn tỉnh "
    "đã giao 2.847 công dân nhập ngũ, đạt 100% chỉ tiêu, trong đó đảng viên chiếm 1,66%; đăng ký nghĩa vụ quân sự "
    "cho 14.605 công dân trong độ tuổi 17, đạt 0,89% so với dân số."
)


def png(width: int = 60, height: int = 30) -> bytes:
    """A small solid-colour PNG, built by hand."""
    raw = b"".join(b"\x00" + bytes((30, 60, 200)) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


MASTHEAD = Masthead(
    parent_agency="Quân khu 5",
    issuing_agency="Bộ Chỉ huy Quân sự tỉnh Gia Lai",
    number="Số: 05/BC-BCH",
    place_date="Gia Lai, ngày 05 tháng 12 năm 2026",
    doc_type="Báo cáo",
    summary="Tổng kết công tác quốc phòng, quân sự địa phương năm 2026; phương hướng, nhiệm vụ năm 2027",
    signature=Signature(lines=("KT. CHỈ HUY TRƯỞNG", "Phó Chỉ huy trưởng"), signer="Đại tá Nguyễn Văn An"),
    recipients=("Bộ Tư lệnh Quân khu 5", "Thường trực Tỉnh ủy", "UBND tỉnh", "Lưu: VT, BCH"),
)

UNITS = Table(
    header=("TT", "Đơn vị", "Chỉ tiêu", "Đã giao", "Tỷ lệ"),
    rows=tuple((str(i), f"Xã Ia {name}", "120", "120", "100%") for i, name in
               enumerate(("Grai", "Hrung", "Krái", "Dơk", "Tô", "Pếch"), start=1)),
    widths=(0.6, 3, 1.2, 1.2, 1),
)


def report(**changes) -> Draft:
    """A realistic annual report, long enough for three pages."""
    blocks = [
        Heading("part", "Phần I", "Kết quả thực hiện nhiệm vụ"),
        Heading("roman", "I.", "Công tác lãnh đạo, chỉ đạo"),
        Paragraph(LEAD),
        Heading("arabic", "1.", "Công tác sẵn sàng chiến đấu"),
        Paragraph(LEAD),
        Heading("letter", "a)", "Ưu điểm"),
        Paragraph(LEAD + " " + LEAD),
        Heading("arabic", "2.", "Tuyển chọn và gọi công dân nhập ngũ"),
        Paragraph(RECRUIT),
        UNITS,
        Paragraph(RECRUIT),
        Heading("part", "Phần II", "Phương hướng, nhiệm vụ năm 2027"),
        *[Paragraph(LEAD) for _ in range(6)],
        Image(png(), caption="Hình 1. Kết quả tuyển quân năm 2026"),
        Paragraph(RECRUIT),
    ]
    fields = {"blocks": tuple(blocks), "masthead": MASTHEAD, "title": "Báo cáo tổng kết năm 2026",
              "author": "Bộ CHQS tỉnh Gia Lai"}
    fields.update(changes)
    return Draft(**fields)
