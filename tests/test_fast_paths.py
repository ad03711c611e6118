"""The fast paths give what the slow ones gave: caches, shortcuts and XML prototypes.

Each speed-up (benchmarks/render_vs_docxtpl.py) is checked here against the plain
computation it replaced: Babel called afresh, the full chain of tidy-up regexes,
``str.translate``, Jinja's own sandbox verdicts, and elements built one by one with
the oxml helpers and serialised by lxml as python-docx would.
"""

from __future__ import annotations

import collections.abc
import io
from decimal import Decimal

import pytest
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from docx import Document
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.shared import Twips
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from support import drafts
from support.docx_reading import open_docx, package_dates, package_parts

from drafter import vnformat as vf
from drafter.document import Draft, Image, Paragraph
from drafter.layout import oxml
from drafter.layout.decree30 import Decree30Settings, write_decree30
from drafter.layout.news import write_news_docx
from drafter.packs import sandbox
from drafter.plan import choice
from drafter.realise import surface
from drafter.vnformat import numeric as vfn

# --- vnformat: parsed once and cached, printed the same -------------------------------------


def babel_fixed(value, min_digits: int, max_digits: int, percent: bool = False) -> str:
    """The formatting as it was before the caches: Babel given strings every time."""
    from decimal import localcontext

    rounded = vfn._round(vfn._to_decimal(value), max_digits)
    pattern = vfn._pattern(min_digits, max_digits, "%" if percent else "")
    with localcontext(vfn._EXACT):
        if percent:
            text = babel_numbers.format_percent(rounded.scaleb(-2), format=pattern, locale="vi")
        else:
            text = babel_numbers.format_decimal(rounded, format=pattern, locale="vi")
    return vfn._nfc(text)


NUMBERS = st.one_of(
    st.integers(min_value=-10**15, max_value=10**15),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=4),
)


@settings(max_examples=300, deadline=None)
@given(value=NUMBERS, digits=st.integers(min_value=0, max_value=3), percent=st.booleans())
@example(value=0.885, digits=2, percent=False)
@example(value=-0.001, digits=2, percent=True)
@example(value=Decimal("-0.00"), digits=0, percent=False)
def test_cached_formatting_equals_babel_called_afresh(value, digits, percent):
    for low in (0, digits):
        expected = babel_fixed(value, low, digits, percent)
        assert vfn._fixed(value, low, digits, percent) == expected
        assert vfn._fixed(value, low, digits, percent) == expected  # from the cache


def test_equal_numbers_of_different_types_print_alike_from_the_cache():
    assert [vf.format_decimal(v) for v in (2, 2.0, Decimal("2.000"))] == ["2"] * 3
    assert [vf.format_decimal(v, 2) for v in (2, 2.0, Decimal("2.000"))] == ["2,00"] * 3
    assert vf.format_integer(-0.4) == "0" == vf.format_integer(0)


def test_the_cache_does_not_swallow_errors():
    for _ in range(2):
        with pytest.raises(TypeError):
            vf.format_integer(True)
        with pytest.raises(ValueError):
            vf.format_decimal(float("nan"))
        with pytest.raises(ValueError):
            vf.format_percent(Decimal("sNaN"))


@given(st.lists(st.text(max_size=8), max_size=5), st.sampled_from(["và", "hoặc"]))
def test_cached_lists_equal_babel(items, conjunction):
    style = {"và": "standard", "hoặc": "or"}[conjunction]
    expected = vfn._nfc(babel_lists.format_list([vfn._nfc(i) for i in items], style=style, locale="vi"))
    assert vf.format_list(items, conjunction) == expected == vf.format_list(items, conjunction)


# --- wording: the tidy-up shortcut and the shields ---------------------------------------------


