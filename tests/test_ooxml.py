"""Every kind of Office file drafter writes passes Microsoft's Open XML SDK validation with zero errors.

Word refuses, or "repairs", a file its schema does not allow; LibreOffice and python-docx are
more forgiving, so only the SDK's own validator (``@ooxml-tools/validate``, see
:mod:`support.ooxml`) tells. The documents are built once, validated in one Node.js process per
Office version, and reported one test per document.

To check another kind of document, add a builder below with ``@document("name")``: it gets a
folder, writes the .docx there and returns its path (and may assert that the document has what
it is meant to exercise). ``versions`` names the Office versions it must pass; our own writers
must pass Word 2007's narrower schema too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ooxml
from support.docx_reading import open_docx, tables_of
from support.forms import build_form, png
from support.samples import half_year

from drafter import api
from drafter.inputs import load_report
from drafter.inputs.model import Award
from drafter.output import summary
from drafter.output.batch import STATUS_TEXT, Row

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

Builder = Callable[[Path], Path]
#: name -> (builder, Office versions the document must pass)
DOCUMENTS: dict[str, tuple[Builder, tuple[str, ...]]] = {}


def document(name: str, versions: tuple[str, ...] = ooxml.OFFICE_VERSIONS) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        DOCUMENTS[name] = (builder, versions)
        return builder

    return register


def _render(sample: str, template: str, folder: Path, name: str) -> Path:
    return api.render_to_file(SAMPLES / sample, folder / f"{name}.docx", template)


for _sample in sorted(SAMPLES.glob("*.yaml")):
    # every sample as both templates: province and commune (phường An Khê), annual and half-year
    # (gia-lai-2026-6-thang), current and old map (dak-nong-2022, a province merged in 2025)
    for _template in ("bao-cao", "tin-bai"):
        document(f"{_template}-{_sample.stem}")(
            lambda folder, s=_sample.name, t=_template: _render(s, t, folder, f"{t}-{Path(s).stem}"))


@document("bao-cao-half-year-from-annual")
def _half_year(folder: Path) -> Path:
    report = half_year(load_report(SAMPLES / "bac-ninh-2026.yaml"))
    return api.render_to_file(report, folder / "sau-thang.docx", "bao-cao")


@document("tong-hop-with-chart-and-table")
def _rollup(folder: Path) -> Path:
    path = api.rollup_to_file([SAMPLES / name for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml",
                                                       "phuong-an-khe-2026.yaml")], folder / "tong-hop.docx")
    names = zipfile.ZipFile(path).namelist()
    assert any(n.startswith("word/media/") for n in names), "the roll-up has no chart"
    assert len(tables_of(open_docx(path))) >= 3, "the roll-up has no table by unit"
    return path


# The form is the office's own file: what its Word wrote (python-docx's template here, with
# Word 2010 table attributes) stays in the output, so it is held to the current schema only.
@document("word-form-with-table-loop-and-picture", versions=("Microsoft365",))
def _form(folder: Path) -> Path:
    form = build_form(folder / "mau.docx", picture=png())
    awards = [Award(giver="Chủ tịch UBND tỉnh", kind="bằng khen", collectives=16, individuals=48),
              Award(giver="Tư lệnh Quân khu 5", kind="giấy khen", collectives=3, individuals=7)]
    report = load_report(SAMPLES / "gia-lai-2026.yaml").model_copy(update={"awards": awards})
    path = api.render_to_file(report, folder / "mau-da-dien.docx", form)
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(path).namelist()), "the picture is gone"
    assert len(tables_of(open_docx(path))[-1].rows) == 1 + len(awards), "the table loop gave other rows"
    return path


def _has_comments(path: Path) -> Path:
    assert "word/comments.xml" in zipfile.ZipFile(path).namelist(), "the review copy has no comments"
    return path


# Review copies: the plain document plus Word comments (masthead, figures, a warning in An Khê's)
@document("bao-cao-review-copy")
def _report_review(folder: Path) -> Path:
    path = folder / "bao-cao-review.docx"
    path.write_bytes(api.render(SAMPLES / "gia-lai-2026.yaml", "bao-cao", review=True))
    return _has_comments(path)


@document("tin-bai-review-copy")
def _news_review(folder: Path) -> Path:
    path = folder / "tin-bai-review.docx"
    path.write_bytes(api.render(SAMPLES / "phuong-an-khe-2026.yaml", "tin-bai", review=True))
    return _has_comments(path)


@document("tong-hop-review-copy")
def _rollup_review(folder: Path) -> Path:
    result = api.rollup_draft([SAMPLES / name for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml")])
    path = folder / "tong-hop-review.docx"
    path.write_bytes(api.review_draft(result)[0])
    return _has_comments(path)


@document("word-form-review-copy", versions=("Microsoft365",))
def _form_review(folder: Path) -> Path:
    path = folder / "mau-review.docx"
    path.write_bytes(api.render(SAMPLES / "phuong-an-khe-2026.yaml", build_form(folder / "mau.docx"), review=True))
    return _has_comments(path)


@document("batch-summary-xlsx")
def _summary(folder: Path) -> Path:
    rows = [Row("so-lieu/a.yaml", "Xã Ia Grai", "bao-cao", "xa-ia-grai-2026-bao-cao.docx", "xong"),
            Row("so-lieu/b.yaml", "=1+1", "tin-bai", "b.pdf", "loi", "E701: không tìm thấy LibreOffice")]
    (folder / "ket-qua").mkdir()
    summary.write_summary(folder / "ket-qua", rows, STATUS_TEXT)
    return folder / "ket-qua" / summary.XLSX_NAME


def _broken(good: Path, bad: Path) -> Path:
    """``good`` with a paragraph property out of schema order and an undeclared attribute."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:jc ")
                jc = xml[start:xml.index("/>", start) + 2]
                xml = xml[:start] + xml[start + len(jc):]
                at = xml.index("<w:spacing ")
                xml = xml[:at] + jc + xml[at:]  # w:jc before w:spacing
                xml = xml.replace("<w:sz ", '<w:sz w:bogus="1" ', 1)
                data = xml.encode("utf-8")
            target.writestr(item, data)
    return bad


@pytest.fixture(scope="module")
def validated(tmp_path_factory) -> tuple[dict[str, Path], dict[str, dict[Path, list[ooxml.Finding]]]]:
    """(name -> .docx, Office version -> path -> errors): every document built once, checked in one run.

    Two controls ride along: a broken copy of a report, and a file that is not there.
    """
    reason = ooxml.missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("ooxml")
    paths = {name: builder(folder) for name, (builder, _) in DOCUMENTS.items()}
    paths["control: broken"] = _broken(paths["bao-cao-gia-lai-2026"], folder / "hong.docx")
    paths["control: missing"] = folder / "khong-co.docx"
    return paths, ooxml.validate(list(paths.values()))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_open_xml_sdk_finds_no_error(validated, name):
    paths, results = validated
    for version in DOCUMENTS[name][1]:
        errors = results[version][paths[name]]
        assert not errors, f"{name} ({version}): {len(errors)} errors\n" + "\n".join(map(str, errors[:20]))


def test_the_validator_finds_what_word_refuses(validated):
    """The check can fail: a property out of schema order, an undeclared attribute, a missing file."""
    paths, results = validated
    for version in ooxml.OFFICE_VERSIONS:
        assert {f.id for f in results[version][paths["control: broken"]]} >= {
            "Sch_UndeclaredAttribute", "Sch_UnexpectedElementContentExpectingComplex"}, version
        assert [f.id for f in results[version][paths["control: missing"]]] == ["unreadable"]
