"""Office templates: packs (a manifest and Jinja2 wording) and Word forms, their check and guide.

A pack or a Word form from elsewhere is untrusted input: it is checked before it runs
(:mod:`drafter.packs.check`), read only from inside its own folder (:mod:`drafter.packs.loader`)
and runs in a sandbox with resource limits (:mod:`drafter.packs.sandbox`, :mod:`drafter.packs.limits`).
"""

from __future__ import annotations


class TemplatePackError(Exception):
    """A template pack that cannot be loaded or rendered; ``where`` names the file and line.

    ``code`` is the problem's code (E504, "mẫu lỗi", unless a more precise one is known);
    ``unsafe`` is set when the sandbox, not a mistake, stopped the template.
    """

    def __init__(self, where: str, detail: str, unsafe: bool = False, code: str = "", line: int | None = None,
                 found: str = "", expected: str = "", extra: dict | None = None):
        self.where, self.detail, self.unsafe = where, detail, unsafe
        self.code = code or ("E518" if unsafe else "E504")
        self.line, self.found, self.expected, self.extra = line, found, expected, dict(extra or {})
        super().__init__(f"{where}: {detail}")

    def problem(self, pack: str = ""):
        """This error as a :class:`~drafter.errors.Problem`; ``pack`` names the pack for E504."""
        from drafter.errors import Problem

        extra = {"detail": self.detail, **self.extra}
        found = self.found or (pack if self.code == "E504" else "")
        return Problem(self.code, self.where, self.line, found=found, expected=self.expected, extra=extra)
