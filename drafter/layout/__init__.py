"""Layout writers: a :class:`~drafter.document.Draft` in, a file's content out.

- :func:`write_decree30` — the administrative report in the Decree 30/2020/NĐ-CP format (.docx);
- :func:`write_news_docx` — a news article on plain A4 pages (.docx);
- :func:`write_markdown`, :func:`write_text` — the same draft as Markdown or plain text.

Every writer is deterministic: the same draft gives the same bytes or string.
"""

import dataclasses

from drafter.document import Chart, Draft, Image


def __getattr__(name: str):
    # Each writer is loaded when first asked for: a Markdown draft needs no python-docx, a report
    # no news writer. The names stay importable from here (module __getattr__, PEP 562).
    if name in ("Decree30Settings", "write_decree30"):
        from drafter.layout import decree30 as writer
    elif name in ("NewsSettings", "write_news_docx"):
        from drafter.layout import news as writer
    elif name in ("write_markdown", "write_text"):
        from drafter.layout import text as writer
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(writer, name)


def drawn(draft: Draft) -> Draft:
    """The draft with its charts drawn as pictures, as every writer of a page lays them out."""
    if not any(isinstance(block, Chart) for block in draft.blocks):
        return draft
    from drafter.layout.chart import bar_chart

    blocks = tuple(Image(bar_chart(b.bars, axis_label=b.axis_label, legend=b.legend), b.caption, b.width_cm)
                   if isinstance(b, Chart) else b for b in draft.blocks)
    return dataclasses.replace(draft, blocks=blocks)


__all__ = [
    "drawn",
    "Decree30Settings",
    "NewsSettings",
    "write_decree30",
    "write_markdown",
    "write_news_docx",
    "write_text",
]
