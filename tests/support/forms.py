"""Word forms as an office would make them in Word, built with python-docx."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.shared import Cm


def png(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small solid PNG, written by hand so that a test needs no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def build_form(path: Path, body: list[str] | None = None, header: str = "{{ unit.command_full }}",
               footer: str = "Báo cáo {{ period.name }}", cell: str = "{{ a.giver }}",
               picture: bytes | None = None) -> Path:
    """A form as an office would make it in Word, built with python-docx.

    ``body`` replaces the default paragraphs; each item is one paragraph, and an
    item given as a list is written as that many runs (Word splits tags so).
    ``picture`` (PNG bytes) is put above the masthead, as an office puts its emblem.
    """
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    if picture is not None:
        document.add_paragraph().add_run().add_picture(io.BytesIO(picture), width=Cm(1.5))
    masthead = document.add_table(rows=2, cols=2)  # cơ quan | quốc hiệu
    masthead.cell(0, 0).text = "{{ unit.committee_full | upper }}"
    masthead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    masthead.cell(1, 0).text = "Số:      /BC-{{ facts.issuer_code }}"
    masthead.cell(1, 1).text = "{{ facts.place }}, {{ r.document.date | ngay }}"
    paragraphs = body if body is not None else [
        "Đơn vị: {{ unit.full }}.",
        "Giao quân {{ r.recruitment.delivered | so }} công dân, đạt {{ d.recruitment_rate | phan_tram }} chỉ tiêu.",
        "Tên: {{ unit.name | default(“không rõ”) }}; kỳ: {{ “Tổng kết” }} {{ period.name }}.",
        ["Tách: {{ unit.", "full }} và {{ r.recru", "itment.delivered | s", "o }}."],
    ]
    for item in paragraphs:
        paragraph = document.add_paragraph()
        for run in item if isinstance(item, list) else [item]:
            paragraph.add_run(run)
    awards = document.add_table(rows=4, cols=3)
    for c, title in enumerate(("Cấp khen", "Tập thể", "Cá nhân")):
        awards.cell(0, c).text = title
    awards.cell(1, 0).text = "{%tr for a in r.awards %}"
    awards.cell(2, 0).text = cell
    awards.cell(2, 1).text = "{{ a.collectives | so }}"
    awards.cell(2, 2).text = "{{ a.individuals | so }}"
    awards.cell(3, 0).text = "{%tr endfor %}"
    document.save(path)
    return path
