"""The masthead of a Decree 30 document, from the issuer the facts name."""

from __future__ import annotations

import re

from drafter import vnformat
from drafter.document import Masthead, Signature
from drafter.facts import Facts


_KIND_WORDS = re.compile(r" (?=(tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã) [^ ])", re.IGNORECASE)


def masthead_name(name: str, width: int = 24) -> str:
    """An agency name broken as offices break it in the header: the body, then its unit.

    >>> masthead_name("Ủy ban nhân dân tỉnh Gia Lai")
    'Ủy ban nhân dân\\ntỉnh Gia Lai'
    >>> masthead_name("Quân khu 5")
    'Quân khu 5'
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
    return Masthead(
        issuing_agency=masthead_name(facts.issuing_agency),
        parent_agency=masthead_name(facts.parent_agency),
        number=vnformat.format_doc_number(report.document.number, "BC", facts.issuer_code),
        place_date=vnformat.format_place_date(facts.place, report.document.date),
        doc_type=doc_type or "BÁO CÁO",
        summary=summary,
        signature=Signature(lines=facts.signature_lines, signer=facts.signer_display),
        recipients=facts.recipients,
    )
