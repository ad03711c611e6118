"""The prose of the template guide (docs/mau-bao-cao.md), around the tables :mod:`drafter.packs.guide`
generates from the code. Vietnamese, for officers."""

GUIDE_HEAD = """\
<!-- Tệp này được tạo tự động: python -m drafter.packs.guide > docs/mau-bao-cao.md. Đừng sửa tay. -->
# Tự làm mẫu báo cáo, bài tin

Mỗi cơ quan có cách viết riêng. `drafter` cho phép sửa câu chữ của mẫu có sẵn, hoặc dùng chính
mẫu Word của cơ quan, mà vẫn lấy số liệu tự động từ tệp số liệu. Lệnh `drafter templates list`
liệt kê các mẫu có sẵn.

## Cách 1: sửa câu chữ của mẫu có sẵn (ngân hàng câu)

Các mẫu có sẵn (`bao-cao`, `tin-bai`, `tong-hop`) viết bằng **ngân hàng câu** `phrases.yaml`: mỗi ý
có vài cách nói tương đương, chương trình chọn cách nói, điền số liệu và chỉ nói điều số liệu có.
Sao mẫu ra rồi sửa, thêm cách nói của cơ quan:

```bash
drafter templates export tin-bai ./mau-cua-toi/
drafter templates check ./mau-cua-toi/
drafter render so-lieu.yaml --template ./mau-cua-toi/ -o bai-tin.docx
```

Cách viết một câu, các lỗi thường gặp: [ngan-hang-cau.md](ngan-hang-cau.md). Các biến, bộ lọc dưới
đây không dùng trong ngân hàng câu; chúng dành cho hai cách sau.

## Cách 2: tự viết mẫu Jinja2 (gói mẫu)

Một thư mục có `manifest.yaml` (tên, mô tả, loại mẫu: `decree30` hoặc `news`) và `body.j2` (nội dung),
có thể dùng các câu chung trong `macros.j2`. Mở `body.j2` bằng một trình soạn thảo văn bản
(Notepad++, VS Code), viết câu chữ với các biến dưới đây, lưu với mã UTF-8, rồi kiểm tra và soạn
như ở cách 1.

Trong `body.j2`, mỗi dòng là một đoạn văn; các dòng liền nhau được nối thành một đoạn, dòng trống
ngăn cách các đoạn. Một số dòng có ý nghĩa riêng:

| dòng bắt đầu bằng | ý nghĩa |
|---|---|
| `@summary:` | trích yếu của báo cáo |
| `@doc_type:` | tên loại văn bản (mặc định BÁO CÁO) |
| `#` | tên phần, tự đánh số “Phần I”, “Phần II” |
| `##`, `###`, `####` | đề mục, tự đánh số “I.”, “1.”, “a)” |
| `- ` | một đoạn riêng |
| `!title`, `!byline` | tít và dòng tác giả của bài tin |

Đề mục không có nội dung bên dưới sẽ tự bỏ, số thứ tự tự đánh lại.

## Cách 3: dùng mẫu Word của cơ quan

Mở mẫu báo cáo quen dùng trong Word, thay các con số bằng thẻ, lưu thành tệp `.docx`:

```
Năm {{ period.year }}, {{ unit.full }} đã giao {{ r.recruitment.delivered | so }} công dân nhập ngũ,
đạt {{ d.recruitment_rate | phan_tram }} chỉ tiêu.
```

Bảng có một hàng cho mỗi phần tử: đặt `{%tr for a in r.awards %}` ở hàng đầu, các thẻ
`{{ a.giver }}`, `{{ a.individuals | so }}` ở hàng giữa và `{%tr endfor %}` ở hàng cuối. Thẻ dùng được cả
ở đầu trang, chân trang. Word tự đổi dấu nháy thẳng thành nháy cong: không sao, chương trình tự sửa.
Soạn bằng:

```bash
drafter templates check mau-cong-van.docx
drafter render so-lieu.yaml --template mau-cong-van.docx -o bao-cao.docx
```

## Cú pháp trong thẻ

- `{{ biến }}` in một giá trị; `{{ biến | bộ lọc }}` in giá trị đã viết theo cách Việt Nam.
- `{% if r.recruitment %} … {% endif %}`: chỉ in khi có số liệu. Số liệu để trống mà vẫn in ra sẽ bị
  báo lỗi, nên đặt mọi mục có thể trống trong `{% if %}`.
- `{% for a in r.awards %} … {% endfor %}`: lặp qua một danh sách.
- `{{ "chữ" ~ biến }}` nối chữ với giá trị.

## Kiểm tra trước khi soạn

`drafter templates check` đọc mẫu và liệt kê một lần mọi lỗi: sai cú pháp (kèm dòng, hoặc số đoạn, ô
bảng với mẫu Word), biến không có (kèm gợi ý tên gần đúng), bộ lọc không có. Lệnh `render` tự kiểm tra
như vậy trước khi soạn; mẫu có lỗi thì không tạo tệp nào.

## An toàn

Mẫu chạy trong môi trường cách ly (Jinja2 sandbox): mẫu chỉ đọc được các biến trong bảng dưới đây,
không đọc, ghi tệp hay chạy lệnh được. Mọi tên bắt đầu bằng `_` và lệnh `.format` bị chặn ngay khi
kiểm tra. Chữ trong số liệu (kể cả `<`, `&`, `{{`) được in đúng như đã nhập. Mẫu chỉ in được chữ, số
và ngày: in một danh sách thì nối bằng bộ lọc `ds` hoặc `join`. Gói mẫu chỉ đọc tệp thật trong thư mục
của nó, không đi theo liên kết tượng trưng (symlink).

Một lần soạn không được vượt: 2.000.000 ký tự văn bản, 500.000 ký tự cho một chuỗi hay danh sách,
1.000.000 lượt lặp (một `range` tối đa 100.000), macro lồng nhau 40 tầng, 5 giây. Tệp mẫu tối đa
256 KB; mẫu Word tối đa 20 MB. Một báo cáo thật dùng rất ít trong các giới hạn này.
"""

VARS_INTRO = """\
Viết tên biến trong `{{ … }}`. `r` là toàn bộ tệp số liệu; `unit`, `period` là cách gọi đơn vị, kỳ
báo cáo đã chia theo cấp; `d` là các tỷ lệ, tổng do chương trình tính; `changes` là so sánh với kỳ
trước. `[]` là từng phần tử của danh sách: `r.awards[].giver` dùng như
`{% for a in r.awards %}{{ a.giver }}{% endfor %}`. Ví dụ lấy từ một tệp số liệu mẫu
(tỉnh Gia Lai, năm 2026, ngày ban hành 05/12/2026)."""

FUNCTIONS_INTRO = """\
Để các báo cáo không giống hệt nhau, mẫu có thể chọn giữa nhiều cách viết. Lựa chọn cố định theo đơn
vị và kỳ: soạn lại cùng tệp số liệu luôn ra cùng câu chữ. Tham số đầu là một tên tùy đặt, khác nhau cho
mỗi chỗ chọn."""

FILTERS_INTRO = "Viết sau dấu `|`: `{{ r.recruitment.delivered | so }}`. Kết quả dưới đây do chính bộ lọc tính ra."

GUIDE_TAIL = """\
Ngoài ra dùng được các bộ lọc, hàm sẵn có của Jinja2 như `length`, `first`, `last`, `join`, `default`,
`range`, `namespace` và biến `loop.index` trong vòng lặp."""
