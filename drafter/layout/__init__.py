"""Layout writers: a :class:`~drafter.document.Draft` in, a file's content out.

- :func:`write_decree30` — the administrative report in the Decree 30/2020/NĐ-CP format (.docx);
- :func:`write_news_docx` — a news article on plain A4 pages (.docx);
- :func:`write_markdown`, :func:`write_text` — the same draft as Markdown or plain text.

Every writer is deterministic: the same draft gives the same bytes or string.
"""

from drafter.layout.decree30 import Decree30Settings, write_decree30
from drafter.layout.news import NewsSettings, write_news_docx
from drafter.layout.text import write_markdown, write_text

__all__ = [
    "Decree30Settings",
    "NewsSettings",
    "write_decree30",
    "write_markdown",
    "write_news_docx",
    "write_text",
]
