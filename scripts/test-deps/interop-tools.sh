#!/usr/bin/env bash
# kgx and sssom-py, the field's own validators for the KGX export and the SSSOM mappings
# (tests/test_kgx.py, tests/test_sssom.py call their CLIs as subprocesses).  They live in a
# venv of their own, .venv-tools, because kgx pins numpy<2 and would downgrade the project's.
# PyPI only; pinned so that the validators (and the Biolink model kgx ships) do not move.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=.venv-tools
# biolink-model is the Biolink model kgx validates against (read offline by scripts/kgx_offline.py).
PINS="kgx==2.7.0 sssom==0.4.21 biolink-model==4.4.3"
STAMP="$TOOLS/.installed-$(echo "$PINS" | tr ' =' '_-')"
if [ -e "$STAMP" ] && [ -x "$TOOLS/bin/kgx" ] && [ -x "$TOOLS/bin/sssom" ]; then
  exit 0
fi
echo "test-deps/interop-tools: installing $PINS into $TOOLS" >&2
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m venv "$TOOLS"
"$TOOLS/bin/pip" install --quiet --upgrade pip
# shellcheck disable=SC2086
"$TOOLS/bin/pip" install --quiet $PINS
# plain `kgx --help` downloads the Biolink model at import; the offline runner does not
"$TOOLS/bin/python" scripts/kgx_offline.py --help >/dev/null
"$TOOLS/bin/sssom" --help >/dev/null
rm -f "$TOOLS"/.installed-*
touch "$STAMP"
