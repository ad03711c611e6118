"""``drafter schema``"""

from __future__ import annotations

import click


@click.command("schema")
def command() -> None:
    """In JSON Schema của tệp số liệu (tiêu đề, mô tả tiếng Việt) để trình soạn thảo gợi ý trường.

    \b
    Ví dụ:
      drafter schema > schema/report.schema.json
    """
    from drafter.api import schema_json
    from drafter.cli import console

    console.output(schema_json())
