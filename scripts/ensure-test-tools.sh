#!/usr/bin/env bash
# The tests use real programs: a PostgreSQL server (started by the tests themselves),
# LibreOffice (reads the workbooks Plumbline writes) and Chromium (the browser tests).
# Installs the Debian packages that are missing when it can (root with apt-get);
# otherwise says what to install and fails.
set -euo pipefail

missing=()
have_postgres() {
  [ -n "${PLUMBLINE_TEST_PG_URL:-}" ] || command -v initdb >/dev/null 2>&1 ||
    ls /usr/local/bin/initdb /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
have_postgres || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
((${#missing[@]})) || exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
