#!/usr/bin/env bash
# HermiT (bundled with owlready2) needs a Java runtime. Install one from Debian if absent.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
echo "ensure-java: no java on PATH; installing default-jre-headless" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java -version
