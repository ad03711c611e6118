"""Office templates: packs (a manifest and Jinja2 wording) and Word forms, their check and guide.

A pack or a Word form from elsewhere is untrusted input: it is checked before it runs
(:mod:`drafter.packs.catalog`) and runs in a sandbox (:mod:`drafter.packs.sandbox`).
"""

from __future__ import annotations


class TemplatePackError(Exception):
    """A template pack that cannot be loaded or rendered; ``where`` names the file and line.

    ``unsafe`` is set when the sandbox, not a mistake, stopped the template.
    """

    def __init__(self, where: str, detail: str, unsafe: bool = False):
        self.where, self.detail, self.unsafe = where, detail, unsafe
        super().__init__(f"{where}: {detail}")