def tidy_every_step(text: str) -> str:
    """:func:`surface.tidy` without its shortcut: every regex, every time."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    text = surface._MANY_SPACES.sub(" ", text).strip()
    text = surface._STRAIGHT_QUOTES.sub(r"“\1”", text)
    text = surface._SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = surface._SPACE_AFTER_OPEN.sub(r"\1", text)
    text = surface._REPEATED_PUNCT.sub(lambda m: m.group(1) or m.group(3), text)
    return surface._STOP_AFTER_END.sub(r"\1", text)


MESSY = st.text(alphabet=st.sampled_from(list(' \t\n\xa0\u2003,.;:?!)(“”"…-#@ abcđư1')), max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(MESSY, st.text(max_size=40)))
@example(text='  Năm 2026 ,  tỉnh đạt "Tốt"  ;;  hoàn thành . ')
@example(text="a ,, b")
@example(text="a::b")
@example(text="( a )")
@example(text="a\xa0b")
def test_tidy_shortcut_equals_every_step(text):
    assert surface.tidy(text) == tidy_every_step(text)


@given(st.text(alphabet=st.sampled_from(list("#!@-ab \ue000\ue001\ue002\ue003đ")), max_size=30))
def test_shields_equal_translate(text):
    assert sandbox._shield(text) == text.translate(sandbox._SHIELD_TABLE)
    assert sandbox._unshield(text) == text.translate(sandbox._UNSHIELD_TABLE)


# --- the sandbox: verdicts remembered, never changed ---------------------------------------------


class Registered:
    def append(self, item):
        return item


class Liar:
    """Claims to be a list: ``isinstance`` believes it, so the verdict must not be cached by type."""

    @property
    def __class__(self):
        return list

    def append(self, item):
        return item


def test_sandbox_verdicts_equal_jinjas():
    ours, jinjas = sandbox.make_environment([]), ImmutableSandboxedEnvironment()
    objects = [[], {}, set(), "", 1, (), drafts.report(), lambda: 0, choice.Chooser("x").choose, str,
               iter([]), (x for x in ()), Liar()]
    names = ["append", "pop", "update", "add", "keys", "upper", "mro", "__class__", "_private", "gi_frame",
             "__globals__", "func_code", "blocks", "choose", "real", "__self__", "__subclasses__"]
    for _ in range(2):  # the second round comes from the cache
        for obj in objects:
            for name in names:
                value = getattr(obj, name, None)
                assert ours.is_safe_attribute(obj, name, value) == jinjas.is_safe_attribute(obj, name, value), (
                    obj, name)


def test_sandbox_verdicts_follow_abc_registration():
    env = sandbox.make_environment([])
    thing = Registered()
    assert env.is_safe_attribute(thing, "append", thing.append)
    collections.abc.MutableSequence.register(Registered)
    assert not env.is_safe_attribute(thing, "append", thing.append)
    assert not ImmutableSandboxedEnvironment().is_safe_attribute(thing, "append", thing.append)


def test_sandbox_still_refuses_internals():
    env = sandbox.make_environment([])
    for source in ("{{ ''.__class__ }}", "{{ [].append(1) }}", "{{ x.pop() }}"):
        with pytest.raises(Exception, match="unsafe|not safely callable|access to attribute"):
            env.from_string(source).render(x=[1])


# --- layout: prototypes equal elements built one by one --------------------------------------------

FORMATS = st.builds(
    oxml.ParagraphFormat,
    align=st.sampled_from([None, "left", "center", "right", "both"]),
    before=st.sampled_from([0, 2, 6, 18]),
    after=st.sampled_from([0, 3, 6, 12]),
    line=st.sampled_from([None, 1.15, 1.5]),
    exact_pt=st.sampled_from([None, 1, 2]),
    first_line=st.sampled_from([0, 720]),
    left=st.sampled_from([0, 1381]),
    right=st.sampled_from([0, 1098]),
    keep_next=st.booleans(),
)
RUNS = st.builds(oxml.RunFormat, font=st.sampled_from(["Times New Roman", "Arial"]),
                 size_pt=st.sampled_from([1, 11, 13, 14, 12.5]), bold=st.booleans(), italic=st.booleans())
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)


def docx_scratch_element(tag: str):
    """A python-docx element (the prototypes are plain lxml ones) in a root that declares what
    document.xml's root declares, as oxml.scratch_element's."""
    from docx.oxml import OxmlElement

    root = parse_xml("<w:body " + " ".join(f'xmlns:{k}="{v}"' for k, v in oxml.ROOT_NAMESPACES.items()) + "/>")
    element = OxmlElement(tag)
    root.append(element)
    return element


def built_paragraph(fmt, run, text) -> str:
    """The paragraph built as the writers built it before the prototypes, on python-docx's elements."""
    p = docx_scratch_element("w:p")
    oxml.format_paragraph(p, **fmt._asdict())
    r = p.add_r()
    oxml.format_run(r, *run)
    oxml.append_text(r, text)
    return oxml.fragment_xml(p)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=FORMATS, run=RUNS, text=st.one_of(ANY_TEXT, st.sampled_from(["", " a ", "a\tb\r\nc", "<&>'\"", "\ue000"])))
def test_paragraph_prototype_equals_built_paragraph(fmt, run, text):
    assert oxml.paragraph_xml(fmt, run, text) == built_paragraph(fmt, run, text)


