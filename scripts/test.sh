#!/usr/bin/env bash
# Instala todo lo necesario y ejecuta la batería completa de pruebas: estilo (ruff), tipos (mypy)
# y pytest (núcleo, línea de comandos, documentos Word/PDF con LibreOffice, web en SQLite y PostgreSQL,
# navegador Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --with-test-tools

echo "== ruff"
.venv/bin/ruff check src tests benchmarks
echo "== mypy (núcleo)"
.venv/bin/mypy
echo "== pytest (web en SQLite)"
.venv/bin/pytest -n 2 "$@"

# The web app again, on PostgreSQL (127.0.0.1:5432, user postgres, trust authentication).
echo "== pytest: aplicación web en PostgreSQL"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
DATABASE_URL="${CPS_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cps}" \
  .venv/bin/pytest -n 2 -m "not browser" tests/web
