#!/usr/bin/env bash
# HermiT (bundled with owlready2) needs a Java runtime. Install one from Debian if absent.
# Then, once hcc-kg is installed in .venv, make HermiT's class-data archive
# (src/hcc_kg/owl/class_archive.py): a faster JVM start, never needed for a correct run.
set -euo pipefail
if ! command -v java >/dev/null 2>&1; then
  echo "ensure-java: no java on PATH; installing default-jre-headless" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
  java -version
fi
PYTHON="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python"
if [ -x "$PYTHON" ]; then
  "$PYTHON" -m hcc_kg.owl.class_archive || echo "ensure-java: HermiT runs without a class archive" >&2
fi
