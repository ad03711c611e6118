"""Charts for drafts: a horizontal bar chart of completion rates, as PNG bytes.

Matplotlib is imported only when a chart is drawn, so ``drafter --help`` and
every command without a chart stay fast. Drawing goes through the Agg canvas
directly, never through ``pyplot``, so nothing global changes in the caller's
process.

The bytes are deterministic: the font is the DejaVu Serif that ships inside
Matplotlib (not whatever the system has), the size and resolution are fixed,
and the PNG carries no "Software" or date metadata. The same figures give the
same file on every run.

The chart is made for print, which is usually black and white: the units below
the reference are dark, the others light grey, and the reference is a dashed
black line. Numbers are written the Vietnamese way ("96,15%").

>>> png = bar_chart([("Xã A", 96.15, True), ("Xã B", 104, False), ("Xã C", 100, False)])  # doctest: +SKIP
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"  # doctest: +SKIP
True
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from drafter import vnformat

#: Printed width of the chart in centimetres (the Decree 30 text is 16,5 cm wide).
WIDTH_CM = 16.0
#: Tallest chart, in centimetres: a little under the 2/3 of the text height that the
#: Decree 30 writer allows a picture, so the chart is never scaled down and its
#: labels keep their printed size.
MAX_HEIGHT_CM = 16.5
#: Most bars one chart shows; beyond it labels would be too small to read in print.
MAX_BARS = 30
DPI = 200
LABEL_PT = 9
VALUE_PT = 8
DARK, LIGHT = "#3a3a3a", "#c4c4c4"

Bar = tuple[str, float | Decimal, bool]  # label, value in %, highlighted (below the reference)


def _font(bold: bool = False):
    import matplotlib
    from matplotlib.font_manager import FontProperties

    name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
    return FontProperties(fname=str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name))


def bar_chart(bars: Sequence[Bar], *, reference: float = 100.0, axis_label: str = "Tỷ lệ (%)",
              legend: tuple[str, str, str] = ("Chưa đạt", "Đạt, vượt", "Mức 100%")) -> bytes:
    """Horizontal bars, first bar on top, with a dashed reference line; PNG bytes.

    ``bars`` are (label, percent, below) with at most :data:`MAX_BARS` items;
    ``legend`` names the dark bars, the light bars and the reference line.
    """
    if not bars:
        raise ValueError("a chart needs at least one bar")
    if len(bars) > MAX_BARS:
        raise ValueError(f"at most {MAX_BARS} bars fit a printed page, got {len(bars)}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, FuncFormatter

    regular, bold = _font(), _font(bold=True)
    count = len(bars)
    values = [float(v) for _, v, _ in bars]
    inch = 2.54
    # bar pitch shrinks as bars are added, down to what a 9-pt label needs
    pitch = min(0.30, (MAX_HEIGHT_CM / inch - 1.2) / max(count, 1))
    height = min(MAX_HEIGHT_CM / inch, 1.2 + pitch * count)
    figure = Figure(figsize=(WIDTH_CM / inch, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(count))
    colours = [DARK if below else LIGHT for _, _, below in bars]
    axes.barh(positions, values, height=0.66, color=colours, edgecolor="#000000", linewidth=0.4, zorder=2)
    axes.axvline(reference, color="#000000", linestyle=(0, (4, 3)), linewidth=1.0, zorder=3)
    axes.set_yticks(positions, [label for label, _, _ in bars])
    axes.set_ylim(count - 0.45, -0.55)  # the first bar on top, as a table reads
    top = max(values + [reference])
    limit = top * 1.16 if top > 0 else 1.0
    axes.set_xlim(0, limit)
    step = _step(limit)
    axes.xaxis.set_major_locator(FixedLocator([step * i for i in range(int(limit // step) + 1)]))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: vnformat.format_decimal(round(x, 2))))
    axes.grid(axis="x", color="#dddddd", linewidth=0.5, zorder=0)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for label in axes.get_yticklabels():
        label.set_fontproperties(regular)
        label.set_fontsize(LABEL_PT)
    for label in axes.get_xticklabels():
        label.set_fontproperties(regular)
        label.set_fontsize(LABEL_PT)
    axes.tick_params(axis="y", length=0)
    axes.set_xlabel(axis_label, fontproperties=regular, fontsize=LABEL_PT)
    for position, value, (_, _, below) in zip(positions, values, bars):
        axes.text(value + limit * 0.01, position, vnformat.format_percent(round(Decimal(str(value)), 2)),
                  va="center", ha="left", fontproperties=bold if below else regular, fontsize=VALUE_PT, zorder=4,
                  bbox={"facecolor": "#ffffff", "edgecolor": "none", "pad": 0.6})
    handles = [Patch(facecolor=DARK, edgecolor="#000000", linewidth=0.4, label=legend[0]),
               Patch(facecolor=LIGHT, edgecolor="#000000", linewidth=0.4, label=legend[1]),
               Line2D([], [], color="#000000", linestyle=(0, (4, 3)), linewidth=1.0, label=legend[2])]
    shown = [h for h, wanted in zip(handles, (any(b for *_, b in bars), not all(b for *_, b in bars), True))
             if wanted]
    axes.legend(handles=shown, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=len(shown), frameon=False,
                prop=_sized(regular, LABEL_PT))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _sized(font, size: float):
    sized = font.copy()
    sized.set_size(size)
    return sized


def _step(limit: float) -> float:
    """A round tick step giving five to ten ticks up to ``limit``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if limit / step <= 8:
            return float(step)
    return float(10 ** len(str(int(limit))) / 10)
