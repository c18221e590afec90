#!/usr/bin/env bash
# Instala y ejecuta Compras Sostenibles con la base de datos embebida (SQLite) y datos de demostración.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
echo
echo "Revisión de la invitación de ejemplo MC-034-2026 (Gachetá):"
echo
.venv/bin/cps review tests/fixtures/003_910f26f6926a9d9c.txt || true

# Aplicación web: SQLite en ./data (CPS_DATA_DIR), entidad y usuario de demostración.
port="${CPS_PORT:-8000}"
echo
echo "== Aplicación web en http://127.0.0.1:${port}/ con la entidad de demostración:"
exec .venv/bin/cps serve --demo --port "$port"
