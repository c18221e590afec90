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
echo "== pytest"
.venv/bin/pytest -n 2 "$@"
