#!/usr/bin/env bash
# Set up drafter with its test tools in .venv, then run the whole test suite. As root, the
# system tools the tests read documents with come from Debian's packages through apt-get:
# the Vietnamese hunspell dictionary (spelling checks), LibreOffice Writer (PDF through a real
# office suite, tests marked "office"), a Times-metric font with every Vietnamese letter
# (fonts-liberation2: Liberation 1.07 of fonts-liberation lacks them, and LibreOffice would patch
# them in from another font), poppler-utils (pdftotext, pdfinfo, pdftoppm, pdffonts to read
# the PDFs back) and Node.js with npm (Microsoft's Open XML SDK validator, @ooxml-tools/validate,
# which npm installs into tests/ooxml/). Without them those tests skip and say why.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
if ! command -v hunspell >/dev/null 2>&1 || [ ! -f /usr/share/hunspell/vi_VN.dic ]; then
  need+=(hunspell hunspell-vi)
fi
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  need+=(libreoffice-writer-nogui)
fi
# The font fontconfig gives LibreOffice for "Times New Roman" must cover Vietnamese (lang "vi"),
# which drafter --pdf checks too (drafter/output/fonts.py), and have its metrics, so that the
# PDFs are laid out as Word lays out the .docx (without Liberation, fontconfig gives DejaVu Serif).
times=$(fc-match --format '%{family[0]}|%{lang}|' 'Times New Roman' 2>/dev/null || true)
case "|$times" in
  "|Times New Roman|"*"|vi|"* | "|Liberation Serif|"*"|vi|"* | "|Tinos|"*"|vi|"*) ;;
  *) need+=(fonts-liberation2) ;;
esac
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
   || ! command -v pdffonts >/dev/null 2>&1; then
  need+=(poppler-utils)
fi
# Node.js runs Microsoft's Open XML SDK validator (tests/test_ooxml.py).
if ! command -v npm >/dev/null 2>&1; then
  need+=(nodejs npm)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Cài ${need[*]} (sudo apt-get install ${need[*]}) để chạy các phép kiểm tra chính tả, PDF và Open XML." >&2
  fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
# The validator, at the version tests/ooxml/package-lock.json pins, into tests/ooxml/node_modules
# (git-ignored); again only when the lock file changed.
if command -v npm >/dev/null 2>&1; then
  if [ ! -f tests/ooxml/node_modules/.package-lock.json ] \
     || [ tests/ooxml/package-lock.json -nt tests/ooxml/node_modules/.package-lock.json ]; then
    npm ci --prefix tests/ooxml --no-audit --no-fund --loglevel=error
  fi
fi
# The tests read the command line's Vietnamese messages, whatever the machine's locale says
# (an English LANG would switch drafter to English); tests of the language choice set their own.
export DRAFTER_LANG=vi
.venv/bin/python -m pytest "$@"
