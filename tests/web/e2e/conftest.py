"""End-to-end tests in Debian's Chromium: a real ``cps serve`` on SQLite, a browser like a new user's.

Playwright drives ``/usr/bin/chromium`` (its own browser download does not work here). Screenshots
go to ``build/e2e-screenshots/`` (ignored by git) so that a person can look at them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[3] / "build" / "e2e-screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium de Debian no está instalado (/usr/bin/chromium)")
    data = tmp_path_factory.mktemp("cps-e2e")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"CPS_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "cps.web.config.settings"})
    # an empty entity for the new user (the demo data would hide what a newcomer sees)
    setup = (
        "from cps.web.accounts.services import entity_create, membership_set, user_create;"
        "e = entity_create(name='Alcaldía Municipal de Gachetá', nit='899999331-2', municipality='Gachetá', department='Cundinamarca');"
        "u = user_create(username='ana', password='clave-de-prueba-123', first_name='Ana', last_name='Rojas');"
        "membership_set(entity=e, user=u, role='admin')"
    )
    subprocess.run([sys.executable, "-m", "cps.web.manage", "migrate", "-v", "0"], env=env, check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "cps.web.manage", "shell", "-c", setup], env=env, check=True, timeout=120)
    proc = subprocess.Popen([sys.executable, "-m", "cps", "serve", "--port", str(port), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/cuentas/ingresar/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("cps serve no arrancó")
    yield {"base": base, "username": "ana", "password": "clave-de-prueba-123"}
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="es-CO", viewport={"width": 1366, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
