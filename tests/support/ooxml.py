"""Microsoft's Open XML SDK validator, for tests: many files, one process.

The validator is the npm package ``@ooxml-tools/validate`` (the SDK compiled to WebAssembly, no
.NET needed), pinned in ``tests/ooxml/package.json`` and installed by ``scripts/test.sh`` into
``tests/ooxml/node_modules`` (git-ignored): ``npm ci --prefix tests/ooxml``. Starting it costs
seconds, so :func:`validate` takes every file at once and ``tests/ooxml/validate.mjs`` checks
them in one Node.js process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "ooxml"
PACKAGE = TOOL / "node_modules" / "@ooxml-tools" / "validate" / "package.json"
#: The Office versions a file is checked against: the current one, and the oldest still met in
#: offices (Word 2007 reads a narrower schema; what it does not declare it calls corrupt).
OFFICE_VERSIONS = ("Microsoft365", "Office2007")


@dataclass(frozen=True)
class Finding:
    """One validation error, as the SDK reports it."""

    id: str
    description: str
    part: str
    xpath: str

    def __str__(self) -> str:
        return f"{self.part} {self.xpath}: {self.id}: {self.description}"


def missing() -> str | None:
    """Why the validator cannot run here, with the command that installs it; None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (sudo apt-get install nodejs npm), needed by @ooxml-tools/validate"
    if not PACKAGE.is_file():
        return "@ooxml-tools/validate is not installed: npm ci --prefix tests/ooxml (scripts/test.sh does it)"
    return None


def validate(paths: list[Path], versions: tuple[str, ...] = OFFICE_VERSIONS,
             timeout: float = 900) -> dict[str, dict[Path, list[Finding]]]:
    """Office version -> file -> its validation errors (an empty list: valid), in one Node.js process."""
    if not paths:
        return {version: {} for version in versions}
    result = subprocess.run(["node", str(TOOL / "validate.mjs"), "--office-versions", ",".join(versions),
                             *(str(p) for p in paths)], capture_output=True, timeout=timeout, cwd=TOOL)
    if result.returncode != 0:
        raise RuntimeError(f"the validator failed: {result.stderr.decode('utf-8', 'replace')[-2000:]}")
    raw = json.loads(result.stdout)
    return {version: {Path(name): [Finding(f["id"], f["description"], f["partUri"], f["xpath"]) for f in found]
                      for name, found in files.items()}
            for version, files in raw.items()}