# An independent reference: the properties written out by hand from ECMA-376 Part 1 (w:pPr
# 17.3.1.26, w:rPr 17.3.2.28: children in schema order), not with the oxml helpers the
# prototypes are built with. Compared in canonical XML, where attribute order does not count.

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def canonical(fragment: str) -> bytes:
    root = etree.fromstring(f'<root xmlns:w="{W_NS}">{fragment}</root>')
    return etree.tostring(root, method="c14n")


def _twentieths(pt: float) -> str:
    return str(round(pt * 20))


def reference_run_properties(run) -> str:
    font = run.font
    return ("<w:rPr>"
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
            + ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
            + f'<w:sz w:val="{round(run.size_pt * 2)}"/><w:szCs w:val="{round(run.size_pt * 2)}"/>'
            "</w:rPr>")


def reference_paragraph_properties(fmt, mark=None, border: bool = False) -> str:
    children = ["<w:keepNext/>"] if fmt.keep_next else []
    if border:  # 0.75 pt solid, in eighths of a point, 1 pt from the text
        children.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>')
    spacing = f'w:before="{_twentieths(fmt.before)}" w:after="{_twentieths(fmt.after)}"'
    if fmt.exact_pt is not None:
        spacing += f' w:line="{_twentieths(fmt.exact_pt)}" w:lineRule="exact"'
    elif fmt.line is not None:
        spacing += f' w:line="{round(240 * fmt.line)}" w:lineRule="auto"'  # in 240ths of a line
    children.append(f"<w:spacing {spacing}/>")
    if fmt.first_line or fmt.left or fmt.right:
        children.append(f'<w:ind w:left="{fmt.left}" w:right="{fmt.right}" w:firstLine="{fmt.first_line}"/>')
    if fmt.align:
        children.append(f'<w:jc w:val="{fmt.align}"/>')
    if mark is not None:
        children.append(reference_run_properties(mark))
    return "<w:pPr>" + "".join(children) + "</w:pPr>"


@settings(max_examples=200, deadline=None)
@given(fmt=FORMATS, run=RUNS, text=st.sampled_from(["x", "Đạt 100%", "a & b"]))
def test_paragraph_prototype_equals_the_schema_written_out(fmt, run, text):
    expected = (f"<w:p>{reference_paragraph_properties(fmt)}<w:r>{reference_run_properties(run)}"
                f"<w:t>{text.replace('&', '&amp;')}</w:t></w:r></w:p>")
    assert canonical(oxml.paragraph_xml(fmt, run, text)) == canonical(expected)


@settings(max_examples=100, deadline=None)
@given(fmt=FORMATS, size=st.sampled_from([1, 13, 12.5]), border=st.booleans())
def test_mark_paragraph_and_keep_with_next_equal_the_schema_written_out(fmt, size, border):
    mark = oxml.RunFormat("Times New Roman", size)
    expected = f"<w:p>{reference_paragraph_properties(fmt, mark, border)}</w:p>"
    assert canonical(oxml.mark_paragraph_xml(fmt, "Times New Roman", size, border)) == canonical(expected)
    # keep with next, set afterwards as the closing table sets it, is the same as built in
    body = oxml.Body(None)
    body.mark_paragraph(fmt, "Times New Roman", size, border)
    body.keep_last_paragraph_with_next()
    kept = f"<w:p>{reference_paragraph_properties(fmt._replace(keep_next=True), mark, border)}</w:p>"
    assert canonical(body.xml) == canonical(kept)


def test_keep_with_next_on_an_empty_paragraph_equals_python_docx():
    p = docx_scratch_element("w:p")
    p.get_or_add_pPr().keepNext_val = True
    body = oxml.Body(None)
    body.empty_paragraph()
    body.keep_last_paragraph_with_next()
    assert body.xml == oxml.fragment_xml(p)


