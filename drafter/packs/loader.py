"""Reading a pack's template files: only real files inside the pack's own folder (or the built-in
shared one), never through a symbolic link, never larger than the limits (bytes, tags), always UTF-8.

Offices pass packs to each other by zip, chat and USB stick; a link ``ghi-chu.j2 -> /etc/passwd``
in such a pack must not put the machine's files into a document. Every piece of the path below
the pack folder is looked at without following links, the file is opened without following
one either, and its real path must still lie inside the folder.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from drafter.packs import limits


class TemplateFileError(TemplateNotFound):
    """A template file that exists but must not be read; ``code`` and ``detail`` say why.

    A subclass of :class:`TemplateNotFound` so that Jinja2 treats it as a file it cannot
    use (an include of it fails where it stands), while drafter reports the real reason.
    """

    def __init__(self, name: str, path: str, code: str, detail: str = "", expected: str = ""):
        super().__init__(name)
        self.path, self.code, self.detail, self.expected = path, code, detail, expected


def read_template(path: Path, name: str, root: Path | None = None) -> str:
    """The text of one template file, checked as described above; :class:`TemplateFileError` if not."""
    from drafter.inputs.discovery import NotRegular, TooLarge, read_limited
    from drafter.inputs.yaml_reader import legacy_encoding

    where = str(path)
    if root is not None:
        _no_link_below(root, path, name)
    try:
        data = read_limited(path, limits.MAX_TEMPLATE_BYTES, follow_symlinks=False)
    except NotRegular as error:
        raise TemplateFileError(name, where, "E527", error.kind) from None
    except TooLarge as error:
        raise TemplateFileError(name, where, "E546", f"{error.size:,} byte".replace(",", "."),
                                f"{limits.MAX_TEMPLATE_BYTES // 1024} KB") from None
    if root is not None and not _inside(Path(os.path.realpath(path)), root):
        raise TemplateFileError(name, where, "E527", "nằm ngoài thư mục mẫu")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        code, found, _ = legacy_encoding(data)
        detail = f", có vẻ được lưu bằng bảng mã {found}" if found and code == "E105" else ""
        line = data[:error.start].count(b"\n") + 1
        raise TemplateFileError(name, where, "E105", detail, expected=str(line)) from None
    text = text.replace("\r\n", "\n")
    if name.endswith(".j2"):
        from drafter.packs.syntax import tag_spans

        tags = sum(1 for _ in tag_spans(text))
        if tags > limits.MAX_TAGS:  # each tag is compiled code: 36,000 of them cost 10 s and 500 MB
            raise TemplateFileError(name, where, "E546", f"{tags:,} thẻ".replace(",", "."),
                                    f"{limits.MAX_TAGS:,} thẻ".replace(",", "."))
    return text


def _no_link_below(root: Path, path: Path, name: str) -> None:
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return  # not there: the caller reports a missing file
        if stat.S_ISLNK(mode):
            raise TemplateFileError(name, str(current), "E527", "là liên kết tượng trưng (symlink)")


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


class PackLoader(BaseLoader):
    """A pack's folder, then the built-in shared partials; each folder taken as it really is."""

    def __init__(self, folders: list[Path]):
        self.folders = [Path(os.path.realpath(folder)) for folder in folders]

    def get_source(self, environment, template: str):
        pieces = split_template_path(template)
        for folder in self.folders:
            path = Path(posixpath.join(str(folder), *pieces))
            if not os.path.lexists(path):
                continue
            text = read_template(path, template, folder)
            mtime = os.stat(path).st_mtime_ns

            def uptodate(path=path, mtime=mtime) -> bool:
                try:
                    return os.lstat(path).st_mtime_ns == mtime
                except OSError:
                    return False

            return text, str(path), uptodate
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        raise TypeError("a pack loader does not list its templates")
