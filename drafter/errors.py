"""User-facing problems and the catalogue of their Vietnamese messages.

Every message a user can see has a stable code, so that the README's
troubleshooting table can explain it and a translation can replace it.

>>> Problem("E201", "bao-cao.yaml", 4, 3, "recruitment.quota", found="-5").render()
'bao-cao.yaml:4:3: lỗi E201 [recruitment.quota]: số không được âm (gặp: -5). Sửa: nhập số từ 0 trở lên.'
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field

#: code -> (message, fix). Messages take ``{found}``, ``{expected}`` and any extra keyword.
MESSAGES: dict[str, tuple[str, str]] = {
    # E1xx: reading the file
    "E101": ("không đọc được tệp ({detail})", "kiểm tra đường dẫn và quyền đọc tệp."),
    "E102": ("tệp rỗng", "điền nội dung theo tệp mẫu trong thư mục samples/."),
    "E103": ("lỗi cú pháp YAML: {detail}", "kiểm tra thụt lề (dùng dấu cách, không dùng tab) và dấu “:” sau tên trường."),
    "E104": ("khóa “{found}” bị lặp lại", "mỗi trường chỉ được khai một lần; xóa dòng thừa."),
    "E105": ("tệp không phải mã UTF-8{detail}", "lưu lại tệp với mã UTF-8 (Notepad: File > Save As > Encoding: UTF-8)."),
    "E106": ("nội dung gốc phải là các cặp “tên: giá trị”", "bắt đầu tệp bằng “unit:” như tệp mẫu."),
    "E107": ("đường dẫn là một thư mục, không phải tệp", "chỉ ra một tệp .yaml cụ thể."),
    "E108": ("thẻ YAML “{found}” không được phép", "bỏ thẻ bắt đầu bằng “!”; chỉ dùng giá trị thường."),
    "E109": ("tệp quá lớn hoặc có quá nhiều tham chiếu lồng nhau", "kiểm tra lại tệp; một báo cáo chỉ cần vài trăm dòng."),
    # E11x: reading an Excel workbook (the place is "tệp.xlsx!Trang!Ô")
    "E110": ("không mở được bảng tính ({detail})", "lưu lại tệp dạng Excel Workbook (.xlsx) rồi thử lại."),
    "E111": ("không có trang “{expected}” (các trang có: {found})", "dùng bảng tính tạo bằng “drafter init --excel”, hoặc đổi tên trang số liệu thành “{expected}”."),
    "E112": ("có ô gộp {found} trong vùng số liệu", "bỏ gộp ô (Merge & Center > Unmerge Cells); mỗi đơn vị một dòng, mỗi số liệu một ô."),
    "E113": ("ô có công thức nhưng chưa có kết quả tính", "mở tệp bằng Excel, để Excel tính xong rồi lưu lại (hoặc thay công thức bằng giá trị)."),
    "E114": ("ô có lỗi công thức “{found}”", "sửa công thức hoặc nhập thẳng giá trị."),
    "E115": ("không tìm thấy dòng tiêu đề cột", "dùng bảng tính tạo bằng “drafter init --excel”; giữ nguyên ba dòng đầu."),
    "E116": ("cột “{found}” không có trong mẫu{suggestion}", "xóa cột hoặc sửa tiêu đề theo bảng tính mẫu."),
    "E117": ("cột “{found}” bị lặp lại", "mỗi số liệu chỉ một cột; xóa cột thừa."),
    "E118": ("bảng tính không có dòng số liệu nào", "điền mỗi đơn vị một dòng, từ dòng {expected}."),
    "E119": ("tệp Excel 97-2003 (.xls) không được hỗ trợ", "mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx)."),
    # E12x: text typed in a legacy Vietnamese encoding, or a file that is not YAML text at all
    "E120": ("chữ Việt có vẻ được gõ bằng bảng mã TCVN3 (ABC): “{found}” có lẽ là “{expected}”",
             "chuyển sang Unicode bằng Unikey: Công cụ chuyển mã (Ctrl+Shift+F6), nguồn TCVN3 (ABC), đích Unicode; "
             "rồi lưu tệp dạng UTF-8."),
    "E121": ("chữ Việt có vẻ được gõ bằng bảng mã VNI Windows: “{found}” có lẽ là “{expected}”",
             "chuyển sang Unicode bằng Unikey: Công cụ chuyển mã (Ctrl+Shift+F6), nguồn VNI Windows, đích Unicode; "
             "rồi lưu tệp dạng UTF-8."),
    "E122": ("tệp không phải tệp số liệu YAML mà là {found}",
             "bảng tính .xlsx thì dùng lệnh “drafter batch tệp.xlsx -o thư-mục/”; còn lại chỉ ra tệp .yaml."),
    "E123": ("có ký tự điều khiển hướng chữ {found} (ký tự ẩn làm chữ hiện ngược hoặc đảo thứ tự)",
             "xóa ký tự này; chữ Việt không cần ký tự điều khiển hướng chữ (thường lẫn vào khi sao chép từ nơi khác)."),
    "E124": ("bảng tính quá lớn khi giải nén ({detail})",
             "một bảng tính số liệu chỉ cần vài MB: mở bằng Excel, xóa các trang, hình ảnh không cần rồi lưu lại "
             "(File > Save As > Excel Workbook), hoặc tách thành nhiều tệp."),
    "E125": ("bảng tính có quá nhiều dòng số liệu (quá {expected} dòng)", "tách thành nhiều tệp, mỗi tệp tối đa {expected} đơn vị."),
    "E126": ("tên trường phải là chữ, gặp {found}",
             "viết tên trường là chữ rồi dấu “:”, ví dụ “quota: 3350”; bỏ dấu “?” đầu dòng và ngoặc {{ }} hay [ ] quanh tên."),
    # E2xx: a field's value
    "E200": ("thiếu trường bắt buộc “{expected}”", "thêm trường này, xem tệp mẫu."),
    "E201": ("số không được âm (gặp: {found})", "nhập số từ 0 trở lên."),
    "E202": ("cần một số nguyên, gặp “{found}”", "viết số không có dấu chấm phân cách hàng nghìn, ví dụ 2847."),
    "E203": ("cần một số, gặp “{found}”", "viết số thập phân với dấu chấm, ví dụ 0.89."),
    "E204": ("giá trị “{found}” không hợp lệ", "chọn một trong: {expected}."),
    "E205": ("cần một ngày, gặp “{found}”", "viết ngày dạng YYYY-MM-DD, ví dụ 2026-12-13."),
    "E206": ("trường “{found}” không có trong mẫu{suggestion}", "xóa hoặc sửa tên trường."),
    "E207": ("cần một danh sách, gặp “{found}”", "viết mỗi ý trên một dòng bắt đầu bằng “- ”."),
    "E208": ("cần một nhóm trường, gặp “{found}”", "viết các trường con thụt vào dưới dòng này."),
    "E209": ("cần chữ, gặp “{found}”", "viết nội dung dạng chữ; câu có dấu “:” thì đặt cả câu trong ngoặc kép."),
    "E210": ("để trống", "điền nội dung; trường không bắt buộc thì xóa được cả dòng này."),
    "E211": ("nội dung quá dài ({found} ký tự)", "rút gọn còn dưới {expected} ký tự."),
    "E212": ("số quá lớn ({found})", "kiểm tra lại; giá trị tối đa là {expected}."),
    "E213": ("số quá nhỏ ({found})", "giá trị tối thiểu là {expected}."),
    "E214": ("giá trị “{found}” không đúng dạng", "{expected}."),
    "E215": ("dùng “{found}” thay cho một số", "ghi rõ số lượng, ví dụ 0 hoặc 12."),
    "E216": ("có ký tự điều khiển {found} không in được",
             "xóa ký tự này (thường lẫn vào khi sao chép từ trang web, phần mềm khác); Word không mở được văn bản có nó."),
    "E217": ("“{found}” không phải một số cụ thể", "ghi số cụ thể, ví dụ 0 hoặc 12; chưa có số liệu thì xóa dòng này."),
    "E218": ("số thập phân “{found}” viết bằng dấu phẩy", "trong tệp YAML dùng dấu chấm thập phân: {expected}."),
    "E219": ("số quá dài ({found} chữ số)", "kiểm tra lại số này; số liệu trong báo cáo không dài quá 16 chữ số."),
    "E220": ("tỷ lệ “{found}” viết kèm dấu %", "trường này đã tính bằng phần trăm: bỏ dấu %, ghi {expected}."),
    "E221": ("“{key}” là {what}, cần một số, gặp danh sách {count} mục “{found}”",
             "ghi số lượng: “{key}: {expected}”; không có trường nào ghi tên từng người, từng tập thể, nên bỏ danh "
             "sách tên."),
    "E222": ("mỗi ý là một dòng chữ, hoặc một nhóm gồm “to:” (nơi nhận) và “items:” (danh sách các ý); gặp “{found}”",
             "viết ý trên một dòng “- …” (câu có dấu “:” thì đặt cả câu trong ngoặc kép), hoặc viết nhóm: “- to: …”, "
             "dòng dưới “items:”, rồi mỗi ý một dòng “- …” thụt vào."),
    "E299": ("giá trị không hợp lệ: {detail}", "sửa theo tệp mẫu."),
    # E3xx: figures that cannot all be true
    "E301": ("số giao quân {found} vượt xa chỉ tiêu {expected}", "kiểm tra lại chỉ tiêu và số giao quân."),
    "E302": ("{what} ({found}) lớn hơn {whole} ({expected})", "kiểm tra lại hai số này."),
    "E303": ("ngày {found} nằm ngoài kỳ báo cáo ({expected})", "sửa ngày hoặc năm, kỳ báo cáo."),
    "E304": ("cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025", "báo cáo từ năm 2025 dùng cấp tỉnh hoặc cấp xã."),
    "E305": ("{what} chiếm {found} dân số, vượt 100%", "kiểm tra lại dân số và số liệu."),
    "E306": ("khen thưởng không có tập thể hay cá nhân nào", "ghi số tập thể hoặc số cá nhân được khen."),
    "E307": ("đơn vị cấp xã cần tên tỉnh", "thêm “province:” dưới “unit:”."),
    "E308": ("không có đơn vị “{found}” trên bản đồ hành chính từ 01/7/2025{suggestion}",
             "sửa tên theo danh mục đơn vị hành chính hiện hành (34 tỉnh, 3.321 xã, phường, đặc khu)."),
    "E309": ("loại đơn vị “{found}” không đúng, đơn vị này là {expected}", "sửa “kind:” thành “{expected}”."),
    # E31x: the unit's level and its issuer against the map of the period (drafter.inputs.era)
    "E310": ("thị trấn “{found}” không còn từ ngày 01/7/2025",
             "kỳ báo cáo từ năm 2025 (cả năm) ghi đơn vị theo bản đồ mới: “kind: xã” hoặc “kind: phường”."),
    "E311": ("Ban Chỉ huy Phòng thủ khu vực “{found}” chỉ có từ ngày 01/7/2025",
             "với kỳ báo cáo trước 7/2025, ghi đơn vị cấp huyện (kind: huyện, quận, thị xã) hoặc cấp tỉnh."),
    "E312": ("khu vực phòng thủ “{found}” không có Ủy ban nhân dân; báo cáo do Ban Chỉ huy Phòng thủ khu vực ban hành",
             "ghi “issuer: chqs” dưới “document:”."),
    "E313": ("đơn vị cấp huyện “{found}” chưa ghi loại",
             "ghi kèm loại: “huyện Krông Pa”, “quận 3”, “thị xã An Khê”, “thành phố Pleiku”."),
    "E314": ("khu vực phòng thủ “{found}” cần tên tỉnh",
             "thêm “province:” dưới “unit:”: tỉnh, thành phố có Bộ CHQS quản lý Ban Chỉ huy Phòng thủ khu vực."),
    "E315": ("số ngày trực {found} nhiều hơn số ngày của kỳ báo cáo ({expected} ngày)",
             "ghi số ngày đã duy trì trực sẵn sàng chiến đấu, không quá số ngày của kỳ."),
    "E316": ("tên “{found}” có cả loại đơn vị “{what}”: văn bản sẽ in loại đơn vị hai lần",
             "chỉ ghi tên riêng: “{key}: {expected}”; chương trình tự thêm loại đơn vị khi viết (loại của đơn vị "
             "ghi ở dòng “kind:”)."),
    # W4xx: warnings, the draft is still written
    "W401": ("số giao quân {found} vượt chỉ tiêu {expected}", "nếu đúng, giữ nguyên."),
    "W402": ("{what} chiếm {found} dân số, cao bất thường", "kiểm tra lại dân số và số liệu."),
    "W403": ("số giao quân {found} chưa đạt chỉ tiêu {expected}", "nếu đúng, báo cáo sẽ nêu rõ tỷ lệ đạt."),
    "W404": ("không có số liệu nào cho phần kết quả", "báo cáo chỉ có phần đánh giá chung và phương hướng."),
    "W405": ("không tìm thấy “{found}” trên bản đồ hành chính hiện hành{suggestion}",
             "với kỳ báo cáo trước 7/2025, tên theo bản đồ cũ vẫn được chấp nhận; kiểm tra chính tả."),
    "W410": ("{what} thuộc {expected}, không phải “{found}”",
             "sửa “military_region:”, hoặc xóa dòng này để chương trình tự điền theo bản đồ."),
    "W411": ("cấp huyện “{found}” không còn từ ngày 01/7/2025",
             "xóa dòng “district:”; từ 7/2025 xã, phường trực thuộc tỉnh."),
    "W414": ("họ tên “{found}” có quân hàm", "ghi quân hàm ở dòng “rank: {expected}”, chỉ để họ tên ở “name”."),
    "W413": ("tỷ lệ đạt chỉ tiêu {found}% thấp bất thường", "nếu ý là {expected}%, ghi {expected}; nếu đúng, giữ nguyên."),
    "W412": ("số ngày trực {found} nhiều hơn số ngày từ đầu kỳ đến ngày {date} ({expected} ngày)",
             "nếu đã tính cả những ngày còn lại của kỳ, giữ nguyên; không thì ghi số ngày đến ngày báo cáo."),
    "W415": ("“{found}” được hiểu là “{expected}”",
             "ghi đầy đủ “military_region: {expected}” cho rõ, hoặc xóa dòng này để chương trình tự điền theo bản đồ."),
    "W416": ("có buổi “{found}” mà chưa có ngày hội nghị, nên bài tin không nêu buổi",
             "thêm dòng “date: YYYY-MM-DD” (ngày hội nghị) dưới “conference:”, bài tin sẽ mở đầu bằng buổi và ngày; "
             "chưa rõ ngày thì xóa dòng “time_of_day:”."),
    # E5xx: producing the output
    "E501": ("tệp “{found}” đã có", "thêm --force để ghi đè, hoặc chọn tên khác với -o."),
    "E502": ("không ghi được tệp ({detail})", "kiểm tra thư mục đích có tồn tại, được phép ghi và ổ đĩa còn chỗ trống."),
    "E503": ("không tìm thấy mẫu “{found}”", "các mẫu có sẵn: {expected}."),
    "E504": ("mẫu “{found}” lỗi: {detail}", "sửa mẫu theo tài liệu docs/mau-bao-cao.md."),
    "E505": ("định dạng “{found}” không dùng được cho mẫu này", "chọn một trong: {expected}."),
    # E51x-E52x: a user's template (pack folder or Word form), checked before any rendering
    "E510": ("lỗi cú pháp trong mẫu: {detail}", "kiểm tra các cặp {{{{ }}}} và {{% %}}, tên lệnh, dấu ngoặc và dấu nháy."),
    "E511": ("biến “{found}” không có{suggestion}", "xem danh sách biến bằng lệnh “drafter templates vars”."),
    "E512": ("“{found}” không có mục “{what}”{suggestion}", "xem danh sách biến bằng lệnh “drafter templates vars”."),
    "E513": ("bộ lọc “{found}” không có{suggestion}", "xem danh sách bộ lọc bằng lệnh “drafter templates vars”."),
    "E514": ("truy cập “{found}” bị cấm vì lý do an toàn", "mẫu chỉ được dùng biến, bộ lọc trong “drafter templates vars”; bỏ mọi tên bắt đầu bằng “_”."),
    "E515": ("lệnh “{found}” bị cấm vì lý do an toàn", "nối chữ bằng dấu ~, ví dụ {{{{ \"Năm \" ~ period.year }}}}."),
    "E516": ("khối “{found}” mở ở đây nhưng chưa đóng", "thêm {{% {expected} %}} ở cuối khối."),
    "E517": ("thẻ “{found}” không khớp khối nào đang mở{detail}", "xóa thẻ thừa hoặc thêm thẻ mở tương ứng."),
    "E518": ("mẫu bị chặn khi chạy vì truy cập vùng không được phép ({detail})", "bỏ phần truy cập này; chỉ dùng biến, bộ lọc trong “drafter templates vars”."),
    "E519": ("lỗi khi điền mẫu: {detail}", "với số liệu có thể để trống, đặt trong {{% if … %}} … {{% endif %}}."),
    "E520": ("không mở được tệp Word ({detail})", "mở bằng Word và lưu lại dạng Word Document (.docx)."),
    "E521": ("thư mục “{found}” đã có nội dung", "chọn một thư mục mới, hoặc thêm --force để ghi đè các tệp trùng tên."),
    "E522": ("“{found}” không phải gói mẫu hay mẫu Word", "chỉ ra tên mẫu có sẵn ({expected}), thư mục có manifest.yaml, hoặc tệp .docx."),
    "E523": ("“{found}” không dùng được trong mẫu Word{detail}", "bỏ phần này; mẫu Word chỉ in chữ, mọi ký tự được giữ nguyên."),
    "E524": ("không tìm thấy tệp mẫu “{found}” được gọi ở đây", "đặt tệp vào thư mục mẫu hoặc sửa lại tên tệp."),
    "E525": ("mẫu Word chỉ tạo được tệp .docx, không tạo được “{found}”", "bỏ --format, hoặc dùng -o tên-tệp.docx."),
    "E526": ("phép thử “{found}” không có{suggestion}", "dùng các phép thử của Jinja2: defined, none, number, string, even, odd…"),
    # E56x: a phrase bank (phrases.yaml of a pack), checked when it is loaded
    "E560": ("không đọc được ngân hàng câu: {detail}", "lưu tệp dạng UTF-8 và sửa cú pháp YAML theo chi tiết trong thông báo."),
    "E561": ("ngân hàng câu: {detail}", "sửa tên thông điệp theo tệp phrases.yaml của mẫu có sẵn (drafter templates export bao-cao thư-mục/)."),
    "E562": ("ngân hàng câu: {detail}", "chỉ dùng các ô {{…}} mà thông điệp có, như trong tệp phrases.yaml của mẫu có sẵn."),
    "E563": ("ngân hàng câu: {detail}", "mỗi “[” cần một “]”, mỗi “{{” cần một “}}”, mỗi “<” cần một “>”; tên ô chỉ gồm chữ, số và dấu gạch dưới; các cách nói trong “<…|…>” dùng cùng các ô."),
    "E564": ("ngân hàng câu: {detail}", "thêm thông điệp này vào phrases.yaml, chép từ mẫu có sẵn rồi sửa câu chữ."),
    "E565": ("ngân hàng câu: {detail}", "thêm thuật ngữ vào mục terms:, hoặc sửa lại tên."),
    "E566": ("ngân hàng câu: {detail}", "làm theo cách viết trong tệp phrases.yaml của mẫu có sẵn."),
    "E567": ("ngân hàng câu: {detail}", "thêm một cách nói dùng đủ các ô này (phần có thể thiếu đặt trong [ ])."),
    "E527": ("tệp mẫu “{found}” không dùng được: {detail}",
             "mẫu chỉ đọc tệp thật nằm trong thư mục mẫu; chép nội dung tệp vào thư mục mẫu thay cho liên kết."),
    # E528-E529, E539-E546: what one render of a template may cost (drafter.packs.limits), and its manifest
    "E528": ("mẫu tạo ra văn bản quá dài (quá {expected} ký tự)",
             "kiểm tra các vòng lặp {{% for %}} và phép nhân chuỗi trong mẫu; một văn bản không cần dài đến vậy."),
    "E529": ("các vòng lặp trong mẫu chạy quá {expected} lượt", "kiểm tra các vòng {{% for %}} lồng nhau và danh sách range(…) quá dài."),
    "E539": ("mẫu gọi lồng nhau quá {expected} tầng (macro tự gọi lại chính nó, hoặc mẫu include chính nó)",
             "bỏ lời gọi vòng: một macro không gọi lại chính nó, một tệp mẫu không include, import lại chính nó."),
    "E540": ("mẫu chạy quá {expected} giây nên đã bị dừng", "kiểm tra các vòng lặp và macro; một mẫu bình thường chạy xong trong chưa đến một giây."),
    "E541": ("mẫu in ra “{found}”, là {detail}", "chỉ in chữ, số hoặc ngày; xem danh sách biến bằng lệnh “drafter templates vars”."),
    "E542": ("loại mẫu “{found}” không có{suggestion}", "sửa dòng “kind:” trong manifest.yaml thành một trong: {expected}."),
    "E543": ("tệp manifest.yaml không đúng dạng: {detail}",
             "viết mỗi thông tin một dòng “tên: giá trị”, theo manifest.yaml của mẫu có sẵn (drafter templates export bao-cao)."),
    "E544": ("phép tính trong mẫu cho kết quả quá lớn: {detail}", "kiểm tra phép nhân, lũy thừa, center(…), join, replace… trong mẫu."),
    "E545": ("bộ lọc “{found}” không dùng được với giá trị “{expected}” ({detail})",
             "đặt bộ lọc trong {{% if … %}} khi giá trị có thể trống hoặc bằng 0, hoặc dùng bộ lọc hợp với loại giá trị."),
    "E546": ("tệp mẫu “{found}” quá lớn ({detail}; tối đa {expected})", "bỏ phần không cần; một mẫu báo cáo chỉ cần vài chục KB."),
    # E53x, W53x: rolling many units up into one report (drafter rollup)
    "E530": ("không tìm thấy tệp số liệu nào (.yaml, .yml, .xlsx) trong thư mục “{found}”", "kiểm tra lại đường dẫn thư mục."),
    "E531": ("“{found}” không phải tệp số liệu .yaml, .yml hoặc .xlsx", "chỉ ra tệp YAML, thư mục chứa tệp YAML, hoặc bảng tính .xlsx."),
    "E532": ("các báo cáo không cùng kỳ nên không tổng hợp chung được ({detail})", "chỉ tổng hợp báo cáo cùng năm và cùng kỳ (cả năm hoặc 6 tháng đầu năm); tách riêng các tệp khác kỳ rồi chạy lại."),
    "E533": ("{what} có số liệu ở hai nơi: “{found}” và “{expected}”", "mỗi đơn vị chỉ được tổng hợp một lần; bỏ một trong hai tệp (hoặc dòng) rồi chạy lại."),
    "E534": ("tệp cấu hình tổng hợp phải là các cặp “tên: giá trị”", "viết mỗi thông tin một dòng, ví dụ “issuing_agency: Bộ Chỉ huy Quân sự tỉnh Gia Lai” (xem drafter rollup --help)."),
    "E535": ("không có báo cáo nào để tổng hợp", "chỉ ra các tệp số liệu hoặc thư mục chứa chúng."),
    "W536": ("báo cáo của {found} và báo cáo của các đơn vị cấp xã thuộc {found} cùng được tổng hợp; số liệu cấp xã có thể đã nằm trong số liệu của tỉnh", "nếu số liệu bị tính hai lần, bỏ báo cáo của tỉnh hoặc của các xã khỏi danh sách tổng hợp."),
    "W537": ("chỉ có một đơn vị để tổng hợp", "báo cáo tổng hợp thường gồm nhiều đơn vị; với một đơn vị, dùng lệnh drafter render."),
    "W538": ("chưa xác định được {detail} của báo cáo tổng hợp; bản thảo để chỗ trống “[…]” để điền tay", "khai trong tệp cấu hình --config (issuing_agency, place, signer), xem drafter rollup --help."),
    # E6xx: producing drafts for many units at once
    "E601": ("không tìm thấy tệp .yaml, .yml nào trong thư mục “{found}” (kể cả thư mục con)", "kiểm tra lại thư mục; bảng tính .xlsx thì chỉ ra thẳng tên tệp."),
    "E602": ("“{found}” không phải tệp số liệu .yaml, .yml hoặc .xlsx", "chỉ ra tệp YAML, thư mục chứa tệp YAML, hoặc bảng tính .xlsx."),
    "E603": ("chưa tạo vì lệnh bị dừng giữa chừng", "chạy lại cùng lệnh với --skip-existing để tạo nốt các tệp còn thiếu."),
    "E604": ("lỗi nội bộ khi tạo văn bản ({detail})", "chạy lại với DRAFTER_DEBUG=1 và gửi thông báo cho nhóm phát triển."),
    "E605": ("tiến trình tạo văn bản dừng đột ngột ({detail})", "thử lại với --jobs 1 hoặc giảm số tiến trình; kiểm tra bộ nhớ còn trống."),
    "E606": ("thư mục kết quả “{found}” không dùng được ({detail})", "chọn thư mục khác với -o."),
    # E607-E629: the operating system said no
    "E607": ("“{found}” đã có và không phải tệp thông thường ({detail}); không ghi đè", "chọn tên tệp khác với -o; --force chỉ ghi đè tệp thông thường."),
    "E608": ("tên tệp hoặc đường dẫn quá dài", "đặt tên tệp ngắn hơn, hoặc dùng thư mục gần gốc ổ đĩa hơn."),
    "E609": ("không còn chỗ để ghi ({detail})", "giải phóng chỗ trống trên ổ đĩa, hoặc ghi sang ổ khác."),
    "E610": ("không ghi được ra màn hình hoặc tệp nhận kết quả ({detail})",
             "kiểm tra chỗ nhận kết quả sau dấu “>” hoặc “|”; hoặc ghi thẳng ra tệp với -o tên-tệp."),
    "E611": ("hết dữ liệu vào khi chương trình đang hỏi “{found}”", "chạy lệnh trên cửa sổ lệnh để trả lời, hoặc cho đủ thông tin bằng tùy chọn, ví dụ --unit."),
    "E612": ("câu trả lời gõ vào không đọc được (không phải chữ UTF-8)", "đặt cửa sổ lệnh dùng UTF-8 (Windows: chcp 65001), rồi gõ lại."),
    "E613": ("không có quyền ghi ({detail})", "chọn thư mục được phép ghi (ví dụ thư mục Tài liệu của bạn), hoặc bỏ chế độ chỉ đọc của ổ, tệp."),
    "E614": ("không đủ bộ nhớ để xử lý", "kiểm tra lại tệp (một báo cáo chỉ cần vài trăm dòng), đóng bớt chương trình khác, hoặc dùng --jobs 1."),
    "E615": ("đã dừng vì nhận tín hiệu {found}", "chạy lại lệnh; các tệp đã ghi đều hoàn chỉnh (drafter batch: thêm --skip-existing để tạo nốt)."),
    "E616": ("hệ thống không cho mở thêm tệp ({detail})", "giảm số tiến trình (--jobs), đóng bớt chương trình khác rồi chạy lại."),
    "E617": ("lỗi thiết bị khi đọc hoặc ghi ({detail})", "kiểm tra ổ đĩa, USB hoặc ổ mạng; chép tệp sang ổ khác rồi chạy lại."),
    # E7xx: PDF through an office suite (LibreOffice)
    "E701": ("không tìm thấy LibreOffice để tạo tệp PDF",
             "cài LibreOffice: sudo apt-get install libreoffice-writer fonts-liberation2 (Debian/Ubuntu) hoặc tải tại libreoffice.org "
             "(Windows); nếu đã cài ở chỗ khác, đặt biến môi trường DRAFTER_SOFFICE là đường dẫn tới soffice."),
    "E702": ("LibreOffice không chuyển được tệp sang PDF ({detail})",
             "mở tệp .docx bằng LibreOffice hoặc Word để kiểm tra, đóng các cửa sổ LibreOffice đang treo rồi thử lại."),
    "E703": ("LibreOffice chuyển sang PDF quá {expected} giây nên đã bị dừng",
             "thử lại; máy chậm thì đặt biến môi trường DRAFTER_PDF_TIMEOUT (số giây), ví dụ DRAFTER_PDF_TIMEOUT=600."),
    "E704": ("chỉ tạo được PDF từ tệp .docx, không từ định dạng “{found}”", "bỏ --pdf, hoặc chọn --format docx."),
    "E705": ("không tạo được tệp PDF vì chưa tạo được tệp “{found}”", "xem lỗi của tệp .docx ở dòng trên; sửa rồi chạy lại."),
    "E707": ("LibreOffice trả về tệp không dùng được ({detail}), nên không ghi tệp PDF",
             "thử lại; nếu vẫn lỗi, mở tệp .docx bằng LibreOffice và tự lưu thành PDF (File > Export as PDF) "
             "để xem lỗi."),
    "E706": ("phông chữ máy này dùng thay Times New Roman, {found}, thiếu chữ Việt có dấu ({letters}; kiểu chữ {styles}): "
             "bản PDF sẽ bị vá chữ bằng phông khác và tách rời từng chữ",
             "cài phông cùng kích thước với Times New Roman có đủ chữ Việt: sudo apt-get install fonts-liberation2 "
             "(Debian/Ubuntu), hoặc cài phông Times New Roman; rồi chạy lại."),
    # E80x: review copies and explanations
    "E800": ("bản đọc soát (--review) chỉ tạo được cho tệp .docx, không cho định dạng “{found}”",
             "bỏ --review, hoặc chọn --format docx; muốn xem nguồn từng câu dạng chữ thì dùng lệnh “drafter explain”."),
    "E801": ("bảng tính không có dòng số liệu {found}", "chọn một dòng có số liệu: {expected}."),
}

#: Words a message takes as its ``{detail}``, each translated on its own (drafter.i18n): what a
#: roll-up may leave blank for the officer (W538), and where its own problems are said to be.
BLANK_AGENCY, BLANK_PLACE, BLANK_POSITION, BLANK_SIGNER = BLANKS = (
    "cơ quan ban hành", "địa danh", "chức vụ người ký", "người ký")
ROLLUP_PLACE = "báo cáo tổng hợp"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``E…``) or doubtful (``W…``) in one input, with its place."""

    code: str
    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str = ""
    found: str = ""
    expected: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return not self.code.startswith("W")

    @property
    def where(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return place

    @property
    def message(self) -> str:
        text, _ = MESSAGES[self.code]
        return printable(text.format(found=self.found, expected=self.expected, **_defaults(self.extra)))

    @property
    def fix(self) -> str:
        _, fix = MESSAGES[self.code]
        return printable(fix.format(found=self.found, expected=self.expected, **_defaults(self.extra)))

    def render(self) -> str:
        kind = "lỗi" if self.is_error else "cảnh báo"
        field_path = f" [{printable(self.path)}]" if self.path else ""
        message = self.message
        stop = "" if message.endswith(("?", ".", "!")) else "."
        return f"{printable(self.where)}: {kind} {self.code}{field_path}: {message}{stop} Sửa: {self.fix}"


# Control characters and lone surrogates in a message (an input's bad value, a file name) would
# drive the terminal, break a one-line message, or make printing and summary.csv fail.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    r"""``text`` with every control character shown as an escape.

    >>> printable("Gia\x07Lai\n")
    'Gia\\x07Lai\\n'
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def os_reason(error: OSError, writing: bool = False) -> str:
    """Why a file could not be read or written, in Vietnamese."""
    known = {
        "ENOENT": "thư mục không tồn tại" if writing else "không tìm thấy tệp",
        "EACCES": "không có quyền",
        "EPERM": "không có quyền",
        "ENOSPC": "ổ đĩa đã đầy",
        "EDQUOT": "đã hết hạn mức dung lượng",
        "EROFS": "ổ đĩa chỉ cho đọc",
        "EISDIR": "đích là một thư mục",
        "ENOTDIR": "đường dẫn có một phần không phải thư mục",
        "ENAMETOOLONG": "tên tệp quá dài",
        "ELOOP": "liên kết tượng trưng vòng lặp",
        "EIO": "lỗi đọc ghi thiết bị",
        "EFBIG": "tệp quá lớn",
        "EMFILE": "quá nhiều tệp đang mở",
        "ENFILE": "quá nhiều tệp đang mở",
        "EPIPE": "nơi nhận đã đóng",
        "EBADF": "nơi nhận đã đóng",
        "ENXIO": "thiết bị không có",
    }
    name = errno.errorcode.get(error.errno or 0, "")
    return known.get(name, error.strerror or str(error))


def os_problem(error: OSError, path: str, writing: bool = False) -> Problem:
    """The problem an operating-system error makes, each kind with its own code and fix.

    >>> os_problem(OSError(errno.ENAMETOOLONG, "File name too long"), "a.docx", writing=True).code
    'E608'
    >>> os_problem(OSError(errno.ENOSPC, "No space left on device"), "a.docx", writing=True).code
    'E609'
    >>> os_problem(OSError(errno.ENOENT, "No such file"), "a.docx").code
    'E101'
    """
    name = errno.errorcode.get(error.errno or 0, "")
    detail = {"detail": os_reason(error, writing)}
    if name == "ENAMETOOLONG":
        return Problem("E608", path)
    if name in ("EMFILE", "ENFILE"):
        return Problem("E616", path, extra=detail)
    if name == "EIO":
        return Problem("E617", path, extra=detail)
    if not writing:
        return Problem("E101", path, extra=detail)
    if name in ("ENOSPC", "EDQUOT", "EFBIG"):
        return Problem("E609", path, extra=detail)
    if name in ("EACCES", "EPERM", "EROFS"):
        return Problem("E613", path, extra=detail)
    return Problem("E502", path, extra=detail)


def _defaults(extra: dict) -> dict:
    return {"detail": "", "suggestion": "", "what": "", "whole": "", **extra}


class DrafterError(Exception):
    """Raised with the problems that stop a draft; the CLI prints them and exits 1."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.render() for p in self.problems))


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal (SIGTERM, SIGHUP), handled like Ctrl-C: every
    ``finally`` runs, so nothing half-written and no child process is left behind."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


#: A stop signal this process was sent and has not acted on yet (0: none).
_noted = {"signum": 0}


def note_stop(signum: int) -> None:
    """For a signal handler: note the stop, for code that acts on it where that is safe
    (:func:`drafter.output.workers.raise_noted_stop`). Python raises a signal's exception in
    whatever Python code runs next, and some code reports such an exception as ignored, or drops
    it, and carries on: an after-fork hook, a weakref callback of the import system."""
    _noted["signum"] = _noted["signum"] or signum


def take_noted_stop() -> int:
    """The stop signal noted (0: none), forgotten: the caller acts on it."""
    signum, _noted["signum"] = _noted["signum"], 0
    return signum
