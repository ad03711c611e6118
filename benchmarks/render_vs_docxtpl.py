"""drafter against docxtpl: the same formal report rendered N times by each.

    .venv/bin/python benchmarks/render_vs_docxtpl.py            # N = 200
    .venv/bin/python benchmarks/render_vs_docxtpl.py --n 500

The report is ``samples/gia-lai-2026.yaml``, loaded once. drafter runs its whole pipeline
per document (facts, wording, Decree 30 layout, zip): ``drafter.api.render(report)``.

docxtpl (what most Python users would pick: ``pip install docxtpl``) renders an
equivalent Word template that this script writes with python-docx into a temporary
folder: the Decree 30 header table (agencies, Quốc hiệu, Tiêu ngữ with their rules,
number, place and date), document type, trích yếu, the body paragraphs of drafter's own
draft with every figure turned into a ``{{ }}`` tag and every section wrapped in a
``{%p if %}`` block (the optional sections of the report), the closing table with the
recipients as a ``{%p for %}`` loop and the signature, and a page number in the header.
The template starts from the same lean package as drafter's documents (python-docx's
default document without its 430 kB of latent styles), so docxtpl is not slowed down by
parts drafter leaves out. Per document docxtpl loads the template, renders it (autoescape
on, as text lands in XML) and saves to a ``BytesIO``.

Both are timed in this one run, after a few warm-up documents each, and compared by
their medians per document. Also printed: drafter's first document in a fresh process
(imports and caches cold) and the wall time of ``python -m drafter --help``.

What a user waits for is the whole process: ``drafter render FILE -o x.docx`` from the shell
(interpreter start, imports, reading the file, writing the .docx). So the same is timed for both,
alternately, ``--runs`` times each: drafter's command line, and a Python process that imports
docxtpl, reads its context from a YAML file (PyYAML's C loader), loads the template, renders and
saves the .docx. Both run with bytecode cached (as after ``pip install``) and drafter with its
cache folder filled (as after its first run, which is timed too). ``drafter --help`` is timed the
same way, beside ``python -c pass`` and ``python -c "import click"``, the floors under it.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WARMUP = 10

# ------------------------------------------------------------------ machine


def machine() -> str:
    """CPU model and core count, as lscpu or /proc/cpuinfo tell them."""
    model = ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
        model = next((line.split(":", 1)[1].strip() for line in out.splitlines()
                      if line.lower().startswith("model name")), "")
    except (OSError, subprocess.SubprocessError):
        pass
    if not model:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text()
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                          if line.startswith("model name")), "")
        except OSError:
            pass
    model = model or platform.processor() or platform.machine()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores, Python {platform.python_version()}"


# ------------------------------------------------------------------ timing


def times_ms(fn, n: int, warmup: int = WARMUP) -> list[float]:
    """``n`` timings of ``fn`` in milliseconds, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


_COLD = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from drafter import api
from drafter.inputs import load_report
report = load_report({str(SAMPLE)!r})
start = time.perf_counter()
api.render(report)
print((time.perf_counter() - start) * 1000)
"""


_DOCXTPL_PROCESS = """
import sys
import yaml
from docxtpl import DocxTemplate
with open(sys.argv[2], encoding="utf-8") as stream:
    context = yaml.load(stream, Loader=yaml.CSafeLoader)
template = DocxTemplate(sys.argv[1])
template.render(context, autoescape=True)
template.save(sys.argv[3])
"""


def _environment(cache: Path) -> dict:
    """Bytecode written and read as after an install; drafter's cache in a folder of this run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["DRAFTER_CACHE_DIR"] = str(cache)
    return env


def _drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def _wall_ms(command: list[str], env: dict, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env, cwd=cwd)
    return (time.perf_counter() - start) * 1000


