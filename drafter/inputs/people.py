"""Checks of the people an input names: a rank written into the name (W414).

"Đại tá Vũ Văn Tùng" as a name prints "Đại tá Đại tá …" once a rank is added, and is named by
the rank after ("Đại tá Tùng") only when the rank is in its own field; a new-user trial typed it so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.errors import Problem
from drafter.inputs.model import Person, Report

_RANK = re.compile(r"^\s*((?:đại|thượng|trung|thiếu)\s+(?:tá|tướng|úy|uý))\s+(?=\S)", re.IGNORECASE)


def people_problems(report: Report, positions) -> list[Problem]:
    """W414 for every name that opens with a military rank.

    >>> from drafter.inputs.model import Report
    >>> report = Report.model_validate({"unit": {"name": "Gia Lai", "kind": "tỉnh"}, "period": {"year": 2026},
    ...     "document": {"date": "2026-12-15", "signer": {"name": "Đại tá Lê Văn A", "position": "Chỉ huy trưởng"}}})
    >>> [(p.code, p.found, p.expected) for p in people_problems(report, None)]
    [('W414', 'Đại tá Lê Văn A', 'Đại tá')]
    """
    problems = []
    for loc, name in _names(report):
        found = _RANK.match(name)
        if found:
            rank = " ".join(found.group(1).split())
            rank = rank[0].upper() + rank[1:].lower()
            if positions is None:
                problems.append(Problem("W414", ".".join(map(str, loc)), found=name, expected=rank))
            else:
                problems.append(positions.problem("W414", loc, found=name, expected=rank))
    return problems


def _names(report: Report) -> Iterator[tuple[tuple, str]]:
    yield ("document", "signer", "name"), report.document.signer.name
    conference = report.conference
    if conference is None:
        return
    people: list[tuple[tuple, Person | None]] = [(("conference", "chair"), conference.chair)]
    people += [(("conference", "co_chairs", i), p) for i, p in enumerate(conference.co_chairs)]
    people += [(("conference", "attendees", i), p) for i, p in enumerate(conference.attendees)]
    people += [(("conference", "speeches", i, "speaker"), s.speaker) for i, s in enumerate(conference.speeches)]
    for loc, person in people:
        if person is not None:
            yield loc + ("name",), person.name
