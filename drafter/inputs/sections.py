"""The sections of a report: the conference and its people, the results of each field of work
(Readiness … Security), awards, the overall assessment, the tasks ahead, the previous period's figures.

:class:`~drafter.inputs.model.Report` gathers them; every name here is also importable from
:mod:`drafter.inputs.model`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from drafter.inputs.fields import Choice, Count, Money, Name, Percent, Share, Strict, Text
from drafter.inputs.fields import described as _field

__all__ = [
    "Assessment", "Award", "Conference", "DefenceEducation", "DefenceLand", "Directive", "Disaster", "Exercises",
    "ForeignRelations", "Funding", "Leadership", "Militia", "Person", "PreviousFigures", "Readiness", "Recruitment",
    "Remains", "Reserve", "Security", "SocioEconomic", "Speech", "Task", "Welfare",
]


class Person(Strict):
    rank: Name | None = _field("Cấp bậc", "Quân hàm, nếu có: Đại tá, Thượng tá…", default=None, examples=["Đại tá"])
    name: Name = _field("Họ và tên", "Họ và tên đầy đủ.", examples=["Nguyễn Văn An"])
    titles: list[Name] = _field(
        "Chức vụ",
        "Các chức vụ theo thứ tự viết trong bài, đầy đủ ở lần nêu đầu tiên.",
        default_factory=list,
        examples=[["Ủy viên Ban Thường vụ Tỉnh ủy", "Chỉ huy trưởng Bộ CHQS tỉnh"]],
    )
    short_title: Name | None = _field(
        "Chức vụ rút gọn",
        "Cách gọi ngắn ở các lần nêu sau; mặc định là chức Bí thư cấp ủy nếu có, không thì chức vụ cuối cùng.",
        default=None,
        examples=["Chỉ huy trưởng Bộ CHQS tỉnh"],
    )
    attends_as: Annotated[Literal["chỉ đạo", "dự"], Choice] | None = _field(
        "Tư cách dự hội nghị",
        "“chỉ đạo”: lãnh đạo cơ quan cấp trên về dự và chỉ đạo; “dự”: tham dự (cùng cấp, HĐND, MTTQ, "
        "chỉ huy của đơn vị tổ chức). Bỏ trống để tự suy từ chức vụ.",
        default=None,
    )



class Directive(Strict):
    """Tasks addressed to one body or group: a chair's conclusion or the next period's directions."""

    to: Name = _field(
        "Gửi tới", "Cơ quan, lực lượng được giao: “cấp ủy, chính quyền các cấp”, “Bộ CHQS tỉnh”.",
        examples=["các sở, ban, ngành, địa phương"])
    items: list[Text] = _field("Nội dung", "Các nhiệm vụ, mỗi dòng một ý.", min_length=1)
    verb: Annotated[Literal["đề nghị", "yêu cầu", "giao", "nhấn mạnh"], Choice] | None = _field(
        "Động từ", "Bỏ trống để tự chọn theo quan hệ giữa người kết luận và nơi nhận nhiệm vụ.", default=None)

    def __str__(self) -> str:
        # Office templates written for plain-text tasks print a grouped one whole.
        return f"{self.to}: " + "; ".join(self.items)


#: A task list item: plain text, or tasks grouped by addressee.
Task = Text | Directive


class Speech(Strict):
    speaker: Person = _field("Người phát biểu", "Người phát biểu tại hội nghị.")
    points: list[Text] = _field("Nội dung", "Các ý chính của bài phát biểu.", default_factory=list)


class Conference(Strict):
    name: Name | None = _field(
        "Tên hội nghị", "Tên hội nghị như đơn vị gọi, khi khác tên thường dùng; bài tin nêu đúng tên này.",
        default=None, examples=["Hội nghị Quân chính 6 tháng đầu năm 2025"])
    date: dt.date | None = _field(
        "Ngày hội nghị", "Ngày tổ chức hội nghị; bỏ trống nếu chưa rõ (bài tin không nêu ngày).",
        default=None, examples=["2026-12-13"])
    time_of_day: Annotated[Literal["sáng", "chiều", "tối"], Choice] | None = _field("Buổi", "sáng, chiều hoặc tối.", default=None)
    venue: Name | None = _field("Địa điểm", "Nơi tổ chức hội nghị.", default=None)
    organiser: Name | None = _field("Đơn vị tổ chức", "Mặc định là cơ quan ban hành.", default=None)
    chair: Person | None = _field("Chủ trì", "Người chủ trì hội nghị.", default=None)
    co_chairs: list[Person] = _field("Đồng chủ trì", "Những người cùng chủ trì hội nghị, nếu có.", default_factory=list)
    attendees: list[Person] = _field("Đại biểu", "Các đại biểu dự, chỉ đạo hội nghị.", default_factory=list)
    other_attendees: list[Text] = _field(
        "Thành phần khác", "Các thành phần dự hội nghị, ghi theo nhóm.", default_factory=list
    )
    speeches: list[Speech] = _field("Phát biểu", "Các bài phát biểu chỉ đạo.", default_factory=list)
    conclusion: list[Task] = _field(
        "Kết luận",
        "Các ý kết luận của chủ trì, mỗi dòng một ý; hoặc theo nơi nhận: “- to: …” rồi “items:”.",
        default_factory=list,
    )


class SocioEconomic(Strict):
    targets_met: Count | None = _field("Số chỉ tiêu đạt", "Số chỉ tiêu kinh tế - xã hội đạt và vượt.", default=None)
    targets_total: Count | None = _field("Tổng số chỉ tiêu", "Tổng số chỉ tiêu kinh tế - xã hội.", default=None)
    notes: list[Text] = _field("Ghi chú", "Nhận định chung về kinh tế - xã hội.", default_factory=list)


class Leadership(Strict):
    documents_issued: Count | None = _field(
        "Văn bản lãnh đạo, chỉ đạo", "Số văn bản lãnh đạo, chỉ đạo đã ban hành.", default=None
    )
    legal_bases: list[Name] = _field(
        "Căn cứ", "Văn bản được quán triệt: “Nghị định số 03/2019/NĐ-CP”.", default_factory=list
    )
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác, ghi như muốn thể hiện.", default_factory=list)


class Readiness(Strict):
    duty_days: Count | None = _field("Số ngày trực", "Số ngày duy trì trực sẵn sàng chiến đấu.", default=None)
    notes: list[Text] = _field("Kết quả", "Các kết quả sẵn sàng chiến đấu, trực.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Exercises(Strict):
    defence_zone: Count | None = _field(
        "Diễn tập khu vực phòng thủ", "Số cuộc diễn tập khu vực phòng thủ.", default=None
    )
    civil_defence: Count | None = _field("Diễn tập phòng thủ dân sự", "Số cuộc diễn tập phòng thủ dân sự.", default=None)
    communes_exercised: Count | None = _field(
        "Số xã diễn tập", "Số xã, phường diễn tập chiến đấu trong khu vực phòng thủ.", default=None
    )
    communes_total: Count | None = _field("Tổng số xã", "Tổng số xã, phường của đơn vị.", default=None)
    evaluated_by: Name | None = _field("Cấp đánh giá", "Cơ quan đánh giá: “Quân khu 5”.", default=None)
    rating: Name | None = _field("Xếp loại", "Kết quả đánh giá diễn tập khu vực phòng thủ (khi chỉ có diễn tập phòng thủ dân sự: của nó): “khá”, “giỏi”…", default=None)
    units_trained: Count | None = _field("Số cơ quan, đơn vị huấn luyện", "Số đơn vị tham gia huấn luyện.", default=None)
    scope: Name | None = _field(
        "Phạm vi diễn tập khu vực phòng thủ",
        "Đơn vị, địa bàn của các cuộc diễn tập khu vực phòng thủ (bài viết nói là diễn tập khu vực phòng thủ): "
        "“7 huyện”, “xã Ia Grai và xã Ia Dêr”; diễn tập khác thì ghi ở “notes”.",
        default=None)
    communes_share: Share | None = _field(
        "Tỷ lệ xã diễn tập (%)", "Khi không có số xã: tỷ lệ xã, phường diễn tập chiến đấu (ví dụ 25).", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Militia(Strict):
    strength: Count | None = _field("Quân số dân quân tự vệ", "Tổng quân số DQTV.", default=None)
    trained: Count | None = _field("Số được huấn luyện", "Số cán bộ, chiến sĩ DQTV được huấn luyện.", default=None)
    party_members: Count | None = _field("Đảng viên", "Số đảng viên trong DQTV.", default=None)
    share: Share | None = _field(
        "Tỷ lệ DQTV so với dân số (%)", "Khi không có dân số: tỷ lệ so với dân số (ví dụ 1.35).", default=None)
    mobile: Count | None = _field("Dân quân cơ động", "Quân số dân quân cơ động (trong tổng quân số).", default=None)
    local: Count | None = _field("Dân quân tại chỗ", "Quân số dân quân tại chỗ (trong tổng quân số).", default=None)
    standing: Count | None = _field("Dân quân thường trực", "Quân số dân quân thường trực (trong tổng quân số).", default=None)
    self_defence: Count | None = _field("Tự vệ", "Quân số tự vệ trong cơ quan, doanh nghiệp (trong tổng quân số).", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Reserve(Strict):
    registered: Count | None = _field("Quân nhân dự bị đăng ký", "Số quân nhân dự bị đã đăng ký, quản lý.", default=None)
    called_for_training: Count | None = _field(
        "Huy động huấn luyện", "Số quân nhân dự bị được gọi huấn luyện, kiểm tra sẵn sàng động viên.", default=None
    )
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class DefenceEducation(Strict):
    group_1: Count | None = _field("Đối tượng 1", "Số người được bồi dưỡng kiến thức QPAN đối tượng 1.", default=None)
    group_2: Count | None = _field("Đối tượng 2", "Số người bồi dưỡng đối tượng 2.", default=None)
    group_3: Count | None = _field("Đối tượng 3", "Số người bồi dưỡng đối tượng 3.", default=None)
    group_4: Count | None = _field("Đối tượng 4", "Số người bồi dưỡng đối tượng 4.", default=None)
    students: Count | None = _field("Học sinh, sinh viên", "Số học sinh, sinh viên học giáo dục QPAN.", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Recruitment(Strict):
    quota: Count | None = _field("Chỉ tiêu giao quân", "Chỉ tiêu gọi công dân nhập ngũ.", default=None)
    delivered: Count | None = _field("Số giao quân", "Số công dân đã nhập ngũ.", default=None)
    party_members: Count | None = _field("Đảng viên nhập ngũ", "Số đảng viên trong số công dân nhập ngũ.", default=None)
    police_quota: Count | None = _field("Chỉ tiêu CAND", "Chỉ tiêu thực hiện nghĩa vụ tham gia Công an nhân dân.", default=None)
    police_delivered: Count | None = _field("Số nhập ngũ CAND", "Số công dân thực hiện nghĩa vụ CAND.", default=None)
    registered_age_17: Count | None = _field(
        "Đăng ký NVQS tuổi 17", "Số công dân nam đủ 17 tuổi đăng ký nghĩa vụ quân sự.", default=None
    )
    includes_police: bool = _field(
        "Số giao quân gồm cả CAND",
        "true khi số giao quân và chỉ tiêu đã gồm công dân thực hiện nghĩa vụ tham gia Công an nhân dân.",
        default=False)
    rate: Percent | None = _field(
        "Tỷ lệ đạt chỉ tiêu (%)", "Khi không có chỉ tiêu và số giao quân: tỷ lệ hoàn thành (ví dụ 100).", default=None)
    levels: Count | None = _field(
        "Số cấp đạt chỉ tiêu", "Số cấp cùng đạt tỷ lệ trên: “100% chỉ tiêu ở 3 cấp” (ví dụ 3).", default=None)
    party_share: Share | None = _field(
        "Tỷ lệ đảng viên nhập ngũ (%)", "Khi không có số đảng viên: tỷ lệ đảng viên (ví dụ 1.66).", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Welfare(Strict):
    houses: Count | None = _field("Nhà tình nghĩa", "Số nhà tình nghĩa, nhà đồng đội xây tặng, sửa chữa.", default=None)
    amount: Money | None = _field("Kinh phí chính sách", "Tổng kinh phí thực hiện chính sách (đồng).", default=None)
    beneficiaries: Count | None = _field("Lượt đối tượng", "Số lượt đối tượng được thăm, tặng quà, hưởng chế độ.", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Disaster(Strict):
    responses: Count | None = _field("Số lần ứng phó", "Số vụ, lần tham gia phòng, chống thiên tai, cứu nạn.", default=None)
    fires: Count | None = _field("Vụ cháy", "Trong số trên: số vụ cháy rừng, cháy nổ.", default=None)
    storms_floods: Count | None = _field("Bão, lũ", "Trong số trên: số vụ bão, lũ, ngập lụt.", default=None)
    landslides: Count | None = _field("Sạt lở", "Trong số trên: số vụ sạt lở đất.", default=None)
    personnel: Count | None = _field("Lượt người", "Số lượt cán bộ, chiến sĩ, DQTV tham gia.", default=None)
    vehicles: Count | None = _field("Lượt phương tiện", "Số lượt phương tiện huy động.", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Remains(Strict):
    abroad: Count | None = _field("Hài cốt ở nước ngoài", "Số hài cốt liệt sĩ quy tập ở nước ngoài.", default=None)
    abroad_country: Name | None = _field("Nước", "Nơi quy tập ở nước ngoài: “Campuchia”.", default=None)
    domestic: Count | None = _field("Hài cốt trong nước", "Số hài cốt liệt sĩ quy tập trên địa bàn.", default=None)
    team: Name | None = _field("Đội quy tập", "Đội tìm kiếm, quy tập: “Đội K52”.", default=None)
    category: Name | None = _field(
        "Đối tượng quy tập", "Hài cốt của ai: “liệt sĩ quân tình nguyện và chuyên gia Việt Nam”.", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class ForeignRelations(Strict):
    partners: list[Name] = _field("Đối tác", "Các địa phương, đơn vị kết nghĩa, hợp tác.", default_factory=list)
    activities: Count | None = _field("Số hoạt động", "Số hoạt động đối ngoại quốc phòng.", default=None)
    notes: list[Text] = _field("Kết quả khác", "Các kết quả khác của mục này, mỗi dòng một ý, giữ nguyên cách viết.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class DefenceLand(Strict):
    area_ha: Annotated[float, Field(ge=0, le=10_000_000, allow_inf_nan=False)] | None = _field(
        "Diện tích (ha)", "Diện tích đất quốc phòng được quản lý (ha).", default=None
    )
    notes: list[Text] = _field("Kết quả", "Kết quả quản lý, sử dụng đất quốc phòng, mỗi dòng một ý.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Funding(Strict):
    amount: Money | None = _field("Kinh phí đầu tư", "Kinh phí xây dựng, sửa chữa (đồng).", default=None)
    facilities: Count | None = _field("Số công trình", "Số nhà làm việc, công trình được xây, sửa.", default=None)
    purpose: Text | None = _field("Nội dung", "Nội dung đầu tư: “xây dựng, sửa chữa nhà làm việc Ban CHQS xã”.", default=None)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Security(Strict):
    criminal_cases: Count | None = _field("Số vụ phạm pháp hình sự", "Số vụ phạm pháp hình sự trong kỳ.", default=None)
    notes: list[Text] = _field("Tình hình", "Nhận định tình hình an ninh, trật tự.", default_factory=list)
    legal_bases: list[Name] = _field(
        "Văn bản căn cứ", "Văn bản được thực hiện ở mục này: “Quyết định số 49/2015/QĐ-TTg”.", default_factory=list)


class Award(Strict):
    giver: Name = _field("Cấp khen", "Người, cơ quan tặng: “Chủ tịch UBND tỉnh”.")
    kind: Annotated[Literal["bằng khen", "giấy khen", "cờ thi đua"], Choice] = _field("Hình thức", "bằng khen, giấy khen, cờ thi đua.")
    collectives: Count = _field("Số tập thể", "Số tập thể được khen.", default=0)
    individuals: Count = _field("Số cá nhân", "Số cá nhân được khen.", default=0)
    reason: Text | None = _field("Lý do", "Thành tích được khen, như quyết định khen thưởng ghi.", default=None)
    presenter: Name | None = _field(
        "Người trao", "Người trao tận tay, khi không phải người, cơ quan tặng: “Thiếu tướng Lê Minh Đạt”.", default=None)


class Assessment(Strict):
    strengths: list[Text] = _field("Ưu điểm", "Các ưu điểm, mỗi dòng một ý.", default_factory=list)
    shortcomings: list[Text] = _field("Hạn chế", "Các hạn chế, khuyết điểm, mỗi dòng một ý.", default_factory=list)
    causes: list[Text] = _field("Nguyên nhân", "Nguyên nhân của hạn chế, mỗi dòng một ý.", default_factory=list)
    lessons: list[Text] = _field("Bài học kinh nghiệm", "Các bài học kinh nghiệm, mỗi dòng một ý.", default_factory=list)


class PreviousFigures(Strict):
    """Figures of the previous period, used only to state the change."""

    recruits_delivered: Count | None = _field("Giao quân kỳ trước", "Số công dân nhập ngũ kỳ trước.", default=None)
    registered_age_17: Count | None = _field("Đăng ký tuổi 17 kỳ trước", "Số công dân đăng ký NVQS tuổi 17 kỳ trước.", default=None)
    militia_strength: Count | None = _field("Quân số DQTV kỳ trước", "Tổng quân số dân quân tự vệ kỳ trước.", default=None)
    reserve_called: Count | None = _field("Huy động DBĐV kỳ trước", "Số quân nhân dự bị được gọi huấn luyện kỳ trước.", default=None)
    criminal_cases: Count | None = _field("Phạm pháp hình sự kỳ trước", "Số vụ phạm pháp hình sự kỳ trước.", default=None)
    remains: Count | None = _field("Hài cốt quy tập kỳ trước", "Tổng số hài cốt liệt sĩ quy tập kỳ trước.", default=None)
    welfare_amount: Money | None = _field("Kinh phí chính sách kỳ trước", "Kinh phí chính sách hậu phương quân đội kỳ trước (đồng).", default=None)
