"""Every rule of DOMAIN.md section 5 (Decree 30/2020/NĐ-CP, Appendix I) checked on a .docx at once."""

from __future__ import annotations

import re
import unicodedata

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from support.docx_sections import (
    first_page_header_is_empty,
    page_field_in_header,
    page_field_paragraphs,
    section_geometry,
    title_page,
)
from support.docx_styles import (
    TWIPS_PER_MM,
    ParagraphFormat,
    RunInfo,
    W,
    document_default_fonts,
    estimate_text_width_pt,
    first_attr,
    has_bottom_border,
    paragraph_format,
    paragraph_runs,
    rule_length_twips,
    styles_of,
    text_runs,
)
from support.docx_tables import (
    cell_content_width_twips,
    column_cells,
    column_paragraphs,
    table_column_count,
    table_column_twips,
    table_has_no_borders,
)
from support.docx_walk import (
    all_paragraphs,
    body_blocks,
    closing_table,
    header_table,
    open_docx,
    run_fonts,
)

# --- Decree 30 ---------------------------------------------------------------------------

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
#: A date, or the blank of a draft not yet signed ("Nam Định, ngày     tháng     năm 2023").
PLACE_DATE = re.compile(r"^.+, (ngày \d{2} tháng \d{1,2} năm|ngày {5}tháng {5}năm) \d{4}$")
NUMBER = re.compile(r"^Số:\s*[^\s/]*\s*/\S+$")
PART_LABEL = re.compile(r"^Phần\s+[IVXLCDM]+\.?$")
ROMAN = re.compile(r"^[IVXLCDM]+\.\s")
ARABIC = re.compile(r"^\d+(\.\d+)*\.\s")
LETTER = re.compile(r"^[a-zđ]\)\s")
TYPED_RULE = re.compile(r"_{3,}")


class _Check:
    """Collects broken rules; raises them all at the end."""

    def __init__(self):
        self.failures: list[str] = []

    def that(self, ok: bool, rule: str, message: str) -> bool:
        if not ok:
            self.failures.append(f"[{rule}] {message}")
        return ok

    def done(self) -> None:
        if self.failures:
            raise AssertionError("Decree 30 layout broken:\n" + "\n".join(self.failures))


