#!/usr/bin/env bash
# Set up drafter in .venv and draft every sample into out/: the formal report (bao-cao) and the
# news article (tin-bai) as .docx, the article as Markdown too; a review copy of one report with a
# Word comment on every figure; the roll-up of the 2026 annual reports of the provinces.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet .
mkdir -p out
.venv/bin/drafter validate samples/*.yaml
for sample in samples/*.yaml; do
  name=$(basename "$sample" .yaml)
  for template in bao-cao tin-bai; do
    .venv/bin/drafter render "$sample" --template "$template" -o "out/$name-$template.docx" --force
  done
  .venv/bin/drafter render "$sample" --template tin-bai -o "out/$name-tin-bai.md" --force
done
.venv/bin/drafter render samples/gia-lai-2026.yaml -o out/gia-lai-2026-bao-cao-doc-soat.docx --review --force
.venv/bin/drafter rollup samples/gia-lai-2026.yaml samples/bac-ninh-2026.yaml samples/lam-dong-2026.yaml \
  -o out/tong-hop-2026.docx --force
echo "Các bản thảo đã ở trong thư mục out/:"
ls -1 out
