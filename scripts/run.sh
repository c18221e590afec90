#!/usr/bin/env bash
# Instala y ejecuta Compras Sostenibles con la base de datos embebida (SQLite) y datos de demostración.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
echo
echo "Revisión de la invitación de ejemplo MC-034-2026 (Gachetá):"
echo
.venv/bin/cps review tests/fixtures/003_910f26f6926a9d9c.txt || true