def _nonempty(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


def _is_caps(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def _runs_ok(check: _Check, rule: str, p: Paragraph, doc, *, sizes: tuple[float, float],
             bold: bool | None = None, italic: bool | None = None) -> None:
    runs = text_runs(p, doc)
    check.that(bool(runs), rule, f"{p.text!r} has no text run")
    for r in runs:
        check.that(sizes[0] <= r.size_pt <= sizes[1], rule,
                   f"{r.text!r} is {r.size_pt:g} pt, expected {sizes[0]:g}–{sizes[1]:g}")
        if bold is not None:
            check.that(r.bold == bold, rule, f"{r.text!r} should {'' if bold else 'not '}be bold")
        if italic is not None:
            check.that(r.italic == italic, rule, f"{r.text!r} should {'' if italic else 'not '}be italic")


def _rule_after(paragraphs: list[Paragraph], index: int, doc) -> Paragraph | None:
    """The paragraph drawing the rule under ``paragraphs[index]``: itself or the empty one after it."""
    if has_bottom_border(paragraphs[index], doc):
        return paragraphs[index]
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    if following is not None and not following.text.strip() and has_bottom_border(following, doc):
        return following
    return None


def _check_rule_length(check: _Check, rule: str, rule_p: Paragraph, container: int, text_twips: float,
                       low: float, high: float, doc) -> None:
    length = rule_length_twips(rule_p, container, doc)
    ratio = length / text_twips if text_twips else 0
    check.that(low <= ratio <= high, rule,
               f"rule is {length / TWIPS_PER_MM:.1f} mm, {ratio:.2f} of the text; expected {low:.2f}–{high:.2f}")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def assert_decree30_layout(data) -> None:
    """Assert every rule of DOMAIN.md section 5 on a .docx (bytes, path or Document).

    Raises AssertionError listing each broken rule as "[rule] what is wrong".
    """
    doc = open_docx(data)
    check = _Check()
    _check_page(check, doc)
    _check_fonts(check, doc)
    blocks = body_blocks(doc)
    elements = [b._element for b in blocks]
    opening, closing = header_table(doc), closing_table(doc)
    if check.that(opening is not None, "header table",
                  "the document must open with the two-column header table"):
        _check_header_table(check, doc, opening)
    if check.that(closing is not None, "closing table",
                  "no closing table with \"Nơi nhận:\" in its left column"):
        _check_closing_table(check, doc, closing)
    if opening is not None:
        end = elements.index(closing._element) if closing is not None else len(blocks)
        _check_title_and_body(check, doc, blocks[elements.index(opening._element) + 1:end])
    _check_page_numbers(check, doc)
    for where, p in all_paragraphs(doc):
        check.that(not TYPED_RULE.search(p.text), "no typed rules",
                   f"typed underscores in {where}: {p.text!r}")
    check.done()


def _check_page(check: _Check, doc) -> None:
    for n, section in enumerate(doc.sections):
        g = section_geometry(section)
        check.that(abs(g.page_width - 210) <= 1 and abs(g.page_height - 297) <= 1, "page size",
                   f"section {n} is {g.page_width:.0f}x{g.page_height:.0f} mm, not A4 portrait")
        for name, value, low, high in (("top", g.top, 20, 25), ("bottom", g.bottom, 20, 25),
                                       ("left", g.left, 30, 35), ("right", g.right, 15, 20)):
            # exactly: 850 twips (14,99 mm) is under 15 mm, however close
            check.that(low <= value <= high, "margins", f"{name} margin is {value:.3f} mm, expected {low}–{high}")


def _check_fonts(check: _Check, doc) -> None:
    defaults = document_default_fonts(doc)
    check.that(all(f == "Times New Roman" for f in defaults), "font",
               f"document defaults use {defaults}, not Times New Roman in all four slots")
    for r in run_fonts(doc):
        if not check.that(all(f == "Times New Roman" for f in r.fonts), "font",
                          f"run {r.text[:40]!r} in {r.where} uses {r.fonts}"):
            break
    for r in run_fonts(doc):
        if not check.that(r.color in (None, "auto", "000000"), "black text",
                          f"run {r.text[:40]!r} is coloured {r.color}"):
            break


def _check_header_table(check: _Check, doc, table: Table) -> None:
    rule = "header table"
    check.that(table_column_count(table) == 2, rule, f"{table_column_count(table)} columns, expected 2")
    check.that(table_has_no_borders(table), rule, "the header table must have no borders")
    text_width = section_geometry(doc.sections[0]).text_width_twips
    width = sum(table_column_twips(table))
    check.that(abs(width - text_width) <= 0.05 * text_width, rule,
               f"table is {width / TWIPS_PER_MM:.0f} mm wide, text width is {text_width / TWIPS_PER_MM:.0f} mm")
    if table_column_count(table) != 2:
        return
    _check_header_left(check, doc, table)
    _check_header_right(check, doc, table)


def _container(table: Table, column: int, paragraph: Paragraph) -> int:
    for tc in column_cells(table, column):
        if paragraph._p in list(tc.iterchildren(qn("w:p"))):
            return cell_content_width_twips(table, tc)
    return cell_content_width_twips(table, column_cells(table, column)[0])


def _check_header_left(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 0)
    texts = [p.text.strip() for p in paragraphs]
    number_i = next((i for i, t in enumerate(texts) if t.startswith("Số")), None)
    if check.that(number_i is not None, "number", "no \"Số:\" line in the left column of the header"):
        p = paragraphs[number_i]
        check.that(bool(NUMBER.match(_nfc(p.text))), "number", f"{p.text!r} is not \"Số: 05/BC-BCH\"")
        _runs_ok(check, "number", p, doc, sizes=(13, 13), italic=False)
    agency_lines = [i for i, t in enumerate(texts) if t and (number_i is None or i < number_i)]
    issuer_i = next((i for i in agency_lines if text_runs(paragraphs[i], doc)
                     and all(r.bold for r in text_runs(paragraphs[i], doc))), None)
    if not check.that(issuer_i is not None, "issuing agency", "no bold issuing agency in the header"):
        return
    issuer = paragraphs[issuer_i]
    check.that(_is_caps(issuer.text), "issuing agency", f"{issuer.text!r} is not in capitals")
    check.that(paragraph_format(issuer, doc).alignment == "center", "issuing agency", "not centred")
    _runs_ok(check, "issuing agency", issuer, doc, sizes=(12, 13), bold=True)
    for i in agency_lines:
        if i < issuer_i:
            parent = paragraphs[i]
            check.that(_is_caps(parent.text), "parent agency", f"{parent.text!r} is not in capitals")
            _runs_ok(check, "parent agency", parent, doc, sizes=(12, 13), bold=False, italic=False)
    rule_p = _rule_after(paragraphs, issuer_i, doc)
    if check.that(rule_p is not None, "issuing agency rule", "no rule (bottom border) under the issuing agency"):
        container = _container(table, 0, rule_p)
        size = text_runs(issuer, doc)[0].size_pt
        # measured against the longest printed line: agency names are broken by hand ("ỦY BAN NHÂN DÂN / TỈNH …")
        longest = max(estimate_text_width_pt(part.strip(), size, True) for part in issuer.text.split("\n"))
        line = min(longest * 20, container)
        _check_rule_length(check, "issuing agency rule", rule_p, container, line, 0.28, 0.6, doc)


def _check_header_right(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 1)
    texts = [_nfc(p.text) for p in paragraphs]
    if check.that(QUOC_HIEU in texts, "quoc hieu", f"no {QUOC_HIEU!r} in the right column"):
        p = paragraphs[texts.index(QUOC_HIEU)]
        _runs_ok(check, "quoc hieu", p, doc, sizes=(12, 13), bold=True)
        check.that(paragraph_format(p, doc).alignment == "center", "quoc hieu", "not centred")
    if check.that(TIEU_NGU in texts, "tieu ngu", f"no {TIEU_NGU!r} in the right column"):
        i = texts.index(TIEU_NGU)
        p = paragraphs[i]
        _runs_ok(check, "tieu ngu", p, doc, sizes=(13, 14), bold=True)
        check.that(paragraph_format(p, doc).alignment == "center", "tieu ngu", "not centred")
        check.that(QUOC_HIEU not in texts or texts.index(QUOC_HIEU) < i, "tieu ngu", "must follow the Quốc hiệu")
        rule_p = _rule_after(paragraphs, i, doc)
        if check.that(rule_p is not None, "tieu ngu rule", "no rule (bottom border) under the Tiêu ngữ"):
            size = text_runs(p, doc)[0].size_pt
            _check_rule_length(check, "tieu ngu rule", rule_p, _container(table, 1, rule_p),
                               estimate_text_width_pt(TIEU_NGU, size, True) * 20, 0.85, 1.2, doc)
    dates = [p for p, t in zip(paragraphs, texts) if PLACE_DATE.match(t)]
    if check.that(len(dates) == 1, "place and date",
                  "no line like \"Gia Lai, ngày 05 tháng 12 năm 2026\" in the right column"):
        _runs_ok(check, "place and date", dates[0], doc, sizes=(13, 14), italic=True)
        check.that(texts.index(_nfc(dates[0].text)) > texts.index(TIEU_NGU) if TIEU_NGU in texts else True,
                   "place and date", "must come under the Tiêu ngữ")


def _check_title_and_body(check: _Check, doc, blocks: list) -> None:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    texts = [p.text.strip() for p in paragraphs]
    filled = [i for i, t in enumerate(texts) if t]
    if not check.that(len(filled) >= 2, "document type", "no document type and trích yếu after the header"):
        return
    kind = paragraphs[filled[0]]
    check.that(_is_caps(kind.text), "document type", f"{kind.text!r} is not in capitals")
    check.that(paragraph_format(kind, doc).alignment == "center", "document type", "not centred")
    _runs_ok(check, "document type", kind, doc, sizes=(13, 14), bold=True)
    summary_i = filled[1]
    summary = paragraphs[summary_i]
    check.that(paragraph_format(summary, doc).alignment == "center", "summary", "trích yếu not centred")
    _runs_ok(check, "summary", summary, doc, sizes=(13, 14), bold=True)
    rule_p = _rule_after(paragraphs, summary_i, doc)
    text_width = section_geometry(doc.sections[0]).text_width_twips
    if check.that(rule_p is not None, "summary rule", "no short rule under the trích yếu"):
        size = text_runs(summary, doc)[0].size_pt if text_runs(summary, doc) else 14
        line = min(estimate_text_width_pt(summary.text.strip(), size, True) * 20, text_width)
        _check_rule_length(check, "summary rule", rule_p, text_width, line, 0.25, 0.62, doc)
    start = paragraphs.index(rule_p) + 1 if rule_p is not None else summary_i + 1
    body = [p for p in paragraphs[start:] if p.text.strip()]
    check.that(bool(body), "body", "the body is empty")
    for n, p in enumerate(body):
        _check_body_paragraph(check, doc, p, body[n + 1] if n + 1 < len(body) else None)


def _heading_kind(text: str) -> str | None:
    text = _nfc(text)
    if PART_LABEL.match(text):
        return "part"
    if text.endswith((".", ";", "!", "?")) or len(text) > 200:
        return None
    for kind, pattern in (("roman", ROMAN), ("arabic", ARABIC), ("letter", LETTER)):
        if pattern.match(text):
            return kind
    return None


def _check_body_paragraph(check: _Check, doc, p: Paragraph, following: Paragraph | None) -> None:
    fmt = paragraph_format(p, doc)
    runs = text_runs(p, doc)
    for r in runs:
        check.that(13 <= r.size_pt <= 14, "body", f"{r.text[:40]!r} is {r.size_pt:g} pt, expected 13–14")
    kind = _heading_kind(p.text)
    if kind == "part":
        check.that(all(r.bold for r in runs) and fmt.alignment == "center", "headings",
                   f"{p.text!r} must be bold and centred")
        if check.that(following is not None, "headings", f"{p.text!r} has no title on the next line"):
            title_runs = text_runs(following, doc)
            check.that(_is_caps(following.text) and all(r.bold for r in title_runs), "headings",
                       f"part title {following.text!r} must be bold capitals")
            check.that(paragraph_format(following, doc).alignment == "center", "headings",
                       f"part title {following.text!r} must be centred")
        return
    if kind == "roman":
        check.that(_is_caps(p.text) and all(r.bold for r in runs), "headings",
                   f"{p.text!r} must be bold capitals")
        return
    if kind == "arabic":
        check.that(all(r.bold for r in runs), "headings", f"{p.text!r} must be bold")
        return
    if kind == "letter":
        check.that(not any(r.italic for r in runs), "headings", f"{p.text!r} must be upright")
        return
    if fmt.alignment == "center" or (runs and all(r.bold for r in runs)):
        return  # a part title, a caption or a centred line: not running text
    _check_running_text(check, p, fmt, runs)


def _check_running_text(check: _Check, p: Paragraph, fmt: ParagraphFormat, runs: list[RunInfo]) -> None:
    where = f"{p.text[:40]!r}"
    check.that(fmt.alignment in ("both", "distribute"), "body", f"{where} is not justified ({fmt.alignment})")
    check.that(0.97 <= fmt.first_line_cm <= 1.3, "body",
               f"{where} first-line indent is {fmt.first_line_cm:.2f} cm, expected 1–1.27")
    check.that(fmt.space_after_pt >= 6 - 0.01 or fmt.space_before_pt >= 6 - 0.01, "body",
               f"{where} has {fmt.space_after_pt:g} pt after, expected at least 6")
    if fmt.line_multiple is not None:
        check.that(1 - 0.01 <= fmt.line_multiple <= 1.5 + 0.01, "body",
                   f"{where} line spacing is {fmt.line_multiple:.2f}, expected 1–1.5")
    elif fmt.line_pt is not None and runs:
        size = runs[0].size_pt
        check.that(size <= fmt.line_pt <= size * 1.15 * 1.5 + 0.5, "body",
                   f"{where} line height is {fmt.line_pt:g} pt for {size:g} pt text, expected single to 1.5")


def _check_closing_table(check: _Check, doc, table: Table) -> None:
    rule = "closing table"
    check.that(table_column_count(table) == 2, rule, f"{table_column_count(table)} columns, expected 2")
    check.that(table_has_no_borders(table), rule, "the closing table must have no borders")
    if table_column_count(table) != 2:
        return
    left = _nonempty(column_paragraphs(table, 0))
    label_i = next((i for i, p in enumerate(left) if p.text.strip().startswith("Nơi nhận")), 0)
    label = left[label_i]
    check.that(label.text.strip() == "Nơi nhận:", "recipients label", f"{label.text!r} is not \"Nơi nhận:\"")
    _runs_ok(check, "recipients label", label, doc, sizes=(12, 12), bold=True, italic=True)
    recipients = left[label_i + 1:]
    if check.that(bool(recipients), "recipients", "no recipient under \"Nơi nhận:\""):
        for n, p in enumerate(recipients):
            text, last = _nfc(p.text), n == len(recipients) - 1
            _runs_ok(check, "recipients", p, doc, sizes=(11, 11), italic=False)
            check.that(text.startswith("- "), "recipients", f"{text!r} must start with \"- \"")
            check.that(text.endswith("." if last else ";"), "recipients",
                       f"{text!r} must end with {'.' if last else ';'!r}")
        check.that(_nfc(recipients[-1].text).startswith("- Lưu:"), "recipients",
                   f"the last recipient {recipients[-1].text!r} must be \"- Lưu: …\"")
    _check_signature(check, doc, table)


def _check_signature(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 1)
    filled = [i for i, p in enumerate(paragraphs) if p.text.strip()]
    if not check.that(len(filled) >= 2, "signature", "the signature needs an authority line and a signer"):
        return
    for i in filled[:-1]:
        p = paragraphs[i]
        check.that(_is_caps(p.text), "signature", f"{p.text!r} must be in capitals")
        check.that(paragraph_format(p, doc).alignment == "center", "signature", f"{p.text!r} not centred")
        _runs_ok(check, "signature", p, doc, sizes=(13, 14), bold=True)
    signer = paragraphs[filled[-1]]
    check.that(not _is_caps(signer.text), "signer", f"{signer.text!r} must not be in capitals")
    check.that(paragraph_format(signer, doc).alignment == "center", "signer", "not centred")
    _runs_ok(check, "signer", signer, doc, sizes=(13, 14), bold=True)
    gap = paragraph_format(signer, doc).space_before_pt
    for p in paragraphs[filled[-2] + 1:filled[-1]]:
        fmt = paragraph_format(p, doc)
        size = max((r.size_pt for r in paragraph_runs(p, doc)), default=_mark_size(p, doc))
        gap += fmt.space_before_pt + fmt.space_after_pt + (fmt.line_pt or size * 1.15 * (fmt.line_multiple or 1))
    check.that(gap >= 40, "signature space", f"only {gap:.0f} pt left for the signature, expected about 2.5 cm")


def _mark_size(p: Paragraph, doc) -> float:
    styles = styles_of(doc)
    mark = p._p.find(f"{W}pPr/{W}rPr")
    sources = ([mark] if mark is not None else []) + [
        s.find(qn("w:rPr")) for s in styles.chain(styles.paragraph_style(p._p)) if s.find(qn("w:rPr")) is not None
    ] + ([styles.rpr_default] if styles.rpr_default is not None else [])
    size = first_attr(sources, "w:sz", "w:val")
    return int(size) / 2 if size else 10.0


def _check_page_numbers(check: _Check, doc) -> None:
    section = doc.sections[0]
    rule = "page numbers"
    check.that(title_page(section), rule, "the first section has no different first page (titlePg)")
    check.that(first_page_header_is_empty(section), rule, "page 1 must show no page number")
    if check.that(page_field_in_header(section), rule, "no PAGE field in the page header"):
        for p in page_field_paragraphs(section):
            check.that(paragraph_format(p, doc).alignment == "center", rule, "the page number is not centred")
            for r in paragraph_runs(p, doc):
                check.that(13 <= r.size_pt <= 14, rule, f"the page number is {r.size_pt:g} pt, expected 13–14")
