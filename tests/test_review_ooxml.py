"""Review copies pass Microsoft's Open XML SDK validator (``@ooxml-tools/validate``): none for the
current Office, and for Word 2007 no finding the plain document does not have already.

The validator is installed with ``cd tests/ooxml && npm install --no-save @ooxml-tools/validate@0.4.6``
(the folder is git-ignored); without Node.js or the package the test skips and says so. Meant to be
folded into the shared validator test (``tests/test_ooxml.py`` of the office branch).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from support.forms import build_form

from drafter import api

ROOT = Path(__file__).resolve().parent.parent
GIA_LAI = ROOT / "samples" / "gia-lai-2026.yaml"
AN_KHE = ROOT / "samples" / "phuong-an-khe-2026.yaml"


VALIDATOR = ROOT / "tests" / "ooxml" / "node_modules" / "@ooxml-tools" / "validate"
_SCRIPT = """
import { readFile } from "node:fs/promises";
import validate, { getFileFormatFromName } from "@ooxml-tools/validate";
const out = {};
for (const version of ["Microsoft365", "Office2007"]) {
  out[version] = {};
  for (const file of process.argv.slice(1)) {
    const found = await validate(new Uint8Array(await readFile(file)), getFileFormatFromName(file), version);
    out[version][file] = found.map((r) => `${r.path?.partUri ?? ""} ${r.path?.xpath ?? ""}: ${r.id}`);
  }
}
process.stdout.write(JSON.stringify(out));
"""


def test_review_copies_pass_the_open_xml_sdk_validator(tmp_path):
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed (sudo apt-get install nodejs npm); the validator needs it")
    if not VALIDATOR.is_dir():
        pytest.skip("@ooxml-tools/validate is not installed: cd tests/ooxml && "
                    "npm install --no-save @ooxml-tools/validate@0.4.6")
    files = []
    for sample, template in [(GIA_LAI, "bao-cao"), (AN_KHE, "tin-bai")]:  # masthead and warning; title, byline
        for review in (False, True):
            path = tmp_path / f"{sample.stem}-{template}{'-review' if review else ''}.docx"
            path.write_bytes(api.render(sample, template, review=review))
            files.append(path)
    form = build_form(tmp_path / "mau.docx")
    for review in (False, True):
        path = tmp_path / f"form{'-review' if review else ''}.docx"
        path.write_bytes(api.render(AN_KHE, form, review=review))
        files.append(path)
    result = subprocess.run(["node", "--input-type=module", "-e", _SCRIPT, *map(str, files)], capture_output=True,
                            cwd=VALIDATOR.parent.parent.parent, timeout=600)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    found = json.loads(result.stdout)
    assert not any(found["Microsoft365"].values()), found["Microsoft365"]
    for path in files[1::2]:  # Word 2007's narrower schema: comments add nothing to the plain file's findings
        plain = str(path).replace("-review", "")
        assert sorted(found["Office2007"][str(path)]) == sorted(found["Office2007"][plain])
