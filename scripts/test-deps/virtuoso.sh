#!/usr/bin/env bash
# Virtuoso open source (virtuoso-t, isql-vt) for tests/test_virtuoso.py. The tests start their
# own private server (tests/servers/virtuoso.py); the system-wide service the Debian package
# ships must not run, since it listens on all interfaces with the default dba/dba login.
set -euo pipefail

if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
SERVICE=virtuoso-opensource-7

# Keep maintainer scripts from starting the service during the install (Debian's policy-rc.d
# convention: exit 101 = action forbidden). Only add one if none exists, and remove it after.
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  $SUDO sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY && chmod 755 $POLICY"
  trap '$SUDO rm -f "$POLICY"' EXIT
fi

# An empty dba password answers the debconf question without a prompt. The package's own
# database (never started here) keeps dba/dba; the tests' private servers set their own.
printf '%s\n' \
  "$SERVICE $SERVICE/dba-password password" \
  "$SERVICE $SERVICE/dba-password-again password" \
  | $SUDO debconf-set-selections

echo "virtuoso.sh: installing virtuoso-opensource from Debian" >&2
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null

# Whatever the package or an existing policy did, the system service stays stopped and off at
# boot (RUN= exists only in some package versions' /etc/default file).
if [ -f "/etc/default/$SERVICE" ]; then
  $SUDO sed -i 's/^RUN=yes/RUN=no/' "/etc/default/$SERVICE"
fi
if [ -x "/etc/init.d/$SERVICE" ]; then
  $SUDO "/etc/init.d/$SERVICE" stop >/dev/null 2>&1 || true
  $SUDO update-rc.d "$SERVICE" disable >/dev/null 2>&1 || true
fi
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now "$SERVICE" >/dev/null 2>&1 || true
fi

command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
echo "virtuoso.sh: installed $(dpkg-query -W -f '${Version}' virtuoso-opensource-7-bin)" >&2
