"""Template packs on disk: the built-in ones and an office's own folder, read from ``manifest.yaml``."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.packs import TemplatePackError

#: The phrase bank of a pack, and the shared bank an exported pack carries with it.
PHRASES, SHARED_PHRASES = "phrases.yaml", "phrases-shared.yaml"
#: What a pack can be: ``kind`` in manifest.yaml.
KINDS = ("decree30", "news", "rollup")
PERIODS = ("year", "half-year")
#: A Word file given where a template is expected: a form (.docx), or one to save again as .docx.
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc", ".rtf", ".odt")


@dataclass(frozen=True)
class TemplatePack:
    """A folder of wording: ``manifest.yaml`` plus either a phrase bank (``phrases.yaml``, said by
    drafter's plan and realiser) or a Jinja2 body (``body.j2`` and its partials)."""

    folder: Path
    name: str
    title: str
    description: str
    kind: str  # one of KINDS
    periods: tuple[str, ...]
    settings: dict = field(default_factory=dict)

    @property
    def uses_bank(self) -> bool:
        """Whether the pack's wording is a phrase bank rather than a Jinja2 body."""
        return (self.folder / PHRASES).is_file() and not (self.folder / "body.j2").is_file()

    @property
    def shipped(self) -> bool:
        """Whether this is a built-in pack as installed (its work may be kept in :mod:`drafter.cache`)."""
        return self.folder.parent == templates_root() and self.folder.name in _builtin_names()

    def bank_files(self) -> tuple[Path, ...]:
        """The shared bank (the pack's own copy when exported with it), then the pack's bank."""
        own = self.folder / SHARED_PHRASES
        return (own if own.is_file() else templates_root() / "_shared" / PHRASES, self.folder / PHRASES)


def is_word_form(target: str | Path) -> bool:
    """A Word file (form or not): a template argument that is not a pack's name or folder."""
    return Path(str(target)).suffix.lower() in WORD_SUFFIXES and not Path(str(target)).is_dir()


@lru_cache(maxsize=1)
def templates_root() -> Path:
    """Built-in packs: inside the installed package, or ``templates/`` beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the drafter package
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "bao-cao" / "manifest.yaml").is_file():
            return candidate
    raise TemplatePackError(str(here / "templates"), "không tìm thấy thư mục mẫu")


def builtin_names() -> list[str]:
    return list(_builtin_names())


@lru_cache(maxsize=1)
def _builtin_names() -> tuple[str, ...]:
    # shipped with the package: they do not change while it runs
    root = templates_root()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "manifest.yaml").is_file()))


def load_pack(name_or_folder: str | Path) -> TemplatePack:
    """A built-in pack by name ("bao-cao") or a user's pack by folder."""
    if isinstance(name_or_folder, str) and name_or_folder in _builtin_names() and not os.path.isdir(name_or_folder):
        return _builtin_pack(name_or_folder)  # the usual case, and the fast one
    folder = Path(name_or_folder)
    if not folder.is_dir() or not (folder / "manifest.yaml").exists() and not (folder / "manifest.yaml").is_symlink():
        if is_word_form(name_or_folder) or str(name_or_folder) not in _builtin_names():
            raise TemplatePackError(str(folder), "không phải gói mẫu", code="E522", found=str(name_or_folder))
        folder = templates_root() / str(name_or_folder)
    folder = folder.resolve()
    if folder.parent == templates_root() and folder.name in _builtin_names():
        return _builtin_pack(folder.name)
    return _load_pack(folder)


@lru_cache(maxsize=8)
def _builtin_pack(name: str) -> TemplatePack:
    # Reading a manifest takes ruamel.yaml and the loader's checks (which load Jinja2): for a pack
    # shipped with drafter the answer is kept on disk, keyed by the manifest and this code.
    from drafter.cache import cached

    folder = templates_root() / name
    code = [Path(__file__), Path(__file__).with_name("loader.py")]  # named, not imported: it loads Jinja2
    return cached(f"pack-{name}", [folder / "manifest.yaml", *code], lambda: _load_pack(folder))


@lru_cache(maxsize=32)
def _load_pack(folder: Path) -> TemplatePack:
    from ruamel.yaml import YAML

    from drafter.packs.loader import TemplateFileError, read_template

    manifest_path = folder / "manifest.yaml"
    where = str(manifest_path)
    try:
        text = read_template(manifest_path, "manifest.yaml", folder)
        manifest = YAML(typ="safe", pure=True).load(text)
    except FileNotFoundError:
        raise TemplatePackError(where, "không có tệp manifest.yaml") from None
    except TemplateFileError as error:
        raise TemplatePackError(error.path, error.detail, code=error.code, found="manifest.yaml",
                                expected=error.expected, extra={"detail": error.detail}) from None
    except Exception as error:  # a user's pack: any parse failure is reported, not raised
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(error, "problem", None) or type(error).__name__
        raise TemplatePackError(where, f"lỗi cú pháp YAML ({detail})", line=line) from None
    if manifest is None:
        manifest = {}
    if not isinstance(manifest, dict):
        raise TemplatePackError(where, "manifest.yaml phải là các cặp “tên: giá trị”", code="E543", line=1)
    missing = [key for key in ("name", "kind") if manifest.get(key) in (None, "")]  # "kind:" alone is none
    if missing:
        raise TemplatePackError(where, "thiếu " + ", ".join(missing), code="E543")
    kind = manifest["kind"]
    if kind not in KINDS:
        from drafter.inputs.field_errors import shown  # as typed: "[a]", not Python's "['a']"

        close = difflib.get_close_matches(str(kind), KINDS, n=1, cutoff=0.6)
        raise TemplatePackError(where, "", code="E542", found=shown(kind), expected=", ".join(KINDS),
                                extra={"suggestion": f"; có phải ý bạn là “{close[0]}”?" if close else ""})
    periods = manifest.get("periods", list(PERIODS))
    if not isinstance(periods, list) or not periods or any(p not in PERIODS for p in periods):
        raise TemplatePackError(where, "“periods” phải là danh sách gồm year, half-year", code="E543")
    settings = manifest.get("settings") or {}
    if not isinstance(settings, dict):
        raise TemplatePackError(where, "“settings” phải là các cặp “tên: giá trị”", code="E543")
    for key in ("name", "title", "description"):
        if key in manifest and not isinstance(manifest[key], (str, int, float)):
            raise TemplatePackError(where, f"“{key}” phải là chữ", code="E543")
    return TemplatePack(
        folder=folder,
        name=str(manifest["name"]),
        title=str(manifest.get("title", manifest["name"])),
        description=str(manifest.get("description", "")),
        kind=kind,
        periods=tuple(periods),
        settings=dict(settings),
    )


def pack_or_error(source: str | Path) -> TemplatePack:
    """The pack, or :class:`DrafterError`: E503 an unknown name, E522 not a pack, E504… a broken one."""
    from drafter.errors import DrafterError, Problem

    try:
        return load_pack(source)
    except TemplatePackError as error:
        known = ", ".join(builtin_names())
        if error.code == "E522":
            code = "E503" if not os.path.lexists(source) and not is_word_form(source) else "E522"
            raise DrafterError([Problem(code, str(source), found=str(source), expected=known)]) from None
        raise DrafterError([error.problem(str(source))]) from None
