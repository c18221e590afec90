#!/usr/bin/env bash
# Prepara la máquina: paquetes de Debian que falten (apt), el entorno virtual .venv y la
# instalación de Compras Sostenibles con versiones fijadas (requirements.lock).
# Uso: scripts/bootstrap.sh [--with-test-tools]
set -euo pipefail
cd "$(dirname "$0")/.."

with_test_tools=0
[ "${1:-}" = "--with-test-tools" ] && with_test_tools=1

need=()
if [ "$with_test_tools" = 1 ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fi
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Instalando paquetes del sistema: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip==25.3"
extras=""
[ "$with_test_tools" = 1 ] && extras="[dev]"
.venv/bin/python -m pip install -q --disable-pip-version-check -c requirements.lock -e ".${extras}"
test -x .venv/bin/cps