def whole_process(folder: Path, template: Path, context: dict, runs: int) -> dict[str, float]:
    """Medians (ms) of whole processes, file in and file out, timed alternately in this run."""
    import yaml

    env = _environment(folder / "cache")
    script = folder / "docxtpl_one.py"
    script.write_text(_DOCXTPL_PROCESS, encoding="utf-8")
    data = folder / "context.yaml"
    with open(data, "w", encoding="utf-8") as stream:
        yaml.dump(context, stream, allow_unicode=True)
    drafter = _drafter_command() + ["render", str(SAMPLE), "-o", str(folder / "drafter.docx"), "--force"]
    docxtpl = [sys.executable, str(script), str(template), str(data), str(folder / "docxtpl.docx")]
    help_ = _drafter_command() + ["--help"]
    floors = {"python -c pass": [sys.executable, "-c", "pass"],
              "python -c 'import click'": [sys.executable, "-c", "import click"]}
    first = _wall_ms(drafter, env)  # the first run ever: bytecode and drafter's cache written
    _wall_ms(docxtpl, env)
    times: dict[str, list[float]] = {"drafter": [], "docxtpl": [], "help": [], **{k: [] for k in floors}}
    for _ in range(runs):
        times["drafter"].append(_wall_ms(drafter, env))
        times["docxtpl"].append(_wall_ms(docxtpl, env))
        times["help"].append(_wall_ms(help_, env))
        for name, command in floors.items():
            times[name].append(_wall_ms(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    medians["drafter first run"] = first
    return medians


def cold_ms(runs: int = 3) -> float:
    """drafter's first document in a fresh process: report loaded, nothing rendered yet."""
    times = [float(subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True,
                                  check=True).stdout.strip()) for _ in range(runs)]
    return statistics.median(times)


# ------------------------------------------------------------------ docxtpl template

_FIGURE = re.compile(r"\d+(?:[.,/]\d+)*%?")


class Tags:
    """Turns figures into ``{{ fN }}`` tags and remembers their values for the context."""

    def __init__(self):
        self.context: dict[str, object] = {}

    def value(self, text: str) -> str:
        name = f"v{len(self.context)}"
        self.context[name] = text
        return "{{ " + name + " }}"

    def figures(self, text: str) -> str:
        return _FIGURE.sub(lambda m: self.value(m.group(0)), text)

    def flag(self) -> str:
        name = f"s{len(self.context)}"
        self.context[name] = True
        return name


def build_docxtpl_template(draft, path: Path) -> dict:
    """Write the docxtpl template equivalent to ``draft``'s Decree 30 layout; return its context."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt, Twips

    from drafter.document import Heading, Paragraph
    from drafter.layout.decree30 import Decree30Settings
    from drafter.layout.oxml import lean_document, set_cell_margins
    from drafter.layout.text import recipient_lines

    s = Decree30Settings()
    m = draft.masthead
    tags = Tags()
    # The same lean package as drafter's (python-docx's default document without its 430 kB
    # of latent styles), so that docxtpl does not pay for parts drafter leaves out.
    doc = lean_document(s.font, s.body_size, s.language)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(s.margin_top_mm), Mm(s.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(s.margin_left_mm), Mm(s.margin_right_mm)
    section.header_distance = Mm(s.header_distance_mm)
    section.different_first_page_header_footer = True

    def para(target, text, size, *, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, before=0,
             after=0, indent=False, line=None, first=False):
        p = target.paragraphs[0] if first else target.add_paragraph()
        f = p.paragraph_format
        f.alignment, f.space_before, f.space_after = align, Pt(before), Pt(after)
        if line:
            f.line_spacing = line
        if indent:
            f.first_line_indent = Cm(s.first_line_indent_cm)
        run = None
        for piece in text.split("\n"):
            if run is not None:
                run.add_break()
            run = p.add_run(piece)
            run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), s.font
        return p

    def rule(target, indent_cm):
        p = target.add_paragraph()
        f = p.paragraph_format
        f.alignment, f.left_indent, f.right_indent = WD_ALIGN_PARAGRAPH.CENTER, Cm(indent_cm), Cm(indent_cm)
        f.line_spacing = Pt(2)
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
            bottom.set(qn(f"w:{key}"), value)
        border.append(bottom)
        p._p.get_or_add_pPr().append(border)

    # the page number from page 2 on
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = header.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text

    def two_columns(rows):
        table = doc.add_table(rows=rows, cols=2)
        table.autofit = False
        set_cell_margins(table._tbl, 0, 0)
        left_w = round(s.text_width_twips * s.left_column_share)
        for row in table.rows:
            for cell, width in zip(row.cells, (left_w, s.text_width_twips - left_w)):
                cell.width = Twips(width)
        return table

    # header table: agencies | Quốc hiệu, Tiêu ngữ; number | place and date
    table = two_columns(2)
    left, right = table.rows[0].cells
    if m.parent_agency:
        para(left, "{{ parent_agency }}", s.parent_agency_size, first=True)
    agency_lines = m.issuing_agency.upper().split("\n")
    para(left, "\n".join("{{ agency_%d }}" % i for i in range(len(agency_lines))), s.agency_size, bold=True,
         first=not m.parent_agency)
    rule(left, 1.8)
    para(right, "{{ quoc_hieu }}", s.quoc_hieu_size, bold=True, first=True)
    para(right, "{{ tieu_ngu }}", s.tieu_ngu_size, bold=True)
    rule(right, 2.0)
    number, place_date = table.rows[1].cells
    para(number, "{{ number }}", s.number_size, before=6, first=True)
    para(place_date, "{{ place_date }}", s.place_date_size, italic=True, before=6, first=True)
    para(doc, "{{ doc_type }}", s.doc_type_size, bold=True, before=18)
    para(doc, "{{ summary }}", s.summary_size, bold=True)
    rule(doc, 5.5)

    # body: drafter's own paragraphs, figures as tags, each section optional
    def body(text, *, bold=False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True):
        para(doc, text, s.body_size, bold=bold, align=align, indent=indent, after=s.space_after_pt,
             line=s.line_spacing)

    open_section = False
    for block in draft.blocks:
        if isinstance(block, Heading):
            if open_section:
                para(doc, "{%p endif %}", s.body_size)
            para(doc, "{%p if " + tags.flag() + " %}", s.body_size)
            open_section = True
            if block.kind == "part":
                body(block.label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
                body(tags.figures(block.text.upper()), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            else:
                body(block.label + " " + tags.figures(block.text), bold=block.kind != "letter")
        elif isinstance(block, Paragraph):
            body(tags.figures(block.text))
    if open_section:
        para(doc, "{%p endif %}", s.body_size)

    # closing table: recipients loop | signature
    closing = two_columns(1)
    left, right = closing.rows[0].cells
    para(left, "Nơi nhận:", s.recipients_label_size, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT,
         before=12, first=True)
    para(left, "{%p for line in recipients %}", s.recipients_size, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(left, "{{ line }}", s.recipients_size, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(left, "{%p endfor %}", s.recipients_size, align=WD_ALIGN_PARAGRAPH.LEFT)
    signature = [line.upper() for line in m.signature.lines]
    for index in range(len(signature)):
        para(right, "{{ sign_%d }}" % index, s.signature_size, bold=True, before=12 if index == 0 else 0,
             first=index == 0)
    for _ in range(s.signature_gap_lines):
        right.add_paragraph()
    para(right, "{{ signer }}", s.signature_size, bold=True)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    doc.save(path)

    context = dict(tags.context)
    context.update(
        parent_agency=m.parent_agency.upper(),
        quoc_hieu=s.quoc_hieu,
        tieu_ngu=s.tieu_ngu,
        number=m.number,
        place_date=m.place_date,
        doc_type=m.doc_type.upper(),
        summary=m.summary,
        recipients=recipient_lines(m.recipients),
        signer=m.signature.signer,
        **{f"agency_{i}": line for i, line in enumerate(agency_lines)},
        **{f"sign_{i}": line for i, line in enumerate(signature)},
    )
    return context


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="documents per contestant (default 200)")
    parser.add_argument("--runs", type=int, default=15, help="whole processes per contestant (default 15)")
    args = parser.parse_args(argv)
    try:
        import docxtpl  # noqa: F401 - here, only whether it is there
    except ImportError:
        print("docxtpl is not installed: pip install docxtpl", file=sys.stderr)
        return 2

    print(f"machine: {machine()}")
    cache_home = tempfile.mkdtemp(prefix="drafter-bench-cache-")
    os.environ["DRAFTER_CACHE_DIR"] = cache_home  # drafter's cache for this run only, never the user's
    try:
        return _compare(args)
    finally:
        import shutil

        shutil.rmtree(cache_home, ignore_errors=True)


def _compare(args) -> int:
    from docxtpl import DocxTemplate

    cold = cold_ms()

    from drafter import api
    from drafter.inputs import load_report

    report = load_report(SAMPLE)
    draft = api.draft(report)

    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "bao-cao-docxtpl.docx"
        context = build_docxtpl_template(draft, template)

        def docxtpl_once() -> bytes:
            tpl = DocxTemplate(template)
            tpl.render(context, autoescape=True)
            buffer = io.BytesIO()
            tpl.save(buffer)
            return buffer.getvalue()

        def drafter_once() -> bytes:
            return api.render(report)

        sample_docxtpl, sample_drafter = docxtpl_once(), drafter_once()
        if "{{" in _document_text(sample_docxtpl) or "{%" in _document_text(sample_docxtpl):
            raise SystemExit("docxtpl left a tag unrendered: the template is wrong")
        # alternate the contestants so that neither gets a quieter stretch of the machine
        drafter_ms: list[float] = []
        docxtpl_ms: list[float] = []
        for half in (args.n - args.n // 2, args.n // 2):
            drafter_ms += times_ms(drafter_once, half)
            docxtpl_ms += times_ms(docxtpl_once, half)
        processes = whole_process(Path(tmp), template, context, args.runs)
    drafter_med, docxtpl_med = statistics.median(drafter_ms), statistics.median(docxtpl_ms)

    print(f"documents: {args.n} each, {SAMPLE.name}; drafter {len(sample_drafter):,} B, "
          f"docxtpl {len(sample_docxtpl):,} B per .docx")
    print(f"load average: {os.getloadavg()[0]:.2f} (other work on this machine)")
    print(f"whole process, file in and file out (median of {args.runs}, timed alternately):")
    print(f"  drafter render {SAMPLE.name} -o x.docx: {processes['drafter']:8.1f} ms")
    print(f"  docxtpl, one document:                {processes['docxtpl']:8.1f} ms")
    print(f"  ratio drafter/docxtpl:                {processes['drafter'] / processes['docxtpl']:8.2f}x"
          f"   (target at most 1.2x)")
    print(f"  drafter, first run ever (no cache):   {processes['drafter first run']:8.1f} ms")
    print(f"  drafter --help:                       {processes['help']:8.1f} ms   (target at most 60 ms)")
    print(f"  python -c pass:                       {processes['python -c pass']:8.1f} ms")
    click_floor = processes["python -c 'import click'"]
    print(f"  python -c 'import click':             {click_floor:8.1f} ms")
    print("in process, warm (report loaded once; median per document):")
    print(f"  drafter api.render:                   {drafter_med:8.2f} ms")
    print(f"  docxtpl load, render, save:           {docxtpl_med:8.2f} ms")
    print(f"  ratio docxtpl/drafter:                {docxtpl_med / drafter_med:8.1f}x")
    print(f"  drafter first document in a fresh process, report loaded: {cold:6.1f} ms")
    return 0


def _document_text(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


if __name__ == "__main__":
    sys.exit(main())
