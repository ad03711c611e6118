"""Which map and which bodies a period uses: every date of the 2025–2026 reforms, in one place.

Three changes matter to a report, and each has its own day:

=====================  ============  ===========================================================
change                 from          source
=====================  ============  ===========================================================
Huế a thành phố        01/01/2025    Nghị quyết 175/2024/QH15 (tỉnh Thừa Thiên Huế becomes the
                                     centrally-run city of Huế)
34 provinces, two      01/07/2025    Nghị quyết 202/2025/QH15 (63 provinces merged into 34) and the
levels (no district)                 2025 Law on the Organisation of Local Government: from 1 July,
                                     tỉnh, then xã / phường / đặc khu; no huyện, no thị trấn
commune Ban CHQS       26/01/2026    Nghị quyết 66.12/2026/NQ-CP of 26/01/2026 (as reported):
under the province's                 the commune's Ban CHQS is a local military body directly under
military command                     the Bộ CHQS of its province or city, the Bộ Tư lệnh Thủ đô
                                     Hà Nội or the Bộ Tư lệnh Thành phố Hồ Chí Minh
=====================  ============  ===========================================================

The **map** a report uses is the one in force on the last day of its period: a review of the
first half of 2025 (to 30 June) is on the old map of 63 provinces with districts and thị trấn;
the annual review of 2025 is on the new one. The **bodies** that sign are those in place on the
day of signing: before 26/01/2026 a commune's Ban CHQS is the standing defence body of its
people's committee (Luật Dân quân tự vệ 2019, art. 20), from that day it belongs to the
provincial command.

The input stage's checks, the starter, the facts and the roll-up all ask here; nothing else
compares a year with 2025.

>>> era_of(2025, "half-year").current_map, era_of(2025, "year").current_map
(False, True)
>>> era_of(2024).communes, era_of(2026).communes
('xã, phường, thị trấn', 'xã, phường')
>>> era_of(2025, "year", dt.date(2025, 12, 20)).commune_command_under_province
False
>>> era_of(2025, "year", dt.date(2026, 1, 28)).commune_command_under_province
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Thừa Thiên Huế becomes the centrally-run city of Huế.
HUE_CITY_DAY = dt.date(2025, 1, 1)
#: 34 provinces and two levels of local government; districts and thị trấn end.
REFORM_DAY = dt.date(2025, 7, 1)
#: Commune military commands placed directly under the provincial command (Government resolution).
COMMUNE_COMMANDS_DAY = dt.date(2026, 1, 26)

#: Centrally-run cities of the old map (Huế joins them on :data:`HUE_CITY_DAY`).
OLD_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")

#: Commune-level kinds on each map.
OLD_COMMUNE_KINDS = ("xã", "phường", "thị trấn")
CURRENT_COMMUNE_KINDS = ("xã", "phường", "đặc khu")


def period_end(year: int, span: str = "year") -> dt.date:
    """The last day of a period: 30 June for a half-year review, 31 December for a year."""
    return dt.date(year, 6, 30) if span == "half-year" else dt.date(year, 12, 31)


@dataclass(frozen=True)
class Era:
    """What a period (and, for the bodies, a signing day) is reported on."""

    year: int
    span: str
    #: The day the document is signed, when known; it decides which bodies exist.
    signed: dt.date | None = None

    @property
    def end(self) -> dt.date:
        return period_end(self.year, self.span)

    @property
    def current_map(self) -> bool:
        """The map in force since 1 July 2025: 34 provinces, communes directly under them."""
        return self.end >= REFORM_DAY

    @property
    def has_districts(self) -> bool:
        return not self.current_map

    @property
    def commune_kinds(self) -> tuple[str, ...]:
        return CURRENT_COMMUNE_KINDS if self.current_map else OLD_COMMUNE_KINDS

    @property
    def communes(self) -> str:
        """How a text names the units one level below a province: "xã, phường" (with "thị trấn" before)."""
        return "xã, phường" if self.current_map else "xã, phường, thị trấn"

    @property
    def cities(self) -> tuple[str, ...]:
        """Centrally-run cities of the old map at the period's end (the current map says so itself)."""
        return OLD_CITIES + (("Huế",) if self.end >= HUE_CITY_DAY else ())

    @property
    def commune_command_under_province(self) -> bool:
        """Whether a commune's Ban CHQS belongs to the provincial command (else to its people's committee).

        Without a signing day, the day after the period ends stands for it.
        """
        day = self.signed or self.end + dt.timedelta(days=1)
        return day >= COMMUNE_COMMANDS_DAY


def era_of(year: int, span: str = "year", signed: dt.date | None = None) -> Era:
    return Era(year, span, signed)


def era_for(report) -> Era:
    """The era of a :class:`~drafter.inputs.model.Report`: its period, signed on its document's date."""
    document = getattr(report, "document", None)
    return Era(report.period.year, report.period.span, getattr(document, "date", None))