@pytest.mark.parametrize("borders, margins, header, cant_split, v_align", [
    ("nil", (0, 0), False, False, None),
    ("nil", (0, 0), False, True, "top"),
    ("single", (85, 85), True, True, None),
    ("single", (85, 85), False, False, "center"),
])
def test_table_prototype_equals_python_docx_table(borders, margins, header, cant_split, v_align):
    columns = (801, 4008, 1603)
    document = Document()
    table = document.add_table(rows=3, cols=len(columns))
    table.style = None
    oxml.set_table_look_2007(table._tbl)
    oxml.set_table_borders(table._tbl, borders)
    oxml.set_table_geometry(table._tbl, columns)
    oxml.set_cell_margins(table._tbl, *margins)
    texts = [["TT", "Đơn vị", ""], ["1", "a & b", "x\ty"], ["2", "", "z"]]
    fmt, run = oxml.ParagraphFormat(align="center", before=2, after=2), oxml.RunFormat("Times New Roman", 13)
    rows = []
    for index, (tr, values) in enumerate(zip(table._tbl.tr_lst, texts)):
        first = index == 0
        if first and cant_split:
            oxml.set_cant_split(tr)
        if first and header:
            oxml.mark_header_row(tr)
        cells = []
        for tc, value in zip(tr.tc_lst, values):
            if v_align:
                from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

                tc.get_or_add_tcPr().vAlign_val = getattr(WD_CELL_VERTICAL_ALIGNMENT, v_align.upper())
            if value:
                p = tc.p_lst[0]
                oxml.format_paragraph(p, **fmt._asdict())
                r = p.add_r()
                oxml.format_run(r, *run)
                oxml.append_text(r, value)
                cells.append(oxml.paragraph_xml(fmt, run, value))
            else:
                cells.append("")  # left empty: the cell keeps python-docx's empty paragraph
        row = oxml.RowFormat(header=first and header, cant_split=first and cant_split, v_align=v_align)
        rows.append((row, cells))
    whole = serialize_part_xml(document.element).decode()  # the table as it reads inside document.xml
    expected = whole[whole.index("<w:tbl>"):whole.index("</w:tbl>") + len("</w:tbl>")]
    assert oxml.table_xml(oxml.TableFormat(columns, borders, margins), rows) == expected


# --- whole documents ------------------------------------------------------------------------------------


@pytest.mark.parametrize("write", [write_decree30, write_news_docx], ids=["decree30", "news"])
def test_every_part_is_what_python_docx_would_serialise(write):
    """Read back with python-docx and saved again, every part comes out byte for byte the same."""
    data = write(drafts.report())
    ours = package_parts(data)
    for name in ("word/document.xml", "docProps/core.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        assert serialize_part_xml(parse_xml(ours[name])) == ours[name], name
    document = open_docx(data)
    buffer = io.BytesIO()
    document.save(buffer)
    again = package_parts(buffer.getvalue())
    assert again.keys() == ours.keys()
    for name in ours:
        assert again[name] == ours[name], name


def test_pictures_get_their_parts_relationships_and_shape_ids():
    picture = Image(drafts.png())
    other = Image(drafts.png(20, 90), caption="Hình 2.")
    draft = Draft(blocks=(picture, Paragraph("x"), picture, other),
                  masthead=drafts.MASTHEAD)
    parts = package_parts(write_decree30(draft))
    assert sorted(n for n in parts if n.startswith("word/media/")) == ["word/media/image1.png",
                                                                       "word/media/image2.png"]
    xml = parts["word/document.xml"].decode()
    assert [xml.count(f'<wp:docPr id="{n}" ') for n in (1, 2, 3)] == [1, 1, 1]
    rels = parts["word/_rels/document.xml.rels"].decode()
    assert rels.count("relationships/image") == 2
    assert 'Extension="png"' in parts["[Content_Types].xml"].decode()
    doc = open_docx(write_decree30(draft))
    assert len(doc.inline_shapes) == 3
    assert doc.inline_shapes[0].width == Twips(Decree30Settings().text_width_twips)


def test_zip_is_deterministic_and_readable():
    entries = [oxml.zip_entry("[Content_Types].xml", b"<Types/>"), oxml.zip_entry("word/tệp.xml", "đ".encode() * 999)]
    data = oxml.zip_bytes(entries)
    assert data == oxml.zip_bytes(entries)
    parts = package_parts(data)  # read by the standard library's zipfile, every CRC checked
    assert list(parts) == ["[Content_Types].xml", "word/tệp.xml"]
    assert parts["word/tệp.xml"] == "đ".encode() * 999 and parts["[Content_Types].xml"] == b"<Types/>"
    assert package_dates(data) == {(1980, 1, 1, 0, 0, 0)}
    assert package_parts(oxml.zip_bytes([])) == {}


def test_a_table_needs_rows_and_one_cell_per_column():
    with pytest.raises(ValueError):
        oxml.table_xml(oxml.TableFormat((100,)), [])
    with pytest.raises(ValueError):
        oxml.table_xml(oxml.TableFormat((100, 200)), [(oxml.RowFormat(), ["<w:p/>"])])


def test_core_properties_take_any_title():
    title = "<Báo cáo> & “tổng kết”\x00" + "x" * 300
    doc = open_docx(write_decree30(drafts.report(title=title, author=" A&B ")))
    assert doc.core_properties.title == oxml.core_property_text(title)
    assert doc.core_properties.author == " A&B "
    assert doc.core_properties.last_modified_by == " A&B "
