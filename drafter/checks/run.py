"""Every check of one draft, and what they found: :class:`CheckResult`.

:func:`run_checks` receives a draft's text as a reader sees it, the facts it was written from and,
for a phrase-bank pack, the :class:`~drafter.document.Draft` itself (its sentences carry their
sources). :func:`drafter.api.check` renders the draft and calls it; ``drafter check`` prints it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.checks.fidelity import FidelityResult, check_fidelity
from drafter.checks.hygiene import Issue, hygiene_problems
from drafter.checks.sentences import check_sentences
from drafter.checks.spelling import check_spelling, hunspell_available, input_words
from drafter.document import Draft
from drafter.facts import Facts

__all__ = ["CheckResult", "run_checks"]

#: The kind of document :func:`~drafter.checks.sentences.check_sentences` checks, by pack kind.
_SENTENCE_KINDS = {"decree30": "report", "news": "news"}


@dataclass(frozen=True)
class CheckResult:
    """What each check found in one draft.

    ``sentences`` is None when the draft has no sentences to check (a Word form, a Jinja pack);
    ``spelling`` is None when spelling was not checked (not asked, or hunspell missing).
    """

    figures: FidelityResult
    #: The format checked: txt, md or docx (read back as a reader sees it).
    format: str = "txt"
    sentences: tuple[str, ...] | None = None
    hygiene: tuple[Issue, ...] = ()
    spelling: tuple[Issue, ...] | None = None

    @property
    def ok(self) -> bool:
        return self.figures.ok and not self.sentences and not self.hygiene and not self.spelling

    @property
    def count(self) -> int:
        """How many faults were found, each figure, sentence and issue counted once."""
        return (len(self.figures.unexplained) + len(self.figures.missing) + len(self.sentences or ())
                + len(self.hygiene) + len(self.spelling or ()))


def run_checks(text: str, facts: Facts, template: str | Path, format: str = "txt", draft: Draft | None = None,
               pack_kind: str = "", spelling: bool = True, allowed: Iterable[str] = ()) -> CheckResult:
    """Every check of ``text`` (a draft in ``format``) against the facts it was written from.

    Figures (:func:`~drafter.checks.fidelity.check_fidelity`); sentences when ``draft`` is given and
    ``pack_kind`` is a report's or an article's; hygiene; spelling when asked and hunspell is here,
    with the input's words and ``allowed`` accepted.
    """
    report = facts.report
    sentences = None
    if draft is not None and pack_kind in _SENTENCE_KINDS:
        sentences = tuple(check_sentences(draft, report, _SENTENCE_KINDS[pack_kind]))
    misspelt = None
    if spelling and hunspell_available():
        misspelt = tuple(check_spelling(text, input_words(report) | set(allowed)))
    return CheckResult(check_fidelity(text, facts, template), format, sentences, tuple(hygiene_problems(text)),
                       misspelt)
