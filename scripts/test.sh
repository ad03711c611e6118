#!/usr/bin/env bash
# Set up drafter with its test tools in .venv (and the Vietnamese hunspell
# dictionary through apt-get when run as root), then run the whole test suite.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hunspell >/dev/null 2>&1 || [ ! -f /usr/share/hunspell/vi_VN.dic ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq hunspell hunspell-vi >/dev/null
  else
    echo "Cài hunspell và hunspell-vi (sudo apt-get install hunspell hunspell-vi) để chạy phép kiểm tra chính tả." >&2
  fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/python -m pytest "$@"
