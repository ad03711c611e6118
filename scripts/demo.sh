#!/usr/bin/env bash
# Set up drafter in .venv and draft every sample into out/: the formal report
# (bao-cao) as .docx and, when the pack is there, the news article (tin-bai)
# as .docx and Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet .
mkdir -p out
.venv/bin/drafter validate samples/*.yaml
templates=(bao-cao)
[ -f templates/tin-bai/manifest.yaml ] && templates+=(tin-bai)
for sample in samples/*.yaml; do
  name=$(basename "$sample" .yaml)
  for template in "${templates[@]}"; do
    .venv/bin/drafter render "$sample" --template "$template" -o "out/$name-$template.docx" --force
  done
  if [ -f templates/tin-bai/manifest.yaml ]; then
    .venv/bin/drafter render "$sample" --template tin-bai -o "out/$name-tin-bai.md" --force
  fi
done
echo "Các bản thảo đã ở trong thư mục out/:"
ls -1 out
