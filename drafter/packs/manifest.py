"""Template packs on disk: the built-in ones and an office's own folder, read from ``manifest.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.packs import TemplatePackError

#: The phrase bank of a pack, and the shared bank an exported pack carries with it.
PHRASES, SHARED_PHRASES = "phrases.yaml", "phrases-shared.yaml"


@dataclass(frozen=True)
class TemplatePack:
    """A folder of wording: ``manifest.yaml`` plus either a phrase bank (``phrases.yaml``, said by
    drafter's plan and realiser) or a Jinja2 body (``body.j2`` and its partials)."""

    folder: Path
    name: str
    title: str
    description: str
    kind: str  # "decree30" or "news"
    periods: tuple[str, ...]
    settings: dict = field(default_factory=dict)

    @property
    def uses_bank(self) -> bool:
        """Whether the pack's wording is a phrase bank rather than a Jinja2 body."""
        return (self.folder / PHRASES).is_file() and not (self.folder / "body.j2").is_file()

    def bank_files(self) -> tuple[Path, ...]:
        """The shared bank (the pack's own copy when exported with it), then the pack's bank."""
        own = self.folder / SHARED_PHRASES
        return (own if own.is_file() else templates_root() / "_shared" / PHRASES, self.folder / PHRASES)


def templates_root() -> Path:
    """Built-in packs: inside the installed package, or ``templates/`` beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the drafter package
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "bao-cao" / "manifest.yaml").is_file():
            return candidate
    raise TemplatePackError(str(here / "templates"), "không tìm thấy thư mục mẫu")


def builtin_names() -> list[str]:
    root = templates_root()
    return sorted(p.name for p in root.iterdir() if (p / "manifest.yaml").is_file())


def load_pack(name_or_folder: str | Path) -> TemplatePack:
    """A built-in pack by name ("bao-cao") or a user's pack by folder."""
    folder = Path(name_or_folder)
    if not (folder / "manifest.yaml").is_file():
        folder = templates_root() / str(name_or_folder)
    return _load_pack(folder.resolve())


@lru_cache(maxsize=32)
def _load_pack(folder: Path) -> TemplatePack:
    from ruamel.yaml import YAML

    manifest_path = folder / "manifest.yaml"
    try:
        manifest = YAML(typ="safe").load(manifest_path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise TemplatePackError(str(manifest_path), "không có tệp manifest.yaml") from None
    except Exception as error:  # a user's pack: any parse failure is reported, not raised
        raise TemplatePackError(str(manifest_path), str(error)) from None
    missing = [key for key in ("name", "kind") if key not in manifest]
    if missing:
        raise TemplatePackError(str(manifest_path), "thiếu " + ", ".join(missing))
    return TemplatePack(
        folder=folder,
        name=str(manifest["name"]),
        title=str(manifest.get("title", manifest["name"])),
        description=str(manifest.get("description", "")),
        kind=str(manifest["kind"]),
        periods=tuple(manifest.get("periods", ("year", "half-year"))),
        settings=dict(manifest.get("settings", {}) or {}),
    )

