"""The masthead of a Decree 30 document, from the issuer the facts name."""

from __future__ import annotations

import re

from drafter import vnformat
from drafter.document import Masthead, Signature
from drafter.facts import Facts
from drafter.facts.issuer import Issuer
from drafter.inputs.dates import signing_year

_KIND_WORDS = re.compile(r" (?=(tỉnh|thành phố|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã|khu vực) [^ ])",
                         re.IGNORECASE)


def masthead_name(name: str, width: int = 24) -> str:
    """An agency name broken as offices break it in the header: the body, then its unit.

    >>> masthead_name("Ủy ban nhân dân tỉnh Gia Lai")
    'Ủy ban nhân dân\\ntỉnh Gia Lai'
    >>> masthead_name("Bộ Tư lệnh Quân khu 5"), masthead_name("Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên")
    ('Bộ Tư lệnh Quân khu 5', 'Ban Chỉ huy Phòng thủ\\nkhu vực 4 - Vĩnh Yên')
    """
    if len(name) <= width or "\n" in name:
        return name
    matches = list(_KIND_WORDS.finditer(name))
    if not matches:
        return name
    cut = matches[-1].start()
    return name[:cut] + "\n" + name[cut + 1 :]


def masthead_for(facts: Facts, summary: str, doc_type: str = "") -> Masthead:
    """What Decree 30 puts around one report's body: its issuer's names, number, place and date, signature."""
    report = facts.report
    return masthead_of(facts.issuer, report.document.number, report.document.date, summary, doc_type,
                       signing_year(report.period.year, report.period.span))


def masthead_of(issuer: Issuer, number: int | None, date, summary: str, doc_type: str = "",
                year: int | None = None) -> Masthead:
    """The masthead of a document of ``issuer`` (a report's, or a roll-up's). Without a ``date``
    the place line leaves the day and month blank for the signing day, with ``year``."""
    return Masthead(
        issuing_agency=masthead_name(issuer.agency),
        parent_agency=masthead_name(issuer.parent),
        number=vnformat.format_doc_number(number, "BC", issuer.code),
        place_date=vnformat.format_place_date(issuer.place, date, year),
        doc_type=doc_type or "BÁO CÁO",
        summary=summary,
        signature=Signature(lines=issuer.signature_lines, signer=issuer.signer),
        recipients=issuer.recipients,
    )
